#!/usr/bin/env python3
"""Crash harness (issue 15, docs/reliability.md): kill -9 a writing `varsel` at random moments.

Each trial starts one writing command on a shared database (notice add, event, object, handle,
terminate, termination withdraw, import --merge, backup) and kills it with SIGKILL after a random
delay (or lets it finish). With tmux on the machine, some trials instead drive the workbench in
tmux (mark a deadline handled through its form, with a note) and kill it at a random moment after
the save key. `restore` has its own kill test (Tests/Hostile/restore-kill.sh). After
every trial it checks:
  - PRAGMA integrity_check is "ok";
  - every command that exited 0 left its record and its audit row;
  - no half-state: every record the harness created has its audit row, every change notice and
    event has its deadline, every object/handle left notice+objection+deadline consistent,
    every imported party has its import audit row, every backup file that exists and was
    acknowledged passes integrity_check;
  - `varsel audit verify` passes, when this build has it (else audit rows are checked by count);
  - a workbench save that showed "Deadline handled:" before the kill left its record and audit row.
Prints the figures; exits 1 on any failure.

  scripts/crash-harness.py --trials 200            # the long run (docs/reliability.md)
  scripts/crash-harness.py --trials 20 --seed 1    # the short run in scripts/test
"""
import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

TODAY = "2026-11-23"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--trials", type=int, default=200)
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--bin", default=os.environ.get("VARSEL_BIN", os.path.join(os.path.dirname(__file__), "..", ".build", "debug", "varsel")))
    ap.add_argument("--max-delay", type=float, default=None,
                    help="longest wait before the kill, seconds (default: 1.5 x a measured command)")
    args = ap.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    rnd = random.Random(seed)
    work = tempfile.mkdtemp(prefix="varsel-crash-")
    db = os.path.join(work, "crash.sqlite")
    env = dict(os.environ, USER="crash", VARSEL_TODAY=TODAY)
    env.pop("VARSEL_DB", None)

    def varsel(*a, **kw):
        return subprocess.run([args.bin, *a, "--db", db], env=env, capture_output=True, text=True, **kw)

    r = varsel("demo")
    if r.returncode != 0:
        sys.exit(f"crash: cannot create the demo database: {r.stderr}")
    has_verify = varsel("audit", "verify").returncode != 64
    if args.max_delay is None:
        # Kill anywhere in a command's life: calibrate on one uninterrupted write.
        started = time.monotonic()
        varsel("event", "mobilize-me-dpa", "--kind", "incident_discovered", "--description", "calibration")
        args.max_delay = 1.5 * (time.monotonic() - started)

    acknowledged = []   # (kind, marker, argv) of commands that exited 0
    attempted = []      # every write tried, killed or not: (kind, marker, argv)
    baseline_audit = None
    figures = {"trials": 0, "workbench": 0, "killed": 0, "completed": 0, "failed_exit": 0, "integrity_failures": 0,
               "lost_acknowledged": 0, "half_states": 0, "verify_failures": 0, "audit_mismatches": 0}
    problems = []

    def query(sql, params=()):
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10)
        try:
            return con.execute(sql, params).fetchall()
        finally:
            con.close()

    def open_notices():
        return [row[0] for row in query("SELECT id FROM change_notices WHERE status = 'open' ORDER BY id")]

    def open_deadlines():
        return [row[0] for row in query("SELECT id FROM deadlines WHERE state = 'open' ORDER BY id")]

    def agenda_deadlines():
        """Open deadlines the agenda shows (overdue or due within 90 days), so `x` has a row to act on."""
        return query("SELECT id FROM deadlines WHERE state = 'open' AND act_by_date <= date(?, '+90 days')", (TODAY,))

    def terminable():
        return [row[0] for row in query("SELECT id FROM agreements a WHERE status = 'active' AND parent_id IS NULL AND NOT EXISTS "
                                        "(SELECT 1 FROM terminations t WHERE t.agreement_id = a.id AND t.withdrawn_date IS NULL) ORDER BY id")]

    def withdrawable():
        return [row[0] for row in query("SELECT id FROM terminations WHERE withdrawn_date IS NULL AND note LIKE 'crash-%' ORDER BY id")]

    tmux = TmuxWorkbench(args.bin, db, work, env) if TmuxWorkbench.available() else None

    def check(trial):
        """After each trial: integrity, acknowledged writes, half-states, audit rows, the chain."""
        nonlocal acknowledged
        integrity = query("PRAGMA integrity_check")[0][0]
        if integrity != "ok":
            figures["integrity_failures"] += 1
            problems.append(f"trial {trial}: integrity_check: {integrity}")
        for (k, m, a) in acknowledged:
            if not acknowledged_present(query, k, m, a, work):
                figures["lost_acknowledged"] += 1
                problems.append(f"trial {trial}: acknowledged {k} {m} is missing")
        acknowledged = [x for x in acknowledged if x[0] not in ("backup",)]  # backups checked once
        halves = half_states(query)
        if halves:
            figures["half_states"] += len(halves)
            problems.extend(f"trial {trial}: {h}" for h in halves)
        # One audit row per write whose effect is in the database, none for the others.
        effects = sum(1 for (k, m, a) in attempted if acknowledged_present(query, k, m, a, work))
        audit_rows = query("SELECT count(*) FROM audit")[0][0]
        if audit_rows != baseline_audit + effects:
            figures["audit_mismatches"] += 1
            problems.append(f"trial {trial}: {audit_rows} audit rows, expected {baseline_audit} + {effects} writes present")
        if has_verify:
            v = varsel("audit", "verify")
            if v.returncode != 0:
                figures["verify_failures"] += 1
                problems.append(f"trial {trial}: audit verify: {v.stdout.strip()[:200]} {v.stderr.strip()[:200]}")

    for trial in range(args.trials):
        marker = f"crash-{seed}-{trial}"
        kind = rnd.choice(["notice", "notice", "event", "object", "handle", "terminate", "withdraw", "import", "backup"]
                          + (["workbench", "workbench"] if tmux else []))
        argv = None
        if kind == "workbench" and agenda_deadlines():
            if baseline_audit is None:
                baseline_audit = query("SELECT count(*) FROM audit")[0][0]
            attempted.append((kind, marker, None))
            outcome = tmux.handle_and_kill(marker, rnd.uniform(0, tmux.max_delay))
            figures["trials"] += 1
            figures["workbench"] += 1
            if outcome == "saved":
                figures["completed"] += 1
                acknowledged.append((kind, marker, None))
            elif outcome == "killed":
                figures["killed"] += 1
            else:
                figures["failed_exit"] += 1
                problems.append(f"trial {trial}: workbench: {outcome}")
            check(trial)
            if len(problems) > 20:
                break
            continue
        if kind == "workbench":
            kind = "notice"
        if kind == "notice":
            argv = ["notice", "add", "pureservice", "--kind", "sub_processor_added", "--summary", marker,
                    "--sub-name", f"Sub {marker}", "--sub-country", "SE"]
        elif kind == "event":
            argv = ["event", "pureservice", "--kind", "downtime", "--description", marker]
        elif kind == "object":
            notices = open_notices()
            if notices:
                argv = ["object", rnd.choice(notices), "--grounds", marker]
        elif kind == "handle":
            deadlines = open_deadlines()
            if deadlines:
                argv = ["handle", rnd.choice(deadlines), "--note", marker]
        elif kind == "terminate":
            agreements = terminable()
            if agreements:
                argv = ["terminate", rnd.choice(agreements), "--by", rnd.choice(["us", "them"]), "--note", marker]
        elif kind == "withdraw":
            terminations = withdrawable()
            if terminations:
                argv = ["termination", "withdraw", rnd.choice(terminations), "--note", marker]
        elif kind == "import":
            path = os.path.join(work, f"{marker}.json")
            with open(path, "w") as f:
                json.dump({"format": "varsel-portfolio", "formatVersion": 1,
                           "parties": [{"id": f"party-{marker}", "name": marker, "country": "SE"}]}, f)
            argv = ["import", "--merge", path]
        elif kind == "backup":
            argv = ["backup", os.path.join(work, f"{marker}.bk")]
        if argv is None:
            kind, argv = "notice", ["notice", "add", "pureservice", "--kind", "terms_changed", "--summary", marker, "--effective", "2027-01-31"]

        if baseline_audit is None:
            baseline_audit = query("SELECT count(*) FROM audit")[0][0]
        if kind != "backup":
            attempted.append((kind, marker, argv))
        p = subprocess.Popen([args.bin, *argv, "--db", db], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        delay = rnd.uniform(0, args.max_delay)
        try:
            out, err = p.communicate(timeout=delay)
            finished = True
        except subprocess.TimeoutExpired:
            finished = False
        if not finished:
            p.send_signal(signal.SIGKILL)
            out, err = p.communicate()
        figures["trials"] += 1
        if p.returncode == 0:
            figures["completed"] += 1
            acknowledged.append((kind, marker, argv))
        elif p.returncode == -signal.SIGKILL:
            figures["killed"] += 1
        else:
            figures["failed_exit"] += 1
            problems.append(f"trial {trial}: {' '.join(argv)} exited {p.returncode}: {err.strip()[:300]}")

        check(trial)
        if len(problems) > 20:
            break

    audit_rows = query("SELECT count(*) FROM audit")[0][0]
    print(f"crash: seed {seed}, kill within {args.max_delay * 1000:.0f} ms, {figures['trials']} trials: {figures['killed']} killed mid-command, "
          f"{figures['completed']} completed, {figures['failed_exit']} failed with an error; "
          f"{figures['integrity_failures']} integrity failures, {figures['lost_acknowledged']} acknowledged writes lost, "
          f"{figures['half_states']} half-states, {figures['audit_mismatches']} audit count mismatches"
          + (f", {figures['verify_failures']} audit verify failures" if has_verify else " (no `audit verify` in this build: rows checked by count)")
          + f"; {audit_rows} audit rows"
          + (f"; {figures['workbench']} of the trials were workbench saves in tmux" if tmux else "; no tmux: no workbench trials"))
    for line in problems[:20]:
        print("crash: FAIL:", line)
    if tmux:
        tmux.close()
    subprocess.run(["rm", "-rf", work])
    sys.exit(1 if problems else 0)


def acknowledged_present(query, kind, marker, argv, work):
    """The record and audit row of a command that exited 0."""
    if kind == "notice":
        rows = query("SELECT id FROM change_notices WHERE summary = ?", (marker,))
        return len(rows) == 1 and query("SELECT count(*) FROM audit WHERE entity_id = ? AND action = 'record_change_notice'", (rows[0][0],))[0][0] == 1
    if kind == "event":
        rows = query("SELECT id FROM events WHERE description = ?", (marker,))
        return len(rows) == 1 and query("SELECT count(*) FROM audit WHERE entity_id = ?", (rows[0][0],))[0][0] == 1
    if kind == "object":
        rows = query("SELECT id FROM objections WHERE grounds = ?", (marker,))
        return len(rows) == 1 and query("SELECT count(*) FROM audit WHERE action = 'record_objection' AND summary LIKE ?", (f"%{argv[1]}%",))[0][0] >= 1
    if kind == "handle":
        rows = query("SELECT state, handled_note FROM deadlines WHERE id = ?", (argv[1],))
        return rows == [("handled", marker)] and query("SELECT count(*) FROM audit WHERE entity_id = ?", (argv[1],))[0][0] >= 1
    if kind == "terminate":
        # A later withdrawal appends "Withdrawn: …" to the note on a new line.
        rows = query("SELECT id FROM terminations WHERE note = ? OR note LIKE ?", (marker, marker + "\n%"))
        return len(rows) == 1 and query("SELECT count(*) FROM audit WHERE entity_id = ?", (rows[0][0],))[0][0] >= 1
    if kind == "withdraw":
        rows = query("SELECT withdrawn_date FROM terminations WHERE id = ?", (argv[2],))
        return rows != [] and rows[0][0] is not None and query(
            "SELECT count(*) FROM audit WHERE entity_id = ? AND summary LIKE ?", (argv[2], f"%{marker}%"))[0][0] == 1
    if kind == "workbench":
        rows = query("SELECT id FROM deadlines WHERE state = 'handled' AND handled_note = ?", (marker,))
        return len(rows) == 1 and query("SELECT count(*) FROM audit WHERE entity_id = ?", (rows[0][0],))[0][0] >= 1
    if kind == "import":
        parties = query("SELECT count(*) FROM parties WHERE id = ?", (f"party-{marker}",))[0][0]
        audits = query("SELECT count(*) FROM audit WHERE action = 'import' AND entity_id = ?", (f"{marker}.json",))[0][0]
        return parties == 1 and audits == 1
    if kind == "backup":
        path = os.path.join(work, f"{marker}.bk")
        if not os.path.exists(path):
            return False
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        finally:
            con.close()
    return True


def half_states(query):
    """Records without their audit row or their deadline, objections on notices not objected."""
    out = []
    for (nid,) in query("SELECT id FROM change_notices n WHERE summary LIKE 'crash-%' AND NOT EXISTS "
                        "(SELECT 1 FROM audit a WHERE a.entity_id = n.id AND a.action = 'record_change_notice')"):
        out.append(f"change notice {nid} without its audit row")
    for (nid,) in query("SELECT id FROM change_notices n WHERE summary LIKE 'crash-%' AND kind = 'sub_processor_added' AND NOT EXISTS "
                        "(SELECT 1 FROM deadlines d WHERE d.source_id = n.id)"):
        out.append(f"change notice {nid} without its deadline")
    for (eid,) in query("SELECT id FROM events e WHERE description LIKE 'crash-%' AND NOT EXISTS "
                        "(SELECT 1 FROM deadlines d WHERE d.source_id = e.id)"):
        out.append(f"event {eid} without its deadline")
    for (eid,) in query("SELECT id FROM events e WHERE description LIKE 'crash-%' AND NOT EXISTS "
                        "(SELECT 1 FROM audit a WHERE a.entity_id = e.id)"):
        out.append(f"event {eid} without its audit row")
    for (oid, status) in query("SELECT o.id, n.status FROM objections o JOIN change_notices n ON n.id = o.change_notice_id "
                               "WHERE n.status != 'objected'"):
        out.append(f"objection {oid} on a notice that is {status}")
    for (nid,) in query("SELECT n.id FROM change_notices n WHERE n.status = 'objected' AND NOT EXISTS "
                        "(SELECT 1 FROM objections o WHERE o.change_notice_id = n.id)"):
        out.append(f"notice {nid} objected without an objection")
    for (pid,) in query("SELECT id FROM parties p WHERE id LIKE 'party-crash-%' AND NOT EXISTS "
                        "(SELECT 1 FROM audit a WHERE a.action = 'import' AND a.entity_id = substr(p.id, 7) || '.json')"):
        out.append(f"imported party {pid} without its import audit row")
    for (did,) in query("SELECT id FROM deadlines WHERE state = 'handled' AND handled_note LIKE 'crash-%' AND id NOT IN "
                        "(SELECT entity_id FROM audit)"):
        out.append(f"deadline {did} handled without its audit row")
    for (tid,) in query("SELECT id FROM terminations t WHERE note LIKE 'crash-%' AND NOT EXISTS "
                        "(SELECT 1 FROM audit a WHERE a.entity_id = t.id)"):
        out.append(f"termination {tid} without its audit row")
    for (tid, status) in query("SELECT t.id, a.status FROM terminations t JOIN agreements a ON a.id = t.agreement_id "
                               "WHERE t.note LIKE 'crash-%' AND t.withdrawn_date IS NULL AND a.status NOT IN ('terminating', 'ended')"):
        out.append(f"termination {tid} standing while its agreement is {status}")
    return out


class TmuxWorkbench:
    """The real workbench in a tmux pane: mark the top agenda deadline handled with a note, kill -9."""

    def __init__(self, binary, db, work, env):
        self.binary, self.db, self.env = binary, db, env
        self.sock = f"varsel-crash-{os.getpid()}"
        self.max_delay = 0.4

    @staticmethod
    def available():
        return subprocess.run(["sh", "-c", "command -v tmux"], capture_output=True).returncode == 0

    def tmux(self, *a):
        return subprocess.run(["tmux", "-L", self.sock, *a], capture_output=True, text=True)

    def screen(self):
        return self.tmux("capture-pane", "-p", "-t", "wb").stdout

    def wait_for(self, text, timeout=15):
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if text in self.screen():
                return True
            time.sleep(0.02)
        return False

    def handle_and_kill(self, marker, delay):
        self.tmux("kill-server")
        cmd = f"env VARSEL_TODAY={TODAY} USER=crash TERM=xterm-256color LANG=C.UTF-8 {self.binary} --db {self.db}"
        self.tmux("new-session", "-d", "-s", "wb", "-x", "140", "-y", "40", cmd)
        if not self.wait_for("Agenda"):
            return "the workbench did not start: " + self.screen()[-300:]
        pid = int(self.tmux("list-panes", "-t", "wb", "-F", "#{pane_pid}").stdout.split()[0])
        self.tmux("send-keys", "-t", "wb", "x")
        if not self.wait_for("Mark deadline handled"):
            os.kill(pid, signal.SIGKILL)
            return "x did not open the form: " + self.screen()[-300:]
        self.tmux("send-keys", "-t", "wb", "-l", marker)
        if not self.wait_for(marker):
            os.kill(pid, signal.SIGKILL)
            return "the note was not typed: " + self.screen()[-300:]
        self.tmux("send-keys", "-t", "wb", "C-s")
        time.sleep(delay)  # the random moment of the kill, not a wait for the app
        saved = "Deadline handled:" in self.screen()
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.tmux("kill-server")
        return "saved" if saved else "killed"

    def close(self):
        self.tmux("kill-server")


if __name__ == "__main__":
    main()
