// The shipped translations: German and French load from the embedded resources, the window speaks them,
// and every user-visible string has a translation (lrelease's count, checked by the build of the .qm files
// and here by sampling every page's visible texts).
#include "appearance.h"
#include "mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QMenuBar>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>

class TestTranslations : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void languagesLoadAndTheWindowSpeaksThem_data();
    void languagesLoadAndTheWindowSpeaksThem();
    void englishHasItsPluralForms();

private:
    QTemporaryDir m_dir;
};

void TestTranslations::initTestCase() {
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
}

void TestTranslations::languagesLoadAndTheWindowSpeaksThem_data() {
    QTest::addColumn<QString>("language");
    QTest::newRow("German") << QStringLiteral("de");
    QTest::newRow("French") << QStringLiteral("fr");
}

void TestTranslations::languagesLoadAndTheWindowSpeaksThem() {
    QFETCH(QString, language);
    QTranslator translator;
    QVERIFY2(translator.load(QStringLiteral(":/i18n/walletdesk_%1.qm").arg(language)),
             "the .qm is not embedded");
    QVERIFY(!translator.isEmpty());
    QVERIFY(QCoreApplication::installTranslator(&translator));
    {
        MainWindow window;
        QStringList untranslated;
        const QStringList english{QStringLiteral("Accounts"),
                                  QStringLiteral("Audit log")}; // "Journal" is "Journal" in both
        for (int i = 0; i < window.tabs()->count(); ++i)
            if (english.contains(window.tabs()->tabText(i)))
                untranslated << window.tabs()->tabText(i);
        for (QAction *a : window.menuBar()->actions())
            if (a->text() == u"&File" || a->text() == u"&Account" || a->text() == u"&View" ||
                a->text() == u"&Help")
                untranslated << a->text();
        const std::pair<const char *, const char *> samples[] = {
            {"MainWindow", "&Verify ledger…"},
            {"MainWindow", "&Refresh"},
            {"AccountsPage", "All currencies"},
            {"AccountDetailView", "No account selected"},
            {"BalanceChartView", "No entries in this period."},
            {"AccountTableModel", "Available"},
            {"HistoryTableModel", "Balance after"}};
        for (const auto &[context, source] : samples)
            if (QCoreApplication::translate(context, source) == QString::fromUtf8(source))
                untranslated << QString::fromUtf8(source);
        QVERIFY2(untranslated.isEmpty(), qPrintable(untranslated.join(u", ")));
    }
    QCoreApplication::removeTranslator(&translator);
}

void TestTranslations::englishHasItsPluralForms() {
    QTranslator translator;
    QVERIFY(translator.load(QStringLiteral(":/i18n/walletdesk_en.qm")));
    QCOMPARE(translator.translate("AccountsPage", "%Ln account(s)", nullptr, 1),
             QStringLiteral("%Ln account"));
    QCOMPARE(translator.translate("AccountsPage", "%Ln account(s)", nullptr, 2),
             QStringLiteral("%Ln accounts"));
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
