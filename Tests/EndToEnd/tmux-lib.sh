# Shared by the tmux end-to-end scripts (source it after setting these):
#   E2E_NAME    prefix of the result lines ("e2e: 3 passed, 0 failed")
#   WORK        the script's temporary folder (removed on exit with the tmux server)
#   E2E_PANE    the tmux session the script drives (default e2e)
#   E2E_PROMPT  the shell prompt that marks the workbench has exited (default E2E$)
# Every wait polls the screen for text (up to 15 s); none is a fixed sleep.
E2E_PANE="${E2E_PANE:-e2e}"
E2E_PROMPT="${E2E_PROMPT:-E2E\$}"
SOCK="varsel-$E2E_NAME-$$"
T() { tmux -L "$SOCK" "$@"; }
cleanup() { T kill-server 2>/dev/null || true; rm -rf "$WORK" 2>/dev/null || true; }
trap cleanup EXIT
fail() {
  echo "$E2E_NAME: FAIL: $*"; echo "--- screen ---"; T capture-pane -p -t "$E2E_PANE" 2>/dev/null || true
  echo "$E2E_NAME: 0 passed, 1 failed"; exit 1
}
screen() { T capture-pane -p -t "$E2E_PANE"; }
shows() { screen | grep -qF -- "$1"; }
keys() { T send-keys -t "$E2E_PANE" "$@"; }
# Polls the pane until it shows the text.
wait_for() {
  local i
  for i in $(seq 1 300); do shows "$1" && return 0; sleep 0.05; done
  fail "timed out waiting for: $1"
}
# Waits until the shell prompt is the last non-empty line again (the workbench has left the screen).
wait_for_prompt() {
  local i
  for i in $(seq 1 300); do
    if [ "$(screen | grep -v '^[[:space:]]*$' | tail -1 | sed 's/[[:space:]]*$//')" = "$E2E_PROMPT" ]; then return 0; fi
    sleep 0.05
  done
  fail "the workbench did not exit back to the shell${1:+: $1}"
}
