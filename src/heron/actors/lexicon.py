"""Actor dictionaries: loading the data files once and indexing them for cheap look-ups.

Everything here is built once per process (``package_lexicon`` is cached); the resolver only does
dict look-ups on the tables built here. File formats are documented in data/README.md.
"""

from __future__ import annotations

import csv
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

DATA_DIR = Path(__file__).resolve().parent / "data"
ENTRY_KEYS = {
    "name", "aliases", "context_aliases", "surname", "kind", "country", "sector", "org", "parent", "role", "start",
    "end",
}
KINDS = {"person", "organization"}


class ActorDataError(ValueError):
    """A dictionary file is missing or malformed; the message names the file and the problem."""


@dataclass(frozen=True)
class ActorEntry:
    """One dictionary entry: an organisation, an institution (metonym) or one office of a person."""

    name: str
    kind: str = "organization"  # "person" or "organization"
    aliases: tuple[str, ...] = ()
    context_aliases: tuple[str, ...] = ()  # valid only when the entry is named elsewhere in the document
    surname: str | None = None
    country: str | None = None
    sector: str | None = None
    org: str | None = None
    parent: str | None = None  # org code of the organisation it is a body of (UNSC -> UN)
    role: str | None = None
    start: date | None = None
    end: date | None = None

    def covers(self, when: date | None) -> bool:
        if when is None:
            return True
        return (self.start is None or self.start <= when) and (self.end is None or when <= self.end)


@dataclass(frozen=True)
class Role:
    """A role noun or adjective from roles.tsv."""

    phrase: str
    sector: str | None
    strong: bool
    takes_complement: bool
    kind: str  # person, group, body, modifier


@lru_cache(maxsize=65536)
def normalize(text: str) -> str:
    """Lower-case, strip accents, unify apostrophes/whitespace and drop a leading 'the'.

    Cached because the same short strings (token n-grams) are normalised over and over.
    """
    if text.isascii():  # most text: nothing to unify or strip
        words = text.lower().split()
    else:
        text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u00a0", " ")
        decomposed = unicodedata.normalize("NFKD", text)
        stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
        words = stripped.lower().split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def is_case_sensitive(alias: str) -> bool:
    """Acronyms written in capitals (US, NATO, WHO, U.S.) must match capitals: 'us' and 'who' are words."""
    letters = [ch for ch in alias if ch.isalpha()]
    return len(letters) >= 2 and not any(ch.islower() for ch in alias)


