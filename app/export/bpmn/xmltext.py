"""A small, deterministic XML serialiser for element trees built with Clark names.

The standard serialiser keeps namespace prefixes in a process-wide registry and leaves a
carriage return in text to be normalised away by the next parser. This one writes the fixed
prefixes of :data:`PREFIXES`, escapes tabs and line breaks in attributes as character
references (so they come back unchanged) and drops what XML cannot carry.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

from app.export.bpmn.names import PREFIXES, xml_safe

_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
_ATTRIBUTE_ESCAPES = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        '"': "&quot;",
        "\t": "&#9;",
        "\n": "&#10;",
        "\r": "&#13;",
    }
)


def qualified(name: str) -> str:
    """``{uri}local`` as ``prefix:local`` with the fixed prefixes (plain names stay plain)."""
    if not name.startswith("{"):
        return name
    uri, local = name[1:].split("}", 1)
    return f"{PREFIXES[uri]}:{local}"


def escape_text(text: str) -> str:
    return xml_safe(text).translate(_TEXT_ESCAPES)


def escape_attribute(text: str) -> str:
    return xml_safe(text).translate(_ATTRIBUTE_ESCAPES)


def document_text(root: Element) -> str:
    """The whole document: declaration, namespace declarations on the root, two-space indent."""
    declarations = "".join(f' xmlns:{prefix}="{uri}"' for uri, prefix in PREFIXES.items())
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n']
    _write(root, parts, 0, declarations)
    return "".join(parts)


def _write(element: Element, parts: list[str], depth: int, extra: str = "") -> None:
    indent = "  " * depth
    attributes = "".join(
        f' {qualified(key)}="{escape_attribute(value)}"' for key, value in element.attrib.items()
    )
    tag = qualified(element.tag)
    children = list(element)
    text = element.text or ""
    if not children and not text:
        parts.append(f"{indent}<{tag}{extra}{attributes} />\n")
        return
    if not children:
        parts.append(f"{indent}<{tag}{extra}{attributes}>{escape_text(text)}</{tag}>\n")
        return
    parts.append(f"{indent}<{tag}{extra}{attributes}>{escape_text(text)}\n")
    for child in children:
        _write(child, parts, depth + 1)
    parts.append(f"{indent}</{tag}>\n")
