#include "profilestore.h"

#include <algorithm>

namespace {
// Profiles are written as a QSettings array rather than as groups named after the profile: a name may hold a
// slash, which QSettings would read as a nested group.
const QString Group = QStringLiteral("connections");
const QString ArrayKey = QStringLiteral("profiles");
const QString LastUsedKey = QStringLiteral("connections/lastUsed");

ConnectionProfile readProfile(const QSettings &s) {
    ConnectionProfile p;
    p.name = s.value(QStringLiteral("name")).toString();
    p.kind = ConnectionProfile::kindFromName(s.value(QStringLiteral("kind")).toString())
                 .value_or(ConnectionProfile::Kind::Sqlite);
    p.sqlitePath = s.value(QStringLiteral("sqlitePath")).toString();
    p.pgHost = s.value(QStringLiteral("pgHost"), p.pgHost).toString();
    p.pgPort = s.value(QStringLiteral("pgPort"), p.pgPort).toInt();
    p.pgDatabase = s.value(QStringLiteral("pgDatabase")).toString();
    p.pgUser = s.value(QStringLiteral("pgUser")).toString();
    const QVariantMap options = s.value(QStringLiteral("pgOptions")).toMap();
    for (auto it = options.cbegin(); it != options.cend(); ++it)
        p.pgOptions.insert(it.key(), it.value().toString());
    p.walletdUrl = s.value(QStringLiteral("walletdUrl")).toString();
    p.operatorName = s.value(QStringLiteral("operator")).toString();
    return p;
}

void writeProfile(QSettings &s, const ConnectionProfile &p) {
    s.setValue(QStringLiteral("name"), p.name);
    s.setValue(QStringLiteral("kind"), ConnectionProfile::kindName(p.kind));
    // Only the fields of the profile's kind, so the file reads as what the user chose.
    switch (p.kind) {
    case ConnectionProfile::Kind::Sqlite:
        s.setValue(QStringLiteral("sqlitePath"), p.sqlitePath);
        break;
    case ConnectionProfile::Kind::Postgres:
        s.setValue(QStringLiteral("pgHost"), p.pgHost);
        s.setValue(QStringLiteral("pgPort"), p.pgPort);
        s.setValue(QStringLiteral("pgDatabase"), p.pgDatabase);
        s.setValue(QStringLiteral("pgUser"), p.pgUser);
        if (!p.pgOptions.isEmpty()) {
            QVariantMap options;
            for (auto it = p.pgOptions.cbegin(); it != p.pgOptions.cend(); ++it)
                options.insert(it.key(), it.value());
            s.setValue(QStringLiteral("pgOptions"), options);
        }
        break;
    case ConnectionProfile::Kind::Walletd:
        s.setValue(QStringLiteral("walletdUrl"), p.walletdUrl);
        break;
    }
    s.setValue(QStringLiteral("operator"), p.operatorName);
}
} // namespace

ProfileStore::ProfileStore()
    : m_owned(std::make_unique<QSettings>())
    , m_settings(m_owned.get()) {}

ProfileStore::ProfileStore(QSettings *settings)
    : m_settings(settings) {}

ProfileStore::~ProfileStore() = default;

QList<ConnectionProfile> ProfileStore::profiles() const {
    QList<ConnectionProfile> out;
    m_settings->beginGroup(Group);
    const int n = m_settings->beginReadArray(ArrayKey);
    for (int i = 0; i < n; ++i) {
        m_settings->setArrayIndex(i);
        ConnectionProfile p = readProfile(*m_settings);
        if (!p.name.isEmpty())
            out.append(p);
    }
    m_settings->endArray();
    m_settings->endGroup();
    std::sort(out.begin(), out.end(), [](const ConnectionProfile &a, const ConnectionProfile &b) {
        return a.name.compare(b.name, Qt::CaseInsensitive) < 0;
    });
    return out;
}

std::optional<ConnectionProfile> ProfileStore::profile(const QString &name) const {
    for (const ConnectionProfile &p : profiles())
        if (p.name == name)
            return p;
    return std::nullopt;
}

void ProfileStore::save(const ConnectionProfile &profile, const QString &previousName) {
    QList<ConnectionProfile> all = profiles();
    const bool renamed = !previousName.isEmpty() && previousName != profile.name;
    all.removeIf([&](const ConnectionProfile &p) {
        return p.name == profile.name || (renamed && p.name == previousName);
    });
    all.append(profile);
    writeAll(all);
    if (renamed && m_settings->value(LastUsedKey).toString() == previousName)
        setLastUsed(profile.name);
}

void ProfileStore::remove(const QString &name) {
    QList<ConnectionProfile> all = profiles();
    all.removeIf([&](const ConnectionProfile &p) { return p.name == name; });
    writeAll(all);
    if (m_settings->value(LastUsedKey).toString() == name)
        m_settings->remove(LastUsedKey);
}

std::optional<ConnectionProfile> ProfileStore::lastUsed() const {
    const QString name = m_settings->value(LastUsedKey).toString();
    if (name.isEmpty())
        return std::nullopt;
    return profile(name);
}

void ProfileStore::setLastUsed(const QString &name) {
    m_settings->setValue(LastUsedKey, name);
}

bool ProfileStore::isFirstStart() const {
    // The group exists as soon as anything was saved, also after the user deleted every profile: that user
    // chose an empty list and gets the dialog, not a demo ledger they did not ask for again.
    return !m_settings->childGroups().contains(Group) && !m_settings->contains(LastUsedKey);
}

void ProfileStore::sync() {
    m_settings->sync();
}

void ProfileStore::writeAll(const QList<ConnectionProfile> &all) {
    m_settings->beginGroup(Group);
    m_settings->remove(ArrayKey);
    m_settings->beginWriteArray(ArrayKey, int(all.size()));
    for (int i = 0; i < all.size(); ++i) {
        m_settings->setArrayIndex(i);
        writeProfile(*m_settings, all.at(i));
    }
    m_settings->endArray();
    m_settings->endGroup();
}
