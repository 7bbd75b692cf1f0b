// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The main window: assembles the panels (library tree, feature views, player bar, import
// progress), the menus, and connects their signals. It owns no logic of its own: selection
// -> player -> views is all signal wiring; work runs in the components it holds.
// Restores and saves its geometry, dock state and view settings (QSettings).
#include "AppSettings.h"

#include <QMainWindow>
#include <QTimer>

class QDockWidget;

namespace gs {

class Analyzer;
class ClassifierPanel;
class DownloadsPanel;
class FetchController;
class ImportRunner;
class Library;
class LibraryPanel;
class MapJob;
class MapPanel;
class ListenController;
class Player;
class PlayerBar;
class SpectrogramPanel;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    struct Options
    {
        bool offerDemo = true; ///< ask to import the demo when the library turns out empty
    };

    /// `library` (open, not owned) must outlive the window.
    explicit MainWindow(Library& library, Options options, QWidget* parent = nullptr);
    ~MainWindow() override;

    [[nodiscard]] LibraryPanel* libraryPanel() const { return m_library; }
    [[nodiscard]] SpectrogramPanel* spectrogramPanel() const { return m_spectrogram; }
    [[nodiscard]] PlayerBar* playerBar() const { return m_playerBar; }
    [[nodiscard]] Player* player() const { return m_player; }
    [[nodiscard]] ImportRunner* importRunner() const { return m_importer; }
    [[nodiscard]] MapPanel* mapPanel() const { return m_map; }
    [[nodiscard]] ListenController* listen() const { return m_listen; }
    [[nodiscard]] ClassifierPanel* classifierPanel() const { return m_classifier; }

public slots:
    /// Imports files/folders given on the command line (see LibraryPanel for the genre
    /// rule) and, when nothing is loaded yet, shows the first imported track.
    void importPaths(const QStringList& paths);
    void showAbout();
    void showAddSource();
    /// Lists `sources` (fetch syntax), files their tracks under `genre`, downloads previews.
    void fetch(const QStringList& sources, const QString& genre);
    /// The export dialog for the current feature view (Ctrl+E).
    void exportView();
    void importDemo();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildMenus();
    void connectPanels();
    void connectListening();
    void playFromLibrary(qint64 trackId);
    void onTrackChanged(qint64 trackId, const QString& path);
    void onFirstRefresh();
    [[nodiscard]] QSize defaultSize() const;
    void restoreSettings();
    void applySettings(const AppSettings& settings);
    void saveSettings();
    void showSettings();

    Library& m_db;
    Options m_options;
    AppSettings m_settings;
    ImportRunner* m_importer = nullptr;
    Player* m_player = nullptr;
    LibraryPanel* m_library = nullptr;
    SpectrogramPanel* m_spectrogram = nullptr;
    PlayerBar* m_playerBar = nullptr;
    Analyzer* m_analyzer = nullptr;
    MapJob* m_mapJob = nullptr;
    MapPanel* m_map = nullptr;
    ListenController* m_listen = nullptr;
    ClassifierPanel* m_classifier = nullptr;
    FetchController* m_fetch = nullptr;
    DownloadsPanel* m_downloads = nullptr;
    QDockWidget* m_downloadsDock = nullptr;
    QTimer m_refreshSoon; ///< debounces library refreshes during downloads
    bool m_firstRefreshDone = false;
    bool m_showImported = false; ///< load the first track of the next finished import
    qint64 m_pendingShow = 0;    ///< ... once the tree has it
    bool m_playWhenLoaded = false;
};

} // namespace gs
