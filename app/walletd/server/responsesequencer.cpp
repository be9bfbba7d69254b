#include "responsesequencer.h"

#include <QTcpSocket>

ResponseSequencer::ResponseSequencer(QTcpSocket *socket)
    : QObject(socket) {}

ResponseSequencer::~ResponseSequencer() {
    for (Write &write : m_waiting)
        if (write)
            write();
}

ResponseSequencer *ResponseSequencer::forSocket(QTcpSocket *socket) {
    if (auto *existing = socket->findChild<ResponseSequencer *>(QString(), Qt::FindDirectChildrenOnly))
        return existing;
    return new ResponseSequencer(socket);
}

qint64 ResponseSequencer::take() {
    return m_nextTicket++;
}

void ResponseSequencer::ready(qint64 ticket, Write write) {
    const auto slot = size_t(ticket - m_nextToWrite);
    if (m_waiting.size() <= slot)
        m_waiting.resize(slot + 1);
    m_waiting[slot] = std::move(write);
    // Write from the front for as long as the answers there are ready. A write only hands bytes to the
    // socket (which Qt deletes later, never inside it), so it does not come back here.
    while (!m_waiting.empty() && m_waiting.front()) {
        const Write next = std::move(m_waiting.front());
        m_waiting.pop_front();
        ++m_nextToWrite;
        next();
    }
}
