#include "chartpanel.h"

#include "chartaxes.h"
#include "chartexport.h"
#include "interactivechartview.h"

#include <QChart>
#include <QContextMenuEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QToolButton>
#include <QVBoxLayout>

ChartPanel::ChartPanel(const QString &title, QChart *chart, QWidget *parent)
    : QWidget(parent)
    , m_title(title)
    , m_chart(chart) {
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    auto *bar = new QHBoxLayout;
    auto *heading = new QLabel(title, this);
    QFont bold = heading->font();
    bold.setBold(true);
    heading->setFont(bold);
    bar->addWidget(heading);
    m_hover = new QLabel(this);
    m_hover->setObjectName(QStringLiteral("chartHover"));
    m_hover->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // A long read-out is cut at the panel's edge rather than widening the window.
    m_hover->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_hover->setMinimumWidth(0);
    bar->addWidget(m_hover, 1, Qt::AlignRight);
    m_reset = new QToolButton(this);
    m_reset->setObjectName(QStringLiteral("chartResetZoom"));
    m_reset->setText(tr("Reset zoom"));
    m_reset->setToolTip(tr("Show the whole range again (Home, Escape or a double-click)"));
    m_reset->setEnabled(false);
    bar->addWidget(m_reset);
    auto *save = new QToolButton(this);
    save->setObjectName(QStringLiteral("chartSave"));
    save->setText(tr("Save…"));
    save->setToolTip(tr("Save this chart as a PNG picture or an SVG drawing"));
    connect(save, &QToolButton::clicked, this, &ChartPanel::askAndSave);
    bar->addWidget(save);
    auto *copy = new QToolButton(this);
    copy->setObjectName(QStringLiteral("chartCopy"));
    copy->setText(tr("Copy"));
    copy->setToolTip(tr("Copy this chart to the clipboard as a picture"));
    connect(copy, &QToolButton::clicked, this, &ChartPanel::copyToClipboard);
    bar->addWidget(copy);
    layout->addLayout(bar);

    ChartAxes::followPalette(m_chart);
    m_chart->setAnimationOptions(QChart::NoAnimation); // animations cost frames and show stale values
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_view = new InteractiveChartView(m_chart, this);
    m_view->setMinimumHeight(160);
    layout->addWidget(m_view, 1);
    m_view->setToolTip(tr("Wheel or drag to zoom, Shift+drag or arrow keys to pan, double-click to reset"));
    connect(m_reset, &QToolButton::clicked, m_view, &InteractiveChartView::resetZoom);
    connect(m_view, &InteractiveChartView::zoomChanged, m_reset, &QToolButton::setEnabled);
    connect(m_view, &InteractiveChartView::hovered, this, &ChartPanel::showHoverAt);
    connect(m_view, &InteractiveChartView::hoverLeft, m_hover, &QLabel::clear);
    connect(m_view, &InteractiveChartView::clickedAt, this, &ChartPanel::clickedAt);

    m_empty = new QLabel(m_view);
    m_empty->setObjectName(QStringLiteral("chartEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->hide();
}

void ChartPanel::setEmptyText(const QString &text) {
    m_empty->setText(text);
    m_empty->setVisible(!text.isEmpty());
    m_empty->setGeometry(m_view->rect());
}

QString ChartPanel::hoverText() const {
    return m_hover->text();
}

void ChartPanel::showHoverAt(const QPointF &value) {
    m_hover->setText(m_describe ? m_describe(value) : QString());
}

bool ChartPanel::savePng(const QString &path) {
    return ChartExport::savePng(m_view, path);
}

bool ChartPanel::saveSvg(const QString &path) {
    return ChartExport::saveSvg(m_view, path, m_title);
}

void ChartPanel::copyToClipboard() {
    ChartExport::copyToClipboard(m_view);
}

void ChartPanel::askAndSave() {
    QString filter;
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save chart"), m_title + QStringLiteral(".png"),
                                     tr("PNG picture (*.png);;SVG drawing (*.svg)"), &filter);
    if (path.isEmpty())
        return;
    const bool svg = path.endsWith(QStringLiteral(".svg"), Qt::CaseInsensitive) ||
                     (!path.endsWith(QStringLiteral(".png"), Qt::CaseInsensitive) && filter.contains(u"svg"));
    if (!(svg ? saveSvg(path) : savePng(path)))
        QMessageBox::warning(this, tr("Save chart"), tr("The chart could not be written to %1.").arg(path));
}

void ChartPanel::changeEvent(QEvent *event) {
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        ChartAxes::followPalette(m_chart);
    QWidget::changeEvent(event);
}

void ChartPanel::resizeEvent(QResizeEvent *event) {
    QWidget::resizeEvent(event);
    m_empty->setGeometry(m_view->rect());
}

void ChartPanel::contextMenuEvent(QContextMenuEvent *event) {
    QMenu menu(this);
    menu.addAction(tr("Reset zoom"), m_view, &InteractiveChartView::resetZoom)
        ->setEnabled(m_view->isZoomed());
    menu.addAction(tr("Save…"), this, &ChartPanel::askAndSave);
    menu.addAction(tr("Copy"), this, &ChartPanel::copyToClipboard);
    menu.exec(event->globalPos());
}
