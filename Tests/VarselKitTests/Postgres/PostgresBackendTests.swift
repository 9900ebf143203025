import Foundation
import XCTest
@testable import VarselKit
@testable import VarselPostgres
@testable import VarselSQLite

/// What only the PostgreSQL backend has: its SQL fold, the append-only audit naming the database
/// user, the schema version check, roles, and the lossless copy both ways. Skipped without a
/// server (`scripts/postgres-server run swift test …` sets VARSEL_TEST_POSTGRES_URL).
final class PostgresBackendTests: XCTestCase {
    func fresh() throws -> PostgresStorage {
        try XCTSkipIf(TestBackend.postgresURL == nil, "no PostgreSQL server (VARSEL_TEST_POSTGRES_URL)")
        return try TestBackend.freshPostgres()
    }

    func testSQLFoldGivesTheSameKeysAsSearchFold() throws {
        let store = try fresh()
        let samples = ["Å", "Ä", "Ö", "Æ", "Ø", "åäöæø", "ÅRHUS", "Øresund", "A\u{30A}rhus", "Straße", "STRASSE", "ẞ", "İstanbul",
                       "I", "ı", "Ǆ", "ǅ", "Σ", "ΌΣΟΣ", "Ĳ", "ŉ", "ﬁ", "Ⅻ", "Ⓐ", "Ꭰ", "𐐀", "Mikael Åström", "Tromsø Kommune",
                       "NAÏVE café", "\u{1F}", "ÉCOLE", "Ł", "Ŋ", "Þorp", "Ǳ"]
        for s in samples {
            let sql = try store.session.one("SELECT varsel_fold($1)", [.text(s)])?[0].string
            XCTAssertEqual(sql, SearchFold.fold(s), "varsel_fold(\(s.unicodeScalars.map { String($0.value, radix: 16) }))")
        }
        XCTAssertEqual(try store.session.one("SELECT varsel_fold(NULL)")?[0], .null)
    }

    /// `scripts/postgres-server` lets the role `varsel_tls` in over TLS only.
    func testSSLModeRequireConnectsWithTLS() throws {
        let store = try fresh()
        try XCTSkipIf(try store.session.one("SELECT 1 FROM pg_roles WHERE rolname = 'varsel_tls'") == nil, "the server has no TLS role")
        let t = store.target
        let url = "postgres://varsel_tls@\(t.host):\(t.port)/\(t.database)"
        assertVarselError(.refusedDatabase) { try PGSession.connect(PostgresTarget(url: url + "?sslmode=disable", environment: [:])) }
        for target in [try PostgresTarget(url: url + "?sslmode=require", environment: [:]),
                       try PostgresTarget(url: url, environment: ["PGSSLMODE": "require"]),
                       try PostgresTarget(url: url, environment: [:])] {  // libpq's default, prefer
            let session = try PGSession.connect(target)
            defer { session.close() }
            XCTAssertEqual(try session.one("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")?[0], .bool(true))
        }
        // verify-full checks the certificate: the test server's is self-signed.
        assertVarselError(.io) { try PGSession.connect(PostgresTarget(url: url + "?sslmode=verify-full", environment: [:])) }
    }

    func testAuditIsAppendOnlyAndNamesTheDatabaseUser() throws {
        let store = try fresh()
        _ = try Fixture.demo(today: day("2026-11-23"), store: store)
        let user = try XCTUnwrap(store.session.one("SELECT session_user::text")?[0].string)
        let names = Set(try store.session.query("SELECT db_user FROM audit").compactMap { $0[0].string })
        XCTAssertEqual(names, [user])
        for sql in ["UPDATE audit SET summary = 'x'", "DELETE FROM audit", "TRUNCATE audit"] {
            XCTAssertThrowsError(try store.session.script(sql), sql) { error in
                XCTAssertEqual(PGError.sqlState(error), "23000", "\(error)")
            }
        }
        // A client cannot choose the name either.
        try store.session.script("BEGIN")
        let written = try store.session.query("""
            INSERT INTO audit (id, at, "user", action, entity_type, entity_id, summary, prev_hash, hash, db_user)
            VALUES (999999, 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'mallory') RETURNING db_user
            """).first?[0].string
        XCTAssertEqual(written, user)
        try store.session.script("ROLLBACK")
        XCTAssertTrue(try store.verifyAuditChain().ok)
    }

