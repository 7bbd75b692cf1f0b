// SPDX-License-Identifier: GPL-3.0-or-later
#include "FeatureParams.h"

#include "ParameterError.h"

#include <sstream>

namespace dsp {

void FeatureParams::validate() const
{
    if (mel.n_fft != stft.n_fft)
        throw ParameterError("mel.n_fft (" + std::to_string(mel.n_fft) + ") must equal stft.n_fft (" +
                             std::to_string(stft.n_fft) + ")");
    db.validate();
}

std::string FeatureParams::key() const
{
    std::ostringstream s;
    s.precision(9);
    s << "sr=" << mel.sr << ";n_fft=" << stft.n_fft << ";hop=" << stft.hop_length << ";win=" << stft.win_length
      << ";window=" << stft.window << ";center=" << stft.center << ";pad=" << stft.pad_mode
      << ";power=" << stft.power << ";n_mels=" << mel.n_mels << ";fmin=" << mel.fmin << ";fmax=" << mel.fmax
      << ";htk=" << mel.htk << ";norm=" << mel.norm << ";ref=" << db.ref << ";refmax=" << int(db.ref_mode)
      << ";amin=" << db.amin << ";top_db=" << (db.top_db ? *db.top_db : -1.0f) << ";n_mfcc=" << mfcc.n_mfcc
      << ";dct=" << mfcc.dct_type << ";mfcc_norm=" << mfcc.norm << ";lifter=" << mfcc.lifter;
    return s.str();
}

} // namespace dsp
