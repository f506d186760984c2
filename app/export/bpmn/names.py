"""Names shared by the BPMN writer and reader: namespaces, XML-safe text and NCName ids.

Walkthrough's own data travels in ``extensionElements`` under :data:`WALKTHROUGH_NS`. Each
element there holds one JSON object (ASCII only, so any text survives XML): ``wt:process`` on
the process (the process file's document without lanes, steps and flows), ``wt:lane``,
``wt:step`` and ``wt:flow`` (that item's process-file object).
``wt:approvalBranch task="<task id>"`` marks the gateway written after an approval that
branches, and ``wt:approvalLink`` the flow from the approval's task to it; the reader folds
both back into the one approval step.
"""

from __future__ import annotations

import re

BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL"
BPMNDI_NS = "http://www.omg.org/spec/BPMN/20100524/DI"
DC_NS = "http://www.omg.org/spec/DD/20100524/DC"
DI_NS = "http://www.omg.org/spec/DD/20100524/DI"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
WALKTHROUGH_NS = "https://walkthrough.app/schema/bpmn/1"

PREFIXES: dict[str, str] = {
    BPMN_NS: "bpmn",
    BPMNDI_NS: "bpmndi",
    DC_NS: "dc",
    DI_NS: "di",
    XSI_NS: "xsi",
    WALKTHROUGH_NS: "wt",
}

# Characters XML 1.0 cannot carry at all, not even as character references.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# Ids are written in ASCII: validators and tools disagree on which other letters a name may hold.
_NOT_ID_CHARACTER = re.compile(r"[^A-Za-z0-9_.\-]")
_NCNAME = re.compile(
    "[^A-Za-z0-9_.\\-\u00b7\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u037d\u037f-\u1fff\u200c\u200d"
    "\u203f\u2040\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd"
    "\U00010000-\U000effff]"
)
_NCNAME = re.compile(
    "[A-Za-z_\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c\u200d"
    "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff]"
    "[A-Za-z0-9_.\\-\u00b7\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u037d\u037f-\u1fff\u200c\u200d"
    "\u203f\u2040\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd"
    "\U00010000-\U000effff]*"
)


def bpmn(tag: str) -> str:
    """The qualified (Clark) name of a BPMN model element."""
    return f"{{{BPMN_NS}}}{tag}"


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot carry (most control characters)."""
    return _NOT_XML.sub("", text)


def is_ncname(name: str) -> bool:
    """True if ``name`` is a valid XML NCName (what BPMN ids must be)."""
    return _NCNAME.fullmatch(name) is not None


class IdMaker:
    """Hands out unique NCName ids such as ``Step_s1`` for Walkthrough's keys."""

    def __init__(self) -> None:
        self._used: set[str] = set()

    def make(self, prefix: str, key: str) -> str:
        """``prefix_key`` with every character but ASCII letters, digits, ``_.-`` made ``_``."""
        base = f"{prefix}_{_NOT_ID_CHARACTER.sub('_', key)}"
        candidate, counter = base, 1
        while candidate in self._used:
            counter += 1
            candidate = f"{base}_{counter}"
        self._used.add(candidate)
        return candidate
