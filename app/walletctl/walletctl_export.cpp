// walletctl export: the accounts list, the journal under filters or one account's history, as a CSV file
// written by CsvExport (the desktop's exporter: paged reads, canonical amounts, audited, no partial file).
// Everything the user typed is checked before the ledger is asked, so a usage error writes no file.
#include "walletctl.h"
#include "walletctl_p.h"

#include "csvexport.h"
#include "money.h"

#include <QFileInfo>
#include <QSet>

using namespace WalletCtlDetail;

namespace {

constexpr qint64 MsPerDay = 86400000;

/// The options each export takes besides --csv and the global ones. Any other option is refused: a filter
/// silently ignored would give a file that looks right and holds the wrong rows.
QSet<QString> exportOptions(const QString &what) {
    if (what == u"accounts")
        return {QStringLiteral("player"), QStringLiteral("currency"), QStringLiteral("system")};
    if (what == u"journal")
        return {QStringLiteral("from"),       QStringLiteral("to"),       QStringLiteral("kind"),
                QStringLiteral("by"),         QStringLiteral("currency"), QStringLiteral("min-amount"),
                QStringLiteral("max-amount"), QStringLiteral("system")};
    return {};
}

const QString ExportUsage = QStringLiteral(
    "usage: walletctl export accounts|journal|history ID --csv FILE [filters]; see walletctl --help");

} // namespace

