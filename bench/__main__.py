"""``python -m bench``: every benchmark, printed as one table of medians and ratios."""

from __future__ import annotations

import sys

from bench import (
    accounts,
    analysis,
    bpmn,
    evidence,
    interview,
    map_editing,
    map_view,
    pdf,
    saving,
    simulation,
    startup,
    swimlane,
)
from bench.core import Report

SUITES = {
    "startup": startup.run,
    "analysis": analysis.run,
    "swimlane": swimlane.run,
    "map": map_view.run,
    "map-editing": map_editing.run,
    "pdf": pdf.run,
    "bpmn": bpmn.run,
    "interview": interview.run,
    "saving": saving.run,
    "evidence": evidence.run,
    "accounts": accounts.run,
    "simulation": simulation.run,
}


def main(names: list[str]) -> int:
    report = Report()
    for name in names or list(SUITES):
        if name not in SUITES:
            print(f"unknown benchmark '{name}'; choose from {', '.join(SUITES)}", file=sys.stderr)
            return 2
        SUITES[name](report)
    print(report.render())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
