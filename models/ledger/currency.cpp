#include "currency.h"

bool Currency::isValidCode(const QString &code) {
    if (code.size() < 2 || code.size() > 16 || !(code.front() >= u'A' && code.front() <= u'Z'))
        return false;
    for (QChar c : code) {
        const bool ok = (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'_';
        if (!ok)
            return false;
    }
    return true;
}
