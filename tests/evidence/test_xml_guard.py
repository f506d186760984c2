"""The prolog check that lets a DTD-free XES file go to the fast parser."""

from __future__ import annotations

import pytest

from app.evidence.xml_guard import prolog_verdict


@pytest.mark.parametrize(
    ("head", "verdict"),
    [
        (b'<?xml version="1.0"?>\n<log xes.version="1.0">', "plain"),
        (b"\xef\xbb\xbf<log>", "plain"),
        (b"<!-- made by <a> tool --><log>", "plain"),
        (b'<?xml version="1.0"?><!DOCTYPE log [<!ENTITY a "x">]><log>', "dtd"),
        (b"<!-- <log> --><!DOCTYPE log><log>", "dtd"),  # a root named in a comment is no root
        (b"<?pi <log> ?><!DOCTYPE log><log>", "dtd"),
        (b"<!-- a comment longer than the head", "unsure"),
        ('<?xml version="1.0" encoding="UTF-16"?><log>'.encode("utf-16"), "unsure"),
        (b"   ", "unsure"),
    ],
)
def test_prolog_verdicts(head: bytes, verdict: str) -> None:
    assert prolog_verdict(head) == verdict
