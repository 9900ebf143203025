import Foundation
import ZIPFoundation
import SWXMLHash

/// Why a file could not be read for intake.
public struct IntakeError: Error, CustomStringConvertible, Sendable, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Extracted contract text: line breaks normalised to "\n".
public struct IntakeDocument: Sendable {
    public var text: String
    /// "txt", "pdf" or "docx".
    public var format: String
    /// How the bytes were decoded ("utf-8", "utf-16le", "windows-1252", …).
    public var encoding: String
}

/// Reads .txt/.md (UTF-8, UTF-16 with BOM, Windows-1252), .pdf (`pdftotext -layout`) and .docx.
public enum IntakeReader {
    /// Reads `path`; "-" reads `stdin` (text).
    public static func read(path: String, stdin: () -> Data = { FileHandle.standardInput.readDataToEndOfFile() }) throws -> IntakeDocument {
        if path == "-" { return try decodeText(stdin()) }
        let url = URL(fileURLWithPath: path)
        guard FileManager.default.fileExists(atPath: path) else { throw IntakeError("no such file: \(path)") }
        switch url.pathExtension.lowercased() {
        case "pdf": return try readPDF(url)
        case "docx": return try readDOCX(url)
        case "txt", "md", "text", "": return try decodeText(Data(contentsOf: url))
        case let other: throw IntakeError("unsupported file type .\(other): use .txt, .md, .pdf or .docx")
        }
    }

    /// Decodes text bytes: a BOM decides UTF-8/UTF-16; otherwise strict UTF-8, else Windows-1252.
    public static func decodeText(_ data: Data) throws -> IntakeDocument {
        let bytes = [UInt8](data)
        var text: String?
        var encoding = "utf-8"
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            text = String(bytes: bytes.dropFirst(3), encoding: .utf8)
        } else if bytes.starts(with: [0xFF, 0xFE]) {
            text = String(bytes: bytes.dropFirst(2), encoding: .utf16LittleEndian); encoding = "utf-16le"
        } else if bytes.starts(with: [0xFE, 0xFF]) {
            text = String(bytes: bytes.dropFirst(2), encoding: .utf16BigEndian); encoding = "utf-16be"
        } else if let s = String(validating: bytes, as: UTF8.self) {
            text = s
        } else {
            text = String(bytes: bytes, encoding: .windowsCP1252); encoding = "windows-1252"
        }
        guard let text else { throw IntakeError("the file is not text in UTF-8, UTF-16 or Windows-1252") }
        return IntakeDocument(text: normalise(text), format: "txt", encoding: encoding)
    }

    static func normalise(_ s: String) -> String {
        // Most text has neither: skip the whole-text copies (the result would be the same string).
        guard s.utf8.contains(where: { $0 == 0x0D || $0 == 0x0C }) else { return s }
        return s.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .replacingOccurrences(of: "\u{0C}", with: "\n")
    }

    /// Text of a PDF via `pdftotext -layout` (poppler-utils). A PDF without a text layer is an error.
    public static func readPDF(_ url: URL) throws -> IntakeDocument {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["pdftotext", "-layout", "-enc", "UTF-8", url.path, "-"]
        let pipe = Pipe(), errPipe = Pipe()
        p.standardOutput = pipe; p.standardError = errPipe
        do { try p.run() } catch { throw IntakeError("cannot run pdftotext (install poppler-utils: scripts/ensure-deps)") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        let errData = errPipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            if p.terminationStatus == 127 { throw IntakeError("pdftotext not found (install poppler-utils: scripts/ensure-deps)") }
            throw IntakeError("pdftotext failed: \(String(decoding: errData, as: UTF8.self).prefix(200))")
        }
        let text = normalise(String(decoding: data, as: UTF8.self))
        if text.allSatisfy({ $0.isWhitespace }) {
            throw IntakeError("scanned PDF: no text to read; run OCR first")
        }
        return IntakeDocument(text: layoutToLines(text), format: "pdf", encoding: "utf-8")
    }

    /// `-layout` indents and pads: strip each line's leading/trailing blanks, keep line breaks.
    static func layoutToLines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: "\n")
    }

    /// Text of a Word document: paragraphs (with list numbering), and tables row by row, cells
    /// separated by a tab.
    public static func readDOCX(_ url: URL) throws -> IntakeDocument {
        let archive: Archive
        do { archive = try Archive(url: url, accessMode: .read) } catch {
            throw IntakeError("not a .docx file (not a zip archive)")
        }
        guard let entry = archive["word/document.xml"] else { throw IntakeError("not a .docx file (no word/document.xml)") }
        var xml = Data()
        _ = try archive.extract(entry, skipCRC32: false) { xml.append($0) }
        var numberingFormats: [String: [Int: String]] = [:]
        if let numEntry = archive["word/numbering.xml"] {
            var nd = Data()
            _ = try archive.extract(numEntry) { nd.append($0) }
            numberingFormats = DocxNumbering.formats(XMLHash.parse(nd))
        }
        let doc = XMLHash.config { $0.shouldProcessNamespaces = false }.parse(xml)
        var lines: [String] = []
        var counters = DocxNumbering(formats: numberingFormats)
        for child in doc["w:document"]["w:body"].children {
            guard let el = child.element else { continue }
            switch el.name {
            case "w:p": lines.append(counters.prefix(child) + paragraphText(child))
            case "w:tbl":
                for row in child["w:tr"].all {
                    let cells = row["w:tc"].all.map { cell in
                        cell["w:p"].all.map(paragraphText).joined(separator: " ")
                    }
                    lines.append(cells.joined(separator: "\t"))
                }
            default: break
            }
        }
        return IntakeDocument(text: lines.joined(separator: "\n"), format: "docx", encoding: "utf-8")
    }

    static func paragraphText(_ p: XMLIndexer) -> String {
        var s = ""
        func walk(_ node: XMLIndexer) {
            for c in node.children {
                guard let el = c.element else { continue }
                switch el.name {
                case "w:t": s += el.text
                case "w:tab": s += "\t"
                case "w:br", "w:cr": s += "\n"
                case "w:pPr", "w:rPr": break
                default: walk(c)
                }
            }
        }
        walk(p)
        return s
    }
}

