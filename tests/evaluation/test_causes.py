"""Error causes for `heron eval --errors`: read off each miss, counted per task."""

from __future__ import annotations

from heron.evaluation.causes import annotate, cause_counts, causes_for


def test_type_miss_causes() -> None:
    assert causes_for({"task": "quad", "predicate": None, "cameo": None}) == ["no event found"]
    negated = {"task": "quad", "predicate": "agree", "cameo": "120", "aux_modes": ["negation"],
               "sentence": "Iran did not agree to the plan.", "predicate_start": 13, "events_in_sentence": 1}
    assert causes_for(negated) == ["negated"]
    passive = {"task": "plover", "type_correct": False, "predicate": "attacked", "cameo": "190",
               "sentence": "The convoy was attacked by rebels.", "predicate_start": 15, "events_in_sentence": 2,
               "reported": True}
    assert causes_for(passive) == ["reported speech", "passive", "several events"]
    nominal = {"task": "quad", "predicate": "summit", "cameo": "043", "sentence": "Summit between X and Y.",
               "predicate_start": 0, "events_in_sentence": 1}
    assert causes_for(nominal) == ["nominal event"]
    statement = {"task": "quad", "predicate": "said", "cameo": "010", "sentence": "He said so.", "predicate_start": 3}
    assert causes_for(statement) == ["only a statement found"]


def test_role_miss_causes() -> None:
    def span(start: int, end: int) -> list[dict]:
        return [{"tokens": [start, end], "text": "x"}]

    miss = {"task": "roles", "predicate": "attacked", "gold_source": span(0, 2), "gold_target": span(5, 7),
            "predicted_source": span(1, 2), "predicted_target": []}
    assert causes_for(miss) == ["source boundary", "target missing"]
    swapped = {"task": "roles", "predicate": "met", "gold_source": span(0, 1), "gold_target": span(3, 4),
               "predicted_source": span(3, 4), "predicted_target": span(0, 1)}
    assert causes_for(swapped) == ["roles swapped", "source wrong actor", "target wrong actor"]
    compound = {"task": "roles", "predicate": "met", "gold_source": span(0, 1) + span(2, 3), "gold_target": [],
                "predicted_source": span(0, 1), "predicted_target": span(5, 6)}
    assert causes_for(compound) == ["source boundary", "target spurious", "compound actors"]


def test_actor_causes_and_counts() -> None:
    miss = {"task": "plover", "type_correct": True, "actor_misses": [{"side": "target"}, {"side": "source"}],
            "predicted_source": [{"name": "x"}], "predicted_target": [], "gold_actors": {"source": 1, "target": 2}}
    assert causes_for(miss) == ["actor not on that side", "actor wrong or unresolved", "compound actors"]
    annotated = annotate([miss, {"task": "quad", "predicate": None, "cameo": None}])
    assert annotated[0]["causes"][0] == "actor not on that side" and "causes" not in miss
    assert cause_counts(annotated) == {
        "plover": {"actor not on that side": 1, "actor wrong or unresolved": 1, "compound actors": 1},
        "quad": {"no event found": 1},
    }
