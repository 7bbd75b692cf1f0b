// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"

#include "AboutDialog.h"
#include "AddSourceDialog.h"
#include "DeezerBrowseTab.h"
#include "CredentialsForm.h"
#include "DemoImport.h"
#include "DownloadsPanel.h"
#include "FetchController.h"
#include "ExportDialog.h"
#include "SettingsDialog.h"
#include "ImportProgress.h"
#include "ImportRunner.h"
#include "LibraryModel.h"
#include "LibraryPanel.h"
#include "listen/ListenController.h"
#include "listen/MapSelectionBar.h"
#include "map/MapView.h"
#include "PlayerBar.h"
#include "SpectrogramPanel.h"
#include "SpectrogramView.h"
#include "analysis/Analyzer.h"
#include "classify/ClassifierPanel.h"
#include "audio/Player.h"
#include "library/DemoLocator.h"
#include "library/Library.h"
#include "map/MapJob.h"
#include "map/MapPanel.h"
#include "net/FetchJob.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QComboBox>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QCheckBox>
#include <QSettings>
#include <QStatusBar>
#include <QToolBar>

namespace gs {

MainWindow::MainWindow(Library& library, Options options, QWidget* parent)
    : QMainWindow(parent), m_db(library), m_options(options), m_importer(new ImportRunner(library, this)),
      m_player(new Player(&library, this))
{
    setWindowTitle(QStringLiteral("GenreScope"));
    setObjectName(QStringLiteral("MainWindow"));
    m_library = new LibraryPanel(library, *m_importer, this);
    m_spectrogram = new SpectrogramPanel(this);
    m_playerBar = new PlayerBar(*m_player, this);
    m_analyzer = new Analyzer(dsp::FeatureParams{}, library.paths().featureDir(), 0, this);
    m_mapJob = new MapJob(0, this);
    m_map = new MapPanel(m_analyzer, m_mapJob, this);
    m_listen = new ListenController(library, *m_player, *m_map->view(), this);
    m_map->insertMapBar(m_listen->selectionBar());
    m_classifier = new ClassifierPanel(m_analyzer, this);
    m_fetch = new FetchController(library, this);
    m_downloads = new DownloadsPanel(library, *m_fetch, this);

    setCentralWidget(m_spectrogram);
    auto* libraryDock = new QDockWidget(tr("Library"), this);
    libraryDock->setObjectName(QStringLiteral("libraryDock"));
    libraryDock->setWidget(m_library);
    libraryDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::LeftDockWidgetArea, libraryDock);
    auto* pcaDock = new QDockWidget(tr("Map"), this);
    pcaDock->setObjectName(QStringLiteral("pcaDock"));
    pcaDock->setWidget(m_map);
    pcaDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::RightDockWidgetArea, pcaDock);
    auto* listenDock = new QDockWidget(tr("Neighbourhood"), this);
    listenDock->setObjectName(QStringLiteral("neighbourhoodDock"));
    listenDock->setWidget(m_listen->tabs());
    listenDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    splitDockWidget(pcaDock, listenDock, Qt::Vertical);
    auto* classifierDock = new QDockWidget(tr("Classifier"), this);
    classifierDock->setObjectName(QStringLiteral("classifierDock"));
    classifierDock->setWidget(m_classifier);
    classifierDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable | QDockWidget::DockWidgetClosable);
    tabifyDockWidget(pcaDock, classifierDock);
    pcaDock->raise();
    resizeDocks({libraryDock, pcaDock}, {460, 560}, Qt::Horizontal); // restoreState() may override
    resizeDocks({pcaDock, listenDock}, {640, 300}, Qt::Vertical);
    m_downloadsDock = new QDockWidget(tr("Downloads"), this);
    m_downloadsDock->setObjectName(QStringLiteral("downloadsDock"));
    m_downloadsDock->setWidget(m_downloads);
    addDockWidget(Qt::BottomDockWidgetArea, m_downloadsDock);
    m_downloadsDock->hide(); // shown when a fetch starts; View menu toggles it
    auto* transport = new QToolBar(tr("Player"), this);
    transport->setObjectName(QStringLiteral("playerToolBar"));
    transport->setMovable(false);
    transport->addWidget(m_playerBar);
    addToolBar(Qt::BottomToolBarArea, transport);
    statusBar()->addPermanentWidget(new ImportProgress(*m_importer, this));

    buildMenus();
    connectPanels();
    restoreSettings();
    m_library->refresh();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Add source…"), QKeySequence(Qt::CTRL | Qt::Key_N), this, &MainWindow::showAddSource);
    file->addAction(tr("Import &folder…"), QKeySequence(Qt::CTRL | Qt::Key_O), this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Import a folder of audio files"));
        if (!dir.isEmpty())
            importPaths({dir});
    });
    file->addAction(tr("Import the &demo library"), this, &MainWindow::importDemo);
    file->addSeparator();
    file->addAction(tr("&Export current view…"), QKeySequence(Qt::CTRL | Qt::Key_E), this, &MainWindow::exportView);
    file->addSeparator();
    file->addAction(tr("&Settings…"), QKeySequence::Preferences, this, &MainWindow::showSettings);
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    QMenu* playback = menuBar()->addMenu(tr("&Playback"));
    playback->addActions(m_playerBar->playbackActions());
    QMenu* view = menuBar()->addMenu(tr("&View"));
    for (QDockWidget* dock : findChildren<QDockWidget*>())
        view->addAction(dock->toggleViewAction());
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About and credits"), this, &MainWindow::showAbout);
}

