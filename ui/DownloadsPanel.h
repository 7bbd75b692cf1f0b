// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Progress of the online fetch in flight: an overall bar (tracks done / queued), one row per
// track with its own bar, failures with their reasons, and a row per listed entry skipped for
// a malformed id; Cancel stops the fetch (cancelled tracks stay pending and resume on the next
// fetch). Shows the last finished fetch's summary until the next one starts. Text from the
// services is shown escaped (gs::printable). GUI thread only.
#include <QHash>
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace gs {

class FetchController;
class FetchJob;
class Library;
struct FetchReport;

class DownloadsPanel : public QWidget
{
    Q_OBJECT
public:
    /// `library` (titles of the rows) and `controller` (not owned) must outlive the panel.
    DownloadsPanel(const Library& library, FetchController& controller, QWidget* parent = nullptr);

    [[nodiscard]] QProgressBar* overallBar() const { return m_overall; }
    [[nodiscard]] QTreeWidget* rows() const { return m_rows; }
    [[nodiscard]] QLabel* statusLabel() const { return m_status; }

private:
    void attach(FetchJob* job, const QString& label);
    void onFinished(const QString& label, const FetchReport& report);
    QTreeWidgetItem* row(qint64 trackId);
    void setRowState(qint64 trackId, const QString& state, const QString& detail, bool failed);

    const Library& m_library;
    QLabel* m_status = nullptr;
    QProgressBar* m_overall = nullptr;
    QPushButton* m_cancel = nullptr;
    QTreeWidget* m_rows = nullptr;
    QHash<qint64, QTreeWidgetItem*> m_byTrack;
};

} // namespace gs
