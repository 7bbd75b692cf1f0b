// SPDX-License-Identifier: GPL-3.0-or-later
// genrescope [FILE|DIR...]: the explorer. Opens the library (GENRESCOPE_LIBRARY, else the
// folder chosen in Settings, else the default under $XDG_DATA_HOME), shows the main window
// and imports the paths given. --startup-report: see StartupReport.h (no dialog appears).
#include "AppSettings.h"
#include "MainWindow.h"
#include "StartupReport.h"
#include "library/Library.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QTextStream>

#include <memory>

namespace {

// --help and --version answer without a display (no QApplication needed for them).
bool wantsTextOnly(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray a(argv[i]);
        if (a == "-h" || a == "--help" || a == "--help-all" || a == "-v" || a == "--version")
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char** argv)
{
    if (wantsTextOnly(argc, argv) && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("genrescope"));
    QApplication::setOrganizationName(QStringLiteral("genrescope"));
    QApplication::setApplicationDisplayName(QStringLiteral("GenreScope"));
    QApplication::setApplicationVersion(QStringLiteral(GENRESCOPE_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.genrescope.GenreScope"));
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("io.github.genrescope.GenreScope")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Explore music by genre: previews, mel spectrograms, MFCCs, PCA."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("paths"), QStringLiteral("Audio files or folders to import and show (genre: a file's folder name, a "
                                                                "folder's name, or for a folder of genre folders each "
                                                                "sub-folder's name)."),
                                 QStringLiteral("[FILE|DIR...]"));
    const QCommandLineOption startupReport(
        QStringLiteral("startup-report"),
        QStringLiteral("Start on the current library, wait until every analysed track is on the map, print\n"
                       "'startup: tracks=N mapped=M ms=T rss_mb=R' (T: ms since the process started) and quit:\n"
                       "exit 0, or 1 when the map could not be made. No dialog appears."));
    parser.addOption(startupReport);
    parser.process(app);
    const bool reporting = parser.isSet(startupReport);

    gs::Library library{gs::LibraryPaths(gs::AppSettings::load().effectiveLibraryDir())};
    QString error;
    if (!library.open(&error)) {
        if (reporting) {
            QTextStream(stderr) << "genrescope: cannot open the library: " << error << Qt::endl;
            return 1;
        }
        QMessageBox::critical(nullptr, QStringLiteral("GenreScope"),
                              QStringLiteral("Cannot open the library: %1").arg(error));
        return 2;
    }
    const QStringList paths = parser.positionalArguments();
    gs::MainWindow window(library, {.offerDemo = paths.isEmpty() && !reporting});
    std::unique_ptr<gs::StartupReport> report;
    if (reporting) {
        report = std::make_unique<gs::StartupReport>(window);
        QObject::connect(report.get(), &gs::StartupReport::finished, &app, [](int code) { QApplication::exit(code); });
    }
    window.show();
    window.importPaths(paths);
    return QApplication::exec();
}
