#include "walletctl.h"

#include "apicodec.h"
#include "buildinfo.h"
#include "demogenerator.h"
#include "economyreader.h"
#include "money.h"
#include "operatorauth.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcessEnvironment>
#include <QSysInfo>

namespace {

enum Exit {
    Ok = 0,
    Usage = 2,
    NotFoundExit = 3,
    Refused = 4,
    Denied = 5,
    DatabaseExit = 6,
    VerifyFailed = 7
};

const char *const UsageText = R"(usage: walletctl [--db URL] [--as OPERATOR] [--json] COMMAND [ARGS]

The ledger is --db PATH, --db sqlite:PATH, --db postgresql://user:pass@host:port/name, or $WALLETDESK_DB.
The operator is --as NAME, or $WALLETDESK_OPERATOR, or the login name.

commands:
  init                                  create or migrate the ledger; the first operator becomes admin
  demo --players N --days D --seed S    fill an empty ledger with a realistic economy
  currency add CODE --exponent E [--name NAME] | currency list
  account create --player REF --currency CODE [--name NAME] [--allow-negative]
  account show ID | account show --player REF
  history ID [--limit N] [--before ENTRY]
  balance ID [--at TIME]                TIME is ISO 8601 (2026-11-01T12:00:00Z)
  transaction show ID
  post KIND --account ID --amount A --key K [--to ID] [--items N] [--reason CODE] [--ticket T] [--memo M]
                                        KIND: deposit withdrawal adjustment transfer purchase win charge bonus
                                        adjustments take a signed amount: -5 debits, 5 credits
  reverse TXN --reason TEXT --key K [--force]
  approve ID [--comment TEXT] | reject ID --comment TEXT | approvals [--all]
  freeze ID --reason TEXT | unfreeze ID --reason TEXT | close ID --reason TEXT
  verify [--digest-out FILE] [--expect-digest HEX]
  operator add NAME --role ROLE [--limit CODE:AMOUNT]... | operator list | operator disable NAME
  operator passwd NAME                  sets NAME's walletd password, read from the first line of stdin
  audit [--limit N]
  economy --currency CODE [--from YYYY-MM-DD] [--to YYYY-MM-DD]
                                        per UTC day: holdings, sources and sinks by kind, active players
  distribution --currency CODE          who holds the currency: histogram, top shares, Gini, top holders
)";

int exitFor(ErrorCode code) {
    switch (code) {
    case ErrorCode::InvalidArgument:
        return Usage;
    case ErrorCode::NotFound:
        return NotFoundExit;
    case ErrorCode::PermissionDenied:
        return Denied;
    case ErrorCode::Database:
    case ErrorCode::SchemaTooNew:
        return DatabaseExit;
    default:
        return Refused;
    }
}

QString isoTime(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

} // namespace

WalletCtl::WalletCtl(QTextStream &out, QTextStream &err)
    : m_out(out)
    , m_err(err) {
    m_parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    m_parser.addOptions({
        {QStringLiteral("db"), QStringLiteral("ledger location"), QStringLiteral("URL")},
        {QStringLiteral("as"), QStringLiteral("operator name"), QStringLiteral("NAME")},
        {QStringLiteral("json"), QStringLiteral("JSON output")},
        {QStringLiteral("players"), {}, QStringLiteral("N")},
        {QStringLiteral("days"), {}, QStringLiteral("D")},
        {QStringLiteral("seed"), {}, QStringLiteral("S")},
        {QStringLiteral("key"), {}, QStringLiteral("K")},
        {QStringLiteral("account"), {}, QStringLiteral("ID")},
        {QStringLiteral("to"), {}, QStringLiteral("ID")},
        {QStringLiteral("from"), {}, QStringLiteral("DAY")},
        {QStringLiteral("amount"), {}, QStringLiteral("A")},
        {QStringLiteral("items"), {}, QStringLiteral("N")},
        {QStringLiteral("reason"), {}, QStringLiteral("TEXT")},
        {QStringLiteral("ticket"), {}, QStringLiteral("T")},
        {QStringLiteral("memo"), {}, QStringLiteral("M")},
        {QStringLiteral("force"), {}},
        {QStringLiteral("all"), {}},
        {QStringLiteral("comment"), {}, QStringLiteral("TEXT")},
        {QStringLiteral("player"), {}, QStringLiteral("REF")},
        {QStringLiteral("currency"), {}, QStringLiteral("CODE")},
        {QStringLiteral("name"), {}, QStringLiteral("NAME")},
        {QStringLiteral("exponent"), {}, QStringLiteral("E")},
        {QStringLiteral("allow-negative"), {}},
        {QStringLiteral("at"), {}, QStringLiteral("TIME")},
        {QStringLiteral("limit"), {}, QStringLiteral("N")},
        {QStringLiteral("before"), {}, QStringLiteral("ENTRY")},
        {QStringLiteral("role"), {}, QStringLiteral("ROLE")},
        {QStringLiteral("digest-out"), {}, QStringLiteral("FILE")},
        {QStringLiteral("expect-digest"), {}, QStringLiteral("HEX")},
        {QStringLiteral("version"), {}},
        {{QStringLiteral("h"), QStringLiteral("help")}, {}},
    });
}

