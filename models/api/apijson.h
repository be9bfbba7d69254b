#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <memory>
#include <optional>
#include <utility>

/// A strict JSON reader for request bodies. Unlike QJsonDocument it keeps numbers as the text they were
/// written in, so that an amount such as 1.10 reaches Money::parse exactly and never passes through a double.
/// It is bounded: a body larger than `maxBytes` or nested deeper than `maxDepth` is refused before it costs
/// memory. Pure (no I/O, no Qt event loop), so the fuzz target (tests/server/fuzz_apidecode.cpp) drives it
/// directly.
class ApiJson final {
public:
    enum class Type { Null, Bool, Number, String, Array, Object };

    static constexpr qsizetype DefaultMaxBytes = qsizetype(64) * 1024;
    static constexpr int DefaultMaxDepth = 16;

    /// Parses `text`; on failure returns nullopt and sets *error to a message for people ("malformed JSON at
    /// byte 12: expected ':'").
    static std::optional<ApiJson> parse(const QByteArray &text, QString *error,
                                        qsizetype maxBytes = DefaultMaxBytes, int maxDepth = DefaultMaxDepth);

    Type type() const { return m_type; }
    bool isObject() const { return m_type == Type::Object; }
    bool boolValue() const { return m_bool; }
    /// The number's text as written ("1.10", "-3", "2e5") or the string's value.
    const QString &text() const { return m_text; }
    const QList<ApiJson> &items() const { return m_items; }
    /// Members of an object, in the order written. Duplicate names are refused by parse().
    const QList<std::pair<QString, ApiJson>> &members() const { return m_members; }
    /// The member named `name`, or nullptr.
    const ApiJson *member(const QString &name) const;

    static QString typeName(Type type);

private:
    friend class ApiJsonParser;
    Type m_type = Type::Null;
    bool m_bool = false;
    QString m_text;
    QList<ApiJson> m_items;
    QList<std::pair<QString, ApiJson>> m_members;
};
