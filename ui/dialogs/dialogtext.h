#pragma once

#include "account.h"
#include "role.h"

#include <QColor>
#include <QCoreApplication>
#include <QList>
#include <QPalette>
#include <QString>

/// How the dialogs write amounts, accounts and times, so that all of them read the same.
class DialogText final {
    Q_DECLARE_TR_FUNCTIONS(DialogText)
public:
    /// "1,500.00 USD" in the user's locale; exact (no floating point).
    static QString money(qint64 minor, int exponent, const QString &currency);
    /// "Account 12 · player 1001 (Ann) · USD · frozen", as rich text with the id in bold.
    static QString accountLine(const Account &account);
    /// Plain-text state word, translated: "active", "frozen", "closed".
    static QString state(AccountState state);
    /// Translated role name: "viewer", "support", "supervisor", "admin".
    static QString role(Role role);
    /// One line of a before/after preview.
    struct Change {
        QString what; ///< "Balance", "Available", "To account 12"
        QString before;
        QString after;
    };
    /// A before/after table as rich text, amounts right-aligned in columns, with `notes` below it. The same
    /// content as plain lines ("Balance:  500.00 USD  →  525.50 USD") goes to *plain, for accessibility and
    /// tests.
    static QString changes(const QList<Change> &rows, const QStringList &notes, QString *plain);
    /// Milliseconds since the epoch as a local date and time.
    static QString time(qint64 msSinceEpoch);

    /// The tones of the dialogs' messages, and the style sheet of each: colours that read on both light and
    /// dark palettes.
    enum class Tone { Plain, Muted, Error, Success, Warning };
    static QString style(Tone tone, const QPalette &palette);
    /// The tone's text colour on `palette`; invalid for Plain (the palette's own).
    static QColor color(Tone tone, const QPalette &palette);
};
