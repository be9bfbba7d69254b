#include "buildinfo.h"
#include "walletctl.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <memory>

int main(int argc, char *argv[]) {
    // A PDF statement lays text out with Qt Gui's fonts, which need a QGuiApplication; without a display it
    // runs on the offscreen platform. Every other command stays a plain QCoreApplication.
    bool statement = false;
    for (int i = 1; i < argc; ++i)
        statement = statement || qstrcmp(argv[i], "statement") == 0;
    if (statement && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    const std::unique_ptr<QCoreApplication> app = statement ? std::make_unique<QGuiApplication>(argc, argv)
                                                            : std::make_unique<QCoreApplication>(argc, argv);
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
