import Foundation

/// Writes the whole portfolio as a `PortfolioDocument` in JSON: sorted keys, pretty-printed,
/// every table in id order (the audit trail in sequence), ending with a newline.
///
/// The output is a pure function of the database content, so export → import into an empty
/// database → export gives the same bytes (see docs/exchange.md, "Round trip").
public enum PortfolioExporter {
    /// The document of everything in the store, read in one consistent snapshot.
    public static func document(store: any PortfolioStorage) throws -> PortfolioDocument {
        try store.exportDocument()
    }

    /// The exchange JSON of the whole portfolio.
    public static func exportJSON(store: any PortfolioStorage) throws -> Data {
        try encodeJSON(try document(store: store))
    }

    /// The canonical JSON bytes of a document (C1 and bidi controls escaped, `JSONSafety`).
    public static func encodeJSON(_ doc: PortfolioDocument) throws -> Data {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = JSONSafety.escapeInvisible(try enc.encode(doc))
        data.append(0x0A)
        return data
    }
}

/// Writing files that hold portfolio data: created with mode 0600, replaced atomically.
public enum PrivateFile {
    /// Writes `data` to `path` through a 0600 temporary file in the same folder, then renames it over `path`.
    public static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent().path
        let tmp = dir + "/." + url.lastPathComponent + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(tmp, O_CREAT | O_EXCL | O_WRONLY, 0o600)
        guard fd >= 0 else {
            throw VarselError(.io, "Cannot write \(path): \(String(cString: strerror(errno)))", at: path,
                              fix: "Check that the folder exists and is writable")
        }
        var ok = true
        data.withUnsafeBytes { buf in
            var offset = 0
            while offset < buf.count {
                let n = Foundation.write(fd, buf.baseAddress! + offset, buf.count - offset)
                if n <= 0 { ok = false; break }
                offset += n
            }
        }
        if ok { ok = fsync(fd) == 0 }
        close(fd)
        guard ok, rename(tmp, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(tmp)
            throw VarselError(.io, "Cannot write \(path): \(reason)", at: path, fix: "Check the disk space and the folder's permissions")
        }
        chmod(path, 0o600)
    }
}
