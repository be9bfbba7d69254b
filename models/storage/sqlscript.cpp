#include "sqlscript.h"

QStringList splitSqlScript(const QString &script) {
    QStringList statements;
    QString current;
    bool inDollarBody = false;
    for (const QString &line : script.split(u'\n')) {
        const QString trimmed = line.trimmed();
        if (!inDollarBody && (trimmed.isEmpty() || trimmed.startsWith(u"--")))
            continue;
        if (line.count(QStringLiteral("$$")) % 2 == 1)
            inDollarBody = !inDollarBody;
        current += line + u'\n';
        if (!inDollarBody && trimmed.endsWith(u';')) {
            statements << current.trimmed();
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty())
        statements << current.trimmed();
    return statements;
}
