// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// librosa.power_to_db / amplitude_to_db, computed in float32:
//   D = 10 log10(max(amin, S)) - 10 log10(max(amin, |ref|)),  then  D = max(D, max(D) - top_db)
// where max(D) is taken over the whole matrix (all bands, all frames): a frame's values depend
// on the loudest moment anywhere in the clip. amplitude_to_db uses 20 log10 and amin^... as
// librosa (it squares the input and calls power_to_db with amin^2, ref^2).
#include "Matrix.h"

#include <optional>

namespace dsp {

struct DbParams
{
    enum class RefMode { Value, Max }; ///< Max is librosa's ref=np.max
    float ref = 1.0f;
    RefMode ref_mode = RefMode::Value;
    float amin = 1e-10f;
    std::optional<float> top_db = 80.0f; ///< nullopt = no floor (top_db=None)

    /// Throws ParameterError for amin <= 0, top_db < 0 or a value that is not finite.
    void validate() const;
};

/// In place: S (power) becomes dB. Never allocates. Call params.validate() once beforehand.
void powerToDbInPlace(Eigen::Ref<Matrix> S, const DbParams& params);

/// In place: S (magnitude) becomes dB, as librosa.amplitude_to_db. Never allocates.
void amplitudeToDbInPlace(Eigen::Ref<Matrix> S, const DbParams& params);

} // namespace dsp
