#!/usr/bin/env bash
# Kills `varsel restore` with SIGKILL at random moments (issue 15, bug 1) and checks after each
# trial: PRAGMA integrity_check is ok, `varsel audit verify` passes, and the database holds either
# its old content (the deadline handled after the backup, no restore row) or the restored content
# WITH its `restore` audit row — never the backup's content without the row. No file left beside
# it may be readable by others. Usage: restore-kill.sh [TRIALS] (default 20). Prints its figures.
set -uo pipefail
cd "$(dirname "$0")/../.."
BIN="${VARSEL_BIN:-$PWD/.build/debug/varsel}"
TRIALS="${1:-20}"
TODAY=2026-11-23
DEADLINE=dl-ev-0002-pureservice-sla-credit-claim
WORK="$(mktemp -d /tmp/varsel-restore-kill.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
"$BIN" demo --db live.sqlite --today "$TODAY" >/dev/null
"$BIN" backup b.sqlite --db live.sqlite >/dev/null
"$BIN" handle "$DEADLINE" --db live.sqlite --today "$TODAY" >/dev/null
old=0; new=0; failed=0; leftovers=0
for i in $(seq 1 "$TRIALS"); do
  rm -rf t && mkdir t && cp live.sqlite t/db.sqlite
  "$BIN" restore b.sqlite --db t/db.sqlite --today "$TODAY" >/dev/null 2>&1 &
  pid=$!
  sleep "0.$(printf '%03d' $((RANDOM % 450)))"
  kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
  integrity=$(sqlite3 t/db.sqlite "PRAGMA integrity_check" 2>&1)
  state=$(sqlite3 t/db.sqlite "SELECT state FROM deadlines WHERE id = '$DEADLINE'" 2>&1)
  last=$(sqlite3 t/db.sqlite "SELECT action FROM audit ORDER BY id DESC LIMIT 1" 2>&1)
  if [ "$integrity" != ok ]; then failed=$((failed + 1)); echo "restore-kill: trial $i: integrity: $integrity"; continue; fi
  if ! "$BIN" audit verify --db t/db.sqlite >/dev/null 2>"$WORK/verify.err"; then
    failed=$((failed + 1)); echo "restore-kill: trial $i: $(cat "$WORK/verify.err")"; continue
  fi
  if [ "$state" = handled ] && [ "$last" != restore ]; then old=$((old + 1))
  elif [ "$state" = open ] && [ "$last" = restore ]; then new=$((new + 1))
  else failed=$((failed + 1)); echo "restore-kill: trial $i: half state: deadline $state, last audit row $last"; continue; fi
  public=$(find t -type f -perm /077 | wc -l)
  if [ "$public" != 0 ]; then failed=$((failed + 1)); echo "restore-kill: trial $i: files readable by others: $(find t -type f -perm /077)"; fi
  leftovers=$((leftovers + $(find t -name '.db.sqlite.*' | wc -l)))
done
echo "restore kill -9: $TRIALS trials, $old old content, $new restored with audit row, $failed failed ($leftovers private temporary files left for the next restore to remove)"
echo "restore-kill: $((TRIALS - failed)) passed, $failed failed"
[ "$failed" = 0 ]
