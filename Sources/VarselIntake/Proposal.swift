import Foundation

/// What `varsel intake` proposes for one contract (docs/intake.md). Offsets (`start`, `end`) are
/// UTF-16 code-unit offsets into `IntakeDocument.text`, half-open: `text[start..<end]` is `quote`.
public struct IntakeProposal: Codable, Sendable, Equatable {
    public var language: String
    public var title: String?
    public var kind: String?
    public var governingLaw: String?
    public var parties: [ProposedParty]
    public var clauses: [ProposedClause]
    public var rules: [ProposedRule]
    public var subProcessors: [ProposedSubProcessor]
    public var warnings: [String]
    /// Always "utf16": what `start`/`end` count.
    public var offsets: String = "utf16"

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(language, forKey: .language)
        try c.encode(title, forKey: .title)
        try c.encode(kind, forKey: .kind)
        try c.encode(governingLaw, forKey: .governingLaw)
        try c.encode(parties, forKey: .parties)
        try c.encode(clauses, forKey: .clauses)
        try c.encode(rules, forKey: .rules)
        try c.encode(subProcessors, forKey: .subProcessors)
        try c.encode(warnings, forKey: .warnings)
        try c.encode(offsets, forKey: .offsets)
    }
}

/// A contracting party found with its organisation number.
public struct ProposedParty: Codable, Sendable, Equatable {
    public var name: String
    public var orgNumber: String?
    public var country: String?
    public var quote: String

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name); try c.encode(orgNumber, forKey: .orgNumber)
        try c.encode(country, forKey: .country); try c.encode(quote, forKey: .quote)
    }
}

/// A numbered clause ("8.6.3", "Bilag 1, 2.4", "§ 4") and its text span.
public struct ProposedClause: Codable, Sendable, Equatable {
    public var ref: String
    public var heading: String
    public var text: String
    public var start: Int
    public var end: Int
}

/// A proposed notice rule: a period (or `vague`, value 0) with its direction, anchor and qualifiers.
public struct ProposedRule: Codable, Sendable, Equatable {
    public var value: Int
    /// A `PeriodUnit` raw value or "vague".
    public var unit: String
    /// "before" or "after".
    public var direction: String
    /// A `RuleTrigger` raw value.
    public var anchor: String
    /// "us", "them" or "either".
    public var actor: String
    public var writtenForm: Bool
    public var groundsRequired: Bool
    public var clause: String?
    public var quote: String
    public var start: Int
    public var end: Int
    /// The name of the extraction rule that matched (docs/intake.md).
    public var pattern: String
    /// The words that gave the period ("tre (3) månader").
    public var periodText: String
    /// "till utgången av" a month (R8).
    public var toEndOfMonth: Bool

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(value, forKey: .value); try c.encode(unit, forKey: .unit)
        try c.encode(direction, forKey: .direction); try c.encode(anchor, forKey: .anchor)
        try c.encode(actor, forKey: .actor); try c.encode(writtenForm, forKey: .writtenForm)
        try c.encode(groundsRequired, forKey: .groundsRequired); try c.encode(clause, forKey: .clause)
        try c.encode(quote, forKey: .quote); try c.encode(start, forKey: .start); try c.encode(end, forKey: .end)
        try c.encode(pattern, forKey: .pattern); try c.encode(periodText, forKey: .periodText)
        try c.encode(toEndOfMonth, forKey: .toEndOfMonth)
    }
}

/// A sub-processor named in a list, a table or prose.
public struct ProposedSubProcessor: Codable, Sendable, Equatable {
    public var name: String
    public var orgNumber: String?
    public var country: String?
    public var purpose: String?
    public var quote: String

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name); try c.encode(orgNumber, forKey: .orgNumber)
        try c.encode(country, forKey: .country); try c.encode(purpose, forKey: .purpose)
        try c.encode(quote, forKey: .quote)
    }
}
