// ConnectionDialog driven as a person would: typing, choosing the kind with the keyboard, pressing Connect;
// bad fields are named beside them and nothing is accepted; a good profile is saved without its password.
// Registered three times (CMakeLists.txt): plainly, and through keychain-session.sh with and without a
// keychain, which the remember-password tests need. Screenshots go to $WALLETDESK_SCREENSHOT_DIR when set.

#include "connectiondialog.h"
#include "profilestore.h"
#include "secretstore.h"
#include "testsupport.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>

using WalletDeskTest::await;
using Kind = ConnectionProfile::Kind;

class TstConnectionDialog : public QObject {
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ProfileStore> m_store;

    template <typename T> static T *child(const QWidget &dialog, const char *name) {
        T *w = dialog.findChild<T *>(QLatin1StringView(name));
        if (!w)
            qFatal("no child %s", name);
        return w;
    }
    static QLineEdit *edit(const QWidget &d, const char *name) { return child<QLineEdit>(d, name); }
    static QLabel *errorOf(const QWidget &d, const char *editName) {
        return child<QLabel>(d, (QByteArray(editName) + "Error").constData());
    }

    /// Replaces a field's text the way a person does: select all, type over it.
    static void retype(QLineEdit *e, const QString &text) {
        e->setFocus();
        e->selectAll();
        if (text.isEmpty())
            QTest::keyClick(e, Qt::Key_Delete);
        else
            QTest::keyClicks(e, text);
    }
    /// Moves the kind selector with the arrow keys to `kind`.
    static void chooseKind(const QWidget &d, Kind kind) {
        auto *combo = child<QComboBox>(d, "kindCombo");
        combo->setFocus();
        while (combo->currentData().toInt() < int(kind))
            QTest::keyClick(combo, Qt::Key_Down);
        while (combo->currentData().toInt() > int(kind))
            QTest::keyClick(combo, Qt::Key_Up);
    }
    static void pressConnect(QWidget &d) {
        QTest::mouseClick(child<QPushButton>(d, "connectButton"), Qt::LeftButton);
    }

    static void screenshot(QWidget &d, const QString &name) {
        const QString dir = qEnvironmentVariable("WALLETDESK_SCREENSHOT_DIR");
        if (dir.isEmpty())
            return;
        QDir().mkpath(dir);
        QTest::qWait(50); // layout requests cascade through the nested boxes, one event loop turn each
        const QString file = QDir(dir).filePath(QStringLiteral("connectiondialog-%1.png").arg(name));
        QVERIFY2(d.grab().save(file), qPrintable(file));
        qInfo("screenshot: %s", qPrintable(file));
    }

    QByteArray settingsBytes() {
        m_settings->sync();
        QFile f(m_settings->fileName());
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return f.readAll();
    }

