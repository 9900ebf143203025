#!/usr/bin/env python3
"""Mutation fuzzing of the import path and the period parser, in-process (docs/reliability.md).

Mutates seeds (small portfolio documents cut from the demo export, a hand-written YAML file, alias
and nesting bombs, period texts) and feeds them to `varsel-fuzz --stream`, which runs each input
through what `varsel import --dry-run` does (parse, validate, plan against an empty database) or
through `Period.parse`. A crash (the process dies) or a hang (no answer within --timeout seconds)
is recorded with its input under --crashes, and the driver is restarted. Prints the figures: inputs,
crashes, hangs and the exit codes seen. Exits 1 if anything crashed or hung.

  scripts/fuzz-import.py --inputs 100000            # the long run
  scripts/fuzz-import.py --seconds 60 --seed 1      # the short run in scripts/test
"""
import argparse
import collections
import json
import os
import random
import struct
import subprocess
import sys
import tempfile
import time

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")

TOKENS = [b"{", b"}", b"[", b"]", b",", b":", b"\"", b"\\", b"\\u0000", b"\\ud800", b"null", b"true", b"-1", b"0",
          b"1e309", b"99999999999999999999", b"-9223372036854775808", b"2026-02-30", b"0000-00-00", b"9999-12-31",
          b"&a ", b"*a", b"!!binary ", b"!!python/object ", b"? ", b"- ", b"\n  ", b"\t", b"\x00", b"\xff", b"\xc3\x28",
          b"\xe2\x80\xae", b"\x1b[2J", b"\xc2\x9b", "🇸🇪".encode(), b"formatVersion", b"agreementId", b"parentId",
          b"period", b"working_days", b"months", b"hours", b"\"unit\": \"years\"", b"\"value\": 100000"]
PERIODS = ["14 days", "4 weeks", "3 months", "1 year", "20 working days", "24 hours", "0 days", "-1 months",
           "999999999999 years", "3 månader", "tre måneder", "1½ years", "2 arbetsdagar", "", " ", "10 virkedage"]


def seeds(binary):
    """Small documents cut from the demo export, a YAML document, bombs, periods."""
    work = tempfile.mkdtemp(prefix="varsel-fuzzseed-")
    db = os.path.join(work, "demo.sqlite")
    env = dict(os.environ, VARSEL_TODAY="2026-11-23")
    env.pop("VARSEL_DB", None)
    subprocess.run([binary, "demo", "--db", db], env=env, check=True, capture_output=True)
    doc = json.loads(subprocess.run([binary, "export", "--db", db], env=env, check=True, capture_output=True).stdout)
    subprocess.run(["rm", "-rf", work])
    out = []
    for agreement in doc["agreements"]:
        aid = agreement["id"]
        small = {"format": "varsel-portfolio", "formatVersion": 1,
                 "parties": [p for p in doc["parties"] if p["id"] in (agreement.get("counterpartyId"), agreement.get("ourPartyId"))],
                 "agreements": [dict(agreement, parentId=None) if agreement.get("parentId") else agreement]}
        small["agreements"][0].pop("parentId", None)
        for table in ["versions", "clauses", "noticeRules", "subProcessors", "changeNotices", "events", "deadlines"]:
            small[table] = [r for r in doc.get(table, []) if r.get("agreementId") == aid][:4]
        notices = {n["id"] for n in small["changeNotices"]}
        small["objections"] = [o for o in doc.get("objections", []) if o["changeNoticeId"] in notices]
        small["deadlines"] = [d for d in small["deadlines"] if d["sourceKind"] in ("term", "changeNotice", "event")]
        out.append(b"\x00" + json.dumps(small, ensure_ascii=False).encode())
    yaml = ("format: varsel-portfolio\nformatVersion: 1\nparties:\n  - {id: p, name: \"Pureservice AS\", country: \"NO\"}\n"
            "  - &us {id: us, name: Vi}\nagreements:\n  - id: a\n    title: Avtal\n    kind: service_agreement\n"
            "    counterpartyId: p\n    ourRole: customer\n    language: nb\n    governingLaw: Norwegian law\n"
            "    calendar: \"no\"\n    effectiveDate: 2024-08-01\n    term: {kind: indefinite, noticePeriod: {value: 3, unit: months}}\n"
            "noticeRules:\n  - id: r1\n    agreementId: a\n    title: Object\n    trigger: change_notice_received\n"
            "    changeKinds: [sub_processor_added]\n    period: {value: 4, unit: weeks}\n    direction: after\n    actor: us\n")
    out.append(b"\x64" + yaml.encode())
    bomb = ["format: varsel-portfolio", "formatVersion: 1", "a0: &a0 [lol,lol,lol,lol]"]
    bomb += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 6) + "]" for i in range(1, 9)]
    out.append(b"\x64" + ("\n".join(bomb) + "\nparties: *a8\n").encode())
    out.append(b"\x00" + b"[" * 600 + b"]" * 600)
    out += [b"\xc8" + p.encode() for p in PERIODS]
    return out


