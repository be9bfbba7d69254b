// walletctl import: bulk adjustments from a CSV file (BulkImport), a dry run first, always.
#include "bulkimport.h"
#include "walletctl.h"
#include "walletctl_p.h"

using namespace WalletCtlDetail;

int WalletCtl::cmdImport(const QStringList &args) {
    if (args.size() != 1)
        return fail(Usage, QStringLiteral("usage: walletctl import FILE [--dry-run] [--result FILE]"));
    const QString path = args.first();
    const bool dryRunOnly = m_parser.isSet(QStringLiteral("dry-run"));
    const QString resultPath = m_parser.value(QStringLiteral("result"));
    auto print = [this](const ImportReport &r) {
        for (const ImportRow &row : r.rows)
            if (row.refused() || row.outcome == ImportRow::Outcome::NeedsApproval)
                m_out << "line " << row.line << ": " << ImportReport::outcomeName(row.outcome) << ": "
                      << row.message.simplified() << Qt::endl;
        m_out << (r.dryRun ? "dry run: " : "posted: ") << r.okRows() << " ok, " << r.approvalRows()
              << " need approval, " << r.replayedRows() << " already posted, " << r.refusedRows()
              << " refused" << Qt::endl;
        for (const QString &line : r.totalsText())
            m_out << "  " << line << Qt::endl;
    };

    // The dry run always comes first: a file with a refused row posts nothing.
    BulkImport::Options check;
    check.dryRun = true;
    if (dryRunOnly)
        check.resultPath = resultPath;
    const ImportReport dry = waitForFuture(BulkImport::run(m_client.get(), path, check));
    if (!dry.fileError.isEmpty())
        return fail(Usage, QStringLiteral("%1: %2").arg(path, dry.fileError));
    if (dryRunOnly || dry.refusedRows() > 0) {
        print(dry);
        if (dry.refusedRows() > 0 && !dryRunOnly)
            m_out << "nothing was posted: fix the refused rows (or remove them) and run the file again"
                  << Qt::endl;
        if (!dry.resultPath.isEmpty())
            m_out << "result: " << dry.resultPath << Qt::endl;
        return dry.refusedRows() > 0 ? Refused : Ok;
    }
    BulkImport::Options post;
    post.dryRun = false;
    post.resultPath = resultPath;
    const ImportReport done = waitForFuture(BulkImport::run(m_client.get(), path, post));
    if (!done.fileError.isEmpty() && done.rows.isEmpty())
        return fail(Usage, QStringLiteral("%1: %2").arg(path, done.fileError));
    print(done);
    m_out << "result: " << done.resultPath << Qt::endl;
    if (!done.fileError.isEmpty())
        return fail(DatabaseExit, done.fileError);
    return done.refusedRows() > 0 ? Refused : Ok;
}
