import Foundation
import GRDB
import VarselKit

/// Versioned migrations of the Varsel database. Append new migrations; never edit shipped ones.
///
/// docs/data-model.md describes the resulting schema and must match `sqlite3 FILE .schema`.
enum Schema {
    /// `PRAGMA application_id` of a Varsel database ("VRSL").
    static let applicationID: Int32 = 0x5652_534C

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1-portfolio") { db in
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            try db.execute(sql: v1)
        }
        m.registerMigration("v2-search") { db in
            try db.execute(sql: v2)
        }
        m.registerMigration("v3-folded-search") { db in
            try db.execute(sql: v3)
        }
        m.registerMigration("v4-list-and-renewals") { db in
            try db.execute(sql: v4)
        }
        m.registerMigration("v5-vendor-summary") { db in
            try db.execute(sql: v5)
        }
        m.registerMigration("v6-rule-options") { db in
            try db.execute(sql: v6)
        }
        m.registerMigration("v9-recurring") { db in
            try db.execute(sql: v9Recurring)
        }
        m.registerMigration("v7-endings") { db in
            try db.execute(sql: v7Endings)
        }
        m.registerMigration("v8-change-semantics") { db in
            try db.execute(sql: v8ChangeSemantics)
        }
        m.registerMigration("v10-audit-chain") { db in
            try auditChain(db)
        }
        m.registerMigration("v13-reversals") { db in
            try db.execute(sql: v13Reversals)
        }
        m.registerMigration("v14-read-indexes") { db in
            try db.execute(sql: v14ReadIndexes)
        }
        m.registerMigration("v15_termination_end_entered") { db in
            try db.execute(sql: v15TerminationEndEntered)
        }
        m.registerMigration("v16_agreements_archived") { db in
            try db.execute(sql: v16AgreementsArchived)
        }
        m.registerMigration("v17_agreement_documents") { db in
            try db.execute(sql: v17AgreementDocuments)
        }
        m.registerMigration("v18_vendor_statuses") { db in
            try db.execute(sql: v18VendorStatuses)
        }
        return m
    }

    /// Dates are ISO `YYYY-MM-DD` text; periods and term are JSON text; ids are stable text ids.
    static let v1 = """
    CREATE TABLE parties (
        id TEXT PRIMARY KEY NOT NULL,
        name TEXT NOT NULL,
        org_number TEXT,
        country TEXT,
        address TEXT
    );
    CREATE TABLE agreements (
        id TEXT PRIMARY KEY NOT NULL,
        title TEXT NOT NULL,
        kind TEXT NOT NULL,
        counterparty_id TEXT NOT NULL REFERENCES parties(id),
        our_party_id TEXT REFERENCES parties(id),
        our_role TEXT NOT NULL,
        language TEXT NOT NULL,
        governing_law TEXT NOT NULL,
        calendar TEXT NOT NULL CHECK (calendar IN ('se','dk','no')),
        version TEXT,
        signed_date TEXT,
        effective_date TEXT,
        end_date TEXT,
        term TEXT NOT NULL,
        status TEXT NOT NULL,
        parent_id TEXT REFERENCES agreements(id),
        notes TEXT
    );
    CREATE INDEX agreements_title ON agreements(title COLLATE NOCASE, id);
    CREATE INDEX agreements_counterparty ON agreements(counterparty_id);
    CREATE INDEX agreements_parent ON agreements(parent_id);
    CREATE TABLE agreement_versions (
        id TEXT PRIMARY KEY NOT NULL,
        agreement_id TEXT NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
        version TEXT NOT NULL,
        date TEXT,
        changes TEXT NOT NULL
    );
    CREATE INDEX agreement_versions_agreement ON agreement_versions(agreement_id);
    CREATE TABLE clauses (
        id TEXT PRIMARY KEY NOT NULL,
        agreement_id TEXT NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
        reference TEXT NOT NULL,
        heading TEXT NOT NULL,
        text TEXT NOT NULL
    );
    CREATE INDEX clauses_agreement ON clauses(agreement_id);
    CREATE TABLE notice_rules (
        id TEXT PRIMARY KEY NOT NULL,
        agreement_id TEXT NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
        clause_ref TEXT,
        title TEXT NOT NULL,
        trigger TEXT NOT NULL,
        change_kinds TEXT NOT NULL,
        event_kind TEXT,
        termination_by TEXT,
        period TEXT,
        vague_text TEXT,
        direction TEXT NOT NULL CHECK (direction IN ('after','before')),
        actor TEXT NOT NULL,
        written_form INTEGER NOT NULL,
        grounds_required INTEGER NOT NULL,
        grounds_text TEXT,
        roll_forward INTEGER NOT NULL,
        to_end_of_month INTEGER NOT NULL,
        lead_time TEXT,
        silence_is_approval INTEGER NOT NULL,
        note TEXT,
        CHECK (period IS NOT NULL OR vague_text IS NOT NULL)
    );
    CREATE INDEX notice_rules_agreement ON notice_rules(agreement_id);
    CREATE TABLE sub_processors (
        id TEXT PRIMARY KEY NOT NULL,
        agreement_id TEXT NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        org_number TEXT,
        address TEXT,
        country TEXT NOT NULL,
        purpose TEXT NOT NULL,
        transfer_mechanism TEXT,
        status TEXT NOT NULL,
        since TEXT
    );
    CREATE INDEX sub_processors_agreement ON sub_processors(agreement_id);
    CREATE INDEX sub_processors_name ON sub_processors(name COLLATE NOCASE, agreement_id);
    CREATE TABLE change_notices (
        id TEXT PRIMARY KEY NOT NULL,
        agreement_id TEXT NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        received_date TEXT NOT NULL,
        channel TEXT NOT NULL,
        summary TEXT NOT NULL,
        effective_date TEXT,
        sub_processor_id TEXT REFERENCES sub_processors(id),
        replaces_sub_processor_id TEXT REFERENCES sub_processors(id),
        status TEXT NOT NULL
    );
    CREATE INDEX change_notices_agreement ON change_notices(agreement_id);
    CREATE INDEX change_notices_status ON change_notices(status, received_date);
    CREATE TABLE objections (
        id TEXT PRIMARY KEY NOT NULL,
        change_notice_id TEXT NOT NULL REFERENCES change_notices(id) ON DELETE CASCADE,
        date TEXT NOT NULL,
        grounds TEXT NOT NULL,
        channel TEXT NOT NULL,
        note TEXT,
        outcome TEXT NOT NULL
    );
    CREATE INDEX objections_notice ON objections(change_notice_id);
    CREATE TABLE terminations (
        id TEXT PRIMARY KEY NOT NULL,
        agreement_id TEXT NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
        given_by TEXT NOT NULL,
        notice_date TEXT NOT NULL,
        channel TEXT NOT NULL,
        rule_id TEXT REFERENCES notice_rules(id),
        end_date TEXT NOT NULL,
        explanation TEXT NOT NULL,
        note TEXT
    );
    CREATE INDEX terminations_agreement ON terminations(agreement_id);
    CREATE TABLE events (
        id TEXT PRIMARY KEY NOT NULL,
        agreement_id TEXT NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        date TEXT NOT NULL,
        minutes INTEGER,
        description TEXT NOT NULL
    );
    CREATE INDEX events_agreement ON events(agreement_id);
    CREATE TABLE deadlines (
        id TEXT PRIMARY KEY NOT NULL,
        agreement_id TEXT NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
        rule_id TEXT REFERENCES notice_rules(id),
        source_kind TEXT NOT NULL,
        source_id TEXT NOT NULL,
        what TEXT NOT NULL,
        actor TEXT NOT NULL,
        clause_ref TEXT,
        anchor_date TEXT NOT NULL,
        raw_date TEXT NOT NULL,
        due_date TEXT NOT NULL,
        act_by_date TEXT NOT NULL,
        due_minutes INTEGER,
        remind_date TEXT,
        explanation TEXT NOT NULL,
        assumed INTEGER NOT NULL,
        written_form INTEGER NOT NULL,
        grounds_required INTEGER NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('open','handled')),
        handled_date TEXT,
        handled_note TEXT
    );
    -- The agenda reads open deadlines by act-by day: its cost grows with the items due, not the portfolio.
    CREATE INDEX deadlines_agenda ON deadlines(state, act_by_date);
    CREATE INDEX deadlines_agreement ON deadlines(agreement_id, state, act_by_date);
    CREATE INDEX deadlines_source ON deadlines(source_kind, source_id);
    -- Notice days of every term of auto-renewing agreements (40 years from the start), so the
    -- agenda finds the renewals due through an index instead of computing every agreement.
    CREATE TABLE renewal_notices (
        agreement_id TEXT NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
        term INTEGER NOT NULL,
        term_end TEXT NOT NULL,
        act_by_date TEXT NOT NULL,
        PRIMARY KEY (agreement_id, term)
    ) WITHOUT ROWID;
    CREATE INDEX renewal_notices_act_by ON renewal_notices(act_by_date, agreement_id);
    CREATE TABLE audit (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        user TEXT NOT NULL,
        action TEXT NOT NULL,
        entity_type TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        summary TEXT NOT NULL,
        before TEXT,
        after TEXT
    );
    CREATE INDEX audit_entity ON audit(entity_type, entity_id);
    -- The audit trail is append-only: nobody can quietly rewrite it.
    CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
    CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
    """

    /// Search and register support for large portfolios (issue 5):
    /// - `agreement_search`: title, id and counterparty name of every agreement, clustered in list
    ///   order (title without case, then id), so filter-as-you-type scans a narrow table in order
    ///   instead of every agreement row plus a party lookup. Triggers keep it in step; backfilled here.
    /// - `sub_processors_register`: a covering index for the grouped sub-processor register.
    static let v2 = """
    CREATE TABLE agreement_search (
        title TEXT NOT NULL COLLATE NOCASE,
        id TEXT NOT NULL,
        counterparty TEXT NOT NULL,
        PRIMARY KEY (title, id)
    ) WITHOUT ROWID;
    CREATE UNIQUE INDEX agreement_search_id ON agreement_search(id);
    INSERT INTO agreement_search (title, id, counterparty)
        SELECT a.title, a.id, p.name FROM agreements a JOIN parties p ON p.id = a.counterparty_id;
    CREATE TRIGGER agreement_search_insert AFTER INSERT ON agreements BEGIN
        INSERT OR REPLACE INTO agreement_search (title, id, counterparty)
            SELECT NEW.title, NEW.id, p.name FROM parties p WHERE p.id = NEW.counterparty_id;
    END;
    CREATE TRIGGER agreement_search_update AFTER UPDATE OF id, title, counterparty_id ON agreements BEGIN
        DELETE FROM agreement_search WHERE id = OLD.id;
        INSERT OR REPLACE INTO agreement_search (title, id, counterparty)
            SELECT NEW.title, NEW.id, p.name FROM parties p WHERE p.id = NEW.counterparty_id;
    END;
    CREATE TRIGGER agreement_search_delete AFTER DELETE ON agreements BEGIN
        DELETE FROM agreement_search WHERE id = OLD.id;
    END;
    CREATE TRIGGER agreement_search_party_insert AFTER INSERT ON parties BEGIN
        INSERT OR REPLACE INTO agreement_search (title, id, counterparty)
            SELECT a.title, a.id, NEW.name FROM agreements a WHERE a.counterparty_id = NEW.id;
    END;
    CREATE TRIGGER agreement_search_party_update AFTER UPDATE OF id, name ON parties BEGIN
        DELETE FROM agreement_search WHERE id IN (SELECT a.id FROM agreements a WHERE a.counterparty_id = OLD.id);
        INSERT OR REPLACE INTO agreement_search (title, id, counterparty)
            SELECT a.title, a.id, NEW.name FROM agreements a WHERE a.counterparty_id = NEW.id;
    END;
    CREATE TRIGGER agreement_search_party_delete AFTER DELETE ON parties BEGIN
        DELETE FROM agreement_search WHERE id IN (SELECT a.id FROM agreements a WHERE a.counterparty_id = OLD.id);
    END;
    CREATE INDEX sub_processors_register ON sub_processors(name COLLATE NOCASE, agreement_id, country, org_number, purpose);
    """

    /// The folded search key of one agreement: `varsel_fold` (`SearchFold`) of title, counterparty
    /// name and id, joined by U+001F so a filter never matches across two fields.
    static func searchKey(title: String, counterparty: String, id: String) -> String {
        "varsel_fold(\(title)) || char(31) || varsel_fold(\(counterparty)) || char(31) || varsel_fold(\(id))"
    }

    /// Unicode-case filters (`SearchFold`): `agreement_search` is rebuilt with `folded`, the search
    /// key, still clustered in list order (the rebuild also leaves it unfragmented). The triggers are
    /// recreated to keep `folded` in step, so writing agreements or parties needs `varsel_fold`
    /// (registered by `VarselStore`; the plain `sqlite3` shell lacks it and such writes fail there).
    static let v3 = """
    DROP TRIGGER agreement_search_insert;
    DROP TRIGGER agreement_search_update;
    DROP TRIGGER agreement_search_delete;
    DROP TRIGGER agreement_search_party_insert;
    DROP TRIGGER agreement_search_party_update;
    DROP TRIGGER agreement_search_party_delete;
    DROP TABLE agreement_search;
    CREATE TABLE agreement_search (
        title TEXT NOT NULL COLLATE NOCASE,
        id TEXT NOT NULL,
        counterparty TEXT NOT NULL,
        folded TEXT NOT NULL,
        PRIMARY KEY (title, id)
    ) WITHOUT ROWID;
    INSERT INTO agreement_search (title, id, counterparty, folded)
        SELECT a.title, a.id, p.name, \(searchKey(title: "a.title", counterparty: "p.name", id: "a.id"))
        FROM agreements a JOIN parties p ON p.id = a.counterparty_id
        ORDER BY a.title COLLATE NOCASE, a.id;
    CREATE UNIQUE INDEX agreement_search_id ON agreement_search(id);
    CREATE TRIGGER agreement_search_insert AFTER INSERT ON agreements BEGIN
        INSERT OR REPLACE INTO agreement_search (title, id, counterparty, folded)
            SELECT NEW.title, NEW.id, p.name, \(searchKey(title: "NEW.title", counterparty: "p.name", id: "NEW.id"))
            FROM parties p WHERE p.id = NEW.counterparty_id;
    END;
    CREATE TRIGGER agreement_search_update AFTER UPDATE OF id, title, counterparty_id ON agreements BEGIN
        DELETE FROM agreement_search WHERE id = OLD.id;
        INSERT OR REPLACE INTO agreement_search (title, id, counterparty, folded)
            SELECT NEW.title, NEW.id, p.name, \(searchKey(title: "NEW.title", counterparty: "p.name", id: "NEW.id"))
            FROM parties p WHERE p.id = NEW.counterparty_id;
    END;
    CREATE TRIGGER agreement_search_delete AFTER DELETE ON agreements BEGIN
        DELETE FROM agreement_search WHERE id = OLD.id;
    END;
    CREATE TRIGGER agreement_search_party_insert AFTER INSERT ON parties BEGIN
        INSERT OR REPLACE INTO agreement_search (title, id, counterparty, folded)
            SELECT a.title, a.id, NEW.name, \(searchKey(title: "a.title", counterparty: "NEW.name", id: "a.id"))
            FROM agreements a WHERE a.counterparty_id = NEW.id;
    END;
    CREATE TRIGGER agreement_search_party_update AFTER UPDATE OF id, name ON parties BEGIN
        DELETE FROM agreement_search WHERE id IN (SELECT a.id FROM agreements a WHERE a.counterparty_id = OLD.id);
        INSERT OR REPLACE INTO agreement_search (title, id, counterparty, folded)
            SELECT a.title, a.id, NEW.name, \(searchKey(title: "a.title", counterparty: "NEW.name", id: "a.id"))
            FROM agreements a WHERE a.counterparty_id = NEW.id;
    END;
    CREATE TRIGGER agreement_search_party_delete AFTER DELETE ON parties BEGIN
        DELETE FROM agreement_search WHERE id IN (SELECT a.id FROM agreements a WHERE a.counterparty_id = OLD.id);
    END;
    """

    /// - `agreements_list (id, status, kind, calendar)`: the agreements list reads these columns
    ///   from a narrow index instead of each (wide) agreement row.
    /// - `renewal_notices` gains the previous term's act-by day and whether the agreement is active
    ///   (kept by `RenewalIndex` and, for status changes made any other way, by a trigger), so the
    ///   renewal due now is one index range — act-by today…horizon, active, previous act-by before
    ///   today — in act-by order: no grouping, no agreement rows, and a limited read stops early.
    /// Fills the two new `renewal_notices` columns of rows written before v4 (what `RenewalIndex`
    /// writes for new rows; a test checks they agree).
    static let v4Fill = """
    UPDATE renewal_notices SET prev_act_by_date = (
        SELECT p.act_by_date FROM renewal_notices p
        WHERE p.agreement_id = renewal_notices.agreement_id AND p.term = renewal_notices.term - 1)
    WHERE term > 0;
    UPDATE renewal_notices SET active = (SELECT a.status = 'active' FROM agreements a WHERE a.id = renewal_notices.agreement_id);
    """

    static let v4 = """
    CREATE INDEX agreements_list ON agreements(id, status, kind, calendar);
    ALTER TABLE renewal_notices ADD COLUMN prev_act_by_date TEXT;
    ALTER TABLE renewal_notices ADD COLUMN active INTEGER NOT NULL DEFAULT 1;
    \(v4Fill)
    DROP INDEX renewal_notices_act_by;
    CREATE INDEX renewal_notices_due ON renewal_notices(act_by_date, active, prev_act_by_date, agreement_id, term);
    CREATE TRIGGER renewal_notices_status AFTER UPDATE OF status ON agreements BEGIN
        UPDATE renewal_notices SET active = (NEW.status = 'active') WHERE agreement_id = NEW.id;
    END;
    """

    /// The register's summary of one sub-processor (all its rows whose names are equal without
    /// case), recomputed from `sub_processors` — the `GROUP BY` the register used to run per page.
    static func vendorSummary(_ key: String) -> String {
        """
        DELETE FROM sub_processor_vendors WHERE name = \(key);
        INSERT INTO sub_processor_vendors (name, org_number, agreements, uses, countries)
            SELECT min(s.name), min(s.org_number), count(DISTINCT s.agreement_id), count(*), group_concat(DISTINCT s.country)
            FROM sub_processors s INDEXED BY sub_processors_register WHERE s.name = \(key) COLLATE NOCASE
            HAVING count(*) > 0;
        """
    }

    /// - `sub_processor_vendors`: one row per sub-processor name (without case) with its org
    ///   number, agreements, uses and countries, kept by triggers on `sub_processors` (each write
    ///   recomputes the names it touches). The register pages through it: a page of 50 names
    ///   reads 50 rows, not the thousands of uses behind them.
    /// - `sub_processors.agreement_title`: the title of the agreement each use belongs to, kept by
    ///   triggers (insert, move, agreement renamed), so `sub_processors_uses` gives a name's uses
    ///   in title order and the register reads only the ones it shows.
    static let v5 = """
    CREATE TABLE sub_processor_vendors (
        name TEXT NOT NULL COLLATE NOCASE PRIMARY KEY,
        org_number TEXT,
        agreements INTEGER NOT NULL,
        uses INTEGER NOT NULL,
        countries TEXT NOT NULL
    ) WITHOUT ROWID;
    INSERT INTO sub_processor_vendors (name, org_number, agreements, uses, countries)
        SELECT min(s.name), min(s.org_number), count(DISTINCT s.agreement_id), count(*), group_concat(DISTINCT s.country)
        FROM sub_processors s INDEXED BY sub_processors_register GROUP BY s.name COLLATE NOCASE;
    CREATE TRIGGER sub_processor_vendors_insert AFTER INSERT ON sub_processors BEGIN
        \(vendorSummary("NEW.name"))
    END;
    CREATE TRIGGER sub_processor_vendors_delete AFTER DELETE ON sub_processors BEGIN
        \(vendorSummary("OLD.name"))
    END;
    CREATE TRIGGER sub_processor_vendors_update AFTER UPDATE OF name, org_number, country, agreement_id ON sub_processors BEGIN
        \(vendorSummary("OLD.name"))
        \(vendorSummary("NEW.name"))
    END;
    ALTER TABLE sub_processors ADD COLUMN agreement_title TEXT;
    UPDATE sub_processors SET agreement_title = (SELECT a.title FROM agreements a WHERE a.id = sub_processors.agreement_id);
    CREATE INDEX sub_processors_uses ON sub_processors(name COLLATE NOCASE, agreement_title COLLATE NOCASE, id);
    CREATE TRIGGER sub_processors_title_insert AFTER INSERT ON sub_processors BEGIN
        UPDATE sub_processors SET agreement_title = (SELECT a.title FROM agreements a WHERE a.id = NEW.agreement_id)
        WHERE rowid = NEW.rowid;
    END;
    CREATE TRIGGER sub_processors_title_move AFTER UPDATE OF agreement_id ON sub_processors BEGIN
        UPDATE sub_processors SET agreement_title = (SELECT a.title FROM agreements a WHERE a.id = NEW.agreement_id)
        WHERE rowid = NEW.rowid;
    END;
    CREATE TRIGGER sub_processors_title_rename AFTER UPDATE OF title ON agreements BEGIN
        UPDATE sub_processors SET agreement_title = NEW.title WHERE agreement_id = NEW.id;
    END;
    """

    /// Per-rule counting options (docs/deadline-rules.md R4, R9, R10): roll direction replaces the
    /// roll-forward flag (false = none; otherwise the safe default by who acts), the contract's own
    /// working-day definition, and the event a window must close before. Rules with `actor` them open
    /// no stored deadlines, so no stored date changes.
    static let v6 = """
    ALTER TABLE notice_rules ADD COLUMN roll TEXT NOT NULL DEFAULT 'forward'
        CHECK (roll IN ('forward','backward','none'));
    UPDATE notice_rules SET roll = CASE
        WHEN roll_forward = 0 THEN 'none'
        WHEN direction = 'before' OR actor = 'them' THEN 'backward'
        ELSE 'forward' END;
    ALTER TABLE notice_rules DROP COLUMN roll_forward;
    ALTER TABLE notice_rules ADD COLUMN working_days TEXT NOT NULL DEFAULT '{}';
    ALTER TABLE notice_rules ADD COLUMN cap_before TEXT
        CHECK (cap_before IN ('change_takes_effect','agreement_ends'));
    """

    /// `notice_rules.recurs_from`: the day a recurring duty (trigger `recurring`) counts from;
    /// occurrence k falls k periods later. Occurrences are stored in `deadlines` (source kind
    /// `recurrence`, source id `RULE#k`), so no other table changes.
    static let v9Recurring = """
    ALTER TABLE notice_rules ADD COLUMN recurs_from TEXT;
    """

    /// Endings: agreements that end with their parent, the right a termination uses (with the
    /// change notice or breach demand it relies on), who made an event (breach demands), and the
    /// right a termination rule gives.
    static let v7Endings = """
    ALTER TABLE agreements ADD COLUMN ends_with_parent INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE terminations ADD COLUMN termination_right TEXT NOT NULL DEFAULT 'ordinary';
    ALTER TABLE terminations ADD COLUMN change_notice_id TEXT REFERENCES change_notices(id);
    ALTER TABLE terminations ADD COLUMN breach_event_id TEXT REFERENCES events(id);
    ALTER TABLE events ADD COLUMN made_by TEXT;
    ALTER TABLE notice_rules ADD COLUMN termination_right TEXT;
    """

    /// Change-notice semantics (issue 13 items 7–10, 13):
    /// - `notice_rules`: `notice_by` (whose change notices a rule governs; NULL = theirs),
    ///   `anchor_text` (the contract's own anchor words), `written_form_clause` (the clause that
    ///   requires the written form, when not the rule's own).
    /// - `change_notices`: `given_by` (us/them), the decision's basis (express/deemed), date,
    ///   channel and clause, and `transfer_flag` (a sub-processor outside the EEA where transfers
    ///   need our consent).
    /// - `sub_processors`: approval basis, date and clause (deemed approvals under PUB 5.2).
    /// - `agreements.transfer_consent_clause`: where the agreement forbids transfers outside the EEA
    ///   without consent.
    /// - `deadlines`: `silence_is_approval` (copied from the rule, so the agenda never shows a
    ///   passed silence window as overdue), `resolution` (deemed_accepted) and `flag`.
    ///   `deadlines_silence` finds the windows to settle without scanning overdue deadlines.
    static let v8ChangeSemantics = """
    ALTER TABLE notice_rules ADD COLUMN notice_by TEXT;
    ALTER TABLE notice_rules ADD COLUMN anchor_text TEXT;
    ALTER TABLE notice_rules ADD COLUMN written_form_clause TEXT;
    ALTER TABLE change_notices ADD COLUMN given_by TEXT NOT NULL DEFAULT 'them';
    ALTER TABLE change_notices ADD COLUMN decision_basis TEXT;
    ALTER TABLE change_notices ADD COLUMN decision_date TEXT;
    ALTER TABLE change_notices ADD COLUMN decision_channel TEXT;
    ALTER TABLE change_notices ADD COLUMN decision_clause TEXT;
    ALTER TABLE change_notices ADD COLUMN transfer_flag TEXT;
    ALTER TABLE sub_processors ADD COLUMN approval_basis TEXT;
    ALTER TABLE sub_processors ADD COLUMN approval_date TEXT;
    ALTER TABLE sub_processors ADD COLUMN approval_clause TEXT;
    ALTER TABLE agreements ADD COLUMN transfer_consent_clause TEXT;
    ALTER TABLE deadlines ADD COLUMN silence_is_approval INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE deadlines ADD COLUMN resolution TEXT;
    ALTER TABLE deadlines ADD COLUMN flag TEXT;
    UPDATE deadlines SET silence_is_approval = 1
        WHERE rule_id IN (SELECT id FROM notice_rules WHERE silence_is_approval = 1);
    CREATE INDEX deadlines_silence ON deadlines(act_by_date, state, silence_is_approval) WHERE state = 'open' AND silence_is_approval = 1;
    """

    /// The tamper-evident audit trail (issue 15, docs/reliability.md): every row gets `prev_hash`
    /// and `hash` (`AuditChain`), and `imported` for rows restored from an imported document.
    /// Existing rows are chained here in id order (the update guard is lifted for this only).
    /// A new guard refuses any row inserted without its chain.
    static func auditChain(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE audit ADD COLUMN prev_hash TEXT;
            ALTER TABLE audit ADD COLUMN hash TEXT;
            ALTER TABLE audit ADD COLUMN imported INTEGER NOT NULL DEFAULT 0;
            DROP TRIGGER audit_no_update;
            """)
        var prev = AuditChain.genesis
        let rows = try AuditEntry.fetchCursor(db, sql: "SELECT * FROM audit ORDER BY id")
        let update = try db.makeStatement(sql: "UPDATE audit SET prev_hash = ?, hash = ? WHERE id = ?")
        while let e = try rows.next() {
            let h = AuditChain.hash(e, prevHash: prev)
            try update.execute(arguments: [prev, h, e.id])
            prev = h
        }
        try db.execute(sql: """
            CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
                BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
            CREATE TRIGGER audit_chained BEFORE INSERT ON audit WHEN NEW.hash IS NULL OR NEW.prev_hash IS NULL
                BEGIN SELECT RAISE(ABORT, 'audit rows are hash-chained: write them through Varsel'); END;
            """)
    }
    /// Reversals, snooze and notes (issue 14):
    /// - `deadlines.snoozed_until`: an internal remind-me-later day (the act-by day never moves);
    ///   `deadlines.note`: a free note on the deadline.
    /// - `objections.withdrawn_date`: we withdrew the objection (the row stays, for the record).
    /// - `terminations.withdrawn_date`: the termination notice was withdrawn (the row stays; the
    ///   agreement's previous status and end come back).
    static let v13Reversals = """
    ALTER TABLE deadlines ADD COLUMN snoozed_until TEXT;
    ALTER TABLE deadlines ADD COLUMN note TEXT;
    ALTER TABLE objections ADD COLUMN withdrawn_date TEXT;
    ALTER TABLE terminations ADD COLUMN withdrawn_date TEXT;
    """

    /// Two reads that scanned (docs/performance.md, "Two slow reads"):
    /// - `audit_entity_id`: an agreement's history finds its rows by entity id (its own and those of
    ///   the records that belong to it), which `audit_entity (entity_type, entity_id)` cannot serve;
    /// - `deadlines_snoozed`: the header's snoozed counts read only the open snoozed deadlines
    ///   (few) instead of every open row of the 90-day agenda range. Covering, as `deadlines_silence`.
    static let v14ReadIndexes = """
    CREATE INDEX audit_entity_id ON audit(entity_id);
    CREATE INDEX deadlines_snoozed ON deadlines(act_by_date, snoozed_until, state) WHERE state = 'open' AND snoozed_until IS NOT NULL;
    """

    /// An end date entered by hand on a termination (issue 14): the reason, and the end the rules
    /// gave at the time (NULL when none could be computed).
    static let v15TerminationEndEntered = """
    ALTER TABLE terminations ADD COLUMN end_entered_reason TEXT;
    ALTER TABLE terminations ADD COLUMN computed_end_date TEXT;
    """

    /// Archived agreements (status ended) leave the default lists (issue 10): the pages filter on
    /// the status the `agreements_list` join already reads; counts and positions take off the
    /// archived rows, found through this partial index in list order (few rows, never a scan of
    /// every agreement).
    static let v16AgreementsArchived = """
    CREATE INDEX agreements_archived ON agreements(title COLLATE NOCASE, id) WHERE status = 'ended';
    """

    /// Contract texts kept with their agreements (issue 11): one row per imported file (an
    /// agreement may have several: an amendment, an annex). The text is immutable: an update
    /// of a row is refused; a new import adds a row.
    static let v17AgreementDocuments = """
    CREATE TABLE agreement_documents (
        id TEXT PRIMARY KEY NOT NULL,
        agreement_id TEXT NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
        file_name TEXT NOT NULL,
        media_type TEXT NOT NULL CHECK (media_type IN ('txt', 'pdf', 'docx')),
        sha256 TEXT NOT NULL,
        text TEXT NOT NULL,
        extractor_version TEXT NOT NULL,
        language TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        imported_by TEXT NOT NULL
    );
    CREATE INDEX agreement_documents_agreement ON agreement_documents(agreement_id);
    CREATE INDEX agreement_documents_sha256 ON agreement_documents(sha256);
    CREATE TRIGGER agreement_documents_immutable BEFORE UPDATE ON agreement_documents
        BEGIN SELECT RAISE(ABORT, 'a kept contract text is immutable: import the new text as another document'); END;
    """

    /// v5's summary with each name's statuses (`statuses`, comma-separated): the register read
    /// them per row of a page (one lookup per name through all its uses, ~12 ms p99 a page at
    /// 100,000 agreements); a status change now recomputes the summary too.
    /// The statuses among a group's rows, comma-separated ("approved,objected,"), from one `max`
    /// per status: cheaper than a `DISTINCT` aggregate in a trigger that runs on every write.
    static let statusesSQL = SubProcessorStatus.allCases
        .map { "(CASE WHEN max(s.status = '\($0.rawValue)') THEN '\($0.rawValue),' ELSE '' END)" }
        .joined(separator: " || ")

    static func vendorSummaryWithStatuses(_ key: String) -> String {
        """
        DELETE FROM sub_processor_vendors WHERE name = \(key);
        INSERT INTO sub_processor_vendors (name, org_number, agreements, uses, countries, statuses)
            SELECT min(s.name), min(s.org_number), count(DISTINCT s.agreement_id), count(*), group_concat(DISTINCT s.country),
                   \(statusesSQL)
            FROM sub_processors s INDEXED BY sub_processors_register WHERE s.name = \(key) COLLATE NOCASE
            HAVING count(*) > 0;
        """
    }

    /// `sub_processors_register` gains `status`, so the summary (rebuilt on every write of a use)
    /// and the filtered register still read the index alone: without it each recompute looked up
    /// every use of the name in the table, and generating 100,000 agreements took 172 s, not ~100.
    static let v18VendorStatuses = """
    CREATE INDEX change_notices_received ON change_notices(received_date);
    CREATE INDEX terminations_notice_date ON terminations(notice_date);
    DROP TRIGGER sub_processor_vendors_insert;
    DROP TRIGGER sub_processor_vendors_delete;
    DROP TRIGGER sub_processor_vendors_update;
    DROP INDEX sub_processors_register;
    CREATE INDEX sub_processors_register ON sub_processors(name COLLATE NOCASE, agreement_id, country, org_number, purpose, status);
    ALTER TABLE sub_processor_vendors ADD COLUMN statuses TEXT NOT NULL DEFAULT '';
    DELETE FROM sub_processor_vendors;
    INSERT INTO sub_processor_vendors (name, org_number, agreements, uses, countries, statuses)
        SELECT min(s.name), min(s.org_number), count(DISTINCT s.agreement_id), count(*), group_concat(DISTINCT s.country),
               \(statusesSQL)
        FROM sub_processors s INDEXED BY sub_processors_register GROUP BY s.name COLLATE NOCASE;
    CREATE TRIGGER sub_processor_vendors_insert AFTER INSERT ON sub_processors BEGIN
        \(vendorSummaryWithStatuses("NEW.name"))
    END;
    CREATE TRIGGER sub_processor_vendors_delete AFTER DELETE ON sub_processors BEGIN
        \(vendorSummaryWithStatuses("OLD.name"))
    END;
    CREATE TRIGGER sub_processor_vendors_update AFTER UPDATE OF name, org_number, country, agreement_id, status ON sub_processors BEGIN
        \(vendorSummaryWithStatuses("OLD.name"))
        \(vendorSummaryWithStatuses("NEW.name"))
    END;
    """
}
