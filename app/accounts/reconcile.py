"""The reconciled map: who described each step and flow, and the spread of the times they gave.

A step told by several people has a spread of hands-on times and waits (min / median / max);
the map uses the value the person chose for it (``process.accounts.times``, median by default).
Only steps described by two accounts or more take a value from the spread: a step one person
told keeps what the map says (it may have been edited since). A step matched one-against-two
takes the two steps' times added up; two map steps matched against one are described by
that account, its time not split between them.
"""

from __future__ import annotations

import dataclasses
import statistics
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from app.accounts.decisions import ACCOUNTS_KEY, Decision, accounts_extra, decisions_of
from app.accounts.differences import Account
from app.accounts.interviews import accounts_of, keep_told_accounts
from app.accounts.links import map_links
from app.process.model import Flow, Process, Step

CHOICES = ("min", "median", "max")
TIMES_KEY = "times"
TOLD_BY_KEY = "told_by"  # on each step and flow of the reconciled map: interviews from 1


@dataclass(frozen=True, slots=True)
class Spread:
    """One time as each account gave it: (who, minutes), in interview order."""

    said: tuple[tuple[str, float], ...]

    def value(self, choice: str) -> float:
        """The minimum, median or maximum of what was said."""
        values = [minutes for _, minutes in self.said]
        if choice == "min":
            return min(values)
        return max(values) if choice == "max" else float(statistics.median(values))


@dataclass(frozen=True, slots=True)
class StepVoices:
    """Who described one map step, and what each said its times were."""

    step_id: str
    told_by: tuple[int, ...]
    touch: Spread
    wait: Spread
    touch_choice: str = "median"
    wait_choice: str = "median"

    @property
    def reconcilable(self) -> bool:
        """True when two accounts or more gave this step's times."""
        return len(self.touch.said) > 1


@dataclass(frozen=True, slots=True)
class Reconciliation:
    """Every account, and for each map step and flow the interviews that described it."""

    accounts: tuple[Account, ...]
    steps: dict[str, StepVoices]
    flows: dict[tuple[str, str], tuple[int, ...]]


def reconcile(process: Process) -> Reconciliation:
    """Who described what, through the confirmed matches kept with ``process``."""
    accounts = accounts_of(process)
    decisions = decisions_of(process)
    links = map_links(process, accounts, decisions)
    told: dict[str, list[tuple[Account, Step]]] = {s.id: [] for s in process.steps}
    for account in accounts:
        for step in account.process.steps:
            linked = links.get((account.interview, step.id))
            if linked is not None:
                told[linked].append((account, step))
    for linked, account, joined in _joined_times(accounts, links, decisions):
        if all(other.interview != account.interview for other, _ in told[linked]):
            told[linked].append((account, joined))
    split = _split_voices(links, decisions)
    choices = time_choices(process)
    steps = {
        sid: _voices(sid, said, split.get(sid, set()), choices.get(sid, {}))
        for sid, said in told.items()
    }
    return Reconciliation(accounts, steps, _flow_voices(process, accounts, links))


def _split_voices(
    links: dict[tuple[int, str], str], decisions: Iterable[Decision]
) -> dict[str, set[int]]:
    """Map steps matched one-against-two, each with the interview on the other side."""
    found: dict[str, set[int]] = {}
    for d in decisions:
        if not d.confirmed or len(d.a_steps) == len(d.b_steps) == 1:
            continue
        for interview, steps, other in ((d.a, d.a_steps, d.b), (d.b, d.b_steps, d.a)):
            for step_id in steps:
                linked = links.get((interview, step_id))
                if linked is not None:
                    found.setdefault(linked, set()).add(other)
    return found


def _joined_times(
    accounts: tuple[Account, ...], links: dict[tuple[int, str], str], decisions: Iterable[Decision]
) -> list[tuple[str, Account, Step]]:
    """A map step matched against two steps of another account takes their times added up
    as that account's ("Pick and pack" = "Pick items" + "Pack box")."""
    by_interview = {account.interview: account for account in accounts}
    found = []
    for d in decisions:
        if not d.confirmed or sorted((len(d.a_steps), len(d.b_steps))) != [1, 2]:
            continue
        if len(d.a_steps) == 1:
            single, pair, other = (d.a, d.a_steps[0]), d.b_steps, d.b
        else:
            single, pair, other = (d.b, d.b_steps[0]), d.a_steps, d.a
        linked, account = links.get(single), by_interview.get(other)
        steps = account.process.step_by_id() if account else {}
        parts = [steps[step_id] for step_id in pair if step_id in steps]
        if linked is None or account is None or len(parts) != 2:
            continue
        touch = sum(part.touch_minutes for part in parts)
        wait = sum(part.wait_minutes for part in parts)
        found.append((linked, account, Step("", "", "", touch_minutes=touch, wait_minutes=wait)))
    return found


