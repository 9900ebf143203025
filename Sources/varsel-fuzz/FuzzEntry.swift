import Foundation
import VarselKit
import VarselSQLite

/// Fuzz target for the import path (JSON and YAML) and the period parser (docs/reliability.md).
///
/// With libFuzzer (Linux):
///   swift build --scratch-path .build-fuzz --product varsel-fuzz \
///     -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -DFUZZING
///   .build-fuzz/debug/varsel-fuzz Fuzz/corpus -max_total_time=60
/// Without (a normal build): `varsel-fuzz FILE…` replays inputs, e.g. a crash file or the corpus.
///
/// The first byte chooses what the rest is fed to: 0–99 the JSON importer, 100–199 the YAML
/// importer (both parse, validate and plan a dry-run import into an empty in-memory database),
/// 200–255 `Period.parse`. Errors are expected; crashes, hangs and sanitizer reports are bugs.
enum FuzzTarget {
    nonisolated(unsafe) static var store: (any PortfolioStorage)? = try? SQLiteStorage.inMemory()

    /// Runs one input; returns what `varsel import --dry-run` would exit with: "0", or "2 kind"
    /// for a refusal (`VarselError.Kind`), or "2 other" for any other error.
    @discardableResult
    static func run(_ input: Data) -> String {
        guard let selector = input.first else { return "0" }
        let body = input.dropFirst()
        do {
            switch selector {
            case 0..<100: try importDryRun(Data(body), fileName: "fuzz.json")
            case 100..<200: try importDryRun(Data(body), fileName: "fuzz.yaml")
            default: _ = try Period.parse(String(decoding: body, as: UTF8.self))
            }
            return "0"
        } catch let error as VarselError {
            return "2 \(error.kind.rawValue)"
        } catch {
            return "2 other " + String(describing: type(of: error))
        }
    }

    static func importDryRun(_ data: Data, fileName: String) throws {
        guard let store else { return }
        let importer = PortfolioImporter(store: store, clock: .fixed(CivilDate(year: 2026, month: 11, day: 23)!), user: "fuzz")
        try importer.importData(data, fileName: fileName, dryRun: true)
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzTarget.run(Data(bytes: data, count: size))
    return 0
}

#if FUZZING
/// SwiftPM links an executable's entry point as `<target>_main`: hand the process to libFuzzer.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

@_cdecl("varsel_fuzz_main")
public func varselFuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var argc = argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOneInput(data, size) }
}
#else
@main
struct Replay {
    static func main() throws {
        if CommandLine.arguments.dropFirst().first == "--stream" { return stream() }
        for path in CommandLine.arguments.dropFirst() {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { continue }
            let files = isDir.boolValue
                ? try FileManager.default.contentsOfDirectory(atPath: path).sorted().map { path + "/" + $0 } : [path]
            for file in files {
                FuzzTarget.run(try Data(contentsOf: URL(fileURLWithPath: file)))
            }
            print("replayed \(files.count) input(s) from \(path)")
        }
    }

    /// `--stream`: inputs on stdin as a 4-byte little-endian length and the bytes; one outcome line
    /// per input on stdout (scripts/fuzz-import.py drives this in-process loop).
    static func stream() {
        let input = FileHandle.standardInput
        while true {
            let header = input.readData(ofLength: 4)
            guard header.count == 4 else { return }
            let n = header.enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
            let body = n > 0 ? input.readData(ofLength: n) : Data()
            guard body.count == n else { return }
            let outcome = FuzzTarget.run(body)
            FileHandle.standardOutput.write(Data((outcome + "\n").utf8))
        }
    }
}
#endif
