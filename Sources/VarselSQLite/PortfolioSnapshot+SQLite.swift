import Foundation
import GRDB
import VarselKit

extension PortfolioSnapshot {
    /// Every record, each kind of `RecordRegistry` ordered by id, and the audit trail by sequence.
    static func read(_ db: Database) throws -> PortfolioDocument {
        var reader = KindReader(db: db)
        for kind in RecordRegistry.kinds { try kind.accept(&reader) }
        reader.doc.audit = try AuditEntry.order(Column("id")).fetchAll(db)
        return reader.doc
    }

    /// Reads one kind's whole table into the document.
    private struct KindReader: RecordKindVisitor {
        let db: Database
        var doc = PortfolioDocument()

        mutating func visit<R: StoredRecord>(_ kind: RecordKind<R>) throws {
            kind.setRows(try SQLiteTransaction.all(R.self, db: db), in: &doc)
        }
    }
}
