/// How long an agreement runs.
///
/// `autoRenewal`: an initial term from the start date, then renewal periods, each ending unless
/// notice is given at least `noticePeriod` before the current term ends.
public struct AgreementTerm: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case indefinite, fixed
        case autoRenewal = "auto_renewal"
    }
    public var kind: Kind
    /// The first term, counted from the effective date (fixed and autoRenewal).
    public var initialPeriod: Period?
    /// Each renewal (autoRenewal).
    public var renewalPeriod: Period?
    /// Notice needed before a term ends to stop the renewal (autoRenewal), or the
    /// ordinary termination notice period (indefinite).
    public var noticePeriod: Period?

    public init(kind: Kind, initialPeriod: Period? = nil, renewalPeriod: Period? = nil, noticePeriod: Period? = nil) {
        self.kind = kind; self.initialPeriod = initialPeriod; self.renewalPeriod = renewalPeriod; self.noticePeriod = noticePeriod
    }

    public static let indefinite = AgreementTerm(kind: .indefinite)
}