void MainWindow::connectPanels()
{
    connect(m_library, &LibraryPanel::trackSelected, this, [this](qint64 id) {
        const bool playing = m_player->isPlaying();
        if (m_player->load(id) && playing)
            m_player->play();
    });
    connect(m_library, &LibraryPanel::trackActivated, this, &MainWindow::playFromLibrary);
    connect(m_importer, &ImportRunner::finished, this, [this](const QString&, const LocalImportReport& report) {
        if (m_showImported && !report.imported.isEmpty() && m_player->currentTrackId() == 0)
            m_pendingShow = report.imported.first().id;
        m_showImported = false;
    });
    // Online fetches: the tree follows the downloads (at most about once a second).
    m_refreshSoon.setSingleShot(true);
    m_refreshSoon.setInterval(1000);
    connect(&m_refreshSoon, &QTimer::timeout, m_library, &LibraryPanel::refresh);
    connect(m_fetch, &FetchController::jobStarted, this, [this](FetchJob* job) {
        connect(job, &FetchJob::sourceListed, &m_refreshSoon, qOverload<>(&QTimer::start));
        connect(&job->downloads(), &DownloadManager::trackFinished, &m_refreshSoon, qOverload<>(&QTimer::start));
    });
    connect(m_fetch, &FetchController::jobFinished, m_library, &LibraryPanel::refresh);
    connect(m_fetch, &FetchController::rejected, this, [this](const QStringList& errors) {
        statusBar()->showMessage(tr("Not a source: %1").arg(errors.join(QStringLiteral("; "))), 12000);
    });
    connect(m_map, &MapPanel::trackActivated, this, &MainWindow::playFromLibrary);
    connect(m_classifier, &ClassifierPanel::trackActivated, this, &MainWindow::playFromLibrary);
    connect(m_classifier, &ClassifierPanel::predictionsChanged, m_library->model(), &LibraryModel::setPredictions);
    connect(m_classifier, &ClassifierPanel::predictionsChanged, m_map, &MapPanel::setPredictions);
    connect(m_library, &LibraryPanel::trackSelected, m_map, &MapPanel::setCurrentTrack);
    connect(m_player, &Player::trackChanged, m_map, [this](qint64 id) { m_map->setCurrentTrack(id); });
    connect(m_library, &LibraryPanel::refreshed, this, [this] {
        m_map->setGenreColours(m_library->model()->genreColours());
        m_classifier->setLibraryTracks(m_library->model()->snapshot().tracks);
        m_map->analyzeTracks(m_library->model()->snapshot().tracks);
        if (!m_listen->ownsQueue()) // a neighbourhood or selection being played keeps its queue
            m_player->setQueue(m_library->playableTrackIds());
        if (m_pendingShow != 0) {
            m_player->load(m_pendingShow); // shows what was just imported
            m_pendingShow = 0;
        }
        if (!m_firstRefreshDone) {
            m_firstRefreshDone = true;
            onFirstRefresh();
        }
    });
    // A library that cannot be read is not an empty one: say so, and offer no demo.
    connect(m_library, &LibraryPanel::readFailed, this, [this](const QString& error) {
        statusBar()->showMessage(tr("Cannot read the library: %1").arg(error));
    });
    connect(m_player, &Player::trackChanged, this, &MainWindow::onTrackChanged);
    connect(m_player, &Player::positionChanged, m_spectrogram, &SpectrogramPanel::setPosition);
    connect(m_player, &Player::durationChanged, m_spectrogram, &SpectrogramPanel::setDuration);
    connect(m_player, &Player::playingChanged, m_spectrogram, &SpectrogramPanel::setPlaying);
    connect(m_player, &Player::failed, this, [this](const QString& m) { statusBar()->showMessage(m, 8000); });
    connect(m_spectrogram, &SpectrogramPanel::seekRequested, m_player, &Player::seek);
    connectListening();
}