int WalletCtl::fail(int code, const QString &message) {
    m_err << "walletctl: " << message.simplified() << Qt::endl; // one line, whatever the driver said
    return code;
}

int WalletCtl::fail(const LedgerError &error) {
    return fail(exitFor(error.code), error.message);
}

template <typename T> bool WalletCtl::await(QFuture<Result<T>> future, T *out, int *exitCode) {
    future.waitForFinished();
    const Result<T> r = future.result();
    if (!r) {
        *exitCode = fail(r.error());
        return false;
    }
    if (out)
        *out = r.value();
    return true;
}

bool WalletCtl::parseId(const QString &text, const QString &what, qint64 *out, int *exitCode) {
    bool ok = false;
    const qint64 v = text.toLongLong(&ok);
    if (!ok || v <= 0) {
        *exitCode =
            fail(Usage, QStringLiteral("%1 \"%2\" is not a positive whole number").arg(what, text.left(40)));
        return false;
    }
    *out = v;
    return true;
}

bool WalletCtl::needOption(const QString &name, QString *out, int *exitCode) {
    if (!m_parser.isSet(name)) {
        *exitCode = fail(Usage, QStringLiteral("--%1 is required").arg(name));
        return false;
    }
    *out = m_parser.value(name);
    return true;
}

void WalletCtl::print(const QJsonObject &json, const QString &text) {
    if (m_json)
        m_out << QJsonDocument(json).toJson(QJsonDocument::Indented);
    else
        m_out << text << Qt::endl;
}

QJsonObject WalletCtl::accountJson(const Account &a) const {
    return QJsonObject{{QStringLiteral("id"), QString::number(a.id)},
                       {QStringLiteral("kind"),
                        a.kind == AccountKind::System ? QStringLiteral("system") : QStringLiteral("player")},
                       {QStringLiteral("currency"), a.currency},
                       {QStringLiteral("player"), a.playerRef},
                       {QStringLiteral("name"), a.name},
                       {QStringLiteral("state"), accountStateName(a.state)},
                       {QStringLiteral("allow_negative"), a.allowNegative},
                       {QStringLiteral("balance"), Money::format(a.balance, a.exponent)},
                       {QStringLiteral("held"), Money::format(a.held, a.exponent)},
                       {QStringLiteral("available"), Money::format(a.available(), a.exponent)},
                       {QStringLiteral("created_at"), isoTime(a.createdAt)},
                       {QStringLiteral("last_activity_at"), isoTime(a.lastActivityAt)}};
}

QString WalletCtl::accountText(const Account &a) const {
    return QStringLiteral("account %1  %2 %3  player %4 (%5)  %6\n  balance %7  held %8  available %9\n"
                          "  created %10  last activity %11%12")
        .arg(a.id)
        .arg(a.kind == AccountKind::System ? QStringLiteral("system") : QStringLiteral("player"), a.currency,
             a.playerRef.isEmpty() ? QStringLiteral("-") : a.playerRef, a.name, accountStateName(a.state),
             Money::format(a.balance, a.exponent), Money::format(a.held, a.exponent),
             Money::format(a.available(), a.exponent))
        .arg(isoTime(a.createdAt), isoTime(a.lastActivityAt),
             a.allowNegative ? QStringLiteral("\n  may go negative") : QString());
}

