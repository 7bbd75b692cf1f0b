// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What a Library read returns: the value read (a list, an optional row, stats), and `error`,
// one line naming the file and the reason when the read failed (a busy, locked or corrupted
// database). The value is then empty or partial and says nothing about the library: an
// empty list with ok() is an empty library, an empty list with !ok() is an unknown one.
// It is the value itself (it derives from T), so code that only wants rows reads it as T.
#include <QString>

#include <utility>

namespace gs {

template <typename T>
struct ReadResult : T
{
    QString error{}; ///< empty on success

    ReadResult() = default;
    ReadResult(T value) : T(std::move(value)) {} // NOLINT(google-explicit-constructor): a read that worked

    [[nodiscard]] bool ok() const { return error.isEmpty(); }
};

} // namespace gs
