"""Safe XML parsing for BPMN import: no DTDs, no entities, no external fetches, a size limit.

Every element's line number is kept so a message can name the place ("line 12").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from xml.etree.ElementTree import Element, ParseError, TreeBuilder

from defusedxml import (  # type: ignore[import-untyped]
    DefusedXmlException,
    DTDForbidden,
    EntitiesForbidden,
)
from defusedxml.ElementTree import DefusedXMLParser  # type: ignore[import-untyped]

MAX_FILE_BYTES = 20 * 1024 * 1024


class BpmnError(ValueError):
    """A BPMN file that cannot be imported; the message names the file and the place."""


@dataclass(frozen=True, slots=True)
class ParsedXml:
    """The element tree and the line each element starts on."""

    root: Element
    lines: dict[Element, int]

    def line(self, element: Element) -> int:
        return self.lines.get(element, 0)


class _LineRecordingBuilder(TreeBuilder):
    """A tree builder that notes the parser's current line for every element it starts."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: dict[Element, int] = {}
        self.expat: Any = None

    def start(self, tag: str, attrs: dict[str, str]) -> Element:
        element = super().start(tag, attrs)
        self.lines[element] = self.expat.CurrentLineNumber if self.expat else 0
        return element


def check_size(size: int, source: str) -> None:
    """Refuse a file over the limit before reading it."""
    if size > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES // 1024 // 1024
        raise BpmnError(
            f"{source}: the file is {size / 1024 / 1024:.1f} MB; BPMN files over {limit} MB "
            "are refused"
        )


def parse_xml(raw: bytes, source: str) -> ParsedXml:
    """Parse ``raw`` safely; raise BpmnError with one sentence for anything unusable."""
    check_size(len(raw), source)
    if not raw.strip():
        raise BpmnError(f"{source}: the file is empty")
    builder = _LineRecordingBuilder()
    parser = DefusedXMLParser(
        target=builder, forbid_dtd=True, forbid_entities=True, forbid_external=True
    )
    builder.expat = parser.parser
    try:
        parser.feed(raw)
        root = parser.close()
    except ParseError as error:
        line, column = error.position
        reason = str(error).split(":", 1)[0].removeprefix("not well-formed (").removesuffix(")")
        raise BpmnError(
            f"{source}: is not well-formed XML: {reason} at line {line}, column {column + 1}"
        ) from error
    except DTDForbidden as error:
        raise BpmnError(
            f"{source}: has a document type declaration (DTD) at line {_line(parser)}; BPMN files "
            "do not need one and it is refused for safety"
        ) from error
    except EntitiesForbidden as error:
        raise BpmnError(
            f"{source}: declares entities at line {_line(parser)}; they are refused for safety"
        ) from error
    except DefusedXmlException as error:
        raise BpmnError(
            f"{source}: refers to an external resource at line {_line(parser)}; "
            "it is refused for safety"
        ) from error
    return ParsedXml(root, builder.lines)


def _line(parser: DefusedXMLParser) -> int:
    return int(parser.parser.CurrentLineNumber)
