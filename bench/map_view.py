"""The map scene against process size: build for 100/300/1,000 steps (the ratio 1,000 vs 100),
and the update after editing one step of a 300-step map (aim < 16 ms), measured apart from the
layout that precedes it."""

from __future__ import annotations

import os
from dataclasses import replace
from functools import partial

from app.process.model import Process
from bench.core import Report, median_ms
from bench.swimlane import sample_process

SIZES = ((100, 6), (300, 12), (1000, 30))


def _build(process: Process) -> None:
    from app.ui.image_export import export_scene

    export_scene(process)


def _edited(process: Process, index: int) -> Process:
    """``process`` with one step renamed and its wait changed (the edit a user makes)."""
    steps = list(process.steps)
    step = steps[index]
    steps[index] = replace(step, name=step.name + " (checked)", wait_minutes=step.wait_minutes + 60)
    return replace(process, steps=tuple(steps))


def run(report: Report) -> None:
    """Add the scene rows; Qt runs on its offscreen platform."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.ui.image_export import ensure_application

    ensure_application()
    names = []
    for steps, lanes in SIZES:
        name = f"map scene build {steps} steps" + (f" ({lanes} lanes)" if steps == 1000 else "")
        repeat = 11 if steps <= 100 else 5
        report.add(
            name,
            median_ms(partial(_build, sample_process(steps, lanes)), repeat=repeat),
            note="layout + overlay + items",
        )
        names.append(name)
    report.add_ratio(names[-1], names[0], note="aim < 12")
    _edit_rows(report)


def _edit_rows(report: Report) -> None:
    from app.ui.image_export import export_scene
    from app.ui.map.scene import build_model
    from app.ui.map.text import FontMeasure

    process = sample_process(300, 12)
    scene = export_scene(process)
    measure = FontMeasure(scene.look.font)
    before, after = build_model(process, measure), build_model(_edited(process, 150), measure)
    report.add(
        "map edit one step (300 steps) layout + overlay",
        median_ms(partial(build_model, _edited(process, 150), measure), repeat=9),
    )
    flip = [before, after]

    def update() -> None:
        flip.reverse()
        scene.show_map(flip[0])

    report.add(
        "map edit one step (300 steps) scene update",
        median_ms(update, repeat=21),
        note="aim < 16 ms",
    )


if __name__ == "__main__":
    rows = Report()
    run(rows)
    print(rows.render())
