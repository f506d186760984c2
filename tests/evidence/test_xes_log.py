"""Reading XES event logs: streamed, lifecycle start/complete paired, entities refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.evidence.errors import EventLogError
from app.evidence.read import read_event_log
from app.evidence.timestamps import parse_timestamp

XES = """<?xml version="1.0" encoding="UTF-8"?>
<log xes.version="1.0" xmlns="http://www.xes-standard.org/">
  <extension name="Concept" prefix="concept" uri="http://www.xes-standard.org/concept.xesext"/>
  <global scope="event"><string key="concept:name" value="__INVALID__"/></global>
  <trace>
    <string key="concept:name" value="case-1"/>
    <event>
      <string key="concept:name" value="Receive"/>
      <date key="time:timestamp" value="2026-01-05T09:00:00.000+01:00"/>
    </event>
    <event>
      <string key="concept:name" value="Check"/>
      <string key="lifecycle:transition" value="start"/>
      <date key="time:timestamp" value="2026-01-05T10:00:00+01:00"/>
    </event>
    <event>
      <string key="concept:name" value="Check"/>
      <string key="lifecycle:transition" value="complete"/>
      <string key="org:resource" value="Ann &amp; Bob"/>
      <date key="time:timestamp" value="2026-01-05T10:30:00+01:00"/>
    </event>
    <event>
      <string key="concept:name" value="Check"/>
      <string key="lifecycle:transition" value="schedule"/>
      <date key="time:timestamp" value="2026-01-05T10:40:00+01:00"/>
    </event>
  </trace>
  <trace>
    <string key="concept:name" value="case-2"/>
    <event>
      <string key="concept:name" value="Receive"/>
      <date key="time:timestamp" value="2026-01-06T09:00:00Z"/>
    </event>
  </trace>
</log>
"""


def write(folder: Path, text: str) -> Path:
    path = folder / "log.xes"
    path.write_text(text, encoding="utf-8")
    return path


def test_traces_events_and_lifecycle(tmp_path: Path) -> None:
    log = read_event_log(write(tmp_path, XES))
    receive, check = log.cases["case-1"]
    assert receive.time == parse_timestamp("2026-01-05 08:00", day_first=True)
    assert (check.activity, check.resource) == ("Check", "Ann & Bob")
    assert check.time - (check.start or 0) == 30
    assert [e.activity for e in log.cases["case-2"]] == ["Receive"]
    assert log.notes == (
        "1 event(s) with other lifecycle transitions (schedule, …) were left out.",
    )


BOMB = """<?xml version="1.0"?>
<!DOCTYPE log [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
<log><trace><string key="concept:name" value="&b;"/></trace></log>
"""
EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE log [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<log><trace><string key="concept:name" value="&x;"/></trace></log>
"""


@pytest.mark.parametrize("text", [BOMB, EXTERNAL])
def test_entities_and_dtds_are_refused(tmp_path: Path, text: str) -> None:
    with pytest.raises(EventLogError, match="declares a DTD or XML entities"):
        read_event_log(write(tmp_path, text))


def test_broken_xml_names_its_line(tmp_path: Path) -> None:
    with pytest.raises(EventLogError, match=r"log\.xes, line 3: this is not well-formed XML"):
        read_event_log(write(tmp_path, "<log>\n<trace>\n</log>"))


def test_a_bad_timestamp_names_the_trace_and_event(tmp_path: Path) -> None:
    text = XES.replace("2026-01-06T09:00:00Z", "someday")
    with pytest.raises(EventLogError, match="Trace 'case-2', event 1, time:timestamp: 'someday'"):
        read_event_log(write(tmp_path, text))


def test_a_file_without_traces_is_not_a_log(tmp_path: Path) -> None:
    with pytest.raises(EventLogError, match="has no trace with events"):
        read_event_log(write(tmp_path, "<log><string key='a' value='b'/></log>"))


def test_a_utf16_log_is_read_by_the_careful_parser(tmp_path: Path) -> None:
    path = tmp_path / "log.xes"
    path.write_text(XES.replace('encoding="UTF-8"', 'encoding="UTF-16"'), encoding="utf-16")
    assert [e.activity for e in read_event_log(path).cases["case-2"]] == ["Receive"]
    path.write_text(BOMB.replace('<?xml version="1.0"?>', ""), encoding="utf-16")
    with pytest.raises(EventLogError, match="declares a DTD or XML entities"):
        read_event_log(path)


def test_an_entity_without_a_dtd_is_not_well_formed(tmp_path: Path) -> None:
    text = XES.replace('value="case-2"', 'value="&x;"')
    with pytest.raises(EventLogError, match=r"line 29: this is not well-formed XML"):
        read_event_log(write(tmp_path, text))
