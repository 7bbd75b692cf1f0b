// SPDX-License-Identifier: GPL-3.0-or-later
// MapView's input: hover and tooltips, click, pan, wheel zoom, and the box / lasso gestures.
#include "MapView.h"

#include <QMouseEvent>
#include <QToolTip>
#include <QWheelEvent>

#include <cmath>

namespace gs {

void MapView::setHoverRow(int row)
{
    if (row == m_hover)
        return;
    update(ringRect(m_hover));
    m_hover = row;
    update(ringRect(m_hover));
    emit rowHovered(row);
}

void MapView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton && m_view.plot().contains(event->position())) {
        const Qt::KeyboardModifiers mods = event->modifiers();
        if (mods & (Qt::ShiftModifier | Qt::ControlModifier | Qt::AltModifier)) {
            m_gesture.begin(mods & Qt::ShiftModifier ? MapSelectionGesture::Mode::Box : MapSelectionGesture::Mode::Lasso,
                            event->position());
            setHoverRow(-1);
            QToolTip::hideText();
            m_pressPos = {-1, -1};
            event->accept();
            return;
        }
        m_pressPos = m_lastPos = event->pos();
        m_dragging = false;
        event->accept();
        return;
    }
    m_pressPos = {-1, -1};
    QWidget::mousePressEvent(event);
}

void MapView::mouseMoveEvent(QMouseEvent* event)
{
    if (m_gesture.active()) {
        update(m_gesture.bounds());
        m_gesture.extend(event->position());
        update(m_gesture.bounds());
        event->accept();
        return;
    }
    if ((event->buttons() & Qt::LeftButton) && m_pressPos.x() >= 0) {
        if ((event->pos() - m_pressPos).manhattanLength() > 3)
            m_dragging = true;
        if (m_dragging) {
            setHoverRow(-1);
            QToolTip::hideText();
            setView(m_view.panned(QPointF(event->pos() - m_lastPos)));
            m_lastPos = event->pos();
        }
        event->accept();
        return;
    }
    const int row = rowAt(event->pos());
    if (row != m_hover) {
        setHoverRow(row);
        if (row >= 0)
            QToolTip::showText(event->globalPosition().toPoint(), tooltipFor(row), this);
        else
            QToolTip::hideText();
    }
}

void MapView::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton && m_gesture.active()) {
        m_gesture.extend(event->position());
        finishSelection();
        event->accept();
        return;
    }
    if (event->button() == Qt::LeftButton && m_pressPos.x() >= 0) {
        const bool click = !m_dragging;
        m_pressPos = {-1, -1};
        m_dragging = false;
        event->accept();
        if (click) {
            const int row = rowAt(event->pos());
            if (row >= 0)
                emit rowClicked(row);
        }
        return;
    }
    QWidget::mouseReleaseEvent(event);
}

void MapView::wheelEvent(QWheelEvent* event)
{
    const QPointF pos = event->position();
    if (!m_view.plot().contains(pos) || event->angleDelta().y() == 0) {
        QWidget::wheelEvent(event);
        return;
    }
    setHoverRow(-1);
    const render::MapTransform zoomed = m_view.zoomed(pos, std::pow(0.85, event->angleDelta().y() / 120.0)); // < 1: in
    // From a millionth of the fitted view (doubles stay exact) to a hundred times it.
    const double full = render::MapTransform::fitting(m_view.plot(), m_bounds).xSpan();
    if (zoomed.xSpan() >= 1e-6 * full && zoomed.xSpan() <= 100.0 * full)
        setView(zoomed);
    event->accept();
}

void MapView::leaveEvent(QEvent*) { setHoverRow(-1); }

void MapView::finishSelection()
{
    update(m_gesture.bounds());
    const std::vector<int> rows = m_gesture.finish(m_data, m_view, [this](int row) { return rowShown(row); });
    emit rowsSelected(QList<int>(rows.begin(), rows.end()));
}

bool MapView::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) { // the help where no point is under the mouse
        const auto* help = static_cast<QHelpEvent*>(event);
        if (m_hover < 0 && !m_gesture.active() && m_view.plot().contains(help->pos()))
            QToolTip::showText(help->globalPos(), gestureHelp(), this);
        else if (m_hover >= 0)
            QToolTip::showText(help->globalPos(), tooltipFor(m_hover), this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

} // namespace gs
