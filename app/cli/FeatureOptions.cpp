// SPDX-License-Identifier: GPL-3.0-or-later
#include "FeatureOptions.h"

#include "CliCommand.h"
#include "dsp/FeatureExtractor.h"
#include "dsp/ParameterError.h"

namespace cli {
namespace {

bool readNumber(const QCommandLineParser& p, const char* name, double& value)
{
    const QString key = QString::fromLatin1(name);
    if (!p.isSet(key))
        return true;
    bool ok = false;
    const double v = p.value(key).toDouble(&ok);
    if (!ok) {
        error(QStringLiteral("--%1: '%2' is not a number").arg(key, p.value(key)));
        return false;
    }
    value = v;
    return true;
}

bool readInt(const QCommandLineParser& p, const char* name, int& value)
{
    double v = value;
    if (!readNumber(p, name, v))
        return false;
    if (v != double(int(v))) {
        error(QStringLiteral("--%1: '%2' is not an integer").arg(QString::fromLatin1(name), p.value(QString::fromLatin1(name))));
        return false;
    }
    value = int(v);
    return true;
}

} // namespace

void addFeatureOptions(QCommandLineParser& parser)
{
    const auto opt = [&](const char* name, const char* help, const char* def) {
        parser.addOption({QString::fromLatin1(name),
                          QStringLiteral("%1 (default %2).").arg(QString::fromLatin1(help), QString::fromLatin1(def)),
                          QStringLiteral("N")});
    };
    opt("sr", "Sample rate to load at, Hz", "22050");
    opt("n-fft", "FFT size", "2048");
    opt("hop-length", "Hop between frames, samples", "512");
    opt("n-mels", "Mel bands", "128");
    opt("fmin", "Lowest mel frequency, Hz", "0");
    opt("fmax", "Highest mel frequency, Hz", "sr/2");
    opt("top-db", "Dynamic range below the clip's peak, dB; 0 disables", "80");
    opt("n-mfcc", "MFCC coefficients", "20");
    parser.addOption({QStringLiteral("htk"), QStringLiteral("Use the HTK mel scale (default: Slaney).")});
    parser.addOption({QStringLiteral("res-type"),
                      QStringLiteral("Resampler: soxr_hq (librosa.load's default) or polyphase."),
                      QStringLiteral("TYPE"), QStringLiteral("soxr_hq")});
}

bool readFeatureOptions(const QCommandLineParser& parser, FeatureOptions& out)
{
    dsp::FeatureParams& p = out.params;
    int sr = 22050;
    double topDb = 80.0;
    if (!readInt(parser, "sr", sr) || !readInt(parser, "n-fft", p.stft.n_fft) ||
        !readInt(parser, "hop-length", p.stft.hop_length) || !readInt(parser, "n-mels", p.mel.n_mels) ||
        !readNumber(parser, "fmin", p.mel.fmin) || !readNumber(parser, "fmax", p.mel.fmax) ||
        !readNumber(parser, "top-db", topDb) || !readInt(parser, "n-mfcc", p.mfcc.n_mfcc))
        return false;
    p.mel.sr = sr;
    p.mel.n_fft = p.stft.n_fft;
    p.mel.htk = parser.isSet(QStringLiteral("htk"));
    p.db.top_db = topDb > 0 ? std::optional<float>(float(topDb)) : std::nullopt;
    out.decode.sr = sr;
    try {
        out.decode.res_type = dsp::resTypeFromName(parser.value(QStringLiteral("res-type")).toStdString());
        dsp::FeatureExtractor check(p); // validates every part together
    } catch (const dsp::ParameterError& e) {
        error(QString::fromStdString(e.what()));
        return false;
    }
    return true;
}

} // namespace cli
