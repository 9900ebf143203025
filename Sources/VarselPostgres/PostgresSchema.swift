import VarselKit

/// Versioned migrations of a Varsel portfolio on PostgreSQL, kept beside the SQLite ones
/// (`Sources/VarselSQLite/Schema.swift`). Append new migrations; never edit shipped ones.
///
/// The first migration creates the tables as SQLite has them after its `v13-reversals`: the same
/// tables, columns and constraints. Differences, all of dialect:
/// - text columns compare as SQLite's BINARY (`COLLATE "C"`); SQLite's `COLLATE NOCASE` (ASCII
///   case only) is the immutable function `varsel_nocase`, used in `ORDER BY` and in indexes.
/// - flags are `boolean`, ids of audit rows `bigint`; dates stay ISO `YYYY-MM-DD` text and nested
///   values (term, periods, change kinds) JSON text, so both backends store the same strings.
/// - `sub_processor_vendors` and `agreement_search` were views until `pg7-vendor-table` and
///   `pg6-search-table` made them trigger-kept tables (as SQLite keeps them; the search one with a
///   `pg_trgm` index); `renewal_notices` is a table kept by the same writes as on SQLite.
/// - `audit` is append-only by trigger, and each row names the database user who wrote it
///   (`db_user`, set by the server: a client cannot choose it).
enum PostgresSchema {
    /// Identifies a Varsel schema (the role of SQLite's `PRAGMA application_id`).
    static let migrationsTable = "varsel_migrations"

    /// Every migration this binary knows, in order.
    static let migrations: [(id: String, sql: String)] = [
        ("pg1-portfolio", pg1),
        ("pg2-change-notify", pg2),
        ("pg3-read-indexes", pg3),
        ("pg4_termination_end_entered", pg4),
        ("pg5-agreement-documents", pg5),
        ("pg6-search-table", pg6),
        ("pg7-vendor-table", pg7),
        ("pg8-search-order", pg8),
    ]

    /// The portfolio's `NOTIFY` channel as an SQL expression, from its schema's name (one
    /// database may hold several portfolios; channel names are at most 63 bytes).
    static func channelSQL(_ schema: String) -> String { "'varsel_' || left(md5(\(schema)::text), 16)" }

