#pragma once

#include "ledgererror.h"
#include "statement.h"

#include <QString>

/// A statement as a PDF (QPdfWriter and QTextDocument, Qt's own): the statement's header on its first page,
/// each account's entries as a table that breaks across pages with its column header repeated, the totals
/// and closing balance after it, and on every page a footer with the ledger's name and digest and
/// "Page n of m". Amounts are Money::format's plain form with the currency's decimals.
///
/// Needs a QGuiApplication (fonts); walletctl creates one on the offscreen platform for this.
class StatementPdf final {
public:
    enum class PageSize { A4, Letter };

    /// Writes the PDF to `path` through QSaveFile: a failed write leaves no partial file. `pages`, when
    /// given, receives the page count.
    static Result<Done> write(const Statement &statement, const QString &path, PageSize size = PageSize::A4,
                              int *pages = nullptr);
    /// The statement as the HTML the document is laid out from (for tests and for the desktop's preview).
    static QString html(const Statement &statement);
};
