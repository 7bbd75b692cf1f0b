// SPDX-License-Identifier: GPL-3.0-or-later
#include "MapColourControls.h"

#include "MapMarks.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>

namespace gs {

MapColourControls::MapColourControls(QWidget* parent) : QWidget(parent)
{
    m_box = new QComboBox(this);
    m_box->setObjectName(QStringLiteral("mapColourBy"));
    m_box->addItem(QStringLiteral("genre"), int(MapColourBy::Genre));
    m_box->addItem(QStringLiteral("prediction"), int(MapColourBy::Prediction));
    m_box->setEnabled(false);
    m_box->setToolTip(QStringLiteral("Colour the tracks by their genre or by the genre the classifier predicts "
                                     "(train or load a model in the Classifier dock first)"));
    m_ring = new QLabel(this);
    m_ring->setPixmap(MapMarks::ring(MapMark::Disagree, devicePixelRatioF()));
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("mapDisagreements"));
    m_count->setWordWrap(true);
    m_count->setToolTip(QStringLiteral("Ringed with black dashes on the map: the tracks whose predicted genre is not "
                                       "their label (cross-validated for the tracks the model was trained on)"));
    auto* label = new QLabel(QStringLiteral("Colour by"), this);
    label->setBuddy(m_box);
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(label);
    row->addWidget(m_box);
    row->addWidget(m_ring);
    row->addWidget(m_count, 1);
    updateCount();
    connect(m_box, &QComboBox::currentIndexChanged, this, [this] {
        updateCount();
        emit colourByChanged(colourBy());
    });
}

MapColourBy MapColourControls::colourBy() const { return MapColourBy(m_box->currentData().toInt()); }

void MapColourControls::setColourBy(MapColourBy by) { m_box->setCurrentIndex(m_box->findData(int(by))); }

void MapColourControls::setPredictionsAvailable(bool available)
{
    m_box->setEnabled(available);
    if (!available)
        setColourBy(MapColourBy::Genre);
}

void MapColourControls::setDisagreements(int count)
{
    m_disagreeing = count;
    updateCount();
}

QString MapColourControls::countText() const { return m_count->isVisibleTo(this) ? m_count->text() : QString(); }

void MapColourControls::updateCount()
{
    const bool shown = colourBy() == MapColourBy::Prediction;
    m_ring->setVisible(shown);
    m_count->setVisible(shown);
    m_count->setText(m_disagreeing == 1 ? QStringLiteral("1 track predicted differently from its label")
                                        : QStringLiteral("%1 tracks predicted differently from their label").arg(m_disagreeing));
}

} // namespace gs
