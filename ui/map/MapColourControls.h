// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The map's "Colour by: genre | prediction" choice and, while colouring by prediction, the
// dashed ring of the disagreeing tracks with their count ("N tracks predicted differently from
// their label"). The choice is enabled only while the library has predictions; losing them
// goes back to genre (and says so through colourByChanged). Only shows and emits; GUI thread.
#include "MapColouring.h"

#include <QWidget>

class QComboBox;
class QLabel;

namespace gs {

class MapColourControls : public QWidget
{
    Q_OBJECT
public:
    explicit MapColourControls(QWidget* parent = nullptr);

    [[nodiscard]] MapColourBy colourBy() const;
    void setColourBy(MapColourBy by); ///< as a user's choice (emits colourByChanged when it changes)
    /// Whether there are predictions to colour by; false also goes back to genre.
    void setPredictionsAvailable(bool available);
    /// The disagreeing tracks' count, shown while colouring by prediction.
    void setDisagreements(int count);

    [[nodiscard]] QComboBox* box() const { return m_box; }
    [[nodiscard]] QLabel* countLabel() const { return m_count; }
    /// The count's text ("" while colouring by genre).
    [[nodiscard]] QString countText() const;

signals:
    void colourByChanged(gs::MapColourBy by);

private:
    void updateCount();

    QComboBox* m_box = nullptr;
    QLabel* m_ring = nullptr;
    QLabel* m_count = nullptr;
    int m_disagreeing = 0;
};

} // namespace gs
