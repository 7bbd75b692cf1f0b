// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// "Misfits": tracks whose k nearest neighbours mostly carry another genre, each with what it
// sounds like ("metal (7/10)"). Selecting one emits trackPicked(id) for the map to ring and
// proposes its "sounds like" genre in the genre box; "Relabel" emits relabelRequested(id,
// genre) with the box's genre (any genre may be typed). Only paints and handles input; GUI
// thread.
#include "ListEntry.h"

#include <QList>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTreeWidget;

namespace gs {

class MisfitsPanel : public QWidget
{
    Q_OBJECT
public:
    struct Row
    {
        ListEntry track;
        QString soundsLike;
        int votes = 0;
        int k = 0;
    };

    explicit MisfitsPanel(QWidget* parent = nullptr);

    /// `genres`: the choices of the genre box.
    void showMisfits(const QList<Row>& rows, const QStringList& genres);
    void showMessage(const QString& text);
    [[nodiscard]] QList<qint64> allTrackIds() const;
    [[nodiscard]] QTreeWidget* list() const { return m_list; }
    [[nodiscard]] QComboBox* genreBox() const { return m_genre; }
    [[nodiscard]] QPushButton* relabelButton() const { return m_relabel; }
    /// "metal (7/10)"
    [[nodiscard]] static QString soundsLikeText(const Row& row);

signals:
    void tracksPicked(const QList<qint64>& trackIds);
    void relabelRequested(qint64 trackId, const QString& genre);

private:
    void onCurrentChanged();

    QLabel* m_summary = nullptr;
    QTreeWidget* m_list = nullptr;
    QComboBox* m_genre = nullptr;
    QPushButton* m_relabel = nullptr;
    QList<Row> m_rows;
};

} // namespace gs
