"""A seeded mutator of text inputs: the damage bad luck and attackers do to files.

Each mutation keeps most of the input valid so the readers get past the first check, then
breaks one thing: a huge number, a lone surrogate, a NUL, deep nesting, a cut or a copy.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterator

Mutation = Callable[[random.Random, str], str]


def _huge_number(rng: random.Random, text: str) -> str:
    numbers = list(re.finditer(r"(?<![\w.])\d+(?:\.\d+)?", text))
    if not numbers:
        return text
    match = rng.choice(numbers)
    huge = rng.choice(["9" * rng.randint(20, 500), "1e308", "1e999", "-0", "18446744073709551617"])
    return text[: match.start()] + huge + text[match.end() :]


def _escape(rng: random.Random, text: str) -> str:
    quotes = [match.end() for match in re.finditer(r'"[^"\\]{0,40}', text)]
    if not quotes:
        return text
    where = rng.choice(quotes)
    bad = rng.choice(["\\ud800", "\\udfff", "\\u0000", "\x00", "\ud83d", "\u202e", "\\"])
    return text[:where] + bad + text[where:]


def _nest(rng: random.Random, text: str) -> str:
    where = text.find(":", rng.randrange(max(1, len(text))))
    if where < 0:
        return text
    depth = rng.choice([50, 120, 1200])
    return text[: where + 1] + "[" * depth + "1" + "]" * depth + text[text.find(",", where) :]


def _cut(rng: random.Random, text: str) -> str:
    start = rng.randrange(max(1, len(text)))
    return text[:start] + text[start + rng.randint(1, 200) :]


def _copy(rng: random.Random, text: str) -> str:
    start = rng.randrange(max(1, len(text)))
    piece = text[start : start + rng.randint(1, 400)]
    return text[:start] + piece * rng.randint(1, 50) + text[start:]


def _flip(rng: random.Random, text: str) -> str:
    where = rng.randrange(max(1, len(text)))
    return (
        text[:where]
        + chr(rng.choice([0, 34, 44, 58, 91, 93, 123, 125, 60, 62, 38]))
        + text[where + 1 :]
    )


MUTATIONS: tuple[Mutation, ...] = (_huge_number, _escape, _nest, _cut, _copy, _flip)


def mutants(seed: int, text: str, count: int) -> Iterator[str]:
    """``count`` damaged copies of ``text``, the same ones for the same seed."""
    rng = random.Random(seed)
    for _ in range(count):
        mutant = text
        for _step in range(rng.randint(1, 3)):
            mutant = rng.choice(MUTATIONS)(rng, mutant)
        yield mutant
