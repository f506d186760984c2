"""Structural edits of a 300-step map: the pure edit, the scene update after inserting or
deleting a step (and after its undo, the same update back), the page's full refresh, each
against the existing one-step edit row measured in the same run (aim: scene update < 16 ms)."""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import partial
from typing import TypeVar

from app.editing import Refusal
from app.editing.removal import delete_step
from app.editing.steps import insert_on_flow
from app.process.model import Process
from bench.core import Report, median_ms
from bench.map_view import _edited
from bench.swimlane import sample_process

State = TypeVar("State")
BASELINE = "map edit one step (300 steps) scene update (again)"


def _done(result: Process | Refusal) -> Process:
    if isinstance(result, Refusal):
        raise RuntimeError(result.reason)
    return result


def run(report: Report) -> None:
    """Add the editing rows; Qt runs on its offscreen platform."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.ui.image_export import ensure_application

    ensure_application()
    process = sample_process(300, 12)
    middle = process.steps[150].id
    flow = next(i for i, f in enumerate(process.flows) if f.source == middle)
    inserted = _done(insert_on_flow(process, flow))
    deleted = _done(delete_step(process, middle, confirmed=True))
    report.add(
        "editing: insert on a flow (300 steps), pure edit",
        median_ms(partial(insert_on_flow, process, flow), repeat=21),
    )
    report.add(
        "editing: delete a step (300 steps), pure edit with its checks",
        median_ms(partial(delete_step, process, middle), repeat=21),
    )
    _scene_rows(
        report,
        process,
        {
            BASELINE: _edited(process, 150),
            "map insert step (300 steps) scene update, and its undo": inserted,
            "map delete step (300 steps) scene update, and its undo": deleted,
        },
    )
    _page_rows(report, process, inserted)


def _scene_rows(report: Report, process: Process, edits: dict[str, Process]) -> None:
    from app.ui.image_export import export_scene
    from app.ui.map.scene import build_model
    from app.ui.map.text import FontMeasure

    scene = export_scene(process)
    measure = FontMeasure(scene.look.font)
    for name, after in edits.items():
        models = [build_model(after, measure), build_model(process, measure)]
        report.add(
            name,
            median_ms(_flipper(scene.show_map, models), repeat=21),
            note="aim < 16 ms" if name != BASELINE else "",
        )
        if name != BASELINE:
            report.add_ratio(name, BASELINE)


def _page_rows(report: Report, process: Process, inserted: Process) -> None:
    """The whole map page after an edit: layout, overlay, scene, problem marks, step list."""
    from app.ui.map.page import MapPage
    from app.ui.store import ProcessStore

    page = MapPage(ProcessStore())
    whole = [inserted, process]
    report.add(
        "map page refresh after an insert (300 steps)",
        median_ms(_flipper(page.show_process, whole), repeat=9),
        note="layout + analysis + scene + marks",
    )


def _flipper(show: Callable[[State], object], states: list[State]) -> Callable[[], None]:
    """Each call shows the other state: an edit, then its undo, then the edit again."""

    def flip() -> None:
        states.reverse()
        show(states[0])

    return flip


if __name__ == "__main__":
    rows = Report()
    run(rows)
    print(rows.render())
