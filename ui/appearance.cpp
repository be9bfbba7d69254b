#include "appearance.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QPalette>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QStyle>
#include <QStyleFactory>
#include <QTranslator>

namespace Appearance {

bool systemPrefersDark() {
    const QString forced = qEnvironmentVariable("WALLETDESK_COLOR_SCHEME");
    if (!forced.isEmpty())
        return forced == u"dark";
    // A palette that is dark already (KDE's colour scheme through its platform theme).
    const QPalette palette = QApplication::palette();
    if (palette.color(QPalette::Window).lightness() < 128)
        return true;
    // GNOME keeps the preference in gsettings, which Qt 6.4 does not read. Asking takes a few milliseconds,
    // once, at start.
    const QString gsettings = QStandardPaths::findExecutable(QStringLiteral("gsettings"));
    if (gsettings.isEmpty())
        return false;
    QProcess process;
    process.start(gsettings, {QStringLiteral("get"), QStringLiteral("org.gnome.desktop.interface"),
                              QStringLiteral("color-scheme")});
    if (!process.waitForFinished(500))
        return false;
    return process.readAllStandardOutput().contains("prefer-dark");
}

void applyColorScheme() {
    const QString theme = QSettings().value(QStringLiteral("ui/theme"), QStringLiteral("system")).toString();
    const bool dark = theme == u"dark" || (theme == u"system" && systemPrefersDark());
    if (!dark || QApplication::palette().color(QPalette::Window).lightness() < 128)
        return; // light wanted, or the platform's own dark palette is there: keep the native look
    // Fusion takes a palette faithfully on every platform; native styles may ignore parts of it.
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QPalette p;
    const QColor window(45, 45, 48), base(30, 30, 32), text(230, 230, 230), disabled(128, 128, 128);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(40, 40, 43));
    p.setColor(QPalette::ToolTipBase, window);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(150, 150, 150));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::red);
    p.setColor(QPalette::Link, QColor(100, 170, 255));
    p.setColor(QPalette::Highlight, QColor(45, 110, 190));
    p.setColor(QPalette::HighlightedText, Qt::white);
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    QApplication::setPalette(p);
}

QString installTranslations(QApplication &app) {
    QString language = QSettings().value(QStringLiteral("ui/language")).toString();
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    if (!language.isEmpty())
        QLocale::setDefault(locale); // numbers and dates follow the chosen language too
    auto *ours = new QTranslator(&app);
    // English has a file too (its plural forms); the C locale of a bare session gets English.
    if (ours->load(locale, QStringLiteral("walletdesk"), QStringLiteral("_"), QStringLiteral(":/i18n")) ||
        ours->load(QStringLiteral(":/i18n/walletdesk_en.qm")))
        QCoreApplication::installTranslator(ours);
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    return ours->language().isEmpty() ? QStringLiteral("en") : ours->language();
}

} // namespace Appearance
