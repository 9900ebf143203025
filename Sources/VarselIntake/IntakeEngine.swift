import Foundation

/// Proposes an agreement's clauses, notice rules, parties and sub-processors from contract text.
/// Pure: no files, no database, no clock.
public enum IntakeEngine {
    /// Languages `--language` accepts besides "auto".
    public static let languages = ["sv", "da", "nb", "nn", "en"]

    /// The proposal for `text`; `language` "auto" (or nil) detects it.
    public static func propose(_ text: String, language: String? = nil) -> IntakeProposal {
        let t = Text(text)
        var warnings: [String] = []
        let lang = (language == nil || language == "auto") ? detectLanguage(text) : language!
        let lines = ClauseParser.lines(t)
        let clauses = ClauseParser.parse(t, lines: lines, language: lang)
        let sentences = SentenceSplitter.sentences(t, lines: lines)
        var extractor = RuleExtractor(language: lang)
        extractor.terminationWritten = sentences.contains { r in
            let s = t.sub(r)
            return NSRegularExpression.ci(Vocabulary.termination).test(s) && NSRegularExpression.ci(Vocabulary.written).test(s)
                && NSRegularExpression.ci(#"\b(alltid|altid|alltid|always|ska|skal|shall|must)\b"#).test(s)
        }
        var rules: [ProposedRule] = []
        for r in sentences {
            let clause = clauses.last { $0.start <= r.location }?.ref
            rules += extractor.rules(in: r, of: t, clause: clause)
        }
        // Amendments in the same document ("I punkt 8.8.2a slettes «og når det er mulig, senest 72 timer»"):
        // a period inside struck or replaced words is not proposed (rule `struck-wording`).
        let struck = struckWording(text)
        func squash(_ s: String) -> String { s.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        rules.removeAll { r in
            guard r.unit != "vague", let w = struck.first(where: { squash(r.quote).contains(squash($0)) && squash($0).contains(squash(r.periodText)) })
            else { return false }
            warnings.append("clause \(r.clause ?? "?"): \"\(r.periodText)\" is in wording the document strikes or replaces («\(w)»): not proposed")
            return true
        }
        let (parties, subs) = PartyExtractor.extract(t, lines: lines, clauses: clauses, sentences: sentences)
        if clauses.isEmpty { warnings.append("no numbered clauses found: rules are not tied to a clause") }
        if rules.isEmpty { warnings.append("no notice periods found") }
        for r in rules where r.unit == "vague" {
            warnings.append("clause \(r.clause ?? "?"): \"\(r.periodText)\" has no period: an assumed period is needed")
        }
        for s in subs where s.orgNumber == nil {
            warnings.append("sub-processor \(s.name): no organisation number in the text")
        }
        return IntakeProposal(
            language: lang, title: title(lines), kind: title(lines).flatMap(kind) ?? kind(text), governingLaw: governingLaw(t, sentences),
            parties: parties, clauses: clauses, rules: rules, subProcessors: subs, warnings: warnings)
    }

    /// Words an amendment in the document strikes or replaces: «…» after slettes/strykes/utgår/
    /// stryks/udgår/deleted, or before erstattes/ersätts/replaced.
    static func struckWording(_ text: String) -> [String] {
        let ns = text as NSString
        var out: [String] = []
        for m in NSRegularExpression.ci(#"\b(slettes|strykes|stryks|utgår|udgår|udgår|deleted|struck out)\s*[«"“]([^»"”]+)[»"”]"#).matches(text) {
            out.append(m.group(2, in: ns)!)
        }
        for m in NSRegularExpression.ci(#"[«"“]([^»"”]+)[»"”]\s*(skal\s+)?(erstattes|ersätts|ersättas|erstatas|is replaced|shall be replaced|replaced)"#).matches(text) {
            out.append(m.group(1, in: ns)!)
        }
        return out
    }

    /// The language with the most of its marker words.
    public static func detectLanguage(_ text: String) -> String {
        let markers: [String: [String]] = [
            "sv": ["och", "att", "ska", "inte", "för", "är", "avtalet", "personuppgifter", "leverantören", "eller", "skall", "med", "enligt"],
            "da": ["og", "af", "skal", "ikke", "aftalen", "personoplysninger", "leverandøren", "eller", "være", "hvis", "efter", "denne"],
            "nb": ["og", "av", "skal", "ikke", "avtalen", "personopplysninger", "leverandøren", "eller", "være", "hvis", "etter", "denne", "kunden"],
            "nn": ["og", "av", "skal", "ikkje", "avtalen", "personopplysningar", "frå", "berre", "vere", "dersom", "etter", "eit", "kva"],
            "en": ["the", "and", "shall", "of", "to", "agreement", "personal", "data", "processor", "within", "or"],
        ]
        // Only the words looked up below are counted (the others never are read).
        let wanted = Set<Substring>(markers.values.joined().map { Substring($0) } + ["ikkje", "ikke"])
        var counts: [String: Int] = [:]
        for w in text.lowercased().split(whereSeparator: { !$0.isLetter }).prefix(20000) where wanted.contains(w) {
            counts[String(w), default: 0] += 1
        }
        var best = ("en", -1)
        for l in ["sv", "da", "nb", "nn", "en"] {
            var score = markers[l]!.reduce(0) { $0 + (counts[$1] ?? 0) }
            if l == "nn" { score = (counts["ikkje"] ?? 0) > (counts["ikke"] ?? 0) ? score * 2 : 0 }   // "ikkje" decides Nynorsk
            if l == "nb" { score -= (counts["ikkje"] ?? 0) * 3 }
            if score > best.1 { best = (l, score) }
        }
        return best.0
    }

    static func title(_ lines: [Line]) -> String? {
        for l in lines.prefix(15) {
            let s = l.text.trimmingCharacters(in: .whitespaces)
            if s.count < 4 || s.count > 160 { continue }
            if s.allSatisfy({ $0.isNumber || "-./ ".contains($0) }) { continue }
            return s
        }
        return nil
    }

    static func kind(_ text: String) -> String? {
        let l = String(text.lowercased().prefix(3000))
        if NSRegularExpression.ci(#"personuppgiftsbiträdesavtal|databehandleraftale|databehandleravtale|databehandlaravtale|data processing agreement|databehandlingsavtale"#).test(l) { return "data_processing_agreement" }
        if NSRegularExpression.ci(#"villkor|vilkår|vilkår|terms of use|terms and conditions|användarvillkor"#).test(l) { return "terms_of_use" }
        if NSRegularExpression.ci(#"ramavtal|rammeaftale|rammeavtale|framework agreement"#).test(l) { return "framework_agreement" }
        if NSRegularExpression.ci(#"tjänsteavtal|tjenesteavtale|serviceaftale|service agreement|tjenesteavtale"#).test(l) { return "service_agreement" }
        return nil
    }

    static func governingLaw(_ t: Text, _ sentences: [NSRange]) -> String? {
        let laws: [(String, String)] = [
            (#"svensk (rätt|lag)"#, "Swedish law"), (#"dansk (ret|lov)"#, "Danish law"),
            (#"norsk (rett|lov)"#, "Norwegian law"), (#"laws? of sweden|swedish law"#, "Swedish law"),
            (#"laws? of denmark|danish law"#, "Danish law"), (#"laws? of norway|norwegian law"#, "Norwegian law"),
        ]
        for r in sentences {
            let s = t.sub(r)
            for (p, name) in laws where NSRegularExpression.ci(#"\b"# + p).test(s) {
                return "\(name) (\"\(s.count > 140 ? String(s.prefix(140)) + "…" : s)\")"
            }
        }
        return nil
    }
}
