// Operator password hashes (models/storage/operatorauth.h): Argon2id for new ones, PBKDF2 from earlier
// versions still accepted and marked for rehashing.
#include "operatorauth.h"

#include <QtTest>

using namespace Qt::StringLiterals;

class TestPasswordHash : public QObject {
    Q_OBJECT

private slots:
    void newHashesAreArgon2idWithOwaspParameters() {
        const QString hash = OperatorAuth::hashPassword(u"correct horse battery"_s);
        // The PHC string names the scheme and its parameters: 19 MiB (19456 KiB), 2 passes, 1 lane.
        QVERIFY2(hash.startsWith(u"$argon2id$v=19$m=19456,t=2,p=1$"_s), qPrintable(hash));
        QVERIFY(OperatorAuth::verifyPassword(u"correct horse battery"_s, hash));
        QVERIFY(!OperatorAuth::verifyPassword(u"correct horse batterY"_s, hash));
        QVERIFY(!OperatorAuth::verifyPassword(QString(), hash));
        QVERIFY(!OperatorAuth::needsRehash(hash));
        // A fresh salt each time: equal passwords do not give equal hashes.
        QVERIFY(OperatorAuth::hashPassword(u"correct horse battery"_s) != hash);
    }

    void nonAsciiPasswords() {
        const QString password = u"Passwört – 密码 🙂"_s;
        const QString hash = OperatorAuth::hashPassword(password);
        QVERIFY(OperatorAuth::verifyPassword(password, hash));
        QVERIFY(!OperatorAuth::verifyPassword(u"Passwort – 密码 🙂"_s, hash));
    }

    void pbkdf2HashesStillVerifyAndAskForARehash() {
        const QString old = OperatorAuth::hashPasswordPbkdf2(u"an old password"_s, 1000);
        QVERIFY2(old.startsWith(u"pbkdf2-sha256$1000$"_s), qPrintable(old));
        QVERIFY(OperatorAuth::verifyPassword(u"an old password"_s, old));
        QVERIFY(!OperatorAuth::verifyPassword(u"another password"_s, old));
        QVERIFY(OperatorAuth::needsRehash(old));
    }

    void weakerArgon2idParametersAskForARehash() {
        // The same scheme with 8 MiB and 1 pass, as an earlier or a hand-made setting might have written it.
        const QString weak = u"$argon2id$v=19$m=8192,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$"
                             "Qm9ndXNIYXNoQm9ndXNIYXNoQm9ndXNIYXNoQm9ndXM"_s;
        QVERIFY(OperatorAuth::needsRehash(weak));
        QVERIFY(!OperatorAuth::verifyPassword(u"anything"_s, weak));
    }

    void malformedHashesNeverMatch_data() {
        QTest::addColumn<QString>("stored");
        QTest::newRow("empty") << QString();
        QTest::newRow("plain text") << u"secret"_s;
        QTest::newRow("unknown scheme") << u"$argon2i$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA"_s;
        QTest::newRow("pbkdf2 without hash") << u"pbkdf2-sha256$1000$c2FsdA=="_s;
        QTest::newRow("pbkdf2 absurd iterations") << u"pbkdf2-sha256$999999999$c2FsdA==$aGFzaA=="_s;
        QTest::newRow("argon2id cut off") << u"$argon2id$v=19$m=19456"_s;
        QTest::newRow("argon2id too long") << u"$argon2id$"_s + QString(200, u'A');
    }

    void malformedHashesNeverMatch() {
        QFETCH(QString, stored);
        QVERIFY(!OperatorAuth::verifyPassword(u"secret"_s, stored));
        QVERIFY(OperatorAuth::needsRehash(stored));
    }
};

QTEST_GUILESS_MAIN(TestPasswordHash)
#include "tst_passwordhash.moc"