int WalletCtl::run(const QStringList &arguments) {
    if (!m_parser.parse(arguments))
        return fail(Usage, m_parser.errorText());
    if (m_parser.isSet(QStringLiteral("version"))) {
        m_out << "walletctl " << WALLETDESK_VERSION << " (" << WALLETDESK_GIT_REVISION << ")" << Qt::endl;
        return Ok;
    }
    const QStringList positional = m_parser.positionalArguments();
    if (m_parser.isSet(QStringLiteral("help"))) {
        m_out << UsageText;
        return Ok;
    }
    if (positional.isEmpty()) {
        m_err << UsageText;
        return Usage;
    }
    for (const QString &name : m_parser.optionNames())
        if (name != u"limit" && m_parser.values(name).size() > 1)
            return fail(Usage, QStringLiteral("--%1 is given more than once").arg(name));
    m_json = m_parser.isSet(QStringLiteral("json"));
    const auto env = QProcessEnvironment::systemEnvironment();
    const QString dbText = m_parser.isSet(QStringLiteral("db")) ? m_parser.value(QStringLiteral("db"))
                                                                : env.value(QStringLiteral("WALLETDESK_DB"));
    QString error;
    const auto url = DatabaseUrl::parse(dbText, &error);
    if (!url)
        return fail(Usage, error);
    m_actor.operatorName = m_parser.isSet(QStringLiteral("as"))
                               ? m_parser.value(QStringLiteral("as"))
                               : env.value(QStringLiteral("WALLETDESK_OPERATOR"),
                                           env.value(QStringLiteral("USER"), QStringLiteral("admin")));
    m_actor.origin = QStringLiteral("walletctl@%1").arg(QSysInfo::machineHostName());

    const QString command = positional.first();
    static const QStringList known{
        QStringLiteral("init"),     QStringLiteral("demo"),        QStringLiteral("currency"),
        QStringLiteral("account"),  QStringLiteral("history"),     QStringLiteral("balance"),
        QStringLiteral("post"),     QStringLiteral("reverse"),     QStringLiteral("approve"),
        QStringLiteral("reject"),   QStringLiteral("approvals"),   QStringLiteral("freeze"),
        QStringLiteral("unfreeze"), QStringLiteral("close"),       QStringLiteral("verify"),
        QStringLiteral("operator"), QStringLiteral("audit"),       QStringLiteral("transaction"),
        QStringLiteral("economy"),  QStringLiteral("distribution")};
    if (!known.contains(command))
        return fail(Usage, QStringLiteral("unknown command \"%1\"; see walletctl --help").arg(command));
    if (url->kind == DatabaseUrl::Kind::Sqlite && command != u"init" && command != u"demo" &&
        !QFile::exists(url->path))
        return fail(NotFoundExit,
                    QStringLiteral("%1 does not exist; create it with walletctl init").arg(url->path));
    if (command == u"demo") {
        // Refuse bad options before opening, which would create and migrate a new ledger.
        QString problem;
        if (!demoOptions(&m_demo, &problem))
            return fail(Usage, problem);
    }
    int code = Ok;
    if (!await(m_service.open(*url), static_cast<Done *>(nullptr), &code))
        return code;
    return dispatch(command, positional.mid(1));
}

int WalletCtl::dispatch(const QString &command, const QStringList &args) {
    if (command == u"init")
        return cmdInit();
    if (command == u"demo")
        return cmdDemo();
    if (command == u"currency")
        return cmdCurrency(args);
    if (command == u"account")
        return cmdAccount(args);
    if (command == u"history")
        return cmdHistory(args);
    if (command == u"balance")
        return cmdBalance(args);
    if (command == u"post")
        return cmdPost(args);
    if (command == u"reverse")
        return cmdReverse(args);
    if (command == u"approve" || command == u"reject")
        return cmdDecide(command, args);
    if (command == u"approvals")
        return cmdApprovals();
    if (command == u"freeze" || command == u"unfreeze" || command == u"close")
        return cmdState(command, args);
    if (command == u"verify")
        return cmdVerify();
    if (command == u"operator")
        return cmdOperator(args);
    if (command == u"audit")
        return cmdAudit();
    if (command == u"economy")
        return cmdEconomy();
    if (command == u"distribution")
        return cmdDistribution();
    return cmdTransaction(args);
}

