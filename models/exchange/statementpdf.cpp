#include "statementpdf.h"

#include "money.h"
#include "statementrange.h"

#include <QDateTime>
#include <QFont>
#include <QFontMetricsF>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <array>
#include <functional>

namespace {

QString isoTime(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString accountTitle(const Account &a) {
    return a.kind == AccountKind::System
               ? QStringLiteral("Account %1 (system: %2), %3").arg(a.id).arg(a.name, a.currency)
               : QStringLiteral("Account %1, player %2 (%3), %4")
                     .arg(a.id)
                     .arg(a.playerRef, a.name, a.currency);
}

/// The entries table: each column's share of the width and its alignment.
struct Column {
    const char *title;
    qreal share;
    Qt::Alignment align;
};
constexpr std::array<Column, 7> Columns{{{"Time (UTC)", 0.17, Qt::AlignLeft},
                                         {"Kind", 0.11, Qt::AlignLeft},
                                         {"Amount", 0.14, Qt::AlignRight},
                                         {"Balance after", 0.15, Qt::AlignRight},
                                         {"Reason", 0.16, Qt::AlignLeft},
                                         {"Ticket", 0.12, Qt::AlignLeft},
                                         {"Operator", 0.15, Qt::AlignLeft}}};

/// One thing drawn on a page, top to bottom: a fixed height and how to draw it at a given top.
struct Item {
    qreal height = 0;
    std::function<void(QPainter &, qreal top)> draw;
    bool startsPage = false; ///< a new account's section begins on a page of its own
    bool tableRow = false;   ///< an entry: a page that begins with one repeats the column header first
};

/// Lays the statement out as items and paginates them; then paints page by page, each item once.
class Renderer {
public:
    Renderer(const Statement &s, QPdfWriter &writer)
        : m_s(s)
        , m_writer(writer)
        , m_area(writer.pageLayout().paintRectPixels(writer.resolution())) {
        m_body = QFont(QStringLiteral("DejaVu Sans"));
        m_body.setStyleHint(QFont::SansSerif);
        m_body.setPointSizeF(7.5);
        m_bold = m_body;
        m_bold.setBold(true);
        m_title = m_bold;
        m_title.setPointSizeF(13);
        m_heading = m_bold;
        m_heading.setPointSizeF(9.5);
        m_footer = m_body;
        m_footer.setPointSizeF(6.5);
        const QFontMetricsF body(m_body, &writer), footer(m_footer, &writer);
        m_line = body.lineSpacing();
        m_row = m_line * 1.35;
        m_pad = m_line * 0.3;
        m_footerHeight = footer.lineSpacing() * 3;
        m_pageHeight = m_area.height() - m_footerHeight;
        m_width = m_area.width();
    }

    int paint(QPainter &painter) {
        layOut();
        const QList<QList<int>> pages = paginate();
        for (int p = 0; p < pages.size(); ++p) {
            if (p > 0)
                m_writer.newPage();
            qreal y = 0;
            for (int index : pages[p]) {
                if (index < 0) { // the column header, repeated
                    drawHeaderRow(painter, y);
                    y += m_row;
                    continue;
                }
                m_items[index].draw(painter, y);
                y += m_items[index].height;
            }
            drawFooter(painter, p + 1, int(pages.size()));
        }
        return int(pages.size());
    }

private:
    void text(QPainter &p, const QFont &font, const QRectF &r, Qt::Alignment align, const QString &t) {
        p.setFont(font);
        p.drawText(r, align | Qt::AlignVCenter,
                   QFontMetricsF(font, &m_writer).elidedText(t, Qt::ElideRight, r.width()));
    }

    void summary(const QString &label, const QString &amount, bool bold) {
        m_items.push_back({m_line * 1.2, [this, label, amount, bold](QPainter &p, qreal top) {
                               const QFont &f = bold ? m_bold : m_body;
                               text(p, f, QRectF(0, top, m_width * 0.3, m_line * 1.2), Qt::AlignLeft, label);
                               text(p, f, QRectF(m_width * 0.3, top, m_width * 0.15, m_line * 1.2),
                                    Qt::AlignRight, amount);
                           }});
    }

    void space(qreal height) {
        m_items.push_back({height, [](QPainter &, qreal) {}});
    }

    void layOut() {
        const StatementRange range{m_s.fromMs, m_s.toMs};
        m_items.push_back({m_line * 2.4, [this](QPainter &p, qreal top) {
                               text(p, m_title, QRectF(0, top, m_width, m_line * 2.2), Qt::AlignLeft,
                                    QStringLiteral("Account statement"));
                           }});
        const QStringList intro{
            QStringLiteral("%1 to %2 (UTC)")
                .arg(range.firstDay().toString(Qt::ISODate), range.lastDay().toString(Qt::ISODate)),
            QStringLiteral("Ledger: %1").arg(m_s.ledgerName),
            QStringLiteral("Generated by %1 at %2 UTC").arg(m_s.generatedBy, isoTime(m_s.generatedAt))};
        for (const QString &line : intro)
            m_items.push_back({m_line * 1.2, [this, line](QPainter &p, qreal top) {
                                   text(p, m_body, QRectF(0, top, m_width, m_line * 1.2), Qt::AlignLeft,
                                        line);
                               }});
        bool first = true;
        for (const StatementSection &section : m_s.sections) {
            const int e = section.account.exponent;
            space(m_line);
            m_items.push_back(
                {m_line * 2, [this, title = accountTitle(section.account)](QPainter &p, qreal top) {
                     text(p, m_heading, QRectF(0, top, m_width, m_line * 1.8), Qt::AlignLeft, title);
                 }});
            m_items.back().startsPage = !first;
            first = false;
            summary(QStringLiteral("Opening balance"), Money::format(section.opening, e), true);
            summary(QStringLiteral("Entries"), QString::number(section.lines.size()), false);
            space(m_line * 0.6);
            m_items.push_back({m_row, [this](QPainter &p, qreal top) { drawHeaderRow(p, top); }});
            if (section.lines.isEmpty())
                m_items.push_back({m_row, [this](QPainter &p, qreal top) {
                                       text(p, m_body, QRectF(m_pad, top, m_width, m_row), Qt::AlignLeft,
                                            QStringLiteral("No entries in this range."));
                                   }});
            for (qsizetype i = 0; i < section.lines.size(); ++i) {
                Item row{m_row, [this, &section, i, e](QPainter &p, qreal top) {
                             const HistoryEntry &l = section.lines.at(i);
                             drawRow(p, top, i % 2 == 1,
                                     {isoTime(l.createdAt), kindName(l.kind), Money::format(l.amount, e),
                                      Money::format(l.balanceAfter, e), l.reasonCode, l.ticketRef,
                                      l.operatorName});
                         }};
                row.tableRow = true;
                m_items.push_back(std::move(row));
            }
            space(m_line);
            summary(QStringLiteral("Opening balance"), Money::format(section.opening, e), false);
            summary(QStringLiteral("Total in"), Money::format(section.totalIn, e), false);
            summary(QStringLiteral("Total out"), Money::format(section.totalOut, e), false);
            summary(QStringLiteral("Closing balance"), Money::format(section.closing, e), true);
        }
    }

    /// Items per page, in order; -1 stands for a repeated column header.
    QList<QList<int>> paginate() const {
        QList<QList<int>> pages(1);
        qreal y = 0;
        for (int i = 0; i < int(m_items.size()); ++i) {
            const Item &item = m_items[size_t(i)];
            const bool full = y + item.height > m_pageHeight;
            if ((item.startsPage || full) && !pages.last().isEmpty()) {
                pages.append(QList<int>());
                y = 0;
                if (item.tableRow) {
                    pages.last() << -1;
                    y += m_row;
                }
            }
            pages.last() << i;
            y += item.height;
        }
        return pages;
    }

    /// A left-aligned column after a right-aligned one starts further in, so the two do not run together.
    qreal insetOf(size_t column) const {
        const bool afterNumbers = column > 0 && Columns[column - 1].align == Qt::AlignRight &&
                                  Columns[column].align == Qt::AlignLeft;
        return afterNumbers ? 4 * m_pad : m_pad;
    }

    void drawCells(QPainter &p, qreal top, const QFont &font, const std::array<QString, 7> &cells) {
        p.setPen(Qt::black);
        qreal x = 0;
        for (size_t c = 0; c < Columns.size(); ++c) {
            const qreal w = m_width * Columns[c].share, inset = insetOf(c);
            text(p, font, QRectF(x + inset, top, w - inset - m_pad, m_row), Columns[c].align, cells[c]);
            x += w;
        }
    }

    void drawRow(QPainter &p, qreal top, bool shaded, const std::array<QString, 7> &cells) {
        if (shaded)
            p.fillRect(QRectF(0, top, m_width, m_row), QColor(0xf3, 0xf3, 0xf3));
        drawCells(p, top, m_body, cells);
    }

    void drawHeaderRow(QPainter &p, qreal top) {
        p.fillRect(QRectF(0, top, m_width, m_row), QColor(0xdd, 0xdd, 0xdd));
        std::array<QString, 7> titles;
        for (size_t c = 0; c < Columns.size(); ++c)
            titles[c] = QString::fromLatin1(Columns[c].title);
        drawCells(p, top, m_bold, titles);
    }

    void drawFooter(QPainter &p, int page, int pages) {
        const QFontMetricsF metrics(m_footer, &m_writer);
        p.setFont(m_footer);
        p.setPen(QColor(0x55, 0x55, 0x55));
        const qreal top = m_pageHeight + metrics.lineSpacing() * 0.5;
        p.drawLine(QPointF(0, top), QPointF(m_width, top));
        const QRectF box(0, top + metrics.lineSpacing() * 0.3, m_width, metrics.lineSpacing() * 2.5);
        // The ledger's name may be elided; its digest never is: it is what a reader compares.
        p.drawText(box, Qt::AlignLeft | Qt::AlignTop,
                   metrics.elidedText(QStringLiteral("Ledger: %1").arg(m_s.ledgerName), Qt::ElideMiddle,
                                      m_width * 0.78) +
                       u'\n' + QStringLiteral("Digest (SHA-256): %1").arg(m_s.ledgerDigest));
        p.drawText(box, Qt::AlignRight | Qt::AlignTop, QStringLiteral("Page %1 of %2").arg(page).arg(pages));
    }

    const Statement &m_s;
    QPdfWriter &m_writer;
    QRectF m_area;
    QFont m_body, m_bold, m_title, m_heading, m_footer;
    qreal m_line = 0, m_row = 0, m_pad = 0, m_footerHeight = 0, m_pageHeight = 0, m_width = 0;
    std::vector<Item> m_items;
};

} // namespace

Result<Done> StatementPdf::write(const Statement &s, const QString &path, PageSize size, int *pages) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return LedgerError{ErrorCode::InvalidArgument,
                           QStringLiteral("cannot write %1: %2").arg(path, file.errorString())};
    int pageCount = 0;
    {
        QPdfWriter writer(&file);
        writer.setTitle(QStringLiteral("Account statement"));
        writer.setCreator(QStringLiteral("WalletDesk"));
        writer.setResolution(300);
        writer.setPageSize(QPageSize(size == PageSize::Letter ? QPageSize::Letter : QPageSize::A4));
        writer.setPageMargins(QMarginsF(15, 15, 15, 12), QPageLayout::Millimeter);
        QPainter painter(&writer);
        if (!painter.isActive())
            return LedgerError{ErrorCode::InvalidArgument,
                               QStringLiteral("cannot write a PDF to %1").arg(path)};
        Renderer renderer(s, writer);
        pageCount = renderer.paint(painter);
        painter.end();
    }
    if (!file.commit())
        return LedgerError{ErrorCode::Database,
                           QStringLiteral("cannot save %1: %2").arg(path, file.errorString())};
    if (pages)
        *pages = pageCount;
    return Done{};
}
