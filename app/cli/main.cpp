// SPDX-License-Identifier: GPL-3.0-or-later
// genrescope-cli: dispatches to the registered sub-commands (one file each).
#include "CliCommand.h"
#include "text/Printable.h"

#include <QGuiApplication>
#include <QTextStream>

#include <exception>
#include <new>

namespace {

// Qt's own chatter (platform plugin, XDG warnings) stays off stderr unless asked for with
// GENRESCOPE_VERBOSE=1: stderr carries only our progress and one-line errors.
void quietMessageHandler(QtMsgType type, const QMessageLogContext&, const QString& msg)
{
    if (type == QtFatalMsg || qEnvironmentVariableIntValue("GENRESCOPE_VERBOSE") > 0)
        QTextStream(stderr) << gs::printable(msg) << Qt::endl;
    if (type == QtFatalMsg)
        abort();
}

void usage(QTextStream& out)
{
    out << "Usage: genrescope-cli <command> [options]\n\n"
           "GenreScope's command-line tool: librosa-compatible features, images and PCA of\n"
           "music previews, and the local preview library.\n\nCommands:\n";
    for (const auto& c : cli::commands())
        out << "  " << QString::fromUtf8(c.name).leftJustified(10) << QString::fromUtf8(c.summary) << '\n';
    out << "\nOptions everywhere: --help, --version, --library DIR\n"
           "Run 'genrescope-cli <command> --help' for a command's options.\n"
           "Exit status: 0 all done, 1 some items failed, 2 bad usage or nothing could be done.\n";
}

} // namespace

int main(int argc, char** argv)
{
    // Rendering needs a GUI application (fonts, painting) but never a display.
    qInstallMessageHandler(quietMessageHandler);
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("genrescope"));
    QGuiApplication::setOrganizationName(QStringLiteral("genrescope"));
    QGuiApplication::setApplicationVersion(QStringLiteral(GENRESCOPE_VERSION));

    QStringList args = QGuiApplication::arguments();
    QTextStream out(stdout);
    if (args.size() < 2 || args[1] == QLatin1String("--help") || args[1] == QLatin1String("-h") ||
        args[1] == QLatin1String("help")) {
        usage(out);
        return args.size() < 2 ? cli::Usage : cli::Ok;
    }
    if (args[1] == QLatin1String("--version") || args[1] == QLatin1String("-v")) {
        out << "genrescope-cli " << GENRESCOPE_VERSION << '\n';
        return cli::Ok;
    }
    const QString name = args[1];
    for (const auto& c : cli::commands()) {
        if (name == QLatin1String(c.name)) {
            args.removeAt(1);
            args[0] = QStringLiteral("genrescope-cli ") + name;
            // The last boundary: whatever a command lets escape is one line and exit 2, never
            // std::terminate (commands report per-item failures themselves).
            try {
                return c.run(args);
            } catch (const std::bad_alloc&) {
                cli::error(QStringLiteral("%1: out of memory").arg(name));
            } catch (const std::exception& e) {
                cli::error(QStringLiteral("%1: %2").arg(name, QString::fromLocal8Bit(e.what())));
            }
            return cli::Usage;
        }
    }
    cli::error(QStringLiteral("unknown command '%1' (see genrescope-cli --help)").arg(name));
    return cli::Usage;
}
