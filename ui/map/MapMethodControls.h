// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The map's method and its parameters, under their usual names: PCA (the components on the
// x and y axes), UMAP (n_neighbors, min_dist, seed) and t-SNE (perplexity, seed), with a
// Recompute button for UMAP and t-SNE (fit again, ignoring the stored map).
// Only the controls of the chosen method are shown. Spin boxes report a value when it is
// committed (Enter, focus out, arrows), not per keystroke.
// Signals: specChanged() for the method or a parameter, componentsChanged(x, y) for the PCA
// axes (0-based), recomputeRequested(). setSpec() and setComponentChoices() emit nothing.
#include "map/MapSpec.h"

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;
class QStackedWidget;
class QToolButton;

namespace gs {

class MapMethodControls : public QWidget
{
    Q_OBJECT
public:
    explicit MapMethodControls(QWidget* parent = nullptr);

    /// Writes the method and its parameters into `spec` (the feature set is left alone).
    void applyTo(MapSpec& spec) const;
    /// Shows the method and parameters of `spec`.
    void setSpec(const MapSpec& spec);
    [[nodiscard]] MapMethod method() const;

    /// The PCA axis choices (e.g. "PC1 (23.4 %)") and the chosen ones.
    void setComponentChoices(const QStringList& labels, int x, int y);
    [[nodiscard]] int xComponent() const;
    [[nodiscard]] int yComponent() const;

    [[nodiscard]] QComboBox* methodBox() const { return m_method; }
    [[nodiscard]] QSpinBox* nNeighborsBox() const { return m_nNeighbors; }
    [[nodiscard]] QDoubleSpinBox* minDistBox() const { return m_minDist; }
    [[nodiscard]] QDoubleSpinBox* perplexityBox() const { return m_perplexity; }
    [[nodiscard]] QSpinBox* seedBox() const { return m_seed; }
    [[nodiscard]] QToolButton* recomputeButton() const { return m_recompute; }

signals:
    void specChanged();
    void componentsChanged(int x, int y);
    void recomputeRequested();

private:
    QWidget* pcaPage();
    QWidget* umapPage();
    QWidget* tsnePage();
    void showMethodPage();

    QComboBox* m_method = nullptr;
    QStackedWidget* m_pages = nullptr;
    QComboBox* m_xAxis = nullptr;
    QComboBox* m_yAxis = nullptr;
    QSpinBox* m_nNeighbors = nullptr;
    QDoubleSpinBox* m_minDist = nullptr;
    QDoubleSpinBox* m_perplexity = nullptr;
    QWidget* m_second = nullptr; ///< seed and Recompute
    QLabel* m_seedLabel = nullptr;
    QSpinBox* m_seed = nullptr;
    QToolButton* m_recompute = nullptr;
};

} // namespace gs
