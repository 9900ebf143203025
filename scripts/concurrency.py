#!/usr/bin/env python3
"""Concurrency test (issue 15, docs/reliability.md): N command-line writers on one database.

Each writer records change notices (`varsel notice add`) in a loop for the given time. Then:
successful commands must equal the notices stored and their audit rows (no lost or phantom
writes), every acknowledged notice must be there exactly once, integrity_check must pass, and
no "database is locked" (or a false "not a Varsel database") may reach a user. Prints the
figures; exits 1 on any failure.

With tmux on the machine a workbench runs on the same file in a tmux pane, its Notices view
filtered to "probe-": a probe records a notice every ~1.5 s while the writers run, and the time
from the probe's command returning to its marker appearing on the workbench screen is measured
(must be under --max-latency, default 2 s, for every probe; the workbench polls every 250 ms). The workbench must still be running at the end, with no error line.

  scripts/concurrency.py --writers 8 --seconds 30   # the long run (docs/reliability.md)
  scripts/concurrency.py --writers 8 --seconds 10   # the short run in scripts/test

With --db postgres://… (or --postgres, which takes $VARSEL_TEST_POSTGRES_URL as set by
`scripts/postgres-server run`) the same run goes to a fresh schema of that PostgreSQL database
(docs/teams.md): rows and audit rows are counted with psql, the audit chain is checked with
`varsel audit verify`, and the only error a writer may see is the documented conflict message
("… since you opened it"). The workbench's latency is printed as p50/p99/max.
"""
import argparse
import os
import sqlite3
import urllib.parse
import subprocess
import sys
import tempfile
import threading
import time

