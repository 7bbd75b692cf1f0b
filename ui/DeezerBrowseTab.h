// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// "Deezer genres" page of the Add-source dialog: Deezer's genre list (/genre) and, for the
// chosen genre, its chart playlists (/chart/{id}/playlists). picked() gives the checked
// playlists as deezer:playlist/ID and suggests the Deezer genre's name as the genre.
// Requests are asynchronous (own HttpClient on this thread); the first one goes out when
// the page is first shown, so opening the dialog costs no network.
#include <QWidget>

#include <memory>

class QLabel;
class QListWidget;

namespace gs {

class DeezerSource;
class HttpClient;

class DeezerBrowseTab : public QWidget
{
    Q_OBJECT
public:
    explicit DeezerBrowseTab(QWidget* parent = nullptr);
    ~DeezerBrowseTab() override;

    /// Checked playlists in fetch syntax; `genre` gets the selected Deezer genre's name.
    [[nodiscard]] QStringList picked(QString* genre) const;
    [[nodiscard]] QListWidget* genreList() const { return m_genres; }
    [[nodiscard]] QListWidget* playlistList() const { return m_playlists; }

protected:
    void showEvent(QShowEvent* event) override;

private:
    void loadGenres();
    void loadPlaylists(const QString& genreId);

    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<DeezerSource> m_deezer;
    QListWidget* m_genres = nullptr;
    QListWidget* m_playlists = nullptr;
    QLabel* m_status = nullptr;
    bool m_requested = false;
    QString m_wantedGenre; ///< the genre whose playlists the newest request is for
};

} // namespace gs
