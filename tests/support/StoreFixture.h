// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the feature-store tests share: small feature parameters (4 MFCCs, 8 mel bands, so
// records are small), a SHA-256 of a text, and a distinct stamp per number.
#include "analysis/FeatureStoreFormat.h"
#include "dsp/FeatureParams.h"

#include <QCryptographicHash>

namespace storetest {

inline dsp::FeatureParams params()
{
    dsp::FeatureParams p;
    p.mfcc.n_mfcc = 4;
    p.mel.n_mels = 8;
    return p;
}

inline QByteArray shaOf(const QString& s) { return QCryptographicHash::hash(s.toUtf8(), QCryptographicHash::Sha256); }

inline gs::FileStamp stamp(int n) { return {1000 + n, 1700000000000000000 + n}; }

} // namespace storetest
