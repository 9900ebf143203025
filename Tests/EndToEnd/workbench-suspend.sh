#!/usr/bin/env bash
# End-to-end job control (issue 15 bug 12): Ctrl-Z suspends the workbench like any curses program
# — the terminal is restored, the shell gets its prompt back and the keys typed next go to the
# shell — and `fg` redraws it. The same for SIGTSTP sent from outside. Runs the real binary in
# tmux; waits for screen text, never fixed sleeps.
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN="${VARSEL_BIN:-$PWD/.build/debug/varsel}"
TODAY=2026-11-23
WORK="$(mktemp -d)"
DB="$WORK/suspend.sqlite"
E2E_NAME=suspend
E2E_PANE=sus
E2E_PROMPT='SUS$'
. Tests/EndToEnd/tmux-lib.sh
# The workbench's pid: the one child of the pane's shell.
varsel_pid() { ps -o pid= --ppid "$(T display -p -t sus '#{pane_pid}')" | tr -d ' ' | head -1; }
wait_state() {
  local pid="$1" want="$2" i
  for i in $(seq 1 200); do
    case "$(ps -o stat= -p "$pid" 2>/dev/null)" in "$want"*) return 0 ;; esac
    sleep 0.05
  done
  fail "process $pid never reached state $want (is: $(ps -o stat= -p "$pid" 2>/dev/null))"
}

"$BIN" demo --db "$DB" --today "$TODAY" >/dev/null
T new-session -d -s sus -x 120 -y 40 "env -i HOME=$WORK TERM=xterm-256color LANG=C.UTF-8 PATH=$PATH PS1='SUS\$ ' bash --norc --noprofile -i"
wait_for 'SUS$'
keys "$BIN --db '$DB' --today $TODAY" Enter
wait_for "Overdue 1"
pid="$(varsel_pid)"
[ -n "$pid" ] || fail "no workbench process"

# 1. Ctrl-Z: stopped, prompt back, the terminal sane, typed keys reach the shell.
keys C-z
wait_state "$pid" T
wait_for_prompt "after Ctrl-Z"
keys 'stty -a > '"'$WORK/stty.txt'"'; echo "typed $((40 + 2))"' Enter
wait_for "typed 42"
grep -qE '(^| )icanon( |$)' "$WORK/stty.txt" || fail "terminal left without icanon while suspended"
grep -qE '(^| )echo( |$)' "$WORK/stty.txt" || fail "terminal left without echo while suspended"
keys clear Enter
wait_for_prompt "after clear"

# 2. fg: the workbench redraws and takes keys again.
keys fg Enter
wait_for "Overdue 1"
wait_state "$pid" S
keys 2
wait_for "Agreement ("

# 3. SIGTSTP from outside, then fg again.
kill -TSTP "$pid"
wait_state "$pid" T
wait_for_prompt "after SIGTSTP"
keys clear Enter
wait_for_prompt "after clear"
keys fg Enter
wait_for "Agreement ("
keys q
wait_for_prompt "after q"
for i in $(seq 1 100); do ps -p "$pid" >/dev/null 2>&1 || break; sleep 0.05; done
ps -p "$pid" >/dev/null 2>&1 && fail "the workbench is still running after q"

echo "suspend: 3 passed, 0 failed"
