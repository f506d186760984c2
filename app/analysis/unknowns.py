"""What the figures cannot say yet: costs without hourly rates, PCE without value classes.

An unknown is shown as "not known", never as 0: a process with no hourly cost does not cost
nothing, and one whose steps nobody classified is not 0 % efficient.
"""

from __future__ import annotations

from app.process.model import Process


def lanes_without_rate(process: Process) -> tuple[str, ...]:
    """Names of the lanes doing hands-on work with no hourly cost (none with a process rate)."""
    if process.hourly_rate > 0:
        return ()
    working = {step.lane for step in process.steps if step.touch_minutes > 0}
    return tuple(
        lane.name for lane in process.lanes if lane.id in working and lane.hourly_rate is None
    )


def cost_known(process: Process) -> bool:
    """True when every lane that works has an hourly cost (its own or the process's)."""
    return not lanes_without_rate(process)


def value_known(process: Process) -> bool:
    """True when at least one step was said to add value or not (PCE then means something)."""
    return any(step.value is not None for step in process.steps)


def cost_gap(process: Process) -> str:
    """Why a cost is not known, in a few words; "" when it is."""
    missing = lanes_without_rate(process)
    if not missing:
        return ""
    if len(missing) == len({s.lane for s in process.steps if s.touch_minutes > 0}):
        return "not known: no hourly cost given"
    return f"not known: no hourly cost for {', '.join(missing)}"
