/// Generated records waiting to be written, kept per kind so a backend can insert each kind in one
/// statement (`PortfolioTransaction.insertAll`). Flushed in the order the references need.
struct GeneratedBatch {
    var parties: [Party] = []
    var agreements: [Agreement] = []
    var clauses: [Clause] = []
    var rules: [NoticeRule] = []
    var subProcessors: [SubProcessor] = []
    var changeNotices: [ChangeNotice] = []
    var objections: [Objection] = []
    var events: [AgreementEvent] = []
    var terminations: [TerminationNotice] = []
    var deadlines: [Deadline] = []

    /// Replaces the queued agreement with this one's id (one not yet written).
    mutating func replace(_ agreement: Agreement) {
        if let i = agreements.lastIndex(where: { $0.id == agreement.id }) { agreements[i] = agreement }
    }

    /// Writes everything queued, parents before what refers to them, and empties the batch.
    mutating func flush(_ tx: any PortfolioTransaction) throws {
        try tx.insertAll(parties)
        try tx.insertAll(agreements)
        try tx.insertAll(clauses)
        try tx.insertAll(rules)
        try tx.insertAll(subProcessors)
        try tx.insertAll(changeNotices)
        try tx.insertAll(objections)
        try tx.insertAll(events)
        try tx.insertAll(terminations)
        try tx.insertAll(deadlines)
        self = GeneratedBatch()
    }
}
