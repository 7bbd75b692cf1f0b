// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// "Playlist link / search" page of the Add-source dialog: Spotify or Deezer playlist links
// (or deezer:playlist/ID, spotify:playlist/ID, one per line) and an optional iTunes search.
// sources() gives them in the fetch syntax (INTERFACE.md, `fetch SOURCE...`); the fetch
// parses and reports bad ones.
#include <QWidget>

class QLineEdit;
class QPlainTextEdit;

namespace gs {

class OnlineSourceTab : public QWidget
{
    Q_OBJECT
public:
    explicit OnlineSourceTab(QWidget* parent = nullptr);

    void setLinks(const QString& text);
    void setSearch(const QString& query);
    /// Non-empty lines of the link box, then "itunes:QUERY" when a search is given.
    [[nodiscard]] QStringList sources() const;

private:
    QPlainTextEdit* m_links = nullptr;
    QLineEdit* m_search = nullptr;
};

} // namespace gs
