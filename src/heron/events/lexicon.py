"""The predicate lexicon: which verbs and nouns signal which CAMEO event, read from YAML data files.

The package ships ``data/predicates.yaml``; users may add files in the same format that extend it or
override entries (same lemma + pos + particle + objects). The format is documented in
``data/README.md`` and in the header of ``predicates.yaml``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from heron.events.cameo import PLOVER_TYPES, is_known_code

POS_VALUES = ("verb", "noun")
KIND_VALUES = ("event", "speech", "transparent", "light")
_ALLOWED_KEYS = {"lemma", "pos", "kind", "cameo", "object", "complement", "future", "plover", "note"}
# The C loader parses the ~800-entry package file several times faster when libyaml is present.
_YamlLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class PredicateEntry:
    """One lexicon entry. For a multiword verb ("set up") ``lemma`` is the head and ``particle`` the rest."""

    lemma: str
    pos: str  # verb | noun
    kind: str  # event | speech | transparent | light
    cameo: str | None
    particle: str | None
    objects: tuple[str, ...]  # entry applies only when the direct object's lemma is one of these
    future: bool  # the predicate itself announces intent (plan, intend, prepare)
    note: str
    source: str = ""  # file the entry came from, for messages
    # PLOVER type (and mode) where the manual departs from the CAMEO table for this predicate,
    # e.g. resignations are RETREAT "resign" while their CAMEO code 0831 maps to CONCEDE.
    plover_type: str | None = None
    plover_mode: str | None = None
    # entry applies only when the verb's to-infinitive complement is one of these lemmas
    # ("ordered the envoy to leave" is an expulsion, "ordered the army to attack" a demand)
    complements: tuple[str, ...] = ()

    @property
    def key(self) -> tuple[str, str, str | None, tuple[str, ...], tuple[str, ...]]:
        return (self.lemma, self.pos, self.particle, self.objects, self.complements)

    @property
    def specificity(self) -> int:
        """How many extra conditions the entry has; more specific entries are tried first."""
        return int(self.particle is not None) + int(bool(self.objects)) + int(bool(self.complements))

    @property
    def phrase(self) -> str:
        return f"{self.lemma} {self.particle}" if self.particle else self.lemma


NOUN_ANSWERS_KEPT = 50_000  # noun look-ups remembered (the coder asks about every noun of every article)


class Lexicon:
    """Predicate entries indexed by (lemma, pos)."""

    def __init__(self, entries: Sequence[PredicateEntry]) -> None:
        # Later entries with the same key replace earlier ones (user files come after the package file).
        by_key: dict[tuple[str, str, str | None, tuple[str, ...]], tuple[int, PredicateEntry]] = {}
        for rank, entry in enumerate(entries):
            by_key[entry.key] = (rank, entry)
        self._by_lemma: dict[tuple[str, str], list[PredicateEntry]] = {}
        for _rank, entry in sorted(by_key.values(), key=lambda pair: (-pair[1].specificity, -pair[0])):
            self._by_lemma.setdefault((entry.lemma, entry.pos), []).append(entry)
        self._size = len(by_key)
        self._noun_entries: dict[str, PredicateEntry | None] = {}  # answers of noun_entry, by lemma

    def entries_for(self, lemma: str, pos: str) -> list[PredicateEntry]:
        """Entries for a lemma, most specific first (particle/object entries before the bare one).

        Among entries equally specific, those from later (user) files come first.
        """
        return list(self._by_lemma.get((lemma.strip().lower(), pos), ()))

    def noun_entry(self, lemma: str) -> PredicateEntry | None:
        """The entry for an event noun ("talks", "sanctions"), or None when the noun is not in the lexicon."""
        if lemma in self._noun_entries:
            return self._noun_entries[lemma]
        if len(self._noun_entries) >= NOUN_ANSWERS_KEPT:
            self._noun_entries.clear()
        self._noun_entries[lemma] = entry = self._find_noun_entry(lemma)
        return entry

    def _find_noun_entry(self, lemma: str) -> PredicateEntry | None:
        key = lemma.strip().lower()
        for candidate in (key, *_singular_forms(key)):
            entries = self._by_lemma.get((candidate, "noun"))
            if entries:
                return entries[0]
        return None

    def __iter__(self) -> Iterator[PredicateEntry]:
        for entries in self._by_lemma.values():
            yield from entries

    def __len__(self) -> int:
        return self._size

    def __contains__(self, lemma_and_pos: object) -> bool:
        return lemma_and_pos in self._by_lemma


def _singular_forms(word: str) -> tuple[str, ...]:
    """Singular guesses for a plural spaCy left unlemmatised ("talks", "clashes", "hostilities")."""
    if len(word) <= 3 or not word.endswith("s") or word.endswith("ss"):
        return ()
    forms = [word[:-1]]
    if word.endswith("es"):
        forms.append(word[:-2])
    if word.endswith("ies"):
        forms.append(word[:-3] + "y")
    return tuple(forms)


def default_lexicon_path() -> Path:
    return Path(str(resources.files("heron.events") / "data" / "predicates.yaml"))


def load_lexicon(extra_files: Sequence[Path] = ()) -> Lexicon:
    """The package lexicon, extended/overridden by ``extra_files`` (same format; later files win).

    Raises ValueError, naming the file and the entry, for unreadable or invalid files.
    """
    if not extra_files:
        return _default_lexicon()
    entries = list(read_lexicon_file(default_lexicon_path()))
    for path in extra_files:
        entries.extend(read_lexicon_file(Path(path)))
    return Lexicon(entries)


@lru_cache(maxsize=1)
def _default_lexicon() -> Lexicon:
    return Lexicon(read_lexicon_file(default_lexicon_path()))


def read_lexicon_file(path: Path) -> list[PredicateEntry]:
    """Parse and validate one lexicon file."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ValueError(f"{path}: cannot read lexicon file ({error})") from error
    try:
        data = yaml.load(text, Loader=_YamlLoader)  # a safe loader (no arbitrary objects)
    except yaml.YAMLError as error:
        raise ValueError(f"{path}: not valid YAML ({error})") from error
    if data is None:
        return []
    if not isinstance(data, list):
        raise ValueError(f"{path}: a lexicon file must be a YAML list of entries, found {type(data).__name__}")
    entries: list[PredicateEntry] = []
    seen: dict[tuple[str, str, str | None, tuple[str, ...]], int] = {}
    for index, raw in enumerate(data, start=1):
        entry = _parse_entry(raw, path, index)
        if entry.key in seen:
            raise ValueError(
                f"{path}: entry #{index} ({entry.phrase!r}, {entry.pos}) duplicates entry #{seen[entry.key]}"
            )
        seen[entry.key] = index
        entries.append(entry)
    return entries


