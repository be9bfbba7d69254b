#pragma once

#include <QByteArray>
#include <QCryptographicHash>
#include <QString>

/// Builds the canonical bytes of a journal or audit row and chains them: hash = SHA-256(prev || bytes).
/// Fields are length-prefixed, so no field's content can imitate a boundary.
class ChainHasher final
{
public:
    explicit ChainHasher(const QString &previousHashHex);
    ChainHasher &add(qint64 value);
    ChainHasher &add(const QString &text);
    /// Lower-case hex digest.
    QString finish();

private:
    QCryptographicHash m_hash{QCryptographicHash::Sha256};
};

/// The fields of a journal transaction that its hash covers, in canonical order.
struct JournalHashInput {
    qint64 id = 0;
    QString kind;
    QString key;
    QString requestHash;
    qint64 operatorId = 0;
    QString origin;
    qint64 createdAt = 0;
    qint64 reversesId = 0;
    bool forced = false;
    qint64 approvalId = 0;
    QString reasonCode;
    QString ticketRef;
    QString memo;
    int lane = 0;
};

/// Hash of a journal transaction: its header, then each entry (account, shard, amount, balance after) in id order.
class JournalHash final
{
public:
    JournalHash(const QString &previousHashHex, const JournalHashInput &t);
    void addEntry(qint64 accountId, int shard, qint64 amount, qint64 balanceAfter);
    QString finish() { return m_hasher.finish(); }

private:
    ChainHasher m_hasher;
    qint64 m_createdAt;
};

/// Hash of an audit row.
QString auditRowHash(const QString &previousHashHex, qint64 id, qint64 at, const QString &operatorName,
                     const QString &origin, const QString &action, const QString &target, const QString &outcome,
                     const QString &detail, int lane);
