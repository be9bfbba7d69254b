#include "walletctl.h"
#include "walletctl_p.h"

#include "apicodec.h"
#include "buildinfo.h"
#include "demogenerator.h"
#include "localledgerclient.h"
#include "money.h"
#include "remoteledgerclient.h"
#include "secretstore.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcessEnvironment>
#include <QSysInfo>

#include <unistd.h>

using namespace WalletCtlDetail;

namespace {

const char *const UsageText =
    R"(usage: walletctl [--db URL | --server URL] [--as OPERATOR] [--json] COMMAND [ARGS]

The ledger is --db PATH, --db sqlite:PATH, --db postgresql://user:pass@host:port/name, or $WALLETDESK_DB;
or walletd at --server https://host:port, signed in with the password on the first line of stdin
(or, at a terminal, the one the desktop app saved in the keychain for this operator and address).
The operator is --as NAME (or --operator NAME), or $WALLETDESK_OPERATOR, or the login name.
init, demo, currency add and operator add/disable/passwd work on a database only.

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
  import FILE [--dry-run] [--result FILE]
                                        bulk postings from CSV: every row rehearsed first, refused rows
                                        listed with their lines; posted only when none is refused
                                        post, reverse, approve and reject take --dry-run: the ledger checks
                                        everything and says what would happen, and writes nothing
  freeze ID --reason TEXT | unfreeze ID --reason TEXT | close ID --reason TEXT
  verify [--digest-out FILE] [--expect-digest HEX]
  operator add NAME --role ROLE [--limit CODE:AMOUNT]... | operator list | operator disable NAME
  operator passwd NAME                  sets NAME's walletd password, read from the first line of stdin
  audit [--limit N]
  economy --currency CODE [--from YYYY-MM-DD] [--to YYYY-MM-DD]
                                        per UTC day: holdings, sources and sinks by kind, active players
  distribution --currency CODE          who holds the currency: histogram, top shares, Gini, top holders
  statement ID --from YYYY-MM-DD --to YYYY-MM-DD (--pdf FILE | --csv FILE) [--page-size a4|letter]
  statement --player REF --from ... --to ... (--pdf FILE | --csv FILE)
                                        an account's (or all of a player's) statement for those UTC days
  export accounts --csv FILE [--player REF] [--currency CODE] [--system]
  export journal --csv FILE [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--kind KIND] [--by OPERATOR]
                 [--currency CODE [--min-amount A] [--max-amount A]] [--system]
  export history ID --csv FILE
                                        a CSV file: accounts in id order, journal entries and an
                                        account's history newest first; audited
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

} // namespace

WalletCtl::~WalletCtl() = default;