    /// `varsel_fold`: `SearchFold.fold` in SQL — NFC, then Unicode lowercase (ICU's root locale, as
    /// Swift's `lowercased()`: full mappings, no locale). ICU alone would lower a word-final Σ to
    /// ς where Swift gives σ, so Σ becomes σ first. `varsel_nocase`: SQLite's NOCASE key.
    static let functions = #"""
    CREATE FUNCTION varsel_fold(t text) RETURNS text
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        RETURN lower(replace(normalize(t, NFC), 'Σ', 'σ') COLLATE "und-x-icu");
    CREATE FUNCTION varsel_nocase(t text) RETURNS text
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        RETURN translate(t, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') COLLATE "C";
    """#

    static let pg1 = #"""
    CREATE TABLE parties (
        id text COLLATE "C" PRIMARY KEY,
        name text COLLATE "C" NOT NULL,
        org_number text COLLATE "C",
        country text COLLATE "C",
        address text COLLATE "C"
    );
    CREATE TABLE agreements (
        id text COLLATE "C" PRIMARY KEY,
        title text COLLATE "C" NOT NULL,
        kind text COLLATE "C" NOT NULL,
        counterparty_id text COLLATE "C" NOT NULL REFERENCES parties(id),
        our_party_id text COLLATE "C" REFERENCES parties(id),
        our_role text COLLATE "C" NOT NULL,
        language text COLLATE "C" NOT NULL,
        governing_law text COLLATE "C" NOT NULL,
        calendar text COLLATE "C" NOT NULL CHECK (calendar IN ('se','dk','no')),
        version text COLLATE "C",
        signed_date text COLLATE "C",
        effective_date text COLLATE "C",
        end_date text COLLATE "C",
        term text COLLATE "C" NOT NULL,
        status text COLLATE "C" NOT NULL,
        parent_id text COLLATE "C" REFERENCES agreements(id),
        notes text COLLATE "C",
        ends_with_parent boolean NOT NULL DEFAULT false,
        transfer_consent_clause text COLLATE "C"
    );
    CREATE INDEX agreements_title ON agreements(varsel_nocase(title), id);
    CREATE INDEX agreements_counterparty ON agreements(counterparty_id);
    CREATE INDEX agreements_parent ON agreements(parent_id);
    CREATE TABLE agreement_versions (
        id text COLLATE "C" PRIMARY KEY,
        agreement_id text COLLATE "C" NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
        version text COLLATE "C" NOT NULL,
        date text COLLATE "C",
        changes text COLLATE "C" NOT NULL
    );
    CREATE INDEX agreement_versions_agreement ON agreement_versions(agreement_id);
    CREATE TABLE clauses (
        id text COLLATE "C" PRIMARY KEY,
        agreement_id text COLLATE "C" NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
        reference text COLLATE "C" NOT NULL,
        heading text COLLATE "C" NOT NULL,
        text text COLLATE "C" NOT NULL
    );
    CREATE INDEX clauses_agreement ON clauses(agreement_id);
    CREATE TABLE notice_rules (
        id text COLLATE "C" PRIMARY KEY,
        agreement_id text COLLATE "C" NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
        clause_ref text COLLATE "C",
        title text COLLATE "C" NOT NULL,
        trigger text COLLATE "C" NOT NULL,
        change_kinds text COLLATE "C" NOT NULL,
        event_kind text COLLATE "C",
        termination_by text COLLATE "C",
        period text COLLATE "C",
        vague_text text COLLATE "C",
        direction text COLLATE "C" NOT NULL CHECK (direction IN ('after','before')),
        actor text COLLATE "C" NOT NULL,
        written_form boolean NOT NULL,
        grounds_required boolean NOT NULL,
        grounds_text text COLLATE "C",
        to_end_of_month boolean NOT NULL,
        lead_time text COLLATE "C",
        silence_is_approval boolean NOT NULL,
        note text COLLATE "C",
        roll text COLLATE "C" NOT NULL DEFAULT 'forward' CHECK (roll IN ('forward','backward','none')),
        working_days text COLLATE "C" NOT NULL DEFAULT '{}',
        cap_before text COLLATE "C" CHECK (cap_before IN ('change_takes_effect','agreement_ends')),
        recurs_from text COLLATE "C",
        termination_right text COLLATE "C",
        notice_by text COLLATE "C",
        anchor_text text COLLATE "C",
        written_form_clause text COLLATE "C",
        CHECK (period IS NOT NULL OR vague_text IS NOT NULL)
    );
    CREATE INDEX notice_rules_agreement ON notice_rules(agreement_id);
    CREATE TABLE sub_processors (
        id text COLLATE "C" PRIMARY KEY,
        agreement_id text COLLATE "C" NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
        name text COLLATE "C" NOT NULL,
        org_number text COLLATE "C",
        address text COLLATE "C",
        country text COLLATE "C" NOT NULL,
        purpose text COLLATE "C" NOT NULL,
        transfer_mechanism text COLLATE "C",
        status text COLLATE "C" NOT NULL,
        since text COLLATE "C",
        approval_basis text COLLATE "C",
        approval_date text COLLATE "C",
        approval_clause text COLLATE "C"
    );
    CREATE INDEX sub_processors_agreement ON sub_processors(agreement_id);
    CREATE INDEX sub_processors_name ON sub_processors(varsel_nocase(name), agreement_id);
    CREATE TABLE change_notices (
        id text COLLATE "C" PRIMARY KEY,
        agreement_id text COLLATE "C" NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
        kind text COLLATE "C" NOT NULL,
        received_date text COLLATE "C" NOT NULL,
        channel text COLLATE "C" NOT NULL,
        summary text COLLATE "C" NOT NULL,
        effective_date text COLLATE "C",
        sub_processor_id text COLLATE "C" REFERENCES sub_processors(id),
        replaces_sub_processor_id text COLLATE "C" REFERENCES sub_processors(id),
        status text COLLATE "C" NOT NULL,
        given_by text COLLATE "C" NOT NULL DEFAULT 'them',
        decision_basis text COLLATE "C",
        decision_date text COLLATE "C",
        decision_channel text COLLATE "C",
        decision_clause text COLLATE "C",
        transfer_flag text COLLATE "C"
    );
    CREATE INDEX change_notices_agreement ON change_notices(agreement_id);
    CREATE INDEX change_notices_status ON change_notices(status, received_date);
    CREATE TABLE objections (
        id text COLLATE "C" PRIMARY KEY,
        change_notice_id text COLLATE "C" NOT NULL REFERENCES change_notices(id) ON DELETE CASCADE,
        date text COLLATE "C" NOT NULL,
        grounds text COLLATE "C" NOT NULL,
        channel text COLLATE "C" NOT NULL,
        note text COLLATE "C",
        outcome text COLLATE "C" NOT NULL,
        withdrawn_date text COLLATE "C"
    );
    CREATE INDEX objections_notice ON objections(change_notice_id);
    CREATE TABLE events (
        id text COLLATE "C" PRIMARY KEY,
        agreement_id text COLLATE "C" NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
        kind text COLLATE "C" NOT NULL,
        date text COLLATE "C" NOT NULL,
        minutes bigint,
        description text COLLATE "C" NOT NULL,
        made_by text COLLATE "C"
    );
    CREATE INDEX events_agreement ON events(agreement_id);
    CREATE TABLE terminations (
        id text COLLATE "C" PRIMARY KEY,
        agreement_id text COLLATE "C" NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
        given_by text COLLATE "C" NOT NULL,
        notice_date text COLLATE "C" NOT NULL,
        channel text COLLATE "C" NOT NULL,
        rule_id text COLLATE "C" REFERENCES notice_rules(id),
        end_date text COLLATE "C" NOT NULL,
        explanation text COLLATE "C" NOT NULL,
        note text COLLATE "C",
        termination_right text COLLATE "C" NOT NULL DEFAULT 'ordinary',
        change_notice_id text COLLATE "C" REFERENCES change_notices(id),
        breach_event_id text COLLATE "C" REFERENCES events(id),
        withdrawn_date text COLLATE "C"
    );
    CREATE INDEX terminations_agreement ON terminations(agreement_id);
    CREATE TABLE deadlines (
        id text COLLATE "C" PRIMARY KEY,
        agreement_id text COLLATE "C" NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
        rule_id text COLLATE "C" REFERENCES notice_rules(id),
        source_kind text COLLATE "C" NOT NULL,
        source_id text COLLATE "C" NOT NULL,
        what text COLLATE "C" NOT NULL,
        actor text COLLATE "C" NOT NULL,
        clause_ref text COLLATE "C",
        anchor_date text COLLATE "C" NOT NULL,
        raw_date text COLLATE "C" NOT NULL,
        due_date text COLLATE "C" NOT NULL,
        act_by_date text COLLATE "C" NOT NULL,
        due_minutes bigint,
        remind_date text COLLATE "C",
        explanation text COLLATE "C" NOT NULL,
        assumed boolean NOT NULL,
        written_form boolean NOT NULL,
        grounds_required boolean NOT NULL,
        state text COLLATE "C" NOT NULL CHECK (state IN ('open','handled')),
        handled_date text COLLATE "C",
        handled_note text COLLATE "C",
        silence_is_approval boolean NOT NULL DEFAULT false,
        resolution text COLLATE "C",
        flag text COLLATE "C",
        snoozed_until text COLLATE "C",
        note text COLLATE "C"
    );
    CREATE INDEX deadlines_agenda ON deadlines(state, act_by_date);
    CREATE INDEX deadlines_agreement ON deadlines(agreement_id, state, act_by_date);
    CREATE INDEX deadlines_source ON deadlines(source_kind, source_id);
    CREATE INDEX deadlines_silence ON deadlines(act_by_date) WHERE state = 'open' AND silence_is_approval;
    -- Notice days of every term of auto-renewing agreements (40 years from the start), kept by the
    -- writes of agreements (RenewalIndex) and, for status changes, by a trigger.
    CREATE TABLE renewal_notices (
        agreement_id text COLLATE "C" NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
        term bigint NOT NULL,
        term_end text COLLATE "C" NOT NULL,
        act_by_date text COLLATE "C" NOT NULL,
        prev_act_by_date text COLLATE "C",
        active boolean NOT NULL DEFAULT true,
        PRIMARY KEY (agreement_id, term)
    );
    CREATE INDEX renewal_notices_due ON renewal_notices(act_by_date, active, prev_act_by_date, agreement_id, term);
    CREATE FUNCTION varsel_renewal_status() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE renewal_notices SET active = (NEW.status = 'active') WHERE agreement_id = NEW.id;
        RETURN NULL;
    END $$;
    CREATE TRIGGER renewal_notices_status AFTER UPDATE OF status ON agreements
        FOR EACH ROW EXECUTE FUNCTION varsel_renewal_status();
    CREATE TABLE audit (
        id bigint PRIMARY KEY,
        at text COLLATE "C" NOT NULL,
        "user" text COLLATE "C" NOT NULL,
        action text COLLATE "C" NOT NULL,
        entity_type text COLLATE "C" NOT NULL,
        entity_id text COLLATE "C" NOT NULL,
        summary text COLLATE "C" NOT NULL,
        before text COLLATE "C",
        after text COLLATE "C",
        prev_hash text COLLATE "C" NOT NULL,
        hash text COLLATE "C" NOT NULL,
        imported boolean NOT NULL DEFAULT false,
        db_user text COLLATE "C" NOT NULL DEFAULT session_user
    );
    CREATE INDEX audit_entity ON audit(entity_type, entity_id);
    -- The audit trail is append-only, and the server names who wrote each row.
    CREATE FUNCTION varsel_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION 'the audit trail is append-only' USING ERRCODE = 'integrity_constraint_violation';
    END $$;
    CREATE TRIGGER audit_no_update BEFORE UPDATE OR DELETE ON audit
        FOR EACH ROW EXECUTE FUNCTION varsel_audit_append_only();
    CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit
        FOR EACH STATEMENT EXECUTE FUNCTION varsel_audit_append_only();
    CREATE FUNCTION varsel_audit_user() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.db_user := session_user;
        RETURN NEW;
    END $$;
    CREATE TRIGGER audit_db_user BEFORE INSERT ON audit
        FOR EACH ROW EXECUTE FUNCTION varsel_audit_user();
    -- The change feed: one row bumped by a statement trigger on every table a write touches.
    CREATE TABLE change_seq (one boolean PRIMARY KEY DEFAULT true CHECK (one), seq bigint NOT NULL);
    INSERT INTO change_seq VALUES (true, 0);
    CREATE FUNCTION varsel_bump_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE change_seq SET seq = seq + 1;
        RETURN NULL;
    END $$;
    CREATE TRIGGER audit_change AFTER INSERT ON audit
        FOR EACH STATEMENT EXECUTE FUNCTION varsel_bump_change();
    -- Title, counterparty and id of every agreement with the folded search key (SearchFold),
    -- joined by U+001F so a filter never matches across two fields.
    CREATE VIEW agreement_search AS
        SELECT a.title, a.id, p.name AS counterparty,
               varsel_fold(a.title) || chr(31) || varsel_fold(p.name) || chr(31) || varsel_fold(a.id) AS folded
        FROM agreements a JOIN parties p ON p.id = a.counterparty_id;
    -- One row per sub-processor name (without ASCII case), as SQLite's sub_processor_vendors.
    CREATE VIEW sub_processor_vendors AS
        SELECT min(s.name) AS name, min(s.org_number) AS org_number, count(DISTINCT s.agreement_id) AS agreements,
               count(*) AS uses, string_agg(DISTINCT s.country, ',') AS countries
        FROM sub_processors s GROUP BY varsel_nocase(s.name);
    """#

    /// The change feed without polling: the trigger that bumps `change_seq` on every audit append
    /// also sends `NOTIFY` with the new number, delivered when the write commits (`PGChangeFeed`).
    static let pg2 = #"""
    CREATE OR REPLACE FUNCTION varsel_bump_change() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE n bigint;
    BEGIN
        UPDATE change_seq SET seq = seq + 1 RETURNING seq INTO n;
        PERFORM pg_notify(\#(channelSQL("TG_TABLE_SCHEMA")), n::text);
        RETURN NULL;
    END $$;
    """#

    /// SQLite's `v14-read-indexes`: an agreement's history by entity id, and the header's snoozed
    /// counts from the open snoozed deadlines only.
    static let pg3 = #"""
    CREATE INDEX audit_entity_id ON audit(entity_id);
    CREATE INDEX deadlines_snoozed ON deadlines(act_by_date, snoozed_until, state) WHERE state = 'open' AND snoozed_until IS NOT NULL;
    """#

    /// SQLite's `v15_termination_end_entered`: an end date entered by hand on a termination.
    static let pg4 = #"""
    ALTER TABLE terminations ADD COLUMN end_entered_reason text;
    ALTER TABLE terminations ADD COLUMN computed_end_date text;
    """#

    /// SQLite's `v17_agreement_documents`: contract texts kept with their agreements, immutable
    /// once saved (an update is refused; a new import adds a row).
    static let pg5 = #"""
    CREATE TABLE agreement_documents (
        id text COLLATE "C" PRIMARY KEY,
        agreement_id text COLLATE "C" NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
        file_name text COLLATE "C" NOT NULL,
        media_type text COLLATE "C" NOT NULL CHECK (media_type IN ('txt', 'pdf', 'docx')),
        sha256 text COLLATE "C" NOT NULL,
        text text COLLATE "C" NOT NULL,
        extractor_version text COLLATE "C" NOT NULL,
        language text COLLATE "C" NOT NULL,
        imported_at text COLLATE "C" NOT NULL,
        imported_by text COLLATE "C" NOT NULL
    );
    CREATE INDEX agreement_documents_agreement ON agreement_documents(agreement_id);
    CREATE INDEX agreement_documents_sha256 ON agreement_documents(sha256);
    CREATE FUNCTION varsel_document_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION 'a kept contract text is immutable: import the new text as another document' USING ERRCODE = 'integrity_constraint_violation';
    END $$;
    CREATE TRIGGER agreement_documents_immutable BEFORE UPDATE ON agreement_documents
        FOR EACH ROW EXECUTE FUNCTION varsel_document_immutable();
    """#

    /// The agreements filter without a scan: `agreement_search` becomes a table kept in step by
    /// statement triggers on agreements and parties (every write path, bulk inserts in one go), with
    /// a `pg_trgm` GIN index on the folded key for `LIKE '%…%'`. pg_trgm is a trusted extension
    /// (PostgreSQL 13+, in Debian's postgresql-15 package): the owner of the database, or anyone who
    /// may create in it, can create it. Where it cannot be created the table stays without that
    /// index and the filter reads it whole, as before.
    static let pg6 = #"""
    DROP VIEW agreement_search;
    CREATE TABLE agreement_search (
        id text COLLATE "C" PRIMARY KEY REFERENCES agreements(id) ON DELETE CASCADE,
        title text COLLATE "C" NOT NULL,
        counterparty text COLLATE "C" NOT NULL,
        folded text COLLATE "C" NOT NULL
    );
    INSERT INTO agreement_search (id, title, counterparty, folded)
        SELECT a.id, a.title, p.name, varsel_fold(a.title) || chr(31) || varsel_fold(p.name) || chr(31) || varsel_fold(a.id)
        FROM agreements a JOIN parties p ON p.id = a.counterparty_id;
    CREATE FUNCTION varsel_search_agreements() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        INSERT INTO agreement_search AS s (id, title, counterparty, folded)
            SELECT a.id, a.title, p.name, varsel_fold(a.title) || chr(31) || varsel_fold(p.name) || chr(31) || varsel_fold(a.id)
            FROM changed_agreements a JOIN parties p ON p.id = a.counterparty_id
        ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, counterparty = EXCLUDED.counterparty, folded = EXCLUDED.folded
            WHERE (s.title, s.counterparty, s.folded) IS DISTINCT FROM (EXCLUDED.title, EXCLUDED.counterparty, EXCLUDED.folded);
        RETURN NULL;
    END $$;
    CREATE TRIGGER agreement_search_insert AFTER INSERT ON agreements REFERENCING NEW TABLE AS changed_agreements
        FOR EACH STATEMENT EXECUTE FUNCTION varsel_search_agreements();
    CREATE TRIGGER agreement_search_update AFTER UPDATE ON agreements REFERENCING NEW TABLE AS changed_agreements
        FOR EACH STATEMENT EXECUTE FUNCTION varsel_search_agreements();
    CREATE FUNCTION varsel_search_parties() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE agreement_search s
            SET counterparty = p.name, folded = varsel_fold(a.title) || chr(31) || varsel_fold(p.name) || chr(31) || varsel_fold(a.id)
            FROM changed_parties p JOIN agreements a ON a.counterparty_id = p.id
            WHERE s.id = a.id AND s.counterparty IS DISTINCT FROM p.name;
        RETURN NULL;
    END $$;
    CREATE TRIGGER agreement_search_party AFTER UPDATE ON parties REFERENCING NEW TABLE AS changed_parties
        FOR EACH STATEMENT EXECUTE FUNCTION varsel_search_parties();
    DO $$
    BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
            BEGIN
                CREATE EXTENSION pg_trgm SCHEMA public;
            EXCEPTION WHEN OTHERS THEN
                BEGIN
                    CREATE EXTENSION pg_trgm;
                EXCEPTION WHEN OTHERS THEN
                    RAISE NOTICE 'pg_trgm cannot be created here: agreement_search stays without its trigram index';
                END;
            END;
        END IF;
        IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
            EXECUTE format('CREATE INDEX agreement_search_trgm ON agreement_search USING gin (folded %I.gin_trgm_ops)',
                (SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'));
        END IF;
    END $$;
    """#

    /// The register without a `GROUP BY` per page: `sub_processor_vendors` becomes a table of one
    /// row per name (without ASCII case), kept by statement triggers on `sub_processors` (a bulk
    /// insert recomputes each name it touches once), and it also keeps each name's statuses, which
    /// a page read per row before (one round trip each); and `agreements_status`, so the list's
    /// count is an index-only scan. Whoever may write `sub_processors` (the
    /// editor role of `varsel team init`) may write the summary, so a team need not re-run it.
    static let pg7 = #"""
    DROP VIEW sub_processor_vendors;
    CREATE TABLE sub_processor_vendors (
        key text COLLATE "C" PRIMARY KEY,
        name text COLLATE "C" NOT NULL,
        org_number text COLLATE "C",
        agreements integer NOT NULL,
        uses integer NOT NULL,
        countries text COLLATE "C" NOT NULL,
        statuses text COLLATE "C" NOT NULL
    );
    CREATE FUNCTION varsel_vendor_summary(keys text[]) RETURNS void LANGUAGE sql AS $$
        DELETE FROM sub_processor_vendors WHERE key = ANY(keys);
        INSERT INTO sub_processor_vendors (key, name, org_number, agreements, uses, countries, statuses)
            SELECT varsel_nocase(s.name), min(s.name), min(s.org_number), count(DISTINCT s.agreement_id), count(*),
                   string_agg(DISTINCT s.country, ',' ORDER BY s.country), string_agg(DISTINCT s.status, ',' ORDER BY s.status)
            FROM sub_processors s WHERE varsel_nocase(s.name) = ANY(keys) GROUP BY varsel_nocase(s.name);
    $$;
    SELECT varsel_vendor_summary(ARRAY(SELECT DISTINCT varsel_nocase(name) FROM sub_processors));
    CREATE FUNCTION varsel_vendors_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        PERFORM varsel_vendor_summary(ARRAY(SELECT DISTINCT varsel_nocase(name) FROM inserted_rows));
        RETURN NULL;
    END $$;
    CREATE FUNCTION varsel_vendors_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        PERFORM varsel_vendor_summary(ARRAY(SELECT DISTINCT varsel_nocase(name) FROM deleted_rows));
        RETURN NULL;
    END $$;
    CREATE FUNCTION varsel_vendors_updated() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        PERFORM varsel_vendor_summary(ARRAY(
            SELECT varsel_nocase(name) FROM old_rows UNION SELECT varsel_nocase(name) FROM new_rows));
        RETURN NULL;
    END $$;
    CREATE TRIGGER sub_processor_vendors_insert AFTER INSERT ON sub_processors REFERENCING NEW TABLE AS inserted_rows
        FOR EACH STATEMENT EXECUTE FUNCTION varsel_vendors_inserted();
    CREATE TRIGGER sub_processor_vendors_delete AFTER DELETE ON sub_processors REFERENCING OLD TABLE AS deleted_rows
        FOR EACH STATEMENT EXECUTE FUNCTION varsel_vendors_deleted();
    CREATE TRIGGER sub_processor_vendors_update AFTER UPDATE ON sub_processors REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION varsel_vendors_updated();
    -- The list's count (agreements not archived) from the index alone.
    CREATE INDEX agreements_status ON agreements(status);
    DO $$
    DECLARE r record;
    BEGIN
        FOR r IN SELECT DISTINCT g.grantee::regrole AS role, g.privilege_type AS privilege
                 FROM pg_class c, aclexplode(c.relacl) g
                 WHERE c.oid = 'sub_processors'::regclass AND g.grantee <> 0 AND g.grantee <> c.relowner
                   AND g.privilege_type IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE') LOOP
            EXECUTE format('GRANT %s ON sub_processor_vendors TO %s', r.privilege, r.role);
        END LOOP;
    END $$;
    """#

    /// The filtered agreements list from `agreement_search` alone: each row also keeps the list's
    /// sort key (`varsel_nocase(title)`) and whether the agreement is archived, with an index in
    /// list order that carries the folded key. A filter walks that index and tests each entry
    /// where it stands (the first cut joined every agreement it walked to its search row: a rare
    /// two-letter filter at 100,000 agreements took ~150 ms), or, for a rare term of three letters
    /// or more, takes the trigram index's few matches and sorts them — the planner's choice.
    static let pg8 = #"""
    ALTER TABLE agreement_search ADD COLUMN sort_key text COLLATE "C";
    ALTER TABLE agreement_search ADD COLUMN archived boolean;
    UPDATE agreement_search s SET sort_key = varsel_nocase(a.title), archived = (a.status = 'ended')
        FROM agreements a WHERE a.id = s.id;
    ALTER TABLE agreement_search ALTER COLUMN sort_key SET NOT NULL, ALTER COLUMN archived SET NOT NULL;
    CREATE OR REPLACE FUNCTION varsel_search_agreements() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        INSERT INTO agreement_search AS s (id, title, counterparty, folded, sort_key, archived)
            SELECT a.id, a.title, p.name, varsel_fold(a.title) || chr(31) || varsel_fold(p.name) || chr(31) || varsel_fold(a.id),
                   varsel_nocase(a.title), a.status = 'ended'
            FROM changed_agreements a JOIN parties p ON p.id = a.counterparty_id
        ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, counterparty = EXCLUDED.counterparty, folded = EXCLUDED.folded,
                                       sort_key = EXCLUDED.sort_key, archived = EXCLUDED.archived
            WHERE (s.title, s.counterparty, s.folded, s.archived) IS DISTINCT FROM
                  (EXCLUDED.title, EXCLUDED.counterparty, EXCLUDED.folded, EXCLUDED.archived);
        RETURN NULL;
    END $$;
    CREATE INDEX agreement_search_order ON agreement_search(sort_key, id) INCLUDE (folded, archived);
    -- The Notices view's newest days.
    CREATE INDEX change_notices_received ON change_notices(received_date);
    CREATE INDEX terminations_notice_date ON terminations(notice_date);
    """#
}
