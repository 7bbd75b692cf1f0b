// SPDX-License-Identifier: GPL-3.0-or-later
#include "SmallDisk.h"

#include <QProcess>

namespace testsupport {
namespace {

int run(const QString& program, const QStringList& args, QString* err)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        *err = program + QStringLiteral(" timed out");
        return -1;
    }
    *err = QString::fromLocal8Bit(p.readAllStandardError()).trimmed();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

} // namespace

SmallDisk::SmallDisk(int kilobytes)
{
    if (!m_dir.isValid()) {
        m_why = QStringLiteral("no temporary folder");
        return;
    }
    QString err;
    const int code = run(QStringLiteral("mount"),
                         {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                          QStringLiteral("size=%1k").arg(kilobytes), QStringLiteral("tmpfs"), m_dir.path()},
                         &err);
    m_mounted = code == 0;
    if (!m_mounted)
        m_why = QStringLiteral("cannot mount a %1 kB tmpfs (needs root): %2")
                    .arg(QString::number(kilobytes), err.isEmpty() ? QStringLiteral("mount failed") : err);
}

SmallDisk::~SmallDisk()
{
    if (m_mounted) {
        QString err;
        run(QStringLiteral("umount"), {m_dir.path()}, &err);
    }
}

} // namespace testsupport
