// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Happens-before edges for ThreadSanitizer where the real synchronisation lives inside Qt.
//
// Debian's Qt is not built with TSan: a hand-off through QThreadPool's queue, QtConcurrent's
// thread engine or a queued invocation (QMutex on a futex inside libQt6Core) is invisible to it,
// so data written by one thread and read by the other after such a hand-off looks like a race.
// At each such hand-off the sending side calls handoffRelease(key) after its last write and the
// receiving side handoffAcquire(key) before its first read, with the same key (the address of
// the object handed over). Both are no-ops outside a TSan build: they add no synchronisation,
// they only tell TSan about the one Qt already does. Never use them where Qt does not already
// order the two sides; every call names the Qt mechanism it stands for.

#if defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define GENRESCOPE_TSAN 1
#endif
#endif
#if !defined(GENRESCOPE_TSAN) && defined(__SANITIZE_THREAD__)
#define GENRESCOPE_TSAN 1
#endif

#ifdef GENRESCOPE_TSAN
extern "C" void __tsan_acquire(void* addr);
extern "C" void __tsan_release(void* addr);
#endif

namespace gs {

/// The sending thread's writes so far happen before a later handoffAcquire(key) on any thread.
/// Several threads may release on one key; an acquire sees all of them.
inline void handoffRelease([[maybe_unused]] const void* key)
{
#ifdef GENRESCOPE_TSAN
    __tsan_release(const_cast<void*>(key));
#endif
}

/// Pairs with every handoffRelease(key) that Qt's own synchronisation ordered before this call.
inline void handoffAcquire([[maybe_unused]] const void* key)
{
#ifdef GENRESCOPE_TSAN
    __tsan_acquire(const_cast<void*>(key));
#endif
}

} // namespace gs
