#include "serverconfig.h"

#include <QFileInfo>
#include <QSettings>

#include <type_traits>
#include <unistd.h>

namespace {

bool splitListen(const QString &text, QHostAddress *host, QString *hostText, quint16 *port, QString *error) {
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon <= 0) {
        *error = QStringLiteral("--listen needs HOST:PORT, not \"%1\"").arg(text);
        return false;
    }
    QString h = text.left(colon);
    if (h.startsWith(u'[') && h.endsWith(u']'))
        h = h.mid(1, h.size() - 2);
    bool ok = false;
    const uint p = QStringView(text).mid(colon + 1).toUInt(&ok);
    if (!ok || p > 65535) {
        *error = QStringLiteral("--listen: \"%1\" is not a port number").arg(text.mid(colon + 1));
        return false;
    }
    QHostAddress address;
    if (h == u"localhost")
        address = QHostAddress::LocalHost;
    else if (h == u"*" || h == u"0.0.0.0")
        address = QHostAddress::AnyIPv4;
    else if (!address.setAddress(h)) {
        *error = QStringLiteral("--listen: \"%1\" is not an IP address").arg(h);
        return false;
    }
    *host = address;
    *hostText = h == u"localhost" ? QStringLiteral("127.0.0.1") : h;
    *port = quint16(p);
    return true;
}

/// OpenSSH refuses a private key that others can read; walletd warns instead, since its configuration file
/// holds the game servers' service tokens but an operator may have reasons for wider modes. A file its own
/// group can read is fine when that group is walletd's (the packages install it root:walletd 0640).
QString warningIfReadableByOthers(const QString &path) {
    const QFileInfo info(path);
    const QFileDevice::Permissions p = info.permissions();
    QString who;
    if (p & QFileDevice::ReadOther)
        who = QStringLiteral("every local user");
    else if ((p & QFileDevice::ReadGroup) && info.groupId() != ::getegid())
        who = QStringLiteral("the group %1")
                  .arg(info.group().isEmpty() ? QString::number(info.groupId()) : info.group());
    if (who.isEmpty())
        return {};
    return QStringLiteral("WARNING: the configuration file %1 can be read by %2; it holds the game servers' "
                          "service tokens: chmod 600 it (or 640 with walletd's group)")
        .arg(path, who);
}

} // namespace

QString ServerConfig::defaultTlsCiphers() {
    // Mozilla's server-side TLS guidelines, "intermediate" profile (version 5.7), TLS 1.2 part.
    return QStringLiteral("ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:"
                          "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:"
                          "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305:"
                          "DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-GCM-SHA384:DHE-RSA-CHACHA20-POLY1305");
}

QString ServerConfig::usage() {
    return QStringLiteral(
        "usage: walletd --db URL --listen HOST:PORT [--tls-cert FILE --tls-key FILE] [--config FILE]\n"
        "               [--game-currency CODE] [--game-operator NAME] [--game-api-insecure]\n"
        "       walletd --version | --help\n"
        "Serves the admin API and the game APIs over a WalletDesk ledger (see walletd(1)).\n"
        "Port 0 picks a free port; the first line on stdout says where it listens.\n");
}

