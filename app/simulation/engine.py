"""One replication: cases arrive, walk the map, queue first come first served for their lane.

The event queue is a heap of ``(time, sequence, kind, case, step)``; the sequence number breaks
ties in the order events were made, so a seed gives the same run every time. The model's
per-step tuples are copied onto the run, since attribute lookups are the hot path here. A stretch of
steps that wait for nobody is walked inline (nothing else can change it), which keeps the heap
to the moments when cases meet a queue.

Measured cases are ``warmup`` … ``warmup + cases − 1`` in order of arrival; the measuring
window runs from the first measured arrival to the arrival after the last one, and arrivals go
on until every measured case is done, so the last ones meet a loaded system too.
"""

from __future__ import annotations

import heapq
import itertools
import random
from collections import deque
from dataclasses import dataclass, field

from app.simulation.model import EXPONENTIAL, FIXED, TRIANGULAR, SimModel

ARRIVE, REQUEST, DONE = 0, 1, 2


@dataclass(slots=True)
class Replication:
    """What one replication measured (waits, visits and cost of measured cases only)."""

    lead_times: list[float] = field(default_factory=list)
    step_wait: list[float] = field(default_factory=list)
    step_visits: list[int] = field(default_factory=list)
    pool_work: list[float] = field(default_factory=list)
    pool_open: list[float] = field(default_factory=list)
    window: float = 0.0
    completions: int = 0
    cost: float = 0.0


class _Run:
    """The state of one replication while it runs."""

    def __init__(self, model: SimModel, seed: str, cases: int, warmup: int) -> None:
        self.model = model
        self.pool_of, self.law, self.delay = model.pool, model.law, model.delay
        self.typical = tuple(touch[0] for touch in model.touch)
        self.targets, self.cumulative = model.targets, model.cumulative
        self.calendars = tuple(pool.calendar for pool in model.pools)
        self.rng = random.Random(seed)
        self.first, self.last = warmup, warmup + cases  # measured: first <= case < last
        self.heap: list[tuple[float, int, int, int, int]] = []
        self.counter = itertools.count()
        self.arrival: list[float] = []
        self.entered: list[float] = []
        self.free = [pool.people for pool in model.pools]
        self.queues: list[deque[tuple[int, int]]] = [deque() for _ in model.pools]
        self.begin = self.end = float("inf")  # the measuring window
        self.now = 0.0  # the time of the event being handled
        self.departures: list[float] = []
        self.left = cases
        self.clock = 0.0  # working minutes of the arrival calendar
        self.out = Replication(
            step_wait=[0.0] * len(model.steps),
            step_visits=[0] * len(model.steps),
            pool_work=[0.0] * len(model.pools),
        )

    def push(self, time: float, kind: int, case: int, step: int) -> None:
        heapq.heappush(self.heap, (time, next(self.counter), kind, case, step))

    def sample(self, step: int) -> float:
        law = self.law[step]
        typical, low, high = self.model.touch[step]
        if law == TRIANGULAR:
            return self.rng.triangular(low, high, typical)
        return self.rng.expovariate(1 / typical) if law == EXPONENTIAL else typical

    def next_arrival(self, now: float) -> None:
        gap = self.rng.expovariate(self.model.arrivals_per_minute)
        calendar = self.model.arrival_calendar
        if calendar is None:
            self.push(now + gap, ARRIVE, len(self.arrival), 0)
        else:
            self.clock += gap
            self.push(calendar.from_work(self.clock), ARRIVE, len(self.arrival), 0)

    def arrive(self, now: float, case: int) -> None:
        self.arrival.append(now)
        self.entered.append(now)
        if case == self.first:
            self.begin = now
        if case == self.last:
            self.end = now
        self.next_arrival(now)
        self.walk(case, self.model.start, now)

    def walk(self, case: int, step: int, now: float) -> None:
        """Go through steps that wait for nobody until one that queues, or the end."""
        measured, out = self.first <= case < self.last, self.out
        while step >= 0:
            if self.pool_of[step] >= 0:
                self.entered[case] = now
                ready = now + self.delay[step]
                if ready > self.now:  # later than the event being handled: queue in turn
                    self.push(ready, REQUEST, case, step)
                else:
                    self.request(case, step, now)
                return
            touch = self.typical[step] if self.law[step] == FIXED else self.sample(step)
            if measured:
                out.step_wait[step] += self.delay[step]
                out.step_visits[step] += 1
                out.cost += touch * self.model.cost_per_minute[step]
            now += self.delay[step] + touch
            step = self.route(step)
        self.depart(case, now)

    def route(self, step: int) -> int:
        """The next step (-1: the case is done)."""
        targets = self.targets[step]
        if len(targets) <= 1:
            return targets[0] if targets else -1
        draw = self.rng.random()
        for target, edge in zip(targets, self.cumulative[step], strict=True):
            if draw < edge:
                return target
        return targets[-1]

    def request(self, case: int, step: int, now: float) -> None:
        pool = self.pool_of[step]
        if self.free[pool] > 0:
            self.free[pool] -= 1
            self.serve(case, step, now)
        else:
            self.queues[pool].append((case, step))

    def serve(self, case: int, step: int, now: float) -> None:
        pool = self.pool_of[step]
        calendar = self.calendars[pool]
        touch = self.typical[step] if self.law[step] == FIXED else self.sample(step)
        if calendar is None:
            begin, end = now, now + touch
        else:
            begin = calendar.from_work(calendar.to_work(now))
            end = calendar.advance(begin, touch)
        if self.first <= case < self.last:
            out = self.out
            out.step_wait[step] += begin - self.entered[case]
            out.step_visits[step] += 1
            out.cost += touch * self.model.cost_per_minute[step]
        if self.begin <= begin < self.end:
            self.out.pool_work[pool] += touch
        heapq.heappush(self.heap, (end, next(self.counter), DONE, case, step))

    def done(self, case: int, step: int, now: float) -> None:
        pool = self.pool_of[step]
        waiting = self.queues[pool]
        if waiting:
            following_case, following_step = waiting.popleft()
            self.serve(following_case, following_step, now)
        else:
            self.free[pool] += 1
        self.walk(case, self.route(step), now)

    def depart(self, case: int, now: float) -> None:
        self.departures.append(now)
        if self.first <= case < self.last:
            self.out.lead_times.append(now - self.arrival[case])
            self.left -= 1

    def run(self) -> Replication:
        self.next_arrival(0.0)
        heap, pop = self.heap, heapq.heappop
        while heap and (self.left > 0 or len(self.arrival) <= self.last):
            now, _, kind, case, step = pop(heap)
            self.now = now
            if kind == DONE:
                self.done(case, step, now)
            elif kind == REQUEST:
                self.request(case, step, now)
            else:
                self.arrive(now, case)
        return self.finish()

    def finish(self) -> Replication:
        begin, end = self.begin, self.end
        self.out.window = end - begin
        self.out.completions = sum(1 for t in self.departures if begin <= t < end)
        self.out.pool_open = [
            pool.people * (pool.calendar.open_between(begin, end) if pool.calendar else end - begin)
            for pool in self.model.pools
        ]
        return self.out


def run_replication(model: SimModel, seed: str, cases: int, warmup: int) -> Replication:
    """Simulate ``warmup + cases`` arrivals (and more while measured cases are still in)."""
    return _Run(model, seed, cases, warmup).run()
