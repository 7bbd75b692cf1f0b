// SPDX-License-Identifier: GPL-3.0-or-later
// genrescope-cli render FILE --kind mel|mfcc --out X.png|X.svg [--cmap NAME] [--raw] ...
// Decodes one file, computes its mel spectrogram (dB) or MFCC with the shared librosa
// options, and writes an annotated figure (render::SpectrogramPlot) or, with --raw, one
// pixel per frame and bin (render::spectrogramImage). Everything goes wrong with exit 2:
// there is only one item.
#include "CliCommand.h"
#include "FeatureOptions.h"
#include "FigureFile.h"
#include "SpectrogramImage.h"
#include "SpectrogramPlot.h"
#include "audio/AudioDecoder.h"
#include "dsp/FeatureExtractor.h"
#include "text/Printable.h"

#include <QFileInfo>
#include <QPainter>
#include <QTextStream>
#include <cmath>
#include <new>
#include <optional>

namespace cli {
namespace {

struct RenderRequest
{
    QString input;
    QString output;
    render::SpectrogramPlotSpec spec;
    bool raw = false;
};

void addRenderOptions(QCommandLineParser& p)
{
    p.setApplicationDescription(QStringLiteral(
        "Draws one audio file's mel spectrogram (dB) or MFCC as an annotated figure like librosa's\n"
        "specshow with a colour bar (time in seconds, mel axis with Hz labels), or with --raw as an\n"
        "image of one pixel per frame and bin (lowest bin at the bottom)."));
    p.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Audio file (WAV, FLAC, OGG, MP3, Opus, M4A)."));
    p.addOption({QStringLiteral("kind"), QStringLiteral("What to draw: mel or mfcc (default mel)."),
                 QStringLiteral("KIND"), QStringLiteral("mel")});
    p.addOption({QStringLiteral("out"), QStringLiteral("Output file, .png or .svg (required)."), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("cmap"),
                 QStringLiteral("Colour map: magma, viridis, inferno, grey or coolwarm (default: magma for mel, "
                                "coolwarm for mfcc, as librosa.display.specshow picks for signed data; a diverging "
                                "map's range is symmetric about zero unless --vmin/--vmax say otherwise)."),
                 QStringLiteral("NAME")});
    p.addOption({QStringLiteral("raw"), QStringLiteral("One pixel per frame and bin, no axes (SVG embeds the image).")});
    p.addOption({QStringLiteral("width"), QStringLiteral("Figure width in pixels (default 1000)."), QStringLiteral("PX")});
    p.addOption({QStringLiteral("height"), QStringLiteral("Figure height in pixels (default 420)."), QStringLiteral("PX")});
    p.addOption({QStringLiteral("title"), QStringLiteral("Figure title (default: file name and kind)."), QStringLiteral("TEXT")});
    p.addOption({QStringLiteral("vmin"), QStringLiteral("Value drawn with the first colour (default: the data minimum)."),
                 QStringLiteral("V")});
    p.addOption({QStringLiteral("vmax"), QStringLiteral("Value drawn with the last colour (default: the data maximum)."),
                 QStringLiteral("V")});
    addFeatureOptions(p);
}

/// Reads an optional number option; on a bad value reports it (naming `file`) and returns false.
bool readOptional(const QCommandLineParser& p, const QString& name, const QString& file, std::optional<double>& out)
{
    if (!p.isSet(name))
        return true;
    bool ok = false;
    const double v = p.value(name).toDouble(&ok);
    if (!ok || !std::isfinite(v)) {
        error(QStringLiteral("%1: --%2 '%3' is not a number").arg(file, name, p.value(name)));
        return false;
    }
    out = v;
    return true;
}

bool readSize(const QCommandLineParser& p, const QString& file, QSize& size)
{
    std::optional<double> w, h;
    if (!readOptional(p, QStringLiteral("width"), file, w) || !readOptional(p, QStringLiteral("height"), file, h))
        return false;
    size = QSize(int(w.value_or(size.width())), int(h.value_or(size.height())));
    if (size.width() < 200 || size.height() < 120 || size.width() > 10000 || size.height() > 10000) {
        error(QStringLiteral("%1: --width/--height must be between 200 x 120 and 10000 x 10000 pixels").arg(file));
        return false;
    }
    return true;
}

/// Everything that can be checked before decoding. Reports the first problem.
bool readRequest(const QCommandLineParser& p, const FeatureOptions& features, RenderRequest& r)
{
    r.input = p.positionalArguments().constFirst();
    const QString kind = p.value(QStringLiteral("kind")).toLower();
    if (kind != QLatin1String("mel") && kind != QLatin1String("mfcc")) {
        error(QStringLiteral("%1: unknown --kind '%2' (mel or mfcc)").arg(r.input, p.value(QStringLiteral("kind"))));
        return false;
    }
    const QString cmap = p.isSet(QStringLiteral("cmap")) ? p.value(QStringLiteral("cmap"))
                         : kind == QLatin1String("mfcc")  ? QStringLiteral("coolwarm")
                                                          : QStringLiteral("magma");
    const auto map = render::ColourMap::fromName(cmap);
    if (!map) {
        error(QStringLiteral("%1: unknown --cmap '%2' (%3)")
                  .arg(r.input, p.value(QStringLiteral("cmap")), render::ColourMap::names().join(QStringLiteral(", "))));
        return false;
    }
    r.output = p.value(QStringLiteral("out"));
    if (r.output.isEmpty()) {
        error(QStringLiteral("%1: --out X.png|X.svg is required").arg(r.input));
        return false;
    }
    const auto format = render::FigureFile::formatFor(r.output);
    if (format != render::FigureFile::Format::Png && format != render::FigureFile::Format::Svg) {
        error(QStringLiteral("%1: unsupported output type '%2' (png or svg)").arg(r.output, QFileInfo(r.output).suffix()));
        return false;
    }
    auto& s = r.spec;
    s.kind = kind == QLatin1String("mel") ? render::SpectrogramPlotSpec::Kind::Mel : render::SpectrogramPlotSpec::Kind::Mfcc;
    s.colourMap = *map;
    s.sr = features.params.mel.sr;
    s.hop_length = features.params.stft.hop_length;
    s.n_fft = features.params.stft.n_fft;
    s.fmin = features.params.mel.fmin;
    s.fmax = features.params.mel.fmax;
    s.htk = features.params.mel.htk;
    s.title = p.isSet(QStringLiteral("title"))
                  ? p.value(QStringLiteral("title"))
                  : QFileInfo(r.input).fileName() + (s.kind == render::SpectrogramPlotSpec::Kind::Mel
                                                         ? QStringLiteral(" \u2014 mel spectrogram")
                                                         : QStringLiteral(" \u2014 MFCC"));
    r.raw = p.isSet(QStringLiteral("raw"));
    std::optional<double> vmin, vmax;
    if (!readOptional(p, QStringLiteral("vmin"), r.input, vmin) || !readOptional(p, QStringLiteral("vmax"), r.input, vmax) ||
        !readSize(p, r.input, s.size))
        return false;
    if (vmin && vmax && !(*vmin < *vmax)) {
        error(QStringLiteral("%1: --vmin (%2) must be below --vmax (%3)")
                  .arg(r.input, QString::number(*vmin), QString::number(*vmax)));
        return false;
    }
    if (vmin)
        s.vmin = float(*vmin);
    if (vmax)
        s.vmax = float(*vmax);
    return true;
}

/// The spec with its colour range filled in: as given, else the data's finite range, made
/// symmetric about zero for a diverging colour map when neither end was given.
render::SpectrogramPlotSpec resolvedRange(render::SpectrogramPlotSpec spec, const dsp::Matrix& values)
{
    auto [lo, hi] = !spec.vmin && !spec.vmax ? render::defaultRange(values, spec.colourMap) : render::finiteRange(values);
    spec.vmin = spec.vmin.value_or(lo);
    spec.vmax = spec.vmax.value_or(hi);
    return spec;
}

QString writeFigure(const RenderRequest& r, const dsp::Matrix& values)
{
    if (QString why = render::SpectrogramPlot::check(values, r.spec); !why.isEmpty())
        return why;
    const render::SpectrogramPlotSpec spec = resolvedRange(r.spec, values);
    if (r.raw) {
        const QImage image = render::spectrogramImage(values, spec.colourMap, *spec.vmin, *spec.vmax);
        return render::FigureFile::writeImage(r.output, image, spec.title);
    }
    return render::FigureFile::write(r.output, spec.size, spec.title, [&](QPainter& p, const QRectF& rect) {
        render::SpectrogramPlot::paint(p, rect, values, spec);
    });
}

int runRender(const QStringList& args)
{
    QCommandLineParser parser;
    addCommonOptions(parser);
    addRenderOptions(parser);
    if (!parseOrExplain(parser, args))
        return Usage;
    if (parser.positionalArguments().size() != 1) {
        error(QStringLiteral("render needs exactly one FILE (got %1); see genrescope-cli render --help")
                  .arg(parser.positionalArguments().size()));
        return Usage;
    }
    FeatureOptions features;
    RenderRequest request;
    if (!readFeatureOptions(parser, features) || !readRequest(parser, features, request))
        return Usage;

    const gs::DecodeResult decoded = gs::AudioDecoder::decodeFile(request.input, features.decode);
    if (!decoded.ok()) {
        error(QStringLiteral("%1: %2").arg(request.input, decoded.error));
        return Usage;
    }
    if (const std::string why = features.params.checkFits(decoded.signal.size()); !why.empty()) {
        error(QStringLiteral("%1: %2 s of audio %3")
                  .arg(request.input, QString::number(decoded.signal.durationSeconds(), 'f', 1), QString::fromStdString(why)));
        return Usage;
    }
    dsp::FeatureExtractor extractor(features.params);
    dsp::FeatureSet set;
    try {
        extractor.compute(decoded.signal.samples.data(), decoded.signal.size(), set);
    } catch (const std::bad_alloc&) {
        error(QStringLiteral("%1: out of memory computing the features").arg(request.input));
        return Usage;
    }
    const dsp::Matrix& values = request.spec.kind == render::SpectrogramPlotSpec::Kind::Mel ? set.melDb : set.mfcc;
    if (QString why = writeFigure(request, values); !why.isEmpty()) {
        error(QStringLiteral("%1: %2").arg(request.output, why));
        return Usage;
    }
    QTextStream(stdout) << gs::printable(request.output) << Qt::endl;
    return Ok;
}

} // namespace
} // namespace cli

GS_CLI_COMMAND("render", "mel spectrogram or MFCC of one file as an annotated (or --raw) PNG or SVG", &cli::runRender);
