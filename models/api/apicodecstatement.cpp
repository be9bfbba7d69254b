#include "apicodec.h"

#include "apicodec_p.h"
#include "apijson.h"

#include <QJsonArray>
#include <QJsonDocument>

// Statements and the record of an export in the admin API's JSON: GET /admin/v1/accounts/{id}/statement and
// POST /admin/v1/audit/export (docs/api/openapi.yaml).

namespace ApiCodec {

using Detail::i64;
using Detail::s64;

QJsonObject toJson(const Statement &s) {
    QJsonArray sections;
    for (const StatementSection &section : s.sections) {
        QJsonArray lines;
        for (const HistoryEntry &h : section.lines)
            lines.append(toJson(h));
        sections.append(QJsonObject{{QStringLiteral("account"), toJson(section.account)},
                                    {QStringLiteral("opening"), s64(section.opening)},
                                    {QStringLiteral("total_in"), s64(section.totalIn)},
                                    {QStringLiteral("total_out"), s64(section.totalOut)},
                                    {QStringLiteral("closing"), s64(section.closing)},
                                    {QStringLiteral("entries"), lines}});
    }
    return {{QStringLiteral("from"), s.fromMs},
            {QStringLiteral("to"), s.toMs},
            {QStringLiteral("ledger"), s.ledgerName},
            {QStringLiteral("digest"), s.ledgerDigest},
            {QStringLiteral("generated_by"), s.generatedBy},
            {QStringLiteral("generated_at"), s.generatedAt},
            {QStringLiteral("sections"), sections}};
}

bool fromJson(const QJsonObject &o, Statement *s) {
    s->fromMs = i64(o.value(QStringLiteral("from")));
    s->toMs = i64(o.value(QStringLiteral("to")));
    s->ledgerName = o.value(QStringLiteral("ledger")).toString();
    s->ledgerDigest = o.value(QStringLiteral("digest")).toString();
    s->generatedBy = o.value(QStringLiteral("generated_by")).toString();
    s->generatedAt = i64(o.value(QStringLiteral("generated_at")));
    s->sections.clear();
    const QJsonArray sections = o.value(QStringLiteral("sections")).toArray();
    for (const auto &v : sections) {
        const QJsonObject so = v.toObject();
        StatementSection section;
        if (!fromJson(so.value(QStringLiteral("account")).toObject(), &section.account))
            return false;
        section.opening = i64(so.value(QStringLiteral("opening")));
        section.totalIn = i64(so.value(QStringLiteral("total_in")));
        section.totalOut = i64(so.value(QStringLiteral("total_out")));
        section.closing = i64(so.value(QStringLiteral("closing")));
        const QJsonArray lines = so.value(QStringLiteral("entries")).toArray();
        section.lines.reserve(lines.size());
        for (const auto &l : lines) {
            HistoryEntry h;
            if (!fromJson(l.toObject(), &h))
                return false;
            section.lines << h;
        }
        s->sections << section;
    }
    return s->toMs > s->fromMs && !s->sections.isEmpty();
}

QByteArray encodeExportRecord(const QString &target, const QString &detail) {
    return QJsonDocument(QJsonObject{{QStringLiteral("target"), target}, {QStringLiteral("detail"), detail}})
        .toJson(QJsonDocument::Compact);
}

bool decodeExportRecord(const QByteArray &body, QString *target, QString *detail, QString *error) {
    const auto doc = ApiJson::parse(body, error);
    if (!doc)
        return false;
    if (!doc->isObject()) {
        *error = QStringLiteral("the request body must be a JSON object");
        return false;
    }
    // What an audit row of an export says: short, printable text (a target such as "account:12" or
    // "journal", a detail such as "120 rows to /home/ann/statement.csv").
    const auto text = [&](const QString &name, bool required, qsizetype maxLength, QString *out) {
        const ApiJson *v = doc->member(name);
        if (!v || v->type() == ApiJson::Type::Null) {
            if (required)
                *error = QStringLiteral("%1 is required").arg(name);
            return !required;
        }
        if (v->type() != ApiJson::Type::String) {
            *error = QStringLiteral("%1 must be a string, not %2").arg(name, ApiJson::typeName(v->type()));
            return false;
        }
        if (v->text().size() > maxLength) {
            *error = QStringLiteral("%1 is longer than %2 characters").arg(name).arg(maxLength);
            return false;
        }
        for (const QChar c : v->text()) {
            if (c.category() == QChar::Other_Control) {
                *error = QStringLiteral("%1 must not contain control characters").arg(name);
                return false;
            }
        }
        *out = v->text();
        return true;
    };
    QString t, d;
    if (!text(QStringLiteral("target"), true, 200, &t) || !text(QStringLiteral("detail"), false, 2000, &d))
        return false;
    if (t.trimmed().isEmpty()) {
        *error = QStringLiteral("target is required");
        return false;
    }
    *target = t;
    *detail = d;
    return true;
}

} // namespace ApiCodec
