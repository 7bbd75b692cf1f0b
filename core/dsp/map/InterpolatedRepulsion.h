// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// t-SNE's repulsive forces by FFT-accelerated interpolation (Linderman, Rachh, Hoskins,
// Steinerberger and Kluger 2019, "Fast interpolation-based t-SNE for improved visualization
// of single-cell RNA-seq data"). For the Student-t kernel q_ij = 1 / (1 + |y_i - y_j|^2):
//   z = sum_i sum_{j != i} q_ij    and    f_i = sum_{j != i} q_ij^2 (y_i - y_j).
// The square around the points is cut into nb x nb equal boxes (nb >= min_num_intervals,
// each box at most 1 / intervals_per_integer wide while the grid stays within kMaxGridSide;
// box widths are 2^(k/8) / intervals_per_integer so that the kernels' spectra are reused
// while k stays), each holding p x p equispaced nodes (p = n_interpolation_points), so
// that all the nodes form one uniform grid. Every point spreads its charges (1, y_x, y_y) onto the nodes of its
// box with Lagrange weights; the node-to-node sums of q^2 are circular FFT convolutions on
// that grid, interpolated back to the points with the same weights; z is the energy of the
// charge 1 under q, summed in the frequency domain. Cost per call: O(n p^2 + G log G) for G grid nodes (the grid side grows
// with the spread of the map). The error is that of the interpolation (about 1e-4 relative
// for p = 3 and boxes of width 1, see tst_map).
//
// Deterministic: the charges are spread in point order on the calling thread; `threads`
// only splits the per-point work, so the result does not depend on it. The FFT plans are
// made with FFTW_ESTIMATE (FftConvolution2d). Buffers are kept between calls and replaced
// only when the grid side changes (a few times per run, each side from a short list).
#include "../FftConvolution2d.h"

#include <memory>
#include <vector>

namespace dsp {

struct InterpolationParams
{
    int n_interpolation_points = 3;      ///< p: nodes per box and dimension, 2..8
    int min_num_intervals = 50;          ///< boxes per dimension at least
    double intervals_per_integer = 1.0;  ///< boxes per unit length at least (while the grid allows)
};

class InterpolatedRepulsion
{
public:
    /// The largest FFT grid side (memory: about 5 x side^2 floats).
    static constexpr int kMaxGridSide = 2048;

    /// For n points. Throws ParameterError for bad parameters or n < 1.
    explicit InterpolatedRepulsion(int n, const InterpolationParams& params = {});
    ~InterpolatedRepulsion();
    InterpolatedRepulsion(const InterpolatedRepulsion&) = delete;
    InterpolatedRepulsion& operator=(const InterpolatedRepulsion&) = delete;

    /// The forces of the n points stored as x0, y0, x1, y1, ... (finite): writes f_i to
    /// rep[2i], rep[2i + 1] and returns z. May throw std::bad_alloc when the grid grows.
    double compute(const double* xy, double* rep, int threads);

    /// The widest map (max - min of either coordinate) whose boxes stay within
    /// 1 / intervals_per_integer on the capped grid; wider maps are computed with wider boxes,
    /// much less exactly (callers switch to another method there).
    [[nodiscard]] double maxSpan() const;

    /// The FFT grid side of the last compute() (0 before), for diagnostics and tests.
    [[nodiscard]] int gridSide() const { return m_fft ? m_fft->size() : 0; }

private:
    void prepareGrid(double span);
    void locate(const double* xy, int begin, int end);
    void spread(int charge); ///< 0: 1, 1: centred x, 2: centred y; then FFT
    void gather(const float* potential, double* out, int threads) const;

    InterpolationParams m_params;
    int m_n = 0;
    int m_p = 0;
    std::vector<double> m_denominators; ///< Lagrange denominators of the p nodes of a box
    std::unique_ptr<FftConvolution2d> m_fft;
    int m_nodes = 0;         ///< M = nb * p nodes per dimension on the grid
    double m_boxWidth = 0.0; ///< h
    double m_kernelSpacing = -1.0; ///< node spacing the stored kernels were made for
    double m_loX = 0.0, m_loY = 0.0;
    std::vector<int> m_node;         ///< per point: its box's first node, row then column
    std::vector<double> m_weights;   ///< per point: p x-weights then p y-weights
    std::vector<double> m_centred;   ///< per point: x then y relative to the grid's centre
    std::vector<double> m_charge;    ///< per point: the charge being spread
    std::vector<double> m_accumulator; ///< M x M spread charges (double, then to the float grid)
    std::vector<double> m_sumQ2, m_sumQ2x, m_sumQ2y; ///< per-point potentials of q^2
};

} // namespace dsp