void MainWindow::connectListening()
{
    const auto showMap = [this] { // the rows of the map on screen (PCA, UMAP or t-SNE)
        const bool embedding = m_map->shownSpec().isEmbedding();
        m_listen->setMap(embedding ? m_map->mapResult().table : m_map->result().table, m_map->shownSpec().standardize,
                         m_analyzer->lastResult());
    };
    connect(m_map, &MapPanel::resultShown, m_listen, showMap);
    connect(m_map, &MapPanel::resultFailed, m_listen, [this] { m_listen->setMap({}, false, {}); });
    connect(m_library, &LibraryPanel::trackSelected, m_listen, &ListenController::selectTrack);
    connect(m_map, &MapPanel::trackActivated, m_listen, &ListenController::selectTrack);
    connect(m_listen, &ListenController::libraryChanged, m_library, &LibraryPanel::refresh);
    connect(m_listen, &ListenController::message, this, [this](const QString& m) { statusBar()->showMessage(m, 8000); });
}

void MainWindow::playFromLibrary(qint64 trackId)
{
    m_player->setQueue(m_library->playableTrackIds()); // back to the library's order
    if (m_player->currentTrackId() == trackId || m_player->load(trackId))
        m_player->play();
}

void MainWindow::onTrackChanged(qint64 trackId, const QString& path)
{
    const TrackRecord* t = m_library->model()->trackAt(m_library->model()->indexOfTrack(trackId));
    QString title = t ? t->title : QFileInfo(path).completeBaseName();
    if (t && !t->artist.isEmpty())
        title += QStringLiteral(" — ") + t->artist;
    m_playerBar->setTrackText(title);
    m_spectrogram->showTrack(trackId, path, t ? t->title : title);
    m_library->setCurrentTrack(trackId);
}

void MainWindow::importPaths(const QStringList& paths)
{
    if (paths.isEmpty())
        return;
    m_showImported = true;
    m_library->importPaths(paths);
}

void MainWindow::importDemo()
{
    m_showImported = true;
    m_importer->start(DemoImport::job(), tr("the demo library"));
}

