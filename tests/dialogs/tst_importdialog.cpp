// The import dialog (issue 13) driven as a support agent would, against a real ledger (SQLite or PostgreSQL,
// WALLETDESK_TEST_BACKENDS): a file is checked first and every row's result listed, refused rows block Post,
// a file changed after its check is not posted, posting can be cancelled and finished later without posting
// any row twice, and a file that is not ours is refused as a whole.

#include "dialogfixture.h"
#include "importdialog.h"
#include "importreportmodel.h"

#include <QCheckBox>
#include <QSignalSpy>
#include <QTableView>

using namespace DialogTest;
using O = ImportRow::Outcome;

class TestImportDialog : public DialogFixture {
    Q_OBJECT

private:
    static const QByteArray Header;
    QString write(const QString &name, const QByteArray &body) {
        QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(Header + body) != Header.size() + body.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }
    /// The rows with %A and %B replaced by ann's and ben's USD accounts.
    QByteArray rows(QByteArray text) const {
        return text.replace("%A", QByteArray::number(m_ann)).replace("%B", QByteArray::number(m_ben));
    }
    static bool settled(ImportDialog *dialog) {
        return QTest::qWaitFor([dialog] { return !dialog->isBusy(); }, 20000);
    }
    static QString summary(ImportDialog *dialog) { return label(dialog, "importSummary"); }
    static QString cell(ImportDialog *dialog, int row, int column) {
        QAbstractItemModel *model = child<QTableView>(dialog, "importTable")->model();
        return model->index(row, column).data().toString();
    }
    qint64 balance(qint64 id) { return account(id).balance; }
    qint64 approvals() { return scalar(QStringLiteral("SELECT COUNT(*) FROM approvals")); }

private Q_SLOTS:
    void initTestCase() { setUpCase(); }
    void init() { setUpTest(); }
    void cleanup() { tearDownTest(); }

    void aCheckedFileIsPostedRowByRow();
    void aRefusedRowBlocksPosting();
    void aFileChangedAfterItsCheckIsNotPosted();
    void aCancelledPostingIsFinishedByPostingAgain();
    void aFileThatIsNotOursIsRefusedWhole();
};

const QByteArray TestImportDialog::Header =
    "kind,account,amount,reason_code,ticket,memo,idempotency_key,item_account,quantity\n";

void TestImportDialog::aCheckedFileIsPostedRowByRow() {
    const qint64 journal = transactions(), pending = approvals();
    const QString path = write(QStringLiteral("campaign.csv"),
                               rows("deposit,%A,10.00,,SUP-7,,c-1,,\n"
                                    "withdrawal,%A,5.00,,,,c-2,,\n"
                                    "bonus,%B,1.50,WELCOME,,,c-3,,\n"
                                    "deposit,%B,150.00,,,,c-4,,\n")); // above sam's 100.00: to approval
    ImportDialog dialog(as(Sam));
    QSignalSpy posted(&dialog, &ImportDialog::posted);
    show(&dialog);
    dialog.setFile(path);
    QVERIFY(settled(&dialog));

    // The check lists every row and posts nothing.
    QCOMPARE(child<QTableView>(&dialog, "importTable")->model()->rowCount(), 4);
    QCOMPARE(cell(&dialog, 0, ImportReportModel::LineColumn), QStringLiteral("2"));
    QCOMPARE(cell(&dialog, 0, ImportReportModel::ResultColumn), QStringLiteral("Would post"));
    QCOMPARE(cell(&dialog, 1, ImportReportModel::AmountColumn), m("-5.00 USD"));
    QCOMPARE(cell(&dialog, 1, ImportReportModel::DetailColumn),
             QStringLiteral("Balance after ") + m("505.00 USD"));
    QCOMPARE(cell(&dialog, 3, ImportReportModel::ResultColumn), QStringLiteral("Would need approval"));
    QVERIFY2(summary(&dialog).startsWith(
                 u"File checked: 3 would post, 1 would need approval. Nothing has been posted yet."),
             qPrintable(summary(&dialog)));
    QCOMPARE(label(&dialog, "importTotals"),
             QStringLiteral("Totals of the rows that would post: USD: 161.50 in, 5.00 out"));
    QPushButton *post = child<QPushButton>(&dialog, "importPost");
    QVERIFY(post->isEnabled());
    QVERIFY2(post->text().startsWith(u"&Post 4 row"), qPrintable(post->text())); // "rows" when translated
    QCOMPARE(transactions(), journal);
    QCOMPARE(approvals(), pending);
    screenshot(&dialog, QStringLiteral("import-checked"));

    click(post);
    QVERIFY(settled(&dialog));
    QCOMPARE(posted.size(), 1);
    QCOMPARE(balance(m_ann), 50500);
    QCOMPARE(balance(m_ben), 150);
    QCOMPARE(transactions(), journal + 3);
    QCOMPARE(approvals(), pending + 1);
    QCOMPARE(cell(&dialog, 0, ImportReportModel::ResultColumn), QStringLiteral("Posted"));
    QVERIFY(cell(&dialog, 0, ImportReportModel::DetailColumn).startsWith(u"Transaction "));
    QCOMPARE(cell(&dialog, 3, ImportReportModel::ResultColumn), QStringLiteral("Awaits approval"));
    const QString results = m_dir.filePath(QStringLiteral("campaign.result.csv"));
    QVERIFY2(summary(&dialog).contains(u"3 posted, 1 await approval") && summary(&dialog).contains(results),
             qPrintable(summary(&dialog)));
    QFile resultFile(results);
    QVERIFY(resultFile.open(QIODevice::ReadOnly));
    QCOMPARE(resultFile.readAll().count('\n'), 5); // the header and one line per row
    QVERIFY(!post->isEnabled());

    // Checked again, every row's key has been used (the fourth waits for approval): nothing to post.
    dialog.check();
    QVERIFY(settled(&dialog));
    QCOMPARE(cell(&dialog, 0, ImportReportModel::ResultColumn), QStringLiteral("Already posted"));
    QCOMPARE(dialog.report().replayedRows(), 4);
    QVERIFY2(summary(&dialog).endsWith(u"Nothing to post."), qPrintable(summary(&dialog)));
    QVERIFY(!post->isEnabled());
    QCOMPARE(transactions(), journal + 3);
    QCOMPARE(approvals(), pending + 1);
}