    func testANewerSchemaIsRefusedUnchanged() throws {
        let store = try fresh()
        try store.session.script("INSERT INTO varsel_migrations (id) VALUES ('pg99-from-the-future')")
        let url = TestBackend.postgresURL! + "?options=-csearch_path%3D" + store.target.schema!
        for access in [StorageAccess.read, .write] {
            let e = assertVarselError(.refusedDatabase) { try PostgresStorage.open(url: url, environment: [:], access: access) }
            XCTAssertTrue(e?.what.contains("newer Varsel") == true, "\(String(describing: e))")
        }
        XCTAssertEqual(try store.session.int("SELECT count(*) FROM varsel_migrations"), PostgresSchema.migrations.count + 1)
    }

    func testAReadOnlyUsersWriteIsAClearError() throws {
        let store = try fresh()
        let url = TestBackend.postgresURL! + "?options=-csearch_path%3D" + store.target.schema!
        let roles = try PostgresTeam.initialize(url: url, environment: [:])
        XCTAssertEqual(roles, PostgresTeam.Roles(readOnly: store.target.database + "_readonly", editor: store.target.database + "_editor"))
        let login = "reader_" + store.target.schema!.suffix(8)
        try store.session.script("CREATE ROLE \(login) LOGIN; GRANT \(roles.readOnly) TO \(login); GRANT USAGE ON SCHEMA \(store.target.schema!) TO \(roles.readOnly)")
        let target = try PostgresTarget(url: url, environment: [:])
        let readerURL = "postgres://\(login)@\(target.host):\(target.port)/\(target.database)?options=-csearch_path%3D\(store.target.schema!)"
        let reader = try PostgresStorage.open(url: readerURL, environment: [:], access: .write)
        XCTAssertEqual(try reader.reading(today: day("2026-11-23"), planner: DeadlinePlanner()).hasAgreements(), false)
        let e = assertVarselError(.conflict) {
            try reader.write(user: "anna", at: Date()) { tx in
                try tx.insert(Party(id: "p1", name: "Acme"))
                return ((), AuditNote(action: "x", entityType: "party", entityId: "p1", summary: "x"))
            }
        }
        XCTAssertTrue(e?.what.contains("may only read") == true, "\(String(describing: e))")
        XCTAssertEqual(try Fixture.tableCounts(store)["parties"], 0)
        // Reading commands ask this before settling deemed acceptances (they leave them to an editor).
        XCTAssertFalse(reader.mayWrite())
        XCTAssertTrue(store.mayWrite())
    }

    /// SQLite → PostgreSQL → SQLite through the export format: the same bytes at each step.
    func testRoundTripThroughPostgresIsByteIdentical() throws {
        let pg = try fresh()
        let sqlite = try VarselStore.inMemory()
        _ = try Fixture.demo(today: day("2026-11-23"), store: sqlite)
        let clock = VarselClock.fixed(day("2026-11-23"))
        let original = try PortfolioExporter.exportJSON(store: sqlite)
        _ = try PortfolioImporter(store: pg, clock: clock, user: "copy").importData(original, fileName: "a.json")
        XCTAssertEqual(String(decoding: try PortfolioExporter.exportJSON(store: pg), as: UTF8.self), String(decoding: original, as: UTF8.self))
        let back = try VarselStore.inMemory()
        _ = try PortfolioImporter(store: back, clock: clock, user: "copy").importData(try PortfolioExporter.exportJSON(store: pg), fileName: "b.json")
        XCTAssertEqual(try PortfolioExporter.exportJSON(store: back), original)
        XCTAssertTrue(try pg.verifyAuditChain().ok)
    }

