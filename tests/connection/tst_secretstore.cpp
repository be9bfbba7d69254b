// SecretStore against a real keychain (gnome-keyring in a private D-Bus session) and against none at all.
// Run through keychain-session.sh, which says which through WALLETDESK_TEST_KEYCHAIN.

#include "secretstore.h"
#include "testsupport.h"

#include <QDirIterator>
#include <QFile>
#include <QSignalSpy>
#include <QUuid>
#include <QtTest>

using WalletDeskTest::await;
using Status = SecretStore::Status;

class TstSecretStore : public QObject {
    Q_OBJECT

private:
    bool keychainExpected() const { return qEnvironmentVariable("WALLETDESK_TEST_KEYCHAIN") == u"available"; }

    /// No file under the throw-away home may hold the secret as plain bytes (UTF-8 or UTF-16).
    void assertNowhereInPlaintext(const QString &secret) {
        const QByteArray utf8 = secret.toUtf8();
        const QByteArray utf16(reinterpret_cast<const char *>(secret.utf16()), secret.size() * 2);
        QDirIterator it(QDir::homePath(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        int files = 0;
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(f.fileName()));
            const QByteArray bytes = f.readAll();
            QVERIFY2(!bytes.contains(utf8) && !bytes.contains(utf16),
                     qPrintable(QStringLiteral("%1 holds the secret in plaintext").arg(f.fileName())));
            ++files;
        }
        qInfo("checked %d files under %s", files, qPrintable(QDir::homePath()));
    }

private Q_SLOTS:
    void initTestCase() {
        const QString mode = qEnvironmentVariable("WALLETDESK_TEST_KEYCHAIN");
        if (mode != u"available" && mode != u"unavailable")
            QSKIP("run through tests/connection/keychain-session.sh (ctest does)");
        // The wrapper gives a throw-away home; refuse to scan (or write into) a real one.
        QVERIFY2(QDir::homePath().startsWith(QDir::tempPath()), qPrintable(QDir::homePath()));
    }

    void writeReadDelete() {
        if (!keychainExpected())
            QSKIP("no keychain in this run");
        SecretStore store(QStringLiteral("WalletDesk-test"));
        QVERIFY(await(store.checkAvailable()));
        const QString key = QStringLiteral("postgresql://ops@db.example:5432/wallets");
        const QString secret = QStringLiteral("correct horse ") + QUuid::createUuid().toString();

        const SecretStore::Reply missing = await(store.read(key));
        QCOMPARE(missing.status, Status::NotFound);

        const SecretStore::Reply written = await(store.write(key, secret));
        QCOMPARE(written.status, Status::Ok);
        const SecretStore::Reply read = await(store.read(key));
        QCOMPARE(read.status, Status::Ok);
        QCOMPARE(read.secret, secret);

        // A second store, as the next start of the app would have, reads it back.
        SecretStore again(QStringLiteral("WalletDesk-test"));
        QCOMPARE(await(again.read(key)).secret, secret);
        // Another service does not see it: entries are the app's own.
        SecretStore other(QStringLiteral("WalletDesk-other"));
        QCOMPARE(await(other.read(key)).status, Status::NotFound);

        const QString replaced = secret + QStringLiteral("-2");
        QCOMPARE(await(store.write(key, replaced)).status, Status::Ok);
        QCOMPARE(await(store.read(key)).secret, replaced);
        assertNowhereInPlaintext(replaced);

        QCOMPARE(await(store.remove(key)).status, Status::Ok);
        QCOMPARE(await(store.read(key)).status, Status::NotFound);
        QVERIFY(!store.knownUnavailable());
    }

    void unavailableIsReported() {
        if (keychainExpected())
            QSKIP("a keychain answers in this run");
        SecretStore store(QStringLiteral("WalletDesk-test"));
        QSignalSpy spy(&store, &SecretStore::unavailable);
        QVERIFY(!await(store.checkAvailable()));
        QVERIFY(store.knownUnavailable());
        QCOMPARE(spy.count(), 1);
        qInfo("keychain unavailable: %s", qPrintable(store.unavailableReason()));
        QVERIFY(!store.unavailableReason().isEmpty());

        const QString secret = QStringLiteral("never-on-disk-") + QUuid::createUuid().toString();
        const SecretStore::Reply written =
            await(store.write(QStringLiteral("walletd:ops@https://w:8443"), secret));
        QCOMPARE(written.status, Status::Unavailable);
        QVERIFY(!written.message.isEmpty());
        QCOMPARE(await(store.read(QStringLiteral("walletd:ops@https://w:8443"))).status, Status::Unavailable);
        QCOMPARE(spy.count(), 1); // said once, not on every call
        // QtKeychain's insecure fallback would have put it in a settings file: it must be nowhere.
        assertNowhereInPlaintext(secret);
    }
};

QTEST_GUILESS_MAIN(TstSecretStore)
#include "tst_secretstore.moc"
