import Foundation
import ZIPFoundation

/// Writes the test documents: a minimal PDF (Helvetica, WinAnsi) and a minimal .docx.
enum DocumentWriters {
    /// Characters a WinAnsi Helvetica PDF can carry; others become "-".
    static func pdfSafe(_ s: String) -> String {
        String(s.unicodeScalars.map { c -> Character in
            let str = String(c)
            return str.data(using: .windowsCP1252) != nil ? Character(c) : "-"
        })
    }

    /// A PDF whose text layer is `lines` (wrapped at `width` characters), 60 lines a page.
    static func pdf(lines: [String], width: Int = 100) -> Data {
        var wrapped: [String] = []
        for line in lines {
            var cur = ""
            for word in line.split(separator: " ", omittingEmptySubsequences: false) {
                if !cur.isEmpty && cur.count + word.count + 1 > width { wrapped.append(cur); cur = String(word) }
                else { cur = cur.isEmpty ? String(word) : cur + " " + word }
            }
            wrapped.append(cur)
        }
        var pages: [[String]] = []
        stride(from: 0, to: wrapped.count, by: 60).forEach { pages.append(Array(wrapped[$0..<min($0 + 60, wrapped.count)])) }
        if pages.isEmpty { pages = [[]] }
        var objects: [Data] = []
        let pageCount = pages.count
        // 1 catalog, 2 pages, 3 font, then per page: page object, content stream.
        objects.append(Data("<< /Type /Catalog /Pages 2 0 R >>".utf8))
        let kids = (0..<pageCount).map { "\(4 + 2 * $0) 0 R" }.joined(separator: " ")
        objects.append(Data("<< /Type /Pages /Kids [\(kids)] /Count \(pageCount) >>".utf8))
        objects.append(Data("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".utf8))
        for (i, page) in pages.enumerated() {
            objects.append(Data("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 842] /Resources << /Font << /F1 3 0 R >> >> /Contents \(5 + 2 * i) 0 R >>".utf8))
            var content = Data("BT /F1 9 Tf 11 TL 30 810 Td\n".utf8)
            for line in page {
                content.append(Data("(".utf8))
                for b in (line.data(using: .windowsCP1252) ?? Data()) {
                    switch b {
                    case 0x28, 0x29, 0x5C: content.append(contentsOf: [0x5C, b])
                    case 0x20...0x7E: content.append(b)
                    default: content.append(Data(String(format: "\\%03o", b).utf8))
                    }
                }
                content.append(Data(") Tj T*\n".utf8))
            }
            content.append(Data("ET".utf8))
            var obj = Data("<< /Length \(content.count) >>\nstream\n".utf8)
            obj.append(content); obj.append(Data("\nendstream".utf8))
            objects.append(obj)
        }
        var out = Data("%PDF-1.4\n".utf8)
        var offsets: [Int] = []
        for (i, o) in objects.enumerated() {
            offsets.append(out.count)
            out.append(Data("\(i + 1) 0 obj\n".utf8)); out.append(o); out.append(Data("\nendobj\n".utf8))
        }
        let xref = out.count
        out.append(Data("xref\n0 \(objects.count + 1)\n0000000000 65535 f \n".utf8))
        for o in offsets { out.append(Data(String(format: "%010d 00000 n \n", o).utf8)) }
        out.append(Data("trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n".utf8))
        return out
    }

    static func esc(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    /// A paragraph of `document.xml`; `numbered` = (numId, level) for a list paragraph.
    static func paragraph(_ text: String, numbered: (Int, Int)? = nil) -> String {
        let pPr = numbered.map { "<w:pPr><w:numPr><w:ilvl w:val=\"\($0.1)\"/><w:numId w:val=\"\($0.0)\"/></w:numPr></w:pPr>" } ?? ""
        return "<w:p>\(pPr)<w:r><w:t xml:space=\"preserve\">\(esc(text))</w:t></w:r></w:p>"
    }

    static func table(_ rows: [[String]]) -> String {
        "<w:tbl>" + rows.map { "<w:tr>" + $0.map { "<w:tc>\(paragraph($0))</w:tc>" }.joined() + "</w:tr>" }.joined() + "</w:tbl>"
    }

    /// A .docx with `body` (w:p / w:tbl elements) and a decimal numbering definition numId 1.
    static func docx(body: String, to url: URL) throws {
        try? FileManager.default.removeItem(at: url)
        let archive = try Archive(url: url, accessMode: .create)
        let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
        let files: [(String, String)] = [
            ("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"),
            ("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>"),
            ("word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document \(w)><w:body>\(body)</w:body></w:document>"),
            ("word/numbering.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:numbering \(w)><w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"decimal\"/></w:lvl><w:lvl w:ilvl=\"1\"><w:numFmt w:val=\"decimal\"/></w:lvl></w:abstractNum><w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"bullet\"/></w:lvl></w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num><w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num></w:numbering>"),
        ]
        for (path, content) in files {
            let data = Data(content.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { pos, size in
                data.subdata(in: Int(pos)..<Int(pos) + size)
            }
        }
    }
}
