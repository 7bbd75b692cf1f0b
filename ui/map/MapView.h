// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The map: a 2-D scatter of many tracks (tested to 1M), coloured by genre, with axes (nice
// ticks, light grid, axis titles such as "PC1 (23.4 %)"), a highlight ring on the current
// track and a thin ring on the point under the mouse.
//  - Points are sprites (render::MapSprites) painted by render::MapRenderer into a cached
//    image that is rebuilt only when the data, view, colours, visibility or size change;
//    rings and axes are drawn over it per paint. Dense regions read darker through alpha.
//  - Picking goes through a render::MapIndex built once per setData() (O(n)); panning and
//    zooming only change the render::MapTransform.
//  - Mouse: hover shows tooltipFor(row), a click on a point emits rowClicked(row), the wheel
//    zooms around the cursor, a drag pans; resetView() fits all points again. Shift+drag
//    selects the points in a box, Ctrl+drag or Alt+drag those in a lasso: rowsSelected(rows).
//  - Marks (MapMarks): sets of rows ringed over the cached layer (neighbours, a list being
//    looked at, the selection, search matches); setting them never re-renders the points.
//  - hideRows(): rows taken off the map (not drawn, not picked, not selected) until setData().
// Rows are the rows of the MapData given. The view only paints and handles input; what a
// genre or a row means belongs to the caller. GUI thread only.
#include "MapMarks.h"
#include "MapSelectionGesture.h"
#include "render/MapData.h"
#include "render/MapIndex.h"
#include "render/MapSprites.h"
#include "render/MapTransform.h"

#include <QHash>
#include <QImage>
#include <QPointF>
#include <QRgb>
#include <QSet>
#include <QWidget>

#include <functional>

namespace gs {

class MapView : public QWidget
{
    Q_OBJECT
public:
    static constexpr double kPickRadius = 8.0; ///< pixels
    static constexpr double kFontPx = 11.0;    ///< tick labels and axis titles

    explicit MapView(QWidget* parent = nullptr);

    /// Shows `data`; genre g gets colours[g] (render::GenrePalette where missing). Genres
    /// hidden before stay hidden (by name). With `keepView` the zoom and pan stay, else the
    /// view fits the points. The highlight is dropped (rows change meaning).
    void setData(render::MapData data, std::vector<QRgb> colours, bool keepView = false);
    void clear();
    [[nodiscard]] const render::MapData& data() const { return m_data; }
    [[nodiscard]] std::size_t size() const { return m_data.points.size(); }
    [[nodiscard]] QStringList genres() const { return m_data.genres; }
    [[nodiscard]] QRgb genreColour(int genre) const;

    void setAxisTitles(const QString& x, const QString& y);
    [[nodiscard]] QString xTitle() const { return m_xTitle; }
    [[nodiscard]] QString yTitle() const { return m_yTitle; }

    [[nodiscard]] bool isGenreVisible(const QString& genre) const;
    void setGenreVisible(const QString& genre, bool visible);
    [[nodiscard]] QSet<QString> hiddenGenres() const { return m_hidden; }

    void setHighlightedRow(int row); ///< -1 removes the highlight
    [[nodiscard]] int highlightedRow() const { return m_highlighted; }
    /// Whether the ring is drawn (a row is highlighted, its genre shown, its point in view).
    [[nodiscard]] bool isHighlightShown() const;

    /// Widget coordinates of a row's point, or (-1, -1) if it is out of view.
    [[nodiscard]] QPoint rowPosition(int row) const;
    /// The visible row nearest to a widget position (within kPickRadius), or -1.
    [[nodiscard]] int rowAt(const QPoint& pos) const;
    /// Text of the hover tooltip, from the provider set (empty without one).
    void setTooltipProvider(std::function<QString(int row)> provider) { m_tooltip = std::move(provider); }
    [[nodiscard]] QString tooltipFor(int row) const;

    [[nodiscard]] const render::MapTransform& transform() const { return m_view; }
    [[nodiscard]] QPointF xRange() const { return m_view.xRange(); }
    [[nodiscard]] QPointF yRange() const { return m_view.yRange(); }
    [[nodiscard]] QRectF plotRect() const { return m_view.plot(); }
    [[nodiscard]] const render::MapStyle& style() const { return m_sprites.style(); }
    /// Full renders of the point layer so far (for tests: a ring, a hover or a pan alone does
    /// not cause one).
    [[nodiscard]] int layerRenders() const { return m_layerRenders; }

    /// Rings `rows` as `mark` (replacing that set; dropped by setData()).
    void setMarkedRows(MapMark mark, std::vector<int> rows);
    [[nodiscard]] const std::vector<int>& markedRows(MapMark mark) const { return m_marks.rows(mark); }
    /// How many rings of `mark` the last paint drew (rows shown and in view).
    [[nodiscard]] int marksDrawn(MapMark mark) const { return m_marksDrawn[std::size_t(mark)]; }
    /// Takes rows off the map until the next setData() (one re-render of the layer).
    void hideRows(const std::vector<int>& rows);
    /// Puts every hidden row back where it was.
    void showHiddenRows();
    [[nodiscard]] bool isRowHidden(int row) const;
    /// What the mouse does, for the tooltip outside the points.
    static QString gestureHelp();

public slots:
    void resetView();

signals:
    void rowClicked(int row);
    /// setData() or clear() replaced the rows (marks and hidden rows are gone).
    void dataChanged();
    void genreVisibilityChanged(const QString& genre, bool visible);
    void rowHovered(int row); ///< -1 when the mouse leaves every point
    /// A box or lasso selection ended (rows ascending; empty when it enclosed nothing).
    void rowsSelected(const QList<int>& rows);

protected:
    bool event(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    [[nodiscard]] QRectF layoutPlot() const;
    void setView(const render::MapTransform& view);
    [[nodiscard]] render::MapTransform deviceView() const; ///< m_view in the layer's pixels
    void updateSprites(const QSize& device);
    void paintBackground(QPainter& p, const render::MapTransform& device) const;
    void updateLayer();
    void renderLayer();
    bool scrollLayer();
    void paintAxes(QPainter& p) const;
    void paintRing(QPainter& p, int row, bool current) const;
    void setHoverRow(int row);
    [[nodiscard]] QRect ringRect(int row) const;
    [[nodiscard]] bool rowShown(int row) const;
    void finishSelection();

    render::MapData m_data;
    render::MapIndex m_index;
    std::optional<QRectF> m_bounds; ///< of m_data
    std::vector<int> m_counts;   ///< points per genre index
    std::vector<QRgb> m_colours;
    std::vector<char> m_visible; ///< by genre index
    QSet<QString> m_hidden;
    render::MapTransform m_view;
    render::MapSprites m_sprites;
    QImage m_layer;                ///< the points (and grid) under m_layerView, device pixels
    render::MapTransform m_layerView;
    bool m_layerDirty = true;      ///< content changed: the layer needs a full render
    int m_layerRenders = 0;
    QString m_xTitle, m_yTitle;
    std::function<QString(int)> m_tooltip;
    int m_highlighted = -1;
    int m_hover = -1;
    MapMarks m_marks;
    std::array<int, MapMarks::kKinds> m_marksDrawn{};
    std::vector<char> m_rowHidden; ///< by row; empty when none is hidden
    QHash<int, QPointF> m_hiddenAt; ///< where each hidden row was
    MapSelectionGesture m_gesture;
    bool m_dragging = false;
    QPoint m_pressPos{-1, -1}, m_lastPos;
};

} // namespace gs
