#pragma once

#include <QString>

class QWidget;

/// Saves or copies what a chart widget shows, at the size it is shown (times the screen's pixel ratio for
/// PNG).
namespace ChartExport {

bool savePng(QWidget *widget, const QString &path);
/// Vector output through QSvgGenerator: the chart's own painter calls, so lines stay sharp at any zoom.
bool saveSvg(QWidget *widget, const QString &path, const QString &title);
void copyToClipboard(QWidget *widget);

} // namespace ChartExport
