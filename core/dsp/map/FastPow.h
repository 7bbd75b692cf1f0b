// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// x^p for one fixed exponent p, for the UMAP gradients, where libm's powf is the largest
// single cost of an SGD step. With x = 2^e * m, m in [1, 2), and c the centre of m's
// 1/128-wide bin (its top seven mantissa bits):
//     x^p = (2^e)^p * c^p * (1 + r)^p,   r = m / c - 1,  |r| < 1/255
// the first two factors come from tables made once (in double), the last from its Taylor
// series to r^2 (the next term is below 1e-9). Relative error below 5e-7 over the normal
// range of x; a few table look-ups, no branches.
// Contract: x > 0 and finite; smaller x than FLT_MIN count as FLT_MIN. The result is then
// finite if (2^e)^p is (p in [-1, 1] always is). The tables are read-only after
// construction, so one instance may be shared by threads; the same x gives the same bits.
#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>

namespace dsp {

class FastPow
{
public:
    explicit FastPow(double p) : m_p1(float(p)), m_p2(float(p * (p - 1.0) / 2.0))
    {
        for (int e = 0; e < 256; ++e) // the raw exponent field: 2^(e - 127)
            m_octave[std::size_t(e)] = float(std::exp2(double(e - 127) * p));
        for (int j = 0; j < kBins; ++j) {
            const double c = 1.0 + (j + 0.5) / kBins;
            m_bin[std::size_t(j)] = {float(std::pow(c, p)), float(1.0 / c)};
        }
    }

    float operator()(float x) const
    {
        constexpr float kMin = 1.17549435e-38f; // FLT_MIN
        x = x >= kMin ? x : kMin;
        std::uint32_t bits;
        std::memcpy(&bits, &x, sizeof bits);
        const std::uint32_t e = bits >> 23; // x > 0: no sign bit
        const Bin& bin = m_bin[(bits >> (23 - kBinBits)) & (kBins - 1)];
        const std::uint32_t mantissaBits = (bits & 0x007fffffu) | 0x3f800000u;
        float m;
        std::memcpy(&m, &mantissaBits, sizeof m);
        const float r = m * bin.inverseCentre - 1.0f;
        return m_octave[e] * bin.power * (1.0f + r * (m_p1 + r * m_p2));
    }

private:
    static constexpr int kBinBits = 7;
    static constexpr int kBins = 1 << kBinBits;
    struct Bin
    {
        float power;         ///< c^p
        float inverseCentre; ///< 1 / c
    };
    float m_p1;
    float m_p2;
    std::array<float, 256> m_octave{};
    std::array<Bin, kBins> m_bin{};
};

} // namespace dsp
