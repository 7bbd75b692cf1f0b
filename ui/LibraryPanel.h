// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The library browser: a filter box over the genre -> playlist -> track tree (LibraryModel
// behind a recursive QSortFilterProxyModel). Selecting a track emits trackSelected();
// activating it (double click, Enter) emits trackActivated(). Audio files or folders dropped
// on the panel are imported off the GUI thread through the ImportRunner: onto a genre (or
// one of its rows) they join that genre, elsewhere a folder's name (a file's parent folder's
// name) is the genre, and a folder holding only folders is a collection whose sub-folders
// name the genres (as `genrescope-cli import folder`). The tree refreshes (read off the GUI thread) after every import and
// on refresh(). A read that fails (a busy, locked or corrupted database) keeps the tree as it
// was, shows the reason under it and emits readFailed(), never refreshed(): it is never
// taken for an empty library. A header click sorts the rows under each parent by that column
// (Predicted: by probability); a third click restores the library's order.
#include <QFileInfo>
#include <QFutureWatcher>
#include <QWidget>

#include "LibrarySnapshot.h"

class QLineEdit;
class QLabel;
class QSortFilterProxyModel;
class QTreeView;

namespace gs {

class ImportRunner;
class Library;
class LibraryModel;

class LibraryPanel : public QWidget
{
    Q_OBJECT
public:
    /// `library` and `importer` (not owned) must outlive the panel.
    LibraryPanel(Library& library, ImportRunner& importer, QWidget* parent = nullptr);
    ~LibraryPanel() override;

    [[nodiscard]] LibraryModel* model() const { return m_model; }
    [[nodiscard]] QTreeView* view() const { return m_view; }
    [[nodiscard]] QLineEdit* filterBox() const { return m_filter; }
    /// Playable track ids in the order the (filtered) tree shows them, each once.
    [[nodiscard]] QList<qint64> playableTrackIds() const;
    /// Whether a refresh has completed (successfully).
    [[nodiscard]] bool isLoaded() const { return m_loaded; }
    /// Why the last refresh failed; "" after a successful one.
    [[nodiscard]] QString lastError() const { return m_error; }

public slots:
    /// Re-reads the library off the GUI thread.
    void refresh();
    /// Selects (and scrolls to) the first row of track `id` without emitting trackSelected().
    void setCurrentTrack(qint64 id);
    /// Imports `paths` (files or folders) with the genre rule above; `genre` wins if set.
    void importPaths(const QStringList& paths, const QString& genre = {});

signals:
    void trackSelected(qint64 trackId);
    void trackActivated(qint64 trackId);
    /// After each successful refresh (the model holds the new snapshot).
    void refreshed();
    /// After a refresh that could not read the library (one line naming the file and reason).
    void readFailed(const QString& error);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    /// A folder holding only folders (e.g. ~/Music/genres/<genre>/...): imported as a
    /// collection, each sub-folder's name the genre of the files below it.
    static bool isCollection(const QFileInfo& info);
    void onSnapshot();
    void onCurrentChanged(const QModelIndex& current);
    [[nodiscard]] QString genreAt(const QPoint& panelPos) const;

    Library& m_library;
    ImportRunner& m_importer;
    LibraryModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QTreeView* m_view = nullptr;
    QLineEdit* m_filter = nullptr;
    QLabel* m_summary = nullptr;
    QString m_error;
    QFutureWatcher<LibrarySnapshot> m_reader;
    bool m_refreshAgain = false;
    bool m_loaded = false;
    bool m_settingCurrent = false;
    qint64 m_current = 0;
};

} // namespace gs
