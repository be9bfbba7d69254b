#pragma once

// What the RemoteLedgerClient suites (tst_remoteclient_*) share: a fresh ledger prepared by prepareLedger()
// for each test, on the backend named first in WALLETDESK_TEST_BACKENDS, and a builder of posting requests.

#include "postingrequest.h"
#include "testsupport.h"
#include "walletdharness.h"

#include <QObject>
#include <QTemporaryDir>
#include <memory>

namespace RemoteClientTest {

inline PostingRequest posting(TransactionKind kind, qint64 account, qint64 amount, const QString &key) {
    PostingRequest r;
    r.kind = kind;
    r.accountId = account;
    r.amount = amount;
    r.idempotencyKey = key;
    return r;
}

} // namespace RemoteClientTest

class RemoteClientFixture : public QObject {
protected:
    /// For init(): a new temporary folder, and the backend under test.
    void setUpTest();
    /// For cleanup().
    void tearDownTest();
    /// A new ledger (prepareLedger()) in the test's folder or the fixture's PostgreSQL database; its URL.
    QString freshLedger();

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_backend;
};