/// Word list numbering: decimal levels become "1.", "1.1", "1.1.1" prefixes; bullets "• ".
struct DocxNumbering {
    /// numId → level → numFmt ("decimal", "bullet", …).
    var formats: [String: [Int: String]]
    var counters: [String: [Int]] = [:]

    static func formats(_ xml: XMLIndexer) -> [String: [Int: String]] {
        var abstract: [String: [Int: String]] = [:]
        for a in xml["w:numbering"]["w:abstractNum"].all {
            guard let id = a.element?.attribute(by: "w:abstractNumId")?.text else { continue }
            var levels: [Int: String] = [:]
            for l in a["w:lvl"].all {
                if let i = l.element?.attribute(by: "w:ilvl").flatMap({ Int($0.text) }) {
                    levels[i] = l["w:numFmt"].element?.attribute(by: "w:val")?.text ?? "decimal"
                }
            }
            abstract[id] = levels
        }
        var out: [String: [Int: String]] = [:]
        for n in xml["w:numbering"]["w:num"].all {
            if let id = n.element?.attribute(by: "w:numId")?.text,
               let aid = n["w:abstractNumId"].element?.attribute(by: "w:val")?.text {
                out[id] = abstract[aid] ?? [:]
            }
        }
        return out
    }

    mutating func prefix(_ p: XMLIndexer) -> String {
        let numPr = p["w:pPr"]["w:numPr"]
        guard let numId = numPr["w:numId"].element?.attribute(by: "w:val")?.text, numId != "0" else { return "" }
        let level = numPr["w:ilvl"].element?.attribute(by: "w:val").flatMap { Int($0.text) } ?? 0
        if formats[numId]?[level] == "bullet" { return "• " }
        var c = counters[numId] ?? []
        while c.count <= level { c.append(0) }
        c[level] += 1
        c.removeSubrange((level + 1)...)
        counters[numId] = c
        let path = c.map(String.init).joined(separator: ".")
        return level == 0 ? path + ". " : path + " "
    }
}