bool WalletCtl::currencyExponents(QHash<QString, int> *out, int *exitCode) {
    QList<Currency> currencies;
    if (!await(m_service.run([](LedgerStore &s) { return s.currencies(); }), &currencies, exitCode))
        return false;
    for (const Currency &c : currencies)
        out->insert(c.code, c.exponent);
    return true;
}

int WalletCtl::cmdInit() {
    int code = Ok;
    OperatorInfo admin;
    const QString name = m_actor.operatorName;
    if (!await(m_service.run([name](LedgerStore &s) { return s.bootstrapAdmin(name); }), &admin, &code))
        return code;
    int version = 0;
    if (!await(m_service.run([](LedgerStore &s) { return Result<int>(s.schemaVersion()); }), &version, &code))
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
    const QString admin = m_actor.operatorName;
    OperatorInfo bootstrap;
    if (!await(m_service.run([admin](LedgerStore &s) { return s.bootstrapAdmin(admin); }), &bootstrap, &code))
        return code;
    DemoSummary summary;
    if (!await(m_service.run([o, admin](LedgerStore &s) { return DemoGenerator(s, o, admin).run(); }),
               &summary, &code))
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
        if (!await(m_service.run([](LedgerStore &s) { return s.currencies(); }), &list, &code))
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
    const Actor actor = m_actor;
    Currency added;
    if (!await(m_service.run([actor, c](LedgerStore &s) { return s.addCurrency(actor, c); }), &added, &code))
        return code;
    print(QJsonObject{{QStringLiteral("code"), added.code}, {QStringLiteral("exponent"), added.exponent}},
          QStringLiteral("currency %1 added with exponent %2").arg(added.code).arg(added.exponent));
    return Ok;
}

int WalletCtl::cmdAccount(const QStringList &args) {
    int code = Ok;
    const QString sub = args.value(0);
    if (sub == u"create") {
        NewAccount n;
        if (!needOption(QStringLiteral("player"), &n.playerRef, &code) ||
            !needOption(QStringLiteral("currency"), &n.currency, &code))
            return code;
        n.name = m_parser.value(QStringLiteral("name"));
        n.allowNegative = m_parser.isSet(QStringLiteral("allow-negative"));
        const Actor actor = m_actor;
        Account a;
        if (!await(m_service.run([actor, n](LedgerStore &s) { return s.createAccount(actor, n); }), &a,
                   &code))
            return code;
        print(accountJson(a), accountText(a));
        return Ok;
    }
    if (sub != u"show")
        return fail(
            Usage, QStringLiteral("usage: account create ... | account show ID | account show --player REF"));
    if (m_parser.isSet(QStringLiteral("player"))) {
        const QString ref = m_parser.value(QStringLiteral("player"));
        QList<Account> list;
        if (!await(m_service.run([ref](LedgerStore &s) { return s.accountsOfPlayer(ref); }), &list, &code))
            return code;
        QJsonArray arr;
        QStringList text;
        for (const Account &a : list) {
            arr << accountJson(a);
            text << accountText(a);
        }
        print(QJsonObject{{QStringLiteral("accounts"), arr}}, text.join(u'\n'));
        return Ok;
    }
    qint64 id = 0;
    if (args.size() != 2 || !parseId(args.at(1), QStringLiteral("account id"), &id, &code))
        return args.size() != 2
                   ? fail(Usage, QStringLiteral("usage: account show ID | account show --player REF"))
                   : code;
    Account a;
    if (!await(m_service.account(id), &a, &code))
        return code;
    print(accountJson(a), accountText(a));
    return Ok;
}

