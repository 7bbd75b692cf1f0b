// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The PCA scatter (Qt Charts): one QScatterSeries per genre in the genre's colour, a legend
// whose markers toggle their genre, axes showing any two of the (up to ten) components with
// the explained variance in their titles, and a highlight ring on the current track.
// Mouse: hover shows title / artist / genre, a click on a point emits rowClicked(row), the
// wheel zooms around the cursor, a drag pans; resetView() shows all points again.
// Points are drawn with OpenGL (QXYSeries::setUseOpenGL) when there are many and the
// platform supports it (not on "offscreen" / "minimal", decided at run time).
//
// Rows are the rows of the PcaResult's FeatureTable. GUI thread only; owns its chart.
#include "PcaPicker.h"
#include "analysis/AnalyzerResults.h"

#include <QChartView>
#include <QColor>
#include <QHash>

class QScatterSeries;
class QValueAxis;

namespace gs {

class PcaScatterView : public QChartView
{
    Q_OBJECT
public:
    /// Above this many points, OpenGL is used where available.
    static constexpr int kOpenGlThreshold = 2000;
    static constexpr double kPickRadius = 8.0; ///< pixels

    explicit PcaScatterView(QWidget* parent = nullptr);

    /// Whether this platform can draw series with OpenGL (false on offscreen/minimal).
    [[nodiscard]] static bool openGlAvailable();

    /// Shows `result` (must be ok()); genres get `colours` (missing ones a palette colour).
    void setResult(const PcaResult& result, const QHash<QString, QColor>& colours);
    void clear();
    [[nodiscard]] const PcaResult& result() const { return m_result; }
    [[nodiscard]] bool usesOpenGl() const { return m_openGl; }

    /// 0-based component indices shown on the x and y axes (clamped to what exists).
    void setComponents(int x, int y);
    [[nodiscard]] int xComponent() const { return m_xc; }
    [[nodiscard]] int yComponent() const { return m_yc; }

    [[nodiscard]] QStringList genres() const { return m_genres; } ///< in legend order
    [[nodiscard]] bool isGenreVisible(const QString& genre) const;
    void setGenreVisible(const QString& genre, bool visible);
    /// The scatter series of a genre (nullptr if unknown); for tests and exports.
    [[nodiscard]] QScatterSeries* seriesOf(const QString& genre) const;

    void setHighlightedRow(int row); ///< -1 removes the highlight
    [[nodiscard]] int highlightedRow() const { return m_highlighted; }
    [[nodiscard]] QScatterSeries* highlightSeries() const { return m_highlight; }

    /// Viewport coordinates of a row's point (for tests), or (-1, -1) if out of view.
    [[nodiscard]] QPoint rowPosition(int row) const;
    /// The row under a viewport position (within kPickRadius), or -1.
    [[nodiscard]] int rowAt(const QPoint& viewportPos) const;
    [[nodiscard]] QString tooltipFor(int row) const;

public slots:
    void resetView();

signals:
    void rowClicked(int row);
    void genreVisibilityChanged(const QString& genre, bool visible);

protected:
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void rebuildPoints();
    void updateAxisTitles();
    void syncPicker();
    void styleMarker(const QString& genre);
    void setRanges(QPointF x, QPointF y);
    [[nodiscard]] QPointF chartPos(const QPoint& viewportPos) const;

    PcaResult m_result;
    QHash<QString, QColor> m_colours;
    QStringList m_genres;
    std::vector<int> m_rowGenre;              ///< genre index of each row
    QList<QScatterSeries*> m_series;          ///< by genre index (owned by the chart)
    QScatterSeries* m_highlight = nullptr;
    QValueAxis* m_axisX = nullptr;
    QValueAxis* m_axisY = nullptr;
    PcaPicker m_picker;
    QPointF m_fullX{-1, 1}, m_fullY{-1, 1};   ///< data ranges with a margin
    int m_xc = 0, m_yc = 1;
    int m_highlighted = -1;
    bool m_openGl = false;
    bool m_dragging = false;
    QPoint m_pressPos, m_lastPos;
    int m_hoverRow = -1;
};

} // namespace gs
