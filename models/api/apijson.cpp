#include "apijson.h"

/// Recursive descent over UTF-8 bytes. Depth is bounded, so the recursion is too.
class ApiJsonParser final {
public:
    ApiJsonParser(const QByteArray &text, int maxDepth)
        : m_s(text)
        , m_maxDepth(maxDepth) {}

    bool document(ApiJson *out) {
        skipWs();
        if (!value(out, 0))
            return false;
        skipWs();
        if (m_pos != m_s.size())
            return fail(QStringLiteral("unexpected text after the JSON value"));
        return true;
    }
    QString error() const { return m_error; }

private:
    bool fail(const QString &what) {
        if (m_error.isEmpty())
            m_error = QStringLiteral("malformed JSON at byte %1: %2").arg(m_pos).arg(what);
        return false;
    }
    bool atEnd() const { return m_pos >= m_s.size(); }
    char peek() const { return atEnd() ? '\0' : m_s.at(m_pos); }
    void skipWs() {
        while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r'))
            ++m_pos;
    }
    bool literal(const char *word) {
        const qsizetype n = qsizetype(qstrlen(word));
        if (m_s.size() - m_pos < n || m_s.mid(m_pos, n) != QByteArray(word))
            return fail(QStringLiteral("unexpected character"));
        m_pos += n;
        return true;
    }

    bool value(ApiJson *out, int depth) {
        if (depth > m_maxDepth)
            return fail(QStringLiteral("nested deeper than %1 levels").arg(m_maxDepth));
        switch (peek()) {
        case '{':
            return object(out, depth);
        case '[':
            return array(out, depth);
        case '"':
            out->m_type = ApiJson::Type::String;
            return string(&out->m_text);
        case 't':
            out->m_type = ApiJson::Type::Bool;
            out->m_bool = true;
            return literal("true");
        case 'f':
            out->m_type = ApiJson::Type::Bool;
            out->m_bool = false;
            return literal("false");
        case 'n':
            out->m_type = ApiJson::Type::Null;
            return literal("null");
        default:
            out->m_type = ApiJson::Type::Number;
            return number(&out->m_text);
        }
    }

    bool object(ApiJson *out, int depth) {
        out->m_type = ApiJson::Type::Object;
        ++m_pos; // '{'
        skipWs();
        if (peek() == '}') {
            ++m_pos;
            return true;
        }
        for (;;) {
            skipWs();
            if (peek() != '"')
                return fail(QStringLiteral("expected a member name in quotes"));
            QString name;
            if (!string(&name))
                return false;
            if (out->member(name))
                return fail(QStringLiteral("member \"%1\" appears twice").arg(name.left(40)));
            skipWs();
            if (peek() != ':')
                return fail(QStringLiteral("expected ':'"));
            ++m_pos;
            skipWs();
            ApiJson v;
            if (!value(&v, depth + 1))
                return false;
            out->m_members.append({name, std::move(v)});
            skipWs();
            if (peek() == ',') {
                ++m_pos;
                continue;
            }
            if (peek() == '}') {
                ++m_pos;
                return true;
            }
            return fail(QStringLiteral("expected ',' or '}'"));
        }
    }

    bool array(ApiJson *out, int depth) {
        out->m_type = ApiJson::Type::Array;
        ++m_pos; // '['
        skipWs();
        if (peek() == ']') {
            ++m_pos;
            return true;
        }
        for (;;) {
            skipWs();
            ApiJson v;
            if (!value(&v, depth + 1))
                return false;
            out->m_items.append(std::move(v));
            skipWs();
            if (peek() == ',') {
                ++m_pos;
                continue;
            }
            if (peek() == ']') {
                ++m_pos;
                return true;
            }
            return fail(QStringLiteral("expected ',' or ']'"));
        }
    }

    static bool isDigit(char c) { return c >= '0' && c <= '9'; }

    // RFC 8259 number grammar: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?
    bool number(QString *out) {
        const qsizetype start = m_pos;
        if (peek() == '-')
            ++m_pos;
        if (peek() == '0') {
            ++m_pos;
        } else if (isDigit(peek())) {
            while (isDigit(peek()))
                ++m_pos;
        } else {
            return fail(QStringLiteral("unexpected character"));
        }
        if (peek() == '.') {
            ++m_pos;
            if (!isDigit(peek()))
                return fail(QStringLiteral("a number needs digits after its decimal point"));
            while (isDigit(peek()))
                ++m_pos;
        }
        if (peek() == 'e' || peek() == 'E') {
            ++m_pos;
            if (peek() == '+' || peek() == '-')
                ++m_pos;
            if (!isDigit(peek()))
                return fail(QStringLiteral("a number needs digits in its exponent"));
            while (isDigit(peek()))
                ++m_pos;
        }
        if (m_pos - start > 64)
            return fail(QStringLiteral("a number longer than 64 characters"));
        *out = QString::fromLatin1(m_s.constData() + start, m_pos - start);
        return true;
    }

