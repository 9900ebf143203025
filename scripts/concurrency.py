#!/usr/bin/env python3
"""Concurrency test (issue 15, docs/reliability.md): N command-line writers on one database.

Each writer records change notices (`varsel notice add`) in a loop for the given time. Then:
successful commands must equal the notices stored and their audit rows (no lost or phantom
writes), every acknowledged notice must be there exactly once, integrity_check must pass, and
no "database is locked" (or a false "not a Varsel database") may reach a user. Prints the
figures; exits 1 on any failure.

  scripts/concurrency.py --writers 8 --seconds 30   # the long run (docs/reliability.md)
  scripts/concurrency.py --writers 8 --seconds 10   # the short run in scripts/test
"""
import argparse
import os
import sqlite3
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
    ap.add_argument("--bin", default=os.environ.get("VARSEL_BIN", os.path.join(os.path.dirname(__file__), "..", ".build", "debug", "varsel")))
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="varsel-conc-")
    db = os.path.join(work, "conc.sqlite")
    env = dict(os.environ, USER="conc", VARSEL_TODAY=TODAY)
    env.pop("VARSEL_DB", None)
    r = subprocess.run([args.bin, "demo", "--db", db], env=env, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"concurrency: cannot create the demo database: {r.stderr}")

    lock = threading.Lock()
    acknowledged, failures, surfaced = [], [], []
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
                else:
                    failures.append((marker, p.returncode, p.stderr.strip()))
                    if "locked" in p.stderr or "busy" in p.stderr or "not a Varsel database" in p.stderr:
                        surfaced.append(p.stderr.strip().splitlines()[0] if p.stderr.strip() else "")

    threads = [threading.Thread(target=writer, args=(w,)) for w in range(args.writers)]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - started

    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    rows = dict(con.execute("SELECT summary, count(*) FROM change_notices WHERE summary LIKE 'conc-%' GROUP BY summary").fetchall())
    audit = con.execute("SELECT count(*) FROM audit a JOIN change_notices n ON n.id = a.entity_id "
                        "WHERE a.action = 'record_change_notice' AND n.summary LIKE 'conc-%'").fetchone()[0]
    integrity = con.execute("PRAGMA integrity_check").fetchone()[0]
    con.close()
    lost = [m for m in acknowledged if rows.get(m) != 1]
    phantom = [m for m in rows if m not in set(acknowledged)]
    ok = not lost and not phantom and audit == len(acknowledged) and integrity == "ok" and not surfaced and not failures
    print(f"concurrency: {args.writers} writers for {elapsed:.1f} s: {len(acknowledged) + len(failures)} commands, "
          f"{len(acknowledged)} succeeded ({len(acknowledged) / elapsed:.1f}/s), {len(failures)} failed, "
          f"{len(surfaced)} \"locked\" errors surfaced; rows {sum(rows.values())}, audit rows {audit}, "
          f"lost {len(lost)}, phantom {len(phantom)}, integrity {integrity}")
    for marker, code, err in failures[:5]:
        print(f"concurrency: FAIL: {marker} exited {code}: {err[:300]}")
    for m in lost[:5]:
        print(f"concurrency: FAIL: acknowledged {m} is missing or duplicated")
    subprocess.run(["rm", "-rf", work])
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
