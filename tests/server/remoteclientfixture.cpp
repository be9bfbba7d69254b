#include "remoteclientfixture.h"

using namespace WalletdTest;

void RemoteClientFixture::setUpTest() {
    m_dir = std::make_unique<QTemporaryDir>();
    m_backend = WalletDeskTest::availableBackends().value(0);
}

void RemoteClientFixture::tearDownTest() {
    m_dir.reset();
}

QString RemoteClientFixture::freshLedger() {
    QString error;
    QString url = WalletDeskTest::databaseUrl(m_backend, *m_dir, &error);
    if (url.isEmpty())
        qFatal("%s", qPrintable(error));
    const QString prepared = prepareLedger(url);
    if (!prepared.isEmpty())
        qFatal("%s", qPrintable(prepared));
    return url;
}
