// SPDX-License-Identifier: GPL-3.0-or-later
#include "FftwPlan.h"

#include "FftwPlanner.h"
#include "ParameterError.h"

#include <fftw3.h>

#include <mutex>
#include <new>

namespace dsp {

std::mutex& fftwfPlannerMutex()
{
    static std::mutex m;
    return m;
}

FftwPlan::FftwPlan(int n) : m_n(n)
{
    if (n < 2)
        throw ParameterError("FFT size must be >= 2, got " + std::to_string(n));
    std::lock_guard lock(fftwfPlannerMutex());
    m_in = fftwf_alloc_real(std::size_t(n));
    m_out = reinterpret_cast<std::complex<float>*>(fftwf_alloc_complex(std::size_t(n / 2 + 1)));
    if (!m_in || !m_out) {
        fftwf_free(m_in);
        fftwf_free(m_out);
        throw std::bad_alloc();
    }
    auto* out = reinterpret_cast<fftwf_complex*>(m_out);
    // FFTW_ESTIMATE: the plan depends only on n (no timing, no wisdom), so every run and every
    // thread computes the same algorithm and the same bits; planning costs microseconds.
    m_plan = fftwf_plan_dft_r2c_1d(n, m_in, out, FFTW_ESTIMATE | FFTW_DESTROY_INPUT);
    if (!m_plan) {
        fftwf_free(m_in);
        fftwf_free(m_out);
        throw ParameterError("FFTW could not plan a transform of size " + std::to_string(n));
    }
}

FftwPlan::~FftwPlan()
{
    std::lock_guard lock(fftwfPlannerMutex());
    fftwf_destroy_plan(static_cast<fftwf_plan>(m_plan));
    fftwf_free(m_in);
    fftwf_free(m_out);
}

void FftwPlan::execute()
{
    fftwf_execute(static_cast<fftwf_plan>(m_plan));
}

} // namespace dsp
