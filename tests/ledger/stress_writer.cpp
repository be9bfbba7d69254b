// A posting process for the concurrency and crash tests: posts random deposits, withdrawals and transfers
// among the given accounts for a while, printing one line per acknowledged (committed) posting:
//   ACK <key> <transaction> <account>:<delta> [<account>:<delta>]
// Refusals (insufficient funds) print REFUSED and are fine; any other error exits 3.
// usage: stress_writer DB_URL WORKER SECONDS ACCOUNT...

#include "ledgerstore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTextStream>
#include <cstdio>

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 6) {
        std::fprintf(stderr, "usage: stress_writer DB_URL WORKER SECONDS ACCOUNT ACCOUNT...\n");
        return 2;
    }
    QString error;
    const auto url = DatabaseUrl::parse(args.at(1), &error);
    if (!url) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 2;
    }
    const QString worker = args.at(2);
    const qint64 millis = args.at(3).toLongLong() * 1000;
    QList<qint64> accounts;
    for (const QString &a : args.mid(4))
        accounts << a.toLongLong();
    auto store = LedgerStore::open(*url);
    if (!store) {
        std::fprintf(stderr, "%s\n", qPrintable(store.error().message));
        return 3;
    }
    const Actor actor{QStringLiteral("stress"), QStringLiteral("worker-") + worker};
    QRandomGenerator rng{quint32(QCoreApplication::applicationPid())};
    QElapsedTimer timer;
    timer.start();
    for (qint64 n = 0; timer.elapsed() < millis; ++n) {
        PostingRequest r;
        r.idempotencyKey =
            QStringLiteral("w%1-%2-%3").arg(worker).arg(QCoreApplication::applicationPid()).arg(n);
        r.accountId = accounts.at(int(rng.bounded(qint64(accounts.size()))));
        r.amount = 1 + rng.bounded(500);
        const int roll = int(rng.bounded(3));
        r.kind = roll == 0   ? TransactionKind::Deposit
                 : roll == 1 ? TransactionKind::Withdrawal
                             : TransactionKind::Transfer;
        if (r.kind == TransactionKind::Transfer) {
            do
                r.counterAccountId = accounts.at(int(rng.bounded(qint64(accounts.size()))));
            while (r.counterAccountId == r.accountId && accounts.size() > 1);
            if (r.counterAccountId == r.accountId)
                r.kind = TransactionKind::Deposit;
        }
        const Result<PostingResult> posted = store.value()->post(actor, r);
        if (!posted) {
            if (posted.error().code == ErrorCode::InsufficientFunds) {
                std::printf("REFUSED %s\n", qPrintable(r.idempotencyKey));
                continue;
            }
            std::fprintf(stderr, "worker %s: %s\n", qPrintable(worker), qPrintable(posted.error().message));
            return 3;
        }
        QString line = QStringLiteral("ACK %1 %2").arg(r.idempotencyKey).arg(posted->transactionId);
        for (const JournalEntry &e : posted->entries)
            if (accounts.contains(e.accountId))
                line += QStringLiteral(" %1:%2").arg(e.accountId).arg(e.amount);
        std::printf("%s\n", qPrintable(line));
        std::fflush(stdout); // an acknowledgement leaves the process only after its commit
    }
    return 0;
}
