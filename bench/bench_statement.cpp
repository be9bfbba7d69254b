// What a statement of 10,000 entries costs (docs/performance.md, "Statements"): reading it from an SQLite
// ledger (LedgerReader::statement: one range walk of entries_by_account), then writing it as CSV and as PDF
// (A4). The goal is under 2 s for the whole; the reference beside it is reading the same entries through
// history() pages, the way the CSV export of an account reads them.
#include "bulkjournal.h"
#include "ledgerreader.h"
#include "ledgerstore.h"
#include "statementcsv.h"
#include "statementpdf.h"
#include "statementrange.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QTemporaryDir>
#include <QTextStream>

int main(int argc, char *argv[]) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QTextStream out(stdout);
    constexpr qint64 Entries = 10000;
    QTemporaryDir dir;
    QString error;
    const auto url = DatabaseUrl::parse(dir.filePath(QStringLiteral("bench.sqlite")), &error);
    auto opened = LedgerStore::open(*url);
    if (!opened) {
        out << "cannot open: " << opened.error().message << Qt::endl;
        return 1;
    }
    auto store = std::move(opened).value();
    const Actor root{QStringLiteral("root"), QStringLiteral("bench")};
    const OperatorInfo op = *store->bootstrapAdmin(root.operatorName);
    store->addCurrency(root, {QStringLiteral("USD"), 2, QStringLiteral("Dollar")});
    // 10,000 entries on one account over 50 days, among 40,000 on three other accounts (so the walk must
    // skip).
    const qint64 day = StatementRange::MsPerDay;
    const qint64 start = (QDateTime::currentMSecsSinceEpoch() / day - 60) * day;
    qint64 account = 0;
    auto loaded = store->bulkLoad(QStringLiteral("bench"), "b-", [&](BulkJournal &j) -> Result<Done> {
        account = j.addAccount(0, QStringLiteral("USD"), start);
        const qint64 others[] = {j.addAccount(1, QStringLiteral("USD"), start),
                                 j.addAccount(2, QStringLiteral("USD"), start),
                                 j.addAccount(3, QStringLiteral("USD"), start)};
        for (qint64 i = 0; i < Entries * 4; ++i) {
            PostingRequest r;
            r.kind = TransactionKind::Deposit;
            r.accountId = i % 4 == 0 ? account : others[i % 4 - 1];
            r.amount = 100 + i % 997;
            if (auto done = j.post(r, op, start + i * (50 * day / (Entries * 4))); !done)
                return done.error();
        }
        return j.finish([](quint32 p) {
            return BulkJournal::Player{QByteArray::number(p), QByteArray("Player ") + QByteArray::number(p)};
        });
    });
    if (!loaded) {
        out << "cannot load: " << loaded.error().message << Qt::endl;
        return 1;
    }
    LedgerReader reader(*store);
    QElapsedTimer t;
    t.start();
    auto s = reader.statement(account, start, start + 60 * day);
    const qint64 readMs = t.elapsed();
    if (!s || s->sections[0].lines.size() != Entries) {
        out << "statement failed" << Qt::endl;
        return 1;
    }
    s.value().ledgerName = QStringLiteral("bench.sqlite");
    s.value().generatedBy = root.operatorName;
    t.restart();
    StatementCsv::write(*s, dir.filePath(QStringLiteral("s.csv")));
    const qint64 csvMs = t.elapsed();
    t.restart();
    int pages = 0;
    StatementPdf::write(*s, dir.filePath(QStringLiteral("s.pdf")), StatementPdf::PageSize::A4, &pages);
    const qint64 pdfMs = t.elapsed();

    t.restart();
    qint64 before = 0, seen = 0;
    for (;;) { // the reference: the same entries in history() pages of 2,000, newest first
        auto page = reader.history(account, before, 2000);
        if (!page || page->isEmpty())
            break;
        seen += page->size();
        before = page->last().entryId;
    }
    const qint64 historyMs = t.elapsed();

    out << "statement of " << Entries << " entries (SQLite, among " << Entries * 4 << "):" << Qt::endl;
    out << "  read (LedgerReader::statement)   " << readMs << " ms   reference: history() pages " << historyMs
        << " ms for " << seen << " entries" << Qt::endl;
    out << "  CSV                              " << csvMs << " ms" << Qt::endl;
    out << "  PDF (A4, " << pages << " pages)            " << pdfMs << " ms" << Qt::endl;
    out << "  read + PDF                       " << readMs + pdfMs << " ms   goal: < 2000 ms" << Qt::endl;
    out << "  read + CSV                       " << readMs + csvMs << " ms   goal: < 2000 ms" << Qt::endl;
    return 0;
}
