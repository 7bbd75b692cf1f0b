// SPDX-License-Identifier: GPL-3.0-or-later
#include "InterpolatedRepulsion.h"

#include "ParallelChunks.h"
#include "../ParameterError.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace dsp {
namespace {

constexpr double kMinSpan = 1e-12;

/// The smallest 2^a, 5 * 2^a or 3 * 2^a >= m (sizes FFTW transforms fast), at most cap.
int fftFriendly(long long m, int cap)
{
    for (long long s = 8; s < cap; s *= 2)
        for (const long long size : {s, 5 * s / 4, 3 * s / 2})
            if (size >= m && size <= cap)
                return int(size);
    return cap;
}

/// The narrowest width unit * 2^(k / 8) (k an integer) that is at least `least`: the boxes
/// are as narrow as the grid allows, and the kernels change only when k (or the grid side)
/// does, a few dozen times per run instead of every iteration. Exact powers, no libm.
double boxWidth(double least, double unit)
{
    static constexpr double kEighths[8] = {1.0, 1.0905077326652577, 1.189207115002721, 1.2968395546510096,
                                           1.4142135623730951, 1.5422108254079407, 1.681792830507429, 1.8340080864093424};
    const auto width = [unit](int k) { return std::ldexp(unit * kEighths[((k % 8) + 8) % 8], (k - (((k % 8) + 8) % 8)) / 8); };
    int k = 0;
    while (width(k) < least && k < 8 * 1000)
        ++k;
    while (width(k - 1) >= least && k > -8 * 1000)
        --k;
    return width(k);
}

} // namespace

InterpolatedRepulsion::InterpolatedRepulsion(int n, const InterpolationParams& params)
    : m_params(params), m_n(n), m_p(params.n_interpolation_points)
{
    if (n < 1 || m_p < 2 || m_p > 8 || params.min_num_intervals < 1 || !(params.intervals_per_integer > 0.0) ||
        !std::isfinite(params.intervals_per_integer) || 2LL * params.min_num_intervals * m_p - 1 > kMaxGridSide)
        throw ParameterError("interpolated repulsion: need n >= 1, 2 <= n_interpolation_points <= 8, "
                             "min_num_intervals >= 1 within the grid and intervals_per_integer > 0");
    // Nodes of a box at t_k = (k + 1/2) / p of its width; w_k(t) = prod_{m != k} (t - t_m) / den_k.
    m_denominators.assign(std::size_t(m_p), 1.0);
    for (int k = 0; k < m_p; ++k)
        for (int m = 0; m < m_p; ++m)
            if (m != k)
                m_denominators[std::size_t(k)] *= double(k - m) / m_p;
    m_node.resize(2 * std::size_t(n));
    m_weights.resize(2 * std::size_t(n) * std::size_t(m_p));
    m_centred.resize(2 * std::size_t(n));
    m_sumQ2.resize(std::size_t(n));
    m_sumQ2x.resize(std::size_t(n));
    m_sumQ2y.resize(std::size_t(n));
}

InterpolatedRepulsion::~InterpolatedRepulsion() = default;

double InterpolatedRepulsion::maxSpan() const
{
    return double(((kMaxGridSide + 1) / 2) / m_p) / m_params.intervals_per_integer;
}

void InterpolatedRepulsion::prepareGrid(double span)
{
    const double unit = 1.0 / m_params.intervals_per_integer;
    const double wanted = std::min(span / unit, double(kMaxGridSide));
    const int needed = std::max(m_params.min_num_intervals, int(std::ceil(wanted)));
    const int side = fftFriendly(2LL * needed * m_p - 1, kMaxGridSide);
    const int boxes = ((side + 1) / 2) / m_p; // 2 M - 1 <= side: no wrap-around into the nodes
    m_boxWidth = boxWidth(span / boxes, unit);
    if (!m_fft || m_fft->size() != side) {
        m_fft.reset();
        m_nodes = boxes * m_p;
        m_fft = std::make_unique<FftConvolution2d>(side, 2, m_nodes);
        m_accumulator.assign(std::size_t(m_nodes) * std::size_t(m_nodes), 0.0);
        m_kernelSpacing = -1.0;
    }
    const double spacing = m_boxWidth / m_p;
    if (spacing == m_kernelSpacing)
        return;
    float* grid = m_fft->grid();
    const auto offset = [side, spacing](int r) { return (r <= side / 2 ? r : r - side) * spacing; };
    for (int power = 1; power <= 2; ++power) {
        for (int r = 0; r < side; ++r) {
            const double dr = offset(r);
            for (int c = 0; c < side; ++c) {
                const double dc = offset(c);
                const double q = 1.0 / (1.0 + dr * dr + dc * dc);
                grid[std::size_t(r) * std::size_t(side) + std::size_t(c)] = float(power == 1 ? q : q * q);
            }
        }
        m_fft->setKernel(power - 1);
    }
    std::fill(grid, grid + std::size_t(side) * std::size_t(side), 0.0f);
    m_kernelSpacing = spacing;
}

