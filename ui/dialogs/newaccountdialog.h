#pragma once

#include "account.h"
#include "currency.h"
#include "ledgerdialog.h"

#include <QList>

class LedgerClient;
class QCheckBox;
class QComboBox;
class QLineEdit;

/// Opens a player account in one currency (a player holding GOLD and USD has two accounts).
class NewAccountDialog final : public LedgerDialog {
    Q_OBJECT
public:
    explicit NewAccountDialog(LedgerClient *client, QWidget *parent = nullptr);
    ~NewAccountDialog() override;
    Q_DISABLE_COPY_MOVE(NewAccountDialog)

    /// Preselects a player (the main window opens this dialog from a player's account).
    void setPlayerRef(const QString &playerRef);

Q_SIGNALS:
    void created(const Account &account);

protected:
    QString inputProblem() const override;
    void send() override;

private:
    QList<Currency> m_currencies;
    QComboBox *m_currency;
    QLineEdit *m_playerRef;
    QLineEdit *m_name;
    QCheckBox *m_allowNegative;
};
