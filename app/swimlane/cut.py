"""One section of a folded map as a ranking of its own: its steps, flows and connectors.

Built for any run of columns without knowing the other sections: a flow with one end outside
the run gets a connector stand-in step, in a narrow column at the left (flows coming in) or
the right (flows going out). Connector names are placeholders as wide as real ones; the real
"to 3" and "from 2" are written once every section is known (``stack``).
"""

from __future__ import annotations

from dataclasses import dataclass

from app.process.model import Flow, Step
from app.swimlane.fold import LINK_COLUMN, link_id
from app.swimlane.ranking import IndexedFlow, Ranking
from app.swimlane.style import LayoutStyle

OUT_PLACEHOLDER = "to 00"
IN_PLACEHOLDER = "from 00"


@dataclass(frozen=True, slots=True)
class SectionPart:
    """One section as a ranking of its own, with its column widths and original columns."""

    ranking: Ranking
    column_width: tuple[float, ...]
    columns: tuple[int, int]


class SectionCutter:
    """Makes the ``SectionPart`` of any run of columns of one ranked map."""

    def __init__(self, ranking: Ranking, style: LayoutStyle) -> None:
        self.ranking = ranking
        self.style = style
        self.position = {step.id: index for index, step in enumerate(ranking.steps)}
        self.by_column: dict[int, list[Step]] = {}
        for step in ranking.steps:
            self.by_column.setdefault(ranking.columns[step.id], []).append(step)
        self.leaving: dict[str, list[IndexedFlow]] = {}
        self.entering: dict[str, list[IndexedFlow]] = {}
        for flow in ranking.flows:
            self.leaving.setdefault(flow.source, []).append(flow)
            self.entering.setdefault(flow.target, []).append(flow)

    def part(self, first: int, last: int) -> SectionPart:
        """The section of columns ``first``–``last``."""
        steps = [step for column in range(first, last + 1) for step in self.by_column[column]]
        steps.sort(key=lambda step: self.position[step.id])
        inside = {step.id for step in steps}
        leaving = [f for step in steps for f in self.leaving.get(step.id, ())]
        inner = [flow for flow in leaving if flow.target in inside]
        outgoing = sorted((f for f in leaving if f.target not in inside), key=_index)
        entering = [f for step in steps for f in self.entering.get(step.id, ())]
        incoming = sorted((f for f in entering if f.source not in inside), key=_index)
        offset = 1 if incoming else 0
        placed = {step.id: self.ranking.columns[step.id] - first + offset for step in steps}
        out_column = last - first + offset + 1
        flows = list(inner)
        by_id = {step.id: step for step in steps}
        for flow in incoming:
            target = by_id[flow.target]
            stand_in = Step(link_id("in", flow.index), target.lane, IN_PLACEHOLDER)
            steps.append(stand_in)
            placed[stand_in.id] = 0
            flows.append(IndexedFlow(flow.index, Flow(stand_in.id, target.id)))
        for flow in outgoing:
            source = by_id[flow.source]
            stand_in = Step(link_id("out", flow.index), source.lane, OUT_PLACEHOLDER)
            steps.append(stand_in)
            placed[stand_in.id] = out_column
            original = flow.flow
            half = Flow(source.id, stand_in.id, original.label, original.probability)
            flows.append(IndexedFlow(flow.index, half))
        flows.sort(key=_index)
        return SectionPart(
            self._ranked(steps, flows, placed, {f.index for f in incoming}),
            self._widths(out_column, bool(incoming), bool(outgoing)),
            (first, last),
        )

    def _ranked(
        self,
        steps: list[Step],
        flows: list[IndexedFlow],
        placed: dict[str, int],
        entering: set[int],
    ) -> Ranking:
        # The half entering from a connector always runs forward, even for rework: it leaves
        # the connector at its right, clear of the connector's name below it.
        back = frozenset(
            flow.index
            for flow in flows
            if flow.index in self.ranking.back_edges and flow.index not in entering
        )
        return Ranking(tuple(steps), tuple(flows), back, placed, tuple(s.id for s in steps))

    def _widths(self, out_column: int, incoming: bool, outgoing: bool) -> tuple[float, ...]:
        widths = [self.style.box_width] * (out_column + (1 if outgoing else 0))
        if incoming:
            widths[0] = LINK_COLUMN
        if outgoing:
            widths[-1] = LINK_COLUMN
        return tuple(widths)


def _index(flow: IndexedFlow) -> int:
    return flow.index
