// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Add source: playlist links or an iTunes search (OnlineSourceTab), Deezer's genres and
// their chart playlists (a browse page added by the network layer via addPage()), or local
// files (LocalSourceTab). Online sources are filed under the genre typed here. On "Add" the
// dialog emits one request and closes; it does no work itself.
#include "library/LocalImporter.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QTabWidget;

namespace gs {

class LocalSourceTab;
class OnlineSourceTab;

class AddSourceDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AddSourceDialog(QWidget* parent = nullptr);

    [[nodiscard]] QTabWidget* tabs() const { return m_tabs; }
    [[nodiscard]] LocalSourceTab* localTab() const { return m_local; }
    [[nodiscard]] OnlineSourceTab* onlineTab() const { return m_online; }
    void setGenre(const QString& genre);
    /// What keeps "Add" from going ahead (shown in the dialog); empty after a request.
    [[nodiscard]] QString errorText() const;
    /// A page that fills `sources` (fetch syntax) and, optionally, a suggested genre.
    using SourcePicker = std::function<QStringList(QString* suggestedGenre)>;
    void addPage(QWidget* page, const QString& title, SourcePicker picker);

public slots:
    /// Validates the current page and emits its request.
    void submit();

signals:
    void fetchRequested(const QStringList& sources, const QString& genre);
    void localImportRequested(const gs::LocalImportRequest& request);

private:
    QTabWidget* m_tabs = nullptr;
    OnlineSourceTab* m_online = nullptr;
    LocalSourceTab* m_local = nullptr;
    QLineEdit* m_genre = nullptr;
    QLabel* m_error = nullptr;
    QHash<QWidget*, SourcePicker> m_pickers;
};

} // namespace gs
