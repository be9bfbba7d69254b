// walletd end to end, the admin API: postings (idempotency, ledger errors as statuses), lists and reads,
// maker-checker and reversal, background verification, and bad input (400 naming the field, 404 for what is
// not a route). A real walletd process on loopback over a real ledger (WALLETDESK_TEST_BACKENDS); each test
// function and data row gets a fresh ledger and server (WalletdTestCase). The route table's order of checks
// (401, 403, 400) for every route is tst_walletd_routes.

#include "testsupport.h"
#include "walletdharness.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace WalletdTest;

class TestWalletdAdmin : public WalletdTestCase {
    Q_OBJECT

private Q_SLOTS:
    void adminPostingIsIdempotentAndMapsLedgerErrors();
    void adminListsAndReads();
    void makerCheckerAndReversalOverHttp();
    void dryRunsAnswerWhatWouldHappenAndWriteNothing();
    void batchRouteAnswersEveryPosting();
    void verificationRunsInTheBackground();
    void badPostingBodyIs400NamingTheField_data();
    void badPostingBodyIs400NamingTheField();
    void badAccountQueryIs400_data();
    void badAccountQueryIs400();
    void whatIsNotARouteIs404_data();
    void whatIsNotARouteIs404();
};

void TestWalletdAdmin::adminPostingIsIdempotentAndMapsLedgerErrors() {
    const qint64 acc = createPlayer(QStringLiteral("8"));
    const QUrl postings = m_walletd->url(QStringLiteral("/admin/v1/postings"));
    const QByteArray body =
        QStringLiteral(R"({"kind":"deposit","account":%1,"amount":"1250"})").arg(acc).toUtf8();
    const Reply first = m_http.post(postings, body, m_root, "k-1");
    QCOMPARE(first.status, 200);
    QCOMPARE(first.json().value(QStringLiteral("status")).toString(), QStringLiteral("posted"));
    QCOMPARE(first.json().value(QStringLiteral("replayed")).toBool(), false);
    const Reply again = m_http.post(postings, body, m_root, "k-1");
    QCOMPARE(again.status, 200);
    QCOMPARE(again.json().value(QStringLiteral("replayed")).toBool(), true);
    QCOMPARE(again.json().value(QStringLiteral("transaction_id")),
             first.json().value(QStringLiteral("transaction_id")));

    const Reply conflict = m_http.post(
        postings, QStringLiteral(R"({"kind":"deposit","account":%1,"amount":"1251"})").arg(acc).toUtf8(),
        m_root, "k-1");
    QCOMPARE(conflict.status, 409);
    QCOMPARE(conflict.code(), QStringLiteral("idempotency_conflict"));

    const Reply noKey = m_http.post(postings, body, m_root);
    QCOMPARE(noKey.status, 400);
    QCOMPARE(noKey.error(), QStringLiteral("an idempotency key is required")); // the ledger's own words

    const Reply poor = m_http.post(
        postings, QStringLiteral(R"({"kind":"withdrawal","account":%1,"amount":"1251"})").arg(acc).toUtf8(),
        m_root, "k-2");
    QCOMPARE(poor.status, 422);
    QCOMPARE(poor.code(), QStringLiteral("insufficient_funds"));
    QVERIFY2(poor.error().startsWith(u"insufficient funds"), qPrintable(poor.error()));

    const Reply missing = m_http.get(m_walletd->url(QStringLiteral("/admin/v1/accounts/999999")), m_root);
    QCOMPARE(missing.status, 404);
    QCOMPARE(missing.code(), QStringLiteral("not_found"));

    const Reply account =
        m_http.get(m_walletd->url(QStringLiteral("/admin/v1/accounts/%1").arg(acc)), m_root);
    QCOMPARE(account.json().value(QStringLiteral("balance")).toString(), QStringLiteral("1250"));
    RawDb raw(m_url);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM transactions WHERE idempotency_key = 'k-1'")),
             qint64(1));
}

