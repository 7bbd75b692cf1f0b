// SPDX-License-Identifier: GPL-3.0-or-later
#include "TimeText.h"

namespace gs {

QString minutesSeconds(qint64 ms)
{
    const qint64 s = ms > 0 ? ms / 1000 : 0;
    return QStringLiteral("%1:%2").arg(QString::number(s / 60),
                                       QString::number(s % 60).rightJustified(2, QLatin1Char('0')));
}

} // namespace gs
