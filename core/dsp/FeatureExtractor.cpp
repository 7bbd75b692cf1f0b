// SPDX-License-Identifier: GPL-3.0-or-later
#include "FeatureExtractor.h"

namespace dsp {
namespace {
const FeatureParams& checked(const FeatureParams& p)
{
    p.validate();
    return p;
}
} // namespace

FeatureExtractor::FeatureExtractor(const FeatureParams& params)
    : m_params(checked(params)), m_stft(params.stft), m_mel(params.mel), m_mfcc(params.mfcc, params.mel.n_mels)
{
}

void FeatureExtractor::power(const float* y, std::size_t n, Matrix& power)
{
    power.resize(m_stft.bins(), m_stft.frames(n));
    m_stft.compute(y, n, power);
}

void FeatureExtractor::melSpectrogram(const float* y, std::size_t n, Matrix& mel)
{
    power(y, n, m_power);
    mel.resize(m_mel.bands(), m_power.cols());
    m_mel.apply(m_power, mel);
}

void FeatureExtractor::dbAndMfcc(const Matrix& mel, Matrix& melDb, Matrix& mfcc) const
{
    melDb = mel;
    powerToDbInPlace(melDb, m_params.db);
    mfcc.resize(m_mfcc.coefficients(), melDb.cols());
    m_mfcc.compute(melDb, mfcc);
}

void FeatureExtractor::computeFromPower(const Eigen::Ref<const Matrix>& power, FeatureSet& out) const
{
    out.mel.resize(m_mel.bands(), power.cols());
    m_mel.apply(power, out.mel);
    dbAndMfcc(out.mel, out.melDb, out.mfcc);
}

void FeatureExtractor::compute(const float* y, std::size_t n, FeatureSet& out, bool keepMelPower)
{
    melSpectrogram(y, n, out.mel);
    dbAndMfcc(out.mel, out.melDb, out.mfcc);
    if (!keepMelPower)
        out.mel.resize(0, 0);
}

} // namespace dsp
