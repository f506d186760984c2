"""The worked example's event log: ``python -m bench.sample_log`` writes
``resources/samples/client-onboarding-log.csv`` (the same bytes every time, seed 26), then
keeps what it recorded per step in the example (``process.event_log``), as "Keep this mapping"
does in the Evidence tab, so the Map's "Said vs recorded" shows it on the first start, and
notes the largest gap as a finding.

It is what the firm's practice-management system would export for "Onboard a new client":
one row per activity with its start and end, Monday to Friday 09:00–17:30, 130 clients from
January 2025 to May 2026. It differs from what Claire and Ben said where a log usually does,
so the Evidence tab has something to find:

- the partner's first approval waits a median of about 2.5 days, not the 1 day said;
- the documents come back incomplete 55 % of the time at first, not the 40 % said;
- a third of the clients asked again are also chased by phone ("Chase client by phone"), an
  activity nobody mentioned;
- 1 client in 12 is never added to the tracker spreadsheet.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import math
import random
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

SAMPLES = Path(__file__).parents[1] / "resources" / "samples"
SAMPLE_LOG = SAMPLES / "client-onboarding-log.csv"
SAMPLE = SAMPLES / "client-onboarding.walkthrough.json"
NOTED_GAP = "Approve new client"  # the gap the example makes a finding of
SEED = 26
CLIENTS = 130
FIRST_DAY = dt.datetime(2025, 1, 6, 9, 0)
DAYS = 500
OPEN, CLOSE = dt.time(9, 0), dt.time(17, 30)

# activity, who does it, typical hands-on minutes, typical wait before it (minutes, calendar)
CHAIN = [
    ("Email client details to office manager", "Richard Dunmore", 10, 240),
    ("Add client to tracker spreadsheet", "Claire Dunmore", 12, 480),
    ("Run AML and conflict checks", "Claire Dunmore", 20, 240),
    ("Approve new client", "Richard Dunmore", 10, 3600),  # said: 1 day
    ("Draft engagement letter", "Ben Okafor", 45, 720),
    ("Approve engagement letter", "Richard Dunmore", 10, 1440),
    ("Send engagement letter and document request", "Ben Okafor", 15, 120),
]
COLLECT = ("Collect signed letter and KYC documents", "Ben Okafor", 10, 4320)
CHECK = ("Check letter and KYC documents complete", "Priya Shah", 20, 480)
ASK_AGAIN = ("Request missing documents from client", "Ben Okafor", 10, 60)
CHASE = ("Chase client by phone", "Ben Okafor", 10, 1440)
SET_UP = [
    ("Email set-up requests to billing and IT", "Claire Dunmore", 10, 240),
    ("Set up client and fees in practice management", "Tom Reilly", 20, 1440),
    ("Create client folder and portal access", "Sam Patel", 25, 1440),
    ("Build deadline calendar for client", "Priya Shah", 30, 960),
    ("Hold welcome call with client", "Ben Okafor", 30, 1440),
]
Activity = tuple[str, str, int, int]
Row = tuple[str, str, str, str, str]


def write_sample_log(path: Path = SAMPLE_LOG) -> int:
    """Write the log; return the number of events."""
    rng = random.Random(SEED)
    rows = [row for number in range(CLIENTS) for row in _client(rng, number)]
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(["case", "activity", "start", "end", "resource"])
        writer.writerows(rows)
    return len(rows)


def _client(rng: random.Random, number: int) -> Iterator[Row]:
    case = f"CL-{2025_0001 + number}"
    moment = FIRST_DAY + dt.timedelta(days=DAYS * number / CLIENTS + rng.random())
    for activity in _path(rng):
        moment, row = _event(rng, case, moment, activity)
        yield row


def _path(rng: random.Random) -> Iterator[Activity]:
    for activity in CHAIN:
        if activity[0] == "Add client to tracker spreadsheet" and rng.random() < 1 / 12:
            continue
        yield activity
    incomplete = 0.55
    while True:
        yield COLLECT
        yield CHECK
        if rng.random() >= incomplete:
            break
        yield ASK_AGAIN
        if rng.random() < 1 / 3:
            yield CHASE
        incomplete = 0.3
    yield from SET_UP


def _event(
    rng: random.Random, case: str, after: dt.datetime, activity: Activity
) -> tuple[dt.datetime, Row]:
    name, who, touch, wait = activity
    start = _working(after + dt.timedelta(minutes=wait * _spread(rng, 0.45)))
    end = start + dt.timedelta(minutes=max(2, round(touch * _spread(rng, 0.3))))
    return end, (case, name, f"{start:%Y-%m-%d %H:%M}", f"{end:%Y-%m-%d %H:%M}", who)


def _spread(rng: random.Random, sigma: float) -> float:
    """A log-normal factor with median 1: most near the typical value, a few far longer."""
    return math.exp(rng.gauss(0.0, sigma))


def _working(moment: dt.datetime) -> dt.datetime:
    """The first working minute at or after ``moment`` (Monday to Friday, 09:00–17:30)."""
    moment = moment.replace(second=0, microsecond=0)
    while moment.weekday() >= 5 or moment.time() >= CLOSE:
        moment = dt.datetime.combine(moment.date() + dt.timedelta(days=1), OPEN)
    if moment.time() < OPEN:
        moment = dt.datetime.combine(moment.date(), OPEN)
    return moment


def keep_in_sample(log_path: Path = SAMPLE_LOG, sample: Path = SAMPLE) -> None:
    """Store the log's mapping and per-step figures, and one gap as a finding, in the sample.

    Only the process's ``event_log`` and ``noted_findings`` keys change: the rest of the
    hand-written file keeps its order and text.
    """
    from app.analysis.noted import EXTRA_KEY as NOTED
    from app.evidence.gaps import large_gaps, with_gap_noted
    from app.evidence.read import read_event_log
    from app.evidence.report import gather_evidence
    from app.evidence.stored import KEY, with_stored_evidence
    from app.process.file import read_process_file

    process = read_process_file(sample)
    process = replace(process, extra={k: v for k, v in process.extra.items() if k != NOTED})
    evidence = gather_evidence(process, read_event_log(log_path))
    kept = with_stored_evidence(process, evidence)
    gap = next(g for g in large_gaps(evidence) if NOTED_GAP in g.title)
    kept = with_gap_noted(kept, gap)
    document = json.loads(sample.read_text(encoding="utf-8"))
    document["process"][KEY] = kept.extra[KEY]
    document["process"][NOTED] = [{**note, "id": "example-gap"} for note in kept.extra[NOTED]]
    sample.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", "utf-8")


if __name__ == "__main__":
    print(f"{write_sample_log()} events written to {SAMPLE_LOG}")
    keep_in_sample()
    print(f"its figures and one gap kept in {SAMPLE}")