    static int hexValue(char c) {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    }

    bool hex4(char16_t *out) {
        if (m_s.size() - m_pos < 4)
            return fail(QStringLiteral("truncated \\u escape"));
        int v = 0;
        for (int k = 0; k < 4; ++k) {
            const int h = hexValue(m_s.at(m_pos + k));
            if (h < 0)
                return fail(QStringLiteral("bad \\u escape"));
            v = v * 16 + h;
        }
        m_pos += 4;
        *out = char16_t(v);
        return true;
    }

    bool string(QString *out) {
        ++m_pos; // opening quote
        QByteArray utf8;
        QString decoded;
        auto flush = [&]() -> bool {
            if (utf8.isEmpty())
                return true;
            QString part = QString::fromUtf8(utf8);
            // fromUtf8 replaces invalid sequences with U+FFFD; compare round trip to refuse them.
            if (part.toUtf8() != utf8)
                return fail(QStringLiteral("a string is not valid UTF-8"));
            decoded += part;
            utf8.clear();
            return true;
        };
        for (;;) {
            if (atEnd())
                return fail(QStringLiteral("unterminated string"));
            const char c = m_s.at(m_pos);
            if (c == '"') {
                ++m_pos;
                if (!flush())
                    return false;
                *out = decoded;
                return true;
            }
            if (static_cast<unsigned char>(c) < 0x20)
                return fail(QStringLiteral("a control character inside a string"));
            if (c != '\\') {
                utf8 += c;
                ++m_pos;
                continue;
            }
            if (!flush())
                return false;
            ++m_pos;
            if (atEnd())
                return fail(QStringLiteral("unterminated escape"));
            const char e = m_s.at(m_pos++);
            switch (e) {
            case '"':
                decoded += u'"';
                break;
            case '\\':
                decoded += u'\\';
                break;
            case '/':
                decoded += u'/';
                break;
            case 'b':
                decoded += u'\b';
                break;
            case 'f':
                decoded += u'\f';
                break;
            case 'n':
                decoded += u'\n';
                break;
            case 'r':
                decoded += u'\r';
                break;
            case 't':
                decoded += u'\t';
                break;
            case 'u': {
                char16_t unit;
                if (!hex4(&unit))
                    return false;
                if (QChar::isHighSurrogate(unit)) {
                    char16_t low;
                    if (m_s.size() - m_pos < 2 || m_s.at(m_pos) != '\\' || m_s.at(m_pos + 1) != 'u')
                        return fail(QStringLiteral("an unpaired surrogate escape"));
                    m_pos += 2;
                    if (!hex4(&low))
                        return false;
                    if (!QChar::isLowSurrogate(low))
                        return fail(QStringLiteral("an unpaired surrogate escape"));
                    decoded += QChar(unit);
                    decoded += QChar(low);
                } else if (QChar::isLowSurrogate(unit)) {
                    return fail(QStringLiteral("an unpaired surrogate escape"));
                } else {
                    decoded += QChar(unit);
                }
                break;
            }
            default:
                return fail(QStringLiteral("unknown escape"));
            }
        }
    }

    const QByteArray &m_s;
    const int m_maxDepth;
    qsizetype m_pos = 0;
    QString m_error;
};

std::optional<ApiJson> ApiJson::parse(const QByteArray &text, QString *error, qsizetype maxBytes,
                                      int maxDepth) {
    if (text.size() > maxBytes) {
        *error = QStringLiteral("the request body is larger than %1 bytes").arg(maxBytes);
        return std::nullopt;
    }
    if (text.trimmed().isEmpty()) {
        *error = QStringLiteral("the request body is empty; a JSON object is expected");
        return std::nullopt;
    }
    ApiJsonParser parser(text, maxDepth);
    ApiJson root;
    if (!parser.document(&root)) {
        *error = parser.error();
        return std::nullopt;
    }
    return root;
}

const ApiJson *ApiJson::member(const QString &name) const {
    for (const auto &[key, value] : m_members)
        if (key == name)
            return &value;
    return nullptr;
}

QString ApiJson::typeName(Type type) {
    switch (type) {
    case Type::Null:
        return QStringLiteral("null");
    case Type::Bool:
        return QStringLiteral("a boolean");
    case Type::Number:
        return QStringLiteral("a number");
    case Type::String:
        return QStringLiteral("a string");
    case Type::Array:
        return QStringLiteral("an array");
    case Type::Object:
        return QStringLiteral("an object");
    }
    return {};
}