int WalletCtl::cmdExport(const QStringList &args) {
    int code = Ok;
    const QString what = args.value(0);
    if (what.isEmpty())
        return fail(Usage, QStringLiteral("export needs what to export: accounts, journal or history ID"));
    if (what != u"accounts" && what != u"journal" && what != u"history")
        return fail(Usage, QStringLiteral("unknown export \"%1\"; export accounts, journal or history ID")
                               .arg(what.left(40)));
    qint64 accountId = 0;
    if (what == u"history") {
        if (args.size() != 2)
            return fail(Usage,
                        QStringLiteral("export history needs one account id: export history ID --csv FILE"));
        if (!parseId(args.at(1), QStringLiteral("account"), &accountId, &code))
            return code;
    } else if (args.size() != 1) {
        return fail(Usage, ExportUsage);
    }

    static const QSet<QString> global{QStringLiteral("db"),   QStringLiteral("server"),
                                      QStringLiteral("as"),   QStringLiteral("operator"),
                                      QStringLiteral("json"), QStringLiteral("csv")};
    const QSet<QString> allowed = exportOptions(what);
    for (const QString &name : m_parser.optionNames()) {
        // --operator is --as (who acts), which a journal filter by operator would be mistaken for.
        if (what == u"journal" && name == u"operator")
            return fail(Usage, QStringLiteral("--operator names the operator acting (as --as does); the "
                                              "journal's filter by operator is --by NAME"));
        if (global.contains(name) || allowed.contains(name))
            continue;
        if (what == u"journal" && name == u"account")
            return fail(Usage, QStringLiteral("export journal has no --account filter; export one "
                                              "account's entries with export history ID"));
        return fail(Usage, QStringLiteral("export %1 does not take --%2").arg(what, name));
    }

    if (!m_parser.isSet(QStringLiteral("csv")))
        return fail(Usage, QStringLiteral("export writes a CSV file: give --csv FILE"));
    const QString path = m_parser.value(QStringLiteral("csv"));
    if (path.isEmpty())
        return fail(Usage, QStringLiteral("--csv needs a file name"));
    if (QFileInfo(path).isDir())
        return fail(Usage, QStringLiteral("cannot write %1: it is a folder").arg(path));
    if (const QFileInfo dir(QFileInfo(path).absolutePath()); !dir.isDir())
        return fail(Usage, QStringLiteral("cannot write %1: %2 is not a folder").arg(path, dir.filePath()));

    const bool system = m_parser.isSet(QStringLiteral("system"));
    const QString currency = m_parser.value(QStringLiteral("currency"));
    if (m_parser.isSet(QStringLiteral("currency")) && currency.isEmpty())
        return fail(Usage, QStringLiteral("--currency needs a currency code"));

    QFuture<Result<qint64>> future;
    if (what == u"history") {
        Account account;
        if (!await(m_client->account(accountId), &account, &code))
            return code;
        future = CsvExport::history(m_client.get(), account.id, account.exponent, path);
    } else if (what == u"accounts") {
        const bool player = m_parser.isSet(QStringLiteral("player"));
        const QString ref = m_parser.value(QStringLiteral("player"));
        if (player && ref.trimmed().isEmpty())
            return fail(Usage, QStringLiteral("--player needs a player reference"));
        if (player && system)
            return fail(Usage, QStringLiteral("--player and --system exclude each other: system accounts "
                                              "belong to no player"));
        QHash<QString, int> exponents;
        if (!currency.isEmpty()) {
            if (!currencyExponents(&exponents, &code))
                return code;
            if (!exponents.contains(currency))
                return fail(NotFoundExit, QStringLiteral("unknown currency %1").arg(currency.left(20)));
        }
        if (player) {
            future = CsvExport::playerAccounts(m_client.get(), ref, currency, path);
        } else {
            AccountQuery query;
            query.currency = currency;
            query.includeSystem = system;
            future = CsvExport::accounts(m_client.get(), query, path);
        }
    } else {
        JournalQuery query;
        query.includeSystem = system;
        if (m_parser.isSet(QStringLiteral("from")) && !parseDay(QStringLiteral("from"), &query.fromMs, &code))
            return code;
        if (m_parser.isSet(QStringLiteral("to"))) {
            if (!parseDay(QStringLiteral("to"), &query.toMs, &code))
                return code;
            query.toMs += MsPerDay; // --to names the last day exported
        }
        if (query.toMs > 0 && query.fromMs >= query.toMs)
            return fail(Usage, QStringLiteral("--from must not be after --to"));
        if (m_parser.isSet(QStringLiteral("kind"))) {
            const QString kind = m_parser.value(QStringLiteral("kind"));
            query.kind = kindFromName(kind);
            if (!query.kind)
                return fail(Usage,
                            QStringLiteral("unknown transaction kind \"%1\"; one of deposit, withdrawal, "
                                           "adjustment, transfer, purchase, win, charge, bonus, reversal")
                                .arg(kind.left(40)));
        }
        if (m_parser.isSet(QStringLiteral("by"))) {
            query.operatorName = m_parser.value(QStringLiteral("by"));
            if (query.operatorName.isEmpty())
                return fail(Usage, QStringLiteral("--by needs an operator name"));
        }
        const bool min = m_parser.isSet(QStringLiteral("min-amount"));
        const bool max = m_parser.isSet(QStringLiteral("max-amount"));
        if ((min || max) && currency.isEmpty())
            return fail(Usage, QStringLiteral("--%1 needs --currency: amounts are compared in one currency")
                                   .arg(min ? u"min-amount" : u"max-amount"));
        if (!currency.isEmpty()) {
            QHash<QString, int> exponents;
            if (!currencyExponents(&exponents, &code))
                return code;
            if (!exponents.contains(currency))
                return fail(NotFoundExit, QStringLiteral("unknown currency %1").arg(currency.left(20)));
            query.currency = currency;
            const int exponent = exponents.value(currency);
            for (auto [name, target] : {std::pair{QStringLiteral("min-amount"), &query.minAmount},
                                        std::pair{QStringLiteral("max-amount"), &query.maxAmount}}) {
                if (!m_parser.isSet(name))
                    continue;
                const Money::ParseResult amount = Money::parse(m_parser.value(name), exponent);
                if (!amount.ok())
                    return fail(Usage, QStringLiteral("--%1: %2 (%3 has %4 decimal places)")
                                           .arg(name, amount.error, currency)
                                           .arg(exponent));
                *target = amount.minor;
            }
            if (query.minAmount && query.maxAmount && *query.minAmount > *query.maxAmount)
                return fail(Usage, QStringLiteral("--min-amount must not be above --max-amount"));
        }
        future = CsvExport::journal(m_client.get(), query, path);
    }

    qint64 rows = 0;
    if (!await(future, &rows, &code))
        return code;
    print(QJsonObject{{QStringLiteral("export"), what},
                      {QStringLiteral("format"), QStringLiteral("csv")},
                      {QStringLiteral("file"), path},
                      {QStringLiteral("rows"), rows}},
          QStringLiteral("%1 %2 written to %3")
              .arg(rows)
              .arg(rows == 1 ? QStringLiteral("row") : QStringLiteral("rows"), path));
    return Ok;
}
