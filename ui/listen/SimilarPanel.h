// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// "Similar tracks": the k nearest tracks of the selected one in feature space, with their
// distances, nearest first. "Play the nearest" asks to play them one after another
// (playQueueRequested), a double click (or Enter) plays one (trackActivated); the spin box
// sets k (kChanged). Only paints and handles input; GUI thread.
#include "ListEntry.h"

#include <QList>
#include <QWidget>

class QLabel;
class QPushButton;
class QSpinBox;
class QTreeWidget;

namespace gs {

class SimilarPanel : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kDefaultK = 10;

    explicit SimilarPanel(QWidget* parent = nullptr);

    /// Lists `entries` as the neighbours of `title`; `space` names the feature space.
    void showNeighbours(const QString& title, const QString& space, const QList<ListEntry>& entries);
    /// Empties the list and says why (no track selected, computing, ...).
    void showMessage(const QString& text);
    [[nodiscard]] int k() const;
    [[nodiscard]] QList<qint64> trackIds() const { return m_ids; }
    [[nodiscard]] QTreeWidget* list() const { return m_list; }
    [[nodiscard]] QPushButton* playButton() const { return m_play; }
    [[nodiscard]] QString headline() const;

signals:
    void kChanged(int k);
    void playQueueRequested(const QList<qint64>& trackIds);
    void trackActivated(qint64 trackId);

private:
    QLabel* m_header = nullptr;
    QSpinBox* m_k = nullptr;
    QPushButton* m_play = nullptr;
    QTreeWidget* m_list = nullptr;
    QList<qint64> m_ids;
};

} // namespace gs
