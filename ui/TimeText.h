// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// "m:ss" for a time in milliseconds (negative times clamp to 0:00). Pure.
#include <QString>

namespace gs {

QString minutesSeconds(qint64 ms);

} // namespace gs
