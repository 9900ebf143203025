import Foundation
import VarselKit

/// Parties and sub-processors (docs/intake.md, rules `org-number`, `sub-processor-list`,
/// `sub-processor-prose`): organisation numbers are accepted only when their check digits fit.
enum PartyExtractor {
    static let orgNumber = NSRegularExpression.ci(#"(?<![\d-])(\d{6}-\d{4}|\d{3}[ \u00A0]\d{3}[ \u00A0]\d{3}|\d{2}[ \u00A0]\d{2}[ \u00A0]\d{2}[ \u00A0]\d{2}|\d{8,10})(?![\d-])"#)
    static let orgLabel = NSRegularExpression.ci(#"(cvr|org\.?\s*n(?:r|o)|org\.?\s*nummer|organisations?nummer|organisasjonsnummer|organisasjonsnr|skipnr|reg\.?\s*nr|company\s+(?:reg(?:istration)?\.?\s*)?(?:number|no)|xxx\.xx|foretaksnummer|corporate id)\.?\s*(?:nr\.?|nummer|no\.?)?\s*[:.,]?\s*$"#)
    static let companyForm = #"(?:AB(?:\s+\(publ\))?|ApS|A/S|a/s|AS|ASA|Oy|Oyj|Ltd\.?|Limited|GmbH|Inc\.?|LLC|I/S|P/S|SA|BV|B\.V\.|S\.A\.|SE|plc|AG)"#
    static let company = try! NSRegularExpression(pattern: #"(?<![\p{L}])((?:[\p{Lu}0-9][\p{L}0-9&.'\-]*[ \u00A0]+){1,4}"# + companyForm + #")(?![\p{L}])"#)
    static let subWords = NSRegularExpression.ci(#"(underdatabehandler|underleverantör|underleverandør|underbiträde|underbiträden|sub-?processor|underdatabehandlar|underleverandører)"#)
    static let bulletLead = NSRegularExpression.ci(#"^\s*[•●▪◦*\-–—]\s*"#)
    static let lead = #"^(og|och|and|mellem|mellom|between|samt|med|with|og)\s+"#
    /// Markdown (a `.md` contract): ATX headings and pipe-table rows.
    static let markdownHeading = NSRegularExpression.ci(#"^\s{0,3}(#{1,6})\s+(.*)$"#)
    static let pipeRow = NSRegularExpression.ci(#"^\s*\|.*\|\s*$"#)
    static let pipeSeparator = NSRegularExpression.ci(#"^\s*\|?(\s*:?-{3,}:?\s*\|)+\s*:?-{0,}:?\s*\|?\s*$"#)
    static let aliasInBrackets = NSRegularExpression.ci(#"^\p{Lu}[\p{L}\d.]*\)\s*$"#)
    static let companyFormWord = try! NSRegularExpression(pattern: "^" + companyForm + "$")
    /// Words that end a name read backwards from its organisation number ("… där GDPR Hero (org.nr. …)").
    static let nameStops: Set<String> = ["mellem", "mellom", "between", "och", "og", "and", "där", "der", "hvor", "where",
                                         "med", "with", "af", "av", "of", "by", "samt", "från", "fra", "from", "till",
                                         "til", "to", "är", "er", "is", "för", "for", "kallad", "nedan", "herefter",
                                         "heretter", "uppdrag", "part", "parten", "party"]

    /// The name standing right before a labelled organisation number that has no company form
    /// ("GDPR Hero (org.nr. 559088-5116)", "Simply BRF, org. nr, 810606-3954", "deranged ApS (CVR …"):
    /// up to four words read backwards, capitalised (or any word once a company form is read),
    /// stopping at a function word.
    static func nameBefore(_ text: String) -> String? {
        let t = text.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "(,:;[")))
        var picked: [String] = []
        for w in t.split(separator: " ").reversed() {
            let bare = w.trimmingCharacters(in: CharacterSet(charactersIn: "()[],;:\"'«»“”"))
            guard !bare.isEmpty, picked.count < 4, !nameStops.contains(bare.lowercased()),
                  !w.contains(")"), !w.contains("(") else { break }
            let hasForm = picked.contains { companyFormWord.test($0) }
            guard bare.first!.isUppercase || bare.first!.isNumber || hasForm || companyFormWord.test(bare) else { break }
            picked.insert(bare, at: 0)
        }
        let name = cleanName(picked.joined(separator: " "))
        return name.count >= 2 && name.contains(where: \.isLetter) ? name : nil
    }

    static let countries: [(String, String)] = [
        ("sverige", "SE"), ("sweden", "SE"), ("svensk", "SE"), ("danmark", "DK"), ("denmark", "DK"),
        ("norge", "NO"), ("noreg", "NO"), ("norway", "NO"), ("finland", "FI"), ("irland", "IE"), ("ireland", "IE"),
        ("tyskland", "DE"), ("germany", "DE"), ("nederländerna", "NL"), ("nederlandene", "NL"), ("nederland", "NL"),
        ("holland", "NL"), ("netherlands", "NL"), ("frankrike", "FR"), ("frankrig", "FR"), ("france", "FR"),
        ("usa", "US"), ("united states", "US"), ("förenta staterna", "US"), ("storbritannien", "GB"),
        ("storbritannia", "GB"), ("united kingdom", "GB"), ("ees", "EEA"), ("eøs", "EEA"), ("eea", "EEA"),
        ("eu", "EU"), ("belgien", "BE"), ("belgia", "BE"), ("belgium", "BE"), ("polen", "PL"), ("poland", "PL"),
    ]

    /// `countries`, longest word first (sorted once).
    static let countriesLongestFirst = countries.sorted(by: { $0.0.count > $1.0.count })

    /// One pattern per country word, compiled once.
    static let countryPatterns: [(NSRegularExpression, String)] = countries.map { w, c in
        (NSRegularExpression.ci("(?<![\\p{L}])" + NSRegularExpression.escapedPattern(for: w) + "(?![\\p{L}])"), c)
    }

    /// The country named first in `s` (the earlier table entry where two start at the same place).
    static func country(in s: String) -> String? {
        let l = s.lowercased()
        var best: (Int, String)? = nil
        for (r, c) in countryPatterns {
            if let m = r.first(l), best == nil || m.range.location < best!.0 { best = (m.range.location, c) }
        }
        return best?.1
    }

    /// The country word a line starts with ("Norge Vert for å tilby", "EØS Mottak og leveranse").
    static func leadingCountry(_ line: String) -> (word: String, code: String)? {
        let l = line.trimmingCharacters(in: .whitespaces)
        let lower = l.lowercased()
        for (w, c) in countriesLongestFirst where lower.hasPrefix(w) {
            let rest = l.dropFirst(w.count)
            if rest.isEmpty || rest.first == " " || rest.first == "\t" { return (String(l.prefix(w.count)), c) }
        }
        return nil
    }

    static func cleanName(_ raw: String) -> String {
        var n = raw.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: ",.;:")))
        n = n.replacingOccurrences(of: lead, with: "", options: [.regularExpression, .caseInsensitive])
        return n.replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
    }

    /// Org numbers with valid check digits, each with the company name closest before it.
    static func orgNumbers(_ t: Text, lines: [Line]) -> [(name: String?, number: String, country: String, line: Int, quote: String)] {
        var out: [(String?, String, String, Int, String)] = []
        for (i, line) in lines.enumerated() {
            let s = line.text
            let ns = s as NSString
            for m in orgNumber.matches(s) {
                let before = ns.substring(to: m.range.location)
                let label = orgLabel.matches(before).last
                let labelled = label != nil
                let raw = ns.substring(with: m.range)
                var valid = OrgNumbers.normalise(raw)
                // A Swedish sole trader's organisation number is the owner's personnummer (third digit
                // 0 or 1): taken only where the text labels it an organisation number.
                let digits = raw.filter(\.isNumber)
                if valid == nil, labelled, digits.count == 10, OrgNumbers.isValidSwedish(raw, legalPersonOnly: false) {
                    valid = (String(digits.prefix(6)) + "-" + String(digits.suffix(4)), "SE")
                }
                guard let (number, country) = valid else { continue }
                // Unlabelled: only when a company name stands on the same line (not dates or phone numbers).
                var name: String? = nil
                if let c = company.matches(before).last { name = cleanName((before as NSString).substring(with: c.range(at: 1))) }
                if name == nil {
                    for k in stride(from: i - 1, through: max(0, i - 4), by: -1) {
                        if let c = company.matches(lines[k].text).last {
                            name = cleanName((lines[k].text as NSString).substring(with: c.range(at: 1))); break
                        }
                    }
                }
                if name == nil, let label { name = nameBefore((before as NSString).substring(to: label.range.location)) }
                guard labelled || name != nil else { continue }
                out.append((name, number, country, i, s.trimmingCharacters(in: .whitespaces)))
            }
        }
        return out
    }

    static func extract(_ t: Text, lines: [Line], clauses: [ProposedClause], sentences: [NSRange] = []) -> (parties: [ProposedParty], subs: [ProposedSubProcessor]) {
        func clause(at offset: Int) -> ProposedClause? { clauses.last { $0.start <= offset } }
        // Whether a clause is a sub-processor section, decided once per clause.
        var subSection: [Int: Bool] = [:]
        for c in clauses { subSection[c.start] = subWords.test(c.heading) || subWords.test(c.ref) }
        // Markdown: a heading, a table header or a line ending in ":" that names sub-processors opens a
        // sub-processor section, to the next heading of the same or a higher level (rule `sub-processor-markdown`).
        var markdownSub = Set<Int>()
        var openLevel: Int? = nil
        for (i, line) in lines.enumerated() {
            let x = line.text
            if let h = markdownHeading.first(x), let hashes = h.group(1, in: x as NSString) {
                if let l = openLevel, hashes.count > l { markdownSub.insert(line.start); continue }
                openLevel = subWords.test(x) ? hashes.count : nil
            } else if openLevel == 7, !x.trimmingCharacters(in: .whitespaces).isEmpty, !bulletLead.test(x), !pipeRow.test(x) {
                openLevel = nil     // a list or table opened by a line, not a heading, ends with it
            } else if openLevel == nil, subWords.test(x),
                      x.trimmingCharacters(in: .whitespaces).hasSuffix(":")
                        || (pipeRow.test(x) && i + 1 < lines.count && pipeSeparator.test(lines[i + 1].text)) {
                openLevel = 7
            }
            if openLevel != nil { markdownSub.insert(line.start) }
        }
        let lineStarts = lines.map(\.start)
        /// The start of the line holding `offset` (binary search; lines are in order).
        func lineStart(_ offset: Int) -> Int? {
            var lo = 0, hi = lineStarts.count - 1, found: Int? = nil
            while lo <= hi {
                let mid = (lo + hi) / 2
                if lineStarts[mid] <= offset { found = lineStarts[mid]; lo = mid + 1 } else { hi = mid - 1 }
            }
            return found
        }
        func inSubSection(_ offset: Int) -> Bool {
            if !markdownSub.isEmpty, markdownSub.contains(offset) || lineStart(offset).map(markdownSub.contains) == true { return true }
            guard let c = clause(at: offset) else { return false }
            return subSection[c.start] ?? (subWords.test(c.heading) || subWords.test(c.ref))
        }
        var parties: [ProposedParty] = []
        var subs: [ProposedSubProcessor] = []
        func key(_ n: String) -> String { n.lowercased().filter { $0.isLetter || $0.isNumber } }
        func addSub(_ p: ProposedSubProcessor) {
            if let i = subs.firstIndex(where: { key($0.name) == key(p.name) || (p.orgNumber != nil && $0.orgNumber == p.orgNumber) }) {
                if subs[i].orgNumber == nil { subs[i].orgNumber = p.orgNumber; subs[i].quote = p.quote }
                if subs[i].country == nil { subs[i].country = p.country }
                if subs[i].purpose == nil { subs[i].purpose = p.purpose }
            } else { subs.append(p) }
        }
        // Lists and tables in a sub-processor section: one line per sub-processor.
        var listed: [(clause: Int, sub: Int, line: Int)] = []
        var columnLines: [(clause: Int, line: Int)] = []
        for (li, line) in lines.enumerated() where inSubSection(line.start) {
            let clauseStart = clause(at: line.start)?.start ?? -1
            if let c = leadingCountry(line.text), !company.test(line.text) {
                columnLines.append((clauseStart, li)); _ = c; continue
            }
            var s = line.text
            // A Markdown pipe-table row: its cells, tab-separated as a .docx table row is; the header
            // (the row above the ---- line) and the separator are not sub-processors.
            if pipeRow.test(s) {
                if pipeSeparator.test(s) || (li + 1 < lines.count && pipeSeparator.test(lines[li + 1].text)) { continue }
                var cells = s.trimmingCharacters(in: .whitespaces).components(separatedBy: "|")
                cells = Array(cells.dropFirst().dropLast()).map {
                    $0.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "__", with: "")
                        .trimmingCharacters(in: .whitespaces)
                }
                s = cells.joined(separator: "\t")
            }
            let isBullet = bulletLead.test(s)
            s = s.replacingOccurrences(of: #"^\s*[•●▪◦*\-–—]\s*"#, with: "", options: .regularExpression)
            guard isBullet || company.test(s) || s.contains("\t") else { continue }
            let cells = s.components(separatedBy: "\t").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let first = cells.first, !first.isEmpty, company.test(first) || isBullet || cells.count > 1 else { continue }
            if cells.count > 1, !company.test(first), subWords.test(first) { continue }   // header row
            // "Render (hosting av backend)": the name, and the words in brackets as its purpose.
            var bracketed: String? = nil
            var head = first
            // A single capitalised word in brackets is another name ("Microsoft Norge AS (Azure)"), kept.
            if let open = first.range(of: " ("), first.hasSuffix(")"),
               !Self.aliasInBrackets.test(String(first[open.upperBound...])) {
                head = String(first[..<open.lowerBound])
                bracketed = String(first[open.upperBound...]).replacingOccurrences(of: ")", with: "").trimmingCharacters(in: .whitespaces)
            }
            let name = cleanName(String(head.split(separator: ",", maxSplits: 1).first ?? Substring(head)))
            guard name.count >= 2, name.first?.isUppercase == true else { continue }
            var number: String? = nil
            var ctry: String? = nil
            for m in orgNumber.matches(s) {
                if let n = OrgNumbers.normalise((s as NSString).substring(with: m.range)) { number = n.number; ctry = n.country }
            }
            let countryCell = cells.dropFirst().compactMap { country(in: $0) }.first
            let purpose = cells.count > 2 ? cells[2...].joined(separator: " ").trimmingCharacters(in: .whitespaces) : nil
            addSub(ProposedSubProcessor(name: name, orgNumber: number,
                                        country: countryCell ?? country(in: s) ?? ctry,
                                        purpose: purpose?.isEmpty == false ? purpose : (bracketed?.isEmpty == false ? bracketed : nil),
                                        quote: line.text.trimmingCharacters(in: .whitespaces)))
            if cells.count == 1, let i = subs.firstIndex(where: { key($0.name) == key(name) }) { listed.append((clauseStart, i, li)) }
        }
        // A table flattened to lines (PDF text): names first, then one line per row starting with
        // the country, the purpose running on to the next such line (rule `sub-processor-columns`).
        for clauseStart in Set(listed.map(\.clause)) {
            let names = listed.filter { $0.clause == clauseStart }
            let rows = columnLines.filter { $0.clause == clauseStart && $0.line > names.map(\.line).max()! }
            guard rows.count == names.count else { continue }
            let clauseEnd = clauses.first { $0.start == clauseStart }.map { $0.end } ?? t.length
            for (k, row) in rows.enumerated() {
                let stop = k + 1 < rows.count ? rows[k + 1].line : lines.firstIndex { $0.start >= clauseEnd } ?? lines.count
                let first = lines[row.line].text.trimmingCharacters(in: .whitespaces)
                guard let (word, code) = leadingCountry(first) else { continue }
                var purpose = String(first.dropFirst(word.count)).trimmingCharacters(in: .whitespaces)
                for l in lines[(row.line + 1)..<max(row.line + 1, stop)] {
                    let x = l.text.trimmingCharacters(in: .whitespaces)
                    if x.isEmpty || ClauseParser.numbered.test(x) || ClauseParser.appendix.test(x) { break }
                    purpose += " " + x
                }
                subs[names[k].sub].country = code
                if !purpose.isEmpty { subs[names[k].sub].purpose = purpose }
            }
        }
        // Org numbers elsewhere: a party, or a sub-processor named in prose.
        for found in orgNumbers(t, lines: lines) {
            let line = lines[found.line]
            guard let name = found.name else { continue }
            if inSubSection(line.start) || subWords.test(line.text) {
                addSub(ProposedSubProcessor(name: name, orgNumber: found.number, country: country(in: line.text) ?? found.country,
                                            purpose: nil, quote: found.quote))
            } else if !parties.contains(where: { $0.orgNumber == found.number }) {
                parties.append(ProposedParty(name: name, orgNumber: found.number, country: found.country, quote: found.quote))
            }
        }
        // Prose (rule `sub-processor-prose`): a sentence outside a list that names sub-processors and
        // companies: "… anlitar följande underbiträden: Exempel Moln AB (Sverige) för drift …".
        let purposeLead = NSRegularExpression.ci(#"^[^.;]{0,40}?\b(för|for|til|till|to|som|which|vedrørende|gällande)\s+([^,;.]{3,80})"#)
        for r in sentences where !inSubSection(r.location) {
            let sentence = t.sub(r)
            guard subWords.test(sentence) else { continue }
            let ns = sentence as NSString
            for m in company.matches(sentence) {
                let name = cleanName(ns.substring(with: m.range(at: 1)))
                guard !parties.contains(where: { key($0.name) == key(name) }),
                      !NSRegularExpression.ci(#"^(den|det|the|denne|dette|detta|en|ett|et|ein|a|an)\s"#).test(name) else { continue }
                let after = ns.substring(from: m.range.location + m.range.length)
                let near = String(after.prefix(40))
                let purpose = purposeLead.first(after).flatMap { $0.group(2, in: after as NSString) }
                addSub(ProposedSubProcessor(name: name, orgNumber: nil, country: country(in: near), purpose: purpose,
                                            quote: sentence))
            }
        }
        return (parties, subs)
    }
}
