#!/usr/bin/env bash
# End-to-end (issue 10): the real binary in tmux on an EMPTY database, keys only.
# 2 then a: a new agreement with a new party (Mobilize Me's real CVR 34208077, as in the DPA:
# "Og MOBILIZE ME ApS … CVR. nr.: 34208077") and a term with automatic renewal; C: a clause
# (4.1: "Leverandøren skal mindst en gang årligt gennemgå sine interne sikkerhedsforskrifter");
# n on Notice rules: a recurring rule counted from the effective date (its first occurrence
# reaches the agenda); n on Sub-processors: Curanet A/S (CVR 29139555, bilag 2). The agenda
# shows the rule's deadline; e changes the period and the form previews the move before it is
# saved; the agenda shows the new day; u undoes it; E edits the clause in $EDITOR; e on the Clauses tab edits it
# in the form, n on the Versions tab adds a version entry, u twice takes both back. Checked with `varsel deadlines --format
# json` and sqlite3 (records and audit rows). Waits for screen text, never fixed sleeps.
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN="${VARSEL_BIN:-$PWD/.build/debug/varsel}"
TODAY=2026-11-23
WORK="$(mktemp -d)"
DB="$WORK/authoring.sqlite"
E2E_NAME=authoring-e2e
. Tests/EndToEnd/tmux-lib.sh
sql() { sqlite3 "$DB" "$1"; }

# The $EDITOR of step 6: a script that renames the clause heading (as a user would in vi).
printf '#!/bin/sh\nsed -i "s/heading: Foranstaltninger/heading: Sikkerhedsforanstaltninger/" "$1"\n' > "$WORK/editor.sh"
chmod +x "$WORK/editor.sh"
T new-session -d -s e2e -x 120 -y 40 "env -i HOME=$WORK TERM=xterm-256color LANG=C.UTF-8 PATH=$PATH EDITOR=$WORK/editor.sh PS1='E2E\$ ' bash --norc --noprofile"
wait_for 'E2E$'
keys "$BIN --db '$DB' --today $TODAY --create" Enter
wait_for "This database holds no agreements yet."

# 1. The agreement, with a new party and automatic renewal.
keys 2;              keys a; wait_for "New agreement"
keys -l "Mobilize Me databehandleraftale"; keys Tab Tab
keys -l "MOBILIZE ME ApS"; wait_for "will be added"
keys Tab;            keys -l "34208077"; keys Tab; keys -l "DK"
keys Tab Right Right                                   # our role: controller
keys Tab C-u;        keys -l "da"
keys Tab C-u;        keys -l "Danish law"
keys Tab Right                                         # calendar: Denmark
keys Tab;            keys -l "2025-12-10"; keys Tab; keys -l "2025-12-10"
keys Tab Tab Right Right; wait_for "Renewal *"    # term: fixed with automatic renewal
keys Tab;            keys -l "2 years"; keys Tab; keys -l "1 year"; keys Tab; keys -l "3 months"
wait_for "Renewal: act by 2027-09-09"
keys C-s;            wait_for "Agreement Mobilize Me databehandleraftale added as"
wait_for "Id: ag-"

# 2. A clause, a recurring notice rule and a sub-processor.
keys C;              wait_for "New clause"
keys -l "4.1";       keys Tab; keys -l "Foranstaltninger"; keys Tab
keys -l "Leverandøren skal mindst en gang årligt gennemgå sine interne sikkerhedsforskrifter"
keys C-s;            wait_for "Clause 4.1 added"
keys ']';            wait_for "Notify the supervisory authority"   # the statutory GDPR Art. 33 rule of a controller
keys n;              wait_for "New notice rule"
keys -l "Yearly security review"; keys Tab; keys -l "4.1"
keys Tab Left                                          # counts from: recurring
keys Tab;            keys -l "12 months"
keys Tab Tab Tab;    keys -l "2025-12-10"
wait_for "Opens: Yearly security review"
keys C-s;            wait_for "Notice rule Yearly security review added; 1 deadline opened"
keys ']';            wait_for "No sub-processors recorded"
keys n;              wait_for "New sub-processor"
keys -l "Curanet A/S"; keys Tab; keys -l "29139555"; keys Tab; keys -l "DK"; keys Tab; keys -l "Hosting (bilag 2)"
keys C-s;            wait_for "Sub-processor Curanet A/S added"

# 3. The rule's deadline on the agenda.
keys 1;              wait_for "Yearly security review"
T capture-pane -p -t e2e | grep "Yearly security review" | grep -qF "2026-12-10" || fail "the agenda does not show the rule's deadline on 2026-12-10"

# 4. The period changed in the form: the move is previewed, then saved; the agenda follows.
keys 2;              wait_for "Curanet A/S"
keys '[';            wait_for "Period: every 12 months"
keys e;              wait_for "Edit notice rule"
keys Tab Tab Tab C-u; keys -l "13 months"
wait_for "1 open deadline move: Yearly security review 10 Dec 2026 → 11 Jan 2027"
[ "$(sql "SELECT act_by_date FROM deadlines WHERE rule_id IS NOT NULL AND state = 'open'")" = 2026-12-10 ] || fail "the preview wrote"
keys C-s;            wait_for "Notice rule Yearly security review changed; 1 open deadline moved"
keys 1;              wait_for "2027-01-11"
[ "$(sql "SELECT act_by_date FROM deadlines WHERE rule_id IS NOT NULL AND state = 'open'")" = 2027-01-11 ] || fail "the deadline did not move"

