// SPDX-License-Identifier: GPL-3.0-or-later
#include "FftConvolution2d.h"

#include "FftwPlanner.h"
#include "ParameterError.h"

#include <fftw3.h>

#include <algorithm>
#include <new>
#include <string>

namespace dsp {
namespace {

fftwf_complex* raw(std::complex<float>* p) { return reinterpret_cast<fftwf_complex*>(p); }

} // namespace

FftConvolution2d::FftConvolution2d(int size, int kernels, int active) : m_size(size), m_kernels(kernels), m_active(active)
{
    if (size < 2 || kernels < 1 || active < 1 || active > size)
        throw ParameterError("2-D convolution: need size >= 2, kernels >= 1 and 1 <= active <= size, got " +
                             std::to_string(size) + ", " + std::to_string(kernels) + ", " + std::to_string(active));
    const int bins = size / 2 + 1;
    const std::size_t reals = std::size_t(size) * std::size_t(size);
    const std::size_t spectrum = std::size_t(size) * std::size_t(bins);
    std::lock_guard lock(fftwfPlannerMutex());
    const auto complexBuffer = [spectrum] { return reinterpret_cast<std::complex<float>*>(fftwf_alloc_complex(spectrum)); };
    m_grid = fftwf_alloc_real(reals);
    m_result = fftwf_alloc_real(reals);
    m_rows = complexBuffer();
    m_charges = complexBuffer();
    m_product = complexBuffer();
    bool ok = m_grid && m_result && m_rows && m_charges && m_product;
    for (int k = 0; ok && k < kernels; ++k) {
        m_kernelSpectra.push_back(complexBuffer());
        ok = m_kernelSpectra.back() != nullptr;
    }
    if (!ok) {
        release();
        throw std::bad_alloc();
    }
    std::fill(m_grid, m_grid + reals, 0.0f);
    std::fill(m_rows, m_rows + spectrum, std::complex<float>());
    // FFTW_ESTIMATE: no timing and no wisdom, the same plans (and bits) for the same sizes.
    const unsigned flags = FFTW_ESTIMATE;
    m_kernelPlan = fftwf_plan_dft_r2c_2d(size, size, m_grid, raw(m_kernelSpectra[0]), flags);
    m_rowsForward = fftwf_plan_many_dft_r2c(1, &size, active, m_grid, nullptr, 1, size, raw(m_rows), nullptr, 1, bins, flags);
    m_colsForward = fftwf_plan_many_dft(1, &size, bins, raw(m_rows), nullptr, bins, 1, raw(m_charges), nullptr, bins, 1,
                                        FFTW_FORWARD, flags);
    m_colsInverse = fftwf_plan_many_dft(1, &size, bins, raw(m_product), nullptr, bins, 1, raw(m_product), nullptr, bins, 1,
                                        FFTW_BACKWARD, flags);
    m_rowsInverse = fftwf_plan_many_dft_c2r(1, &size, active, raw(m_product), nullptr, 1, bins, m_result, nullptr, 1, size,
                                            flags | FFTW_DESTROY_INPUT);
    if (!m_kernelPlan || !m_rowsForward || !m_colsForward || !m_colsInverse || !m_rowsInverse) {
        release();
        throw ParameterError("FFTW could not plan a 2-D transform of size " + std::to_string(size));
    }
}

FftConvolution2d::~FftConvolution2d()
{
    std::lock_guard lock(fftwfPlannerMutex());
    release();
}

void FftConvolution2d::release()
{
    for (void** plan : {&m_kernelPlan, &m_rowsForward, &m_colsForward, &m_colsInverse, &m_rowsInverse}) {
        if (*plan)
            fftwf_destroy_plan(static_cast<fftwf_plan>(*plan));
        *plan = nullptr;
    }
    fftwf_free(m_grid);
    fftwf_free(m_result);
    for (std::complex<float>* buffer : {m_rows, m_charges, m_product})
        fftwf_free(buffer);
    for (auto* s : m_kernelSpectra)
        fftwf_free(s);
    m_kernelSpectra.clear();
    m_grid = m_result = nullptr;
    m_rows = m_charges = m_product = nullptr;
}

void FftConvolution2d::setKernel(int k)
{
    fftwf_execute_dft_r2c(static_cast<fftwf_plan>(m_kernelPlan), m_grid, raw(m_kernelSpectra[std::size_t(k)]));
}

void FftConvolution2d::transformCharges()
{
    fftwf_execute(static_cast<fftwf_plan>(m_rowsForward)); // rows past active stay zero
    fftwf_execute(static_cast<fftwf_plan>(m_colsForward));
}

const float* FftConvolution2d::convolve(int k)
{
    const std::complex<float>* kernel = m_kernelSpectra[std::size_t(k)];
    const std::size_t bins = std::size_t(m_size) * std::size_t(m_size / 2 + 1);
    const float scale = 1.0f / (float(m_size) * float(m_size));
    for (std::size_t i = 0; i < bins; ++i) { // written out: no C99 NaN recovery (__mulsc3)
        const float a = m_charges[i].real(), b = m_charges[i].imag();
        const float c = kernel[i].real(), d = kernel[i].imag();
        m_product[i] = {(a * c - b * d) * scale, (a * d + b * c) * scale};
    }
    fftwf_execute(static_cast<fftwf_plan>(m_colsInverse));
    fftwf_execute(static_cast<fftwf_plan>(m_rowsInverse));
    return m_result;
}

double FftConvolution2d::energy(int k) const
{
    // sum_n c(n) (c * K)(n) = 1 / size^2 sum over the full spectrum of |C|^2 Re(K^); the
    // half spectrum counts every column bin twice except 0 and size / 2.
    const std::complex<float>* kernel = m_kernelSpectra[std::size_t(k)];
    const int bins = m_size / 2 + 1;
    double sum = 0.0;
    for (int r = 0; r < m_size; ++r) {
        const std::size_t row = std::size_t(r) * std::size_t(bins);
        double rowSum = 0.0;
        for (int c = 0; c < bins; ++c) {
            const std::complex<float> v = m_charges[row + std::size_t(c)];
            const double power = double(v.real()) * v.real() + double(v.imag()) * v.imag();
            const double weight = (c == 0 || 2 * c == m_size) ? 1.0 : 2.0;
            rowSum += weight * power * kernel[row + std::size_t(c)].real();
        }
        sum += rowSum;
    }
    return sum / (double(m_size) * double(m_size));
}

} // namespace dsp