int WalletCtl::cmdHistory(const QStringList &args) {
    int code = Ok;
    qint64 id = 0, before = 0;
    if (args.size() != 1)
        return fail(Usage, QStringLiteral("usage: history ID [--limit N] [--before ENTRY]"));
    if (!parseId(args.at(0), QStringLiteral("account id"), &id, &code))
        return code;
    if (m_parser.isSet(QStringLiteral("before")) &&
        !parseId(m_parser.value(QStringLiteral("before")), QStringLiteral("--before"), &before, &code))
        return code;
    qint64 limit = 50;
    if (m_parser.isSet(QStringLiteral("limit")) &&
        !parseId(m_parser.value(QStringLiteral("limit")), QStringLiteral("--limit"), &limit, &code))
        return code;
    Account a;
    QList<HistoryEntry> rows;
    if (!await(m_service.account(id), &a, &code) ||
        !await(m_service.history(id, before, int(std::min<qint64>(limit, 10000))), &rows, &code))
        return code;
    QJsonArray arr;
    QString text = QStringLiteral("%1 %2 %3\n")
                       .arg(QStringLiteral("time"), -24)
                       .arg(QStringLiteral("kind"), -11)
                       .arg(QStringLiteral("amount / balance after"));
    for (const HistoryEntry &h : rows) {
        arr << QJsonObject{
            {QStringLiteral("entry"), QString::number(h.entryId)},
            {QStringLiteral("transaction"), QString::number(h.transactionId)},
            {QStringLiteral("time"), isoTime(h.createdAt)},
            {QStringLiteral("kind"), kindName(h.kind)},
            {QStringLiteral("amount"), Money::format(h.amount, a.exponent)},
            {QStringLiteral("balance_after"), Money::format(h.balanceAfter, a.exponent)},
            {QStringLiteral("reason"), h.reasonCode},
            {QStringLiteral("ticket"), h.ticketRef},
            {QStringLiteral("memo"), h.memo},
            {QStringLiteral("operator"), h.operatorName},
            {QStringLiteral("key"), h.idempotencyKey},
            {QStringLiteral("reverses"), h.reversesId ? QString::number(h.reversesId) : QString()},
            {QStringLiteral("reversed_by"), h.reversedById ? QString::number(h.reversedById) : QString()}};
        text += QStringLiteral("%1 %2 %3 %4  txn %5 by %6%7%8\n")
                    .arg(isoTime(h.createdAt), -24)
                    .arg(kindName(h.kind), -11)
                    .arg(Money::format(h.amount, a.exponent), 12)
                    .arg(Money::format(h.balanceAfter, a.exponent), 12)
                    .arg(h.transactionId)
                    .arg(h.operatorName)
                    .arg(h.reasonCode.isEmpty() ? QString() : QStringLiteral(" reason ") + h.reasonCode)
                    .arg(h.reversedById ? QStringLiteral(" (reversed by %1)").arg(h.reversedById)
                                        : (h.reversesId ? QStringLiteral(" (reverses %1)").arg(h.reversesId)
                                                        : QString()));
    }
    print(QJsonObject{{QStringLiteral("account"), QString::number(id)},
                      {QStringLiteral("currency"), a.currency},
                      {QStringLiteral("entries"), arr}},
          text.trimmed());
    return Ok;
}

int WalletCtl::cmdBalance(const QStringList &args) {
    int code = Ok;
    qint64 id = 0;
    if (args.size() != 1)
        return fail(Usage, QStringLiteral("usage: balance ID [--at TIME]"));
    if (!parseId(args.at(0), QStringLiteral("account id"), &id, &code))
        return code;
    Account a;
    if (!await(m_service.account(id), &a, &code))
        return code;
    qint64 at = QDateTime::currentMSecsSinceEpoch();
    if (m_parser.isSet(QStringLiteral("at"))) {
        const QDateTime t = QDateTime::fromString(m_parser.value(QStringLiteral("at")), Qt::ISODateWithMs);
        if (!t.isValid())
            return fail(Usage,
                        QStringLiteral("--at \"%1\" is not an ISO 8601 time such as 2026-11-01T12:00:00Z")
                            .arg(m_parser.value(QStringLiteral("at")).left(40)));
        at = t.toMSecsSinceEpoch();
    }
    qint64 balance = 0;
    if (!await(m_service.run([id, at](LedgerStore &s) { return s.balanceAt(id, at); }), &balance, &code))
        return code;
    print(QJsonObject{{QStringLiteral("account"), QString::number(id)},
                      {QStringLiteral("currency"), a.currency},
                      {QStringLiteral("at"), isoTime(at)},
                      {QStringLiteral("balance"), Money::format(balance, a.exponent)}},
          QStringLiteral("%1 %2 at %3").arg(Money::format(balance, a.exponent), a.currency, isoTime(at)));
    return Ok;
}

