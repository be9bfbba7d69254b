#include "workprogress.h"

#include <QFutureWatcher>
#include <QProgressDialog>

QProgressDialog *WorkProgress::follow(QFutureWatcherBase *watcher, QWidget *parent) const {
    auto *dialog = new QProgressDialog(label, cancelText, 0, maximum, parent);
    dialog->setObjectName(objectName);
    dialog->setWindowTitle(title);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setMinimumDuration(minimumDuration);
    if (!watcher->parent())
        watcher->setParent(dialog);
    QObject::connect(watcher, &QFutureWatcherBase::progressRangeChanged, dialog, &QProgressDialog::setRange);
    QObject::connect(watcher, &QFutureWatcherBase::progressValueChanged, dialog, &QProgressDialog::setValue);
    QObject::connect(watcher, &QFutureWatcherBase::progressTextChanged, dialog,
                     &QProgressDialog::setLabelText);
    // Without a Cancel button nothing cancels the work: the dialog closing by itself must not.
    if (!cancelText.isEmpty())
        QObject::connect(dialog, &QProgressDialog::canceled, watcher, &QFutureWatcherBase::cancel);
    return dialog;
}
