#!/usr/bin/env bash
# End-to-end intake review: the real binary in tmux on a demo database with a fixed --today.
# In the agreements list `i` opens the path prompt; the Mobilize Me data processing agreement
# (from Resources/contracts, or $VARSEL_CONTRACTS) opens in the review. Two rules are accepted
# (8.1, 4.1), one is edited (9.2: 30 → 45 days), one is rejected (Bilag 1, 2.4), the rest stay
# pending; Ctrl-S and y save. Then `varsel show … --format json` has exactly the three rules
# (the edited value, the rejected and pending ones absent) and `varsel audit` exactly one new
# entry, action intake, naming the file and its SHA-256. Also: a missing file is one error line.
# Waits for screen text, never fixed sleeps.
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN="${VARSEL_BIN:-$PWD/.build/debug/varsel}"
CONTRACTS="${VARSEL_CONTRACTS:-$PWD/Resources/contracts}"
FILE="dk-mobilize-me-databehandleraftale.txt"
TODAY=2026-11-23
if [ ! -f "$CONTRACTS/$FILE" ]; then
  echo "intake-e2e: FAIL: $CONTRACTS/$FILE not found (the contracts are in Resources/contracts)"
  echo "intake-e2e: 0 passed, 1 failed"
  exit 1
fi
WORK="$(mktemp -d)"
DB="$WORK/e2e.sqlite"
E2E_NAME=intake-e2e
. Tests/EndToEnd/tmux-lib.sh
# Selects the proposal whose detail line (under the list) starts with the text: from the first
# proposal down with j, waiting for each move to show before looking.
select_item() {
  local want="$1" i
  keys g; wait_for "Title: "   # the first proposal is the agreement itself
  for i in $(seq 1 40); do
    shows "$want" && return 0
    local before; before=$(T capture-pane -p -t e2e | md5sum)
    keys j
    local k; for k in $(seq 1 100); do [ "$(T capture-pane -p -t e2e | md5sum)" != "$before" ] && break; sleep 0.05; done
  done
  fail "no proposal shows: $want"
}

cp "$CONTRACTS/$FILE" "$WORK/$FILE"
SHA=$(sha256sum "$WORK/$FILE" | cut -d' ' -f1)
"$BIN" demo --db "$DB" --today "$TODAY" >/dev/null
audit_before=$(sqlite3 "$DB" "SELECT count(*) FROM audit")
agreements_before=$(sqlite3 "$DB" "SELECT count(*) FROM agreements")
T new-session -d -s e2e -x 140 -y 45 "env -i HOME=$WORK TERM=xterm-256color LANG=C.UTF-8 PATH=$PATH PS1='E2E\$ ' bash --norc --noprofile"
wait_for 'E2E$'
keys "$BIN --db '$DB' --today $TODAY" Enter
wait_for "Overdue 1"

# 1. A missing file: one precise error line, nothing else changes.
keys 2;              wait_for "Agreement (6)"
keys i;              wait_for ":intake"
keys -l "~/no-such-contract.pdf"; keys Enter
wait_for "Cannot intake no-such-contract.pdf: no such file"
shows "Agreement (6)" || fail "the agreements list is gone after a failed intake"

# 2. The review: i, the path with ~ (HOME is the work folder), Enter.
keys i;              wait_for ":intake"
keys -l "~/$FILE";   keys Enter
wait_for "Intake review: $FILE (txt, da)"
wait_for "pending"
select_item "Rule: 30 days before change_takes_effect · 8.1"
keys y;              wait_for "Accepted: 30 days before change_takes_effect · 8.1"
select_item "Rule: 12 months after recurring · 4.1"
keys y;              wait_for "Accepted: 12 months after recurring · 4.1"
select_item "Rule: 30 days before agreement_ends · 9.2"
keys e;              wait_for "Edit the proposed notice rule"
keys C-u;            keys -l "45"
keys C-s;            wait_for "Edited and accepted: 45 days before agreement_ends · 9.2"
select_item "Rule: 6 months after event · Bilag 1, 2.4"
keys d;              wait_for "Rejected: 6 months after event · Bilag 1, 2.4"
keys C-s;            wait_for "notice rules: 3 · parties: 1 · sub-processors: 0"
shows "SHA-256 ${SHA:0:12}" || fail "the confirmation does not name the file's SHA-256"
shows "4 pending proposal(s) are left out" || fail "the confirmation does not say what is left out"
keys y;              wait_for "Saved DATABEHANDLERAFTALE"
wait_for "Id: "        # the new agreement's detail is open
# The kept text: the Text tab ([ from the Overview) shows the title page, which no clause holds:
# "Mellem Institutionsnavn:" and "CVR. nr.: 34208077" (Mobilize Me's title page).
keys "[";            wait_for "1/1 $FILE · txt · da"
wait_for "Mellem Institutionsnavn:"
shows "CVR. nr.: 34208077" || fail "the Text tab does not show the title page"
keys /;              keys -l "9.2 Behandling"; keys Enter
wait_for "9.2 Behandling"
keys q;              keys q; wait_for_prompt
[ "$(sqlite3 "$DB" "SELECT sha256 FROM agreement_documents")" = "$SHA" ] || fail "the kept text does not name the file's SHA-256"
# --save of the same file again is refused and writes nothing.
"$BIN" intake "$WORK/$FILE" --save --db "$DB" --today "$TODAY" >/dev/null 2>"$WORK/again.err" && fail "a second --save of the same file was accepted"
grep -q "was already imported" "$WORK/again.err" || fail "the second --save does not say the file was already imported"

# 3. What was written: one agreement, three rules as decided, one audit entry with the SHA-256.
[ "$(sqlite3 "$DB" "SELECT count(*) FROM agreements")" = $((agreements_before + 1)) ] || fail "expected one new agreement"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM audit")" = $((audit_before + 1)) ] || fail "expected exactly one new audit entry"
audit=$("$BIN" audit --db "$DB" --format json --limit 1)
[ "$(echo "$audit" | jq -r '.[0].action')" = intake ] || fail "the newest audit entry is not the intake: $audit"
echo "$audit" | jq -r '.[0].summary' | grep -qF "Intake of $FILE (SHA-256 $SHA)" || fail "the audit entry does not name the file and its SHA-256"
id=$(echo "$audit" | jq -r '.[0].entityId')
show=$("$BIN" show "$id" --db "$DB" --today "$TODAY" --format json)
# (The statutory GDPR Art. 33(1) rule, listed where we are the controller, is not the agreement's.)
rules=$(echo "$show" | jq -r '.rules[].rule | select((.clauseRef // "") | startswith("GDPR") | not) | "\(.clauseRef) \(.period.value) \(.period.unit) \(.direction) \(.trigger)"' | sort)
expected=$(printf '%s\n' "4.1 12 months after recurring" "8.1 30 days before change_takes_effect" "9.2 45 days before agreement_ends" | sort)
[ "$rules" = "$expected" ] || fail "rules saved: $rules"
echo "$show" | jq -e '[.rules[].rule | select(.clauseRef == "Bilag 1, 2.4")] | length == 0' >/dev/null || fail "the rejected rule was saved"
[ "$(echo "$show" | jq '.subProcessors | length')" = 0 ] || fail "pending sub-processors were saved"
[ "$(echo "$show" | jq -r '.agreement.title')" = DATABEHANDLERAFTALE ] || fail "title"
"$BIN" audit verify --db "$DB" >/dev/null || fail "audit chain does not verify"

echo "intake-e2e: 3 passed, 0 failed"
