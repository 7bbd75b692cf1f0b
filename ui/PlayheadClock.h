// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Smooth playhead time between the player's position updates. Qt Multimedia reports the
// position every 50-100 ms; a view painting at 60 fps asks positionAt(now) and gets the last
// reported position plus the time elapsed since that report while playing (clamped to the
// duration), or exactly the last position when paused. Driven only by the player's reports:
// it never runs ahead when paused, and snaps back on every report (seeks included).
// Times are milliseconds; `now` is any monotonic clock (e.g. QElapsedTimer). Value type.
#include <QtGlobal>

namespace gs {

class PlayheadClock
{
public:
    /// A position report from the player, received at monotonic time `nowMs`.
    void report(qint64 positionMs, qint64 nowMs);
    /// Playing or not, from time `nowMs` on (the position so far is kept).
    void setPlaying(bool playing, qint64 nowMs);
    void setDuration(qint64 durationMs) { m_duration = durationMs; }

    [[nodiscard]] bool isPlaying() const { return m_playing; }
    /// Interpolated position at `nowMs`, in [0, duration] when the duration is known.
    [[nodiscard]] qint64 positionAt(qint64 nowMs) const;

private:
    qint64 m_position = 0;   ///< last reported (or frozen) position
    qint64 m_reportedAt = 0; ///< monotonic time of that report
    qint64 m_duration = 0;
    bool m_playing = false;
};

} // namespace gs
