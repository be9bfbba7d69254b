#include "accountquery.h"

AccountKey AccountKey::of(const AccountQuery &query, const Account &a) {
    switch (query.sort) {
    case AccountQuery::Sort::Id:
        return {QVariant(a.id), a.id};
    case AccountQuery::Sort::PlayerRef:
        return {QVariant(a.playerRef), a.id};
    case AccountQuery::Sort::Name:
        return {QVariant(a.name.toLower()), a.id};
    case AccountQuery::Sort::Currency:
        return {QVariant(a.currency), a.id};
    case AccountQuery::Sort::Balance:
        return {QVariant(a.kind == AccountKind::System ? qint64(0) : a.balance), a.id};
    case AccountQuery::Sort::Available:
        return {QVariant(a.kind == AccountKind::System ? qint64(0) : a.available()), a.id};
    case AccountQuery::Sort::State:
        return {QVariant(accountStateName(a.state)), a.id};
    case AccountQuery::Sort::LastActivity:
        return {QVariant(a.lastActivityAt), a.id};
    case AccountQuery::Sort::Created:
        return {QVariant(a.createdAt), a.id};
    }
    return {QVariant(a.id), a.id};
}
