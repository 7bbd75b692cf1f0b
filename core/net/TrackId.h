// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The id of a track as a service's JSON gives it (Deezer "id", Spotify "id", iTunes
// "trackId"), checked before it becomes a library source_id. Valid: a positive integer
// (a JSON number without a fraction, below 2^53), or a string of 1 to 64 printable ASCII
// characters without spaces or slashes. Everything else - objects, arrays, null, booleans,
// fractional, zero or negative numbers, empty strings, text with control characters - is
// malformed: the entry is skipped and reported, never stored as 0 or "".
#include <QJsonValue>
#include <QString>
#include <optional>

namespace gs {

struct TrackId
{
    /// The id as text, or nullopt if `v` is malformed.
    [[nodiscard]] static std::optional<QString> fromJson(const QJsonValue& v);
    /// What is wrong with `v`, for a report ("null", "an object", "1.5", "\"\""...): short,
    /// one line, control characters escaped.
    [[nodiscard]] static QString describe(const QJsonValue& v);
};

} // namespace gs
