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
    svg.setResolution(96); // the CSS pixel: browsers then show the drawing at the size it had on screen
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
