// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The process-wide lock around FFTW's single-precision planner (fftwf_plan_* and
// fftwf_destroy_plan are not thread-safe; executing a plan is). Every class that plans or
// destroys fftwf plans holds it meanwhile. (The double-precision library has its own state.)
#include <mutex>

namespace dsp {

std::mutex& fftwfPlannerMutex();

} // namespace dsp
