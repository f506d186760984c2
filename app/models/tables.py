"""The ORM tables: one row per process, interview, lane, step, flow and goal.

Keys are UUID strings so databases and files from different laptops merge without clashes.
Lanes and steps also keep ``key``, their short id in the process file ("s1"), unique within
their process, so that export → import → export gives the same file.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_id() -> str:
    """A fresh primary key."""
    return str(uuid.uuid4())


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Base(DeclarativeBase):
    """Declarative base with the constraint naming convention Alembic relies on."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class AppMeta(Base):
    """Key/value facts about the database itself, e.g. which Walkthrough wrote it last."""

    __tablename__ = "app_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class ProcessRow(Base):
    """A process and its Define data (SIPOC)."""

    __tablename__ = "processes"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text, default="")
    trigger: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(Text, default="")
    customer: Mapped[str] = mapped_column(Text, default="")
    customer_need: Mapped[str] = mapped_column(Text, default="")
    owner: Mapped[str] = mapped_column(Text, default="")
    organisation: Mapped[str] = mapped_column(Text, default="")
    problem: Mapped[str] = mapped_column(Text, default="")
    scope_in: Mapped[str] = mapped_column(Text, default="")
    scope_out: Mapped[str] = mapped_column(Text, default="")
    inputs: Mapped[str] = mapped_column(Text, default="")
    runs_per_year: Mapped[float] = mapped_column(Float, default=0.0)
    hourly_rate: Mapped[float] = mapped_column(Float, default=0.0)
    currency: Mapped[str] = mapped_column(String(8), default="USD")
    fishbone_categories: Mapped[Any] = mapped_column(JSON, default=list)
    future_state: Mapped[Any] = mapped_column(JSON, nullable=True)
    go_live: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    control_owner: Mapped[str] = mapped_column(Text, default="")
    control_extra: Mapped[Any] = mapped_column(JSON, default=dict)
    extra: Mapped[Any] = mapped_column(JSON, default=dict)
    file_extra: Mapped[Any] = mapped_column(JSON, default=dict)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    # Raised by every save; a save based on an older version is refused (repository.save).
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    interviews: Mapped[list[InterviewRow]] = relationship(
        cascade="all, delete-orphan", order_by="InterviewRow.position"
    )
    lanes: Mapped[list[LaneRow]] = relationship(
        cascade="all, delete-orphan", order_by="LaneRow.position"
    )
    steps: Mapped[list[StepRow]] = relationship(
        cascade="all, delete-orphan", order_by="StepRow.position"
    )
    flows: Mapped[list[FlowRow]] = relationship(
        cascade="all, delete-orphan", order_by="FlowRow.position"
    )
    goals: Mapped[list[GoalRow]] = relationship(
        cascade="all, delete-orphan", order_by="GoalRow.position"
    )
    actions: Mapped[list[ActionRow]] = relationship(
        cascade="all, delete-orphan", order_by="ActionRow.position"
    )
    root_causes: Mapped[list[RootCauseRow]] = relationship(
        cascade="all, delete-orphan", order_by="RootCauseRow.position"
    )
    control_plan: Mapped[list[ControlPlanRowRow]] = relationship(
        cascade="all, delete-orphan", order_by="ControlPlanRowRow.position"
    )
    reviews: Mapped[list[ReviewRow]] = relationship(
        cascade="all, delete-orphan", order_by="ReviewRow.position"
    )
    measurements: Mapped[list[MeasurementRow]] = relationship(
        cascade="all, delete-orphan", order_by="MeasurementRow.position"
    )


def _process_fk() -> Mapped[str]:
    return mapped_column(ForeignKey("processes.id", ondelete="CASCADE"), index=True)


class InterviewRow(Base):
    """One interview held about a process."""

    __tablename__ = "interviews"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    process_id: Mapped[str] = _process_fk()
    position: Mapped[int] = mapped_column(default=0)
    interviewee: Mapped[str] = mapped_column(Text, default="")
    role: Mapped[str] = mapped_column(Text, default="")
    interviewer: Mapped[str] = mapped_column(Text, default="")
    date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    extra: Mapped[Any] = mapped_column(JSON, default=dict)


