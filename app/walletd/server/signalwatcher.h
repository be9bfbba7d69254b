#pragma once

#include <QObject>
#include <QSocketNotifier>
#include <memory>

/// Turns SIGTERM and SIGINT into a Qt signal on the thread that made it (a self-pipe: the C handler only
/// writes one byte, which is all a signal handler may safely do).
class SignalWatcher final : public QObject {
    Q_OBJECT
public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;
    Q_DISABLE_COPY_MOVE(SignalWatcher)

Q_SIGNALS:
    void terminate();

private:
    std::unique_ptr<QSocketNotifier> m_notifier;
};
