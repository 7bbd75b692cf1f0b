// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// RAII wrapper around a single-precision FFTW real-to-complex plan with its own aligned
// buffers. Planning is serialised behind a process-wide mutex (FFTW's planner is not
// thread-safe); execute() is thread-safe per instance, so each worker owns its plan.
// Plans are made with FFTW_ESTIMATE, never timed and never from wisdom: the algorithm depends
// only on n, so the same input gives the same bits in every run, process and thread.
#include <complex>
#include <cstddef>

namespace dsp {

class FftwPlan
{
public:
    /// Plans an n-point r2c transform. Throws ParameterError for n < 2 or on planner failure,
    /// std::bad_alloc when the buffers cannot be allocated.
    explicit FftwPlan(int n);
    ~FftwPlan();
    FftwPlan(const FftwPlan&) = delete;
    FftwPlan& operator=(const FftwPlan&) = delete;

    [[nodiscard]] int size() const { return m_n; }
    [[nodiscard]] int bins() const { return m_n / 2 + 1; }
    /// Time-domain input buffer, size() floats, 16-byte aligned.
    [[nodiscard]] float* input() { return m_in; }
    /// Spectrum output buffer, bins() complex values.
    [[nodiscard]] const std::complex<float>* output() const { return m_out; }
    /// Transforms input() into output(). Unscaled (as numpy.fft.rfft). Never allocates.
    void execute();

private:
    int m_n = 0;
    float* m_in = nullptr;
    std::complex<float>* m_out = nullptr;
    void* m_plan = nullptr; // fftwf_plan, kept opaque so fftw3.h stays out of headers
};

} // namespace dsp
