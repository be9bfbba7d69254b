#include "chainhasher.h"

ChainHasher::ChainHasher(const QString &previousHashHex)
{
    m_hash.addData(previousHashHex.toLatin1());
}

ChainHasher &ChainHasher::add(qint64 value)
{
    char buf[24];
    const int n = std::snprintf(buf, sizeof buf, "%lld;", static_cast<long long>(value));
    m_hash.addData(QByteArrayView(buf, n));
    return *this;
}

ChainHasher &ChainHasher::add(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    add(qint64(utf8.size()));
    m_hash.addData(utf8);
    return *this;
}

QString ChainHasher::finish()
{
    return QString::fromLatin1(m_hash.result().toHex());
}

JournalHash::JournalHash(const QString &previousHashHex, const JournalHashInput &t)
    : m_hasher(previousHashHex)
    , m_createdAt(t.createdAt)
{
    m_hasher.add(t.id).add(t.kind).add(t.key).add(t.requestHash).add(t.operatorId).add(t.origin).add(t.createdAt)
        .add(t.reversesId).add(t.forced ? 1 : 0).add(t.approvalId).add(t.reasonCode).add(t.ticketRef).add(t.memo)
        .add(t.lane);
}

void JournalHash::addEntry(qint64 accountId, int shard, qint64 amount, qint64 balanceAfter)
{
    m_hasher.add(accountId).add(shard).add(amount).add(balanceAfter).add(m_createdAt);
}

QString auditRowHash(const QString &previousHashHex, qint64 id, qint64 at, const QString &operatorName,
                     const QString &origin, const QString &action, const QString &target, const QString &outcome,
                     const QString &detail, int lane)
{
    return ChainHasher(previousHashHex)
        .add(id)
        .add(at)
        .add(operatorName)
        .add(origin)
        .add(action)
        .add(target)
        .add(outcome)
        .add(detail)
        .add(lane)
        .finish();
}
