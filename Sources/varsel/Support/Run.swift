import ArgumentParser
import Foundation
import VarselKit

/// Runs a command body, turning `VarselError` into a precise message on stderr and exit status 2.
func guarded(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as VarselError {
        // Messages quote values, field names and lines from imported files: each part is sanitised.
        // A message may list several problems, one per line (its values hold no line breaks).
        for (i, line) in error.what.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if i == 0 { err("varsel: error: \(String(line))") } else { err("  \(String(line))") }
        }
        if let location = error.location { err("  where: \(location)") }
        if error.kind == .conflict && error.location == "version" {
            // The services word it for a form; on the command line the record was read with a version.
            err("  fix:   Nothing was saved. Read the record again (varsel show AGREEMENT --format json prints its version in recordVersions) and repeat the change on what is there now with that --if-version")
        } else if let fix = error.fix { err("  fix:   \(fix)") }
        throw ExitCode(2)
    } catch let error as ExitCode {
        throw error
    } catch let error as DecodingError {
        err("varsel: error: \(error)")
        throw ExitCode(2)
    }
}

/// Parses a YYYY-MM-DD option value or fails with the option's name.
func parseDate(_ text: String, option: String) throws -> CivilDate {
    guard let d = CivilDate(iso: text) else {
        throw ValidationError("\(option) \"\(TerminalText.sanitize(text))\" is not a date: use YYYY-MM-DD, e.g. 2026-11-23")
    }
    return d
}

/// Writes a line of human-facing text to standard output: interpolated values are sanitised
/// (`TerminalLine`), so data from the database or an imported file cannot reach the terminal raw.
func out(_ line: TerminalLine) { print(line.text) }

/// Writes formatted text of several lines (a table, a report) to standard output, each line sanitised.
func outBlock(_ text: String) { print(TerminalLine.block(text).text) }

/// Writes a line of human-facing text to standard error, interpolated values sanitised.
func err(_ line: TerminalLine) { FileHandle.standardError.write(Data((line.text + "\n").utf8)) }
