// SPDX-License-Identifier: GPL-3.0-or-later
#include "SpectrogramPanel.h"

#include "FeatureLoader.h"
#include "SpectrogramView.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>

namespace gs {

SpectrogramPanel::SpectrogramPanel(QWidget* parent)
    : QWidget(parent), m_loader(new FeatureLoader(this)), m_mel(new SpectrogramView(SpectrogramView::Kind::Mel, this)),
      m_mfcc(new SpectrogramView(SpectrogramView::Kind::Mfcc, this)), m_cmap(new QComboBox(this)),
      m_mfccCmap(new QComboBox(this)),
      m_range(new QSpinBox(this)), m_live(new QCheckBox(tr("Live"), this)), m_readout(new QLabel(this))
{
    m_current = m_mel;
    m_cmap->setObjectName(QStringLiteral("colourMap"));
    m_cmap->addItems(render::ColourMap::names());
    m_cmap->setToolTip(tr("Colours of the mel spectrogram"));
    m_mfccCmap->setObjectName(QStringLiteral("mfccColourMap"));
    m_mfccCmap->addItems(render::ColourMap::names());
    m_mfccCmap->setToolTip(tr("Colours of the MFCC view; a diverging map (coolwarm) is centred on zero"));
    m_mfccCmap->setCurrentIndex(int(render::ColourMap::Id::Coolwarm));
    m_mfcc->setColourMap(render::ColourMap(render::ColourMap::Id::Coolwarm));
    m_range->setObjectName(QStringLiteral("dbRange"));
    m_range->setRange(20, 120);
    m_range->setSingleStep(10);
    m_range->setValue(80);
    m_range->setSuffix(tr(" dB"));
    m_range->setToolTip(tr("Colour range of the mel spectrogram below its maximum"));
    m_live->setToolTip(tr("Reveal the views as the audio plays"));
    m_readout->setObjectName(QStringLiteral("hoverReadout"));
    m_readout->setMinimumWidth(190); // grows into the row's free space; keeps the window's minimum width

    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Mel:"), this));
    controls->addWidget(m_cmap);
    controls->addWidget(new QLabel(tr("MFCC:"), this));
    controls->addWidget(m_mfccCmap);
    controls->addWidget(new QLabel(tr("Range:"), this));
    controls->addWidget(m_range);
    controls->addWidget(m_live);
    controls->addStretch(1);
    controls->addWidget(m_readout);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_mel);
    split->addWidget(m_mfcc);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(controls);
    layout->addWidget(split, 1);

    connect(m_cmap, &QComboBox::currentIndexChanged, this, [this](int i) {
        const render::ColourMap map(static_cast<render::ColourMap::Id>(i));
        m_mel->setColourMap(map);
        emit colourMapChanged(map);
    });
    connect(m_mfccCmap, &QComboBox::currentIndexChanged, this, [this](int i) {
        const render::ColourMap map(static_cast<render::ColourMap::Id>(i));
        m_mfcc->setColourMap(map);
        emit mfccColourMapChanged(map);
    });
    connect(m_range, &QSpinBox::valueChanged, m_mel, [this](int db) { m_mel->setDbRange(db); });
    for (SpectrogramView* v : {m_mel, m_mfcc}) {
        connect(m_live, &QCheckBox::toggled, v, &SpectrogramView::setLive);
        connect(v, &SpectrogramView::seekRequested, this, &SpectrogramPanel::seekRequested);
        connect(v, &SpectrogramView::hoverText, m_readout, &QLabel::setText);
        connect(v, &SpectrogramView::hoverText, this, [this, v](const QString& text) {
            if (!text.isEmpty())
                m_current = v;
        });
    }
    connect(m_loader, &FeatureLoader::loaded, this, &SpectrogramPanel::onLoaded);
    connect(m_loader, &FeatureLoader::failed, this, &SpectrogramPanel::onFailed);
}

void SpectrogramPanel::showTrack(qint64 trackId, const QString& path, const QString& title)
{
    if (trackId == m_trackId && path == m_path)
        return;
    m_trackId = trackId;
    m_path = path;
    m_title = title;
    m_mel->clear(tr("Computing the mel spectrogram of %1…").arg(title));
    m_mfcc->clear(tr("Computing the MFCC of %1…").arg(title));
    m_loader->load(trackId, path);
}

void SpectrogramPanel::onLoaded(qint64 trackId, const TrackFeatures& features)
{
    if (trackId != m_trackId)
        return;
    const dsp::FeatureParams& p = m_loader->params();
    m_mel->setFeatures(features.melDb, p, tr("Mel spectrogram · %1").arg(m_title));
    m_mfcc->setFeatures(features.mfcc, p, tr("MFCC · %1").arg(m_title));
    emit featuresShown(trackId);
}

void SpectrogramPanel::onFailed(qint64 trackId, const QString& message)
{
    if (trackId != m_trackId)
        return;
    m_mel->clear(message);
    m_mfcc->clear(message);
}

void SpectrogramPanel::setColourMap(const render::ColourMap& map) { m_cmap->setCurrentIndex(int(map.id())); }

void SpectrogramPanel::setMfccColourMap(const render::ColourMap& map) { m_mfccCmap->setCurrentIndex(int(map.id())); }

void SpectrogramPanel::setPosition(qint64 ms)
{
    m_mel->setPosition(ms);
    m_mfcc->setPosition(ms);
}

void SpectrogramPanel::setPlaying(bool playing)
{
    m_mel->setPlaying(playing);
    m_mfcc->setPlaying(playing);
}

void SpectrogramPanel::setDuration(qint64 ms)
{
    m_mel->setDuration(ms);
    m_mfcc->setDuration(ms);
}

} // namespace gs
