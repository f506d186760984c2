"""One-key answers to a follow-up: a short list of options, each picked by one key, that fills
a field of the step (today: what its wait is for, ``step.wait_for`` as app.process.staffing
stores it). The options live in the question bank beside the rule's questions::

    "choice": {"fills": "step.wait_for", "prompt": "Is that wait …?",
               "options": [{"key": "q", "value": "queue", "label": "…"}, …]}
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from app.process.model import Process
from app.process.staffing import WAIT_FOR, wait_for, with_wait_for

CHOICE_FILLS: Mapping[str, tuple[str, ...]] = {"step.wait_for": WAIT_FOR}


@dataclass(frozen=True, slots=True)
class ChoiceOption:
    """One answer: the key that picks it, the value stored and the words shown."""

    key: str
    value: str
    label: str


@dataclass(frozen=True, slots=True)
class FollowUpChoice:
    """A one-key question asked with a follow-up, and the field its answer fills."""

    fills: str
    prompt: str
    options: tuple[ChoiceOption, ...]

    def option(self, key: str) -> ChoiceOption | None:
        """The option a key picks (either case), None for any other key."""
        return next((o for o in self.options if o.key == key.casefold()), None)


def chosen_value(process: Process, step_id: str, choice: FollowUpChoice) -> str:
    """The value the step holds for the choice's field ("" when none was given)."""
    step = process.step_by_id().get(step_id)
    return (wait_for(step) or "") if step is not None else ""


def choose(process: Process, step_id: str, choice: FollowUpChoice, key: str) -> Process:
    """Store the option ``key`` picks ("" clears it); ValueError names the keys for another."""
    option = choice.option(key) if key else None
    if key and option is None:
        keys = " or ".join(o.key.upper() for o in choice.options)
        raise ValueError(f"'{key}' is not an answer to “{choice.prompt}”: press {keys}")
    if step_id not in process.step_by_id():
        raise KeyError(f"no step '{step_id}'")
    value = next((v for v in WAIT_FOR if option is not None and v == option.value), None)
    steps = tuple(
        with_wait_for(step, value) if step.id == step_id else step for step in process.steps
    )
    return dataclasses.replace(process, steps=steps)


def read_choice(value: Any, place: str, problems: list[str]) -> FollowUpChoice | None:
    """The ``choice`` of a follow-up rule, with every problem recorded by its place."""
    if value is None:
        return None
    if not isinstance(value, Mapping):
        problems.append(f"{place}choice: must be an object with fills, prompt and options")
        return None
    fills, prompt = value.get("fills"), value.get("prompt")
    if not isinstance(fills, str) or fills not in CHOICE_FILLS:
        problems.append(f"{place}choice.fills: must be one of {', '.join(CHOICE_FILLS)}")
        return None
    if not isinstance(prompt, str) or not prompt.strip():
        problems.append(f"{place}choice.prompt: is required")
        return None
    options = _options(value.get("options"), CHOICE_FILLS[fills], f"{place}choice.", problems)
    return FollowUpChoice(fills, prompt, options) if options else None


def _options(
    value: Any, allowed: tuple[str, ...], place: str, problems: list[str]
) -> tuple[ChoiceOption, ...]:
    if not isinstance(value, list) or len(value) < 2:
        problems.append(f"{place}options: must list at least two options")
        return ()
    options: list[ChoiceOption] = []
    for index, item in enumerate(value):
        where = f"{place}options[{index}]"
        option = _option(item, allowed, where, problems)
        if option is not None and any(o.key == option.key for o in options):
            problems.append(f"{where}.key: '{option.key}' is used twice")
        elif option is not None:
            options.append(option)
    return tuple(options) if len(options) == len(value) else ()


def _option(
    item: Any, allowed: tuple[str, ...], where: str, problems: list[str]
) -> ChoiceOption | None:
    if not isinstance(item, Mapping):
        problems.append(f"{where}: must be an object with key, value and label")
        return None
    key, value, label = item.get("key"), item.get("value"), item.get("label")
    if not isinstance(key, str) or len(key) != 1 or not key.isalnum():
        problems.append(f"{where}.key: must be one letter or digit")
    elif value not in allowed:
        problems.append(f"{where}.value: must be one of {', '.join(allowed)}")
    elif not isinstance(label, str) or not label.strip():
        problems.append(f"{where}.label: is required")
    else:
        return ChoiceOption(key.casefold(), value, label)
    return None
