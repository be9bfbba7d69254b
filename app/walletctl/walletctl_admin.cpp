// walletctl: the ledger's setup and oversight: init, demo, currencies, operators, audit, verify, economy.

#include "walletctl.h"
#include "walletctl_p.h"

#include "apicodec.h"
#include "demogenerator.h"
#include "ledgerstore.h"
#include "localledgerclient.h"
#include "money.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

using namespace WalletCtlDetail;

int WalletCtl::cmdInit() {
    int code = Ok;
    OperatorInfo admin;
    const QString name = m_operator;
    LedgerService &service = m_local->service();
    if (!await(service.run([name](LedgerStore &s) { return s.bootstrapAdmin(name); }), &admin, &code))
        return code;
    int version = 0;
    if (!await(service.run([](LedgerStore &s) { return Result<int>(s.schemaVersion()); }), &version, &code))
        return code;
    const QString text =
        admin.id == 0
            ? QStringLiteral("ledger ready at schema version %1; it already has operators").arg(version)
            : QStringLiteral("ledger ready at schema version %1; operators start with %2")
                  .arg(version)
                  .arg(admin.name);
    print(QJsonObject{{QStringLiteral("schema_version"), version},
                      {QStringLiteral("created_admin"), admin.name}},
          text);
    return Ok;
}

bool WalletCtl::demoOptions(DemoOptions *o, QString *problem) const {
    bool ok1 = true, ok2 = true, ok3 = true;
    if (m_parser.isSet(QStringLiteral("players")))
        o->players = m_parser.value(QStringLiteral("players")).toLongLong(&ok1);
    if (m_parser.isSet(QStringLiteral("days")))
        o->days = m_parser.value(QStringLiteral("days")).toInt(&ok2);
    if (m_parser.isSet(QStringLiteral("seed")))
        o->seed = m_parser.value(QStringLiteral("seed")).toULongLong(&ok3);
    if (!ok1 || !ok2 || !ok3) {
        *problem = QStringLiteral("--players, --days and --seed take whole numbers");
        return false;
    }
    *problem = o->problem();
    return problem->isEmpty();
}

int WalletCtl::cmdDemo() {
    const DemoOptions o = m_demo;
    int code = Ok;
    const QString admin = m_operator;
    LedgerService &service = m_local->service();
    OperatorInfo bootstrap;
    if (!await(service.run([admin](LedgerStore &s) { return s.bootstrapAdmin(admin); }), &bootstrap, &code))
        return code;
    DemoSummary summary;
    if (!await(service.run([o, admin](LedgerStore &s) { return DemoGenerator(s, o, admin).run(); }), &summary,
               &code))
        return code;
    print(
        QJsonObject{{QStringLiteral("players"), summary.players},
                    {QStringLiteral("accounts"), summary.accounts},
                    {QStringLiteral("transactions"), summary.transactions},
                    {QStringLiteral("entries"), summary.entries},
                    {QStringLiteral("rollups"), summary.rollups},
                    {QStringLiteral("pending_approvals"), summary.pendingApprovals},
                    {QStringLiteral("reversals"), summary.reversals},
                    {QStringLiteral("frozen"), summary.frozen},
                    {QStringLiteral("elapsed_ms"), summary.elapsedMs}},
        QStringLiteral("demo ledger: %1 players, %2 accounts, %3 transactions, %4 entries, %5 daily rollups\n"
                       "  %6 pending approvals, %7 reversals, %8 frozen accounts; generated in %9 s\n"
                       "  operators: alice (support, limit 5000 GOLD), bob (supervisor), carol (viewer)")
            .arg(summary.players)
            .arg(summary.accounts)
            .arg(summary.transactions)
            .arg(summary.entries)
            .arg(summary.rollups)
            .arg(summary.pendingApprovals)
            .arg(summary.reversals)
            .arg(summary.frozen)
            .arg(double(summary.elapsedMs) / 1000.0, 0, 'f', 1));
    return Ok;
}

