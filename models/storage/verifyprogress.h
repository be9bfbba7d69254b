#pragma once

#include <QtGlobal>
#include <atomic>
#include <functional>

/// The cancel flag and the count of checked entries that the verifier's workers share, and the caller's
/// progress callback. It exists so that the total to expect is told by the verifier itself (callers used to
/// count entries with their own SQL on the store's connection), and so that each pass looks at one flag.
///
/// Both chain slices add to the count; only the slice on the calling thread reports (the callback runs
/// where verify was called), with the sum, so a bar over all entries reaches its end rather than halfway.
class VerifyProgress final {
public:
    using Callback = std::function<bool(qint64 checked, qint64 total)>;
    /// Entries a pass checks between two looks at the flag (and, on the reporting slice, two reports).
    static constexpr qint64 Every = 200000;

    explicit VerifyProgress(Callback callback);

    /// Tells the callback the total to expect, with nothing checked yet; false when it cancels.
    bool begin(qint64 total);
    /// `Every` more entries were checked; `report` on the calling thread's slice. False once stopped.
    bool advance(bool report);
    void stop() { m_stop = true; }
    bool stopped() const { return m_stop; }

private:
    Callback m_callback;
    qint64 m_total = 0;
    std::atomic<bool> m_stop{false};
    std::atomic<qint64> m_checked{0};
};
