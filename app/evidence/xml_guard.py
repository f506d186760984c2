"""Whether an XML file may go to the fast C parser: only when its prolog holds no DTD.

Entities can only be declared in a DTD, and a DTD only stands in the prolog, before the root
element; the C parser refuses an undeclared entity as not well-formed. So the prolog is read
with its comments and processing instructions taken out: markup there ("<!DOCTYPE …") refuses
the file; a prolog this cannot tell about (UTF-16, a comment running past the head) is left to
the slower defusedxml parser, which refuses DTDs as it parses.
"""

from __future__ import annotations

import codecs
import re
from typing import Literal

HEAD_BYTES = 64 * 1024
_SKIPPED = re.compile(rb"<!--.*?-->|<\?.*?\?>", re.DOTALL)

Verdict = Literal["plain", "dtd", "unsure"]


def prolog_verdict(head: bytes) -> Verdict:
    """ "plain" (no DTD: the C parser may read it), "dtd" (refuse it) or "unsure"."""
    head = head.removeprefix(codecs.BOM_UTF8)
    if b"\x00" in head[:4] or head[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        return "unsure"  # not ASCII-compatible: the byte search below would not see markup
    rest = _SKIPPED.sub(b"", head)
    first = rest.find(b"<")
    if first < 0:
        return "unsure"
    opening = rest[first : first + 4]
    if opening.startswith((b"<!--", b"<?")):
        return "unsure"  # a comment or instruction longer than the head
    return "dtd" if opening.startswith(b"<!") else "plain"