def _voices(
    step_id: str, said: list[tuple[Account, Step]], split: set[int], choice: dict[str, str]
) -> StepVoices:
    return StepVoices(
        step_id,
        tuple(sorted({a.interview for a, _ in said} | split)),
        Spread(tuple((a.label, s.touch_minutes) for a, s in said)),
        Spread(tuple((a.label, s.wait_minutes) for a, s in said)),
        choice.get("touch", "median"),
        choice.get("wait", "median"),
    )


def _flow_voices(
    process: Process, accounts: Iterable[Account], links: dict[tuple[int, str], str]
) -> dict[tuple[str, str], tuple[int, ...]]:
    told: dict[tuple[str, str], set[int]] = {(f.source, f.target): set() for f in process.flows}
    for account in accounts:
        for flow in account.process.flows:
            source = links.get((account.interview, flow.source))
            target = links.get((account.interview, flow.target))
            if source is not None and target is not None and (source, target) in told:
                told[(source, target)].add(account.interview)
    return {key: tuple(sorted(value)) for key, value in told.items()}


def time_choices(process: Process) -> dict[str, dict[str, str]]:
    """Per map step, which value of the spread the map uses for ``touch`` and ``wait``."""
    stored = accounts_extra(process).get(TIMES_KEY)
    if not isinstance(stored, dict):
        return {}
    return {
        step: {what: c for what, c in choice.items() if what in ("touch", "wait") and c in CHOICES}
        for step, choice in stored.items()
        if isinstance(choice, dict)
    }


def with_time_choice(process: Process, step_id: str, what: str, choice: str) -> Process:
    """``process`` using ``choice`` of the spread for ``what`` (touch or wait) of a step."""
    process = keep_told_accounts(process)  # the map's new value is no one's account
    choices: dict[str, Any] = time_choices(process)
    choices[step_id] = {**choices.get(step_id, {}), what: choice}
    stored = {**accounts_extra(process), TIMES_KEY: choices}
    chosen = dataclasses.replace(process, extra={**process.extra, ACCOUNTS_KEY: stored})
    return reconciled_process(chosen, (step_id,))


def reconciled_process(process: Process, step_ids: Iterable[str] | None = None) -> Process:
    """The map with each step and flow naming who described it and, for ``step_ids`` (all when
    None) told by two accounts or more, the chosen value of each time's spread."""
    reconciled = reconcile(process)
    voices = reconciled.steps
    wanted = set(voices) if step_ids is None else set(step_ids)
    steps = tuple(_reconciled(s, voices.get(s.id), s.id in wanted) for s in process.steps)
    flows = tuple(
        _told_by(f, reconciled.flows.get((f.source, f.target), ())) for f in process.flows
    )
    return dataclasses.replace(process, steps=steps, flows=flows)


def _told_by(flow: Flow, told: tuple[int, ...]) -> Flow:
    """A flow naming the interviews that described it (the key dropped when none did)."""
    extra = {k: v for k, v in flow.extra.items() if k != TOLD_BY_KEY}
    if told:
        extra[TOLD_BY_KEY] = list(told)
    return flow if extra == dict(flow.extra) else dataclasses.replace(flow, extra=extra)


def _reconciled(step: Step, voices: StepVoices | None, retime: bool) -> Step:
    if voices is None or not voices.told_by:
        extra = {k: v for k, v in step.extra.items() if k != TOLD_BY_KEY}
        return step if extra == dict(step.extra) else dataclasses.replace(step, extra=extra)
    extra = {**step.extra, TOLD_BY_KEY: list(voices.told_by)}
    if not (retime and voices.reconcilable):
        return dataclasses.replace(step, extra=extra)
    return dataclasses.replace(
        step,
        touch_minutes=voices.touch.value(voices.touch_choice),
        wait_minutes=voices.wait.value(voices.wait_choice),
        extra=extra,
    )
