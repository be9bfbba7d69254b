#pragma once

#include "connectionprofile.h"

#include <QDialog>
#include <QMap>

#include <memory>

class ProfileStore;
class SecretStore;
class QLabel;
namespace Ui {
class ConnectionDialog;
}

/// Where to connect: the saved profiles on the left, the selected one's form on the right. Connect checks the
/// form, names each bad field beside it, saves the profile (never its password) and accepts; the caller reads
/// profile(), secret() and rememberSecret() and connects with Connector.
///
/// With a SecretStore it shows whether a profile's password is saved in the keychain, so the user may leave
/// the field empty, and it offers "remember" only when a keychain answers: without one the password is asked
/// for every time and never written anywhere.
class ConnectionDialog final : public QDialog {
    Q_OBJECT
public:
    /// `profiles` must outlive the dialog; `secrets` may be null (no keychain lookups, no "remember").
    ConnectionDialog(ProfileStore *profiles, SecretStore *secrets, QWidget *parent = nullptr);
    ~ConnectionDialog() override;
    Q_DISABLE_COPY_MOVE(ConnectionDialog)

    /// Selects the saved profile of that name, or shows `profile` as a new, unsaved one when there is none.
    void selectProfile(const ConnectionProfile &profile);
    /// A message above the buttons, e.g. why the last attempt to connect failed.
    void setMessage(const QString &message);
    /// Shows `message` and puts the cursor in the password field: the selected profile only lacks its
    /// password. (Left in the first field, a password typed at once would have become the profile's name, and
    /// been saved with it.)
    void askForSecret(const QString &message);

    /// After accept(): the profile as saved.
    ConnectionProfile profile() const { return m_result; }
    /// After accept(): the password or token typed, else the one saved in the keychain (empty for SQLite).
    QString secret() const;
    /// After accept(): whether the user wants the secret kept in the keychain (false when there is none).
    bool rememberSecret() const;

    /// Reads the form without checking it; for tests and for the caller's messages.
    ConnectionProfile formProfile() const;

protected:
    bool event(QEvent *event) override;

private:
    struct Row {
        QWidget *field = nullptr; ///< the editor, or a box with the editor and its buttons
        QWidget *box = nullptr; ///< what the form layout holds: field plus error label (connectiondialog.ui)
        QLabel *error = nullptr;
    };

    void reloadList(const QString &select);
    void showProfile(const ConnectionProfile &profile);
    void kindChanged();
    void updateSqliteHint();
    void lookUpSecret();
    void clearErrors();
    void fitContents();
    bool validate();
    void newProfile();
    void deleteProfile();
    void browse();
    void tryAccept();

    std::unique_ptr<Ui::ConnectionDialog> m_ui;
    ProfileStore *m_profiles;
    SecretStore *m_secrets;
    bool m_keychainAvailable = false;

    /// The libpq parameters of the profile shown: those the form does not edit travel on unchanged.
    QMap<QString, QString> m_shownOptions;
    QMap<ConnectionProfile::Field, Row> m_rows;

    QString m_editing;     ///< the saved name of the profile in the form; empty for a new one
    QString m_savedSecret; ///< the keychain's secret for the profile in the form, when it has one
    QString m_lookupKey;   ///< drops keychain answers for a profile no longer shown
    ConnectionProfile m_result;
};
