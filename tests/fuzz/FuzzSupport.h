// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Shared by the libFuzzer targets of this folder: the raw input as Qt types, and a
// QCoreApplication for the targets whose code needs one (Qt Multimedia). Each target defines
// LLVMFuzzerTestOneInput; a crash, a sanitizer finding, an escaping exception or a broken
// invariant (fuzzCheck) is a failure.
#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace gs::fuzz {

inline QByteArray bytes(const uint8_t* data, size_t size)
{
    return QByteArray(reinterpret_cast<const char*>(data), qsizetype(size));
}

/// Creates the process's QCoreApplication once (no arguments; libFuzzer keeps its own).
void ensureApplication();

/// A violated property: prints it and aborts, which libFuzzer records as a crash.
[[noreturn]] inline void fail(const char* what)
{
    std::fprintf(stderr, "fuzz invariant violated: %s\n", what);
    std::abort();
}

inline void fuzzCheck(bool ok, const char* what)
{
    if (!ok)
        fail(what);
}

} // namespace gs::fuzz
