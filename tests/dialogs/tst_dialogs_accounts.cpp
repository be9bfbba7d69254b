// The account dialogs, driven as a support agent would: freeze, unfreeze and close an account, and create a
// new one; checked against what the ledger then holds (SQLite or PostgreSQL).

#include "accountstatedialog.h"
#include "dialogfixture.h"
#include "ledgerreader.h"
#include "ledgerservice.h"
#include "localledgerclient.h"
#include "newaccountdialog.h"
#include "testsupport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QtTest>

using WalletDeskTest::await;

using namespace DialogTest;

class TestDialogsAccounts : public DialogFixture {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { setUpCase(); }
    void init() { setUpTest(); }
    void cleanup() { tearDownTest(); }

    void freezeUnfreezeAndClose();
    void newAccountValidatesAndAppears();
};

// --- account state

void TestDialogsAccounts::freezeUnfreezeAndClose() {
    {
        AccountStateDialog dialog(as(Sam), account(m_ann), AccountState::Frozen);
        show(&dialog);
        QVERIFY(settle(&dialog));
        QTest::keyClicks(child<QLineEdit>(&dialog, "reasonEdit"), QStringLiteral("fraud"));
        QVERIFY(!okButton(&dialog)->isEnabled());
        QVERIFY(okButton(&dialog)->toolTip().contains(u"supervisor role"));
    }
    {
        AccountStateDialog dialog(as(Sue), account(m_ann), AccountState::Frozen);
        QSignalSpy changed(&dialog, &AccountStateDialog::stateChanged);
        show(&dialog);
        QVERIFY(settle(&dialog));
        QVERIFY(!okButton(&dialog)->isEnabled());
        QVERIFY(dialog.inputProblemText().startsWith(u"Reason"));
        QTest::keyClicks(child<QLineEdit>(&dialog, "reasonEdit"), QStringLiteral("fraud check SUP-3"));
        screenshot(&dialog, QStringLiteral("freeze"));
        click(okButton(&dialog));
        QVERIFY(settle(&dialog));
        QVERIFY2(dialog.resultText().contains(u"now frozen"), qPrintable(dialog.errorText()));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(account(m_ann).state, AccountState::Frozen);
    }
    {
        AccountStateDialog dialog(as(Sue), account(m_ann), AccountState::Active);
        show(&dialog);
        QVERIFY(settle(&dialog));
        QTest::keyClicks(child<QLineEdit>(&dialog, "reasonEdit"), QStringLiteral("cleared"));
        click(okButton(&dialog));
        QVERIFY(settle(&dialog));
        QVERIFY2(dialog.resultText().contains(u"now active"), qPrintable(dialog.errorText()));
        QCOMPARE(account(m_ann).state, AccountState::Active);
    }
    {
        // Ann holds 500.00: closing is refused before anything is sent, and says why.
        AccountStateDialog dialog(as(Sue), account(m_ann), AccountState::Closed);
        show(&dialog);
        QVERIFY(settle(&dialog));
        QVERIFY(label(&dialog, "explanationLabel").contains(u"final"));
        QVERIFY2(label(&dialog, "noticeLabel").contains(u"only an empty account can be closed"),
                 qPrintable(label(&dialog, "noticeLabel")));
        QTest::keyClicks(child<QLineEdit>(&dialog, "reasonEdit"), QStringLiteral("player left"));
        QVERIFY(!okButton(&dialog)->isEnabled());
        screenshot(&dialog, QStringLiteral("close-not-empty"));
    }
    {
        AccountStateDialog dialog(as(Sue), account(m_ben), AccountState::Closed);
        show(&dialog);
        QVERIFY(settle(&dialog));
        QTest::keyClicks(child<QLineEdit>(&dialog, "reasonEdit"), QStringLiteral("player left the game"));
        click(okButton(&dialog));
        QVERIFY(child<QLabel>(&dialog, "confirmLabel")->text().contains(u"final"));
        QCOMPARE(account(m_ben).state, AccountState::Active);
        QTRY_VERIFY(okButton(&dialog)->isEnabled());
        screenshot(&dialog, QStringLiteral("close-confirm"));
        click(okButton(&dialog));
        QVERIFY(settle(&dialog));
        QVERIFY2(dialog.resultText().contains(u"now closed"), qPrintable(dialog.errorText()));
        QCOMPARE(account(m_ben).state, AccountState::Closed);
    }
}

// --- new account

void TestDialogsAccounts::newAccountValidatesAndAppears() {
    NewAccountDialog dialog(as(Sam));
    QSignalSpy created(&dialog, &NewAccountDialog::created);
    show(&dialog);
    QVERIFY(settle(&dialog));
    auto *currency = child<QComboBox>(&dialog, "currencyCombo");
    QCOMPARE(currency->count(), 2);
    QVERIFY(!child<QCheckBox>(&dialog, "allowNegativeCheck")->isEnabled()); // support may not
    QVERIFY(!okButton(&dialog)->isEnabled());
    QVERIFY(dialog.inputProblemText().startsWith(u"Player reference"));
    currency->setCurrentIndex(currency->findData(QStringLiteral("GOLD")));
    QTest::keyClicks(child<QLineEdit>(&dialog, "playerRefEdit"), QStringLiteral("   "));
    QVERIFY(!okButton(&dialog)->isEnabled()); // blanks are not a reference
    QTest::keyClicks(child<QLineEdit>(&dialog, "playerRefEdit"), QStringLiteral("2001"));
    QTest::keyClicks(child<QLineEdit>(&dialog, "nameEdit"), QStringLiteral("Cleo"));
    QVERIFY(okButton(&dialog)->isEnabled());
    screenshot(&dialog, QStringLiteral("new-account"));
    click(okButton(&dialog));
    QVERIFY(settle(&dialog));
    QVERIFY2(dialog.resultText().contains(u"created for player 2001 in GOLD"),
             qPrintable(dialog.errorText()));
    QCOMPARE(created.size(), 1);
    const QList<Account> cleo =
        ok(m_ledger->run([](LedgerStore &s) { return s.accountsOfPlayer(QStringLiteral("2001")); }));
    QCOMPARE(cleo.size(), 1);
    QCOMPARE(cleo.first().currency, QStringLiteral("GOLD"));
    QCOMPARE(cleo.first().name, QStringLiteral("Cleo"));
    QCOMPARE(cleo.first().allowNegative, false);

    // The same player and currency again: the ledger refuses, the dialog says so in plain words.
    NewAccountDialog again(as(Sue));
    show(&again);
    QVERIFY(settle(&again));
    QVERIFY(child<QCheckBox>(&again, "allowNegativeCheck")->isEnabled()); // a supervisor may
    auto *againCurrency = child<QComboBox>(&again, "currencyCombo");
    againCurrency->setCurrentIndex(againCurrency->findData(QStringLiteral("GOLD")));
    QTest::keyClicks(child<QLineEdit>(&again, "playerRefEdit"), QStringLiteral("2001"));
    click(okButton(&again));
    QVERIFY(settle(&again));
    QVERIFY2(again.errorText().contains(u"already has a GOLD account"), qPrintable(again.errorText()));
    QCOMPARE(
        ok(m_ledger->run([](LedgerStore &s) { return s.accountsOfPlayer(QStringLiteral("2001")); })).size(),
        1);
}

QTEST_MAIN(TestDialogsAccounts)
#include "tst_dialogs_accounts.moc"
