// SPDX-License-Identifier: GPL-3.0-or-later
#include "MapMethodControls.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>

namespace gs {
namespace {

QHBoxLayout* tightRow(QWidget* page)
{
    auto* row = new QHBoxLayout(page);
    row->setContentsMargins(0, 0, 0, 0);
    return row;
}

} // namespace

MapMethodControls::MapMethodControls(QWidget* parent) : QWidget(parent)
{
    m_method = new QComboBox(this);
    m_method->setObjectName(QStringLiteral("mapMethod"));
    m_method->setToolTip(QStringLiteral("How the tracks are laid out on the map"));
    for (const MapMethod m : {MapMethod::Pca, MapMethod::Umap, MapMethod::Tsne})
        m_method->addItem(mapMethodLabel(m), int(m));
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(pcaPage());
    m_pages->addWidget(umapPage());
    m_pages->addWidget(tsnePage());
    m_seedLabel = new QLabel(QStringLiteral("seed"), this);
    m_seed = new QSpinBox(this);
    m_seed->setObjectName(QStringLiteral("mapSeed"));
    m_seed->setRange(0, INT_MAX);
    m_seed->setKeyboardTracking(false);
    m_seed->setToolTip(QStringLiteral("random_state: the same seed gives the same map"));
    m_recompute = new QToolButton(this);
    m_recompute->setObjectName(QStringLiteral("mapRecompute"));
    m_recompute->setText(QStringLiteral("Recompute"));
    m_recompute->setToolTip(QStringLiteral("Fit the map again on every track (tracks added since are only placed)"));
    // A narrow dock: the method and its parameters on one row, seed and Recompute (UMAP and
    // t-SNE only) on a second one that PCA hides.
    m_seed->setMaximumWidth(m_seed->fontMetrics().horizontalAdvance(QStringLiteral("0000000000")) + 24);
    auto* rows = new QVBoxLayout(this);
    rows->setContentsMargins(0, 0, 0, 0);
    auto* first = new QHBoxLayout;
    first->addWidget(m_method);
    first->addWidget(m_pages, 1);
    m_second = new QWidget(this);
    auto* second = tightRow(m_second);
    second->addWidget(m_seedLabel);
    second->addWidget(m_seed);
    second->addWidget(m_recompute);
    second->addStretch(1);
    rows->addLayout(first);
    rows->addWidget(m_second);
    showMethodPage();
    connect(m_method, &QComboBox::currentIndexChanged, this, [this] {
        showMethodPage();
        emit specChanged();
    });
    connect(m_seed, &QSpinBox::valueChanged, this, &MapMethodControls::specChanged);
    connect(m_recompute, &QToolButton::clicked, this, &MapMethodControls::recomputeRequested);
}

QWidget* MapMethodControls::pcaPage()
{
    auto* page = new QWidget(this);
    m_xAxis = new QComboBox(page);
    m_xAxis->setObjectName(QStringLiteral("pcaXAxis"));
    m_yAxis = new QComboBox(page);
    m_yAxis->setObjectName(QStringLiteral("pcaYAxis"));
    auto* row = tightRow(page);
    row->addWidget(new QLabel(QStringLiteral("X:"), page));
    row->addWidget(m_xAxis, 1);
    row->addWidget(new QLabel(QStringLiteral("Y:"), page));
    row->addWidget(m_yAxis, 1);
    for (QComboBox* box : {m_xAxis, m_yAxis}) { // the dock may be narrow
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(9);
        connect(box, &QComboBox::currentIndexChanged, this,
                [this] { emit componentsChanged(m_xAxis->currentIndex(), m_yAxis->currentIndex()); });
    }
    return page;
}

QWidget* MapMethodControls::umapPage()
{
    auto* page = new QWidget(this);
    m_nNeighbors = new QSpinBox(page);
    m_nNeighbors->setObjectName(QStringLiteral("umapNNeighbors"));
    m_nNeighbors->setRange(2, 200);
    m_nNeighbors->setValue(MapSpec{}.n_neighbors);
    m_nNeighbors->setToolTip(QStringLiteral("n_neighbors: neighbours per track, the track itself included; larger keeps more of the global layout"));
    m_minDist = new QDoubleSpinBox(page);
    m_minDist->setObjectName(QStringLiteral("umapMinDist"));
    m_minDist->setRange(0.0, 1.0);
    m_minDist->setDecimals(2);
    m_minDist->setSingleStep(0.05);
    m_minDist->setValue(MapSpec{}.min_dist);
    m_minDist->setToolTip(QStringLiteral("min_dist: how tightly tracks may pack on the map"));
    auto* row = tightRow(page);
    row->addWidget(new QLabel(QStringLiteral("n_neighbors"), page));
    row->addWidget(m_nNeighbors);
    row->addWidget(new QLabel(QStringLiteral("min_dist"), page));
    row->addWidget(m_minDist);
    row->addStretch(1);
    for (QAbstractSpinBox* box : std::initializer_list<QAbstractSpinBox*>{m_nNeighbors, m_minDist})
        box->setKeyboardTracking(false);
    connect(m_nNeighbors, &QSpinBox::valueChanged, this, &MapMethodControls::specChanged);
    connect(m_minDist, &QDoubleSpinBox::valueChanged, this, &MapMethodControls::specChanged);
    return page;
}

QWidget* MapMethodControls::tsnePage()
{
    auto* page = new QWidget(this);
    m_perplexity = new QDoubleSpinBox(page);
    m_perplexity->setObjectName(QStringLiteral("tsnePerplexity"));
    m_perplexity->setRange(1.0, 200.0);
    m_perplexity->setDecimals(1);
    m_perplexity->setValue(MapSpec{}.perplexity);
    m_perplexity->setKeyboardTracking(false);
    m_perplexity->setToolTip(QStringLiteral("perplexity: about how many neighbours each track keeps close (capped at (n - 1) / 3)"));
    auto* row = tightRow(page);
    row->addWidget(new QLabel(QStringLiteral("perplexity"), page));
    row->addWidget(m_perplexity);
    row->addStretch(1);
    connect(m_perplexity, &QDoubleSpinBox::valueChanged, this, &MapMethodControls::specChanged);
    return page;
}

void MapMethodControls::showMethodPage()
{
    const MapMethod m = method();
    m_pages->setCurrentIndex(int(m));
    const bool embedding = m != MapMethod::Pca;
    m_second->setVisible(embedding);
}

MapMethod MapMethodControls::method() const { return MapMethod(m_method->currentData().toInt()); }

void MapMethodControls::applyTo(MapSpec& spec) const
{
    spec.method = method();
    spec.n_neighbors = m_nNeighbors->value();
    spec.min_dist = m_minDist->value();
    spec.perplexity = m_perplexity->value();
    spec.seed = std::uint64_t(m_seed->value());
}

void MapMethodControls::setSpec(const MapSpec& spec)
{
    const QSignalBlocker b0(m_method), b1(m_nNeighbors), b2(m_minDist), b3(m_perplexity), b4(m_seed);
    m_method->setCurrentIndex(m_method->findData(int(spec.method)));
    m_nNeighbors->setValue(spec.n_neighbors);
    m_minDist->setValue(spec.min_dist);
    m_perplexity->setValue(spec.perplexity);
    m_seed->setValue(int(std::min<std::uint64_t>(spec.seed, INT_MAX)));
    showMethodPage();
}

void MapMethodControls::setComponentChoices(const QStringList& labels, int x, int y)
{
    for (QComboBox* box : {m_xAxis, m_yAxis}) {
        const QSignalBlocker block(box);
        box->clear();
        box->addItems(labels);
    }
    const QSignalBlocker bx(m_xAxis), by(m_yAxis);
    m_xAxis->setCurrentIndex(x);
    m_yAxis->setCurrentIndex(y);
}

int MapMethodControls::xComponent() const { return m_xAxis->currentIndex(); }
int MapMethodControls::yComponent() const { return m_yAxis->currentIndex(); }

} // namespace gs