void MainWindow::onFirstRefresh()
{
    // Runs after the first refresh that read the library (LibraryPanel::refreshed() never
    // follows a failed read), so "empty" here is a fact.
    if (!m_options.offerDemo || !m_library->model()->snapshot().tracks.isEmpty() || m_importer->isBusy() ||
        DemoLocator::demoDir().isEmpty())
        return;
    auto* box = new QMessageBox(QMessageBox::Question, tr("Welcome to GenreScope"),
                                tr("Your library is empty. Import the offline demo library?\n\n"
                                   "15 freely licensed 30-second clips in five styles (metal, orchestral, "
                                   "electronic, ambient, chiptune); no account or network needed. "
                                   "Help → About and credits lists their authors and licences."),
                                QMessageBox::Yes | QMessageBox::No, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setDefaultButton(QMessageBox::Yes);
    connect(box, &QMessageBox::buttonClicked, this, [this, box](QAbstractButton* b) {
        if (box->standardButton(b) == QMessageBox::Yes)
            importDemo();
    });
    box->open();
}

void MainWindow::exportView()
{
    auto* dialog = new ExportDialog(m_spectrogram->melView(), m_spectrogram->mfccView(), m_spectrogram->currentView(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ExportDialog::exported, this,
            [this](const QString& path) { statusBar()->showMessage(tr("Exported %1").arg(path), 8000); });
    dialog->open();
}

void MainWindow::showAddSource()
{
    auto* dialog = new AddSourceDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto* deezer = new DeezerBrowseTab(dialog);
    dialog->addPage(deezer, tr("Deezer genres"), [deezer](QString* genre) { return deezer->picked(genre); });
    connect(dialog, &AddSourceDialog::localImportRequested, this, [this](const LocalImportRequest& request) {
        m_importer->importCollection(request, QFileInfo(request.path).fileName());
    });
    connect(dialog, &AddSourceDialog::fetchRequested, this, &MainWindow::fetch);
    dialog->open();
}

void MainWindow::fetch(const QStringList& sources, const QString& genre)
{
    m_downloadsDock->show();
    m_fetch->fetch(sources, genre);
}

void MainWindow::showAbout()
{
    auto* dialog = new AboutDialog(DemoLocator::demoDir(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

QSize MainWindow::defaultSize() const
{
    // Three panes want room: most of the screen, up to 1800 x 1100.
    const QScreen* s = screen() ? screen() : QGuiApplication::primaryScreen();
    const QSize avail = s ? s->availableGeometry().size() : QSize(1400, 860);
    return QSize(std::min(1800, avail.width() * 94 / 100), std::min(1100, avail.height() * 92 / 100));
}

void MainWindow::restoreSettings()
{
    const QSettings s;
    if (!restoreGeometry(s.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(defaultSize());
    restoreState(s.value(QStringLiteral("window/state")).toByteArray());
    if (const auto spec = MapSpec::fromKey(s.value(QStringLiteral("map/spec")).toString()))
        m_map->setSpec(*spec); // the map chosen last time (its stored map shows at once)
    applySettings(AppSettings::load());
    m_classifier->learningCurveBox()->setChecked(m_settings.classifierLearningCurve); // not a dialog's setting
}

void MainWindow::applySettings(const AppSettings& settings)
{
    m_settings = settings;
    m_spectrogram->setColourMap(settings.colourMap);
    m_spectrogram->setMfccColourMap(settings.mfccColourMap);
    m_player->setVolume(settings.volume);
    m_fetch->setConcurrency(settings.downloadConcurrency);
}

void MainWindow::saveSettings()
{
    QSettings s;
    s.setValue(QStringLiteral("window/geometry"), saveGeometry());
    s.setValue(QStringLiteral("window/state"), saveState());
    s.setValue(QStringLiteral("map/spec"), m_map->spec().key());
    m_settings.colourMap = m_spectrogram->melView()->colourMap();
    m_settings.mfccColourMap = m_spectrogram->mfccView()->colourMap();
    m_settings.volume = m_player->volume();
    m_settings.classifierLearningCurve = m_classifier->learningCurveBox()->isChecked();
    m_settings.save();
}

void MainWindow::showSettings()
{
    auto* dialog = new SettingsDialog(m_settings, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto* credentials = new CredentialsForm(dialog);
    dialog->addSection(tr("Spotify"), credentials);
    connect(dialog, &QDialog::accepted, this, [this, dialog, credentials] {
        applySettings(dialog->settings());
        saveSettings();
        QString error;
        if (!credentials->save(&error))
            statusBar()->showMessage(tr("Spotify credentials not saved: %1").arg(error), 10000);
    });
    dialog->open();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveSettings();
    m_player->stop();
    event->accept();
}

} // namespace gs
