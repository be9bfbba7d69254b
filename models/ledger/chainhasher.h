#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <string>

/// Builds the canonical bytes of a journal or audit row and chains them: hash = SHA-256(prev || bytes).
/// Text is hashed as UTF-8 with a length prefix, numbers as decimal text, so no field's content can imitate
/// a boundary and the bytes do not depend on the database that stored them.
/// SHA-256 comes from OpenSSL's libcrypto, which uses the CPU's SHA instructions: verify hashes every row
/// of the ledger, and QCryptographicHash's portable code is several times slower.
class ChainHasher final {
public:
    explicit ChainHasher(QByteArrayView previousHashHex);
    Q_DISABLE_COPY_MOVE(ChainHasher)
    ChainHasher &add(qint64 value);
    ChainHasher &add(QByteArrayView utf8);
    ChainHasher &add(const QByteArray &utf8) { return add(QByteArrayView(utf8)); }
    /// Lower-case hex digest.
    QByteArray finish();

    /// Frees OpenSSL's per-thread state of the calling thread. Call it last on a thread that hashed and
    /// may outlive nothing that waits for it (a worker or pool thread): otherwise the thread-exit handler
    /// races with process exit and LeakSanitizer reports the state.
    static void releaseThreadState();

private:
    void update(const char *data, qsizetype size) { m_bytes.append(data, size_t(size)); }
    /// The canonical bytes, hashed in one call at finish(): one digest update per field cost more than the
    /// hashing itself for these short rows. A std::string because its append is an inline copy, where
    /// QByteArray's goes through insert() (7% of verify's time when it was one).
    std::string m_bytes;
};

/// The fields of a journal transaction that its hash covers, in canonical order (UTF-8 text).
struct JournalHashInput {
    qint64 id = 0;
    QByteArray kind;
    QByteArray key;
    QByteArray requestHash;
    qint64 operatorId = 0;
    QByteArray origin;
    qint64 createdAt = 0;
    qint64 reversesId = 0;
    bool forced = false;
    qint64 approvalId = 0;
    QByteArray reasonCode;
    QByteArray ticketRef;
    QByteArray memo;
    int lane = 0;
};

/// Hash of a journal transaction: its header, then each entry (account, shard, amount, balance after) in id
/// order.
class JournalHash final {
public:
    JournalHash(QByteArrayView previousHashHex, const JournalHashInput &t);
    void addEntry(qint64 accountId, int shard, qint64 amount, qint64 balanceAfter);
    QByteArray finish() { return m_hasher.finish(); }

private:
    ChainHasher m_hasher;
    qint64 m_createdAt;
};

/// The fields of an audit row that its hash covers.
struct AuditHashInput {
    qint64 id = 0;
    qint64 at = 0;
    QByteArray operatorName;
    QByteArray origin;
    QByteArray action;
    QByteArray target;
    QByteArray outcome;
    QByteArray detail;
    int lane = 0;
};

QByteArray auditRowHash(QByteArrayView previousHashHex, const AuditHashInput &a);

/// Lower-case hex SHA-256 of some bytes (request fingerprints for idempotency).
QByteArray sha256Hex(QByteArrayView bytes);