int WalletCtl::cmdCurrency(const QStringList &args) {
    int code = Ok;
    if (args.value(0) == u"list") {
        QList<Currency> list;
        if (!await(m_client->currencies(), &list, &code))
            return code;
        QJsonArray arr;
        QString text;
        for (const Currency &c : list) {
            arr << QJsonObject{{QStringLiteral("code"), c.code},
                               {QStringLiteral("exponent"), c.exponent},
                               {QStringLiteral("name"), c.name}};
            text += QStringLiteral("%1  exponent %2  %3\n").arg(c.code).arg(c.exponent).arg(c.name);
        }
        print(QJsonObject{{QStringLiteral("currencies"), arr}}, text.trimmed());
        return Ok;
    }
    if (args.value(0) != u"add" || args.size() != 2)
        return fail(Usage,
                    QStringLiteral("usage: currency add CODE --exponent E [--name NAME] | currency list"));
    QString exponentText;
    if (!needOption(QStringLiteral("exponent"), &exponentText, &code))
        return code;
    bool ok = false;
    const int exponent = exponentText.toInt(&ok);
    if (!ok)
        return fail(Usage, QStringLiteral("--exponent \"%1\" is not a number from 0 to 4").arg(exponentText));
    const Currency c{args.at(1), exponent, m_parser.value(QStringLiteral("name"))};
    Currency added;
    if (!await(m_client->addCurrency(c), &added, &code))
        return code;
    print(QJsonObject{{QStringLiteral("code"), added.code}, {QStringLiteral("exponent"), added.exponent}},
          QStringLiteral("currency %1 added with exponent %2").arg(added.code).arg(added.exponent));
    return Ok;
}

int WalletCtl::cmdVerify() {
    int code = Ok;
    VerifyReport report;
    if (!await(m_client->verify(), &report, &code))
        return code;
    const QString expected = m_parser.value(QStringLiteral("expect-digest"));
    if (report.ok && !expected.isEmpty() && expected != report.digest) {
        report.ok = false;
        report.firstProblem = QStringLiteral("the chain digest %1 differs from the expected %2")
                                  .arg(report.digest, expected.left(80));
    }
    if (m_parser.isSet(QStringLiteral("digest-out"))) {
        QFile f(m_parser.value(QStringLiteral("digest-out")));
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
            f.write(report.digest.toLatin1() + '\n') < 0)
            return fail(Usage, QStringLiteral("cannot write %1: %2").arg(f.fileName(), f.errorString()));
    }
    print(QJsonObject{{QStringLiteral("ok"), report.ok},
                      {QStringLiteral("transactions"), report.transactions},
                      {QStringLiteral("entries"), report.entries},
                      {QStringLiteral("accounts"), report.accounts},
                      {QStringLiteral("rollups"), report.rollups},
                      {QStringLiteral("audit_records"), report.auditRecords},
                      {QStringLiteral("digest"), report.digest},
                      {QStringLiteral("first_problem"), report.firstProblem}},
          report.ok ? QStringLiteral(
                          "ledger verified: %1 transactions, %2 entries, %3 accounts, %4 rollups, %5 audit "
                          "records\ndigest %6")
                          .arg(report.transactions)
                          .arg(report.entries)
                          .arg(report.accounts)
                          .arg(report.rollups)
                          .arg(report.auditRecords)
                          .arg(report.digest)
                    : QStringLiteral("ledger verification FAILED"));
    if (!report.ok) {
        m_err << "walletctl: " << report.firstProblem << Qt::endl;
        return VerifyFailed;
    }
    return Ok;
}