void InterpolatedRepulsion::locate(const double* xy, int begin, int end)
{
    const int boxes = m_nodes / m_p;
    const double inv = 1.0 / m_boxWidth;
    for (int i = begin; i < end; ++i) {
        for (int d = 0; d < 2; ++d) {
            const double u = (xy[2 * std::size_t(i) + std::size_t(d)] - (d == 0 ? m_loX : m_loY)) * inv;
            const int box = std::clamp(int(std::floor(u)), 0, boxes - 1);
            const double t = u - box;
            double* w = m_weights.data() + (2 * std::size_t(i) + std::size_t(d)) * std::size_t(m_p);
            for (int k = 0; k < m_p; ++k) {
                double v = 1.0 / m_denominators[std::size_t(k)];
                for (int m = 0; m < m_p; ++m)
                    if (m != k)
                        v *= t - (m + 0.5) / m_p;
                w[k] = v;
            }
            m_node[2 * std::size_t(i) + std::size_t(d)] = box * m_p;
            m_centred[2 * std::size_t(i) + std::size_t(d)] =
                xy[2 * std::size_t(i) + std::size_t(d)] - ((d == 0 ? m_loX : m_loY) + 0.5 * boxes * m_boxWidth);
        }
    }
}

void InterpolatedRepulsion::spread(int charge)
{
    std::fill(m_accumulator.begin(), m_accumulator.end(), 0.0);
    const std::size_t p = std::size_t(m_p), nodes = std::size_t(m_nodes);
    for (int j = 0; j < m_n; ++j) {
        const double q = charge == 0 ? 1.0 : m_centred[2 * std::size_t(j) + std::size_t(charge - 1)];
        const double* wx = m_weights.data() + 2 * std::size_t(j) * p;
        const double* wy = wx + p;
        double* at = m_accumulator.data() + std::size_t(m_node[2 * std::size_t(j)]) * nodes +
                     std::size_t(m_node[2 * std::size_t(j) + 1]);
        for (std::size_t a = 0; a < p; ++a, at += nodes) {
            const double qa = q * wx[a];
            for (std::size_t b = 0; b < p; ++b)
                at[b] += qa * wy[b];
        }
    }
    float* grid = m_fft->grid();
    const std::size_t side = std::size_t(m_fft->size());
    for (std::size_t r = 0; r < nodes; ++r)
        for (std::size_t c = 0; c < nodes; ++c)
            grid[r * side + c] = float(m_accumulator[r * nodes + c]);
    m_fft->transformCharges();
}

void InterpolatedRepulsion::gather(const float* potential, double* out, int threads) const
{
    const std::size_t p = std::size_t(m_p), side = std::size_t(m_fft->size());
    parallelChunks(m_n, threads, [&](int begin, int end) {
        for (int i = begin; i < end; ++i) {
            const double* wx = m_weights.data() + 2 * std::size_t(i) * p;
            const double* wy = wx + p;
            const float* at = potential + std::size_t(m_node[2 * std::size_t(i)]) * side +
                              std::size_t(m_node[2 * std::size_t(i) + 1]);
            double sum = 0.0;
            for (std::size_t a = 0; a < p; ++a, at += side) {
                double row = 0.0;
                for (std::size_t b = 0; b < p; ++b)
                    row += wy[b] * double(at[b]);
                sum += wx[a] * row;
            }
            out[i] = sum;
        }
    });
}

double InterpolatedRepulsion::compute(const double* xy, double* rep, int threads)
{
    double minX = xy[0], maxX = xy[0], minY = xy[1], maxY = xy[1];
    for (int i = 1; i < m_n; ++i) {
        minX = std::min(minX, xy[2 * std::size_t(i)]);
        maxX = std::max(maxX, xy[2 * std::size_t(i)]);
        minY = std::min(minY, xy[2 * std::size_t(i) + 1]);
        maxY = std::max(maxY, xy[2 * std::size_t(i) + 1]);
    }
    prepareGrid(std::max({maxX - minX, maxY - minY, kMinSpan}));
    const double half = 0.5 * (m_nodes / m_p) * m_boxWidth;
    m_loX = 0.5 * (minX + maxX) - half;
    m_loY = 0.5 * (minY + maxY) - half;
    parallelChunks(m_n, threads, [&](int begin, int end) { locate(xy, begin, end); });

    spread(0);
    // z + n = sum_i sum_j q_ij (with q_ii = 1) = sum over nodes of charge x potential
    const double z = m_fft->energy(0) - double(m_n);
    gather(m_fft->convolve(1), m_sumQ2.data(), threads);
    spread(1);
    gather(m_fft->convolve(1), m_sumQ2x.data(), threads);
    spread(2);
    gather(m_fft->convolve(1), m_sumQ2y.data(), threads);

    for (int i = 0; i < m_n; ++i) {
        const std::size_t s = std::size_t(i);
        rep[2 * s] = m_centred[2 * s] * m_sumQ2[s] - m_sumQ2x[s];
        rep[2 * s + 1] = m_centred[2 * s + 1] * m_sumQ2[s] - m_sumQ2y[s];
    }
    return z;
}

} // namespace dsp
