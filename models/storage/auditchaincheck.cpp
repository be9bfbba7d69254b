#include "auditchaincheck.h"

#include "chainhasher.h"
#include "sqlcursor.h"

#include <QCryptographicHash>
#include <QSqlError>
#include <QSqlQuery>

bool AuditChainCheck::run(QSqlDatabase db, VerifyPart &part) {
    SqlCursor q(
        db,
        QStringLiteral("SELECT id, at, operator, origin, action, target, outcome, detail, lane, prev_hash, "
                       "hash FROM audit_log ORDER BY id"),
        QStringLiteral("verify_audit"));
    while (q.next()) {
        const AuditHashInput a{q.integer(0),
                               q.integer(1),
                               ChainLanes::unowned(q.text(2)),
                               ChainLanes::unowned(q.text(3)),
                               ChainLanes::unowned(q.text(4)),
                               ChainLanes::unowned(q.text(5)),
                               ChainLanes::unowned(q.text(6)),
                               ChainLanes::unowned(q.text(7)),
                               int(q.integer(8))};
        ChainLanes::Lane *chain = m_lanes.lane(a.lane);
        if (!chain)
            return part.problem(
                QStringLiteral("audit record %1: lane %2 is out of range").arg(a.id).arg(a.lane));
        if (q.text(9) != chain->head)
            return part.problem(
                QStringLiteral("audit record %1: its previous hash does not continue audit lane %2")
                    .arg(a.id)
                    .arg(a.lane));
        const QByteArray computed = auditRowHash(q.text(9), a);
        if (computed != q.text(10))
            return part.problem(
                QStringLiteral("audit record %1: its hash does not match its contents").arg(a.id));
        chain->head = computed;
        chain->lastId = a.id;
        ++part.report.auditRecords;
    }
    if (!q.isValid())
        return part.readFailure(q.error());
    return true;
}

void AuditChainCheck::compareHeads(QSqlDatabase db, VerifyPart &part, ChainLanes &journal) {
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT chain, lane, last_id, head FROM chain_heads ORDER BY chain, lane"))) {
        part.readFailure(q.lastError().text());
        return;
    }
    QCryptographicHash digest(QCryptographicHash::Sha256);
    while (q.next()) {
        const QByteArray chain = q.value(0).toString().toUtf8();
        const int number = q.value(1).toInt();
        const QByteArray head = q.value(3).toString().toLatin1();
        const ChainLanes::Lane *walked = (chain == "audit" ? m_lanes : journal).lane(number);
        if (part.report.ok && (!walked || head != walked->head || q.value(2).toLongLong() != walked->lastId))
            part.problem(QStringLiteral("%1 lane %2: the recorded head is not the last row's hash "
                                        "(rows after id %3 are missing or altered)")
                             .arg(QString::fromUtf8(chain))
                             .arg(number)
                             .arg(walked ? walked->lastId : 0));
        digest.addData(chain + ':' + QByteArray::number(number) + ':' + head + '\n');
    }
    part.report.digest = QString::fromLatin1(digest.result().toHex());
}