TODAY = "2026-11-23"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--writers", type=int, default=8)
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--no-workbench", action="store_true", help="only the command-line writers")
    ap.add_argument("--max-latency", type=float, default=2.0,
                    help="longest time, seconds, a write may take to appear on the workbench (it polls every 250 ms)")
    ap.add_argument("--bin", default=os.environ.get("VARSEL_BIN", os.path.join(os.path.dirname(__file__), "..", ".build", "debug", "varsel")))
    ap.add_argument("--db", help="a postgres:// URL: run against a fresh schema of that database instead of an SQLite file")
    ap.add_argument("--postgres", action="store_true", help="--db $VARSEL_TEST_POSTGRES_URL (scripts/postgres-server run)")
    args = ap.parse_args()
    if args.postgres:
        args.db = os.environ.get("VARSEL_TEST_POSTGRES_URL") or sys.exit("concurrency: --postgres needs VARSEL_TEST_POSTGRES_URL (run under scripts/postgres-server run)")
    work = tempfile.mkdtemp(prefix="varsel-conc-")
    env = dict(os.environ, USER="conc", VARSEL_TODAY=TODAY)
    env.pop("VARSEL_DB", None)
    pg = Postgres(args.db) if args.db else None
    db = pg.url if pg else os.path.join(work, "conc.sqlite")
    r = subprocess.run([args.bin, "demo", "--db", db], env=env, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"concurrency: cannot create the demo database: {r.stderr}")

    lock = threading.Lock()
    acknowledged, failures, surfaced, conflicts = [], [], [], []
    deadline = time.monotonic() + args.seconds

    def writer(w):
        i = 0
        while time.monotonic() < deadline:
            marker = f"conc-{w}-{i}"
            i += 1
            p = subprocess.run([args.bin, "notice", "add", "pureservice", "--kind", "terms_changed", "--summary", marker, "--effective", "2027-01-31", "--db", db],
                               env=env, capture_output=True, text=True)
            with lock:
                if p.returncode == 0:
                    acknowledged.append(marker)
                elif CONFLICT in p.stderr:
                    conflicts.append(marker)
                else:
                    failures.append((marker, p.returncode, p.stderr.strip()))
                    if "locked" in p.stderr or "busy" in p.stderr or "not a Varsel database" in p.stderr:
                        surfaced.append(p.stderr.strip().splitlines()[0] if p.stderr.strip() else "")

    wb = Workbench(args.bin, db, env) if Workbench.available() and not args.no_workbench else None
    latencies, wb_problems = [], []
    if wb:
        problem = wb.start()
        if problem:
            wb_problems.append(problem)
            wb = None

    def probe():
        k = 0
        while time.monotonic() < deadline - 1.5:
            marker = f"probe-{k:03d}"
            k += 1
            p = subprocess.run([args.bin, "notice", "add", "pureservice", "--kind", "terms_changed", "--summary", marker, "--effective", "2027-01-31", "--db", db],
                               env=env, capture_output=True, text=True)
            acked_at = time.monotonic()
            with lock:
                if p.returncode == 0:
                    acknowledged.append(marker)
                else:
                    failures.append((marker, p.returncode, p.stderr.strip()))
                    continue
            seen = wb.wait_for(marker, timeout=5)
            if seen is None:
                wb_problems.append(f"{marker} not on the workbench screen after 5 s")
            else:
                latencies.append(seen - acked_at)
            time.sleep(max(0, 1.5 - (time.monotonic() - acked_at)))

    threads = [threading.Thread(target=writer, args=(w,)) for w in range(args.writers)]
    if wb:
        threads.append(threading.Thread(target=probe))
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - started

    rows_sql = "SELECT summary, count(*) FROM change_notices WHERE summary LIKE 'conc-%' OR summary LIKE 'probe-%' GROUP BY summary"
    audit_sql = ("SELECT count(*) FROM audit a JOIN change_notices n ON n.id = a.entity_id "
                 "WHERE a.action = 'record_change_notice' AND (n.summary LIKE 'conc-%' OR n.summary LIKE 'probe-%')")
    if pg:
        rows = {r[0]: int(r[1]) for r in pg.query(rows_sql)}
        audit = int(pg.query(audit_sql)[0][0])
        v = subprocess.run([args.bin, "audit", "verify", "--db", db], env=env, capture_output=True, text=True)
        integrity = "ok" if v.returncode == 0 else ("audit verify failed: " + (v.stdout + v.stderr).strip()[:300])
    else:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        rows = dict(con.execute(rows_sql).fetchall())
        audit = con.execute(audit_sql).fetchone()[0]
        integrity = con.execute("PRAGMA integrity_check").fetchone()[0]
        con.close()
    lost = [m for m in acknowledged if rows.get(m) != 1]
    phantom = [m for m in rows if m not in set(acknowledged)]
    if wb:
        screen = wb.screen()
        if "Notices" not in screen and "Kind" not in screen:
            wb_problems.append("the workbench is no longer showing its Notices view: " + screen[-300:])
        if "rror" in screen or "Cannot" in screen:
            wb_problems.append("the workbench shows an error: " + screen[-300:])
        if latencies and max(latencies) >= args.max_latency:
            wb_problems.append(f"a colleague's write took {max(latencies):.2f} s to appear (must be under {args.max_latency:g} s)")
        wb.close()
    ok = (not lost and not phantom and audit == len(acknowledged) and integrity == "ok" and not surfaced and not failures
          and not wb_problems)
    backend = "PostgreSQL" if pg else "SQLite"
    print(f"concurrency ({backend}): {args.writers} writers for {elapsed:.1f} s: {len(acknowledged) + len(failures) + len(conflicts)} commands, "
          f"{len(acknowledged)} succeeded ({len(acknowledged) / elapsed:.1f}/s), {len(failures)} failed, "
          f"{len(conflicts)} refused with the conflict message, "
          f"{len(surfaced)} \"locked\" errors surfaced; rows {sum(rows.values())}, audit rows {audit}, "
          f"lost {len(lost)}, phantom {len(phantom)}, integrity {integrity}")
    if wb or wb_problems:
        lat = sorted(latencies)
        print(f"concurrency: workbench in tmux on the same database: {len(lat)} probe writes seen, "
              + (f"latency p50 {lat[len(lat) // 2] * 1000:.0f} ms, p99 {lat[min(len(lat) - 1, (len(lat) * 99) // 100)] * 1000:.0f} ms, "
                 f"max {lat[-1] * 1000:.0f} ms" if lat else "none seen")
              + f", {len(wb_problems)} problems")
    elif not args.no_workbench:
        print("concurrency: no tmux on this machine: the workbench part was not run")
    for line in wb_problems[:5]:
        print(f"concurrency: FAIL: workbench: {line}")
    for marker, code, err in failures[:5]:
        print(f"concurrency: FAIL: {marker} exited {code}: {err[:300]}")
    for m in lost[:5]:
        print(f"concurrency: FAIL: acknowledged {m} is missing or duplicated")
    subprocess.run(["rm", "-rf", work])
    if pg:
        pg.drop()
    sys.exit(0 if ok else 1)