void TestImportDialog::aRefusedRowBlocksPosting() {
    const qint64 journal = transactions();
    const QString path = write(QStringLiteral("refused.csv"),
                               rows("deposit,%A,10.00,,,,r-1,,\n"
                                    "withdrawal,%B,1.00,,,,r-2,,\n"     // ben holds nothing
                                    "deposit,999999,1.00,,,,r-3,,\n"    // no such account
                                    "adjustment-credit,%A,2,,,,r-4,,\n" // no reason code
                                    "deposit,%A,1.00,,,,r-1,,\n"));     // the key of line 2 again
    ImportDialog dialog(as(Sam));
    show(&dialog);
    dialog.setFile(path);
    QVERIFY(settled(&dialog));
    QCOMPARE(dialog.report().refusedRows(), 4);
    QCOMPARE(cell(&dialog, 1, ImportReportModel::ResultColumn), QStringLiteral("Would overdraw"));
    QCOMPARE(cell(&dialog, 2, ImportReportModel::ResultColumn), QStringLiteral("Unknown account"));
    QCOMPARE(cell(&dialog, 3, ImportReportModel::ResultColumn), QStringLiteral("Malformed"));
    QVERIFY2(cell(&dialog, 3, ImportReportModel::DetailColumn).contains(u"reason_code"),
             qPrintable(cell(&dialog, 3, ImportReportModel::DetailColumn)));
    QCOMPARE(cell(&dialog, 4, ImportReportModel::ResultColumn), QStringLiteral("Duplicate key"));
    QAbstractItemModel *table = child<QTableView>(&dialog, "importTable")->model();
    QVERIFY(!table->index(0, 0).data(Qt::ForegroundRole).isValid());
    QVERIFY(table->index(1, 0).data(Qt::ForegroundRole).isValid()); // refused rows are marked
    QVERIFY2(summary(&dialog).startsWith(u"File checked: 1 would post, 4 refused. Nothing can be posted"),
             qPrintable(summary(&dialog)));
    QCOMPARE(child<QLabel>(&dialog, "importSummary")->property("tone").toInt(), int(DialogText::Tone::Error));
    QVERIFY(!child<QPushButton>(&dialog, "importPost")->isEnabled());
    screenshot(&dialog, QStringLiteral("import-refused"));

    // Only the refused rows, to work through them.
    child<QCheckBox>(&dialog, "importRefusedOnly")->setChecked(true);
    QCOMPARE(table->rowCount(), 4);
    QCOMPARE(cell(&dialog, 0, ImportReportModel::LineColumn), QStringLiteral("3"));
    child<QCheckBox>(&dialog, "importRefusedOnly")->setChecked(false);
    QCOMPARE(table->rowCount(), 5);

    // Post refuses even when asked directly, and says why.
    const ImportReport r = WalletDeskTest::await(dialog.post());
    QVERIFY(r.fileError.contains(u"refused rows"));
    QCOMPARE(transactions(), journal);
}

