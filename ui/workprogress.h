#pragma once

#include <QString>

class QFutureWatcherBase;
class QProgressDialog;
class QWidget;

/// The progress dialog of long work that runs as a future (verify, CSV export and import, creating the demo
/// ledger), set up the same way for each: the caller keeps its own texts (they are translated in its
/// context) and what to do with the result.
struct WorkProgress {
    QString objectName; ///< tests find the dialog by it
    QString title;      ///< the window title
    QString label;      ///< what is being done; the work's progress text, when it reports one, replaces it
    QString cancelText; ///< the Cancel button's text, which cancels the work; empty: no button
    int minimumDuration = 0; ///< ms before the dialog appears, so that quick work finishes without a flash
    int maximum = 0;         ///< the range 0..maximum until the work reports its own; 0: a busy indicator

    /// Creates the dialog (deleted when closed: the caller closes it when the work ends) and makes it follow
    /// `watcher`: the range, value and text the work reports. A watcher without a parent becomes the
    /// dialog's child, so that it goes with it.
    QProgressDialog *follow(QFutureWatcherBase *watcher, QWidget *parent) const;
};
