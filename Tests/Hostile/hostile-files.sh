#!/usr/bin/env bash
# Hostile files (issue 15): each file is given to a reading command (`deadlines`), a writing command
# (`handle`) and `backup`. Every refusal must exit with status 2 and say what is wrong, where (the
# path) and how to fix it ("fix:"); the file must be byte-identical afterwards (SHA-256) and no
# -wal/-shm may appear beside it. Permission cases run as the unprivileged user `nobody` (root
# ignores file modes). Also: files made under umask 000 are 0600 (folders 0700), and `--db`
# is a plain path (no `file:` URI, `:memory:` is a file name). Prints its figures.
set -uo pipefail
cd "$(dirname "$0")/../.."
BIN="${VARSEL_BIN:-$PWD/.build/debug/varsel}"
TODAY=2026-11-23
WORK="$(mktemp -d /tmp/varsel-hostile.XXXXXX)"
chmod 755 "$WORK"
trap 'chmod -R u+rwX "$WORK" 2>/dev/null; rm -rf "$WORK"' EXIT
passed=0; failed=0
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "hostile: FAIL: $*"; }
sha() {
  if [ -L "$1" ]; then echo "link $(readlink "$1")"
  elif [ -d "$1" ]; then echo "folder $(ls -A "$1" | tr '\n' ' ')"
  elif [ -f "$1" ]; then sha256sum "$1" 2>/dev/null | cut -d' ' -f1
  elif [ -e "$1" ]; then echo special
  else echo none; fi
}

# As root, permission cases run as nobody; otherwise as the current user.
AS=()
if [ "$(id -u)" = 0 ]; then AS=(setpriv --reuid=65534 --regid=65534 --clear-groups); fi
cp "$BIN" "$WORK/varsel" && chmod 755 "$WORK/varsel"
BIN="$WORK/varsel"

