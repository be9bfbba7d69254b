#include "csvrecordreader.h"

#include <QIODevice>
#include <QStringDecoder>

namespace {
constexpr qint64 BlockBytes = 64 * 1024;
}

CsvRecordReader::CsvRecordReader(QIODevice *device)
    : m_device(device)
    , m_decoder(std::make_unique<QStringDecoder>(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless)) {}

CsvRecordReader::~CsvRecordReader() = default;

bool CsvRecordReader::fill() {
    if (m_pos < m_block.size())
        return true;
    m_block = m_device->read(BlockBytes);
    m_pos = 0;
    if (!m_started) {
        m_started = true;
        if (m_block.startsWith("\xEF\xBB\xBF")) { // a byte-order mark, as spreadsheets write
            m_pos = 3;
            m_consumed += 3;
        }
    }
    return m_pos < m_block.size();
}

bool CsvRecordReader::next(Record *record) {
    for (;;) {
        *record = Record{};
        record->line = m_line;
        // Bytes of the current field; fields are decoded as they end, so only the record is ever held.
        QByteArray field;
        QList<QByteArray> fields;
        qsizetype recordBytes = 0;
        bool quoted = false, afterQuote = false, tooLong = false, any = false, ended = false;
        QString problem;
        while (fill()) {
            const char c = m_block.at(m_pos++);
            ++m_consumed;
            any = true;
            if (++recordBytes > MaxRecordBytes && !tooLong) {
                tooLong = true;
                field.clear();
                fields.clear();
                field.squeeze();
            }
            if (quoted) {
                if (c == '"') {
                    // A doubled quote is a literal one; look ahead (the next block may hold it).
                    if (fill() && m_block.at(m_pos) == '"') {
                        ++m_pos;
                        ++m_consumed;
                        ++recordBytes;
                        if (!tooLong)
                            field += '"';
                    } else {
                        quoted = false;
                        afterQuote = true;
                    }
                } else {
                    if (c == '\n')
                        ++m_line;
                    if (!tooLong)
                        field += c;
                }
                continue;
            }
            if (c == ',') {
                if (!tooLong)
                    fields << field;
                field.clear();
                afterQuote = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && fill() && m_block.at(m_pos) == '\n') {
                    ++m_pos;
                    ++m_consumed;
                }
                ++m_line;
                ended = true;
                break;
            } else if (c == '"' && field.isEmpty() && !afterQuote) {
                quoted = true;
            } else if (c == '"' || afterQuote) {
                if (problem.isEmpty())
                    problem = c == '"' ? QStringLiteral("a stray quote inside a field (quote the whole field "
                                                        "and double the quotes inside it)")
                                       : QStringLiteral("text after a closing quote");
            } else if (!tooLong) {
                field += c;
            }
        }
        if (!any)
            return false;
        if (!tooLong)
            fields << field;
        record->unterminated = !ended;
        if (tooLong) {
            record->problem =
                QStringLiteral("the record is longer than %1 KiB; it was skipped").arg(MaxRecordBytes / 1024);
            return true;
        }
        if (quoted) {
            record->problem = QStringLiteral("a quoted field is not closed (is the file cut off?)");
            return true;
        }
        if (fields.size() == 1 && fields.first().isEmpty()) {
            if (!ended)
                return false;
            continue; // a blank line
        }
        if (!problem.isEmpty()) {
            record->problem = problem;
            return true;
        }
        for (const QByteArray &f : std::as_const(fields)) {
            record->fields << m_decoder->decode(f);
            if (m_decoder->hasError()) {
                record->notUtf8 = true;
                record->fields.clear();
                return true;
            }
        }
        record->unterminated = !ended;
        return true;
    }
}