int WalletCtl::cmdPost(const QStringList &args) {
    int code = Ok;
    if (args.size() != 1)
        return fail(Usage, QStringLiteral("usage: post KIND --account ID --amount A --key K [...]"));
    const auto kind = kindFromName(args.at(0));
    if (!kind || *kind == TransactionKind::Reversal)
        return fail(Usage, QStringLiteral("unknown posting kind \"%1\"").arg(args.at(0).left(40)));
    PostingRequest r;
    r.kind = *kind;
    QString accountText, amountText;
    if (!needOption(QStringLiteral("account"), &accountText, &code) ||
        !needOption(QStringLiteral("amount"), &amountText, &code) ||
        !needOption(QStringLiteral("key"), &r.idempotencyKey, &code))
        return code;
    if (!parseId(accountText, QStringLiteral("--account"), &r.accountId, &code))
        return code;
    if (m_parser.isSet(QStringLiteral("to")) &&
        !parseId(m_parser.value(QStringLiteral("to")), QStringLiteral("--to"), &r.counterAccountId, &code))
        return code;
    if (m_parser.isSet(QStringLiteral("items")) &&
        !parseId(m_parser.value(QStringLiteral("items")), QStringLiteral("--items"), &r.itemQuantity, &code))
        return code;
    r.reasonCode = m_parser.value(QStringLiteral("reason"));
    r.ticketRef = m_parser.value(QStringLiteral("ticket"));
    r.memo = m_parser.value(QStringLiteral("memo"));
    Account a;
    if (!await(m_service.account(r.accountId), &a, &code))
        return code;
    const Money::ParseResult amount = Money::parse(amountText, a.exponent);
    if (!amount.ok())
        return fail(Usage, QStringLiteral("--amount: %1 (%2 has %3 decimal places)")
                               .arg(amount.error, a.currency)
                               .arg(a.exponent));
    r.amount = *amount.minor;
    PostingResult result;
    if (!await(m_service.post(m_actor, r), &result, &code))
        return code;
    QJsonArray entries;
    for (const JournalEntry &e : result.entries)
        entries << QJsonObject{{QStringLiteral("account"), QString::number(e.accountId)},
                               {QStringLiteral("currency"), e.currency},
                               {QStringLiteral("amount"), QString::number(e.amount)},
                               {QStringLiteral("balance_after"), QString::number(e.balanceAfter)}};
    const bool pending = result.status == PostingResult::Status::Pending;
    print(QJsonObject{{QStringLiteral("status"),
                       pending ? QStringLiteral("pending") : QStringLiteral("posted")},
                      {QStringLiteral("transaction"), QString::number(result.transactionId)},
                      {QStringLiteral("approval"), QString::number(result.approvalId)},
                      {QStringLiteral("replayed"), result.replayed},
                      {QStringLiteral("entries_minor_units"), entries}},
          pending ? QStringLiteral("pending approval %1: above your limit, a supervisor must approve it")
                        .arg(result.approvalId)
                  : QStringLiteral("%1 transaction %2; balance of account %3 is now %4 %5")
                        .arg(result.replayed ? QStringLiteral("already posted as") : QStringLiteral("posted"))
                        .arg(result.transactionId)
                        .arg(a.id)
                        .arg(Money::format(result.balanceAfter(a.id), a.exponent), a.currency));
    return Ok;
}

int WalletCtl::cmdReverse(const QStringList &args) {
    int code = Ok;
    ReversalRequest r;
    if (args.size() != 1)
        return fail(Usage, QStringLiteral("usage: reverse TXN --reason TEXT --key K [--force]"));
    if (!parseId(args.at(0), QStringLiteral("transaction id"), &r.transactionId, &code) ||
        !needOption(QStringLiteral("reason"), &r.reason, &code) ||
        !needOption(QStringLiteral("key"), &r.idempotencyKey, &code))
        return code;
    r.force = m_parser.isSet(QStringLiteral("force"));
    PostingResult result;
    if (!await(m_service.reverse(m_actor, r), &result, &code))
        return code;
    print(QJsonObject{{QStringLiteral("transaction"), QString::number(result.transactionId)},
                      {QStringLiteral("reverses"), QString::number(r.transactionId)},
                      {QStringLiteral("replayed"), result.replayed}},
          QStringLiteral("transaction %1 reverses transaction %2")
              .arg(result.transactionId)
              .arg(r.transactionId));
    return Ok;
}

