"""What the smoke test checks in the files the bundle writes, with the standard library."""

from __future__ import annotations

import re
import shutil
import sqlite3
import struct
import subprocess
import xml.etree.ElementTree as ET
from contextlib import closing
from pathlib import Path

PYTHON_VARIABLES = {"VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "CONDA_PREFIX"}
BPMN = "{http://www.omg.org/spec/BPMN/20100524/MODEL}"
BPMNDI = "{http://www.omg.org/spec/BPMN/20100524/DI}"
STANDARD_FONTS = rb"/BaseFont\s*/(Helvetica|Times|Courier|Symbol|ZapfDingbats)"


class SmokeError(Exception):
    """A smoke check that failed, in one sentence."""


def expect(what: str, condition: bool) -> None:
    """Fail the smoke test, naming what was checked, unless ``condition`` holds."""
    if not condition:
        raise SmokeError(f"{what}: not as expected")


def in_virtualenv(folder: Path) -> bool:
    """Whether a PATH entry is a virtualenv's bin (or Scripts) folder."""
    return (folder.parent / "pyvenv.cfg").is_file()


BUNDLED = (
    "NOTICE.txt",
    "_internal/NOTICE.txt",
    "_internal/app/migrations/env.py",
    "_internal/app/resources/fonts/DejaVuSans.ttf",
    "_internal/reportlab/fonts/Vera.ttf",  # ReportLab's own fonts: TTFont("Vera", ...) needs it
)


def contents(folder: Path) -> None:
    """The files read from disk at run time, which PyInstaller's analysis cannot see."""
    missing = [name for name in BUNDLED if not (folder / name).is_file()]
    expect(f"the bundle has {', '.join(missing)}", not missing)
    versions = list((folder / "_internal/app/migrations/versions").glob("0*.py"))
    expect("the bundle has the migrations", bool(versions))


def pdf(path: Path) -> None:
    """A PDF whose every font is embedded (pdffonts says so when poppler is installed)."""
    data = path.read_bytes()
    expect(f"{path.name} is a PDF", data.startswith(b"%PDF-") and b"%%EOF" in data[-64:])
    if shutil.which("pdffonts"):
        fonts = _pdffonts(path)
        expect(f"{path.name} has fonts", bool(fonts))
        missing = [name for name, embedded in fonts if not embedded]
        expect(f"{path.name} embeds every font (not: {', '.join(missing)})", not missing)
        return
    expect(f"{path.name} uses no standard (unembedded) font", not re.search(STANDARD_FONTS, data))
    descriptors = len(re.findall(rb"/Type\s*/FontDescriptor", data))
    expect(f"{path.name} embeds its fonts", 0 < descriptors <= len(re.findall(rb"/FontFile", data)))


def _pdffonts(path: Path) -> list[tuple[str, bool]]:
    """(font name, embedded) for every font poppler's pdffonts lists."""
    output = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    header, rule, *rows = output.stdout.splitlines()
    columns = [match.span() for match in re.finditer(r"-+", rule)]
    emb = header.index("emb")
    start, end = next(span for span in columns if span[0] <= emb < span[1])
    return [(row[: columns[0][1]].strip(), row[start:end].strip() == "yes") for row in rows]


def bpmn(path: Path) -> None:
    """BPMN 2.0 XML with a process of tasks in lanes, and its diagram."""
    root = ET.parse(path).getroot()
    expect(f"{path.name} is BPMN 2.0", root.tag == f"{BPMN}definitions")
    process = root.find(f"{BPMN}process")
    tasks = [] if process is None else [e for e in process if e.tag.endswith("Task")]
    expect(f"{path.name} has tasks", bool(tasks))
    expect(f"{path.name} has lanes", bool(root.findall(f"{BPMN}process/{BPMN}laneSet/{BPMN}lane")))
    expect(f"{path.name} has a diagram", root.find(f"{BPMNDI}BPMNDiagram") is not None)


def png(path: Path) -> None:
    """A PNG image of a useful size."""
    data = path.read_bytes()
    expect(
        f"{path.name} is a PNG", data.startswith(b"\x89PNG\r\n\x1a\n") and data[12:16] == b"IHDR"
    )
    width, height = struct.unpack(">II", data[16:24])
    expect(f"{path.name} is {width}x{height} px, big enough to read", min(width, height) >= 100)


def revision(database: Path) -> str:
    """The Alembic revision a database file is at."""
    with closing(sqlite3.connect(database)) as connection:  # closed: Windows locks open files
        (row,) = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    return str(row[0])


def process_names(database: Path) -> list[str]:
    """The names of the processes a database file holds, sorted."""
    with closing(sqlite3.connect(database)) as connection:
        return sorted(row[0] for row in connection.execute("SELECT name FROM processes"))
