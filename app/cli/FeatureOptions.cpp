// SPDX-License-Identifier: GPL-3.0-or-later
#include "FeatureOptions.h"

#include "CliCommand.h"
#include "dsp/FeatureExtractor.h"
#include "dsp/ParameterError.h"

#include <cmath>
#include <limits>

namespace cli {
namespace {

bool readNumber(const QCommandLineParser& p, const char* name, double& value)
{
    const QString key = QString::fromLatin1(name);
    if (!p.isSet(key))
        return true;
    bool ok = false;
    const double v = p.value(key).toDouble(&ok);
    if (!ok || !std::isfinite(v)) {
        error(QStringLiteral("--%1: '%2' is not a number").arg(key, p.value(key)));
        return false;
    }
    value = v;
    return true;
}

// An integer in [lo, hi]; the range is checked before any conversion to int.
bool readInt(const QCommandLineParser& p, const char* name, int& value, int lo, int hi)
{
    const QString key = QString::fromLatin1(name);
    if (!p.isSet(key))
        return true;
    double v = value;
    if (!readNumber(p, name, v))
        return false;
    if (v != std::floor(v)) {
        error(QStringLiteral("--%1: '%2' is not an integer").arg(key, p.value(key)));
        return false;
    }
    if (v < lo || v > hi) {
        error(QStringLiteral("--%1: %2 is out of range (%3 to %4)")
                  .arg(key, p.value(key), QString::number(lo), QString::number(hi)));
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
    opt("sr", "Sample rate to load at, 1000 to 384000 Hz", "22050");
    opt("n-fft", "FFT size, 2 to 65536", "2048");
    opt("hop-length", "Hop between frames, samples, >= 1", "512");
    opt("n-mels", "Mel bands, 1 to 4096", "128");
    opt("fmin", "Lowest mel frequency, Hz, >= 0", "0");
    opt("fmax", "Highest mel frequency, Hz, <= sr/2", "sr/2");
    opt("top-db", "Dynamic range below the clip's peak, dB; 0 disables", "80");
    opt("n-mfcc", "MFCC coefficients, 1 to n-mels", "20");
    parser.addOption({QStringLiteral("htk"), QStringLiteral("Use the HTK mel scale (default: Slaney).")});
    parser.addOption({QStringLiteral("res-type"),
                      QStringLiteral("Resampler: soxr_hq (librosa.load's default) or polyphase."),
                      QStringLiteral("TYPE"), QStringLiteral("soxr_hq")});
}

bool readFeatureOptions(const QCommandLineParser& parser, FeatureOptions& out)
{
    using Limits = dsp::FeatureParams;
    constexpr int kMaxInt = std::numeric_limits<int>::max();
    dsp::FeatureParams& p = out.params;
    int sr = 22050;
    double topDb = 80.0;
    // --hop-length 0 is an error here (dsp's hop_length 0 would mean "win_length / 4").
    if (!readInt(parser, "sr", sr, Limits::kMinSr, Limits::kMaxSr) ||
        !readInt(parser, "n-fft", p.stft.n_fft, 2, Limits::kMaxNfft) ||
        !readInt(parser, "hop-length", p.stft.hop_length, 1, kMaxInt) ||
        !readInt(parser, "n-mels", p.mel.n_mels, 1, Limits::kMaxMels) || !readNumber(parser, "fmin", p.mel.fmin) ||
        !readNumber(parser, "fmax", p.mel.fmax) || !readNumber(parser, "top-db", topDb) ||
        !readInt(parser, "n-mfcc", p.mfcc.n_mfcc, 1, Limits::kMaxMels))
        return false;
    if (topDb < 0) {
        error(QStringLiteral("--top-db: %1 is negative (0 disables the floor)").arg(parser.value(QStringLiteral("top-db"))));
        return false;
    }
    if (parser.isSet(QStringLiteral("fmax")) && !(p.mel.fmax > 0)) {
        error(QStringLiteral("--fmax: %1 must be above 0 Hz").arg(parser.value(QStringLiteral("fmax"))));
        return false;
    }
    p.mel.sr = sr;
    p.mel.n_fft = p.stft.n_fft;
    p.mel.htk = parser.isSet(QStringLiteral("htk"));
    p.db.top_db = topDb > 0 ? std::optional<float>(float(topDb)) : std::nullopt;
    out.decode.sr = sr;
    try {
        out.decode.res_type = dsp::resTypeFromName(parser.value(QStringLiteral("res-type")).toStdString());
        dsp::FeatureExtractor check(p); // validates every part together, including the size of a 30 s clip
    } catch (const dsp::ParameterError& e) {
        error(QString::fromStdString(e.what()));
        return false;
    }
    return true;
}

bool readThreads(const QCommandLineParser& parser, int& threads)
{
    threads = 0;
    return readInt(parser, "threads", threads, 1, kMaxThreads);
}

} // namespace cli
