#!/usr/bin/env bash
# End-to-end: the real binary in tmux on a demo database with a fixed --today.
# 1. Moves to the Pureservice agreement, opens its pending sub-processor notice, records an
#    objection with grounds, quits with q, then checks the result with `varsel deadlines
#    --format json` and sqlite3, and that the terminal is sane afterwards.
# 2. A multi-line bracketed paste (tmux paste-buffer -p) into the objection grounds is kept as
#    text: no field change, no submit; the saved grounds keep their line breaks.
# 3. While the terminal is too small, x then y does nothing.
# 4. After a resize and q, no workbench text is left on the shell's screen.
# 5. z snoozes the agenda's 0–14-day deadline (the header leaves it out and says so); in the
#    notices, x marks a window handled and R reopens it; both checked in the database.
# 6. A bracketed paste of a multi-line, escape-laden string into the / filter is text: no key in
#    it acts (q, x, Enter), its controls are shown as symbols (the terminal title is unchanged),
#    nothing is written.
# 7. Too small and back: a clear message, keys do nothing, and the view and its selection are kept.
# 8. The mouse through tmux: SGR mouse reports (what tmux sends when the program asks for the
#    mouse, ncurses' kmous=\E[< for xterm-256color) — a click selects a row, the wheel moves the
#    selection three rows, a double click opens the row.
# Waits for screen text, never fixed sleeps.
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN="${VARSEL_BIN:-$PWD/.build/debug/varsel}"
TODAY=2026-11-23
WORK="$(mktemp -d)"
DB="$WORK/e2e.sqlite"
E2E_NAME=e2e
. Tests/EndToEnd/tmux-lib.sh

"$BIN" demo --db "$DB" --today "$TODAY" >/dev/null
T new-session -d -s e2e -x 120 -y 40 "env -i HOME=$WORK TERM=xterm-256color LANG=C.UTF-8 PATH=$PATH PS1='E2E\$ ' bash --norc --noprofile"
wait_for 'E2E$'
keys "$BIN --db '$DB' --today $TODAY" Enter
wait_for "Overdue 1"
wait_for "Object to the new sub-processor"

keys 2;              wait_for "Agreement (6)"   # five agreements + the Mobilize Me Hovedaftale placeholder
keys /;              keys -l "Pureservice"; wait_for "Agreement (1)"
keys Enter;          keys Enter; wait_for "Id: pureservice"
keys ']' ']' ']';    wait_for "Change notices (2)"; wait_for "cn-0001"
keys o;              wait_for "Record objection"
# Two open notices (the newer one, cn-0005, first): choose cn-0001, then go to the grounds.
keys Right;          wait_for "cn-0001"
keys Tab Tab
keys -l "Overføring til USA uten tilstrekkelige garantier (Schrems II)"
keys C-s;            wait_for "recorded; 1 deadline handled"
keys q;              wait_for "Agreement (1)"   # back from the detail to the list
keys q;              wait_for_prompt             # q on the top level quits
keys "stty -a > '$WORK/stty.txt'; echo STTY-DONE" Enter
wait_for "STTY-DONE"

# The objection is stored with its audit row, and its deadline is closed.
open_ids=$("$BIN" deadlines --db "$DB" --today "$TODAY" --within 90 --format json | jq -r '.[].id')
echo "$open_ids" | grep -q "dl-cn-0001-" && fail "the objection deadline is still open"
[ "$(echo "$open_ids" | grep -c .)" -eq 4 ] || fail "expected 4 open deadlines, got: $open_ids"
grounds=$(sqlite3 "$DB" "SELECT grounds FROM objections WHERE change_notice_id = 'cn-0001'")
[ "$grounds" = "Overføring til USA uten tilstrekkelige garantier (Schrems II)" ] || fail "objection grounds: '$grounds'"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE action = 'record_objection' AND summary LIKE '%cn-0001%'")" = 1 ] || fail "no audit row"
[ "$(sqlite3 "$DB" "SELECT state FROM deadlines WHERE source_id = 'cn-0001'")" = handled ] || fail "deadline not handled"
[ "$(sqlite3 "$DB" "SELECT status FROM change_notices WHERE id = 'cn-0001'")" = objected ] || fail "notice not objected"

# The terminal is sane after quitting.
grep -qE '(^| )icanon( |$)' "$WORK/stty.txt" || fail "terminal left without icanon"
grep -qE '(^| )echo( |$)' "$WORK/stty.txt" || fail "terminal left without echo"
grep -qE '(^| )icrnl( |$)' "$WORK/stty.txt" || fail "terminal left without icrnl"


