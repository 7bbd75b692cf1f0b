// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Sample-rate conversion as librosa.resample does it, float32 in and out.
//  - soxr_hq (librosa.load's default): libsoxr, HQ recipe, default runtime settings.
//  - polyphase: scipy.signal.resample_poly(up, down) with its Kaiser(5.0) FIR of
//    2*10*max(up,down)+1 taps rounded to float32, accumulated in float32 in ascending input
//    order (bit-exact with librosa's res_type="polyphase").
// Output length is ceil(n * target / source), trimmed or zero-padded to that (fix_length).
#include <cstddef>
#include <string>
#include <vector>

namespace dsp {

enum class ResType { SoxrHq, Polyphase };

/// Parses "soxr_hq" or "polyphase". Throws ParameterError.
ResType resTypeFromName(const std::string& name);

class Resampler
{
public:
    /// Validates the rates and (polyphase) designs the filter. Throws ParameterError.
    Resampler(int sourceSr, int targetSr, ResType type = ResType::SoxrHq);

    [[nodiscard]] static std::size_t outputLength(std::size_t n, int sourceSr, int targetSr);
    /// The polyphase FIR taps (already multiplied by `up`); empty for soxr.
    [[nodiscard]] const std::vector<float>& filter() const { return m_taps; }
    /// Resamples all of `in` into `out` (resized; its capacity is reused). Returns false if soxr
    /// reports an error (out's contents are then unspecified).
    bool process(const float* in, std::size_t n, std::vector<float>& out) const;

private:
    bool processSoxr(const float* in, std::size_t n, std::vector<float>& out) const;
    void processPolyphase(const float* in, std::size_t n, std::vector<float>& out) const;

    int m_source = 0;
    int m_target = 0;
    ResType m_type = ResType::SoxrHq;
    int m_up = 1;
    int m_down = 1;
    std::vector<float> m_taps;
};

} // namespace dsp
