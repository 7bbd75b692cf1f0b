// SPDX-License-Identifier: GPL-3.0-or-later
#include "PlayheadClock.h"

#include <algorithm>

namespace gs {

void PlayheadClock::report(qint64 positionMs, qint64 nowMs)
{
    m_position = positionMs;
    m_reportedAt = nowMs;
}

void PlayheadClock::setPlaying(bool playing, qint64 nowMs)
{
    m_position = positionAt(nowMs);
    m_reportedAt = nowMs;
    m_playing = playing;
}

qint64 PlayheadClock::positionAt(qint64 nowMs) const
{
    qint64 p = m_position;
    if (m_playing)
        p += std::max<qint64>(0, nowMs - m_reportedAt);
    if (m_duration > 0)
        p = std::min(p, m_duration);
    return std::max<qint64>(0, p);
}

} // namespace gs
