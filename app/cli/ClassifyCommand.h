// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// genrescope-cli classify train|predict: the genre classifier (README, "Genre classifier").
#include <QStringList>

namespace cli {

/// classify train DIR|FILE... --model FILE [...]; args[0] is "genrescope-cli classify train".
int runClassifyTrain(const QStringList& args);
/// classify predict --model FILE DIR|FILE...
int runClassifyPredict(const QStringList& args);

} // namespace cli