def exact_key(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").split())


# ---------------------------------------------------------------------------------------------
# Reading files


def _read_tsv(path: Path, columns: int) -> list[list[str]]:
    """Rows of a tab-separated lexicon, skipping '#' comments, blank lines and the header row."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise ActorDataError(f"{path}: cannot read lexicon ({error})") from error
    rows: list[list[str]] = []
    header_seen = False
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        if not header_seen:
            header_seen = True
            continue
        if len(cells) != columns or not all(cells):
            raise ActorDataError(f"{path}, line {number}: expected {columns} tab-separated values, got {line!r}")
        rows.append(cells)
    return rows


def _as_date(value: Any, where: str) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError as error:
        raise ActorDataError(f"{where}: {value!r} is not an ISO date (YYYY-MM-DD)") from error


def _as_names(value: Any, where: str) -> tuple[str, ...]:
    if value in (None, ""):
        return ()
    if isinstance(value, str):
        return tuple(part.strip() for part in value.split("|") if part.strip())  # CSV cells use '|'
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return tuple(item.strip() for item in value if item.strip())
    raise ActorDataError(f"{where}: expected a list of names, got {value!r}")


def _optional_text(value: Any) -> str | None:
    if value in (None, ""):
        return None
    return str(value).strip()


def entry_from_mapping(raw: Any, where: str, default_kind: str) -> ActorEntry:
    """Validate one raw YAML/CSV record and turn it into an ActorEntry."""
    if not isinstance(raw, dict):
        raise ActorDataError(f"{where}: expected a mapping of fields, got {raw!r}")
    unknown = set(raw) - ENTRY_KEYS
    if unknown:
        raise ActorDataError(f"{where}: unknown field(s) {sorted(unknown)}; allowed: {sorted(ENTRY_KEYS)}")
    name = _optional_text(raw.get("name"))
    if not name:
        raise ActorDataError(f"{where}: every entry needs a 'name'")
    kind = _optional_text(raw.get("kind")) or default_kind
    if kind not in KINDS:
        raise ActorDataError(f"{where}: kind must be one of {sorted(KINDS)}, got {kind!r}")
    country = _optional_text(raw.get("country"))
    if country is not None and (len(country) != 3 or not country.isalpha() or not country.isupper()):
        raise ActorDataError(f"{where}: country must be an ISO-3166 alpha-3 code such as 'USA', got {country!r}")
    entry = ActorEntry(
        name=name,
        kind=kind,
        aliases=_as_names(raw.get("aliases"), where),
        context_aliases=_as_names(raw.get("context_aliases"), where),
        surname=_optional_text(raw.get("surname")),
        country=country,
        sector=_optional_text(raw.get("sector")),
        org=_optional_text(raw.get("org")),
        parent=_optional_text(raw.get("parent")),
        role=_optional_text(raw.get("role")),
        start=_as_date(raw.get("start"), where),
        end=_as_date(raw.get("end"), where),
    )
    if entry.start and entry.end and entry.end < entry.start:
        raise ActorDataError(f"{where}: end {entry.end} is before start {entry.start}")
    return entry


def load_entries(path: Path, default_kind: str = "organization") -> list[ActorEntry]:
    """Read an actor dictionary in YAML (a list of mappings) or CSV (header row of field names)."""
    path = Path(path)
    suffix = path.suffix.lower()
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise ActorDataError(f"{path}: cannot read actor file ({error})") from error
    if suffix in (".yaml", ".yml"):
        try:
            records = yaml.load(text, Loader=_YAML_LOADER)  # a safe loader, the C one when built
        except yaml.YAMLError as error:
            raise ActorDataError(f"{path}: invalid YAML ({error})") from error
        if records is None:
            return []
        if not isinstance(records, list):
            raise ActorDataError(f"{path}: expected a YAML list of entries at the top level")
        return [entry_from_mapping(raw, f"{path}, entry {i + 1}", default_kind) for i, raw in enumerate(records)]
    if suffix == ".csv":
        lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
        reader = csv.DictReader(lines)
        if not reader.fieldnames or "name" not in reader.fieldnames:
            raise ActorDataError(f"{path}: CSV needs a header row with at least a 'name' column")
        entries = []
        for number, row in enumerate(reader, start=2):
            if None in row:
                raise ActorDataError(f"{path}, row {number}: more cells than header columns")
            cleaned = {key.strip(): value for key, value in row.items() if value not in (None, "")}
            entries.append(entry_from_mapping(cleaned, f"{path}, row {number}", default_kind))
        return entries
    raise ActorDataError(f"{path}: actor files must be .yaml, .yml or .csv")


# ---------------------------------------------------------------------------------------------
# Countries


@dataclass
class CountryTables:
    names: dict[str, str]  # normalised country name -> ISO3
    exact_names: dict[str, str]  # case-sensitive acronyms (US, UK) -> ISO3
    demonyms: dict[str, str | None]  # normalised adjective -> ISO3 or None (ethnic group)
    capitals: dict[str, str]
    short_names: dict[str, str]  # ISO3 -> common short name


def _library_country_names() -> tuple[dict[str, str], dict[str, str]]:
    """Short and official names from country_converter (+ CLDR English names from babel if present)."""
    import country_converter as coco  # imported here: only needed while building tables

    frame = coco.CountryConverter().data
    names: dict[str, str] = {}
    short_names: dict[str, str] = {}
    iso2_to_iso3: dict[str, str] = {}
    for iso3, iso2, short, official in zip(
        frame["ISO3"], frame["ISO2"], frame["name_short"], frame["name_official"], strict=True
    ):
        iso3 = str(iso3)
        short_names[iso3] = str(short)
        iso2_to_iso3[str(iso2)] = iso3
        for name in (short, official):
            if isinstance(name, str) and name:
                names.setdefault(normalize(name), iso3)
    try:  # optional: CLDR names add common forms such as "Cape Verde" and "Myanmar (Burma)"
        from babel import Locale

        for iso2, name in Locale("en").territories.items():
            iso3 = iso2_to_iso3.get(iso2)
            if iso3 is None:
                continue
            for part in name.replace(")", "").split("("):
                if part.strip():
                    names.setdefault(normalize(part.strip()), iso3)
    except ImportError:
        pass
    return names, short_names


def load_country_tables(data_dir: Path = DATA_DIR) -> CountryTables:
    names, short_names = _library_country_names()
    exact_names: dict[str, str] = {}
    alias_path = data_dir / "country_aliases.tsv"
    for alias, iso3 in _read_tsv(alias_path, 2):
        if is_case_sensitive(alias):
            exact_names[exact_key(alias)] = iso3
        else:
            names[normalize(alias)] = iso3  # the curated file wins over library spellings
    demonyms: dict[str, str | None] = {}
    for word, iso3 in _read_tsv(data_dir / "demonyms.tsv", 2):
        demonyms[normalize(word)] = None if iso3 == "-" else iso3
    capitals = {normalize(city): iso3 for city, iso3 in _read_tsv(data_dir / "capitals.tsv", 2)}
    for where, codes in (("country_aliases.tsv", list(names.values()) + list(exact_names.values())),
                         ("demonyms.tsv", [c for c in demonyms.values() if c]),
                         ("capitals.tsv", list(capitals.values()))):
        unknown = sorted({code for code in codes if code not in short_names})
        if unknown:
            raise ActorDataError(f"{data_dir / where}: unknown ISO3 code(s) {unknown}")
    return CountryTables(names, exact_names, demonyms, capitals, short_names)


def load_roles(path: Path = DATA_DIR / "roles.tsv") -> dict[str, Role]:
    roles: dict[str, Role] = {}
    for phrase, sector, strength, complement, kind in _read_tsv(path, 5):
        if strength not in ("strong", "weak") or complement not in ("yes", "no"):
            raise ActorDataError(f"{path}: bad strength/complement for role {phrase!r}")
        roles[phrase.lower()] = Role(phrase.lower(), None if sector == "-" else sector,
                                     strength == "strong", complement == "yes", kind)
    return roles


@dataclass(frozen=True)
class LocalActors:
    """local_actors.tsv: which role sectors are local by nature, the roles of them that travel, and
    the nouns that are places when something says whose."""

    sectors: frozenset[str]
    exceptions: frozenset[str]
    place_nouns: frozenset[str]
    mobile_sectors: frozenset[str]
    venues: frozenset[str]


LOCAL_KINDS = ("sector", "except", "place_noun", "mobile_sector", "venue")


@lru_cache(maxsize=1)
def load_local_actors(path: Path = DATA_DIR / "local_actors.tsv") -> LocalActors:
    words: dict[str, set[str]] = {kind: set() for kind in LOCAL_KINDS}
    for kind, word in _read_tsv(path, 2):
        if kind not in words:
            raise ActorDataError(f"{path}: kind of {word!r} must be one of {list(LOCAL_KINDS)}, got {kind!r}")
        words[kind].add(word.lower())
    return LocalActors(frozenset(words["sector"]), frozenset(words["except"]), frozenset(words["place_noun"]),
                       frozenset(words["mobile_sector"]), frozenset(words["venue"]))


# ---------------------------------------------------------------------------------------------
# Entry indices (rebuilt per resolver because user files extend/override them)


@dataclass
class EntryIndex:
    """Name -> entries tables for organisations and people."""

    entries: list[ActorEntry]
    org_names: dict[str, list[ActorEntry]] = field(default_factory=dict)
    org_exact: dict[str, list[ActorEntry]] = field(default_factory=dict)
    org_context: dict[str, list[ActorEntry]] = field(default_factory=dict)
    person_names: dict[str, list[ActorEntry]] = field(default_factory=dict)
    person_surnames: dict[str, list[ActorEntry]] = field(default_factory=dict)
    max_words: int = 1

    @classmethod
    def build(cls, entries: Iterable[ActorEntry]) -> EntryIndex:
        index = cls(list(entries))
        for entry in index.entries:
            names = (entry.name, *entry.aliases)
            if entry.kind == "person":
                for name in names:
                    index.person_names.setdefault(normalize(name), []).append(entry)
                surname = entry.surname or entry.name.split()[-1]
                index.person_surnames.setdefault(normalize(surname), []).append(entry)
            else:
                for name in names:
                    if is_case_sensitive(name):
                        index.org_exact.setdefault(exact_key(name), []).append(entry)
                    else:
                        index.org_names.setdefault(normalize(name), []).append(entry)
                for name in entry.context_aliases:
                    index.org_context.setdefault(normalize(name), []).append(entry)
            for name in (*names, *entry.context_aliases):
                index.max_words = max(index.max_words, len(name.split()) + 1)
        return index


def merge_entries(base: Sequence[ActorEntry], extra: Sequence[ActorEntry]) -> list[ActorEntry]:
    """User entries override package entries of the same name and kind, and add everything else."""
    overridden = {(entry.kind, normalize(entry.name)) for entry in extra}
    kept = [entry for entry in base if (entry.kind, normalize(entry.name)) not in overridden]
    return kept + list(extra)


def pick_entry(entries: Sequence[ActorEntry], when: date | None) -> tuple[ActorEntry, bool]:
    """The entry valid on ``when`` (True) or, failing that, the closest one in time (False).

    Without a date the most recent office wins: news is mostly about the present.
    """
    if when is None:
        latest = max(entries, key=lambda e: (e.end is None, e.end or date.min, e.start or date.min))
        return latest, True
    valid = [entry for entry in entries if entry.covers(when)]
    if valid:
        return max(valid, key=lambda e: e.start or date.min), True

    def distance(entry: ActorEntry) -> int:
        if entry.start and when < entry.start:
            return (entry.start - when).days
        return (when - entry.end).days if entry.end else 0

    return min(entries, key=distance), False


@dataclass
class Lexicon:
    countries: CountryTables
    roles: dict[str, Role]
    package_entries: tuple[ActorEntry, ...]
    max_role_words: int

    def with_entries(self, extra: Sequence[ActorEntry]) -> EntryIndex:
        return EntryIndex.build(merge_entries(self.package_entries, extra))


@lru_cache(maxsize=1)
def package_lexicon() -> Lexicon:
    """Package data, built once per process."""
    entries = load_entries(DATA_DIR / "organizations.yaml", "organization")
    entries += load_entries(DATA_DIR / "people.yaml", "person")
    roles = load_roles()
    return Lexicon(
        countries=load_country_tables(),
        roles=roles,
        package_entries=tuple(entries),
        max_role_words=max(len(phrase.split()) for phrase in roles),
    )


# ---------------------------------------------------------------------------------------------
# Spelling slips in names ("Ethopia", "Phillippines", "Bouteflicka")

TYPO_ANSWERS_KEPT = 100_000  # look-ups remembered per index (a few MB at most)


class TypoIndex:
    """Finds the dictionary name one slip away from a misspelt one (a letter dropped, added,
    changed or two swapped) with the symmetric-delete method: every name is stored under each
    form with one letter removed, so a look-up is a handful of dict hits, never a scan.

    ``names`` maps each name to what it stands for (a country code, a person); spellings of the
    same thing ("Kathmandu", "Katmandu") agree. Only long names are indexed (``min_length``):
    short ones sit too close to ordinary words and to each other ("Mali"/"Bali"). A slip that
    could be two different things is not resolved.
    """

    def __init__(self, names: dict[str, str], min_length: int) -> None:
        self.min_length = min_length
        self.values = {name: value for name, value in names.items() if len(name) >= min_length}
        self.max_length = max(map(len, self.values), default=0)
        self.deleted: dict[str, set[str]] = {}
        for name in self.values:
            for variant in _one_deletion(name):
                self.deleted.setdefault(variant, set()).add(name)
        # Answers already given: an article asks about the same names again and again.
        self._answers: dict[str, str | None] = {}

    def find(self, key: str) -> str | None:
        """The name within one slip of ``key`` (None when none, or when they disagree)."""
        if len(key) < self.min_length or len(key) > self.max_length + 1 or key in self.values:
            return None  # a slip changes the length by one letter at most
        if key not in self._answers:
            if len(self._answers) >= TYPO_ANSWERS_KEPT:
                self._answers.clear()
            self._answers[key] = self._find(key)
        return self._answers[key]

    def _find(self, key: str) -> str | None:
        found: set[str] = set(self.deleted.get(key, ()))  # a letter missing from key
        for variant in _one_deletion(key):
            if variant in self.values:  # a letter added in key
                found.add(variant)
            found.update(self.deleted.get(variant, ()))  # a letter changed or two swapped
        # Names differing in the first letter are other names ("Gordon"/"Jordan"), and a name
        # that extends another is a derivation, not a slip ("Indiana"/"Indian", "Nigerien").
        found = {name for name in found if name[0] == key[0] and not key.startswith(name)
                 and not name.startswith(key)}
        if len({self.values[name] for name in found}) != 1:
            return None
        return min(found)


def _one_deletion(text: str) -> set[str]:
    return {text[:i] + text[i + 1 :] for i in range(len(text))}