# 5. u undoes the edit: the period and the deadline are back.
keys u;              wait_for "Undone: the change to notice rule Yearly security review; 1 open deadline moved back"
wait_for "2026-12-10"

# 6. E: the agreement as YAML in $EDITOR; curses gives the terminal up and takes it back.
keys 2;              wait_for "Period: every 12 months"
keys E;              wait_for "Edited in \$EDITOR: Imported"
wait_for "Mobilize Me databehandleraftale"
[ "$(sql "SELECT heading FROM clauses")" = "Sikkerhedsforanstaltninger" ] || fail "E did not save the edit: $(sql 'SELECT * FROM clauses')"

# 6b. The clause edited in the form (Clauses tab, e), a version entry added (Versions tab, n), then u twice.
keys ']' ']' ']' ']'; wait_for "Clauses (1) · e edits"
keys e;              wait_for "Edit clause"
keys Tab C-u;        keys -l "Sikkerhed"
keys C-s;            wait_for "Clause 4.1 changed"
[ "$(sql "SELECT heading FROM clauses")" = "Sikkerhed" ] || fail "the clause form did not save: $(sql 'SELECT * FROM clauses')"
keys ']';            wait_for "No version entries recorded"
keys n;              wait_for "New version entry"
keys -l "2.0";       keys Tab C-u; keys -l "2026-11-23"; keys Tab; keys -l "Bilag 2 opdateret"
keys C-s;            wait_for "Version 2.0 added"
[ "$(sql "SELECT version || ' ' || date FROM agreement_versions")" = "2.0 2026-11-23" ] || fail "version entry: $(sql 'SELECT * FROM agreement_versions')"
[ "$(sql "SELECT version FROM agreements")" = "2.0" ] || fail "the agreement's version did not follow: $(sql 'SELECT version FROM agreements')"
keys u;              wait_for "Undone: adding version 2.0"
keys u;              wait_for "Undone: the change to clause 4.1"
[ "$(sql "SELECT count(*) FROM agreement_versions")" = 0 ] || fail "u left the version entry: $(sql 'SELECT * FROM agreement_versions')"
[ "$(sql "SELECT coalesce(version, '-') FROM agreements")" = "-" ] || fail "u left the version label: $(sql 'SELECT version FROM agreements')"
[ "$(sql "SELECT heading FROM clauses")" = "Sikkerhedsforanstaltninger" ] || fail "u did not put the clause back: $(sql 'SELECT * FROM clauses')"
keys q;              wait_for "Agreement (1)"
keys q;              wait_for_prompt

# 7. Checked outside the workbench.
json=$("$BIN" deadlines --db "$DB" --today "$TODAY" --within 90 --format json)
echo "$json" | jq -e '[.[] | select(.what == "Yearly security review" and .actByDate == "2026-12-10")] | length == 1' >/dev/null \
  || fail "varsel deadlines: the rule's deadline is not on 2026-12-10: $json"
[ "$(sql "SELECT count(*) FROM agreements WHERE term LIKE '%auto_renewal%' AND calendar = 'dk' AND status = 'active'")" = 1 ] || fail "agreement: $(sql 'SELECT * FROM agreements')"
[ "$(sql "SELECT country || ' ' || replace(replace(org_number, 'CVR', ''), ' ', '') FROM parties")" = "DK 34208077" ] || fail "party: $(sql 'SELECT * FROM parties')"
[ "$(sql "SELECT reference FROM clauses")" = "4.1" ] || fail "clause: $(sql 'SELECT * FROM clauses')"
sql "SELECT period FROM notice_rules" | grep -q "12" || fail "rule period not back to 12 months: $(sql 'SELECT period FROM notice_rules')"
[ "$(sql "SELECT name || ' ' || status FROM sub_processors")" = "Curanet A/S approved" ] || fail "sub-processor: $(sql 'SELECT * FROM sub_processors')"
actions=$(sql "SELECT group_concat(action, ' ') FROM (SELECT action FROM audit ORDER BY id)")
[ "$actions" = "add_party add_agreement add_clause add_rule add_sub_processor edit_rule edit_rule import edit_clause add_version remove_version edit_clause" ] \
  || fail "audit rows: $actions"
audit=$("$BIN" audit --db "$DB" --today "$TODAY")
for summary in "Removed version 2.0" "Added version 2.0" "Edited clause 4.1"; do
  echo "$audit" | grep -qF "$summary" || fail "varsel audit does not show \"$summary\": $audit"
done
"$BIN" audit verify --db "$DB" >/dev/null || fail "the audit chain does not verify"
echo "authoring-e2e: 1 passed, 0 failed"
