"""Saving an edited snapshot over the stored one, changing only the rows that differ.

Every UI edit is a pure function from one snapshot to the next; ``save_snapshot`` writes the
new one in one short transaction. Lanes and steps are matched by their key, so their row
ids (the UUIDs that let databases merge) survive edits. Flows, interviews and goals carry
no keys: when their list changed, it is written anew.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

from sqlalchemy import delete, update
from sqlalchemy.orm import Session

from app.models import rows
from app.models.errors import CHANGED_ELSEWHERE, ChangedElsewhereError
from app.models.repository import load_process_row, new_flow_rows
from app.models.tables import (
    Base,
    FlowRow,
    LaneRow,
    ProcessRow,
    StepRow,
    new_id,
    utc_now,
)
from app.process.file import check_storable
from app.process.model import Process

RowT = TypeVar("RowT", bound=Base)


def save_snapshot(
    session: Session,
    process: Process,
    *,
    based_on: int | None = None,
    expected: Process | None = None,
) -> int:
    """Make the stored process equal to ``process`` (matched by ``process.id``).

    ``based_on`` is the version the edit was made from; ``expected`` what an undo or redo
    expects to find stored. When the stored process is not that, the save is refused
    (ChangedElsewhereError) and nothing is written. Returns the stored version after it.
    """
    row = load_process_row(session, process.id)
    before = rows.process_of(row)
    if before == process:
        return row.version
    stale = based_on is not None and row.version != based_on
    if stale or (expected is not None and before != expected):
        raise ChangedElsewhereError(f"'{process.name}': {CHANGED_ELSEWHERE}")
    check_storable(process, stored=before)
    version = _claim_next_version(session, row)
    _assign(row, rows.process_values(process))
    lane_ids = _sync_lanes(session, row, process)
    step_ids = _sync_steps(session, row, process, lane_ids)
    if before.flows != process.flows or _steps_replaced(before, process):
        _replace_flows(session, row, process, step_ids)
    _delete_missing(session, StepRow, row.steps, {step.id for step in process.steps})
    _delete_missing(session, LaneRow, row.lanes, {lane.id for lane in process.lanes})
    for child in rows.CHILD_LISTS:
        if child.items(before) != child.items(process):
            _replace_list(session, row, child, process)
    row.updated_at = utc_now()
    session.flush()
    session.expire_all()
    return version


def _claim_next_version(session: Session, row: ProcessRow) -> int:
    """Raise the version only if no one else did since it was read (compare and swap)."""
    claimed = session.execute(
        update(ProcessRow)
        .where(ProcessRow.id == row.id, ProcessRow.version == row.version)
        .values(version=row.version + 1)
        .execution_options(synchronize_session=False)
    )
    if getattr(claimed, "rowcount", 1) != 1:
        raise ChangedElsewhereError(f"'{row.name}': {CHANGED_ELSEWHERE}")
    return row.version + 1


def _assign(row: Base, values: Mapping[str, Any]) -> None:
    for name, value in values.items():
        if getattr(row, name) != value:
            setattr(row, name, value)


def _sync_lanes(session: Session, row: ProcessRow, process: Process) -> dict[str, str]:
    existing = {lane.key: lane for lane in row.lanes}
    ids: dict[str, str] = {}
    for index, lane in enumerate(process.lanes):
        values = rows.lane_values(lane, index)
        ids[lane.id] = _upsert(session, row, LaneRow, existing.get(lane.id), values)
    session.flush()
    return ids


def _sync_steps(
    session: Session, row: ProcessRow, process: Process, lane_ids: Mapping[str, str]
) -> dict[str, str]:
    existing = {step.key: step for step in row.steps}
    ids: dict[str, str] = {}
    for index, step in enumerate(process.steps):
        values = rows.step_values(step, index, lane_ids[step.lane])
        ids[step.id] = _upsert(session, row, StepRow, existing.get(step.id), values)
    session.flush()
    return ids


def _upsert(
    session: Session,
    process: ProcessRow,
    table: type[RowT],
    row: RowT | None,
    values: dict[str, Any],
) -> str:
    """Update ``row`` with ``values``, or add a new row; return its id."""
    if row is None:
        row = table(id=new_id(), process_id=process.id, **values)
        session.add(row)
    else:
        _assign(row, values)
    return str(row.id)  # type: ignore[attr-defined]


def _steps_replaced(before: Process, after: Process) -> bool:
    """Whether a step key now names a row created anew (its flows must be rewritten)."""
    return {step.id for step in before.steps} != {step.id for step in after.steps}


def _replace_flows(
    session: Session, row: ProcessRow, process: Process, step_ids: Mapping[str, str]
) -> None:
    session.execute(delete(FlowRow).where(FlowRow.process_id == row.id))
    session.add_all(new_flow_rows(process, step_ids, row.id))
    session.flush()


def _delete_missing(
    session: Session, table: type[LaneRow] | type[StepRow], present: Sequence[Any], keep: set[str]
) -> None:
    stale = [item.id for item in present if item.key not in keep]
    if stale:
        session.execute(delete(table).where(table.id.in_(stale)))
        session.flush()


def _replace_list(
    session: Session, row: ProcessRow, child: rows.ChildList, process: Process
) -> None:
    session.execute(delete(child.table).where(child.table.process_id == row.id))
    session.add_all(rows.child_rows(child, process, row.id))
    session.flush()