def mutate(rnd, data, pool):
    data = bytearray(data)
    for _ in range(rnd.randint(1, 6)):
        op = rnd.randrange(9)
        pos = rnd.randrange(len(data) + 1)
        if op == 0 and len(data) > 1:
            data[rnd.randrange(1, len(data))] ^= 1 << rnd.randrange(8)
        elif op == 1:
            data[pos:pos] = bytes(rnd.randrange(256) for _ in range(rnd.randint(1, 8)))
        elif op == 2 and len(data) > 2:
            end = min(len(data), pos + rnd.randint(1, 64))
            del data[max(1, pos):end]
        elif op == 3:
            data[pos:pos] = rnd.choice(TOKENS)
        elif op == 4 and len(data) > 2:
            a = rnd.randrange(1, len(data)); b = min(len(data), a + rnd.randint(1, 200))
            data[pos:pos] = data[a:b] * rnd.randint(1, 4)
        elif op == 5 and len(data) > 2:
            del data[rnd.randrange(1, len(data)):]
        elif op == 6:
            other = rnd.choice(pool)
            a = rnd.randrange(len(other)); data[pos:] = other[a:]
        elif op == 7 and len(data) > 1:
            # Replace a number with an extreme one.
            data[pos:pos] = rnd.choice([b"0", b"-1", b"2147483648", b"1e400", b"0.5", b"65536"])
        elif op == 8 and len(data) > 0:
            data[0] = rnd.choice([0, 100, 200])
    return bytes(data[: 256 * 1024])


class Driver:
    def __init__(self, binary):
        self.binary = binary
        self.start()

    def start(self):
        self.p = subprocess.Popen([self.binary, "--stream"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)

    def run(self, data, timeout):
        """Outcome line, "crash" or "hang"."""
        try:
            self.p.stdin.write(struct.pack("<I", len(data)) + data)
            self.p.stdin.flush()
        except BrokenPipeError:
            return self.restart("crash")
        import select
        ready, _, _ = select.select([self.p.stdout], [], [], timeout)
        if not ready:
            return self.restart("hang")
        line = self.p.stdout.readline()
        if not line:
            return self.restart("crash")
        return line.decode().strip()

    def restart(self, what):
        self.p.kill()
        self.p.wait()
        self.start()
        return what

    def close(self):
        self.p.stdin.close()
        self.p.wait()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--inputs", type=int, default=100_000)
    ap.add_argument("--seconds", type=float, default=None, help="stop after this long instead")
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--timeout", type=float, default=10.0, help="seconds before an input counts as a hang")
    ap.add_argument("--bin", default=os.environ.get("VARSEL_BIN", os.path.join(ROOT, ".build", "debug", "varsel")))
    ap.add_argument("--fuzz-bin", default=os.path.join(ROOT, ".build", "debug", "varsel-fuzz"))
    ap.add_argument("--crashes", default=os.path.join(ROOT, "Fuzz", "found"))
    args = ap.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    rnd = random.Random(seed)
    pool = seeds(args.bin)
    driver = Driver(args.fuzz_bin)
    outcomes = collections.Counter()
    found = []
    started = time.monotonic()
    n = 0
    for s in pool:
        outcomes[driver.run(s, args.timeout)] += 1
        n += 1
    while n < args.inputs if args.seconds is None else time.monotonic() - started < args.seconds:
        data = mutate(rnd, rnd.choice(pool), pool)
        outcome = driver.run(data, args.timeout)
        outcomes[outcome] += 1
        n += 1
        if outcome in ("crash", "hang"):
            os.makedirs(args.crashes, exist_ok=True)
            path = os.path.join(args.crashes, f"{outcome}-{seed}-{n}.bin")
            with open(path, "wb") as f:
                f.write(data)
            found.append(path)
        elif outcome.startswith("0") and rnd.random() < 0.05 and len(pool) < 400:
            pool.append(data)   # keep some accepted inputs as new seeds
    driver.close()
    elapsed = time.monotonic() - started
    codes = ", ".join(f"{k}: {v}" for k, v in sorted(outcomes.items()) if k not in ("crash", "hang"))
    print(f"fuzz-import: seed {seed}, {n} inputs in {elapsed:.0f} s ({n / elapsed:.0f}/s): {outcomes['crash']} crashes, "
          f"{outcomes['hangs'] if 'hangs' in outcomes else outcomes['hang']} hangs; exit codes seen: {codes}")
    for path in found[:10]:
        print("fuzz-import: FOUND:", path)
    sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