@lru_cache(maxsize=1)
def object_classes() -> dict[str, tuple[str, ...]]:
    """Named noun classes (data/object_classes.yaml) that entries use as ``object: "@class"``."""
    text = resources.files("heron.events").joinpath("data/object_classes.yaml").read_text(encoding="utf-8")
    data = yaml.load(text, Loader=_YamlLoader) or {}
    return {name: tuple(str(word).lower() for word in words) for name, words in data.items()}


@cache
def word_lists(file_name: str) -> dict[str, frozenset[str]]:
    """A packaged data file of named word lists (``name: [word, ...]``), lower-cased, by name."""
    text = resources.files("heron.events").joinpath(f"data/{file_name}").read_text(encoding="utf-8")
    data = yaml.load(text, Loader=_YamlLoader) or {}
    return {name: frozenset(str(word).lower() for word in words) for name, words in data.items()}


def non_agent_nouns() -> dict[str, frozenset[str]]:
    """Nouns that cannot act, by class (natural hazards, accidents, market figures: data/non_agents.yaml);
    two-word items are "compound head" phrases."""
    return word_lists("non_agents.yaml")


def non_event_words() -> dict[str, frozenset[str]]:
    """Word lists of verb forms that report no event (data/non_events.yaml), by key."""
    return word_lists("non_events.yaml")


def news_attribution_verbs() -> tuple[frozenset[str], frozenset[str]]:
    """The verbs of a news outlet's report (data/news_attribution.yaml): (any outlet, outlets known by role
    or dictionary only)."""
    lists = word_lists("news_attribution.yaml")
    return lists["reporting_verbs"], lists["outlet_speech_verbs"]


@lru_cache(maxsize=1)
def verb_lemma_corrections() -> dict[str, str]:
    """Word forms whose spaCy lemma is wrong, mapped to the right lemma (data/verb_lemmas.yaml)."""
    text = resources.files("heron.events").joinpath("data/verb_lemmas.yaml").read_text(encoding="utf-8")
    data = yaml.load(text, Loader=_YamlLoader) or {}
    return {str(form).lower(): str(lemma).lower() for form, lemma in data.items()}