int WalletCtl::cmdOperator(const QStringList &args) {
    int code = Ok;
    const QString sub = args.value(0);
    if (sub == u"list") {
        QList<OperatorInfo> list;
        if (!await(m_client->operators(), &list, &code))
            return code;
        QHash<QString, int> exponents;
        if (!currencyExponents(&exponents, &code))
            return code;
        QJsonArray arr;
        QString text;
        for (const OperatorInfo &o : list) {
            QJsonObject limits;
            QStringList limitText;
            for (auto it = o.limits.cbegin(); it != o.limits.cend(); ++it) {
                limits.insert(it.key(), QString::number(it.value()));
                limitText << Money::format(it.value(), exponents.value(it.key())) + u' ' + it.key();
            }
            arr << QJsonObject{{QStringLiteral("name"), o.name},
                               {QStringLiteral("role"), roleName(o.role)},
                               {QStringLiteral("disabled"), o.disabled},
                               {QStringLiteral("limits_minor_units"), limits}};
            text += QStringLiteral("%1  %2%3%4\n")
                        .arg(o.name, -16)
                        .arg(roleName(o.role), -11)
                        .arg(o.disabled ? QStringLiteral("  disabled") : QString(),
                             limitText.isEmpty() ? QString()
                                                 : QStringLiteral("  limits: ") + limitText.join(u", "));
        }
        print(QJsonObject{{QStringLiteral("operators"), arr}}, text.trimmed());
        return Ok;
    }
    if (sub == u"disable" && args.size() == 2) {
        const QString name = args.at(1);
        OperatorInfo o;
        if (!await(m_client->setOperatorDisabled(name, true), &o, &code))
            return code;
        print(QJsonObject{{QStringLiteral("name"), o.name}, {QStringLiteral("disabled"), true}},
              QStringLiteral("operator %1 disabled").arg(o.name));
        return Ok;
    }
    if (sub == u"passwd" && args.size() == 2) {
        // The password comes from stdin (first line), never from the command line where ps would show it.
        const QString name = args.at(1);
        QTextStream in(stdin);
        const QString password = in.readLine();
        Done done;
        if (!await(m_client->setOperatorPassword(name, password), &done, &code))
            return code;
        print(QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("password_set"), true}},
              QStringLiteral("password of operator %1 set").arg(name));
        return Ok;
    }
    if (sub != u"add" || args.size() != 2)
        return fail(
            Usage,
            QStringLiteral("usage: operator add NAME --role ROLE [--limit CODE:AMOUNT]... | operator list "
                           "| operator disable NAME | operator passwd NAME (password on stdin)"));
    QString roleText;
    if (!needOption(QStringLiteral("role"), &roleText, &code))
        return code;
    const auto role = roleFromName(roleText);
    if (!role)
        return fail(Usage, QStringLiteral("role \"%1\" is not one of viewer, support, supervisor, admin")
                               .arg(roleText.left(40)));
    OperatorInfo info;
    info.name = args.at(1);
    info.role = *role;
    QList<Currency> currencies;
    if (!await(m_client->currencies(), &currencies, &code))
        return code;
    for (const QString &limit : m_parser.values(QStringLiteral("limit"))) {
        const QString code_ = limit.section(u':', 0, 0);
        const QString amount = limit.section(u':', 1);
        auto c = std::find_if(currencies.cbegin(), currencies.cend(),
                              [&](const Currency &x) { return x.code == code_; });
        if (c == currencies.cend())
            return fail(
                Usage,
                QStringLiteral("--limit \"%1\": unknown currency %2").arg(limit.left(40), code_.left(20)));
        const auto parsed = Money::parse(amount, c->exponent);
        if (!parsed.ok() || *parsed.minor < 0)
            return fail(Usage, QStringLiteral("--limit \"%1\": %2")
                                   .arg(limit.left(40),
                                        parsed.ok() ? QStringLiteral("must not be negative") : parsed.error));
        info.limits.insert(c->code, *parsed.minor);
    }
    OperatorInfo added;
    if (!await(m_client->addOperator(info), &added, &code))
        return code;
    print(QJsonObject{{QStringLiteral("name"), added.name}, {QStringLiteral("role"), roleName(added.role)}},
          QStringLiteral("operator %1 added as %2").arg(added.name, roleName(added.role)));
    return Ok;
}

int WalletCtl::cmdAudit() {
    int code = Ok;
    qint64 limit = 50;
    if (m_parser.isSet(QStringLiteral("limit")) &&
        !parseId(m_parser.value(QStringLiteral("limit")), QStringLiteral("--limit"), &limit, &code))
        return code;
    // Read in pages walletd serves (at most PageRows), the same records a database gives in one read.
    QList<AuditRecord> list;
    const qint64 wanted = std::min<qint64>(limit, 10000);
    qint64 before = 0;
    while (list.size() < wanted) {
        const int n = int(std::min<qint64>(wanted - list.size(), PageRows));
        QList<AuditRecord> page;
        if (!await(m_client->audit(before, n), &page, &code))
            return code;
        list += page;
        if (page.size() < n)
            break;
        before = page.constLast().id;
    }
    QJsonArray arr;
    QString text;
    for (const AuditRecord &r : list) {
        arr << QJsonObject{
            {QStringLiteral("id"), QString::number(r.id)}, {QStringLiteral("at"), isoTime(r.at)},
            {QStringLiteral("operator"), r.operatorName},  {QStringLiteral("origin"), r.origin},
            {QStringLiteral("action"), r.action},          {QStringLiteral("target"), r.target},
            {QStringLiteral("outcome"), r.outcome},        {QStringLiteral("detail"), r.detail}};
        text += QStringLiteral("%1 %2 %3 %4 %5 %6 %7\n")
                    .arg(isoTime(r.at), r.operatorName, r.origin, r.action, r.target, r.outcome, r.detail);
    }
    print(QJsonObject{{QStringLiteral("audit"), arr}}, text.trimmed());
    return Ok;
}