int WalletCtl::cmdDecide(const QString &command, const QStringList &args) {
    int code = Ok;
    qint64 id = 0;
    if (args.size() != 1)
        return fail(Usage, QStringLiteral("usage: %1 ID --comment TEXT").arg(command));
    if (!parseId(args.at(0), QStringLiteral("approval id"), &id, &code))
        return code;
    const QString comment = m_parser.value(QStringLiteral("comment"));
    if (command == u"approve") {
        PostingResult result;
        if (!await(m_service.approve(m_actor, id, comment), &result, &code))
            return code;
        print(QJsonObject{{QStringLiteral("approval"), QString::number(id)},
                          {QStringLiteral("transaction"), QString::number(result.transactionId)}},
              QStringLiteral("approval %1 approved: posted as transaction %2")
                  .arg(id)
                  .arg(result.transactionId));
        return Ok;
    }
    Approval a;
    if (!await(m_service.reject(m_actor, id, comment), &a, &code))
        return code;
    print(QJsonObject{{QStringLiteral("approval"), QString::number(id)},
                      {QStringLiteral("state"), QStringLiteral("rejected")}},
          QStringLiteral("approval %1 rejected; its held funds are released").arg(id));
    return Ok;
}

int WalletCtl::cmdApprovals() {
    int code = Ok;
    const bool all = m_parser.isSet(QStringLiteral("all"));
    QList<Approval> list;
    if (!await(m_service.run([all](LedgerStore &s) { return s.approvals(!all); }), &list, &code))
        return code;
    QJsonArray arr;
    QString text;
    for (const Approval &a : list) {
        arr << QJsonObject{{QStringLiteral("id"), QString::number(a.id)},
                           {QStringLiteral("state"), Approval::stateName(a.state)},
                           {QStringLiteral("kind"), kindName(a.request.kind)},
                           {QStringLiteral("account"), QString::number(a.request.accountId)},
                           {QStringLiteral("amount_minor_units"), QString::number(a.request.amount)},
                           {QStringLiteral("held_minor_units"), QString::number(a.holdAmount)},
                           {QStringLiteral("maker"), a.maker},
                           {QStringLiteral("checker"), a.checker},
                           {QStringLiteral("comment"), a.comment},
                           {QStringLiteral("created_at"), isoTime(a.createdAt)}};
        Account account;
        int ignored = Ok;
        const bool known = await(m_service.account(a.request.accountId), &account, &ignored);
        text +=
            QStringLiteral("approval %1  %2  %3 on account %4, %5 by %6%7\n")
                .arg(a.id)
                .arg(Approval::stateName(a.state), kindName(a.request.kind))
                .arg(a.request.accountId)
                .arg(known ? Money::format(a.request.amount, account.exponent) + u' ' + account.currency
                           : QString::number(a.request.amount) + QStringLiteral(" minor units"))
                .arg(a.maker, a.checker.isEmpty() ? QString() : QStringLiteral(", decided by ") + a.checker);
    }
    print(QJsonObject{{QStringLiteral("approvals"), arr}},
          text.isEmpty() ? QStringLiteral("no approvals") : text.trimmed());
    return Ok;
}

int WalletCtl::cmdState(const QString &command, const QStringList &args) {
    int code = Ok;
    qint64 id = 0;
    QString reason;
    if (args.size() != 1)
        return fail(Usage, QStringLiteral("usage: %1 ID --reason TEXT").arg(command));
    if (!parseId(args.at(0), QStringLiteral("account id"), &id, &code) ||
        !needOption(QStringLiteral("reason"), &reason, &code))
        return code;
    const AccountState state = command == u"freeze"  ? AccountState::Frozen
                               : command == u"close" ? AccountState::Closed
                                                     : AccountState::Active;
    const Actor actor = m_actor;
    Account a;
    if (!await(m_service.run([=](LedgerStore &s) { return s.setAccountState(actor, id, state, reason); }), &a,
               &code))
        return code;
    print(accountJson(a), QStringLiteral("account %1 is now %2").arg(id).arg(accountStateName(a.state)));
    return Ok;
}

