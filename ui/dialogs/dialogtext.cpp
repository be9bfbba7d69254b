#include "dialogtext.h"

#include "money.h"

#include <QDateTime>
#include <QLocale>

QString DialogText::money(qint64 minor, int exponent, const QString &currency) {
    return Money::formatLocalized(minor, exponent, QLocale()) + QChar(u'\u00a0') + currency;
}

QString DialogText::accountLine(const Account &account) {
    QString who;
    if (account.kind == AccountKind::System)
        who = tr("system account %1").arg(account.name.toHtmlEscaped());
    else if (account.name.isEmpty())
        who = tr("player %1").arg(account.playerRef.toHtmlEscaped());
    else
        who = tr("player %1 (%2)").arg(account.playerRef.toHtmlEscaped(), account.name.toHtmlEscaped());
    return tr("<b>Account %1</b> · %2 · %3 · %4")
        .arg(account.id)
        .arg(who, account.currency.toHtmlEscaped(), state(account.state));
}

QString DialogText::state(AccountState state) {
    switch (state) {
    case AccountState::Active:
        return tr("active");
    case AccountState::Frozen:
        return tr("frozen");
    case AccountState::Closed:
        return tr("closed");
    }
    return {};
}

QString DialogText::role(Role role) {
    switch (role) {
    case Role::Viewer:
        return tr("viewer");
    case Role::Support:
        return tr("support");
    case Role::Supervisor:
        return tr("supervisor");
    case Role::Admin:
        return tr("admin");
    }
    return {};
}

QString DialogText::changes(const QList<Change> &rows, const QStringList &notes, QString *plain) {
    QString html = QStringLiteral("<table cellspacing=\"0\" cellpadding=\"1\">");
    QStringList lines;
    for (const Change &c : rows) {
        html += QStringLiteral("<tr><td>%1&nbsp;&nbsp;</td><td align=\"right\">%2</td>"
                               "<td>&nbsp;&nbsp;→&nbsp;&nbsp;</td><td align=\"right\"><b>%3</b></td></tr>")
                    .arg(c.what.toHtmlEscaped(), c.before.toHtmlEscaped(), c.after.toHtmlEscaped());
        lines << tr("%1:  %2  →  %3").arg(c.what, c.before, c.after);
    }
    html += QStringLiteral("</table>");
    for (const QString &note : notes) {
        html += QStringLiteral("<p style=\"margin-top:4px\">%1</p>").arg(note.toHtmlEscaped());
        lines << note;
    }
    if (plain)
        *plain = lines.join(u'\n');
    return html;
}

QString DialogText::time(qint64 msSinceEpoch) {
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(msSinceEpoch).toLocalTime(),
                              QLocale::ShortFormat);
}

QColor DialogText::color(Tone tone, const QPalette &palette) {
    const bool dark = palette.color(QPalette::Window).lightness() < 128;
    switch (tone) {
    case Tone::Error:
        return dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb3, 0x26, 0x1e);
    case Tone::Success:
        return dark ? QColor(0x8b, 0xd8, 0x8b) : QColor(0x1b, 0x6e, 0x20);
    case Tone::Warning:
        return dark ? QColor(0xff, 0xcc, 0x80) : QColor(0x8a, 0x53, 0x00);
    case Tone::Muted:
        return palette.color(QPalette::PlaceholderText);
    case Tone::Plain:
        break;
    }
    return {};
}

QString DialogText::style(Tone tone, const QPalette &palette) {
    const QColor c = color(tone, palette);
    return c.isValid() ? QStringLiteral("color: %1;").arg(c.name()) : QString();
}
