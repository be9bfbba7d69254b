#pragma once

class QApplication;
class QString;

/// The look that follows the system: the platform's native style, its dark mode, and the language.
namespace Appearance {
/// Applies the colour scheme: settings key "ui/theme" = "system" (default), "light" or "dark". With
/// "system", a desktop that prefers dark (GNOME's color-scheme, or a dark platform palette as KDE gives)
/// gets a dark palette even where Qt 6.4's platform theme does not supply one. Sets the QApplication's style
/// and palette, so it runs once the application exists.
void applyColorScheme();
/// Installs the translations: settings key "ui/language" ("de", "fr", "en"; empty: the system locale).
/// Returns the language in use.
QString installTranslations(QApplication &app);
/// True when the system asks for dark colours.
bool systemPrefersDark();
} // namespace Appearance
