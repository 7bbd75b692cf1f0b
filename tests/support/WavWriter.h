// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Writes test WAV files byte by byte (no library between the test and the bytes), so that a
// test can build exactly the hostile input it needs: IEEE float samples holding NaN or Inf,
// odd sample rates, long 16-bit files.
#include <QString>

#include <vector>

namespace testsupport {

/// A sine of `seconds` at `hz`, amplitude 0.5, sampled at `sr`.
std::vector<float> sine(double seconds, int sr, double hz = 440.0);

/// 32-bit IEEE float WAV (format tag 3), `channels` interleaved. Returns false on I/O error.
bool writeFloatWav(const QString& path, const std::vector<float>& interleaved, int sr, int channels = 1);
/// 16-bit PCM WAV, samples clipped to [-1, 1].
bool writePcm16Wav(const QString& path, const std::vector<float>& interleaved, int sr, int channels = 1);

} // namespace testsupport
