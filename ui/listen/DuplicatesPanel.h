// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// "Duplicates": pairs of tracks at about zero feature distance (exact replicas at 0), one
// top row per pair with its two tracks below. Selecting a pair or a track emits
// tracksPicked(ids of the pair) for the map to ring; with a track selected, "Hide from map"
// emits hideRequested(id) and "Remove from library..." asks for confirmation and then emits
// removeRequested(id); "Show hidden (N)" emits showHiddenRequested(). Only paints and handles
// input; GUI thread.
#include "ListEntry.h"

#include <QList>
#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace gs {

class DuplicatesPanel : public QWidget
{
    Q_OBJECT
public:
    struct Pair
    {
        ListEntry a, b;
        double distance = 0.0;
    };

    explicit DuplicatesPanel(QWidget* parent = nullptr);

    void showPairs(const QList<Pair>& pairs, double threshold);
    void showMessage(const QString& text);
    [[nodiscard]] QList<qint64> allTrackIds() const;
    [[nodiscard]] QTreeWidget* list() const { return m_list; }
    [[nodiscard]] QPushButton* hideButton() const { return m_hide; }
    [[nodiscard]] QPushButton* removeButton() const { return m_remove; }
    [[nodiscard]] QPushButton* showHiddenButton() const { return m_showHidden; }
    /// How many tracks are hidden from the map (the button shows them again; off at 0).
    void setHiddenCount(int count);
    /// The question before a removal (a dialog by default; tests may answer it).
    void setConfirm(std::function<bool(const QString& question)> confirm) { m_confirm = std::move(confirm); }

signals:
    void tracksPicked(const QList<qint64>& trackIds);
    void hideRequested(qint64 trackId);
    void removeRequested(qint64 trackId);
    void showHiddenRequested();

private:
    void onCurrentChanged();
    [[nodiscard]] qint64 currentTrack() const;

    QLabel* m_summary = nullptr;
    QTreeWidget* m_list = nullptr;
    QPushButton* m_hide = nullptr;
    QPushButton* m_remove = nullptr;
    QPushButton* m_showHidden = nullptr;
    QList<Pair> m_pairs;
    std::function<bool(const QString&)> m_confirm;
};

} // namespace gs
