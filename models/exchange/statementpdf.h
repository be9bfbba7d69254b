#pragma once

#include "ledgererror.h"
#include "statement.h"

#include <QString>

/// A statement as a PDF, drawn with QPainter on a QPdfWriter (Qt's own): the statement's header on its first
/// page, each account's entries as a table that breaks across pages with its column header repeated, the
/// totals and closing balance after it, and on every page a footer with the ledger's name and digest and
/// "Page n of m". Amounts are Money::format's plain form with the currency's decimals.
///
/// The table is laid out here, one line per entry (long reasons, tickets and operator names are elided),
/// rather than by QTextDocument: a document paints all of a long table for every page, which made a
/// 10,000-entry statement take 29 s; this takes time in proportion to its entries (docs/performance.md).
///
/// Needs a QGuiApplication (fonts); walletctl creates one on the offscreen platform for this.
class StatementPdf final {
public:
    enum class PageSize { A4, Letter };

    /// Writes the PDF to `path` through QSaveFile: a failed write leaves no partial file. `pages`, when
    /// given, receives the page count.
    static Result<Done> write(const Statement &statement, const QString &path, PageSize size = PageSize::A4,
                              int *pages = nullptr);
};