# The one error a writer may meet on a shared database (docs/teams.md): a record changed since it was read.
CONFLICT = "since you opened it"


class Postgres:
    """A fresh schema of the server at `base` (dropped at the end), queried with psql."""

    def __init__(self, base):
        self.base = base
        self.schema = f"conc_{os.getpid()}_{int(time.time())}"
        sep = "&" if "?" in base else "?"
        self.url = base + sep + "options=" + urllib.parse.quote(f"-csearch_path={self.schema}", safe="")
        self.psql(base, f"CREATE SCHEMA {self.schema}")

    @staticmethod
    def psql(url, sql):
        r = subprocess.run(["psql", "-X", "-q", "-At", "-F", "\t", url, "-c", sql], capture_output=True, text=True)
        if r.returncode != 0:
            sys.exit(f"concurrency: psql failed: {r.stderr.strip()}")
        return [line.split("\t") for line in r.stdout.splitlines() if line]

    def query(self, sql):
        return self.psql(self.url, sql)

    def drop(self):
        self.psql(self.base, f"DROP SCHEMA {self.schema} CASCADE")


class Workbench:
    """The real workbench in a tmux pane on the same database, Notices view filtered to "probe-"."""

    def __init__(self, binary, db, env):
        self.binary, self.db, self.env = binary, db, env
        self.sock = f"varsel-conc-{os.getpid()}"

    @staticmethod
    def available():
        return subprocess.run(["sh", "-c", "command -v tmux"], capture_output=True).returncode == 0

    def tmux(self, *a):
        return subprocess.run(["tmux", "-L", self.sock, *a], capture_output=True, text=True)

    def screen(self):
        return self.tmux("capture-pane", "-p", "-t", "wb").stdout

    def wait_for(self, text, timeout=15):
        """The monotonic time the text was first seen, or None."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if text in self.screen():
                return time.monotonic()
            time.sleep(0.02)
        return None

    def start(self):
        cmd = f"env VARSEL_TODAY={TODAY} USER=conc TERM=xterm-256color LANG=C.UTF-8 {self.binary} --db '{self.db}'"
        self.tmux("new-session", "-d", "-s", "wb", "-x", "140", "-y", "45", cmd)
        if self.wait_for("Agenda") is None:
            return "the workbench did not start: " + self.screen()[-300:]
        self.tmux("send-keys", "-t", "wb", "4")
        if self.wait_for("Kind") is None:
            return "4 did not open the Notices view: " + self.screen()[-300:]
        self.tmux("send-keys", "-t", "wb", "/")
        self.tmux("send-keys", "-t", "wb", "-l", "probe-")
        self.tmux("send-keys", "-t", "wb", "Enter")
        if self.wait_for("No notice matches") is None:
            return "the filter probe- did not apply: " + self.screen()[-300:]
        return None

    def close(self):
        self.tmux("kill-server")


if __name__ == "__main__":
    main()
