// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A tiny real file system for "disk full" tests: a tmpfs of `kilobytes` mounted on a
// temporary folder (needs root, or CAP_SYS_ADMIN). When it cannot be mounted, isMounted() is
// false and why() says why, so the test can QSKIP with that reason. Unmounted on destruction.
#include <QString>
#include <QTemporaryDir>

namespace testsupport {

class SmallDisk
{
public:
    explicit SmallDisk(int kilobytes);
    ~SmallDisk();
    SmallDisk(const SmallDisk&) = delete;
    SmallDisk& operator=(const SmallDisk&) = delete;

    [[nodiscard]] bool isMounted() const { return m_mounted; }
    [[nodiscard]] QString why() const { return m_why; }
    [[nodiscard]] QString path() const { return m_dir.path(); }

private:
    QTemporaryDir m_dir;
    bool m_mounted = false;
    QString m_why;
};

} // namespace testsupport