"$BIN" demo --db "$WORK/good.sqlite" --today "$TODAY" >/dev/null || { echo "hostile: demo failed"; exit 1; }
DEADLINE=$("$BIN" deadlines --db "$WORK/good.sqlite" --today "$TODAY" --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')

# expect NAME FILE STATUS TEXT [runner…] -- ARGS: runs varsel, checks status, message, file unchanged.
expect() {
  local name="$1" file="$2" status="$3" text="$4"; shift 4
  local runner=()
  while [ "$1" != "--" ]; do runner+=("$1"); shift; done; shift
  local before after wal_before shm_before
  before=$(sha "$file"); wal_before=$(sha "$file-wal"); shm_before=$(sha "$file-shm")
  local out err rc
  out=$("${runner[@]}" "$BIN" "$@" --db "$file" --today "$TODAY" 2>"$WORK/err")
  rc=$?
  err=$(cat "$WORK/err")
  after=$(sha "$file")
  if [ "$rc" != "$status" ]; then bad "$name: $* exited $rc, expected $status: $err"; return; fi
  if [ -n "$text" ] && ! grep -qF -- "$text" <<<"$err"; then bad "$name: $* said: $err (expected \"$text\")"; return; fi
  if [ "$status" = 2 ] && { ! grep -qF -- "$file" <<<"$err" || ! grep -q "fix:" <<<"$err"; }; then
    bad "$name: $* does not say where and how: $err"; return
  fi
  if [ "$before" != "$after" ]; then bad "$name: $* changed the file"; return; fi
  if [ "$(sha "$file-wal")" != "$wal_before" ] || [ "$(sha "$file-shm")" != "$shm_before" ]; then
    if [ "$status" = 2 ] && [ -z "${SIDECARS_OK:-}" ]; then bad "$name: $* left -wal/-shm beside a refused file"; return; fi
  fi
  ok
}

# Runs the three commands on a file that must be refused with `text`.
refused() {
  local name="$1" file="$2" text="$3"; shift 3
  expect "$name" "$file" 2 "$text" "$@" -- deadlines
  expect "$name" "$file" 2 "$text" "$@" -- handle "$DEADLINE"
  expect "$name" "$file" 2 "$text" "$@" -- backup "$WORK/backup-of-$name.sqlite"
  [ -e "$WORK/backup-of-$name.sqlite" ] && bad "$name: a backup file was written"
}

printf 'Avtal: Pureservice, uppsägning 3 månader.\n%.0s' {1..50} > "$WORK/text.sqlite"
refused "non-SQLite file" "$WORK/text.sqlite" "not an SQLite file"

: > "$WORK/empty.sqlite"
refused "empty file" "$WORK/empty.sqlite" "is empty"

cp "$WORK/good.sqlite" "$WORK/truncated.sqlite"
truncate -s 40960 "$WORK/truncated.sqlite"
refused "truncated database" "$WORK/truncated.sqlite" "truncated"

cp "$WORK/good.sqlite" "$WORK/flipped.sqlite"
python3 - "$WORK/flipped.sqlite" <<'EOF'
import sys
p = sys.argv[1]; d = bytearray(open(p, "rb").read()); d[4096] ^= 0x01; open(p, "wb").write(d)
EOF
# A damaged file: writes and backups refused; reads go on with a warning. (Its own -wal/-shm may
# appear: the check runs on an ordinary read-only connection, so that a writer's lock is waited for.)
SIDECARS_OK=1 expect "flipped byte" "$WORK/flipped.sqlite" 2 "is damaged" -- handle "$DEADLINE"
SIDECARS_OK=1 expect "flipped byte" "$WORK/flipped.sqlite" 2 "is damaged" -- backup "$WORK/backup-of-flipped.sqlite"
[ -e "$WORK/backup-of-flipped.sqlite" ] && bad "flipped byte: a backup file was written"
expect "flipped byte" "$WORK/flipped.sqlite" 0 "warning: $WORK/flipped.sqlite is damaged" -- deadlines

sqlite3 "$WORK/foreign.sqlite" "CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL); INSERT INTO invoices (amount) VALUES (1.5);"
refused "another app's SQLite file" "$WORK/foreign.sqlite" "not a Varsel database"
sqlite3 "$WORK/foreign-id.sqlite" "PRAGMA application_id = 1234; CREATE TABLE t (x);"
refused "another app's application_id" "$WORK/foreign-id.sqlite" "application_id is 0x000004D2"

cp "$WORK/good.sqlite" "$WORK/newer.sqlite"
sqlite3 "$WORK/newer.sqlite" "INSERT INTO grdb_migrations VALUES ('v99-from-the-future');"
refused "newer schema" "$WORK/newer.sqlite" "newer Varsel"

mkdir "$WORK/folder.sqlite"
refused "directory" "$WORK/folder.sqlite" "is a folder"

ln -s /dev/zero "$WORK/zero.sqlite"
refused "symlink to /dev/zero" "$WORK/zero.sqlite" "not a regular file"

cp "$WORK/good.sqlite" "$WORK/noperm.sqlite"
chown 65534 "$WORK/noperm.sqlite" 2>/dev/null; chmod 000 "$WORK/noperm.sqlite"
refused "no permission" "$WORK/noperm.sqlite" "Permission denied" "${AS[@]}"

mkdir "$WORK/ro"
cp "$WORK/good.sqlite" "$WORK/ro/db.sqlite"
chown -R 65534 "$WORK/ro" 2>/dev/null; chmod 444 "$WORK/ro/db.sqlite"; chmod 555 "$WORK/ro"
# A read-only file in a read-only folder: reads work (nothing created beside it), writes are refused.
expect "read-only folder" "$WORK/ro/db.sqlite" 0 "" "${AS[@]}" -- deadlines
[ -e "$WORK/ro/db.sqlite-wal" ] && bad "read-only folder: a read left -wal"
expect "read-only folder" "$WORK/ro/db.sqlite" 2 "is read-only" "${AS[@]}" -- handle "$DEADLINE"

# Missing file: reads and writes refuse and create nothing (issue 14, bug 2).
expect "missing file" "$WORK/nodir/x.sqlite" 2 "No database at" -- check
[ -e "$WORK/nodir" ] && bad "missing file: a folder was created"
expect "missing file" "$WORK/missing.sqlite" 2 "No database at" -- deadlines
[ -e "$WORK/missing.sqlite" ] && bad "missing file: a database was created"

# --db is a plain path: "file:…" never reaches the other application's file, ":memory:" is a file.
( cd "$WORK" && before=$(sha foreign.sqlite)
  "$BIN" demo --force --db "file:$WORK/foreign.sqlite" --today "$TODAY" >/dev/null 2>&1
  [ "$(sha foreign.sqlite)" = "$before" ] || echo "URI reached foreign.sqlite" ) | grep -q . && bad "--db file: URI" || ok
( cd "$WORK" && "$BIN" demo --db ":memory:" --today "$TODAY" >/dev/null && [ -f "$WORK/:memory:" ] ) && ok || bad "--db :memory: is not a plain file"

# Files made under umask 000: database, -wal, -shm, backups, exports, ICS 0600; default folder 0700.
( umask 000
  export XDG_DATA_HOME="$WORK/xdg"; unset VARSEL_DB
  "$BIN" demo --today "$TODAY" >/dev/null
  "$BIN" backup "$WORK/umask-backup.sqlite" --today "$TODAY" >/dev/null
  "$BIN" export --out "$WORK/umask-export.json" --today "$TODAY" 2>/dev/null
  "$BIN" calendar --out "$WORK/umask.ics" --today "$TODAY" 2>/dev/null
  "$BIN" restore "$WORK/umask-backup.sqlite" --today "$TODAY" >/dev/null
  sqlite3 "$XDG_DATA_HOME/varsel/varsel.sqlite" "PRAGMA journal_mode" >/dev/null
  python3 - "$WORK" <<'EOF'
import os, stat, sys
w = sys.argv[1]
paths = [w + "/xdg/varsel/varsel.sqlite", w + "/umask-backup.sqlite", w + "/umask-export.json", w + "/umask.ics"]
paths += [os.path.join(w + "/xdg/varsel", f) for f in os.listdir(w + "/xdg/varsel")]
bad = [p for p in paths if os.path.exists(p) and stat.S_IMODE(os.stat(p).st_mode) & 0o077]
if stat.S_IMODE(os.stat(w + "/xdg/varsel").st_mode) != 0o700: bad.append(w + "/xdg/varsel (folder)")
if bad: print("umask 000:", bad); sys.exit(1)
EOF
) && ok || bad "files under umask 000 are not private"

total=$((passed + failed))
echo "hostile files: $total checks, $passed passed, $failed failed"
[ "$failed" = 0 ]