int WalletCtl::cmdVerify() {
    int code = Ok;
    VerifyReport report;
    if (!await(m_service.verify(), &report, &code))
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
    const Actor actor = m_actor;
    if (sub == u"list") {
        QList<OperatorInfo> list;
        if (!await(m_service.run([](LedgerStore &s) { return s.operators(); }), &list, &code))
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
                        .arg(o.disabled ? QStringLiteral("  disabled") : QString())
                        .arg(limitText.isEmpty() ? QString()
                                                 : QStringLiteral("  limits: ") + limitText.join(u", "));
        }
        print(QJsonObject{{QStringLiteral("operators"), arr}}, text.trimmed());
        return Ok;
    }
    if (sub == u"disable" && args.size() == 2) {
        const QString name = args.at(1);
        OperatorInfo o;
        if (!await(m_service.run([=](LedgerStore &s) { return s.setOperatorDisabled(actor, name, true); }),
                   &o, &code))
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
        if (!await(m_service.run(
                       [=](LedgerStore &s) { return OperatorAuth::setPassword(s, actor, name, password); }),
                   &done, &code))
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
    if (!await(m_service.run([](LedgerStore &s) { return s.currencies(); }), &currencies, &code))
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
    if (!await(m_service.run([=](LedgerStore &s) { return s.addOperator(actor, info); }), &added, &code))
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
    QList<AuditRecord> list;
    const int n = int(std::min<qint64>(limit, 10000));
    if (!await(m_service.run([n](LedgerStore &s) { return s.audit(0, n); }), &list, &code))
        return code;
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

int WalletCtl::cmdTransaction(const QStringList &args) {
    int code = Ok;
    qint64 id = 0;
    if (args.size() != 2 || args.at(0) != u"show")
        return fail(Usage, QStringLiteral("usage: transaction show ID"));
    if (!parseId(args.at(1), QStringLiteral("transaction id"), &id, &code))
        return code;
    JournalTransaction t;
    if (!await(m_service.run([id](LedgerStore &s) { return s.transaction(id); }), &t, &code))
        return code;
    QHash<QString, int> exponents;
    if (!currencyExponents(&exponents, &code))
        return code;
    QJsonArray entries;
    QString text =
        QStringLiteral("transaction %1  %2  %3  by %4 from %5  key %6\n")
            .arg(t.id)
            .arg(kindName(t.kind), isoTime(t.createdAt), t.operatorName, t.origin, t.idempotencyKey);
    for (const JournalEntry &e : t.entries) {
        entries << QJsonObject{
            {QStringLiteral("account"), QString::number(e.accountId)},
            {QStringLiteral("currency"), e.currency},
            {QStringLiteral("amount_minor_units"), QString::number(e.amount)},
            {QStringLiteral("balance_after_minor_units"), QString::number(e.balanceAfter)}};
        text += QStringLiteral("  account %1  %2 %3\n")
                    .arg(e.accountId)
                    .arg(Money::format(e.amount, exponents.value(e.currency)), e.currency);
    }
    print(QJsonObject{{QStringLiteral("id"), QString::number(t.id)},
                      {QStringLiteral("kind"), kindName(t.kind)},
                      {QStringLiteral("time"), isoTime(t.createdAt)},
                      {QStringLiteral("operator"), t.operatorName},
                      {QStringLiteral("key"), t.idempotencyKey},
                      {QStringLiteral("reason"), t.reasonCode},
                      {QStringLiteral("ticket"), t.ticketRef},
                      {QStringLiteral("memo"), t.memo},
                      {QStringLiteral("reverses"), t.reversesId ? QString::number(t.reversesId) : QString()},
                      {QStringLiteral("reversed_by"),
                       t.reversedById ? QString::number(t.reversedById) : QString()},
                      {QStringLiteral("entries"), entries}},
          text.trimmed());
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
    if (!await(m_service.run([=](LedgerStore &s) { return EconomyReader(s).economy(currency, from, to); }),
               &r, &code))
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
    if (!await(m_service.run([=](LedgerStore &s) { return EconomyReader(s).distribution(currency); }), &d,
               &code))
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
                    .arg(h.playerRef, h.name)
                    .arg(Money::format(h.balance, d.exponent));
    print(ApiCodec::toJson(d), text.trimmed());
    return Ok;
}
