#pragma once

#include "demogenerator.h"
#include "ledgerservice.h"

#include <QCommandLineParser>
#include <QJsonObject>
#include <QStringList>
#include <QTextStream>

/// The `walletctl` command line: parses one command, runs it through LedgerService and prints the result.
/// Exit codes (also in docs/walletctl.md): 0 ok, 2 bad usage or input, 3 not found, 4 refused by a ledger
/// rule, 5 permission denied, 6 database error, 7 verify found a problem.
class WalletCtl final {
public:
    WalletCtl(QTextStream &out, QTextStream &err);
    int run(const QStringList &arguments);

private:
    int dispatch(const QString &command, const QStringList &args);
    int fail(int code, const QString &message);
    int fail(const LedgerError &error);
    template <typename T> bool await(QFuture<Result<T>> future, T *out, int *exitCode);

    int cmdInit();
    int cmdDemo();
    int cmdCurrency(const QStringList &args);
    int cmdAccount(const QStringList &args);
    int cmdHistory(const QStringList &args);
    int cmdBalance(const QStringList &args);
    int cmdPost(const QStringList &args);
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
    LedgerService m_service;
    Actor m_actor;
    bool m_json = false;
    DemoOptions m_demo;
};