# Starts the workbench in a fresh shell pane of the given size on a fresh demo database.
start_workbench() {
  T kill-server 2>/dev/null || true
  rm -f "$DB"
  "$BIN" demo --db "$DB" --today "$TODAY" >/dev/null
  T new-session -d -s e2e -x "$1" -y "$2" "env -i HOME=$WORK TERM=xterm-256color LANG=C.UTF-8 PATH=$PATH PS1='E2E\$ ' bash --norc --noprofile"
  wait_for 'E2E$'
  keys "$BIN --db '$DB' --today $TODAY" Enter
  wait_for "Overdue 1"
}

# 2. Bracketed paste into a multi-line field.
start_workbench 120 40
wait_for "Object to the new sub-processor"
keys j;              keys o; wait_for "Record objection"
T set-buffer -b e2e $'line one\nline two\nline three'
T paste-buffer -p -b e2e -t e2e
wait_for "line three"
T capture-pane -p -t e2e | grep -q "Record objection" || fail "the paste closed the form"
keys C-s;            wait_for "recorded; 1 deadline handled"
grounds=$(sqlite3 "$DB" "SELECT grounds FROM objections")
[ "$grounds" = $'line one\nline two\nline three' ] || fail "pasted grounds saved as '$grounds'"
[ "$(sqlite3 "$DB" "SELECT channel FROM objections")" = email ] || fail "the paste changed the channel"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM objections")" = 1 ] || fail "expected one objection"
keys q;              wait_for_prompt

# 3. Too small: keys do not act unseen.
start_workbench 120 40
handled_before=$(sqlite3 "$DB" "SELECT count(*) FROM deadlines WHERE state = 'handled'")
T resize-window -t e2e -x 50 -y 14
wait_for "Terminal too small"
keys x; keys Enter; keys j; keys x; keys Enter
T resize-window -t e2e -x 120 -y 40
wait_for "1 Agenda"
T capture-pane -p -t e2e | grep -q "Mark " && fail "a confirmation opened while too small"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM deadlines WHERE state = 'handled'")" = "$handled_before" ] || fail "a deadline was handled while the terminal was too small"
keys q;              wait_for_prompt

# 4. A resize leaves no fragments after quitting.
start_workbench 80 24
T resize-window -t e2e -x 100 -y 30
wait_for "Overdue 1"
keys j k
keys q;              wait_for_prompt
T capture-pane -p -t e2e | grep -qE "Within|Overdue|Agenda|Act by" && fail "workbench text left on the shell screen after a resize"

# 5. Snooze and reopen through the keys.
start_workbench 120 40
wait_for "0–14 d 1"
keys j;              keys z; wait_for "Snooze deadline"
keys Enter;          wait_for "Snoozed until"
wait_for "0–14 d 0"; wait_for "1 snoozed, not counted"; wait_for "(snoozed to"
snoozed=$(sqlite3 "$DB" "SELECT count(*) FROM deadlines WHERE state = 'open' AND snoozed_until > '$TODAY' AND act_by_date >= snoozed_until")
[ "$snoozed" = 1 ] || fail "expected one snoozed open deadline, got $snoozed"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE action = 'snooze_deadline'")" = 1 ] || fail "no snooze audit row"
snoozed_id=$(sqlite3 "$DB" "SELECT id FROM deadlines WHERE snoozed_until IS NOT NULL")
{ "$BIN" check --db "$DB" --today "$TODAY" --within 14 || true; } | grep -qF "{$snoozed_id}" && fail "check still lists the snoozed deadline"
keys 4;              wait_for "Kind   Date"
keys x;              wait_for "Mark deadline handled"
keys Enter;          wait_for "Deadline handled"
handled=$(sqlite3 "$DB" "SELECT entity_id FROM audit WHERE action = 'handle_deadline' ORDER BY rowid DESC LIMIT 1")
[ -n "$handled" ] || fail "x handled nothing"
[ "$(sqlite3 "$DB" "SELECT state FROM deadlines WHERE id = '$handled'")" = handled ] || fail "x did not mark $handled handled"
keys R;              wait_for "Reopen "
keys y;              wait_for "Reopened:"
[ "$(sqlite3 "$DB" "SELECT state FROM deadlines WHERE id = '$handled'")" = open ] || fail "deadline $handled not open again"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE action = 'reopen_deadline'")" = 1 ] || fail "no reopen audit row"
keys q;              wait_for_prompt

