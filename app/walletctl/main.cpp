#include "buildinfo.h"
#include "walletctl.h"

#include <QCoreApplication>

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("walletctl"));
    QCoreApplication::setApplicationVersion(
        QStringLiteral(WALLETDESK_VERSION " (" WALLETDESK_GIT_REVISION ")"));
    QTextStream out(stdout);
    QTextStream err(stderr);
    WalletCtl ctl(out, err);
    const int code = ctl.run(QCoreApplication::arguments());
    out.flush();
    err.flush();
    return code;
}
