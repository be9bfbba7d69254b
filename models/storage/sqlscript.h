#pragma once

#include <QString>
#include <QStringList>

/// Splits a migration script into statements. A statement ends with ';' at the end of a line, except
/// inside a dollar-quoted ($$) body, so PostgreSQL functions survive; "--" comment lines are dropped.
QStringList splitSqlScript(const QString &script);