    QString keychainMode() const { return qEnvironmentVariable("WALLETDESK_TEST_KEYCHAIN"); }

private Q_SLOTS:
    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("walletdesk.ini")),
                                                 QSettings::IniFormat);
        m_store = std::make_unique<ProfileStore>(m_settings.get());
        qputenv("USER", "agent-smith");
    }

    void cleanup() {
        m_store.reset();
        m_settings.reset();
        m_dir.reset();
    }

    void emptyPathIsRefused() {
        ConnectionDialog d(m_store.get(), nullptr);
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        // First start of the dialog with nothing saved: a new SQLite profile for the login.
        QCOMPARE(edit(d, "operatorEdit")->text(), QStringLiteral("agent-smith"));
        retype(edit(d, "nameEdit"), QStringLiteral("My ledger"));
        pressConnect(d);
        QVERIFY(d.isVisible());
        QCOMPARE(d.result(), int(QDialog::Rejected));
        QVERIFY(errorOf(d, "pathEdit")->isVisible());
        QCOMPARE(errorOf(d, "pathEdit")->text(),
                 QStringLiteral("Choose a ledger file, or type the path of a new one."));
        QVERIFY(edit(d, "pathEdit")->hasFocus());
        QVERIFY(m_store->profiles().isEmpty());
        screenshot(d, QStringLiteral("empty-path"));

        // A new file in a folder that does not exist cannot be created: said before connecting.
        retype(edit(d, "pathEdit"), m_dir->filePath(QStringLiteral("missing/ledger.sqlite")));
        pressConnect(d);
        QVERIFY(d.isVisible());
        QVERIFY2(errorOf(d, "pathEdit")->text().startsWith(u"The folder"),
                 qPrintable(errorOf(d, "pathEdit")->text()));
    }

    void invalidPortIsRefused() {
        ConnectionDialog d(m_store.get(), nullptr);
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        retype(edit(d, "nameEdit"), QStringLiteral("Live EU"));
        chooseKind(d, Kind::Postgres);
        QVERIFY(edit(d, "portEdit")->isVisible());
        QVERIFY(!edit(d, "pathEdit")->isVisible());
        retype(edit(d, "hostEdit"), QStringLiteral("db.example.com"));
        retype(edit(d, "portEdit"), QStringLiteral("99999"));
        retype(edit(d, "databaseEdit"), QStringLiteral("wallets"));
        retype(edit(d, "userEdit"), QStringLiteral("support"));
        retype(edit(d, "passwordEdit"), QStringLiteral("pw"));
        QTest::keyClick(edit(d, "passwordEdit"), Qt::Key_Return); // Enter presses Connect, the default button
        QVERIFY(d.isVisible());
        QVERIFY(errorOf(d, "portEdit")->isVisible());
        QCOMPARE(errorOf(d, "portEdit")->text(),
                 QStringLiteral("The port must be a number from 1 to 65535."));
        QVERIFY(edit(d, "portEdit")->hasFocus());
        QVERIFY(!errorOf(d, "hostEdit")->isVisible());
        screenshot(d, QStringLiteral("bad-port"));

        retype(edit(d, "portEdit"), QStringLiteral("54x2"));
        pressConnect(d);
        QVERIFY(d.isVisible());
        QVERIFY(errorOf(d, "portEdit")->isVisible());
        QVERIFY(m_store->profiles().isEmpty());
    }

    void malformedUrlIsRefused() {
        ConnectionDialog d(m_store.get(), nullptr);
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        chooseKind(d, Kind::Walletd);
        QVERIFY(edit(d, "urlEdit")->isVisible());
        QVERIFY(!edit(d, "hostEdit")->isVisible());
        retype(edit(d, "urlEdit"), QStringLiteral("walletd.example.com:8443"));
        retype(edit(d, "operatorEdit"), {});
        pressConnect(d);
        QVERIFY(d.isVisible());
        QVERIFY(errorOf(d, "urlEdit")->text().contains(u"https://walletd.example.com:8443"));
        QCOMPARE(errorOf(d, "operatorEdit")->text(), QStringLiteral("Enter your walletd login name."));
        QVERIFY(edit(d, "urlEdit")->hasFocus()); // the first bad field
        screenshot(d, QStringLiteral("bad-url"));
    }

    void validSqliteProfileIsAccepted() {
        const QString path = m_dir->filePath(QStringLiteral("team.sqlite"));
        ConnectionDialog d(m_store.get(), nullptr);
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        retype(edit(d, "nameEdit"), QStringLiteral("Team file"));
        retype(edit(d, "pathEdit"), path);
        // The file does not exist: the dialog says a new ledger will be made.
        QVERIFY(child<QLabel>(d, "pathHint")->isVisible());
        QVERIFY(child<QLabel>(d, "pathHint")->text().contains(u"new, empty ledger"));
        QVERIFY(!edit(d, "passwordEdit")->isVisible());
        screenshot(d, QStringLiteral("new-sqlite"));
        pressConnect(d);
        QCOMPARE(d.result(), int(QDialog::Accepted));
        QCOMPARE(d.profile().name, QStringLiteral("Team file"));
        QCOMPARE(d.profile().kind, Kind::Sqlite);
        QCOMPARE(d.profile().sqlitePath, path);
        QCOMPARE(d.profile().operatorName, QStringLiteral("agent-smith"));
        QVERIFY(d.secret().isEmpty());
        QVERIFY(!d.rememberSecret());
        QCOMPARE(m_store->profile(QStringLiteral("Team file")),
                 std::optional<ConnectionProfile>(d.profile()));
    }

    void validPostgresProfileKeepsThePasswordOutOfSettings() {
        const QString password = QStringLiteral("Tr1cky-Pa55word");
        ConnectionDialog d(m_store.get(), nullptr);
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        retype(edit(d, "nameEdit"), QStringLiteral("Live EU"));
        chooseKind(d, Kind::Postgres);
        retype(edit(d, "hostEdit"), QStringLiteral("db.example.com"));
        retype(edit(d, "portEdit"), QStringLiteral("6432"));
        retype(edit(d, "databaseEdit"), QStringLiteral("wallets"));
        retype(edit(d, "userEdit"), QStringLiteral("support"));
        retype(edit(d, "operatorEdit"), QStringLiteral("bob"));
        retype(edit(d, "passwordEdit"), password);
        pressConnect(d);
        QCOMPARE(d.result(), int(QDialog::Accepted));
        QCOMPARE(d.profile().pgPort, 6432);
        QCOMPARE(d.profile().operatorName, QStringLiteral("bob"));
        QCOMPARE(d.secret(), password);
        const QByteArray bytes = settingsBytes();
        QVERIFY2(bytes.contains("db.example.com"), bytes.constData());
        QVERIFY2(!bytes.contains(password.toUtf8()), bytes.constData());
    }

    void encryptionIsChosenPerPostgresProfile() {
        ConnectionDialog d(m_store.get(), nullptr);
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        retype(edit(d, "nameEdit"), QStringLiteral("Live US"));
        chooseKind(d, Kind::Postgres);
        auto *mode = d.findChild<QComboBox *>(QStringLiteral("sslModeCombo"));
        QVERIFY(mode && mode->isVisible());
        QVERIFY(edit(d, "sslRootCertEdit")->isVisible());
        QCOMPARE(mode->currentData().toString(), QString()); // automatic unless chosen
        retype(edit(d, "hostEdit"), QStringLiteral("db.example.com"));
        retype(edit(d, "databaseEdit"), QStringLiteral("wallets"));
        retype(edit(d, "userEdit"), QStringLiteral("support"));
        retype(edit(d, "operatorEdit"), QStringLiteral("bob"));
        mode->setCurrentIndex(mode->findData(QStringLiteral("verify-full")));
        retype(edit(d, "sslRootCertEdit"), QStringLiteral("/etc/walletdesk/pg-ca.pem"));
        pressConnect(d);
        QCOMPARE(d.result(), int(QDialog::Accepted));
        QCOMPARE(d.profile().pgOptions,
                 (QMap<QString, QString>{
                     {QStringLiteral("sslmode"), QStringLiteral("verify-full")},
                     {QStringLiteral("sslrootcert"), QStringLiteral("/etc/walletdesk/pg-ca.pem")}}));
        // Saved with the profile, and shown again when it is opened.
        QCOMPARE(m_store->profile(QStringLiteral("Live US"))->pgOptions, d.profile().pgOptions);
        ConnectionDialog again(m_store.get(), nullptr);
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        auto *list = again.findChild<QListWidget *>();
        QVERIFY(list);
        const auto items = list->findItems(QStringLiteral("Live US"), Qt::MatchExactly);
        QCOMPARE(items.size(), 1);
        list->setCurrentItem(items.first());
        QCOMPARE(again.findChild<QComboBox *>(QStringLiteral("sslModeCombo"))->currentData().toString(),
                 QStringLiteral("verify-full"));
        QCOMPARE(edit(again, "sslRootCertEdit")->text(), QStringLiteral("/etc/walletdesk/pg-ca.pem"));
        // The SQLite form has no such fields.
        chooseKind(again, Kind::Sqlite);
        QVERIFY(!again.findChild<QComboBox *>(QStringLiteral("sslModeCombo"))->isVisible());
    }

    /// The keyboard reaches every field of the form: Tab walks it top to bottom, and each label's mnemonic
    /// (Alt plus its underlined letter) puts the cursor in the field beside it, not merely near it.
    void keyboardReachesEveryField() {
        ConnectionDialog d(m_store.get(), nullptr);
        d.show();
        QVERIFY(QTest::qWaitForWindowActive(&d));
        chooseKind(d, Kind::Postgres);
        edit(d, "nameEdit")->setFocus();
        QStringList order{QApplication::focusWidget()->objectName()};
        while (order.size() < 10) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            order << QApplication::focusWidget()->objectName();
        }
        QCOMPARE(order, (QStringList{QStringLiteral("nameEdit"), QStringLiteral("kindCombo"),
                                     QStringLiteral("hostEdit"), QStringLiteral("portEdit"),
                                     QStringLiteral("databaseEdit"), QStringLiteral("userEdit"),
                                     QStringLiteral("sslModeCombo"), QStringLiteral("sslRootCertEdit"),
                                     QStringLiteral("operatorEdit"), QStringLiteral("passwordEdit")}));

        const auto mnemonic = [](Qt::Key key) {
            QTest::keyClick(QApplication::focusWidget(), key, Qt::AltModifier);
            return QApplication::focusWidget() ? QApplication::focusWidget()->objectName() : QString();
        };
        // Alt+N, Alt+D and Alt+O are each shared by two controls (New/name, Delete/Database, Port/operator).
        QCOMPARE(mnemonic(Qt::Key_S), QStringLiteral("hostEdit"));
        QCOMPARE(mnemonic(Qt::Key_U), QStringLiteral("userEdit"));
        QCOMPARE(mnemonic(Qt::Key_E), QStringLiteral("sslModeCombo"));
        QCOMPARE(mnemonic(Qt::Key_A), QStringLiteral("sslRootCertEdit"));
        QCOMPARE(mnemonic(Qt::Key_P), QStringLiteral("passwordEdit"));
        QCOMPARE(mnemonic(Qt::Key_T), QStringLiteral("kindCombo"));
        chooseKind(d, Kind::Walletd);
        QCOMPARE(mnemonic(Qt::Key_A), QStringLiteral("urlEdit"));
        QCOMPARE(mnemonic(Qt::Key_L), QStringLiteral("operatorEdit")); // "&Login:" for walletd
        chooseKind(d, Kind::Sqlite);
        QCOMPARE(mnemonic(Qt::Key_F), QStringLiteral("pathEdit"));
    }

    void savedProfilesAreListedAndEdited() {
        ConnectionProfile a;
        a.name = QStringLiteral("Alpha");
        a.sqlitePath = m_dir->filePath(QStringLiteral("a.sqlite"));
        a.operatorName = QStringLiteral("alice");
        ConnectionProfile b = a;
        b.name = QStringLiteral("Beta");
        b.sqlitePath = m_dir->filePath(QStringLiteral("b.sqlite"));
        m_store->save(a);
        m_store->save(b);
        m_store->setLastUsed(QStringLiteral("Beta"));

        ConnectionDialog d(m_store.get(), nullptr);
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        auto *list = child<QListWidget>(d, "profileList");
        QCOMPARE(list->count(), 2);
        QCOMPARE(list->currentItem()->text(), QStringLiteral("Beta")); // the last used is selected
        QCOMPARE(edit(d, "pathEdit")->text(), b.sqlitePath);
        list->setFocus();
        QTest::keyClick(list, Qt::Key_Up);
        QCOMPARE(edit(d, "nameEdit")->text(), QStringLiteral("Alpha"));
        // Renaming to a name that is taken is refused beside the name.
        retype(edit(d, "nameEdit"), QStringLiteral("Beta"));
        pressConnect(d);
        QVERIFY(d.isVisible());
        QCOMPARE(errorOf(d, "nameEdit")->text(), QStringLiteral("A profile named \"Beta\" exists already."));
        // Renaming to a free name replaces the old entry.
        retype(edit(d, "nameEdit"), QStringLiteral("Alpha 2"));
        pressConnect(d);
        QCOMPARE(d.result(), int(QDialog::Accepted));
        QStringList names;
        for (const ConnectionProfile &p : m_store->profiles())
            names.append(p.name);
        QCOMPARE(names, (QStringList{QStringLiteral("Alpha 2"), QStringLiteral("Beta")}));
    }

    void connectionFailureIsShown() {
        ConnectionProfile a;
        a.name = QStringLiteral("Alpha");
        a.sqlitePath = m_dir->filePath(QStringLiteral("a.sqlite"));
        a.operatorName = QStringLiteral("alice");
        m_store->save(a);
        ConnectionDialog d(m_store.get(), nullptr);
        d.selectProfile(a);
        d.setMessage(QStringLiteral("Could not connect: operator alice is not known to this ledger"));
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        QVERIFY(child<QLabel>(d, "messageLabel")->isVisible());
        screenshot(d, QStringLiteral("connect-failed"));
        // Changing what to connect to clears the stale message.
        retype(edit(d, "operatorEdit"), QStringLiteral("bob"));
        QVERIFY(!child<QLabel>(d, "messageLabel")->isVisible());
    }

    void askingForThePasswordPutsTheCursorThere() {
        // walletdesk --server URL --operator NAME with no saved password: the dialog asks for it, and what
        // the person types at once goes into the password field, not into the profile's name.
        ConnectionProfile p;
        p.name = QStringLiteral("http://127.0.0.1:18090");
        p.kind = Kind::Walletd;
        p.walletdUrl = QStringLiteral("http://127.0.0.1:18090");
        p.operatorName = QStringLiteral("bob");
        ConnectionDialog d(m_store.get(), nullptr);
        d.selectProfile(p);
        d.askForSecret(QStringLiteral("Enter the password to connect."));
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(edit(d, "passwordEdit")));
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("typed at once"));
        QCOMPARE(edit(d, "passwordEdit")->text(), QStringLiteral("typed at once"));
        QCOMPARE(edit(d, "nameEdit")->text(), p.name);
        QVERIFY(child<QLabel>(d, "messageLabel")->isVisible());
        pressConnect(d);
        QCOMPARE(d.result(), int(QDialog::Accepted));
        QCOMPARE(d.secret(), QStringLiteral("typed at once"));
        QVERIFY(!settingsBytes().contains("typed at once"));
    }

    void rememberWithKeychain() {
        if (keychainMode() != u"available")
            QSKIP("needs keychain-session.sh with");
        SecretStore secrets(QStringLiteral("WalletDesk-dialog-test"));
        ConnectionProfile p;
        p.name = QStringLiteral("Live EU");
        p.kind = Kind::Postgres;
        p.pgHost = QStringLiteral("db.example.com");
        p.pgDatabase = QStringLiteral("wallets");
        p.pgUser = QStringLiteral("support");
        p.operatorName = QStringLiteral("bob");
        m_store->save(p);
        m_store->setLastUsed(p.name);
        QCOMPARE(await(secrets.write(p.secretKey(), QStringLiteral("from-the-keychain"))).status,
                 SecretStore::Status::Ok);

        ConnectionDialog d(m_store.get(), &secrets);
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        auto *remember = child<QCheckBox>(d, "rememberCheck");
        QTRY_VERIFY(remember->isEnabled());
        QTRY_VERIFY(remember->isChecked());
        QVERIFY(edit(d, "passwordEdit")->placeholderText().contains(u"keychain"));
        screenshot(d, QStringLiteral("keychain-saved"));
        pressConnect(d); // the password field left empty: the saved one is used
        QCOMPARE(d.result(), int(QDialog::Accepted));
        QCOMPARE(d.secret(), QStringLiteral("from-the-keychain"));
        QVERIFY(d.rememberSecret());
        QVERIFY(!settingsBytes().contains("from-the-keychain"));

        // The saved password goes only to the server it was saved for: pointing the profile elsewhere drops
        // it.
        ConnectionDialog moved(m_store.get(), &secrets);
        moved.show();
        QVERIFY(QTest::qWaitForWindowExposed(&moved));
        QTRY_VERIFY(child<QCheckBox>(moved, "rememberCheck")->isChecked());
        retype(edit(moved, "hostEdit"), QStringLiteral("elsewhere.example.com"));
        pressConnect(moved);
        QCOMPARE(moved.result(), int(QDialog::Accepted));
        QVERIFY(moved.secret().isEmpty());
        await(secrets.remove(p.secretKey()));
    }

    void noKeychainMeansAskEveryTime() {
        if (keychainMode() != u"unavailable")
            QSKIP("needs keychain-session.sh without");
        SecretStore secrets(QStringLiteral("WalletDesk-dialog-test"));
        ConnectionDialog d(m_store.get(), &secrets);
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        chooseKind(d, Kind::Postgres);
        auto *remember = child<QCheckBox>(d, "rememberCheck");
        auto *hint = child<QLabel>(d, "rememberHint");
        QTRY_VERIFY(hint->text().contains(u"No system keychain"));
        QVERIFY(!remember->isEnabled());
        QVERIFY(!remember->isChecked());
        QVERIFY(hint->isVisible());
        retype(edit(d, "hostEdit"), QStringLiteral("db.example.com"));
        retype(edit(d, "databaseEdit"), QStringLiteral("wallets"));
        retype(edit(d, "userEdit"), QStringLiteral("support"));
        retype(edit(d, "passwordEdit"), QStringLiteral("typed-each-time"));
        screenshot(d, QStringLiteral("no-keychain"));
        pressConnect(d);
        QCOMPARE(d.result(), int(QDialog::Accepted));
        QCOMPARE(d.secret(), QStringLiteral("typed-each-time"));
        QVERIFY(!d.rememberSecret());
        QVERIFY(!settingsBytes().contains("typed-each-time"));
    }
};

QTEST_MAIN(TstConnectionDialog)
#include "tst_connectiondialog.moc"
