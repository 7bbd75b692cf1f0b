// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A 2-D circular convolution of real (size x size) single-precision grids with a few fixed
// real kernels, through FFTW. Grids are row-major: element (r, c) at r * size + c. The result
// is the plain circular convolution (normalised: no factor size^2).
//
// Pruned for zero-padded charges: the charges must be zero outside rows [0, active), and
// only rows [0, active) of a result are computed (the row transforms skip the other rows,
// which saves about a quarter of the work when active ~ size / 2). Kernels fill the grid.
//
// Set-up (the constructor) allocates the buffers and plans with FFTW_ESTIMATE under the
// shared planner lock (FftwPlanner.h): the algorithm depends only on the sizes, so the same
// input gives the same bits in every run and process. The other calls neither allocate nor
// throw. Not thread-safe: one instance per thread of work.
#include <complex>
#include <vector>

namespace dsp {

class FftConvolution2d
{
public:
    /// Plans transforms of (size x size) grids for `kernels` kernels and charges in rows
    /// [0, active). Throws ParameterError for size < 2, kernels < 1, active outside
    /// [1, size] or on planner failure, std::bad_alloc without memory.
    FftConvolution2d(int size, int kernels, int active);
    ~FftConvolution2d();
    FftConvolution2d(const FftConvolution2d&) = delete;
    FftConvolution2d& operator=(const FftConvolution2d&) = delete;

    [[nodiscard]] int size() const { return m_size; }
    [[nodiscard]] int active() const { return m_active; }
    /// The real input grid (size * size floats), written by the caller; never changed here.
    [[nodiscard]] float* grid() { return m_grid; }
    /// Stores the spectrum of the whole grid() as kernel k (0 <= k < kernels). The kernel
    /// must be even (k(r, c) = k(-r, c) = k(r, -c), indices modulo size) for charges().
    void setKernel(int k);
    /// Transforms rows [0, active) of grid() as the charges of the next calls.
    void transformCharges();
    /// The charges convolved with kernel k: rows [0, active) of size floats each, valid
    /// until the next call.
    [[nodiscard]] const float* convolve(int k);
    /// sum over the grid of charges x (charges convolved with kernel k), from the spectra
    /// (Parseval), without an inverse transform. Needs an even kernel.
    [[nodiscard]] double energy(int k) const;

private:
    int m_size = 0;
    int m_kernels = 0;
    int m_active = 0;
    float* m_grid = nullptr;
    float* m_result = nullptr;
    std::complex<float>* m_rows = nullptr;    ///< row spectra of the charges (zero past active)
    std::complex<float>* m_charges = nullptr; ///< 2-D spectrum of the charges
    std::complex<float>* m_product = nullptr;
    std::vector<std::complex<float>*> m_kernelSpectra;
    // fftwf_plan, opaque so fftw3.h stays out of headers
    void* m_kernelPlan = nullptr;   ///< 2-D r2c of the whole grid
    void* m_rowsForward = nullptr;  ///< r2c of rows [0, active)
    void* m_colsForward = nullptr;  ///< c2c down every column bin, m_rows to m_charges
    void* m_colsInverse = nullptr;  ///< inverse c2c down every column bin, in place
    void* m_rowsInverse = nullptr;  ///< c2r of rows [0, active)
    void release();
};

} // namespace dsp
