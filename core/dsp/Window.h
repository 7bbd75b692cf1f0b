// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Analysis windows, periodic ("fftbins=True"), as scipy.signal.get_window returns them.
#include <string>
#include <vector>

namespace dsp {

enum class WindowType { Hann, Hamming, Rectangular };

/// Parses librosa/scipy window names ("hann", "hamming", "boxcar"/"ones"). Throws ParameterError.
WindowType windowTypeFromName(const std::string& name);

/// Periodic window of length n: w[i] = a - (1-a) cos(2 pi i / n). Throws ParameterError for n < 1.
std::vector<float> makeWindow(WindowType type, int n);

} // namespace dsp
