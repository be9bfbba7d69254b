#pragma once

#include <QString>

/// A currency or an in-game item. Items (TREASURE_BOX) and virtual currencies (GOLD) have exponent 0;
/// exponent 2 means amounts are stored in hundredths. Amounts are always whole minor units.
struct Currency {
    QString code;
    int exponent = 0;
    QString name;

    static constexpr int MaxExponent = 4;
    /// Codes are 2..16 upper-case letters, digits or underscores, starting with a letter.
    static bool isValidCode(const QString &code);
};