void TestWalletdAdmin::adminListsAndReads() {
    QList<qint64> ids;
    for (int i = 0; i < 5; ++i) {
        ids << createPlayer(QStringLiteral("p%1").arg(i));
        deposit(ids.last(), qint64(100) * (i + 1), QByteArray("d") + QByteArray::number(i));
    }
    const QString vera = m_http.login(*m_walletd, QStringLiteral("vera"));
    // Sorted by balance, descending, two at a time: keyset continuation from the last row.
    const Reply page1 = m_http.get(
        m_walletd->url(QStringLiteral("/admin/v1/accounts?currency=USD&sort=balance&desc=1&limit=2")), vera);
    QCOMPARE(page1.status, 200);
    const QJsonArray a1 = page1.json().value(QStringLiteral("accounts")).toArray();
    QCOMPARE(a1.size(), 2);
    QCOMPARE(a1.at(0).toObject().value(QStringLiteral("balance")).toString(), QStringLiteral("500"));
    QCOMPARE(a1.at(1).toObject().value(QStringLiteral("balance")).toString(), QStringLiteral("400"));
    const Reply page2 = m_http.get(
        m_walletd->url(
            QStringLiteral("/admin/v1/accounts?currency=USD&sort=balance&desc=1&limit=2&offset=2&after_id="
                           "%1&after_value=400")
                .arg(a1.at(1).toObject().value(QStringLiteral("id")).toInteger())),
        vera);
    QCOMPARE(page2.json().value(QStringLiteral("offset")).toInteger(), 2);
    QCOMPARE(page2.json()
                 .value(QStringLiteral("accounts"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("balance")),
             QJsonValue(QStringLiteral("300")));
    const Reply search = m_http.get(m_walletd->url(QStringLiteral("/admin/v1/accounts?search=p3")), vera);
    QCOMPARE(search.json().value(QStringLiteral("accounts")).toArray().size(), 1);
    const Reply count = m_http.get(
        m_walletd->url(QStringLiteral("/admin/v1/accounts/count?min_balance=250&currency=USD")), vera);
    QCOMPARE(count.json().value(QStringLiteral("count")).toInteger(), 3);

    const Reply history =
        m_http.get(m_walletd->url(QStringLiteral("/admin/v1/accounts/%1/history").arg(ids.at(2))), vera);
    QCOMPARE(history.json().value(QStringLiteral("entries")).toArray().size(), 1);
    QCOMPARE(history.json()
                 .value(QStringLiteral("entries"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("amount")),
             QJsonValue(QStringLiteral("300")));
    const Reply series =
        m_http.get(m_walletd->url(QStringLiteral("/admin/v1/accounts/%1/balances").arg(ids.at(2))), vera);
    QCOMPARE(series.json()
                 .value(QStringLiteral("points"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("closing")),
             QJsonValue(QStringLiteral("300")));
    const Reply journal =
        m_http.get(m_walletd->url(QStringLiteral("/admin/v1/journal?kind=deposit&limit=3")), vera);
    QCOMPARE(journal.json().value(QStringLiteral("lines")).toArray().size(), 3);
    const Reply currencies = m_http.get(m_walletd->url(QStringLiteral("/admin/v1/currencies")), vera);
    QCOMPARE(currencies.json().value(QStringLiteral("currencies")).toArray().size(), 2);
    const Reply t1 = m_http.get(m_walletd->url(QStringLiteral("/admin/v1/changes")), vera);
    deposit(ids.at(0), 1, "more");
    const Reply t2 = m_http.get(m_walletd->url(QStringLiteral("/admin/v1/changes")), vera);
    QVERIFY(t2.json().value(QStringLiteral("token")).toString().toLongLong() >
            t1.json().value(QStringLiteral("token")).toString().toLongLong());
    const Reply tx = m_http.get(m_walletd->url(QStringLiteral("/admin/v1/transactions/%1")
                                                   .arg(history.json()
                                                            .value(QStringLiteral("entries"))
                                                            .toArray()
                                                            .at(0)
                                                            .toObject()
                                                            .value(QStringLiteral("transaction_id"))
                                                            .toInteger())),
                                vera);
    QCOMPARE(tx.status, 200);
    QCOMPARE(tx.json().value(QStringLiteral("entries")).toArray().size(), 2);
    const Reply ops = m_http.get(m_walletd->url(QStringLiteral("/admin/v1/operators")), m_root);
    QCOMPARE(ops.json().value(QStringLiteral("operators")).toArray().size(), 5);
}

void TestWalletdAdmin::makerCheckerAndReversalOverHttp() {
    const qint64 acc = createPlayer(QStringLiteral("9"));
    const QString sam = m_http.login(*m_walletd, QStringLiteral("sam"));
    const QString sue = m_http.login(*m_walletd, QStringLiteral("sue"));
    const Reply big = m_http.post(
        m_walletd->url(QStringLiteral("/admin/v1/postings")),
        QStringLiteral(R"({"kind":"deposit","account":%1,"amount":"20000"})").arg(acc).toUtf8(), sam, "big");
    QCOMPARE(big.status, 202);
    const qint64 approval = big.json().value(QStringLiteral("approval_id")).toInteger();
    QVERIFY(approval > 0);
    const Reply pending = m_http.get(m_walletd->url(QStringLiteral("/admin/v1/approvals")), sue);
    QCOMPARE(pending.json().value(QStringLiteral("approvals")).toArray().size(), 1);
    const Reply self =
        m_http.post(m_walletd->url(QStringLiteral("/admin/v1/approvals/%1/approve").arg(approval)),
                    R"({"comment":"mine"})", sam);
    QCOMPARE(self.status, 403);
    const Reply ok =
        m_http.post(m_walletd->url(QStringLiteral("/admin/v1/approvals/%1/approve").arg(approval)),
                    R"({"comment":"fine"})", sue);
    QCOMPARE(ok.status, 200);
    const qint64 tx = ok.json().value(QStringLiteral("transaction_id")).toInteger();
    const Reply rev = m_http.post(m_walletd->url(QStringLiteral("/admin/v1/transactions/%1/reverse").arg(tx)),
                                  R"({"reason":"entered twice"})", sue, "rev-1");
    QCOMPARE(rev.status, 200);
    const Reply twice =
        m_http.post(m_walletd->url(QStringLiteral("/admin/v1/transactions/%1/reverse").arg(tx)),
                    R"({"reason":"entered twice"})", sue, "rev-2");
    QCOMPARE(twice.status, 409);
    QCOMPARE(twice.code(), QStringLiteral("already_reversed"));
    const Reply freeze = m_http.post(m_walletd->url(QStringLiteral("/admin/v1/accounts/%1/freeze").arg(acc)),
                                     R"({"reason":"fraud"})", sue);
    QCOMPARE(freeze.status, 200);
    QCOMPARE(freeze.json().value(QStringLiteral("state")).toString(), QStringLiteral("frozen"));
    const Reply close = m_http.post(m_walletd->url(QStringLiteral("/admin/v1/accounts/%1/close").arg(acc)),
                                    R"({"reason":"done"})", sue);
    QCOMPARE(close.status, 200);
    QCOMPARE(close.json().value(QStringLiteral("state")).toString(), QStringLiteral("closed"));
}

void TestWalletdAdmin::dryRunsAnswerWhatWouldHappenAndWriteNothing() {
    const qint64 acc = createPlayer(QStringLiteral("10"));
    deposit(acc, 1250, "seed");
    const QString sam = m_http.login(*m_walletd, QStringLiteral("sam")); // support, limit 100.00
    const QString sue = m_http.login(*m_walletd, QStringLiteral("sue"));
    const QString vera = m_http.login(*m_walletd, QStringLiteral("vera"));
    RawDb raw(m_url);
    auto written = [&raw] {
        return QStringLiteral("%1 %2 %3 %4")
            .arg(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM transactions")))
            // walletd's own records of denied access (the 401 and 403 below) are not the dry runs'
            .arg(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action <> 'access'")))
            .arg(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM approvals")))
            .arg(raw.scalar(QStringLiteral("SELECT COALESCE(SUM(last_id), 0) FROM chain_heads WHERE chain = "
                                           "'journal'")));
    };
    QUrl postings = m_walletd->url(QStringLiteral("/admin/v1/postings"));
    postings.setQuery(QStringLiteral("dry_run=true"));
    const QByteArray withdraw =
        QStringLiteral(R"({"kind":"withdrawal","account":%1,"amount":"500"})").arg(acc).toUtf8();
    const QString before = written();

    const Reply dry = m_http.post(postings, withdraw, sam, "w-1");
    QCOMPARE(dry.status, 200);
    QCOMPARE(dry.json().value(QStringLiteral("dry_run")).toBool(), true);
    QCOMPARE(dry.json().value(QStringLiteral("status")).toString(), QStringLiteral("posted"));
    QCOMPARE(dry.json().value(QStringLiteral("transaction_id")).toInteger(), 0);
    bool sawAccount = false;
    const QJsonArray entries = dry.json().value(QStringLiteral("entries")).toArray();
    for (const auto &e : entries)
        if (e.toObject().value(QStringLiteral("account_id")).toInteger() == acc) {
            sawAccount = true;
            QCOMPARE(e.toObject().value(QStringLiteral("balance_after")).toString(), QStringLiteral("750"));
        }
    QVERIFY2(sawAccount, dry.body.constData());
    // The ledger's refusal, as the real posting would get it; above the limit: would await approval (200,
    // since nothing is held for later).
    const Reply poor = m_http.post(
        postings, QStringLiteral(R"({"kind":"withdrawal","account":%1,"amount":"9999"})").arg(acc).toUtf8(),
        sue, "w-2");
    QCOMPARE(poor.status, 422);
    QCOMPARE(poor.code(), QStringLiteral("insufficient_funds"));
    const Reply big = m_http.post(
        postings, QStringLiteral(R"({"kind":"deposit","account":%1,"amount":"20000"})").arg(acc).toUtf8(),
        sam, "w-3");
    QCOMPARE(big.status, 200);
    QCOMPARE(big.json().value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
    QCOMPARE(big.json().value(QStringLiteral("approval_id")).toInteger(), 0);
    // Roles first: no token 401, a viewer 403; then the parameter itself.
    QCOMPARE(m_http.post(postings, withdraw, QString(), "w-4").status, 401);
    QCOMPARE(m_http.post(postings, withdraw, vera, "w-4").status, 403);
    QUrl bad = postings;
    bad.setQuery(QStringLiteral("dry_run=perhaps"));
    const Reply badFlag = m_http.post(bad, withdraw, sam, "w-5");
    QCOMPARE(badFlag.status, 400);
    QCOMPARE(badFlag.error(), QStringLiteral("dry_run: give true or false"));
    QCOMPARE(written(), before);

    // Reversal and approval decisions rehearse too.
    const Reply real =
        m_http.post(m_walletd->url(QStringLiteral("/admin/v1/postings")), withdraw, sam, "w-1");
    QCOMPARE(real.status, 200);
    const qint64 tx = real.json().value(QStringLiteral("transaction_id")).toInteger();
    const Reply pending = m_http.post(
        m_walletd->url(QStringLiteral("/admin/v1/postings")),
        QStringLiteral(R"({"kind":"deposit","account":%1,"amount":"20000"})").arg(acc).toUtf8(), sam, "w-3");
    QCOMPARE(pending.status, 202);
    const qint64 approval = pending.json().value(QStringLiteral("approval_id")).toInteger();
    const QString afterReal = written();
    QUrl reverse = m_walletd->url(QStringLiteral("/admin/v1/transactions/%1/reverse").arg(tx));
    reverse.setQuery(QStringLiteral("dry_run=true"));
    const Reply dryRev = m_http.post(reverse, R"({"reason":"wrong player"})", sue, "rev-1");
    QCOMPARE(dryRev.status, 200);
    QCOMPARE(dryRev.json().value(QStringLiteral("dry_run")).toBool(), true);
    QUrl approve = m_walletd->url(QStringLiteral("/admin/v1/approvals/%1/approve").arg(approval));
    approve.setQuery(QStringLiteral("dry_run=1"));
    const Reply dryApprove = m_http.post(approve, R"({"comment":"fine"})", sue);
    QCOMPARE(dryApprove.status, 200);
    QCOMPARE(dryApprove.json().value(QStringLiteral("transaction_id")).toInteger(), 0);
    QCOMPARE(m_http.post(approve, R"({"comment":"mine"})", sam).status, 403);
    QUrl reject = m_walletd->url(QStringLiteral("/admin/v1/approvals/%1/reject").arg(approval));
    reject.setQuery(QStringLiteral("dry_run=true"));
    const Reply dryReject = m_http.post(reject, R"({"comment":"no"})", sue);
    QCOMPARE(dryReject.status, 200);
    QCOMPARE(dryReject.json().value(QStringLiteral("state")).toString(), QStringLiteral("rejected"));
    QCOMPARE(written(), afterReal);
    const Reply stillPending = m_http.get(m_walletd->url(QStringLiteral("/admin/v1/approvals")), sue);
    QCOMPARE(stillPending.json().value(QStringLiteral("approvals")).toArray().size(), 1);
}

void TestWalletdAdmin::batchRouteAnswersEveryPosting() {
    const qint64 acc = createPlayer(QStringLiteral("10"));
    deposit(acc, 1000, "batch-seed");
    const QString sam = m_http.login(*m_walletd, QStringLiteral("sam")); // support
    const QString vera = m_http.login(*m_walletd, QStringLiteral("vera"));
    RawDb raw(m_url);
    const qint64 transactions = raw.scalar(QStringLiteral("SELECT COUNT(*) FROM transactions"));
    QUrl batch = m_walletd->url(QStringLiteral("/admin/v1/postings/batch"));
    batch.setQuery(QStringLiteral("dry_run=true"));
    // The second withdrawal overdraws only because the first spends: each is answered after the ones before.
    const QByteArray body =
        QStringLiteral(
            R"({"postings":[{"kind":"withdrawal","account":%1,"amount":"600","idempotency_key":"b-1"},)"
            R"({"kind":"withdrawal","account":%1,"amount":"600","idempotency_key":"b-2"},)"
            R"({"kind":"deposit","account":999999,"amount":"1","idempotency_key":"b-3"}]})")
            .arg(acc)
            .toUtf8();
    QCOMPARE(m_http.post(batch, body, QString()).status, 401);
    QCOMPARE(m_http.post(batch, body, vera).status, 403);
    const Reply dry = m_http.post(batch, body, sam);
    QCOMPARE(dry.status, 200);
    const QJsonArray results = dry.json().value(QStringLiteral("results")).toArray();
    QCOMPARE(results.size(), 3);
    QCOMPARE(results.at(0).toObject().value(QStringLiteral("dry_run")).toBool(), true);
    QCOMPARE(results.at(0).toObject().value(QStringLiteral("transaction_id")).toInteger(), 0);
    QCOMPARE(results.at(1)
                 .toObject()
                 .value(QStringLiteral("error"))
                 .toObject()
                 .value(QStringLiteral("code"))
                 .toString(),
             QStringLiteral("insufficient_funds"));
    QCOMPARE(results.at(2)
                 .toObject()
                 .value(QStringLiteral("error"))
                 .toObject()
                 .value(QStringLiteral("code"))
                 .toString(),
             QStringLiteral("not_found"));
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM transactions")), transactions);
    // Bad bodies: not the shape, empty, more than 1,000, a posting without its kind.
    QCOMPARE(m_http.post(batch, R"({"rows":[]})", sam).status, 400);
    QCOMPARE(m_http.post(batch, R"({"postings":[]})", sam).status, 400);
    QJsonArray many; // small objects: the count is refused before any is read, within the body limit
    for (int i = 0; i < 1001; ++i)
        many.append(QJsonObject{{QStringLiteral("kind"), QStringLiteral("deposit")}});
    const Reply tooMany = m_http.post(
        batch, QJsonDocument(QJsonObject{{QStringLiteral("postings"), many}}).toJson(QJsonDocument::Compact),
        sam);
    QCOMPARE(tooMany.status, 400);
    QVERIFY2(tooMany.error().contains(u"1 to 1000"), qPrintable(tooMany.error()));
    const Reply noKind =
        m_http.post(batch,
                    QStringLiteral(R"({"postings":[{"account":%1,"amount":"1","idempotency_key":"x"}]})")
                        .arg(acc)
                        .toUtf8(),
                    sam);
    QCOMPARE(noKind.status, 400);
    QVERIFY2(noKind.error().contains(u"postings[0]"), qPrintable(noKind.error()));
    // Without dry_run the postings are written, each once.
    const Reply real = m_http.post(m_walletd->url(QStringLiteral("/admin/v1/postings/batch")), body, sam);
    QCOMPARE(real.status, 200);
    QVERIFY(real.json()
                .value(QStringLiteral("results"))
                .toArray()
                .at(0)
                .toObject()
                .value(QStringLiteral("transaction_id"))
                .toInteger() > 0);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM transactions")), transactions + 1);
}

void TestWalletdAdmin::verificationRunsInTheBackground() {
    const qint64 acc = createPlayer(QStringLiteral("8"));
    const QString sue = m_http.login(*m_walletd, QStringLiteral("sue"));
    QCOMPARE(m_http
                 .post(m_walletd->url(QStringLiteral("/admin/v1/postings")),
                       QStringLiteral(R"({"kind":"deposit","account":%1,"amount":"250"})").arg(acc).toUtf8(),
                       sue, "bg-verify-1")
                 .status,
             200);
    const auto bearer = [](const QString &token) {
        return QList<std::pair<QByteArray, QByteArray>>{{"Authorization", "Bearer " + token.toLatin1()}};
    };
    const QUrl jobs = m_walletd->url(QStringLiteral("/admin/v1/verify-jobs"));

    // Supervisors only, like the ledger's verify.
    const QString vera = m_http.login(*m_walletd, QStringLiteral("vera"));
    const Reply denied = m_http.post(jobs, {}, vera);
    QCOMPARE(denied.status, 403);
    QCOMPARE(denied.error(),
             QStringLiteral("verifying the ledger needs the supervisor role; vera is viewer"));

    // Started: 202 with an id; followed until done, with the report and the entries counted.
    const Reply started = m_http.post(jobs, {}, sue);
    QCOMPARE(started.status, 202);
    const QString id = started.json().value(QStringLiteral("id")).toString();
    QCOMPARE(id.size(), 16);
    const QUrl job = m_walletd->url(QStringLiteral("/admin/v1/verify-jobs/") + id);
    Reply state;
    QTRY_VERIFY_WITH_TIMEOUT((state = m_http.get(job, sue),
                              state.json().value(QStringLiteral("state")) != QStringLiteral("running")),
                             10000);
    QCOMPARE(state.status, 200);
    QVERIFY2(state.json().value(QStringLiteral("state")).toString() == u"done", state.body.constData());
    const QJsonObject report = state.json().value(QStringLiteral("report")).toObject();
    QCOMPARE(report.value(QStringLiteral("ok")).toBool(), true);
    const qint64 entries = RawDb(m_url).scalar(QStringLiteral("SELECT COUNT(*) FROM entries"));
    QVERIFY(entries >= 2);
    QCOMPARE(report.value(QStringLiteral("entries")).toInteger(), entries);
    QCOMPARE(state.json().value(QStringLiteral("checked")).toInteger(), entries);
    QCOMPARE(state.json().value(QStringLiteral("total")).toInteger(), entries);
    // The same report as the synchronous route.
    const Reply direct = m_http.post(m_walletd->url(QStringLiteral("/admin/v1/verify")), {}, sue);
    QCOMPARE(direct.json().value(QStringLiteral("digest")), report.value(QStringLiteral("digest")));

    // Another operator, even an admin, is told the job does not exist; so is an id that never was.
    QCOMPARE(m_http.get(job, m_root).status, 404);
    const Reply unknown =
        m_http.get(m_walletd->url(QStringLiteral("/admin/v1/verify-jobs/0123456789abcdef")), sue);
    QCOMPARE(unknown.status, 404);
    QCOMPARE(unknown.error(), QStringLiteral("no verification 0123456789abcdef"));
    QCOMPARE(m_http.request("DELETE", job, {}, bearer(m_root)).status, 404);

    // Canceled (here after it finished): answered, then forgotten; both ends are audited.
    const Reply canceled = m_http.request("DELETE", job, {}, bearer(sue));
    QCOMPARE(canceled.status, 200);
    QCOMPARE(canceled.json().value(QStringLiteral("id")).toString(), id);
    QCOMPARE(m_http.get(job, sue).status, 404);
    RawDb raw(m_url);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE operator = 'sue' AND action = "
                                       "'verify' AND target = ? AND detail IN ('started', 'canceled')"),
                        {QStringLiteral("verify-job:") + id}),
             qint64(2));
}

void TestWalletdAdmin::badPostingBodyIs400NamingTheField_data() {
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("message");
    QTest::newRow("malformed") << QByteArray("{")
                               << QStringLiteral(
                                      "malformed JSON at byte 1: expected a member name in quotes");
    QTest::newRow("not an object") << QByteArray("[]")
                                   << QStringLiteral("the request body must be a JSON object");
    QTest::newRow("empty") << QByteArray("")
                           << QStringLiteral("the request body is empty; a JSON object is expected");
    QTest::newRow("no account") << QByteArray(R"({"kind":"deposit","amount":"1"})")
                                << QStringLiteral("account is required");
    QTest::newRow("account not a number")
        << QByteArray(R"({"kind":"deposit","account":"x","amount":"1"})")
        << QStringLiteral("account must be a whole number in the 64-bit range, not \"x\"");
    QTest::newRow("amount a JSON number")
        << QByteArray(R"({"kind":"deposit","account":1,"amount":1.5})")
        << QStringLiteral("amount must be a whole number in the 64-bit range, not \"1.5\"");
    QTest::newRow("amount beyond 64 bits")
        << QByteArray(R"({"kind":"deposit","account":1,"amount":"99999999999999999999"})")
        << QStringLiteral("amount must be a whole number in the 64-bit range, not \"99999999999999999999\"");
    QTest::newRow("kind a number") << QByteArray(R"({"kind":7,"account":1,"amount":"1"})")
                                   << QStringLiteral("kind must be a string, not a number");
    QTest::newRow("unknown kind")
        << QByteArray(R"({"kind":"gift","account":1,"amount":"1"})")
        << QStringLiteral(
               "kind \"gift\" is not one of deposit, withdrawal, adjustment, transfer, purchase, win, "
               "charge, bonus");
    QTest::newRow("memo an array") << QByteArray(R"({"kind":"deposit","account":1,"amount":"1","memo":[]})")
                                   << QStringLiteral("memo must be a string, not an array");
    QTest::newRow("duplicate member")
        << QByteArray(R"({"kind":"deposit","kind":"deposit"})")
        << QStringLiteral("malformed JSON at byte 24: member \"kind\" appears twice");
    QTest::newRow("nested too deep") << QByteArray(40, '[') + QByteArray(40, ']')
                                     << QStringLiteral(
                                            "malformed JSON at byte 17: nested deeper than 16 levels");
    QTest::newRow("invalid UTF-8") << QByteArray("{\"memo\":\"\xff\"}")
                                   << QStringLiteral(
                                          "malformed JSON at byte 11: a string is not valid UTF-8");
}

void TestWalletdAdmin::badPostingBodyIs400NamingTheField() {
    QFETCH(QByteArray, body);
    QFETCH(QString, message);
    createPlayer(QStringLiteral("11"));
    const Reply r = m_http.post(m_walletd->url(QStringLiteral("/admin/v1/postings")), body, m_root, "bad");
    QCOMPARE(r.status, 400);
    QCOMPARE(r.code(), QStringLiteral("invalid_argument"));
    QCOMPARE(r.error(), message);
    QCOMPARE(RawDb(m_url).scalar(QStringLiteral("SELECT COUNT(*) FROM entries")), qint64(0));
}

void TestWalletdAdmin::badAccountQueryIs400_data() {
    QTest::addColumn<QString>("query");
    QTest::newRow("limit 0") << QStringLiteral("limit=0");
    QTest::newRow("unknown sort") << QStringLiteral("sort=nope");
    QTest::newRow("after_id without after_value") << QStringLiteral("after_id=3");
}

void TestWalletdAdmin::badAccountQueryIs400() {
    QFETCH(QString, query);
    const Reply r = m_http.get(m_walletd->url(QStringLiteral("/admin/v1/accounts?") + query), m_root);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.code(), QStringLiteral("invalid_argument"));
}

void TestWalletdAdmin::whatIsNotARouteIs404_data() {
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("signedIn");
    QTest::newRow("unknown path") << QByteArray("GET") << QStringLiteral("/admin/v1/nothing") << true;
    QTest::newRow("id not a number") << QByteArray("GET") << QStringLiteral("/admin/v1/accounts/abc") << true;
    QTest::newRow("id not positive") << QByteArray("GET") << QStringLiteral("/admin/v1/accounts/-1") << true;
    QTest::newRow("no job id") << QByteArray("GET") << QStringLiteral("/admin/v1/verify-jobs/") << true;
    // A method the path does not take: 404 as for any other request that is no route, before the token.
    QTest::newRow("DELETE accounts") << QByteArray("DELETE") << QStringLiteral("/admin/v1/accounts") << false;
    QTest::newRow("POST history") << QByteArray("POST") << QStringLiteral("/admin/v1/accounts/1/history")
                                  << true;
}

void TestWalletdAdmin::whatIsNotARouteIs404() {
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(bool, signedIn);
    QList<std::pair<QByteArray, QByteArray>> headers;
    if (signedIn)
        headers.append({"Authorization", "Bearer " + m_root.toLatin1()});
    const Reply r = m_http.request(method, m_walletd->url(path), {}, headers);
    QCOMPARE(r.status, 404);
    QCOMPARE(r.code(), QStringLiteral("not_found"));
    QCOMPARE(r.error(), QStringLiteral("no route %1 %2").arg(QString::fromLatin1(method), path));
    // Nothing was started: not even a verification for the job route without an id.
    QCOMPARE(RawDb(m_url).scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'verify'")),
             qint64(0));
}

QTEST_GUILESS_MAIN(TestWalletdAdmin)
#include "tst_walletd_admin.moc"
