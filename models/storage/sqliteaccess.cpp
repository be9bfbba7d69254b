#include "sqliteaccess.h"

#include <QFile>
#include <QFileInfo>
#include <QStringList>
#include <QUrl>

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace {

/// A writer's commit may be under way; SQLite waits this long for its lock before it says busy.
const QString BusyTimeout = QStringLiteral("QSQLITE_BUSY_TIMEOUT=30000");

/// The file as an SQLite URI with `query`. QUrl percent-encodes what SQLite's URI syntax would otherwise read
/// as syntax ('?', '#', '%', blanks); SQLite decodes it again.
QString uriOf(const QString &path, const QString &query) {
    return QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath()).toString(QUrl::FullyEncoded) + u'?' +
           query;
}

/// Whether this process's effective user may write `path` (AT_EACCESS: the rights SQLite's own open() gets,
/// not the real user's). *readOnlyMedia is set when the mount refuses it whoever asks, root included.
bool writable(const QString &path, bool *readOnlyMedia) {
    if (::faccessat(AT_FDCWD, QFile::encodeName(path).constData(), W_OK, AT_EACCESS) == 0)
        return true;
    if (readOnlyMedia)
        *readOnlyMedia = errno == EROFS;
    return false;
}

} // namespace

SqliteAccess::Facts SqliteAccess::inspect(const QString &path) {
    Facts facts;
    const QFileInfo info(path);
    facts.exists = path != u":memory:" && info.exists();
    if (!facts.exists)
        return facts;
    facts.fileWritable = writable(path, &facts.mediaReadOnly);
    // Creating files there needs write and search rights on the folder.
    facts.folderWritable = ::faccessat(AT_FDCWD, QFile::encodeName(info.absolutePath()).constData(),
                                       W_OK | X_OK, AT_EACCESS) == 0;
    const QFileInfo wal(path + QStringLiteral("-wal"));
    facts.walBytes = wal.exists() ? wal.size() : -1;
    facts.shmExists = QFileInfo::exists(path + QStringLiteral("-shm"));
    return facts;
}

Result<SqliteAccess> SqliteAccess::decide(const QString &path, const Facts &facts) {
    SqliteAccess access;
    access.m_databaseName = path;
    access.m_connectOptions = BusyTimeout;
    if (!facts.exists)
        return access; // to be created (only init and demo do): writable or it fails to be made
    const QString folder = QFileInfo(path).absolutePath();
    // SQLite reads a WAL ledger with its -wal and -shm files; when both are there it creates neither.
    const bool walFilesThere = facts.walBytes >= 0 && facts.shmExists;
    if (facts.mediaReadOnly) {
        access.m_mode = Mode::ReadOnlyMedia;
        access.m_cause = QStringLiteral("the ledger file is on read-only media");
        if (facts.walBytes > 0) {
            // Changes still in the write-ahead log (the ledger was not closed before its media became
            // read-only). immutable=1 would ignore the log and show the ledger as it was before them, so the
            // log is read as SQLite always reads it (mode=ro); SQLite 3.22 and later do so through an
            // existing -shm file without writing to it, but cannot without one.
            if (!facts.shmExists)
                return LedgerError{
                    ErrorCode::Database,
                    QStringLiteral(
                        "cannot open %1: it is on read-only media, and changes in its write-ahead log "
                        "(%1-wal) cannot be read there without %1-shm; mount it read-write and "
                        "open it once, which moves those changes into the ledger file")
                        .arg(path)};
            access.m_databaseName = uriOf(path, QStringLiteral("mode=ro"));
        } else {
            // immutable=1: SQLite takes no locks and needs no -shm, which it could not create here. That is
            // only safe while nobody writes the file, which a read-only mount guarantees. (Not through a
            // second, writable mount of the same folder, such as a read-only bind mount's source: do not
            // post there while the ledger is read here.)
            access.m_databaseName = uriOf(path, QStringLiteral("mode=ro&immutable=1"));
        }
    } else if (!facts.fileWritable) {
        access.m_mode = Mode::ReadOnlyFile;
        access.m_cause = QStringLiteral("the ledger file is not writable by this user");
        // Not immutable: the file's owner may post while it is read here, and immutable would then read torn
        // pages and miss the log. mode=ro locks and reads the log as a writer's reader does; SQLite finds the
        // -wal and -shm files (a writer has the ledger open) or creates them in the folder.
        if (!facts.folderWritable && !walFilesThere)
            return LedgerError{
                ErrorCode::Database,
                QStringLiteral(
                    "cannot open %1: the ledger file is not writable by this user, and SQLite cannot "
                    "create %1-wal and %1-shm beside it to read it (this user may not create files "
                    "in %2)")
                    .arg(path, folder)};
        access.m_databaseName = uriOf(path, QStringLiteral("mode=ro"));
    } else if (!facts.folderWritable && !walFilesThere) {
        // A writable file in a folder that is not: SQLite fails on the first statement, reads included, with
        // "attempt to write a readonly database", which names neither the folder nor the files.
        return LedgerError{
            ErrorCode::Database,
            QStringLiteral("cannot open %1: SQLite must create %1-wal and %1-shm beside it, and "
                           "this user may not create files in %2")
                .arg(path, folder)};
    }
    if (access.readOnly()) {
        access.m_connectOptions += QStringLiteral(";QSQLITE_OPEN_URI;QSQLITE_OPEN_READONLY");
        access.m_refusal =
            QStringLiteral("%1 (%2): nothing can be posted or changed").arg(access.m_cause, path);
    }
    return access;
}

bool SqliteAccess::isReadOnlyConnection(const QString &connectOptions) {
    const QStringList options = connectOptions.split(u';');
    return std::any_of(options.cbegin(), options.cend(),
                       [](const QString &o) { return o.trimmed() == u"QSQLITE_OPEN_READONLY"; });
}
