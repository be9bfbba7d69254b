#include "interactivechartview.h"

#include <QChart>
#include <QGraphicsLineItem>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QWheelEvent>

InteractiveChartView::InteractiveChartView(QChart *chart, QWidget *parent)
    : QChartView(chart, parent) {
    setRenderHint(QPainter::Antialiasing);
    setRubberBand(QChartView::HorizontalRubberBand);
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    m_crosshair = new QGraphicsLineItem;
    QPen pen(palette().color(QPalette::Text));
    pen.setStyle(Qt::DashLine);
    pen.setWidthF(1);
    pen.setCosmetic(true);
    m_crosshair->setPen(pen);
    m_crosshair->setZValue(1000);
    m_crosshair->hide();
    scene()->addItem(m_crosshair);
}

void InteractiveChartView::setZoomed(bool zoomed) {
    if (m_zoomed == zoomed)
        return;
    m_zoomed = zoomed;
    Q_EMIT zoomChanged(zoomed);
}

void InteractiveChartView::zoomAround(qreal centerX, qreal factor) {
    const QRectF plot = chart()->plotArea();
    if (plot.width() <= 0)
        return;
    // The point under the mouse stays where it is: both sides of it scale by the same factor.
    const qreal left = centerX - (centerX - plot.left()) * factor;
    chart()->zoomIn(QRectF(left, plot.top(), plot.width() * factor, plot.height()));
    setZoomed(true);
}

void InteractiveChartView::pan(qreal dx) {
    chart()->scroll(dx, 0);
    setZoomed(true);
}

void InteractiveChartView::resetZoom() {
    chart()->zoomReset();
    setZoomed(false);
}

void InteractiveChartView::wheelEvent(QWheelEvent *event) {
    const qreal steps = event->angleDelta().y() / 120.0;
    if (steps == 0) {
        QChartView::wheelEvent(event);
        return;
    }
    zoomAround(mapToScene(event->position().toPoint()).x(), steps > 0 ? 0.8 : 1.25);
    event->accept();
}

void InteractiveChartView::keyPressEvent(QKeyEvent *event) {
    const qreal width = chart()->plotArea().width();
    switch (event->key()) {
    case Qt::Key_Left:
        pan(-width / 10);
        break;
    case Qt::Key_Right:
        pan(width / 10);
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomAround(chart()->plotArea().center().x(), 0.8);
        break;
    case Qt::Key_Minus:
        zoomAround(chart()->plotArea().center().x(), 1.25);
        break;
    case Qt::Key_Home:
    case Qt::Key_Escape:
        resetZoom();
        break;
    default:
        QChartView::keyPressEvent(event);
        return;
    }
    event->accept();
}

void InteractiveChartView::mousePressEvent(QMouseEvent *event) {
    m_pressPos = event->position();
    if (event->button() == Qt::MiddleButton ||
        (event->button() == Qt::LeftButton && (event->modifiers() & Qt::ShiftModifier))) {
        m_panning = true;
        m_lastPanPos = event->position();
        setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    if (event->button() == Qt::RightButton) {
        event->ignore(); // the panel's context menu; QChartView would zoom out
        return;
    }
    QChartView::mousePressEvent(event);
}

void InteractiveChartView::mouseMoveEvent(QMouseEvent *event) {
    if (m_panning) {
        pan(m_lastPanPos.x() - event->position().x());
        m_lastPanPos = event->position();
        event->accept();
        return;
    }
    moveCrosshair(mapToScene(event->position().toPoint()));
    QChartView::mouseMoveEvent(event);
}

void InteractiveChartView::mouseReleaseEvent(QMouseEvent *event) {
    if (m_panning) {
        m_panning = false;
        unsetCursor();
        event->accept();
        return;
    }
    if (event->button() == Qt::RightButton) {
        event->ignore();
        return;
    }
    const bool click = (event->position() - m_pressPos).manhattanLength() < 4;
    const QRectF plot = chart()->plotArea();
    const QPointF scenePos = mapToScene(event->position().toPoint());
    if (click && event->button() == Qt::LeftButton && plot.contains(scenePos))
        Q_EMIT clickedAt(chart()->mapToValue(chart()->mapFromScene(scenePos)));
    QChartView::mouseReleaseEvent(event);
    if (!click && event->button() == Qt::LeftButton)
        setZoomed(true); // the rubber band zoomed in
}

void InteractiveChartView::mouseDoubleClickEvent(QMouseEvent *event) {
    resetZoom();
    event->accept();
}

void InteractiveChartView::leaveEvent(QEvent *event) {
    m_crosshair->hide();
    Q_EMIT hoverLeft();
    QChartView::leaveEvent(event);
}

void InteractiveChartView::moveCrosshair(const QPointF &scenePos) {
    const QRectF plot = chart()->plotArea();
    if (!plot.contains(scenePos)) {
        if (m_crosshair->isVisible()) {
            m_crosshair->hide();
            Q_EMIT hoverLeft();
        }
        return;
    }
    m_crosshair->setLine(scenePos.x(), plot.top(), scenePos.x(), plot.bottom());
    m_crosshair->show();
    Q_EMIT hovered(chart()->mapToValue(chart()->mapFromScene(scenePos)));
}
