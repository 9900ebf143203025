import Foundation
import XCTest

/// What one run of the `varsel` binary produced.
struct RunResult {
    var status: Int32
    var stdout: String
    var stderr: String

    /// stdout parsed as JSON.
    func json(file: StaticString = #filePath, line: UInt = #line) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(stdout.utf8))
    }
}

/// Runs the built `varsel` binary (found in the products folder next to the test bundle) with a clean
/// environment: no $VARSEL_DB / $VARSEL_TODAY from the developer's shell, a fixed user name.
enum Varsel {
    static let binary: URL? = {
        let fm = FileManager.default
        var candidates: [URL] = []
        // Linux: the test runner is `…/debug/VarselPackageTests.xctest`; macOS: inside `….xctest/Contents/MacOS`.
        candidates.append(Bundle.main.bundleURL)
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent())
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            candidates.append(bundle.bundleURL.deletingLastPathComponent())
        }
        candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
        for dir in candidates {
            let url = dir.appendingPathComponent("varsel")
            var isDir: ObjCBool = false
            if fm.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue, fm.isExecutableFile(atPath: url.path) {
                return url
            }
        }
        return nil
    }()

    static func run(_ args: [String], environment extra: [String: String] = [:],
                    file: StaticString = #filePath, line: UInt = #line) throws -> RunResult {
        let exe = try XCTUnwrap(binary, "the varsel binary was not found next to the test bundle", file: file, line: line)
        let p = Process()
        p.executableURL = exe
        p.arguments = args
        var env = ProcessInfo.processInfo.environment
        env["VARSEL_DB"] = FileManager.default.temporaryDirectory.appendingPathComponent("varsel-cli-no-default-\(UUID().uuidString)/v.sqlite").path
        env["VARSEL_TODAY"] = nil
        env["USER"] = "tester"
        env["NO_COLOR"] = "1"
        env["COLUMNS"] = nil
        env.merge(extra) { _, new in new }
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        // Read both pipes at once so that a full pipe never blocks the child.
        let errData = DataBox()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData.data = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        p.waitUntilExit()
        return RunResult(status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData.data, as: UTF8.self))
    }

    /// Runs and asserts the exit status; returns the result.
    @discardableResult
    static func expect(_ status: Int32, _ args: [String], environment: [String: String] = [:],
                       file: StaticString = #filePath, line: UInt = #line) throws -> RunResult {
        let r = try run(args, environment: environment, file: file, line: line)
        XCTAssertEqual(r.status, status, "varsel \(args.joined(separator: " "))\nstdout: \(r.stdout)\nstderr: \(r.stderr)",
                       file: file, line: line)
        return r
    }
}

/// Holds stderr read on another thread; written once before `group.leave()`, read after `group.wait()`.
final class DataBox: @unchecked Sendable { var data = Data() }

/// Runs the `sqlite3` command-line shell on a database (read-only) and returns its output lines.
func sqlite(_ path: String, _ sql: String, file: StaticString = #filePath, line: UInt = #line) throws -> [String] {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["sqlite3", "-readonly", "-separator", "|", path, sql]
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    XCTAssertEqual(p.terminationStatus, 0, String(decoding: errData, as: UTF8.self), file: file, line: line)
    return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
}

/// A temporary folder per test case. Every Varsel database a test leaves in it must pass
/// `varsel audit verify` (issue 15: the chain holds on every database the tests create), unless
/// the test broke the chain on purpose and says so with `brokenAuditChains`.
class CLITestCase: XCTestCase {
    var dir: URL!
    /// Paths of databases whose audit chain the test broke deliberately.
    var brokenAuditChains: Set<String> = []
    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("varsel-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }
    override func tearDownWithError() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        for db in Self.databases(under: dir) where !brokenAuditChains.contains(db) {
            let r = try Varsel.run(["audit", "verify", "--db", db])
            // Exit 2: not a Varsel database, damaged or foreign (the hostile-file tests' own files).
            // Exit 1 is a broken chain: never acceptable on a database a test created.
            XCTAssertNotEqual(r.status, 1, "audit verify failed on \(db) left by \(name):\n\(r.stdout)\(r.stderr)")
        }
    }
    func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

    /// Regular files under `dir` that start with the SQLite header and carry Varsel's application id
    /// (backups included).
    static func databases(under dir: URL) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: dir.path) else { return [] }
        var found: [String] = []
        for case let rel as String in walker {
            let p = dir.appendingPathComponent(rel).path
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: p, isDirectory: &isDir), !isDir.boolValue,
                  let h = FileHandle(forReadingAtPath: p) else { continue }
            let header = (try? h.read(upToCount: 72)) ?? Data()
            try? h.close()
            guard header.count == 72, header.starts(with: Array("SQLite format 3\u{0}".utf8)) else { continue }
            let appID = header[68..<72].reduce(0) { $0 << 8 | UInt32($1) }
            if appID == 0x5652_534C { found.append(p) }  // "VRSL", Schema.applicationID
        }
        return found
    }
}