    /// The workbench's repeated reads are prepared once per connection: a detail read again sends
    /// one statement (no parse and plan); a table changed under the running connection (another
    /// process's migration) still reads, prepared anew, and a colleague's change is seen.
    func testPreparedReadsSendOneStatementAndSurviveATableChange() throws {
        let store = try fresh()
        _ = try Fixture.demo(today: day("2026-11-23"), store: store)
        let q = store.reading(today: day("2026-11-23"), planner: DeadlinePlanner())
        let first = try q.detail(agreementId: "pureservice")
        let sent = store.session.statements
        XCTAssertEqual(try q.detail(agreementId: "pureservice"), first)
        XCTAssertEqual(store.session.statements - sent, 1, "executed, not prepared again")
        let vendor = try XCTUnwrap(q.subProcessorVendors(filter: nil, after: nil, before: nil, last: false, limit: 1).first)
        let uses = try q.subProcessorUses(name: vendor.name, limit: 50)
        let other = try PostgresStorage.open(url: TestBackend.postgresURL! + "?options=-csearch_path%3D" + store.target.schema!,
                                             environment: [:], access: .write)
        try other.session.query("ALTER TABLE clauses ADD COLUMN local_note text")
        // `SELECT s.*` now returns another column: the server refuses the prepared plan (0A000).
        try other.session.query("ALTER TABLE sub_processors ADD COLUMN local_note text")
        XCTAssertEqual(try q.subProcessorUses(name: vendor.name, limit: 50), uses)
        try other.session.query("UPDATE agreements SET notes = 'changed elsewhere' WHERE id = 'pureservice'")
        let again = try q.detail(agreementId: "pureservice")
        XCTAssertEqual(again.agreement.notes, "changed elsewhere")
        XCTAssertEqual(again.clauses.map(\.id), first.clauses.map(\.id))
    }

    func testChangeTokenMovesWithEveryWrite() throws {
        let store = try fresh()
        let other = try PostgresStorage.open(url: TestBackend.postgresURL! + "?options=-csearch_path%3D" + store.target.schema!,
                                             environment: [:], access: .write)
        let before = try store.changeToken()
        _ = try Fixture.demo(today: day("2026-11-23"), store: other)
        XCTAssertNotEqual(try store.changeToken(), before)
        XCTAssertTrue(try store.hasChanged(since: before))
    }

    /// The change feed is LISTEN/NOTIFY: another connection's write reaches the token within a
    /// second without this connection sending a statement; our own write moves it at once.
    func testChangeTokenFollowsNotificationsWithoutQuerying() throws {
        let store = try fresh()
        let other = try PostgresStorage.open(url: store.target.display, environment: [:], access: .write)
        let first = try store.changeToken()
        XCTAssertNotNil(store.liveFeed(), "the feed started")
        let sent = store.session.statements
        _ = try Fixture.demo(today: day("2026-11-23"), store: other)
        let written = Date()
        let latest = try other.changeToken()
        XCTAssertNotEqual(latest, first)
        var token = try store.changeToken()
        while token != latest && Date().timeIntervalSince(written) < 1 {
            usleep(5_000)
            token = try store.changeToken()
        }
        XCTAssertEqual(token, latest, "a colleague's write is seen within a second")
        XCTAssertEqual(store.session.statements, sent, "polling sent no statement")
        // Our own write: the token moves before its notification comes back.
        let before = try store.changeToken()
        try store.write(user: "t", at: Date()) { tx in
            try tx.insert(Party(id: "p-own", name: "Own"))
            return ((), AuditNote(action: "add_party", entityType: "party", entityId: "p-own", summary: "x"))
        }
        XCTAssertEqual(try store.changeToken(), ChangeToken(before.value + 1))
    }

    /// Another program changes a row the write has read: the server fails the write with 40001,
    /// and the body runs again on what is there now — both changes kept.
    func testASerializationFailureIsRetriedOnFreshData() throws {
        let store = try fresh()
        try store.seed { tx in try tx.insert(Party(id: "p", name: "Acme", country: "SE")) }
        let other = try PGSession.connect(store.target)
        defer { other.close() }
        try other.query("SET search_path TO \(store.target.schema!)")
        var attempts = 0
        try store.write(user: "t", at: Date()) { tx in
            attempts += 1
            var party = try XCTUnwrap(tx.record(Party.self, id: "p"))
            if attempts == 1 { try other.query("UPDATE parties SET address = 'set by another program' WHERE id = 'p'") }
            party.name = "Acme AB"
            try tx.update(party)
            return ((), AuditNote(action: "rename", entityType: "party", entityId: "p", summary: "renamed"))
        }
        XCTAssertEqual(attempts, 2)
        let party = try XCTUnwrap(store.read { try $0.record(Party.self, id: "p") })
        XCTAssertEqual([party.name, party.address], ["Acme AB", "set by another program"])
        XCTAssertEqual(try Fixture.auditCount(store), 1)
    }

