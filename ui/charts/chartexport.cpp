#include "chartexport.h"

#include <QApplication>
#include <QClipboard>
#include <QPainter>
#include <QPixmap>
#include <QSvgGenerator>
#include <QWidget>

namespace ChartExport {

bool savePng(QWidget *widget, const QString &path) {
    return widget->grab().save(path, "PNG");
}

bool saveSvg(QWidget *widget, const QString &path, const QString &title) {
    QSvgGenerator svg;
    svg.setFileName(path);
    svg.setSize(widget->size());
    // QSvgGenerator states the size in millimetres; Qt's SVG reader turns them back into pixels at 90 per
    // inch, so at 90 the drawing opens in Qt (and Inkscape, also 90) at exactly the size it had on screen.
    svg.setResolution(90);
    svg.setViewBox(QRect(QPoint(0, 0), widget->size()));
    svg.setTitle(title);
    svg.setDescription(QStringLiteral("WalletDesk"));
    QPainter painter;
    if (!painter.begin(&svg))
        return false;
    widget->render(&painter);
    return painter.end();
}

void copyToClipboard(QWidget *widget) {
    QApplication::clipboard()->setPixmap(widget->grab());
}

} // namespace ChartExport
