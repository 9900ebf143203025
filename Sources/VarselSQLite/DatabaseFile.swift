import Foundation
import VarselKit

/// What a database path holds, found with `stat(2)` and by reading the 100-byte SQLite header —
/// before SQLite opens anything, so a hostile or damaged file is described precisely and never
/// touched, and a lock held by another writer can never make a Varsel file look foreign.
public enum DatabaseFile {
    /// What `inspect` found.
    public enum State: Equatable, Sendable {
        /// No file at the path (its folder exists).
        case missing
        /// A regular file of 0 bytes.
        case empty
        /// An SQLite file; `applicationID` is the header's `PRAGMA application_id`.
        case sqlite(applicationID: Int32)
    }

    /// How `VarselStore.open` will use the file: read only, write, or write and create if needed.
    public typealias Access = StorageAccess

    /// Inspects `path` for `access`. Throws a `VarselError` that says what is wrong, where, and how
    /// to fix it: a folder, a device, no permission, a read-only file or folder, a missing folder,
    /// a file that is not SQLite, a truncated file. Reads at most 100 bytes; changes nothing.
    public static func inspect(_ path: String, for access: Access) throws -> State {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let err = errno
            if err == ENOENT {
                let dir = folder(of: path)
                var d = stat()
                if stat(dir, &d) != 0 {
                    throw VarselError(.notFound, "No database at \(path): its folder \(dir) does not exist", at: path,
                                      fix: "Check the path (--db or $VARSEL_DB); to start a new database there, create the folder first (mkdir -p \(dir))")
                }
                if access == .create { try requireWritableFolder(dir, for: path); return .missing }
                throw VarselError(.notFound, "No database at \(path)", at: path,
                                  fix: "Check the path (--db or $VARSEL_DB). Nothing was created. To start a new database there, run `varsel demo --db \(path)`, import a file into it, or repeat the command with --create")
            }
            if err == EACCES {
                throw VarselError(.io, "Permission denied: \(userName()) cannot reach \(path) (a folder on the way is not searchable)", at: path,
                                  fix: "Ask the owner for access to the folder, or name another file with --db")
            }
            throw VarselError(.io, "Cannot look at \(path): \(String(cString: strerror(err)))", at: path, fix: "Check the path")
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR:
            throw VarselError(.refusedDatabase, "\(path) is a folder, not a database file", at: path,
                              fix: "Nothing was changed. Name a file, e.g. --db \(path.hasSuffix("/") ? path : path + "/")varsel.sqlite")
        default:
            throw VarselError(.refusedDatabase, "\(path) is not a regular file (\(kind(info.st_mode)))", at: path,
                              fix: "Nothing was changed. Name a Varsel database file with --db")
        }
        let mode = String(format: "%03o", Int(info.st_mode & 0o777))
        guard Foundation.access(path, R_OK) == 0 else {
            throw VarselError(.io, "Permission denied: \(userName()) may not read \(path) (mode \(mode), owner \(ownerName(info.st_uid)))", at: path,
                              fix: "Nothing was changed. Ask the owner for access, or if it is yours: chmod u+rw \(path)")
        }
        if access != .read {
            guard Foundation.access(path, W_OK) == 0 else {
                if errno == EROFS { throw readOnlyFileSystem(path) }
                throw VarselError(.io, "\(path) is read-only (mode \(mode)): this command writes", at: path,
                                  fix: "Nothing was changed. Commands that only read (deadlines, show, export, backup) still work; to write, make it writable: chmod u+w \(path)")
            }
            try requireWritableFolder(folder(of: path), for: path)
        }
        if info.st_size == 0 {
            if access == .create { return .empty }
            throw VarselError(.refusedDatabase, "\(path) is empty (0 bytes), not a Varsel database", at: path,
                              fix: "Nothing was changed. Name a Varsel database with --db; to turn this empty file into a new database, repeat the command with --create")
        }
        let header = try readHeader(path)
        guard header.count >= 100, header.starts(with: Array("SQLite format 3\u{0}".utf8)) else {
            throw VarselError(.refusedDatabase, "\(path) is not a Varsel database: it is not an SQLite file at all", at: path,
                              fix: "Nothing was changed. Name a Varsel database with --db, or a new file name with --create")
        }
        // While another process checkpoints its WAL into the file, the header (read here without
        // SQLite's locks) can already name pages not yet written: a shortfall seen with a -wal beside
        // the file is looked at again for up to half a second before the file is called truncated
        // (scripts/concurrency.py found the race: "truncated" reported on a healthy file).
        var attempt = 0
        var (h, size) = (header, Int64(info.st_size))
        while let claimed = Self.truncation(header: h, size: size) {
            attempt += 1
            if attempt > 10 || !FileManager.default.fileExists(atPath: path + "-wal") {
                throw VarselError(.refusedDatabase, "\(path) is damaged: it is truncated (\(size) bytes; its header says \(claimed))", at: path,
                                  fix: "Nothing was changed. Restore the last good backup: varsel restore BACKUP --db \(path)")
            }
            usleep(50_000)
            var again = stat()
            guard stat(path, &again) == 0 else { break }
            (h, size) = (try readHeader(path), Int64(again.st_size))
        }
        return .sqlite(applicationID: Int32(bitPattern: be32(header, 68)))
    }

    /// The size the header claims when the file is shorter than that, else nil. The page count is
    /// valid only when the "version-valid-for" number matches the change counter.
    static func truncation(header: [UInt8], size: Int64) -> Int64? {
        guard header.count >= 100 else { return nil }
        let pageSize = { (v: Int) in v == 1 ? 65536 : v }(Int(header[16]) << 8 | Int(header[17]))
        let pages = Int64(be32(header, 28))
        guard be32(header, 92) == be32(header, 24), pages > 0, pages * Int64(pageSize) > size else { return nil }
        return pages * Int64(pageSize)
    }

    /// SQLite writes `-wal` and `-shm` beside the database, so a writer needs the folder writable.
    static func requireWritableFolder(_ dir: String, for path: String) throws {
        guard Foundation.access(dir, W_OK | X_OK) == 0 else {
            if errno == EROFS { throw readOnlyFileSystem(path) }
            throw VarselError(.io, "The folder \(dir) is read-only: \(path) cannot be written (SQLite keeps its journal beside the file)", at: dir,
                              fix: "Nothing was changed. Commands that only read still work; to write, make the folder writable (chmod u+w \(dir)) or move the database")
        }
    }

    /// The disk (file system) holding `path` is mounted read-only: no permission change helps.
    static func readOnlyFileSystem(_ path: String) -> VarselError {
        VarselError(.io, "\(path) cannot be written: the file system holding it is mounted read-only", at: path,
                    fix: "Nothing was changed. Commands that only read still work; to write, remount the disk read-write (or copy the database to a writable disk) and try again")
    }

    /// Whether the file system holding `path` has no block left for an unprivileged writer.
    static func diskIsFull(_ path: String) -> Bool {
        var fs = statvfs()
        guard statvfs(folder(of: path), &fs) == 0 else { return false }
        return fs.f_bavail == 0
    }

    static func folder(of path: String) -> String {
        let dir = (path as NSString).deletingLastPathComponent
        return dir.isEmpty ? "." : dir
    }

    private static func readHeader(_ path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_NONBLOCK)
        guard fd >= 0 else {
            throw VarselError(.io, "Cannot read \(path): \(String(cString: strerror(errno)))", at: path, fix: "Check the file's permissions")
        }
        defer { close(fd) }
        var buf = [UInt8](repeating: 0, count: 100)
        var got = 0
        while got < 100 {
            let n = buf.withUnsafeMutableBytes { read(fd, $0.baseAddress! + got, 100 - got) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            got += n
        }
        return Array(buf.prefix(got))
    }

    private static func be32(_ b: [UInt8], _ at: Int) -> UInt32 {
        UInt32(b[at]) << 24 | UInt32(b[at + 1]) << 16 | UInt32(b[at + 2]) << 8 | UInt32(b[at + 3])
    }

    private static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFIFO: return "a named pipe"
        case S_IFSOCK: return "a socket"
        default: return "not a plain file"
        }
    }

    static func userName() -> String { OSUser.current() }

    private static func ownerName(_ uid: uid_t) -> String {
        if let pw = getpwuid(uid), let name = pw.pointee.pw_name { return OSUser.sanitised(String(cString: name)) }
        return "uid \(uid)"
    }
}
