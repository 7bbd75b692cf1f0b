// SPDX-License-Identifier: GPL-3.0-or-later
#include "FmaExtractor.h"

#include "ChromaCens.h"
#include "ChromaCqt.h"
#include "ChromaStft.h"
#include "Cqt.h"
#include "PreciseStft.h"
#include "Rms.h"
#include "SpectralBandwidth.h"
#include "SpectralContrast.h"
#include "SpectralRolloff.h"
#include "Tonnetz.h"
#include "TuningEstimator.h"
#include "ZeroCrossingRate.h"

#include "dsp/ParameterError.h"

namespace dsp {

struct FmaExtractor::Parts
{
    explicit Parts(const FeatureParams& p)
        : chain(p), stft(p.stft), spec{.sr = p.mel.sr, .n_fft = p.stft.n_fft},
          zcr({.frame_length = p.stft.n_fft, .hop_length = p.stft.hop_length}),
          rms({.frame_length = p.stft.n_fft}), bandwidth({.spectrogram = spec}),
          rolloff({.spectrogram = spec}), contrast({.spectrogram = spec}),
          tuningStft({.sr = spec.sr, .n_fft = spec.n_fft}, {}), tuningCqt({.sr = spec.sr, .n_fft = spec.n_fft}, {}),
          chroma({.sr = spec.sr, .n_fft = spec.n_fft}), cqt({.sr = spec.sr, .hop_length = p.stft.hop_length}),
          chromaCqt({.n_input = 84}), cens({}), tonnetz(12)
    {
        const bool fullWindow = p.stft.win_length == 0 || p.stft.win_length == p.stft.n_fft;
        if (!p.stft.center || p.stft.window != "hann" || p.stft.power != 2.0f || !fullWindow)
            throw ParameterError("the FMA feature set needs a centred hann STFT power spectrogram (win_length = n_fft)");
    }

    FeatureExtractor chain;
    PreciseStft stft;
    SpectrogramParams spec;
    ZeroCrossingRate zcr;
    Rms rms;
    SpectralBandwidth bandwidth; // and the spectral centroid, from the same pass
    SpectralRolloff rolloff;
    SpectralContrast contrast;
    TuningEstimator tuningStft;
    TuningEstimator tuningCqt;
    ChromaStft chroma;
    Cqt cqt;
    ChromaCqt chromaCqt;
    ChromaCens cens;
    Tonnetz tonnetz;
    FmaStatistics stats;
    Matrix power, magnitude, valley, cqtMag, scratch;
    long reserved = -1;
};

FmaExtractor::FmaExtractor(const FeatureParams& params) : m(std::make_unique<Parts>(params)) {}
FmaExtractor::~FmaExtractor() = default;

const FeatureParams& FmaExtractor::params() const { return m->chain.params(); }

std::vector<std::string> FmaExtractor::columnNames() const
{
    return FmaStatistics::columnNames(params().mfcc.n_mfcc);
}

void FmaExtractor::compute(const float* y, std::size_t n, FmaResult& out)
{
    Parts& p = *m;
    const long T = p.stft.frames(n);
    p.power.resize(p.stft.bins(), T);
    p.magnitude.resize(p.stft.bins(), T);
    p.stft.compute(y, n, p.power, p.magnitude);
    const Matrix& power = p.power;
    p.chain.computeFromPower(power, out.chain);
    if (T > p.reserved) {
        p.tuningStft.reserve(T);
        p.tuningCqt.reserve(T);
        p.stats.reserve(T);
        p.reserved = T;
    }
    FmaFrames& f = out.frames;
    const auto sized = [&](FmaFamily fam, long rows, long cols) -> Matrix& {
        f[fam].resize(rows, cols);
        return f[fam];
    };
    p.zcr.compute(y, n, sized(FmaFamily::Zcr, 1, p.zcr.frames(n)));
    p.rms.computeFromPower(power, sized(FmaFamily::Rmse, 1, T));
    sized(FmaFamily::SpectralCentroid, 1, T);
    p.bandwidth.compute(p.magnitude, sized(FmaFamily::SpectralBandwidth, 1, T), f[FmaFamily::SpectralCentroid]);
    p.rolloff.compute(p.magnitude, sized(FmaFamily::SpectralRolloff, 1, T));
    p.valley.resize(p.contrast.bands(), T);
    p.contrast.compute(p.magnitude, sized(FmaFamily::SpectralContrast, p.contrast.bands(), T), p.valley);
    out.tuningStft = p.tuningStft.estimate(power);
    p.chroma.setTuning(out.tuningStft);
    p.chroma.compute(power, sized(FmaFamily::ChromaStft, 12, T));
    f[FmaFamily::Mfcc] = out.chain.mfcc;

    out.tuningCqt = p.tuningCqt.estimate(p.magnitude);
    p.cqt.setTuning(out.tuningCqt);
    p.cqt.reserve(n);
    const long Tc = p.cqt.frames(n);
    p.cqtMag.resize(p.cqt.bins(), Tc);
    p.cqt.compute(y, n, p.cqtMag);
    p.chromaCqt.compute(p.cqtMag, sized(FmaFamily::ChromaCqt, 12, Tc));
    p.scratch.resize(12, Tc);
    p.cens.compute(p.cqtMag, sized(FmaFamily::ChromaCens, 12, Tc), p.scratch);
    p.tonnetz.compute(f[FmaFamily::ChromaCens], sized(FmaFamily::Tonnetz, 6, Tc), p.scratch);
    p.stats.compute(f, out.statistics);
}

} // namespace dsp
