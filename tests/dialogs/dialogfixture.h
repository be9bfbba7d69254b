#pragma once

// What the dialog suites share: a ledger with operators, accounts and a seed deposit for each test (SQLite or
// PostgreSQL, WALLETDESK_TEST_BACKENDS), clients signed in as an operator, and the helpers that drive the
// real widgets (found by objectName) as a support agent would.

#include "ledgerdialog.h"
#include "ledgerservice.h"
#include "localledgerclient.h"
#include "testsupport.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>
#include <vector>

namespace DialogTest {

const Actor Admin{QStringLiteral("root-admin"), QStringLiteral("test")};
const Actor Sam{QStringLiteral("sam"), QStringLiteral("test")}; // support, limit 100.00 USD, none in GOLD
const Actor Sue{QStringLiteral("sue"), QStringLiteral("test")}; // supervisor, no limits
const Actor Sid{QStringLiteral("sid"), QStringLiteral("test")}; // supervisor, limit 100.00 USD

/// "525.50 USD" as the dialogs write it: a no-break space before the currency code.
inline QString m(const char *text) {
    return QString::fromUtf8(text).replace(u' ', u'\u00a0');
}

inline PostingRequest request(TransactionKind kind, qint64 account, qint64 amount, const QString &key) {
    PostingRequest r;
    r.kind = kind;
    r.accountId = account;
    r.amount = amount;
    r.idempotencyKey = key;
    return r;
}

} // namespace DialogTest

class DialogFixture : public QObject {
protected:
    /// For initTestCase(): an English locale, short confirmation delays, quiet offscreen warnings.
    void setUpCase();
    /// For init(): a fresh ledger: USD (2 decimals) and GOLD; sam (support, limit 100.00 USD), sue
    /// (supervisor), sid (supervisor, limit 100.00 USD), vera (viewer); ann (1001) in USD and GOLD, ben
    /// (1002) in USD; 500.00 USD deposited to ann.
    void setUpTest();
    /// For cleanup().
    void tearDownTest();

    QTemporaryDir m_dir;
    QString m_url;
    std::unique_ptr<LedgerService> m_ledger;
    std::vector<std::unique_ptr<LocalLedgerClient>> m_clients;
    qint64 m_ann = 0, m_ben = 0, m_annGold = 0;

    template <typename T> T ok(QFuture<Result<T>> future) {
        const Result<T> r = WalletDeskTest::await(future);
        if (!r)
            qFatal("unexpected ledger error: %s", qPrintable(r.error().message));
        return r.value();
    }
    Account account(qint64 id) { return ok(m_ledger->account(id)); }
    qint64 scalar(const QString &sql) {
        return WalletDeskTest::await(m_ledger->run([sql](LedgerStore &s) -> Result<qint64> {
                   QSqlQuery q(s.database());
                   if (!q.exec(sql) || !q.next())
                       return LedgerError{ErrorCode::Database, sql};
                   return q.value(0).toLongLong();
               }))
            .value();
    }
    qint64 transactions() { return scalar(QStringLiteral("SELECT COUNT(*) FROM transactions")); }
    qint64 transactionsWithKey(const QString &key) {
        return scalar(
            QStringLiteral("SELECT COUNT(*) FROM transactions WHERE idempotency_key = '%1'").arg(key));
    }
    LedgerClient *as(const Actor &actor) {
        auto client = std::make_unique<LocalLedgerClient>();
        QString error;
        const auto url = DatabaseUrl::parse(m_url, &error);
        const auto session = WalletDeskTest::await(client->connectTo(*url, actor.operatorName));
        if (!session)
            qFatal("connect as %s: %s", qPrintable(actor.operatorName), qPrintable(session.error().message));
        m_clients.push_back(std::move(client));
        return m_clients.back().get();
    }

    template <typename W> static W *child(QWidget *dialog, const char *name) {
        W *w = dialog->findChild<W *>(QString::fromLatin1(name));
        if (!w)
            qFatal("no %s named %s", W::staticMetaObject.className(), name);
        return w;
    }
    static QPushButton *okButton(QWidget *dialog) { return child<QPushButton>(dialog, "okButton"); }
    static QString label(QWidget *dialog, const char *name) { return child<QLabel>(dialog, name)->text(); }
    /// Waits until the dialog has loaded what it needs and no request is in flight.
    static bool settle(LedgerDialog *dialog) {
        return QTest::qWaitFor([dialog] { return !dialog->isLoading() && !dialog->isBusy(); }, 10000);
    }
    static void show(QWidget *dialog) {
        dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
    }
    static void click(QPushButton *button) { QTest::mouseClick(button, Qt::LeftButton); }
    /// What a window system delivers for a double click: press, release, press + double click, release.
    static void doubleClick(QPushButton *button) {
        QTest::mouseClick(button, Qt::LeftButton);
        QTest::mouseDClick(button, Qt::LeftButton);
        QTest::mouseRelease(button, Qt::LeftButton);
    }
    void screenshot(QWidget *dialog, const QString &name) {
        const QString dir = qEnvironmentVariable("WALLETDESK_SCREENSHOT_DIR");
        if (dir.isEmpty())
            return;
        QDir().mkpath(dir);
        QTest::qWait(100); // the dialog grows to its content a turn or two of the event loop after it changes
        QVERIFY(dialog->grab().save(QDir(dir).filePath(name + QStringLiteral(".png"))));
    }
};
