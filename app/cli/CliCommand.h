// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A genrescope-cli sub-command. Each command lives in its own file and registers itself
// with GS_CLI_COMMAND; main() only dispatches. Contract (README.md, "The command-line tool"):
// results on stdout, progress and errors on stderr, a failure names the file or id and the
// reason on one line, and the exit status is one of ExitCode.
#include <QCommandLineParser>
#include <QStringList>

#include <functional>
#include <memory>
#include <vector>

namespace gs {
class Library;
}

namespace cli {

enum ExitCode : int {
    Ok = 0,          ///< all done
    SomeFailed = 1,  ///< some items failed, the others were done
    Usage = 2,       ///< bad usage, or nothing could be done
};

struct Command
{
    const char* name;
    const char* summary;
    /// args[0] is "genrescope-cli <name>", the rest are the command's own arguments.
    std::function<int(const QStringList& args)> run;
};

/// All registered commands, in registration order.
std::vector<Command>& commands();

struct Registrar
{
    explicit Registrar(Command c) { commands().push_back(std::move(c)); }
};

/// Adds --help, --version and --library DIR to a command's parser.
void addCommonOptions(QCommandLineParser& parser);
/// Processes args; on --help/--version prints and exits(0); on a parse error prints it and
/// returns false (the caller exits with Usage).
bool parseOrExplain(QCommandLineParser& parser, const QStringList& args);
/// Opens the library named by --library (else $GENRESCOPE_LIBRARY, else the XDG default).
/// On failure prints the one-line reason and returns null (the caller exits with Usage).
/// `readOnly`: gs::Library::OpenMode::ReadOnly (never writes, creates or switches anything).
std::unique_ptr<gs::Library> openLibrary(const QCommandLineParser& parser, bool readOnly = false);
/// Prints one line to stderr ("genrescope-cli: ..."). Control characters in `line` (which
/// may hold remote titles, ids, URLs, file names) are escaped (gs::printable): it stays one
/// line and cannot drive the terminal.
void error(const QString& line);
/// Prints one progress line to stderr, escaped as error() does.
void progress(const QString& line);

} // namespace cli

#define GS_CLI_CONCAT2(a, b) a##b
#define GS_CLI_CONCAT(a, b) GS_CLI_CONCAT2(a, b)
#define GS_CLI_COMMAND(...) static const ::cli::Registrar GS_CLI_CONCAT(gsCliRegistrar, __LINE__){::cli::Command{__VA_ARGS__}}
