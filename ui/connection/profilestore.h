#pragma once

#include "connectionprofile.h"

#include <QList>
#include <QSettings>
#include <memory>
#include <optional>

/// The saved connection profiles and the one used last, in QSettings (group "connections").
///
/// Only ConnectionProfile's fields are written, and that type has no place for a password or a token: secrets
/// live in the keychain (SecretStore) or nowhere. tst_profilestore reads the settings file's bytes to hold
/// this.
class ProfileStore final {
public:
    /// The application's settings (QSettings() with the organisation and application names set by main).
    ProfileStore();
    /// Explicit settings, for tests and tools; `settings` must outlive the store.
    explicit ProfileStore(QSettings *settings);
    ~ProfileStore();
    Q_DISABLE_COPY_MOVE(ProfileStore)

    /// Sorted by name, case-insensitively, as the dialog lists them.
    QList<ConnectionProfile> profiles() const;
    std::optional<ConnectionProfile> profile(const QString &name) const;
    /// Adds or replaces the profile of that name. When `previousName` names another saved profile (the user
    /// renamed it), that one is removed, and the last-used mark follows the rename.
    void save(const ConnectionProfile &profile, const QString &previousName = {});
    void remove(const QString &name);

    /// The profile connected to last, when it still exists.
    std::optional<ConnectionProfile> lastUsed() const;
    void setLastUsed(const QString &name);

    /// True before anything was ever saved: the app then creates and opens the demo ledger instead of asking.
    bool isFirstStart() const;

    void sync();

private:
    void writeAll(const QList<ConnectionProfile> &all);

    std::unique_ptr<QSettings> m_owned;
    QSettings *m_settings = nullptr;
};
