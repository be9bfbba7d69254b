#pragma once

#include "demogenerator.h"
#include "ledgerclient.h"
#include "ledgerwait.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>
#include <QTextStream>
#include <memory>

class LocalLedgerClient;

/// The `walletctl` command line: parses one command, runs it through a LedgerClient and prints the result.
/// The same command code runs on a ledger's database (LocalLedgerClient; --db) and on walletd
/// (RemoteLedgerClient; --server), with the same output and exit codes. Commands that only make sense on a
/// database (init, demo) and those walletd has no route for yet are refused under --server (isLocalOnly).
/// Exit codes (also in docs/walletctl.md): 0 ok, 2 bad usage or input, 3 not found, 4 refused by a ledger
/// rule, 5 permission denied, 6 database error, 7 verify found a problem.
///
/// The command functions live in files by subject: walletctl_accounts.cpp (accounts, history, balances,
/// transactions), walletctl_postings.cpp (postings, reversals, approvals, account states) and
/// walletctl_admin.cpp (init, demo, currencies, operators, audit, verify, economy); walletctl_statement.cpp
/// (statements as PDF or CSV); walletctl_import.cpp and walletctl_export.cpp (CSV files in and out).
class WalletCtl final {
public:
    WalletCtl(QTextStream &out, QTextStream &err);
    ~WalletCtl();
    Q_DISABLE_COPY_MOVE(WalletCtl)
    int run(const QStringList &arguments);

    /// Why `command` (with its arguments) cannot run through walletd, or an empty string when it can.
    static QString localOnlyReason(const QString &command, const QStringList &args);

private:
    /// Signs in to walletd (--server) with the password on stdin's first line.
    int connectRemote();
    int dispatch(const QString &command, const QStringList &args);
    int fail(int code, const QString &message);
    int fail(const LedgerError &error);
    /// Waits for the client's answer: true with the value in `out`, or false with `exitCode` set and the
    /// error printed.
    template <typename T> bool await(QFuture<Result<T>> future, T *out, int *exitCode) {
        const Result<T> r = waitForResult(std::move(future));
        if (!r) {
            *exitCode = fail(r.error());
            return false;
        }
        if (out)
            *out = r.value();
        return true;
    }

    int cmdInit();
    int cmdDemo();
    int cmdCurrency(const QStringList &args);
    int cmdAccount(const QStringList &args);
    int cmdHistory(const QStringList &args);
    int cmdBalance(const QStringList &args);
    int cmdPost(const QStringList &args);
    /// import FILE [--dry-run] [--result FILE]: walletctl_import.cpp.
    int cmdImport(const QStringList &args);
    /// export accounts|journal|history ID --csv FILE [filters]: walletctl_export.cpp.
    int cmdExport(const QStringList &args);
    /// A posting's entries as walletctl prints them in JSON (minor units as strings).
    static QJsonArray entriesJson(const PostingResult &result);
    /// What a dry run says: `outcome` ("would post"), then every leg with its balance before and after.
    QString dryRunText(const PostingResult &result, const QString &outcome);
    int cmdReverse(const QStringList &args);
    int cmdDecide(const QString &command, const QStringList &args);
    int cmdApprovals();
    int cmdState(const QString &command, const QStringList &args);
    int cmdVerify();
    int cmdOperator(const QStringList &args);
    int cmdAudit();
    int cmdTransaction(const QStringList &args);
    int cmdEconomy();
    int cmdDistribution();
    int cmdStatement(const QStringList &args);
    bool parseDay(const QString &option, qint64 *dayStartMs, int *exitCode);

    bool currencyExponents(QHash<QString, int> *out, int *exitCode);
    bool demoOptions(DemoOptions *o, QString *problem) const;
    bool parseId(const QString &text, const QString &what, qint64 *out, int *exitCode);
    bool needOption(const QString &name, QString *out, int *exitCode);
    void print(const QJsonObject &json, const QString &text);
    QJsonObject accountJson(const Account &a) const;
    QString accountText(const Account &a) const;

    QTextStream &m_out;
    QTextStream &m_err;
    QCommandLineParser m_parser;
    std::unique_ptr<LedgerClient> m_client;
    LocalLedgerClient *m_local = nullptr; ///< m_client on a database; null under --server
    QString m_operator;
    bool m_json = false;
    DemoOptions m_demo;
};
