// SPDX-License-Identifier: GPL-3.0-or-later
#include "Features.h"

#include "FeatureExtractor.h"
#include "ParameterError.h"

#include <cmath>

namespace dsp {

Matrix melSpectrogram(const Signal& y, const StftParams& stft, MelParams mel)
{
    mel.sr = y.sr;
    mel.n_fft = stft.n_fft;
    Stft s(stft);
    MelFilterbank fb(mel);
    Matrix power(s.bins(), s.frames(y.size()));
    s.compute(y.samples.data(), y.size(), power);
    Matrix out(fb.bands(), power.cols());
    fb.apply(power, out);
    return out;
}

Matrix powerToDb(Matrix S, const DbParams& params)
{
    params.validate();
    powerToDbInPlace(S, params);
    return S;
}

Matrix mfcc(const Matrix& melDb, const MfccParams& params)
{
    Mfcc m(params, int(melDb.rows()));
    Matrix out(m.coefficients(), melDb.cols());
    m.compute(melDb, out);
    return out;
}

Vector meanStdSummary(const Matrix& features)
{
    const long rows = features.rows();
    Vector v(2 * rows);
    if (features.cols() == 0) {
        v.setZero();
        return v;
    }
    for (long r = 0; r < rows; ++r) {
        double sum = 0.0, sumSq = 0.0;
        for (long t = 0; t < features.cols(); ++t) {
            const double x = features(r, t);
            sum += x;
            sumSq += x * x;
        }
        const double mean = sum / double(features.cols());
        const double var = std::max(0.0, sumSq / double(features.cols()) - mean * mean);
        v[r] = float(mean);
        v[rows + r] = float(std::sqrt(var));
    }
    return v;
}

} // namespace dsp
