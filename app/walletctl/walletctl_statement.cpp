#include "walletctl.h"
#include "walletctl_p.h"

#include "money.h"
#include "statementcsv.h"
#include "statementpdf.h"
#include "statementrequest.h"

#include <QFileInfo>
#include <QJsonArray>

using namespace WalletCtlDetail;

// walletctl statement: one account's or one player's statement for whole UTC days, to a PDF or a CSV file
// (docs/walletctl.md). Everything the user typed is checked before the ledger is asked, so a usage error
// writes no file and reads nothing.
int WalletCtl::cmdStatement(const QStringList &args) {
    int code = Ok;
    const bool player = m_parser.isSet(QStringLiteral("player"));
    qint64 accountId = 0;
    if (player && !args.isEmpty())
        return fail(Usage, QStringLiteral("statement takes an account id or --player REF, not both"));
    if (!player) {
        if (args.size() != 1)
            return fail(Usage, QStringLiteral("statement needs one account id (or --player REF)"));
        if (!parseId(args.first(), QStringLiteral("account"), &accountId, &code))
            return code;
    }
    if (!m_parser.isSet(QStringLiteral("from")) || !m_parser.isSet(QStringLiteral("to")))
        return fail(Usage, QStringLiteral("statement needs --from YYYY-MM-DD and --to YYYY-MM-DD"));
    const auto range =
        StatementRange::fromText(m_parser.value(QStringLiteral("from")), m_parser.value(QStringLiteral("to")),
                                 QStringLiteral("--from"), QStringLiteral("--to"));
    if (!range)
        return fail(Usage, range.error().message);
    const bool pdf = m_parser.isSet(QStringLiteral("pdf")), csv = m_parser.isSet(QStringLiteral("csv"));
    if (pdf == csv)
        return fail(Usage, QStringLiteral("statement writes one file: give --pdf FILE or --csv FILE"));
    const QString path = m_parser.value(pdf ? QStringLiteral("pdf") : QStringLiteral("csv"));
    if (path.isEmpty())
        return fail(Usage, QStringLiteral("--%1 needs a file name").arg(pdf ? u"pdf" : u"csv"));
    StatementPdf::PageSize pageSize = StatementPdf::PageSize::A4;
    if (m_parser.isSet(QStringLiteral("page-size"))) {
        const QString size = m_parser.value(QStringLiteral("page-size")).toLower();
        if (!pdf)
            return fail(Usage, QStringLiteral("--page-size is for --pdf"));
        if (size == u"letter")
            pageSize = StatementPdf::PageSize::Letter;
        else if (size != u"a4")
            return fail(Usage, QStringLiteral("--page-size \"%1\" is not a4 or letter")
                                   .arg(m_parser.value(QStringLiteral("page-size")).left(20)));
    }
    if (const QFileInfo dir(QFileInfo(path).absolutePath()); !dir.isDir())
        return fail(Usage, QStringLiteral("cannot write %1: %2 is not a folder").arg(path, dir.filePath()));

    Statement statement;
    const auto future =
        player ? StatementRequest::forPlayer(m_client.get(), m_parser.value(QStringLiteral("player")), *range)
               : StatementRequest::forAccount(m_client.get(), accountId, *range);
    if (!await(future, &statement, &code))
        return code;
    int pages = 0;
    const Result<Done> written =
        pdf ? StatementPdf::write(statement, path, pageSize, &pages) : StatementCsv::write(statement, path);
    if (!written)
        return fail(written.error());
    qint64 entries = 0;
    QJsonArray accounts;
    QString text =
        QStringLiteral("statement %1, %2 account(s), ").arg(range->text()).arg(statement.sections.size());
    for (const StatementSection &s : std::as_const(statement.sections)) {
        entries += s.lines.size();
        const int e = s.account.exponent;
        accounts.append(QJsonObject{{QStringLiteral("id"), QString::number(s.account.id)},
                                    {QStringLiteral("currency"), s.account.currency},
                                    {QStringLiteral("opening"), Money::format(s.opening, e)},
                                    {QStringLiteral("total_in"), Money::format(s.totalIn, e)},
                                    {QStringLiteral("total_out"), Money::format(s.totalOut, e)},
                                    {QStringLiteral("closing"), Money::format(s.closing, e)},
                                    {QStringLiteral("entries"), s.lines.size()}});
    }
    text += QStringLiteral("%1 entries").arg(entries);
    if (pdf)
        text += QStringLiteral(", %1 pages").arg(pages);
    text += QStringLiteral(", written to %1").arg(path);
    QJsonObject json{{QStringLiteral("file"), path},
                     {QStringLiteral("format"), pdf ? QStringLiteral("pdf") : QStringLiteral("csv")},
                     {QStringLiteral("first_day"), range->firstDay().toString(Qt::ISODate)},
                     {QStringLiteral("last_day"), range->lastDay().toString(Qt::ISODate)},
                     {QStringLiteral("digest"), statement.ledgerDigest},
                     {QStringLiteral("accounts"), accounts}};
    if (pdf)
        json.insert(QStringLiteral("pages"), pages);
    print(json, text);
    return Ok;
}
