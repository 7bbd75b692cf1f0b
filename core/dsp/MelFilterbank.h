// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Mel filterbank, librosa.filters.mel semantics: B+2 edges equally spaced on the mel scale
// (Slaney by default, HTK with htk=true) between fmin and fmax, triangles linear in Hz,
// norm "slaney" scales each triangle to unit area (weights in 1/Hz), norm "" leaves peaks at 1.
// Weights are float32, rounded as librosa rounds them. Stored sparsely (each band's
// non-zero bin range) so apply() costs about 2 multiply-adds per FFT bin.
#include "Matrix.h"

#include <string>
#include <vector>

namespace dsp {

struct MelParams
{
    int sr = 22050;
    int n_fft = 2048;
    int n_mels = 128;
    double fmin = 0.0;
    double fmax = -1.0;          ///< < 0 means sr / 2
    bool htk = false;
    std::string norm = "slaney"; ///< "slaney" or "" (None)
};

double hzToMel(double hz, bool htk);
double melToHz(double mel, bool htk);

class MelFilterbank
{
public:
    /// Validates and builds the weights. Throws ParameterError.
    explicit MelFilterbank(const MelParams& params);

    [[nodiscard]] const MelParams& params() const { return m_params; }
    [[nodiscard]] int bands() const { return m_params.n_mels; }
    [[nodiscard]] int bins() const { return m_params.n_fft / 2 + 1; }
    /// Band edges in Hz, n_mels + 2 values (librosa.mel_frequencies).
    [[nodiscard]] const std::vector<double>& edgesHz() const { return m_edges; }
    /// Centre frequency of band i in Hz.
    [[nodiscard]] double centreHz(int band) const { return m_edges[std::size_t(band) + 1]; }
    /// Dense (n_mels x bins) weights, as librosa.filters.mel returns them.
    [[nodiscard]] Matrix weights() const;

    /// mel(n_mels x T) = W * power(bins x T). Shapes must match. Never allocates.
    void apply(const Eigen::Ref<const Matrix>& power, Eigen::Ref<Matrix> mel) const;

private:
    struct Band
    {
        int first = 0;            ///< first bin with a non-zero weight
        std::vector<float> w;     ///< weights of bins first .. first + w.size() - 1
    };
    MelParams m_params;
    std::vector<double> m_edges;
    std::vector<Band> m_bands;
};

} // namespace dsp
