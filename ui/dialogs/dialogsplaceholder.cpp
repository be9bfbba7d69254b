// Replaced by the first dialog.
