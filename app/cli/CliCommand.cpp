// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliCommand.h"

#include "library/Library.h"
#include "text/Printable.h"

#include <QCoreApplication>
#include <QTextStream>
#include <cstdio>
#include <cstdlib>

namespace cli {

std::vector<Command>& commands()
{
    static std::vector<Command> all;
    return all;
}

void addCommonOptions(QCommandLineParser& parser)
{
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("library"),
                      QStringLiteral("Library folder (default: $GENRESCOPE_LIBRARY, else the XDG data folder)."),
                      QStringLiteral("DIR")});
}

bool parseOrExplain(QCommandLineParser& parser, const QStringList& args)
{
    if (!parser.parse(args)) {
        error(parser.errorText());
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        // Qt names the binary's path in the usage line; name the sub-command instead.
        QString help = parser.helpText();
        help.replace(QCoreApplication::arguments().constFirst(), args.constFirst());
        QTextStream(stdout) << help;
        ::exit(0);
    }
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();
    return true;
}

std::unique_ptr<gs::Library> openLibrary(const QCommandLineParser& parser, bool readOnly)
{
    auto library = std::make_unique<gs::Library>(gs::LibraryPaths(parser.value(QStringLiteral("library"))));
    QString why;
    if (!library->open(&why, readOnly ? gs::Library::OpenMode::ReadOnly : gs::Library::OpenMode::ReadWrite)) {
        error(why);
        return nullptr;
    }
    return library;
}

void error(const QString& line)
{
    QTextStream(stderr) << "genrescope-cli: " << gs::printable(line) << Qt::endl;
}

void progress(const QString& line)
{
    QTextStream(stderr) << gs::printable(line) << Qt::endl;
}

} // namespace cli