bool ServerConfig::parse(const QStringList &args, QString *error, Action *action) {
    *action = Action::Serve;
    QHash<QString, QString> flags;
    const QStringList withValue{QStringLiteral("--db"),           QStringLiteral("--listen"),
                                QStringLiteral("--tls-cert"),     QStringLiteral("--tls-key"),
                                QStringLiteral("--config"),       QStringLiteral("--game-currency"),
                                QStringLiteral("--game-operator")};
    for (qsizetype i = 0; i < args.size(); ++i) {
        QString a = args.at(i);
        QString value;
        const qsizetype eq = a.indexOf(u'=');
        if (a.startsWith(u"--") && eq > 0) {
            value = a.mid(eq + 1);
            a = a.left(eq);
            // A typo must not be ignored, nor "--game-api-insecure=false" obeyed.
            if (!withValue.contains(a)) {
                *error = a == u"--game-api-insecure" ? QStringLiteral("%1 takes no value").arg(a)
                                                     : QStringLiteral("unknown argument \"%1\"").arg(a);
                return false;
            }
            flags.insert(a, value);
            continue;
        }
        if (a == u"--help" || a == u"-h") {
            *action = Action::Help;
            return true;
        }
        if (a == u"--version") {
            *action = Action::Version;
            return true;
        }
        if (a == u"--game-api-insecure") {
            flags.insert(a, QStringLiteral("1"));
            continue;
        }
        if (!withValue.contains(a)) {
            *error = QStringLiteral("unknown argument \"%1\"").arg(a);
            return false;
        }
        if (i + 1 >= args.size()) {
            *error = QStringLiteral("%1 needs a value").arg(a);
            return false;
        }
        flags.insert(a, args.at(++i));
    }

    // The file first, flags over it.
    QHash<QString, QString> file;
    if (flags.contains(QStringLiteral("--config"))) {
        const QString path = flags.value(QStringLiteral("--config"));
        if (!QFileInfo(path).isReadable()) {
            *error = QStringLiteral("cannot read the configuration file %1").arg(path);
            return false;
        }
        QSettings settings(path, QSettings::IniFormat);
        if (settings.status() != QSettings::NoError) {
            *error = QStringLiteral("the configuration file %1 is not valid INI").arg(path);
            return false;
        }
        const QString warning = warningIfReadableByOthers(path);
        if (!warning.isEmpty())
            warnings << warning;
        settings.beginGroup(QStringLiteral("walletd"));
        static const QStringList known{QStringLiteral("db"),
                                       QStringLiteral("listen"),
                                       QStringLiteral("tls_cert"),
                                       QStringLiteral("tls_key"),
                                       QStringLiteral("tls_ciphers"),
                                       QStringLiteral("tls_min_version"),
                                       QStringLiteral("game_currency"),
                                       QStringLiteral("game_operator"),
                                       QStringLiteral("game_tokens"),
                                       QStringLiteral("game_api_insecure"),
                                       QStringLiteral("max_body_bytes"),
                                       QStringLiteral("max_batch"),
                                       QStringLiteral("batch_writers"),
                                       QStringLiteral("request_deadline_s"),
                                       QStringLiteral("db_wait_s")};
        for (const QString &key : settings.allKeys()) {
            // QSettings knows only ';' comments: a '#' line holding '=' arrives as a key. It is a comment.
            if (key.startsWith(u'#'))
                continue;
            if (!known.contains(key)) { // a misspelt key would otherwise leave its default silently in force
                *error = QStringLiteral("unknown setting \"%1\" in %2").arg(key, path);
                return false;
            }
            const QVariant v = settings.value(key);
            file.insert(key,
                        v.typeId() == QMetaType::QStringList ? v.toStringList().join(u',') : v.toString());
        }
    }
    auto setting = [&](const QString &flag, const QString &key) {
        return flags.contains(flag) ? flags.value(flag) : file.value(key);
    };

    const QString dbText = setting(QStringLiteral("--db"), QStringLiteral("db"));
    if (dbText.isEmpty()) {
        *error = QStringLiteral("--db URL is required");
        return false;
    }
    const auto url = DatabaseUrl::parse(dbText, error);
    if (!url)
        return false;
    this->db = *url;
    const QString listen = setting(QStringLiteral("--listen"), QStringLiteral("listen"));
    if (listen.isEmpty()) {
        *error = QStringLiteral("--listen HOST:PORT is required");
        return false;
    }
    if (!splitListen(listen, &host, &hostText, &port, error))
        return false;
    tlsCert = setting(QStringLiteral("--tls-cert"), QStringLiteral("tls_cert"));
    tlsKey = setting(QStringLiteral("--tls-key"), QStringLiteral("tls_key"));
    if (tlsCert.isEmpty() != tlsKey.isEmpty()) {
        *error = QStringLiteral("--tls-cert and --tls-key go together");
        return false;
    }
    if (file.contains(QStringLiteral("tls_ciphers"))) {
        tlsCiphers = file.value(QStringLiteral("tls_ciphers")).trimmed();
        if (tlsCiphers.isEmpty()) {
            *error = QStringLiteral("tls_ciphers is empty: leave it out for the default profile");
            return false;
        }
    }
    if (file.contains(QStringLiteral("tls_min_version"))) {
        tlsMinVersion = file.value(QStringLiteral("tls_min_version")).trimmed();
        if (tlsMinVersion != u"1.2" && tlsMinVersion != u"1.3") {
            *error = QStringLiteral("tls_min_version must be 1.2 or 1.3, not \"%1\"").arg(tlsMinVersion);
            return false;
        }
    }
    const QString currency = setting(QStringLiteral("--game-currency"), QStringLiteral("game_currency"));
    if (!currency.isEmpty())
        gameCurrency = currency;
    const QString op = setting(QStringLiteral("--game-operator"), QStringLiteral("game_operator"));
    if (!op.isEmpty())
        gameOperator = op;
    for (const QString &t : file.value(QStringLiteral("game_tokens")).split(u',', Qt::SkipEmptyParts))
        if (!t.trimmed().isEmpty())
            gameTokens << t.trimmed();
    const QString insecure = file.value(QStringLiteral("game_api_insecure"), QStringLiteral("false"));
    if (insecure != u"true" && insecure != u"false") {
        *error = QStringLiteral("game_api_insecure must be true or false, not \"%1\"").arg(insecure);
        return false;
    }
    gameApiInsecure = flags.contains(QStringLiteral("--game-api-insecure")) || insecure == u"true";
    // The whole-number settings: each optional, each within its range, each named when it is not.
    const auto number = [&](const QString &key, qlonglong min, qlonglong max, auto *out) {
        if (!file.contains(key))
            return true;
        bool ok = false;
        const qlonglong n = file.value(key).toLongLong(&ok);
        if (!ok || n < min || n > max) {
            *error = QStringLiteral("%1 must be from %2 to %3").arg(key).arg(min).arg(max);
            return false;
        }
        *out = static_cast<std::remove_pointer_t<decltype(out)>>(n);
        return true;
    };
    return number(QStringLiteral("max_body_bytes"), 1024, qlonglong(16) * 1024 * 1024, &maxBodyBytes) &&
           number(QStringLiteral("max_batch"), 1, 10000, &maxBatch) &&
           number(QStringLiteral("batch_writers"), 1, 32, &batchWriters) &&
           number(QStringLiteral("request_deadline_s"), 1, 600, &requestDeadlineS) &&
           number(QStringLiteral("db_wait_s"), 0, 86400, &dbWaitS);
}
