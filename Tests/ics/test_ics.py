"""Parses `varsel calendar` output with the real `icalendar` package (PyPI).

Run: VARSEL_BIN=.build/debug/varsel python3 -m pytest Tests/ics -q
"""
import datetime
import json
import os
import subprocess

import pytest
from icalendar import Calendar

BIN = os.environ.get("VARSEL_BIN", ".build/debug/varsel")
TODAY = "2026-11-23"


def run(*args):
    return subprocess.run([BIN, *args], check=True, capture_output=True).stdout


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("ics") / "demo.sqlite")
    run("demo", "--db", path, "--today", TODAY)
    return path


def calendar(db, *extra):
    return Calendar.from_ical(run("calendar", "--db", db, "--today", TODAY, "--within", "365", *extra))


def test_every_event_is_on_its_act_by_day(db):
    deadlines = json.loads(run("deadlines", "--db", db, "--today", TODAY, "--within", "365", "--format", "json"))
    assert deadlines, "the demo has open deadlines"
    events = calendar(db).walk("VEVENT")
    by_uid = {str(e["UID"]): e for e in events}
    assert len(events) == len(deadlines) == len(by_uid)
    for d in deadlines:
        e = by_uid[d["id"] + "@varsel"]
        start = e["DTSTART"].dt
        assert type(start) is datetime.date, "all-day event"
        assert start.isoformat() == d["actByDate"]
        assert e["DTEND"].dt == start + datetime.timedelta(days=1)
        assert d["what"] in str(e["SUMMARY"])
        assert d["agreement"] in str(e["DESCRIPTION"])
        assert d["rule"] in str(e["DESCRIPTION"])


def test_uids_unique_and_stable(db):
    first = [str(e["UID"]) for e in calendar(db).walk("VEVENT")]
    second = [str(e["UID"]) for e in calendar(db).walk("VEVENT")]
    assert len(set(first)) == len(first)
    assert first == second


def test_alarm_default_and_configured(db):
    for args, days in (((), 7), (("--alarm-days", "3"), 3)):
        for e in calendar(db, *args).walk("VEVENT"):
            alarms = e.walk("VALARM")
            assert len(alarms) == 1
            assert str(alarms[0]["ACTION"]) == "DISPLAY"
            assert alarms[0]["TRIGGER"].dt == -datetime.timedelta(days=days)


def test_lines_are_crlf_and_folded(db):
    raw = run("calendar", "--db", db, "--today", TODAY, "--within", "365")
    assert raw.endswith(b"END:VCALENDAR\r\n")
    for line in raw.split(b"\r\n"):
        assert b"\n" not in line
        assert len(line) <= 75
        line.decode("utf-8")  # no UTF-8 sequence split by folding
