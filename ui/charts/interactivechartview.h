#pragma once

#include <QChartView>

class QGraphicsLineItem;

/// A chart view people can explore: hovering shows a vertical crosshair and reports the value under the
/// mouse; the wheel zooms around the mouse, dragging selects a range to zoom into, Shift+drag or the middle
/// button pans, the arrow keys pan, + and - zoom, Home, Escape or a double-click reset. Only the horizontal
/// axis zooms: time (or bins) is what people narrow down; the vertical axis follows the data.
class InteractiveChartView final : public QChartView {
    Q_OBJECT
public:
    explicit InteractiveChartView(QChart *chart, QWidget *parent = nullptr);

    /// Horizontal zoom by `factor` (< 1 zooms in) around the plot x position `centerX` (scene coordinates).
    void zoomAround(qreal centerX, qreal factor);
    void pan(qreal dx);
    void resetZoom();
    bool isZoomed() const { return m_zoomed; }

Q_SIGNALS:
    /// The mouse is over the plot at this chart value (x: the horizontal axis' value, e.g. ms since epoch).
    void hovered(const QPointF &value);
    void hoverLeft();
    void zoomChanged(bool zoomed);
    /// A click (not a drag) at this chart value.
    void clickedAt(const QPointF &value);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    void setZoomed(bool zoomed);
    void moveCrosshair(const QPointF &scenePos);

    QGraphicsLineItem *m_crosshair = nullptr;
    bool m_zoomed = false;
    bool m_panning = false;
    QPointF m_pressPos;
    QPointF m_lastPanPos;
};
