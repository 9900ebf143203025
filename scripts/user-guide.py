#!/usr/bin/env python3
"""Assembles docs/user-guide.md from docs/captures/*.txt (made by scripts/capture-views)
and docs/user-guide-keys.md (generated from the binding table)."""
import os
os.chdir(os.path.join(os.path.dirname(__file__), '..'))
cap = lambda n: open(f'docs/captures/{n}.txt').read().rstrip('\n')
keys = open('docs/user-guide-keys.md').read()
sections = [
("Agenda (1)","agenda","The landing view. Every open deadline with an act-by day up to 90 days ahead, and every overdue one, grouped Overdue / Within 14 days / Within 30 days / Within 90 days. Each row: act-by day, days left, agreement, what is due, clause. The header counts the same windows, each band on its own (0–14, 15–30, 31–90 days; `varsel check --within 30` lists overdue plus the first two bands). Under the list a preview shows the selected deadline in full — what is due, agreement, clause, who acts — and why: the same explanation the command line prints. Below 100 columns the clause column gives its width to the agreement and what is due (the preview names the clause). `Enter` opens the item's agreement at the row it came from (its rule on the Notice rules tab, or its notice); `o` on an objection deadline opens the objection form; `x` asks to mark the selected deadline handled, with an optional note of what was done (as `varsel handle --note`). `s` cycles the order within each window: act-by day, agreement, what is due. With a `/` filter set, `n` and `N` jump to the next and previous match; the change-notice form is on `c`. For a recurring duty of ours (\"every 12 months from …, occurrence k\") this opens its next occurrence, and the status line says when it falls due."),
("Agreements (2)","agreements","All agreements, ordered by name, paged from the database (only visible rows are drawn). At 120 columns or more the selected agreement's detail stands beside the list; narrower, `Enter` opens it."),
("Agreement detail — Overview","detail-overview","Parties with organisation numbers, law and holiday calendar, dates, term (with the next renewal notice day for auto-renewing agreements), parent and child agreements, open deadlines and the version log. Tabs switch with `]`/`[` (or →/←)."),
("Agreement detail — Notice rules","detail-rules","Rules in clause order (2.2, 2.9, 7.2 …). Each notice rule with its clause reference, period, who acts, flags (written form, grounds required, silence = approval), what it would give if its event happened today, and the clause text as quoted from the agreement. A recurring duty shows its next occurrence instead (the counterparty's, such as Pureservice's yearly penetration test under C.2, only here: they never become deadlines of ours). Where we are the controller, the statutory GDPR Art. 33(1) rule (72 hours to notify the supervisory authority after an incident is recorded) is listed too."),
("Agreement detail — Sub-processors","detail-subprocessors","The agreement's sub-processors with country, purpose, status and since when."),
("Agreement detail — Notices & objections","detail-notices","Change notices with their status, the deadlines they opened and any objections with their grounds and notes; termination notices with the end date and note; handled deadlines with the note recorded when they were handled."),
("Agreement detail — History","detail-history","The audit entries for the agreement and everything under it, newest first."),
("Sub-processors (3)","subprocessors","The register across all agreements, grouped by sub-processor: which agreements use a vendor, in which countries, with which status (the list names every status its uses have, objected first, so an objected vendor never looks approved)."),
("Notices (4)","notices","Change and termination notices, open ones first, with their window (act-by day and days left), `handled`, or `deemed accepted` where the agreement makes silence approval (PUB 5.2) and the window passed without objection — the workbench settles those at start and on `r`, each with an audit row. A ⚠ marks a proposed sub-processor outside the EEA under an agreement that forbids such transfers without our consent (Pureservice C.5, C.6). `s` cycles the order (open first, newest first, agreement). `u` reopens a deadline marked handled by mistake (after a confirmation; `varsel reopen DEADLINE` on the command line); a deadline closed by an objection or acceptance stays closed."),
("Help overlay (?)","help","Generated from the same binding table that drives the keys and the hint bar: it lists exactly the keys of the current context."),
("Form — record an objection (o)","form-objection","Date defaults to today. Grounds are required (and the form says so, with the clause) where the agreement demands objective grounds. `Ctrl-S` or `Enter` on the last field saves; `Esc` cancels and writes nothing (after asking, once something was typed; `Ctrl-C` in a form also asks before quitting). Errors appear next to the field. Text fields edit as in readline: ←/→, Home/End, Ctrl-A/Ctrl-E, Delete, Ctrl-W (word), Ctrl-U (to the start). Pasted text (bracketed paste, which Varsel switches on in the terminal) is inserted as text: line breaks stay in the grounds and never move to the next field or save."),
("Form — record a change notice (c)","form-change-notice","Received date, kind, channel, summary, the date the change applies (marked required, `*`, where a rule counts back from it, e.g. Mobilize Me 2.2), for sub-processor changes the proposed sub-processor, and who gave the notice (them, or us for our own changes, e.g. Mobilize Me 8.1; a rule fires only for notices given by the party it names). The deadlines the agreement's rules give (and any late-notice or outside-the-EEA warning) are shown live before saving."),
("Form — record a termination notice (t)","form-termination","Who gave notice and when and, where the agreement gives more than one, which right is used (ordinary notice, after an objection — then the change objected to —, for cause). The end date, how it was computed, agreements that end with this one and every follow-on deadline (data return, delete-or-return decision; a follow-on already past its act-by day is flagged as missed) are shown, then a confirmation step. A DPA that runs until its main agreement ends cannot be terminated on its own: terminate the main agreement."),
("Filtering (/)","filter","`/` filters the current list as you type; `Enter` keeps the filter, `Esc` clears it. In the agreements list (and in `varsel agreements --filter` and agreement names on the command line) upper and lower case match for every letter, not only A–Z: \"øre\" finds \"Øresund AB\" and \"ÅRHUS\" finds \"Århus\", while å, ä, ö, æ and ø stay letters of their own (\"a\" does not find \"å\"). The sub-processor register's filter folds case the same way (\"åbo\" finds \"Åbo Datacenter Oy\"). While a filter is set, `n` and `N` move to the next and previous match (wrapping around, as in less and vim)."),
]
out = ["# User guide: the workbench", "",
"`varsel` with no subcommand opens the workbench on the database (`--db`, `$VARSEL_DB`, or",
"`$XDG_DATA_HOME/varsel/varsel.sqlite`); `varsel --demo` opens a fresh scratch copy of the demo",
"portfolio. `--today YYYY-MM-DD` (or `$VARSEL_TODAY`) fixes the day deadlines are counted from.",
"An empty database shows how to load the demo or import a portfolio.", "",
"Layout: a header (database, today, counts per window: overdue, 0–14, 15–30 and 31–90 days — the same bands as the agenda groups; add them up to compare with `varsel check --within 30`, which lists overdue and everything up to 30 days), the view tabs, the main",
"area and a bottom line with the keys that work here. Colours mark urgency; with `NO_COLOR` set (or",
"a monochrome terminal) bold, underline and reverse video do. The terminal must be at least 60×16;",
"smaller, the workbench says so until it is resized, and only `q` and `Ctrl-C` work meanwhile (no key acts",
"unseen). The workbench runs on the terminal's alternate screen and leaves the shell's screen as it was,",
"also after a resize. Changes made by another program (the command",
"line, a second workbench) show up within a second.", "",
"The captures below are the real binary in tmux at 110×30 on the demo portfolio with",
"`--today 2026-11-23`; `scripts/capture-views` takes them again (into `docs/captures/`) and",
"`scripts/user-guide.py` rebuilds this page.", ""]
for title, name, text in sections:
    out += [f"## {title}", "", text, "", "```", cap(name), "```", ""]
out += ["## The command line (:)", "",
"`:` opens a command line at the bottom of the screen: `:export FILE` writes the whole portfolio as",
"JSON, `:backup FILE` takes an online backup, `:calendar FILE [DAYS]` writes the deadlines as an",
"iCalendar file (default 365 days ahead, plus overdue ones). Files are created with mode 0600; an",
"existing file is kept unless the command ends in `!` (`:export! FILE`). One line confirms what was",
"written, or says what went wrong. FILE is the rest of the line, spaces included (`:export /tmp/ux dir.json`),",
"or a quoted name (`:calendar \"my deadlines.ics\" 90`). `:q` (or `:quit`) quits, `:help` opens the help;",
"any other command is refused with the list of commands. `Esc` closes the command line without running anything.", ""]
out += ["## Key map", "", keys.split('\n', 1)[1].lstrip('\n') if keys.startswith('#') else keys]
open('docs/user-guide.md', 'w').write('\n'.join(out))
