// bench_passwords: what an operator's sign-in costs with the password hashes WalletDesk stores
// (docs/performance.md, "Sign-in"). Prints, in one run, the Argon2id hash and check (19 MiB, 2 passes, 1
// lane), the PBKDF2-HMAC-SHA256 check at the old 120,000 iterations and at OWASP's 600,000 for comparison,
// and a whole sign-in (OperatorAuth::login: throttle check, hash check, session row) on a SQLite ledger.
//
//   bench_passwords [--rounds N]
#include "ledgerstore.h"
#include "operatorauth.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <functional>

namespace {

struct Figures {
    double median = 0;
    double p95 = 0;
    double max = 0;
};

Figures measure(int rounds, const std::function<void()> &work) {
    QList<double> ms;
    for (int i = 0; i < rounds; ++i) {
        QElapsedTimer t;
        t.start();
        work();
        ms << double(t.nsecsElapsed()) / 1e6;
    }
    std::sort(ms.begin(), ms.end());
    return {ms.at(ms.size() / 2), ms.at(std::min<qsizetype>(ms.size() - 1, (ms.size() * 95) / 100)),
            ms.constLast()};
}

void print(const char *what, const Figures &f) {
    std::printf("%-52s median %7.1f ms   p95 %7.1f ms   max %7.1f ms\n", what, f.median, f.p95, f.max);
}

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("rounds"), QStringLiteral("Measurements per figure (default 30)."),
                      QStringLiteral("N"), QStringLiteral("30")});
    parser.process(app);
    const int rounds = std::max(3, parser.value(QStringLiteral("rounds")).toInt());
    const QString password = QStringLiteral("correct horse battery staple");

    std::printf("bench_passwords: %d rounds each\n", rounds);
    const QString argon = OperatorAuth::hashPassword(password);
    print("Argon2id hash (new or changed password)",
          measure(rounds, [&] { OperatorAuth::hashPassword(password); }));
    print("Argon2id check", measure(rounds, [&] {
              if (!OperatorAuth::verifyPassword(password, argon))
                  qFatal("the Argon2id check failed");
          }));
    for (const int iterations : {120000, 600000}) {
        const QString pbkdf2 = OperatorAuth::hashPasswordPbkdf2(password, iterations);
        const QByteArray label = QByteArrayLiteral("PBKDF2-HMAC-SHA256 check, ") +
                                 QByteArray::number(iterations) + QByteArrayLiteral(" iterations");
        print(label.constData(), measure(rounds, [&] {
                  if (!OperatorAuth::verifyPassword(password, pbkdf2))
                      qFatal("the PBKDF2 check failed");
              }));
    }

    QTemporaryDir dir;
    DatabaseUrl url;
    url.path = dir.filePath(QStringLiteral("signin.sqlite"));
    auto store = LedgerStore::open(url);
    if (!store)
        qFatal("%s", qPrintable(store.error().message));
    const Actor root{QStringLiteral("root"), QStringLiteral("bench")};
    if (!(*store)->bootstrapAdmin(root.operatorName) ||
        !OperatorAuth::setPassword(**store, root, root.operatorName, password))
        qFatal("could not set up the ledger");
    OperatorAuth::LoginRefusal refusal{};
    print(
        "sign-in (OperatorAuth::login, SQLite, durable)", measure(rounds, [&] {
            if (!OperatorAuth::login(**store, root.operatorName, password, QStringLiteral("bench"), &refusal))
                qFatal("the sign-in failed");
        }));
    // A refused one costs the same hash check (and a failure row); a new name each time, so that throttling,
    // which answers without checking, stays out of the figure.
    int unknown = 0;
    print("refused sign-in, unknown name", measure(rounds, [&] {
              OperatorAuth::login(**store, QStringLiteral("nobody-%1").arg(++unknown), password,
                                  QStringLiteral("bench"), &refusal);
          }));
    return 0;
}
