import GRDB

extension VarselStore {
    /// SQLite's `PRAGMA data_version` on the writer connection: it changes whenever another
    /// connection or process commits to the file, so the workbench can reload after a CLI write.
    /// (Read on the writer because each pooled reader connection keeps its own counter.)
    public func dataVersion() throws -> Int {
        try writer.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
    }
}