# Line number (1-based) of the first screen line containing the text; waiting until the
# selection mark ▸ is on a given line.
line_of() { T capture-pane -p -t e2e | grep -nF -- "$1" | head -1 | cut -d: -f1; }
wait_for_line() {
  local i
  for i in $(seq 1 300); do [ "$(line_of "▸")" = "$1" ] && return 0; sleep 0.05; done
  fail "$2"
}

# 6. A hostile multi-line paste into the filter.
start_workbench 120 40
wait_for "Object to the new sub-processor"
handled_before=$(sqlite3 "$DB" "SELECT count(*) FROM deadlines WHERE state = 'handled'")
audit_before=$(sqlite3 "$DB" "SELECT count(*) FROM audit")
title_before=$(T display -p -t e2e '#{pane_title}')
keys /;              wait_for "Enter keep"
T set-buffer -b e2e $'Pure\nq\nx\ny\e]2;PWNED\a\e[2J'
T paste-buffer -p -b e2e -t e2e
wait_for "/Pure q x y␛]2;PWNED␇␛[2J"
T capture-pane -p -t e2e | grep -qF "Mark deadline handled" && fail "a key in the paste opened a form"
keys Enter;          wait_for "No deadline matches"
[ "$(T display -p -t e2e '#{pane_title}')" = "$title_before" ] || fail "the pasted escape sequence changed the terminal title"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM deadlines WHERE state = 'handled'")" = "$handled_before" ] || fail "the paste handled a deadline"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM audit")" = "$audit_before" ] || fail "the paste wrote to the database"
keys Escape;         wait_for "Object to the new sub-processor"
keys q;              wait_for_prompt

# 7. Too small and back again: the message, no key acts, the view and its selection are kept.
start_workbench 120 40
keys 4;              wait_for "Kind   Date"
first=$(( $(line_of "Kind   Date") + 1 ))
wait_for_line "$first" "the first notice is not selected"
keys j j;            wait_for_line $((first + 2)) "j j did not select the third notice"
selected_before=$(T capture-pane -p -t e2e | grep "▸")
[ -n "$selected_before" ] || fail "no selected notice row"
T resize-window -t e2e -x 50 -y 12
wait_for "Terminal too small (50x12)"
keys j; keys x; keys Enter; keys 1
T resize-window -t e2e -x 40 -y 8
wait_for "Terminal too small (40x8)"
T resize-window -t e2e -x 120 -y 40
wait_for "Kind   Date"
[ "$(T capture-pane -p -t e2e | grep "▸")" = "$selected_before" ] || fail "the selection moved while too small"
T capture-pane -p -t e2e | grep -qF "Mark deadline handled" && fail "a form opened while too small"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE action = 'handle_deadline'")" = 0 ] || fail "a deadline was handled while too small"
keys q;              wait_for_prompt

# 8. The mouse: SGR reports, 1-based column;row, M = press, m = release (tmux send-keys -l writes
#    them to the program as a terminal would).
click() { keys -l $'\e[<0;'"$1;$2"'M'$'\e[<0;'"$1;$2"'m'; }
start_workbench 100 30
keys 2;              wait_for "Agreement (6)"
row=$(line_of "Pureservice tjenesteavtale")
first=$(( $(line_of "Agreement (6)") + 1 ))
[ -n "$row" ] && [ "$row" != "$first" ] || fail "Pureservice is not a later row of the agreements list"
wait_for_line "$first" "the first agreement is not selected"
click 10 "$row";     wait_for_line "$row" "a click on line $row did not select it"
click 10 "$first";   wait_for_line "$first" "a click on line $first did not select it"
keys -l $'\e[<65;10;'"$first"'M'
wait_for_line $((first + 3)) "the wheel did not move the selection three rows down"
keys -l $'\e[<64;10;'"$first"'M'
wait_for_line "$first" "the wheel did not move the selection back up"
keys -l $'\e[<0;10;'"$row"'M'$'\e[<0;10;'"$row"'m'$'\e[<0;10;'"$row"'M'$'\e[<0;10;'"$row"'m'
wait_for "Id: pureservice"
keys q;              wait_for "Agreement (6)"
keys q;              wait_for_prompt

echo "e2e: 8 passed, 0 failed"