void TestImportDialog::aFileChangedAfterItsCheckIsNotPosted() {
    const qint64 journal = transactions();
    const QString path = write(QStringLiteral("changed.csv"), rows("deposit,%A,1.00,,,,x-1,,\n"));
    ImportDialog dialog(as(Sam));
    show(&dialog);
    dialog.setFile(path);
    QVERIFY(settled(&dialog));
    QVERIFY(child<QPushButton>(&dialog, "importPost")->isEnabled());
    // Someone adds a row that the check never saw.
    write(QStringLiteral("changed.csv"), rows("deposit,%A,1.00,,,,x-1,,\ndeposit,%A,90.00,,,,x-2,,\n"));
    const ImportReport r = WalletDeskTest::await(dialog.post());
    QVERIFY2(r.fileError.contains(u"changed after it was checked"), qPrintable(r.fileError));
    QVERIFY(summary(&dialog).contains(u"changed after it was checked"));
    QVERIFY(!child<QPushButton>(&dialog, "importPost")->isEnabled());
    QCOMPARE(transactions(), journal);
}

void TestImportDialog::aCancelledPostingIsFinishedByPostingAgain() {
    QByteArray body;
    for (int i = 0; i < 300; ++i)
        body += rows("deposit,%B,0.01,,,,many-") + QByteArray::number(i) + ",,\n";
    const QString path = write(QStringLiteral("many.csv"), body);
    const qint64 journal = transactions();
    ImportDialog dialog(as(Sam));
    show(&dialog);
    dialog.setFile(path);
    QVERIFY(settled(&dialog));
    QCOMPARE(dialog.report().okRows(), 300);

    // Close while posting: the posting stops after the row in flight and the dialog closes once it has.
    auto future = dialog.post();
    QVERIFY(dialog.isBusy());
    QVERIFY(child<QPushButton>(&dialog, "importCancel")->isVisible());
    dialog.reject();
    QVERIFY(dialog.isVisible()); // not while the posting runs
    const ImportReport stopped = WalletDeskTest::await(future);
    QVERIFY(settled(&dialog));
    QTRY_VERIFY(!dialog.isVisible());
    QVERIFY(stopped.cancelled);
    const qint64 written = transactions() - journal;
    QCOMPARE(written, stopped.okRows());
    QVERIFY(written < 300);
    QCOMPARE(int(std::count_if(stopped.rows.begin(), stopped.rows.end(),
                               [](const ImportRow &r) { return r.outcome == O::NotPosted; })),
             300 - written);
    QVERIFY(summary(&dialog).startsWith(u"Posting cancelled:"));

    // Checked and posted again, the file is finished: every key posted once, the balance exact.
    show(&dialog);
    dialog.check();
    QVERIFY(settled(&dialog));
    QCOMPARE(dialog.report().replayedRows(), written);
    WalletDeskTest::await(dialog.post());
    QVERIFY(settled(&dialog));
    QCOMPARE(transactions(), journal + 300);
    QCOMPARE(balance(m_ben), 300);
}

void TestImportDialog::aFileThatIsNotOursIsRefusedWhole() {
    const qint64 journal = transactions();
    const QString path = m_dir.filePath(QStringLiteral("other.csv"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("date,description,value\n2026-01-01,coffee,3.50\n");
    f.close();
    ImportDialog dialog(as(Sam));
    show(&dialog);
    dialog.setFile(path);
    QVERIFY(settled(&dialog));
    QVERIFY2(summary(&dialog).startsWith(u"The file cannot be imported: line 1:"),
             qPrintable(summary(&dialog)));
    QVERIFY(!child<QPushButton>(&dialog, "importPost")->isEnabled());
    QCOMPARE(child<QTableView>(&dialog, "importTable")->model()->rowCount(), 0);
    // A path that is not there says so too.
    dialog.setFile(m_dir.filePath(QStringLiteral("missing.csv")));
    QVERIFY(settled(&dialog));
    QVERIFY2(summary(&dialog).contains(u"cannot read"), qPrintable(summary(&dialog)));
    QCOMPARE(transactions(), journal);
}

QTEST_MAIN(TestImportDialog)
#include "tst_importdialog.moc"
