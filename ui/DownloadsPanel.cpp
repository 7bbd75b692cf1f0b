// SPDX-License-Identifier: GPL-3.0-or-later
#include "DownloadsPanel.h"

#include "FetchController.h"
#include "library/Library.h"
#include "net/FetchJob.h"
#include "text/Printable.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace gs {
namespace {
enum Column { TitleColumn, ProgressColumn, StateColumn };
}

DownloadsPanel::DownloadsPanel(const Library& library, FetchController& controller, QWidget* parent)
    : QWidget(parent), m_library(library), m_status(new QLabel(tr("No downloads yet: File → Add source…"), this)),
      m_overall(new QProgressBar(this)), m_cancel(new QPushButton(tr("Cancel"), this)), m_rows(new QTreeWidget(this))
{
    m_overall->setFormat(tr("%v / %m tracks"));
    m_overall->setRange(0, 1);
    m_overall->setValue(0);
    m_cancel->setEnabled(false);
    m_rows->setColumnCount(3);
    m_rows->setHeaderLabels({tr("Track"), tr("Progress"), tr("State")});
    m_rows->setRootIsDecorated(false);
    m_rows->setUniformRowHeights(true);
    m_rows->header()->setSectionResizeMode(TitleColumn, QHeaderView::Stretch);
    m_rows->header()->setSectionResizeMode(StateColumn, QHeaderView::Interactive);
    m_rows->setColumnWidth(ProgressColumn, 140);
    m_rows->setColumnWidth(StateColumn, 220);
    auto* top = new QHBoxLayout;
    top->addWidget(m_status, 1);
    top->addWidget(m_overall, 1);
    top->addWidget(m_cancel);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(m_rows, 1);
    connect(m_cancel, &QPushButton::clicked, &controller, &FetchController::cancel);
    connect(&controller, &FetchController::jobStarted, this, &DownloadsPanel::attach);
    connect(&controller, &FetchController::jobFinished, this, &DownloadsPanel::onFinished);
}

void DownloadsPanel::attach(FetchJob* job, const QString& label)
{
    m_rows->clear();
    m_byTrack.clear();
    m_status->setText(tr("Fetching %1…").arg(label));
    m_overall->setRange(0, 0);
    m_cancel->setEnabled(true);
    DownloadManager& d = job->downloads();
    connect(job, &FetchJob::sourceListed, this, [this](const QString& source, int tracks, const QString& error) {
        auto* item = new QTreeWidgetItem(m_rows, {printable(source), QString(),
                                                  error.isEmpty() ? tr("listed %1 tracks").arg(tracks) : printable(error)});
        if (!error.isEmpty())
            item->setForeground(StateColumn, QColor(0xc0392b));
    });
    // A listed entry skipped for a malformed id: a row of its own, its text (from the service)
    // escaped as everywhere else.
    connect(job, &FetchJob::entryRejected, this, [this](const QString& line) {
        auto* item = new QTreeWidgetItem(m_rows, {tr("skipped entry"), QString(), printable(line)});
        item->setToolTip(StateColumn, printable(line));
        item->setForeground(StateColumn, QColor(0xc0392b));
    });
    connect(&d, &DownloadManager::overallProgress, this, [this](int done, int total) {
        m_overall->setRange(0, std::max(total, 1));
        m_overall->setValue(done);
    });
    connect(&d, &DownloadManager::trackProgress, this, [this](qint64 id, qint64 received, qint64 total) {
        auto* bar = qobject_cast<QProgressBar*>(m_rows->itemWidget(row(id), ProgressColumn));
        if (bar) {
            bar->setRange(0, total > 0 ? 1000 : 0);
            bar->setValue(total > 0 ? int(1000 * received / total) : 0);
        }
        setRowState(id, tr("downloading"), {}, false);
    });
    connect(&d, &DownloadManager::trackFinished, this, [this](qint64 id) { setRowState(id, tr("downloaded"), {}, false); });
    connect(&d, &DownloadManager::trackFailed, this,
            [this](qint64 id, const QString& reason) { setRowState(id, tr("failed"), reason, true); });
}

QTreeWidgetItem* DownloadsPanel::row(qint64 trackId)
{
    if (QTreeWidgetItem* item = m_byTrack.value(trackId))
        return item;
    const std::optional<TrackRecord> t = m_library.track(trackId);
    const QString title = t ? (t->artist.isEmpty() ? t->title : t->title + QStringLiteral(" — ") + t->artist)
                            : tr("track %1").arg(trackId);
    auto* item = new QTreeWidgetItem(m_rows, {title});
    auto* bar = new QProgressBar(m_rows);
    bar->setMaximumHeight(14);
    bar->setTextVisible(false);
    bar->setRange(0, 1000);
    bar->setValue(0);
    m_rows->setItemWidget(item, ProgressColumn, bar);
    m_byTrack.insert(trackId, item);
    return item;
}

void DownloadsPanel::setRowState(qint64 trackId, const QString& state, const QString& detail, bool failed)
{
    QTreeWidgetItem* item = row(trackId);
    item->setText(StateColumn, detail.isEmpty() ? state : QStringLiteral("%1: %2").arg(state, detail));
    item->setToolTip(StateColumn, detail);
    item->setForeground(StateColumn, failed ? QColor(0xc0392b) : palette().color(QPalette::Text));
    if (auto* bar = qobject_cast<QProgressBar*>(m_rows->itemWidget(item, ProgressColumn)); bar && !failed &&
        state == tr("downloaded")) {
        bar->setRange(0, 1000);
        bar->setValue(1000);
    }
}

void DownloadsPanel::onFinished(const QString& label, const FetchReport& report)
{
    m_cancel->setEnabled(false);
    const DownloadSummary& s = report.downloads;
    if (m_overall->maximum() == 0)
        m_overall->setRange(0, 1);
    QString extra;
    if (!report.sourceErrors.isEmpty())
        extra += tr("; %1 sources failed").arg(report.sourceErrors.size());
    if (!report.malformedEntries.isEmpty())
        extra += tr("; %1 entries skipped (malformed id)").arg(report.malformedEntries.size());
    m_status->setText(tr("%1: %2 downloaded, %3 failed, %4 without preview, %5 cancelled%6")
                          .arg(printable(label), QString::number(s.downloaded), QString::number(s.failed),
                               QString::number(s.noPreview), QString::number(s.cancelled), extra));
    QStringList details;
    for (const QString& line : report.sourceErrors + report.malformedEntries)
        details << printable(line);
    m_status->setToolTip(details.join(QLatin1Char('\n')));
}

} // namespace gs
