#pragma once

#include "ledgererror.h"

#include <QString>

/// How this process may open a SQLite ledger file, decided before SQLite touches it (issue 14).
///
/// A ledger is in WAL mode, and SQLite reads a WAL database through its -wal and -shm files beside it, which
/// it creates when they are missing. On read-only media it cannot, so a plain open failed on the first
/// statement of every command, reads included ("unable to open database file"). A file that cannot be written
/// is therefore opened read-only on purpose (QSQLITE_OPEN_READONLY with a file: URI, QSQLITE_OPEN_URI): reads
/// are served, and the store refuses every write up front with refusal(), which names the cause.
class SqliteAccess final {
public:
    enum class Mode {
        ReadWrite,     ///< as always
        ReadOnlyMedia, ///< on a read-only mount: nobody writes the file
        ReadOnlyFile,  ///< the file is not writable by this user; its owner may still write it
    };

    /// What was seen of the file and its folder: the decision's inputs, kept apart from it so that the
    /// decision can be tested without root (a read-only mount needs root).
    struct Facts {
        bool exists = false;
        bool mediaReadOnly = false; ///< writing was refused with EROFS
        bool fileWritable = true;   ///< by this process's effective user
        bool folderWritable = true; ///< files can be created beside the ledger
        qint64 walBytes = -1;       ///< the size of PATH-wal; -1 when there is none
        bool shmExists = false;     ///< PATH-shm is there
    };

    /// Looks at `path`, its folder and its -wal and -shm files.
    static Facts inspect(const QString &path);
    /// How to open `path` given `facts`; an error (ErrorCode::Database) when it cannot be read at all, naming
    /// why and what would help.
    static Result<SqliteAccess> decide(const QString &path, const Facts &facts);
    static Result<SqliteAccess> forPath(const QString &path) { return decide(path, inspect(path)); }

    Mode mode() const { return m_mode; }
    bool readOnly() const { return m_mode != Mode::ReadWrite; }
    /// What QSqlDatabase::setDatabaseName gets: the path, or a file: URI with mode=ro (and immutable=1).
    QString databaseName() const { return m_databaseName; }
    /// The QSQLITE connect options to go with databaseName().
    QString connectOptions() const { return m_connectOptions; }
    /// Why this ledger cannot be written ("the ledger file is on read-only media"); empty when it can.
    QString cause() const { return m_cause; }
    /// The error every write gets: the cause, the file, and that nothing can be posted. Empty when writable.
    QString refusal() const { return m_refusal; }

    /// Whether a QSQLITE connection's options open it read-only (the verifier's extra connections ask).
    static bool isReadOnlyConnection(const QString &connectOptions);

private:
    Mode m_mode = Mode::ReadWrite;
    QString m_databaseName;
    QString m_connectOptions;
    QString m_cause;
    QString m_refusal;
};