bool WalletCtl::parseDay(const QString &option, qint64 *dayStartMs, int *exitCode) {
    const QString text = m_parser.value(option);
    const QDate day = QDate::fromString(text, Qt::ISODate);
    if (!day.isValid() || text.size() != 10) {
        *exitCode = fail(
            Usage, QStringLiteral("--%1 \"%2\" is not a day such as 2026-11-01").arg(option, text.left(40)));
        return false;
    }
    *dayStartMs = QDateTime(day, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    return true;
}

int WalletCtl::cmdEconomy() {
    int code = Ok;
    QString currency;
    if (!needOption(QStringLiteral("currency"), &currency, &code))
        return code;
    qint64 from = 0, to = 0;
    if (m_parser.isSet(QStringLiteral("from")) && !parseDay(QStringLiteral("from"), &from, &code))
        return code;
    if (m_parser.isSet(QStringLiteral("to"))) {
        if (!parseDay(QStringLiteral("to"), &to, &code))
            return code;
        to += 86400000; // --to names the last day shown
    }
    if (to > 0 && from >= to)
        return fail(Usage, QStringLiteral("--from must not be after --to"));
    EconomyReport r;
    if (!await(m_client->economy(currency, from, to), &r, &code))
        return code;
    QString text = QStringLiteral("%1 economy, %2 days; holdings at the start %3\n")
                       .arg(r.currency)
                       .arg(r.days.size())
                       .arg(Money::format(r.openingHoldings, r.exponent));
    text += QStringLiteral("%1  %2  %3  %4  %5\n")
                .arg(QStringLiteral("day"), -10)
                .arg(QStringLiteral("holdings"), 16)
                .arg(QStringLiteral("sources"), 14)
                .arg(QStringLiteral("sinks"), 14)
                .arg(QStringLiteral("active"), 8);
    for (const EconomyDay &d : std::as_const(r.days))
        text += QStringLiteral("%1  %2  %3  %4  %5%6\n")
                    .arg(QDateTime::fromMSecsSinceEpoch(d.dayStartMs, Qt::UTC).date().toString(Qt::ISODate))
                    .arg(Money::format(d.holdings, r.exponent), 16)
                    .arg(Money::format(d.sourcesTotal(), r.exponent), 14)
                    .arg(Money::format(d.sinksTotal(), r.exponent), 14)
                    .arg(d.activePlayers, 8)
                    .arg(d.balances() ? QString()
                                      : QStringLiteral("  flows do not add up to the change of holdings"));
    print(ApiCodec::toJson(r), text.trimmed());
    return r.unbalancedDays().isEmpty() ? Ok : VerifyFailed;
}

int WalletCtl::cmdDistribution() {
    int code = Ok;
    QString currency;
    if (!needOption(QStringLiteral("currency"), &currency, &code))
        return code;
    BalanceDistribution d;
    if (!await(m_client->distribution(currency), &d, &code))
        return code;
    auto percent = [](qint64 millionths) {
        return QStringLiteral("%1.%2%")
            .arg(millionths / 10000)
            .arg(millionths % 10000 / 100, 2, 10, QChar(u'0'));
    };
    QString text = QStringLiteral("%1: %2 player accounts hold %3; %4 at zero, %5 below zero\n")
                       .arg(d.currency)
                       .arg(d.players)
                       .arg(Money::format(d.total, d.exponent))
                       .arg(d.zeroCount)
                       .arg(d.negativeCount);
    text += QStringLiteral("top 1% hold %1, top 10% hold %2, Gini %3.%4\n")
                .arg(percent(d.shareMillionths(d.top1Total)), percent(d.shareMillionths(d.top10Total)))
                .arg(d.giniMillionths / 1000000)
                .arg(d.giniMillionths % 1000000, 6, 10, QChar(u'0'));
    for (const BalanceBin &b : std::as_const(d.bins))
        text += QStringLiteral("  [%1, %2)  %3 accounts\n")
                    .arg(Money::format(b.lower, d.exponent), Money::format(b.upper, d.exponent))
                    .arg(b.count);
    text += QStringLiteral("largest:\n");
    for (const TopHolder &h : d.topHolders.mid(0, 10))
        text += QStringLiteral("  %1  %2 %3  %4\n")
                    .arg(h.accountId)
                    .arg(h.playerRef, h.name, Money::format(h.balance, d.exponent));
    print(ApiCodec::toJson(d), text.trimmed());
    return Ok;
}
