#pragma once

#include <QWidget>
#include <functional>

class InteractiveChartView;
class QChart;
class QLabel;
class QToolButton;

/// A titled chart with what every chart of the app offers: a hover read-out with the exact values under the
/// mouse (from a describe callback that formats the integers, never the drawn doubles), zoom and pan
/// (InteractiveChartView) with a reset button, Save as PNG or SVG, Copy, and a light or dark theme that
/// follows the application's palette as it changes.
class ChartPanel final : public QWidget {
    Q_OBJECT
public:
    /// Takes ownership of `chart`.
    ChartPanel(const QString &title, QChart *chart, QWidget *parent = nullptr);

    QChart *chart() const { return m_chart; }
    InteractiveChartView *view() const { return m_view; }
    QString title() const { return m_title; }
    /// What the hover read-out says at a chart value (x: the horizontal axis' value).
    void setDescriber(std::function<QString(const QPointF &)> describe) { m_describe = std::move(describe); }
    /// Shown over the plot when there is nothing to draw ("No entries in this range."); empty hides it.
    void setEmptyText(const QString &text);
    /// The hover read-out's current text (what a person reads while pointing).
    QString hoverText() const;
    void showHoverAt(const QPointF &value);

    bool savePng(const QString &path);
    bool saveSvg(const QString &path);
    void copyToClipboard();

Q_SIGNALS:
    void clickedAt(const QPointF &value);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    void askAndSave();

    QString m_title;
    QChart *m_chart = nullptr; ///< owned by m_view
    InteractiveChartView *m_view = nullptr;
    QLabel *m_hover = nullptr;
    QLabel *m_empty = nullptr;
    QToolButton *m_reset = nullptr;
    std::function<QString(const QPointF &)> m_describe;
};
