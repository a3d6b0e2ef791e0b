"""Why a sentence was missed: causes for ``heron eval --errors`` and the cause table in its report.

Each miss (a dict from :mod:`heron.evaluation.scoring`) gets a list of causes, most telling first. The
causes are read off the miss itself (the scored event, the sentence and the gold), so they are cheap
and the same for every extractor:

type misses (PLOVER and quad tasks)
    ``no event found``; ``only a statement found``; ``negated``/``future``/``hypothetical`` (the
    event carries that auxiliary mode: recoding may be wrong); ``reported speech`` (a statement verb
    frames it); ``passive``; ``nominal event`` (the predicate is a lexicon noun that is not also a verb,
    e.g. "summit", "deployment"); ``several events``
    (the sentence had others: the wrong one may have been ranked first); else ``wrong type``.
role misses
    ``no event found``; per side, ``source missing``/``target missing`` (gold has one, Heron none),
    ``source spurious``/``target spurious`` (the reverse), ``source boundary``/``target boundary``
    (overlapping but not the same tokens), ``source wrong actor``/``target wrong actor`` (no overlap),
    ``roles swapped`` (Heron's source is the gold target or the reverse), ``compound actors`` (the gold
    has several spans for a role).
actor misses (PLOVER task, actors with codes)
    ``actor not on that side``, ``actor wrong or unresolved`` (that side has actors, none with the code), ``compound
    actors``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import Any

PASSIVE_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being|get|got)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
VERB_ENDINGS = ("ed", "en", "ing")


def causes_for(miss: dict[str, Any]) -> list[str]:
    task = miss.get("task")
    if task in ("plover", "quad"):
        causes = _type_causes(miss) if task == "quad" or not miss.get("type_correct", False) else []
        if task == "plover" and miss.get("actor_misses"):
            causes += _actor_causes(miss)
        return causes or ["other"]
    if task == "roles":
        return _role_causes(miss) or ["other"]
    return ["other"]


def _type_causes(miss: dict[str, Any]) -> list[str]:
    if miss.get("predicate") is None and miss.get("cameo") is None:
        return ["no event found"]
    causes: list[str] = []
    cameo = miss.get("cameo") or ""
    if cameo.startswith("01"):
        causes.append("only a statement found")
    for mode, label in (("negation", "negated"), ("future", "future"), ("hypothetical", "hypothetical")):
        if mode in (miss.get("aux_modes") or []):
            causes.append(label)
    if miss.get("reported"):
        causes.append("reported speech")
    predicate = miss.get("predicate") or ""
    sentence = miss.get("sentence") or ""
    start = miss.get("predicate_start")
    if isinstance(start, int) and PASSIVE_BEFORE.search(sentence[:start]) and predicate.split()[0].endswith(VERB_ENDINGS):
        causes.append("passive")
    if predicate and " " not in predicate and not cameo.startswith("01") and _is_event_noun(predicate):
        causes.append("nominal event")
    if (miss.get("events_in_sentence") or 0) > 1:
        causes.append("several events")
    return causes or ["wrong type"]


def _is_event_noun(word: str) -> bool:
    """A lexicon noun that is not also a verb ("talks", "sanctions"; not "attack", "agree")."""
    from heron.events.lexicon import load_lexicon

    lexicon = load_lexicon()
    lowered = word.lower()
    return lexicon.noun_entry(lowered) is not None and not lexicon.entries_for(lowered.removesuffix("s"), "verb") \
        and not lexicon.entries_for(lowered, "verb")


def _actor_causes(miss: dict[str, Any]) -> list[str]:
    causes: list[str] = []
    for actor_miss in miss.get("actor_misses") or []:
        side = actor_miss.get("side", "")
        predicted = miss.get(f"predicted_{side}") or []
        causes.append("actor wrong or unresolved" if predicted else "actor not on that side")
    if any(count > 1 for count in (miss.get("gold_actors") or {}).values()):
        causes.append("compound actors")
    return list(dict.fromkeys(causes))


def _spans(items: Iterable[dict[str, Any]]) -> set[tuple[int, int]]:
    return {tuple(item["tokens"]) for item in items}  # type: ignore[misc]


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _role_causes(miss: dict[str, Any]) -> list[str]:
    if miss.get("predicate") is None:
        return ["no event found"]
    gold = {side: _spans(miss.get(f"gold_{side}") or []) for side in ("source", "target")}
    predicted = {side: _spans(miss.get(f"predicted_{side}") or []) for side in ("source", "target")}
    causes: list[str] = []
    swapped = any(_overlaps(p, g) for p in predicted["source"] for g in gold["target"]) or any(
        _overlaps(p, g) for p in predicted["target"] for g in gold["source"]
    )
    if swapped:
        causes.append("roles swapped")
    for side in ("source", "target"):
        g, p = gold[side], predicted[side]
        if g == p:
            continue
        if g and not p:
            causes.append(f"{side} missing")
        elif p and not g:
            causes.append(f"{side} spurious")
        elif any(_overlaps(a, b) for a in p for b in g):
            causes.append(f"{side} boundary")
        else:
            causes.append(f"{side} wrong actor")
    if any(len(spans) > 1 for spans in gold.values()):
        causes.append("compound actors")
    return causes


def annotate(misses: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The misses with a ``causes`` list each (a new dict per miss)."""
    return [{**miss, "causes": causes_for(miss)} for miss in misses]


def cause_counts(misses: Iterable[dict[str, Any]]) -> dict[str, dict[str, int]]:
    """Per task, how many misses show each cause (a miss can show several), most frequent first."""
    counts: dict[str, Counter[str]] = {}
    for miss in misses:
        counter = counts.setdefault(str(miss.get("task")), Counter())
        counter.update(causes_for(miss))
    return {task: dict(counter.most_common()) for task, counter in counts.items()}