WalletCtl::WalletCtl(QTextStream &out, QTextStream &err)
    : m_out(out)
    , m_err(err) {
    m_parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    m_parser.addOptions({
        {QStringLiteral("db"), QStringLiteral("ledger location"), QStringLiteral("URL")},
        {QStringLiteral("server"), QStringLiteral("walletd address"), QStringLiteral("URL")},
        {{QStringLiteral("as"), QStringLiteral("operator")},
         QStringLiteral("operator name"),
         QStringLiteral("NAME")},
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
        {QStringLiteral("dry-run"), {}},
        {QStringLiteral("result"), {}, QStringLiteral("FILE")},
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
        {QStringLiteral("pdf"), {}, QStringLiteral("FILE")},
        {QStringLiteral("csv"), {}, QStringLiteral("FILE")},
        {QStringLiteral("page-size"), {}, QStringLiteral("SIZE")},
        {QStringLiteral("kind"), {}, QStringLiteral("KIND")},
        {QStringLiteral("by"), {}, QStringLiteral("OPERATOR")},
        {QStringLiteral("min-amount"), {}, QStringLiteral("A")},
        {QStringLiteral("max-amount"), {}, QStringLiteral("A")},
        {QStringLiteral("system"), {}},
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
    const bool remote = m_parser.isSet(QStringLiteral("server"));
    std::optional<DatabaseUrl> url;
    if (remote && m_parser.isSet(QStringLiteral("db")))
        return fail(Usage, QStringLiteral("--db and --server name two ledgers; give one of them"));
    if (!remote) {
        const QString dbText = m_parser.isSet(QStringLiteral("db"))
                                   ? m_parser.value(QStringLiteral("db"))
                                   : env.value(QStringLiteral("WALLETDESK_DB"));
        QString error;
        url = DatabaseUrl::parse(dbText, &error);
        if (!url)
            return fail(Usage, error);
    }
    m_operator = m_parser.isSet(QStringLiteral("as"))
                     ? m_parser.value(QStringLiteral("as"))
                     : env.value(QStringLiteral("WALLETDESK_OPERATOR"),
                                 env.value(QStringLiteral("USER"), QStringLiteral("admin")));

    const QString command = positional.first();
    static const QStringList known{
        QStringLiteral("init"),     QStringLiteral("demo"),         QStringLiteral("currency"),
        QStringLiteral("account"),  QStringLiteral("history"),      QStringLiteral("balance"),
        QStringLiteral("post"),     QStringLiteral("reverse"),      QStringLiteral("approve"),
        QStringLiteral("reject"),   QStringLiteral("approvals"),    QStringLiteral("freeze"),
        QStringLiteral("unfreeze"), QStringLiteral("close"),        QStringLiteral("verify"),
        QStringLiteral("operator"), QStringLiteral("audit"),        QStringLiteral("transaction"),
        QStringLiteral("economy"),  QStringLiteral("distribution"), QStringLiteral("statement"),
        QStringLiteral("import"),   QStringLiteral("export")};
    if (!known.contains(command))
        return fail(Usage, QStringLiteral("unknown command \"%1\"; see walletctl --help").arg(command));
    if (remote) {
        if (const QString why = localOnlyReason(command, positional.mid(1)); !why.isEmpty())
            return fail(Usage, why);
        if (const int code = connectRemote(); code != Ok)
            return code;
        const int code = dispatch(command, positional.mid(1));
        // Sign out, so that the session does not outlive this run (its end is not this command's outcome).
        waitForResult(static_cast<RemoteLedgerClient *>(m_client.get())->disconnectFromServer());
        return code;
    }
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
    auto local = std::make_unique<LocalLedgerClient>();
    m_local = local.get();
    m_client = std::move(local);
    int code = Ok;
    const Actor actor{m_operator, QStringLiteral("walletctl@%1").arg(QSysInfo::machineHostName())};
    if (!await(m_local->open(*url, actor), static_cast<Done *>(nullptr), &code))
        return code;
    // A long command (an import, an export, verify) outlives a database restart or failover: while the
    // database is unreachable, the ledger's jobs wait for it rather than fail (docs/reliability.md).
    m_local->service().setOutageWait(OutageWaitMs);
    QObject::connect(m_local, &LedgerClient::availabilityChanged, m_local,
                     [this](bool available, const QString &reason) {
                         if (available)
                             m_err << "walletctl: the ledger database answers again; carrying on" << Qt::endl;
                         else
                             m_err << "walletctl: the ledger database is unreachable (" << reason
                                   << "); waiting up to " << OutageWaitMs / 1000 << " s for it" << Qt::endl;
                     });
    return dispatch(command, positional.mid(1));
}

QString WalletCtl::localOnlyReason(const QString &command, const QStringList &args) {
    if (command == u"init" || command == u"demo")
        return QStringLiteral("%1 works on a ledger's database (--db), not through walletd (--server)")
            .arg(command);
    // walletd's admin API serves the ledger's work, not its administration (docs/walletctl.md).
    const QString sub = args.value(0);
    const QString name = command == u"currency" && sub == u"add" ? QStringLiteral("currency add")
                         : command == u"operator" && (sub == u"add" || sub == u"disable" || sub == u"passwd")
                             ? QStringLiteral("operator ") + sub
                             : QString();
    if (name.isEmpty())
        return {};
    return QStringLiteral("%1 is not available through walletd (--server): it administers the ledger itself; "
                          "run it on the ledger's database (--db)")
        .arg(name);
}

int WalletCtl::connectRemote() {
    const QString text = m_parser.value(QStringLiteral("server"));
    const QUrl server(text, QUrl::StrictMode);
    if (!server.isValid() || (server.scheme() != u"http" && server.scheme() != u"https") ||
        server.host().isEmpty() || !server.query().isEmpty() || !server.fragment().isEmpty())
        return fail(Usage,
                    QStringLiteral("--server \"%1\" is not a walletd address such as https://walletd:8443")
                        .arg(text.left(80)));
    // The password never comes from the command line, where ps would show it. A script pipes it in (the first
    // line of stdin, as `operator passwd` reads it); at a terminal it is the one the desktop app remembered
    // for this operator and walletd (its keychain entry, ConnectionProfile::secretKey()).
    QString password;
    if (!isatty(STDIN_FILENO)) {
        QTextStream in(stdin);
        password = in.readLine();
    } else {
        SecretStore keychain;
        const SecretStore::Reply reply =
            waitForFuture(keychain.read(SecretStore::walletdKey(m_operator, text.trimmed())));
        if (reply.status != SecretStore::Status::Ok)
            return fail(Usage,
                        QStringLiteral("--server: no password of operator %1 for %2 in the keychain (%3); "
                                       "give it on the first line of standard input")
                            .arg(m_operator, text.left(80),
                                 reply.status == SecretStore::Status::NotFound ? QStringLiteral("none saved")
                                                                               : reply.message));
        password = reply.secret;
    }
    auto remote = std::make_unique<RemoteLedgerClient>();
    // A session that ends mid-command (an idle timeout cannot, a changed password can) fails the request
    // instead of waiting for a sign-in that a command line cannot offer.
    RemoteLedgerClient *r = remote.get();
    QObject::connect(
        r, &LedgerClient::signInRequired, r, [r] { r->abandonSession(); }, Qt::QueuedConnection);
    m_client = std::move(remote);
    int code = Ok;
    SessionInfo session;
    if (!await(r->connectTo(server, m_operator, password), &session, &code))
        return code;
    return Ok;
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
    if (command == u"import")
        return cmdImport(args);
    if (command == u"export")
        return cmdExport(args);
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
    if (command == u"statement")
        return cmdStatement(args);
    return cmdTransaction(args);
}

bool WalletCtl::currencyExponents(QHash<QString, int> *out, int *exitCode) {
    QList<Currency> currencies;
    if (!await(m_client->currencies(), &currencies, exitCode))
        return false;
    for (const Currency &c : currencies)
        out->insert(c.code, c.exponent);
    return true;
}
