#include "verifyprogress.h"

VerifyProgress::VerifyProgress(Callback callback)
    : m_callback(std::move(callback)) {}

bool VerifyProgress::begin(qint64 total) {
    m_total = total;
    if (m_callback && !m_callback(0, total)) {
        m_stop = true;
        return false;
    }
    return true;
}

bool VerifyProgress::advance(bool report) {
    if (m_stop)
        return false;
    const qint64 checked = m_checked += Every;
    if (report && m_callback && !m_callback(checked, m_total)) {
        m_stop = true;
        return false;
    }
    return true;
}
