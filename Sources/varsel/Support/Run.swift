import ArgumentParser
import Foundation
import GRDB
import VarselKit

/// Runs a command body, turning `VarselError` into a precise message on stderr and exit status 2.
func guarded(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as VarselError {
        var message = "varsel: error: \(error.what)"
        if let location = error.location { message += "\n  where: \(location)" }
        if let fix = error.fix { message += "\n  fix:   \(fix)" }
        FileHandle.standardError.write(Data((message + "\n").utf8))
        throw ExitCode(2)
    } catch let error as ExitCode {
        throw error
    } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB {
        FileHandle.standardError.write(Data("varsel: error: the database file is damaged: \(error.message ?? "malformed")\n  fix:   nothing was written; restore the last good backup (varsel restore BACKUP)\n".utf8))
        throw ExitCode(2)
    } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
        FileHandle.standardError.write(Data("varsel: error: the database is busy: another program held a lock for more than 5 seconds\n  fix:   nothing was written; try again\n".utf8))
        throw ExitCode(2)
    } catch let error as DatabaseError {
        FileHandle.standardError.write(Data("varsel: error: the database refused the change: \(error.message ?? "\(error)")\n  nothing was written\n".utf8))
        throw ExitCode(2)
    } catch let error as DecodingError {
        FileHandle.standardError.write(Data("varsel: error: \(error)\n".utf8))
        throw ExitCode(2)
    }
}

/// Parses a YYYY-MM-DD option value or fails with the option's name.
func parseDate(_ text: String, option: String) throws -> CivilDate {
    guard let d = CivilDate(iso: text) else {
        throw ValidationError("\(option) \"\(text)\" is not a date: use YYYY-MM-DD, e.g. 2026-11-23")
    }
    return d
}

/// Writes a line to standard output.
func out(_ s: String) { print(s) }