    /// Two connections writing the same records at once: serialization failures are retried, no
    /// write is lost, the audit chain stays one line.
    func testConcurrentWritersAreSerialisedAndChained() throws {
        let store = try fresh()
        let url = TestBackend.postgresURL! + "?options=-csearch_path%3D" + store.target.schema!
        try store.seed { tx in try tx.insert(Party(id: "p", name: "Acme", country: "SE")) }
        let writers = try (0..<6).map { _ in try PostgresStorage.open(url: url, environment: [:], access: .write) }
        DispatchQueue.concurrentPerform(iterations: 6) { w in
            for i in 0..<10 {
                try! writers[w].write(user: "w\(w)", at: Date()) { tx in
                    var party = try XCTUnwrap(tx.record(Party.self, id: "p"))
                    party.address = (party.address ?? "") + "\(w).\(i);"
                    try tx.update(party)
                    return ((), AuditNote(action: "edit", entityType: "party", entityId: "p", summary: "w\(w) #\(i)"))
                }
            }
        }
        let party = try XCTUnwrap(store.read { try $0.record(Party.self, id: "p") })
        XCTAssertEqual(party.address?.split(separator: ";").count, 60, "every write kept")
        XCTAssertEqual(try Fixture.auditCount(store), 60)
        XCTAssertTrue(try store.verifyAuditChain().ok)
    }
}

/// `--db postgres://…` read as libpq users expect (no server needed).
final class PostgresTargetTests: XCTestCase {
    func testURLThenEnvironmentThenDefaults() throws {
        let t = try PostgresTarget(url: "postgres://anna@db.example:6543/contracts?sslmode=require", environment: [:], loginName: "x")
        XCTAssertEqual([t.host, String(t.port), t.user, t.database], ["db.example", "6543", "anna", "contracts"])
        XCTAssertTrue(t.requireTLS); XCTAssertFalse(t.verifyCertificate)
        let env = ["PGHOST": "pg.lan", "PGPORT": "5433", "PGUSER": "bo", "PGDATABASE": "avtal", "PGPASSWORD": "s3cret", "PGSSLMODE": "verify-full"]
        let e = try PostgresTarget(url: "postgres://", environment: env, loginName: "x")
        XCTAssertEqual([e.host, String(e.port), e.user, e.database, e.password ?? "-"], ["pg.lan", "5433", "bo", "avtal", "s3cret"])
        XCTAssertTrue(e.requireTLS && e.verifyCertificate)
        let d = try PostgresTarget(url: "postgresql:///", environment: ["HOME": "/nonexistent"], loginName: "karin")
        XCTAssertEqual([d.host, String(d.port), d.user, d.database], ["localhost", "5432", "karin", "karin"])
        XCTAssertFalse(d.requireTLS)
        XCTAssertNil(d.password)
        assertVarselError(.invalidInput, at: "sslmode") { try PostgresTarget(url: "postgres://h/db?sslmode=maybe", environment: [:]) }
        assertVarselError(.invalidInput, at: "--db") { try PostgresTarget(url: "mysql://h/db", environment: [:]) }
    }

    func testPasswordFromPgpass() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let file = folder.path("pgpass")
        try "# comment\nother:5432:*:anna:wrong\ndb.example:*:contracts:anna:pa\\:ss\n*:*:*:*:fallback\n".write(toFile: file, atomically: true, encoding: .utf8)
        chmod(file, 0o600)
        let t = try PostgresTarget(url: "postgres://anna@db.example/contracts", environment: ["PGPASSFILE": file])
        XCTAssertEqual(t.password, "pa:ss")
        XCTAssertEqual(try PostgresTarget(url: "postgres://bo@elsewhere/x", environment: ["PGPASSFILE": file]).password, "fallback")
        // libpq ignores a password file others can read.
        chmod(file, 0o644)
        XCTAssertNil(try PostgresTarget(url: "postgres://anna@db.example/contracts", environment: ["PGPASSFILE": file]).password)
        // The URL's own password wins.
        XCTAssertEqual(try PostgresTarget(url: "postgres://anna:url%20pw@db.example/contracts", environment: ["PGPASSWORD": "env"]).password, "url pw")
    }
}
