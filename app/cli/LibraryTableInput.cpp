// SPDX-License-Identifier: GPL-3.0-or-later
#include "LibraryTableInput.h"

#include "CliCommand.h"
#include "analysis/Analyzer.h"
#include "analysis/FeatureStore.h"
#include "library/Library.h"

#include <memory>

namespace cli {
namespace {

/// Whether the options give what `library analyze` stores: the default parameters and decoding.
bool libraryParameters(const FeatureOptions& o)
{
    const gs::DecodeOptions d{};
    return o.params.key() == dsp::FeatureParams{}.key() && o.decode.sr == d.sr && o.decode.res_type == d.res_type &&
           o.decode.maxSeconds == d.maxSeconds;
}

} // namespace

void addFromLibraryOption(QCommandLineParser& parser)
{
    parser.addOption({QStringLiteral("from-library"),
                      QStringLiteral("Instead of DIR|FILE...: the library's analysed tracks from its feature store "
                                     "(nothing is decoded; genre = the library's genre; run library analyze first).")});
}

bool fromLibrary(const QCommandLineParser& parser, const TableOptions& options, const QString& command,
                 const QStringList& inputs, bool& ok)
{
    ok = true;
    if (!parser.isSet(QStringLiteral("from-library")))
        return false;
    const auto refuse = [&](const QString& why) {
        error(QStringLiteral("%1 --from-library: %2").arg(command, why));
        ok = false;
        return false;
    };
    if (!inputs.isEmpty())
        return refuse(QStringLiteral("give either --from-library or DIR|FILE..., not both"));
    if (!gs::featureSetInStore(options.kind))
        return refuse(QStringLiteral("--features %1 is not in the library's feature store (it holds summary, "
                                     "mel-summary, mfcc-image and fma); for %1 give the audio folders as DIR|FILE...")
                          .arg(gs::featureSetName(options.kind)));
    if (!libraryParameters(options.features))
        return refuse(QStringLiteral("the feature store holds librosa's default parameters only (as library analyze "
                                     "makes them); drop --sr/--n-fft/--hop-length/--n-mels/--fmin/--fmax/--htk/"
                                     "--top-db/--n-mfcc/--res-type, or give DIR|FILE..."));
    return true;
}

int loadLibraryTable(const QCommandLineParser& parser, const TableOptions& options, const QString& command,
                     LibraryTable& out)
{
    out = {};
    const auto library = openLibrary(parser, true);
    if (!library)
        return Usage;
    const auto tracks = library->tracks({.status = gs::TrackStatus::Downloaded});
    if (!tracks.ok()) {
        error(tracks.error);
        return Usage;
    }
    out.downloaded = int(tracks.size());
    if (tracks.isEmpty()) {
        error(QStringLiteral("%1 --from-library: the library %2 has no downloaded tracks (fetch or import some, then "
                             "run genrescope-cli library analyze)")
                  .arg(command, library->paths().root()));
        return Usage;
    }
    auto store = std::make_shared<gs::FeatureStore>(library->paths().featureDir(), dsp::FeatureParams{});
    for (const QString& w : store->refresh())
        error(w);
    gs::AnalysisResult found;
    found.store = store;
    for (const gs::TrackRecord& t : tracks) {
        const int i = store->find(t.audioPath, gs::fileStampOf(t.audioPath));
        if (i < 0) {
            ++out.missing;
            continue;
        }
        found.rows.append({t.id, t.audioPath, t.title, t.artist, t.genre});
        found.features.append(store->summaries(i));
        out.albums << t.album;
    }
    if (found.rows.isEmpty()) {
        error(QStringLiteral("%1 --from-library: none of the library's %2 downloaded tracks is analysed yet; run "
                             "genrescope-cli library analyze first")
                  .arg(command, QString::number(out.downloaded)));
        return Usage;
    }
    if (out.missing > 0)
        error(QStringLiteral("%1 --from-library: %2 of %3 downloaded tracks are not analysed yet (run genrescope-cli "
                             "library analyze); using the other %4")
                  .arg(command, QString::number(out.missing), QString::number(out.downloaded),
                       QString::number(found.rows.size())));
    QString why;
    out.table = gs::Analyzer::buildTable(options.kind, found, &why);
    if (!why.isEmpty()) {
        error(QStringLiteral("%1 --from-library: %2").arg(command, why));
        return Usage;
    }
    progress(QStringLiteral("%1: %2 tracks from the library's feature store").arg(command, QString::number(out.table.size())));
    return out.missing > 0 ? SomeFailed : Ok;
}

} // namespace cli