class LaneRow(Base):
    """A swimlane: a role, team or system."""

    __tablename__ = "lanes"
    __table_args__ = (UniqueConstraint("process_id", "key"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    process_id: Mapped[str] = _process_fk()
    key: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(default=0)
    name: Mapped[str] = mapped_column(Text)
    hourly_rate: Mapped[float | None] = mapped_column(Float, nullable=True)
    kind: Mapped[str] = mapped_column(String(16), default="role")
    extra: Mapped[Any] = mapped_column(JSON, default=dict)


class StepRow(Base):
    """One step of a process, in one lane."""

    __tablename__ = "steps"
    __table_args__ = (UniqueConstraint("process_id", "key"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    process_id: Mapped[str] = _process_fk()
    key: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(default=0)
    lane_id: Mapped[str] = mapped_column(ForeignKey("lanes.id", ondelete="RESTRICT"), index=True)
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16), default="task")
    touch_minutes: Mapped[float] = mapped_column(Float, default=0.0)
    wait_minutes: Mapped[float] = mapped_column(Float, default=0.0)
    value: Mapped[str | None] = mapped_column(String(32), nullable=True)
    why: Mapped[str] = mapped_column(Text, default="")
    habit: Mapped[bool] = mapped_column(default=False)
    systems: Mapped[Any] = mapped_column(JSON, default=list)
    rekeys_data: Mapped[bool] = mapped_column(default=False)
    pain_points: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    extra: Mapped[Any] = mapped_column(JSON, default=dict)


class FlowRow(Base):
    """A sequence flow from one step to another."""

    __tablename__ = "flows"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    process_id: Mapped[str] = _process_fk()
    position: Mapped[int] = mapped_column(default=0)
    source_id: Mapped[str] = mapped_column(ForeignKey("steps.id", ondelete="CASCADE"), index=True)
    target_id: Mapped[str] = mapped_column(ForeignKey("steps.id", ondelete="CASCADE"), index=True)
    label: Mapped[str] = mapped_column(Text, default="")
    probability: Mapped[float | None] = mapped_column(Float, nullable=True)
    extra: Mapped[Any] = mapped_column(JSON, default=dict)


class GoalRow(Base):
    """A measurable goal of the improvement plan."""

    __tablename__ = "goals"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    process_id: Mapped[str] = _process_fk()
    position: Mapped[int] = mapped_column(default=0)
    metric: Mapped[str] = mapped_column(Text)
    target: Mapped[float | None] = mapped_column(Float, nullable=True)
    baseline: Mapped[float | None] = mapped_column(Float, nullable=True)
    unit: Mapped[str] = mapped_column(Text, default="")
    direction: Mapped[str | None] = mapped_column(String(16), nullable=True)
    due: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    owner: Mapped[str] = mapped_column(Text, default="")
    measured_by: Mapped[str] = mapped_column(Text, default="")
    statement: Mapped[str] = mapped_column(Text, default="")
    baseline_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    baseline_source: Mapped[str] = mapped_column(Text, default="")
    extra: Mapped[Any] = mapped_column(JSON, default=dict)


class ActionRow(Base):
    """An ECRS action of the improvement plan."""

    __tablename__ = "actions"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    process_id: Mapped[str] = _process_fk()
    position: Mapped[int] = mapped_column(default=0)
    key: Mapped[str] = mapped_column(String(200))
    verb: Mapped[str] = mapped_column(String(16))
    title: Mapped[str] = mapped_column(Text)
    steps: Mapped[Any] = mapped_column(JSON, default=list)
    finding: Mapped[str] = mapped_column(Text, default="")
    owner: Mapped[str] = mapped_column(Text, default="")
    due: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    effort: Mapped[int] = mapped_column(default=3)
    impact_minutes_per_year: Mapped[float | None] = mapped_column(Float, nullable=True)
    status: Mapped[str] = mapped_column(String(16), default="open")
    notes: Mapped[str] = mapped_column(Text, default="")
    extra: Mapped[Any] = mapped_column(JSON, default=dict)


class RootCauseRow(Base):
    """Root-cause notes on one finding: the 5 whys (a tree) and the fishbone."""

    __tablename__ = "root_causes"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    process_id: Mapped[str] = _process_fk()
    position: Mapped[int] = mapped_column(default=0)
    finding: Mapped[str] = mapped_column(Text)
    whys: Mapped[Any] = mapped_column(JSON, default=list)
    fishbone: Mapped[Any] = mapped_column(JSON, default=dict)
    conclusion: Mapped[str] = mapped_column(Text, default="")
    extra: Mapped[Any] = mapped_column(JSON, default=dict)


class ControlPlanRowRow(Base):
    """One row of the control plan: how one goal metric is watched, and what to do."""

    __tablename__ = "control_plan_rows"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    process_id: Mapped[str] = _process_fk()
    position: Mapped[int] = mapped_column(default=0)
    metric: Mapped[str] = mapped_column(Text)
    what: Mapped[str] = mapped_column(Text, default="")
    how: Mapped[str] = mapped_column(Text, default="")
    frequency: Mapped[str] = mapped_column(Text, default="")
    who: Mapped[str] = mapped_column(Text, default="")
    lower_limit: Mapped[float | None] = mapped_column(Float, nullable=True)
    upper_limit: Mapped[float | None] = mapped_column(Float, nullable=True)
    reaction: Mapped[str] = mapped_column(Text, default="")
    notify: Mapped[str] = mapped_column(Text, default="")
    extra: Mapped[Any] = mapped_column(JSON, default=dict)


class ReviewRow(Base):
    """A 30-day, 90-day or extra review of the change."""

    __tablename__ = "reviews"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    process_id: Mapped[str] = _process_fk()
    position: Mapped[int] = mapped_column(default=0)
    key: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16))
    due: Mapped[dt.date] = mapped_column(Date)
    done_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    verdict: Mapped[str | None] = mapped_column(String(16), nullable=True)
    answers: Mapped[Any] = mapped_column(JSON, default=dict)
    notes: Mapped[str] = mapped_column(Text, default="")
    extra: Mapped[Any] = mapped_column(JSON, default=dict)


class MeasurementRow(Base):
    """One measured value of a metric on a day."""

    __tablename__ = "measurements"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    process_id: Mapped[str] = _process_fk()
    position: Mapped[int] = mapped_column(default=0)
    metric: Mapped[str] = mapped_column(Text)
    day: Mapped[dt.date] = mapped_column(Date)
    value: Mapped[float] = mapped_column(Float)
    note: Mapped[str] = mapped_column(Text, default="")
    extra: Mapped[Any] = mapped_column(JSON, default=dict)
