#pragma once

#include <QByteArray>
#include <QStringList>
#include <memory>

class QIODevice;
class QStringDecoder;

/// Reads CSV records (RFC 4180: quotes, doubled quotes, line breaks inside quotes) one at a time from a
/// device, so a file of any size is read in flat memory: one block and one record at a time. A record longer
/// than MaxRecordBytes is skipped to its end without being kept (a 500 MB single line is never held), and
/// reported as a problem of that record only. Used by BulkImport; testable on any QIODevice.
class CsvRecordReader final {
public:
    static constexpr qsizetype MaxRecordBytes = qsizetype(64) * 1024;

    struct Record {
        int line = 0;       ///< the physical line the record starts on (1 = the first line)
        QStringList fields; ///< empty when `problem` is set
        /// What is wrong with this record alone ("a stray quote ..."); the reader goes on with the next one.
        QString problem;
        /// The device's text is not UTF-8 from this record on: the caller refuses the file.
        bool notUtf8 = false;
        /// The device ended inside this record (no line break after it): a file cut off mid-row shows here.
        bool unterminated = false;
    };

    /// Reads from `device`, which must stay open while this reader is used. A UTF-8 byte-order mark at the
    /// start is skipped.
    explicit CsvRecordReader(QIODevice *device);
    ~CsvRecordReader();
    Q_DISABLE_COPY_MOVE(CsvRecordReader)

    /// The next non-blank record, or false at the end of the device.
    bool next(Record *record);
    /// Bytes consumed so far: for progress against the file's size.
    qint64 bytesRead() const { return m_consumed; }

private:
    bool fill();

    QIODevice *m_device;
    QByteArray m_block;
    qsizetype m_pos = 0;
    qint64 m_consumed = 0;
    int m_line = 1;
    bool m_started = false;
    std::unique_ptr<QStringDecoder> m_decoder;
};