def _expand_object_classes(objects: list[str], where: str) -> list[str]:
    expanded: list[str] = []
    for item in objects:
        if item.startswith("@"):
            members = object_classes().get(item[1:])
            if members is None:
                raise ValueError(f"{where}: unknown object class {item!r}; known: {sorted(object_classes())}")
            expanded.extend(members)
        else:
            expanded.append(item)
    return expanded


def _parse_entry(raw: Any, path: Path, index: int) -> PredicateEntry:
    where = f"{path}: entry #{index}"
    if not isinstance(raw, dict):
        raise ValueError(f"{where}: must be a mapping with lemma/pos/kind/cameo, found {raw!r}")
    lemma_value = raw.get("lemma")
    if not isinstance(lemma_value, str) or not lemma_value.strip():
        raise ValueError(f"{where}: missing or empty 'lemma'")
    where = f"{where} ({lemma_value!r})"
    unknown = set(raw) - _ALLOWED_KEYS
    if unknown:
        raise ValueError(f"{where}: unknown key(s) {sorted(unknown)}; allowed: {sorted(_ALLOWED_KEYS)}")
    words = lemma_value.strip().lower().split()
    pos = raw.get("pos")
    if pos not in POS_VALUES:
        raise ValueError(f"{where}: pos must be one of {POS_VALUES}, found {pos!r}")
    kind = raw.get("kind")
    if kind not in KIND_VALUES:
        raise ValueError(f"{where}: kind must be one of {KIND_VALUES}, found {kind!r}")
    if pos == "noun" and kind != "event":
        raise ValueError(f"{where}: nouns must have kind 'event', found {kind!r}")
    cameo = raw.get("cameo")
    if cameo is not None:
        if not isinstance(cameo, str):
            raise ValueError(f"{where}: cameo must be a quoted string such as \"030\", found {cameo!r}")
        cameo = cameo.strip()
        if not is_known_code(cameo):
            raise ValueError(f"{where}: cameo {cameo!r} is not a code in the CAMEO table")
    if kind == "event" and cameo is None:
        raise ValueError(f"{where}: an event entry needs a cameo code")
    if kind == "transparent" and cameo is not None:
        raise ValueError(f"{where}: a transparent entry carries no cameo code (its complement does)")
    objects_value = raw.get("object") or []
    if isinstance(objects_value, str):
        objects_value = [objects_value]
    if not isinstance(objects_value, list) or not all(isinstance(o, str) and o.strip() for o in objects_value):
        raise ValueError(f"{where}: object must be a word or a list of words, found {objects_value!r}")
    objects_value = _expand_object_classes(objects_value, where)
    complements_value = raw.get("complement") or []
    if isinstance(complements_value, str):
        complements_value = [complements_value]
    if not isinstance(complements_value, list) or not all(isinstance(c, str) and c.strip() for c in complements_value):
        raise ValueError(f"{where}: complement must be a verb lemma or a list of them, found {complements_value!r}")
    if complements_value and pos != "verb":
        raise ValueError(f"{where}: only a verb entry can require an infinitive complement")
    future = raw.get("future", False)
    if not isinstance(future, bool):
        raise ValueError(f"{where}: future must be true or false, found {future!r}")
    plover_type = plover_mode = None
    plover_value = raw.get("plover")
    if plover_value is not None:
        if not isinstance(plover_value, str) or not plover_value.strip():
            raise ValueError(f"{where}: plover must be text such as \"RETREAT/resign\", found {plover_value!r}")
        type_text, _, mode_text = plover_value.strip().partition("/")
        plover_type, plover_mode = type_text.strip().upper(), (mode_text.strip().lower() or None)
        if plover_type not in PLOVER_TYPES:
            raise ValueError(f"{where}: plover type {plover_type!r} is not one of the 16 PLOVER types")
        if cameo is None:
            raise ValueError(f"{where}: a plover override needs the entry's cameo code")
    note = raw.get("note") or ""
    if not isinstance(note, str):
        raise ValueError(f"{where}: note must be text, found {note!r}")
    # Verbs: "set up" -> head "set" + particle "up". Nouns keep the whole compound ("hunger strike").
    if pos == "verb":
        lemma, particle = words[0], (" ".join(words[1:]) or None)
    else:
        lemma, particle = " ".join(words), None
    return PredicateEntry(
        lemma=lemma,
        pos=pos,
        kind=kind,
        cameo=cameo,
        particle=particle,
        objects=tuple(sorted({o.strip().lower() for o in objects_value})),
        future=future,
        note=note.strip(),
        source=str(path),
        plover_type=plover_type,
        plover_mode=plover_mode,
        complements=tuple(sorted({c.strip().lower() for c in complements_value})),
    )
