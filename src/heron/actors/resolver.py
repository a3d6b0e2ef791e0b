"""Actor resolution: who is a phrase in an article (name, country, sector, organisation)?

The event coder finds the head token of each participant; ``phrase_for`` grows it into the actor
phrase and ``resolve`` reads that phrase against the dictionaries (data/) and what
``scan_document`` learned about the article (who "Price" is, which title belongs to whom).
All look-ups are dict hits on tables built once per process; nothing loops over all countries.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from spacy import parts_of_speech
from spacy.attrs import ENT_TYPE, IS_PUNCT, IS_SPACE, LEMMA, LOWER, ORTH, POS, SPACY
from spacy.tokens import Doc, Span, Token

from heron.actors.lexicon import (
    ActorEntry,
    EntryIndex,
    Role,
    TypoIndex,
    exact_key,
    is_case_sensitive,
    load_entries,
    load_local_actors,
    normalize,
    package_lexicon,
    pick_entry,
)
from heron.actors.places import article_person_words, find_places, package_places, person_words
from heron.records import Actor

# Dependency labels of left modifiers that belong to the actor phrase.
MODIFIER_DEPS = {"det", "predet", "compound", "amod", "nmod", "poss", "case", "nummod", "quantmod"}
# Prepositions that introduce the complement of a role noun ("head of", "aide to", "spokesman for").
COMPLEMENT_PREPOSITIONS = {"of", "to", "for"}
PERSON_PRONOUNS = {"he", "him", "she", "her"}
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}
MAX_NAME_TOKENS = 4  # an appositive longer than this is a clause, not a name
# Shortest names that a one-letter slip may still find: shorter ones sit too close to other words.
MIN_TYPO_PLACE = 6  # "Quatar" -> Qatar, but never "Mali" -> "Bali"
NAME_ENTITY_TYPES = {"GPE", "NORP", "LOC", "PERSON", "ORG"}  # a misspelt name is often tagged NOUN
MIN_TYPO_PERSON = 9  # full names ("Abdelaziz Bouteflicka") and long surnames only
# Lower-case particles that may open a proper name ("al-Qaeda", "el-Sisi", "bin Laden").
NAME_PARTICLES = {"al", "el", "ad", "ar", "as", "ash", "at", "an", "bin", "ibn", "abu", "-"}
# Second halves of hyphenated modifiers that make the named country a backer, not the actor itself:
# "US-backed rebels" are not US rebels ("Saudi-led coalition" is Saudi: "led" is not listed).
BACKER_WORDS = {"backed", "sponsored", "supported", "funded", "financed", "armed", "trained", "allied",
                "aligned", "friendly"}
# Modifiers that make an office-holder a former one: CAMEO codes ex-officials as elites (ELI).
FORMER_WORDS = {"former", "ex", "ex-", "retired", "onetime", "one-time"}
OFFICE_SECTORS = {"government", "legislature", "judiciary", "military", "police"}
# Places that stand for the group they house when a group role modifies them ("rebel positions",
# "a Karen guerrilla stronghold", "an army base", "refugee camps").
INSTALLATION_NOUNS = {"camp", "base", "stronghold", "position", "post", "outpost", "headquarters", "hideout",
                      "barracks", "bastion", "garrison", "compound", "station", "office", "enclave", "den"}
# Tokens after an actor phrase across which a multi-word dictionary name may continue
# ("the National Union | for the Total Independence of Angola").
NAME_CONTINUATIONS = {"of", "for", "and", "&", "in", "on", "-", "'s", "’s"}
# Lower-case words inside a name ("Department of State"): a name ending right after one of them may be
# the front of a longer one ("Department of State Services" is Nigeria's secret police).
INNER_NAME_WORDS = {"of", "for", "and", "&", "on"}
# Prepositions whose object says where a sentence happens ("marched through central X", "a motorway
# between X and Y", "off the coast of X"); not "to", "into" or "from": people go to and come from abroad.
WHERE_PREPOSITIONS = {"in", "at", "near", "outside", "around", "across", "throughout", "inside", "through",
                      "between", "off"}


@dataclass
class PersonInfo:
    """What the article (and the dictionary) says about one person."""

    name: str
    country: str | None = None
    sector: str | None = None
    org: str | None = None
    titles: list[str] = field(default_factory=list)
    entries: tuple[ActorEntry, ...] = ()  # dictionary offices, re-read for each event date
    stated: tuple[str | None, str | None, str | None] = (None, None, None)  # country, sector, org from titles

    def on(self, when: date | None) -> PersonInfo:
        """This person as of ``when``: what the article states beats the dictionary's office."""
        if when is None or not self.entries:
            return self
        entry, valid = pick_entry(self.entries, when)
        office = person_from_entry(entry, valid)
        country, sector, org = self.stated
        return PersonInfo(self.name, country or office.country, sector or office.sector, org or office.org,
                          self.titles, self.entries, self.stated)


@dataclass
class DocumentActors:
    """Per-article context built by ``ActorResolver.scan_document``."""

    when: date | None = None
    people: dict[str, PersonInfo] = field(default_factory=dict)  # normalised full name -> person
    surnames: dict[str, PersonInfo] = field(default_factory=dict)  # normalised surname -> person
    mention_offsets: list[int] = field(default_factory=list)  # sorted start offsets of person mentions
    mention_people: list[PersonInfo] = field(default_factory=list)
    titles: dict[str, list[tuple[int, PersonInfo]]] = field(default_factory=dict)  # title -> (offset, person)
    orgs_present: set[str] = field(default_factory=set)  # normalised names of dictionary entries seen
    role_mentions: dict[str, list[tuple[int, Actor]]] = field(default_factory=dict)

    def person_before(self, offset: int) -> PersonInfo | None:
        """The person mentioned most recently before ``offset`` (for he/she)."""
        position = bisect.bisect_left(self.mention_offsets, offset)
        return self.mention_people[position - 1] if position else None

    def person_with_title(self, title: str, offset: int) -> PersonInfo | None:
        return _latest_before(self.titles.get(title, []), offset)

    def role_actor(self, role: str, offset: int) -> Actor | None:
        return _latest_before(self.role_mentions.get(role, []), offset)


def _latest_before(items: list, offset: int):  # type: ignore[no-untyped-def]
    """Last item whose offset precedes ``offset``; items are appended in text order."""
    chosen = None
    for start, value in items:
        if start >= offset:
            break
        chosen = value
    return chosen


@dataclass
class Match:
    """A stretch of tokens ``first..last`` (inclusive, doc indices) recognised as one thing."""

    kind: str  # person, org, country, capital, demonym, role
    first: int
    last: int
    country: str | None = None
    person: PersonInfo | None = None
    entry: ActorEntry | None = None
    role: Role | None = None

    def covers(self, index: int) -> bool:
        return self.first <= index <= self.last


_POS_NAMES = {int(symbol): name for symbol, name in parts_of_speech.NAMES.items()}
# Strings of the hashes that token tables read, shared by all documents (hash -> text never changes).
_STRING_CACHE: dict[int, str] = {}
_STRING_CACHE_SIZE = 500_000


def _strings(doc: Doc, hashes: list[int]) -> list[str]:
    """The strings of ``hashes`` (token attributes of ``doc``)."""
    if len(_STRING_CACHE) > _STRING_CACHE_SIZE:
        _STRING_CACHE.clear()
    found = [_STRING_CACHE.get(key) for key in hashes]
    if None in found:
        store = doc.vocab.strings
        for position, key in enumerate(hashes):
            if found[position] is None:
                found[position] = _STRING_CACHE[key] = store[key]
    return found  # type: ignore[return-value]


class _TokenTable:
    """The attributes the name and role scans read, for every token of one document, read once.

    ``doc[i]`` builds a new Token object (and each string attribute a new string) on every access, and
    ``Span.text`` joins its tokens' text; the scans read these lists and slice the document's text.
    """

    __slots__ = ("doc", "text", "starts", "ends", "lower", "lemma", "pos", "skip", "capitalized",
                 "unnamed_before", "_person_name_words", "where_countries")

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        orths, lowers, lemmas, tags, ent_types, puncts, spaces, trailing = doc.to_array(
            [ORTH, LOWER, LEMMA, POS, ENT_TYPE, IS_PUNCT, IS_SPACE, SPACY]
        ).T.tolist()  # one column per attribute (hashes, ids and flags)
        texts = _strings(doc, orths)
        self.lower = _strings(doc, lowers)
        self.lemma = [lemma.lower() for lemma in _strings(doc, lemmas)]
        self.pos = [_POS_NAMES[tag] for tag in tags]
        # punctuation or space: never starts a name
        self.skip = [bool(punct or space) for punct, space in zip(puncts, spaces, strict=True)]
        self.capitalized = [text[:1].isupper() for text in texts]
        self.text = "".join([text + " " * space for text, space in zip(texts, trailing, strict=True)])  # doc.text
        self.starts: list[int] = []
        self.ends: list[int] = []
        offset = 0
        for text, space in zip(texts, trailing, strict=True):
            self.starts.append(offset)
            offset += len(text)
            self.ends.append(offset)
            offset += space
        # How many tokens before each index are neither a determiner nor name-like (a proper noun or
        # part of a named entity: see _lookup_misspelt), so that a range is checked in one step.
        self._person_name_words: frozenset[str] | None = None
        self.where_countries: dict[tuple[int, bool], str | None] = {}  # ActorResolver.where_country
        self.unnamed_before = [0]
        for lower, pos, ent_type in zip(self.lower, self.pos, _strings(doc, ent_types), strict=True):
            named = pos == "PROPN" or ent_type in NAME_ENTITY_TYPES or lower in DETERMINERS
            self.unnamed_before.append(self.unnamed_before[-1] + (not named))

    def span_text(self, first: int, last: int) -> str:
        """``doc[first : last + 1].text``."""
        return self.text[self.starts[first] : self.ends[last]]

    def person_name_words(self) -> frozenset[str]:
        """Words of the document's person names (places.article_person_words), read when first asked."""
        if self._person_name_words is None:
            self._person_name_words = article_person_words(self.doc)
        return self._person_name_words


class ActorResolver:
    """Resolves actor phrases; build once and reuse (tables are shared across instances)."""

    def __init__(self, extra_files: Sequence[Path] = ()) -> None:
        self.lexicon = package_lexicon()
        extra: list[ActorEntry] = []
        for path in extra_files:
            extra.extend(load_entries(Path(path)))
        self.entries: EntryIndex = self.lexicon.with_entries(extra)
        self.countries = self.lexicon.countries
        self.roles = self.lexicon.roles
        self.max_name_words = max(self.entries.max_words, 6)
        places = {**{word: iso3 for word, iso3 in self.countries.demonyms.items() if iso3},
                  **self.countries.capitals, **self.countries.names}
        self.place_typos = TypoIndex(places, MIN_TYPO_PLACE)
        people = {**{key: entries[0].name for key, entries in self.entries.person_surnames.items()},
                  **{key: entries[0].name for key, entries in self.entries.person_names.items()}}
        self.person_typos = TypoIndex(people, MIN_TYPO_PERSON)
        self.places = package_places()
        self.not_places = person_words(self.entries, self.roles)
        self.local = load_local_actors()
        # Every key a name look-up can hit, so that the n-gram scan rejects most n-grams at once.
        self._name_keys = frozenset().union(
            self.entries.person_names, self.entries.org_names, self.entries.org_context,
            self.entries.person_surnames, self.countries.names, self.countries.capitals, self.countries.demonyms,
        )
        self._exact_keys = frozenset().union(self.entries.org_exact, self.countries.exact_names)
        # A slip changes a name's length by at most one letter, and a plural demonym adds one more.
        self._typo_lengths = range(min(MIN_TYPO_PLACE, MIN_TYPO_PERSON),
                                   max(self.place_typos.max_length, self.person_typos.max_length) + 3)
        # The words a role can start with, up to a space or hyphen ("secretary" of "secretary-general").
        self._role_openings = frozenset(
            phrase[:end] for phrase in self.roles for end, ch in enumerate(f"{phrase} ") if ch in " -" and end
        )
        self._table: _TokenTable | None = None

    def document_text(self, doc: Doc) -> str:
        """``doc.text``, which spaCy joins again on every access; read once per document."""
        return self._tokens(doc).text

    def document_pos(self, doc: Doc) -> list[str]:
        """Every token's ``pos_`` (what ``Token.pos_`` reads), read once per document."""
        return self._tokens(doc).pos

    def _tokens(self, doc: Doc) -> _TokenTable:
        """The token table of ``doc``, kept for the document being coded (built again by scan_document)."""
        if self._table is None or self._table.doc is not doc:
            self._table = _TokenTable(doc)
        return self._table

    # ------------------------------------------------------------------------------------------
    # Phrase boundaries

    def phrase_for(self, head: Token) -> Span:
        """The actor phrase around ``head``: modifiers, titles, short name appositives, and the
        complement of role nouns that need one; never relative clauses or conjoined siblings."""
        doc = head.doc
        if head.pos_ == "PRON":
            return doc[head.i : head.i + 1]
        included: set[int] = set()
        self._collect(head, included, nested=False)
        # Keep the contiguous run around the head so excluded material never leaks in.
        low = high = head.i
        while low - 1 in included and not doc[low - 1].is_space:  # blank lines end a phrase
            low -= 1
        while high + 1 in included and not doc[high + 1].is_space:
            high += 1
        while low < head.i and (doc[low].is_punct or doc[low].is_space):
            low += 1
        while high > head.i and (doc[high].is_punct or doc[high].is_space or doc[high].dep_ == "cc"):
            high -= 1
        # "Vietnamese-led forces": the parser may hang the first half of a hyphenated modifier
        # elsewhere; a hyphen written without spaces always belongs to the same word.
        while low >= 2 and doc[low - 1].text == "-" and not doc[low - 2].whitespace_ \
                and not doc[low - 1].whitespace_ and not doc[low - 2].is_punct \
                and low <= doc[low - 2].head.i <= high:  # never a word that governs the phrase
            low -= 2
        high = self._extend_over_name(doc, low, high)
        return doc[low : high + 1]

    def _extend_over_name(self, doc: Doc, low: int, high: int) -> int:
        """End of the phrase grown to cover a dictionary name that starts inside it and goes on
        past it: the parser attaches "for the Total Independence of Angola" to "Union" as an
        ordinary prepositional phrase, but the whole string is one organisation's name."""
        if high + 1 >= len(doc) or doc[high + 1].lower_ not in NAME_CONTINUATIONS:
            return high
        for start in range(low, high + 1):
            if not doc[start].text[:1].isupper():
                continue
            longest = min(self.max_name_words, len(doc) - start)
            for size in range(longest, high - start + 1, -1):
                match = self._lookup_name(doc, start, start + size - 1, None, None)
                if match is not None and match.kind in ("org", "country", "person"):
                    return match.last
        return high

    def _collect(self, token: Token, included: set[int], nested: bool) -> None:
        included.add(token.i)
        role = self._role_of_token(token)
        took_complement = False
        for child in token.children:
            dep = child.dep_
            if dep in MODIFIER_DEPS or (dep == "punct" and child.i < token.i and child.text in "-'’"):
                self._collect(child, included, nested=True)
            elif dep == "prep" and role is not None and role.takes_complement and not took_complement:
                if child.lower_ in COMPLEMENT_PREPOSITIONS and child.i == token.i + 1:
                    took_complement = True
                    included.add(child.i)
                    for grandchild in child.children:
                        if grandchild.dep_ == "pobj":
                            self._collect(grandchild, included, nested=True)
            elif dep == "appos" and self._is_short_name(child):
                for part in child.subtree:
                    included.add(part.i)
                included.update(range(min(token.i, child.i), max(token.i, child.i)))  # the comma
            elif nested and dep in ("conj", "cc"):
                self._collect(child, included, nested=True)

    @staticmethod
    def _is_short_name(token: Token) -> bool:
        parts = list(token.subtree)
        return len(parts) <= MAX_NAME_TOKENS and all(p.pos_ == "PROPN" or p.is_punct for p in parts)

    def _role_of_token(self, token: Token) -> Role | None:
        tokens = self._tokens(token.doc)
        return self.roles.get(tokens.lemma[token.i]) or self.roles.get(tokens.lower[token.i])

    # ------------------------------------------------------------------------------------------
    # Matching names and roles inside a phrase

    def _find_matches(self, doc: Doc, first: int, last: int, ctx: DocumentActors | None,
                      when: date | None) -> list[Match]:
        matches: list[Match] = []
        index = first
        while index <= last:
            found = None
            for size in range(min(self.max_name_words, last - index + 1), 0, -1):
                found = self._lookup_name(doc, index, index + size - 1, ctx, when)
                if found:
                    break
            if found:
                matches.append(found)
                index = found.last + 1
            else:
                index += 1
        covered = {i for m in matches for i in range(m.first, m.last + 1)}
        index = first
        while index <= last:
            role_match = None if index in covered else self._lookup_role(doc, index, last, covered)
            if role_match:
                matches.append(role_match)
                index = role_match.last + 1
            else:
                index += 1
        matches.sort(key=lambda m: m.first)
        return [self._adjust_for_context(doc, m) for m in matches if not _is_backer(doc, m)]

    @staticmethod
    def _adjust_for_context(doc: Doc, match: Match) -> Match:
        """'ethnic Albanians' are a minority living elsewhere: the adjective names no state."""
        if match.kind == "demonym" and match.first > 0 and doc[match.first - 1].lower_ == "ethnic":
            return Match("demonym", match.first, match.last)
        return match

    def _lookup_role(self, doc: Doc, first: int, last: int, covered: set[int]) -> Match | None:
        tokens = self._tokens(doc)
        lemmas, lowers = tokens.lemma, tokens.lower
        lemma, lower = lemmas[first], lowers[first]
        # No role starts with this word (one with a space or hyphen inside is looked up in full).
        openings = self._role_openings
        if lemma not in openings and lower not in openings and lemma.isalpha() and lower.isalpha():
            return None
        # +2: a hyphenated role ("secretary-general") is one word in roles.tsv but three tokens.
        for size in range(min(self.lexicon.max_role_words + 2, last - first + 1), 0, -1):
            end = first + size
            if lower == "-" or lowers[end - 1] == "-" or any(i in covered for i in range(first, end)):
                continue
            lemma_key = " ".join(lemmas[first:end])
            text_key = " ".join(lowers[first:end])
            role = (self.roles.get(lemma_key) or self.roles.get(text_key)
                    or self.roles.get(lemma_key.replace(" - ", "-")) or self.roles.get(text_key.replace(" - ", "-")))
            if role:
                return Match("role", first, first + size - 1, role=role)
        return None

    def _lookup_name(self, doc: Doc, first: int, last: int, ctx: DocumentActors | None,
                     when: date | None) -> Match | None:
        tokens = self._tokens(doc)
        if tokens.skip[first]:
            return None
        raw = tokens.span_text(first, last)
        key = normalize(raw)
        if not key:
            return None
        exact = exact_key(raw)
        if not self._may_name(tokens, first, last, key, exact, ctx):
            return None
        significant = [t for t in doc[first : last + 1] if t.lower_ not in DETERMINERS]
        capitalized = _looks_like_name(significant)
        # A PERSON label only vetoes a country reading when the name goes on beyond the match
        # ("Michael Jordan"); the small model often tags a lone country ("Benin") as PERSON.
        neighbours = [doc[i] for i in (first - 1, last + 1) if 0 <= i < len(doc)]
        is_person_token = any(t.ent_type_ == "PERSON" for t in significant) and any(
            t.ent_type_ == "PERSON" for t in neighbours
        )

        if capitalized and ctx is not None:
            person = ctx.people.get(key) or ctx.surnames.get(key)
            if person:
                return Match("person", first, last, person=person)
        if capitalized and key in self.entries.person_names:
            entry, valid = pick_entry(self.entries.person_names[key], when)
            return Match("person", first, last, person=person_from_entry(entry, valid), entry=entry)
        org_entries = self.entries.org_exact.get(exact) or (self.entries.org_names.get(key) if capitalized else None)
        if not org_entries and ctx is not None and key in self.entries.org_context:
            org_entries = [e for e in self.entries.org_context[key] if normalize(e.name) in ctx.orgs_present]
        # (a title after the name does not continue it: "the Organization of American States Secretary General")
        if org_entries and _name_goes_on(doc, tokens, first, last) and self._role_of_token(doc[last + 1]) is None:
            org_entries = None
        if org_entries:
            entry, _ = pick_entry(org_entries, when)
            return Match("org", first, last, country=entry.country, entry=entry)
        countries = self.countries
        country = countries.exact_names.get(exact)
        if country is None and capitalized and not is_person_token:
            country = countries.names.get(key)
        if country:
            return Match("country", first, last, country=country)
        if capitalized and not is_person_token and key in countries.capitals:
            return Match("capital", first, last, country=countries.capitals[key])
        if capitalized:
            for candidate in (key, key[:-1] if key.endswith("s") else None):
                if candidate and candidate in countries.demonyms:
                    return Match("demonym", first, last, country=countries.demonyms[candidate])
        if capitalized and key in self.entries.person_surnames and (
            is_person_token or all(t.pos_ == "PROPN" for t in significant)
        ):
            candidates = self.entries.person_surnames[key]
            current = [e for e in candidates if e.covers(when)]
            if len({e.name for e in current or candidates}) == 1:  # only an unambiguous surname
                entry, valid = pick_entry(candidates, when)
                return Match("person", first, last, person=person_from_entry(entry, valid), entry=entry)
            countries = {e.country for e in current or candidates}
            if len(countries) == 1 and None not in countries:
                # "President Assad" without a date: father or son, the country is Syria either way.
                return Match("person", first, last, person=PersonInfo(doc[first : last + 1].text, countries.pop()))
        if capitalized and all(t.pos_ == "PROPN" or t.ent_type_ in NAME_ENTITY_TYPES for t in significant):
            return self._lookup_misspelt(key, first, last, when, is_person_token)
        return None

    def _may_name(self, tokens: _TokenTable, first: int, last: int, key: str, exact: str,
                  ctx: DocumentActors | None) -> bool:
        """False when no table (nor a spelling slip) can know the n-gram: what most n-grams are."""
        names = self._name_keys
        if key in names or exact in self._exact_keys or (key[-1] == "s" and key[:-1] in names):
            return True
        if ctx is not None and (key in ctx.people or key in ctx.surnames):
            return True
        # _lookup_misspelt: a name made of proper nouns and named-entity words, one slip from a known one
        unnamed = tokens.unnamed_before
        if len(key) not in self._typo_lengths or unnamed[last + 1] != unnamed[first]:
            return False
        return (self.place_typos.find(key) is not None or self.person_typos.find(key) is not None
                or (key[-1] == "s" and self.place_typos.find(key[:-1]) is not None))

    def _lookup_misspelt(self, key: str, first: int, last: int, when: date | None,
                         is_person_token: bool) -> Match | None:
        """A proper name one slip from a dictionary name: wire copy misspells foreign names."""
        countries = self.countries
        place = None if is_person_token else self.place_typos.find(key)
        if place is None and not is_person_token and key.endswith("s"):
            place = self.place_typos.find(key[:-1])  # plural demonyms ("Ghanians")
            if place is not None and place not in countries.demonyms:
                place = None
        if place is not None:
            if place in countries.names:
                return Match("country", first, last, country=countries.names[place])
            if place in countries.capitals:
                return Match("capital", first, last, country=countries.capitals[place])
            return Match("demonym", first, last, country=countries.demonyms[place])
        person = self.person_typos.find(key)
        if person is None:
            return None
        candidates = self.entries.person_names.get(person) or self.entries.person_surnames.get(person, [])
        if not candidates or len({e.name for e in candidates}) != 1:
            return None
        entry, valid = pick_entry(candidates, when)
        return Match("person", first, last, person=person_from_entry(entry, valid), entry=entry)

    # ------------------------------------------------------------------------------------------
    # Resolution

    def resolve(self, span: Span, context: DocumentActors | None = None, when: date | None = None) -> Actor | None:
        """The actor that ``span`` names, or None when it is not an actor."""
        if len(span) == 0:
            return None
        when = when if when is not None else (context.when if context else None)
        root = span.root
        if root.pos_ == "PRON" or root.lower_ in PERSON_PRONOUNS:
            if root.lower_ in PERSON_PRONOUNS and context is not None:
                person = context.person_before(span.start_char)
                if person:
                    person = person.on(when)
                    return self._actor(span, person.name, person.country, person.sector, person.org)
            return None
        matches = self._find_matches(span.doc, span.start, span.end - 1, context, when)
        actor = self._resolve_matches(span, root, matches, context, when)
        actor = self._with_place_country(span, root, matches, actor)
        if actor is not None and _former_office(span, actor.sector, matches):
            actor.sector = "elites"
        return actor

    def _resolve_matches(self, span: Span, root: Token, matches: list[Match],
                         context: DocumentActors | None, when: date | None = None) -> Actor | None:
        head_match = next((m for m in matches if m.covers(root.i)), None)
        others = [m for m in matches if m is not head_match]

        if head_match and head_match.kind == "person" and head_match.person:
            person = head_match.person.on(when)
            country, org, sector = self._title_facts(others, root)
            return self._actor(span, person.name, country or person.country,
                               sector or person.sector, org or person.org)
        if head_match and head_match.kind == "org" and head_match.entry:
            entry = head_match.entry
            country = entry.country or self._nearest_country(others, root)
            return self._actor(span, entry.name, country, entry.sector, entry.org)
        if head_match and head_match.kind in ("country", "capital"):
            return self._actor(span, self._country_name(head_match.country), head_match.country, "government")
        if head_match and head_match.kind == "demonym":
            sector = "civilians" if _names_people(span, root) else None
            if head_match.country is None:
                return self._actor(span, span.text if root.pos_ == "PROPN" else root.text, None, sector)
            return self._actor(span, self._country_name(head_match.country), head_match.country, sector)
        if head_match and head_match.kind == "role" and head_match.role:
            return self._resolve_role(span, root, head_match.role, others, context)
        # Not an actor noun: a named entity of its own, or a metonym read through its modifier
        # ("the US document" -> USA government); otherwise not an actor at all.
        owner_role = self._installation_owner(others, root)
        if owner_role is not None:
            # "Kampuchean guerrilla camps", "an army base": the place stands for the group it houses
            rest = [m for m in others if m is not owner_role]
            assert owner_role.role is not None
            return self._resolve_role(span, span.doc[owner_role.last], owner_role.role, rest, context)
        modifier = self._metonym_modifier(span.doc, others, root)
        if modifier is not None:
            if modifier.kind in ("person", "org"):
                return self._resolve_matches(span, span.doc[modifier.last], [modifier], context, when)
            return self._actor(span, self._country_name(modifier.country), modifier.country, "government")
        if root.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") and root.pos_ == "PROPN":
            name_tokens = [t for t in span if t.ent_type_ == root.ent_type_ and not any(m.covers(t.i) for m in others)]
            name = " ".join(t.text for t in name_tokens if t.lower_ not in DETERMINERS) or root.text
            country, org, sector = self._title_facts(others, root)
            return self._actor(span, name, country, sector, org)
        return None

    def _with_place_country(self, span: Span, root: Token, matches: list[Match], actor: Actor | None) -> Actor | None:
        """'Kandahar police', 'the governor of Sindh province', 'Karachi-based militants': a city or
        province (places.py) gives a countryless actor its country. A phrase that is not an actor
        becomes one only when it is the place itself ("rebels in Helmand" asks who Helmand is), and
        a dictionary person's or organisation's own data is never changed."""
        if actor is not None and (actor.country or actor.org):
            return actor
        if any(m.entry is not None and m.covers(root.i) for m in matches):
            return actor
        covered = {i for m in matches for i in range(m.first, m.last + 1)}
        found = find_places(self.places, span.doc, span.start, span.end - 1, covered, self.not_places,
                            self._tokens(span.doc).person_name_words())
        if not found:
            return actor
        if actor is None:
            place = next((p for p in found if p.first <= root.i <= p.last), None)
            if place is None:
                return None  # "the Aleppo talks": a place modifying a thing names no actor
            name = span.doc[place.first : place.last + 1].text
            return self._actor(span, name, place.country, None)
        nearest = min(found, key=lambda p: abs(p.first - root.i))
        actor.country = nearest.country
        actor.name = actor.name or self._country_name(nearest.country)
        return actor

    def _resolve_role(self, span: Span, root: Token, role: Role, others: list[Match],
                      context: DocumentActors | None) -> Actor | None:
        country, org, sector = self._title_facts(others, root)
        has_determiner = any(t.lower_ in ("the", "this", "that") for t in span[:2])
        if context is not None and role.kind == "person" and root.tag_ != "NNS":
            # "the State Department spokesman" -> the person introduced with that title earlier
            title = _title_key(span)
            person = context.person_with_title(title, span.start_char)
            if person is None and country is None and org is None:
                person = context.person_with_title(role.phrase, span.start_char)
            if person:
                return self._actor(span, person.name, person.country, person.sector, person.org)
        if country is None and org is None and context is not None and has_determiner:
            earlier = context.role_actor(role.phrase, span.start_char)
            if earlier:
                return self._actor(span, earlier.name, earlier.country, earlier.sector, earlier.org)
        sector = self._role_sector(role, others, sector)
        org_entry = next((m.entry for m in others if m.kind == "org" and m.entry), None)
        name = org_entry.name if org_entry else self._country_name(country)
        return self._actor(span, name, country, sector, org)

    def _role_sector(self, role: Role, others: list[Match], entity_sector: str | None) -> str | None:
        """Strong head role > strong modifier role > the named institution's sector > weak defaults."""
        if role.strong and role.sector:
            return role.sector
        other_roles = [m.role for m in others if m.kind == "role" and m.role and m.role.sector]
        strong = [r for r in other_roles if r.strong]
        if strong:
            return strong[-1].sector
        if entity_sector:
            return entity_sector
        if role.sector:
            return role.sector
        return other_roles[-1].sector if other_roles else None

    def _title_facts(self, others: list[Match], root: Token) -> tuple[str | None, str | None, str | None]:
        """Country, organisation code and sector that the rest of the phrase contributes."""
        country = self._nearest_country(others, root)
        org = next((m.entry.org for m in others if m.kind == "org" and m.entry and m.entry.org), None)
        sector = None
        role_sectors = [m.role for m in others if m.kind == "role" and m.role and m.role.sector]
        strong = [r for r in role_sectors if r.strong]
        org_sector = next((m.entry.sector for m in others if m.kind == "org" and m.entry), None)
        if strong:
            sector = strong[-1].sector
        elif org_sector:
            sector = org_sector
        elif role_sectors:
            sector = role_sectors[-1].sector
        elif any(m.kind in ("country", "capital", "demonym") for m in others):
            sector = None
        return country, org, sector

    @staticmethod
    def _nearest_country(others: list[Match], root: Token) -> str | None:
        with_country = [m for m in others if m.country or (m.person and m.person.country)]
        if not with_country:
            return None
        best = min(with_country, key=lambda m: abs(m.first - root.i))
        return best.country or (best.person.country if best.person else None)

    @staticmethod
    def _installation_owner(others: list[Match], root: Token) -> Match | None:
        """The group role modifying a camp, base or position ("guerrilla stronghold", "police station")."""
        if root.lemma_.lower() not in INSTALLATION_NOUNS:
            return None
        roles = [m for m in others if m.kind == "role" and m.role and m.role.sector and m.last < root.i]
        return roles[-1] if roles else None

    @staticmethod
    def _metonym_modifier(doc: Doc, others: list[Match], root: Token) -> Match | None:
        """A country, organisation or person that possesses or modifies a non-actor head
        ("the US document", "Russia's proposals"), read as the actor behind it. A capital counts
        only as a possessor: "the Vienna talks" names a place, "Moscow's reply" an actor."""
        chosen = None
        for match in others:
            if match.kind == "role" or match.last >= root.i:
                continue
            if match.kind == "demonym" and match.country is None:
                continue
            token = doc[match.last]
            path_ok = True
            while token.i != root.i:
                if token.dep_ not in MODIFIER_DEPS or token.head.i == token.i:
                    path_ok = False
                    break
                token = token.head
            if not path_ok:
                continue
            possessive = doc[match.last].dep_ == "poss" or (
                match.last + 1 < len(doc) and doc[match.last + 1].dep_ == "case"
            )
            if match.kind == "capital" and not possessive:
                continue
            chosen = match
        return chosen

    def _country_name(self, iso3: str | None) -> str | None:
        return self.countries.short_names.get(iso3) if iso3 else None

    def country_named(self, span: Span) -> str | None:
        """The country that ``span`` names as a whole, by its name or its people's adjective ("France",
        "US", "South Korean"), or None: a capital, person or organisation is not a country's name here,
        nor is "ethnic Albanian"."""
        matches = self._find_matches(span.doc, span.start, span.end - 1, None, None)
        words = [t for t in span if t.lower_ not in DETERMINERS and not t.is_punct and t.dep_ != "case"]
        if len(matches) != 1 or matches[0].kind not in ("country", "demonym") or not words:
            return None
        match = matches[0]
        return match.country if match.first <= words[0].i and words[-1].i <= match.last else None

    def with_country(self, actor: Actor, country: str) -> Actor:
        """A copy of ``actor`` that stands for ``country`` instead: the same mention, sector and role,
        named after the new country when it was named after its old one."""
        named_after_country = actor.name is None or actor.name == self._country_name(actor.country)
        name = self._country_name(country) if named_after_country else actor.name
        return replace(actor, country=country, name=name)

    @staticmethod
    def _actor(span: Span, name: str | None, country: str | None, sector: str | None,
               org: str | None = None) -> Actor:
        return Actor(text=span.text, start=span.start_char, end=span.end_char, name=name,
                     country=country, sector=sector, org=org)

    # ------------------------------------------------------------------------------------------
    # Where a sentence happens

    def is_local(self, span: Span, actor: Actor) -> bool:
        """Is the countryless actor of ``span`` local by nature (people, protesters, workers, police,
        gunmen: local_actors.tsv), so that where its sentence happens says whose it is? Never armed
        forces or officials, nor a phrase that names a person, organisation or country of its own."""
        if actor.country or actor.org or actor.sector not in self.local.sectors:
            return False
        root = span.root
        matches = self._find_matches(span.doc, span.start, span.end - 1, None, None)
        head = next((m for m in matches if m.covers(root.i)), None)
        if head is None or head.kind != "role" or head.role is None or head.role.phrase in self.local.exceptions:
            return False
        return all(m.kind == "role" or (m.kind == "demonym" and m.country is None) for m in matches)

    def where_country(self, head: Token, sector: str | None) -> str | None:
        """The one country where the local actor headed by ``head`` acts: the places of its sentence
        ("in central Bratislava", "between Madrid and Seville", "in the Mexican state of Guerrero"),
        or None when they lie in several countries or none is known. Only objects of place
        prepositions count: a country acted on is an actor, not where the sentence happens. Actors
        who travel (criminals: local_actors.tsv ``mobile_sector``) take only places in their own
        phrase or in a clause they belong to (a clause below or beside theirs, "when his brother was
        arrested in Miami", tells another story), and not a place tied to where someone is caught,
        judged or meets ("arrested in Miami", "indictments in the United States", "a summit in
        Paris": ``venue``). Police, workers and protesters mostly stay in their country whichever
        clause names it ("police conducted arrests meant to stop operations in a Rio suburb")."""
        mobile = sector in self.local.mobile_sectors
        key = (head.i, mobile)
        table = self._tokens(head.doc)
        if key in table.where_countries:
            return table.where_countries[key]
        clauses = _clause_chain(head)
        countries: set[str] = set()
        for token in head.sent:
            if token.dep_ != "prep" or token.lower_ not in WHERE_PREPOSITIONS:
                continue
            in_phrase = head.left_edge.i <= token.i <= head.right_edge.i
            if mobile and ((not in_phrase and _clause_of(token) not in clauses)
                           or token.head.lemma_.lower() in self.local.venues):
                continue
            for obj in token.children:
                if obj.dep_ != "pobj":
                    continue
                for place in (obj, *obj.conjuncts):
                    countries |= self._place_countries(place)
        found = next(iter(countries)) if len(countries) == 1 else None
        table.where_countries[key] = found
        return found

    def _place_countries(self, token: Token, depth: int = 2) -> set[str]:
        """The countries of a place phrase: a country or capital ("central Bratislava"), a city or
        province of the place table, or a place noun whose modifier or "of" phrase says whose ("the
        Haitian capital", "Pakistan's Bajaur district", "the states of X, Y and Z")."""
        doc = token.doc
        phrase = self.phrase_for(token)
        matches = self._find_matches(doc, phrase.start, phrase.end - 1, None, None)
        head = next((m for m in matches if m.covers(token.i)), None)
        if head is not None:
            # not a region named after a country ("Latin America", "Central America")
            region = any(child.dep_ == "compound" and child.pos_ == "PROPN" and child.text[:1].isupper()
                         and not head.covers(child.i) for child in token.lefts)
            return {head.country} if head.kind in ("country", "capital") and head.country and not region else set()
        place_noun = token.pos_ == "NOUN" and token.lemma_.lower() in self.local.place_nouns
        if place_noun:
            owners = [m for m in matches if m.kind in ("country", "capital", "demonym") and m.country and m.last < token.i]
            if owners:
                return {owners[-1].country}  # type: ignore[set-item]
            of_places = [place for child in token.children if child.dep_ == "prep" and child.lower_ == "of"
                         for obj in child.children if obj.dep_ == "pobj" for place in (obj, *obj.conjuncts)]
            if depth > 1 and of_places:
                return {country for place in of_places for country in self._place_countries(place, depth - 1)}
        elif token.pos_ != "PROPN":
            return set()
        covered = {i for m in matches for i in range(m.first, m.last + 1)}
        places = find_places(self.places, doc, phrase.start, phrase.end - 1, covered, self.not_places,
                             self._tokens(doc).person_name_words())
        # the place itself, or a name compounded with a place noun ("the Gazipur industrial belt");
        # not a name that is a place in several countries ("Santa Elena": Ecuador's province, a town
        # in Honduras and Argentina), which only says where when the sentence says which
        return {place.country for place in places
                if (place.first <= token.i <= place.last or (place_noun and place.last < token.i))
                and normalize(doc[place.first : place.last + 1].text) not in self.places.contested}

    # ------------------------------------------------------------------------------------------
    # Document context

    def scan_document(self, doc: Doc, when: date | None = None) -> DocumentActors:
        """One pass over the article: people and their titles, organisations named, role mentions."""
        ctx = DocumentActors(when=when)
        self._table = _TokenTable(doc)  # read afresh: a document may be edited and scanned again
        self._scan_named(doc, ctx, when)
        self._scan_people(doc, ctx, when)
        self._scan_mentions(doc, ctx)
        self._scan_roles(doc, ctx, when)
        return ctx

    def _scan_named(self, doc: Doc, ctx: DocumentActors, when: date | None) -> None:
        """Which dictionary organisations the article names (for 'the Alliance' -> NATO)."""
        for ent in doc.ents:
            if ent.label_ not in ("ORG", "GPE", "NORP", "FAC", "LOC"):
                continue
            for match in self._find_matches(doc, ent.start, ent.end - 1, None, when):
                if match.kind == "org" and match.entry:
                    ctx.orgs_present.add(normalize(match.entry.name))

    def _scan_people(self, doc: Doc, ctx: DocumentActors, when: date | None) -> None:
        """Full names with their titles: 'State Department spokesman Ned Price', appositions."""
        heads: dict[int, Span | None] = {}
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                heads[ent[-1].i] = ent  # English names end in the surname: use it as the head
        pos = self._tokens(doc).pos
        for index, tag in enumerate(pos):  # dictionary people the tagger missed ("Ned Price" tagged as ORG)
            if tag == "PROPN" and index not in heads and (index + 1 == len(pos) or pos[index + 1] != "PROPN"):
                heads[index] = None
        for index in sorted(heads):
            self._register_person(doc[index], heads[index], ctx, when)

    def _register_person(self, head: Token, ent: Span | None, ctx: DocumentActors, when: date | None) -> None:
        phrase = self.phrase_for(head)
        matches = self._find_matches(head.doc, phrase.start, phrase.end - 1, None, when)
        person_match = next((m for m in matches if m.covers(head.i) and m.kind == "person"), None)
        if person_match is None and ent is None:
            return
        name_tokens = [t for t in (ent if ent is not None else []) if t.pos_ == "PROPN"
                       and not any(m.covers(t.i) and m.kind != "person" for m in matches)]
        if person_match is None and not name_tokens:
            return
        others = [m for m in matches if m is not person_match and not (m.first <= head.i <= m.last)]
        title_tokens = [t for t in phrase if not (person_match and person_match.covers(t.i))
                        and t not in name_tokens and t.lower_ not in DETERMINERS and not t.is_punct]
        others = [m for m in others if not any(t.i in range(m.first, m.last + 1) for t in name_tokens)]
        # Appositive or governing role nouns: "Gavrilov, head of ...", "the representative of X Peskov"
        for extra in self._role_relatives(head):
            extra_phrase = self.phrase_for(extra)
            others += self._find_matches(head.doc, extra_phrase.start, extra_phrase.end - 1, None, when)
        country, org, sector = self._title_facts(others, head)
        if sector is None:
            head_roles = [m.role for m in others if m.kind == "role" and m.role]
            sector = head_roles[-1].sector if head_roles and head_roles[-1].sector else None
        if _former_office(phrase, sector, matches):
            sector = "elites"
        if person_match and person_match.person:
            base = person_match.person
            name = base.name
        else:
            words = [t.text for t in name_tokens] or [head.text]
            name = " ".join(words)
            base = PersonInfo(name)
        info = ctx.people.get(normalize(name))
        if info is None:
            entries = ()
            if person_match and person_match.entry:
                entries = tuple(self.entries.person_names.get(normalize(person_match.entry.name), ()))
            info = PersonInfo(name, base.country, base.sector, base.org, entries=entries)
            ctx.people[normalize(name)] = info
        # What the article says now beats the dictionary's defaults.
        info.country = country or info.country
        info.sector = sector or info.sector
        info.org = org or info.org
        stated = info.stated
        info.stated = (country or stated[0], sector or stated[1], org or stated[2])
        surname = (person_match.entry.surname if person_match and person_match.entry else None) or name.split()[-1]
        if len(name.split()) > 1 or person_match:
            ctx.surnames.setdefault(normalize(surname), info)
        if title_tokens:
            title = " ".join(t.lower_ for t in title_tokens)
            info.titles.append(title)
            ctx.titles.setdefault(normalize(title), []).append((phrase.start_char, info))
            head_role = next((m.role for m in reversed(matches) if m.kind == "role" and m.role), None)
            if head_role:
                ctx.titles.setdefault(head_role.phrase, []).append((phrase.start_char, info))

    def _role_relatives(self, head: Token) -> list[Token]:
        relatives = [c for c in head.children if c.dep_ == "appos" and self._role_of_token(c)]
        if head.dep_ == "appos" and self._role_of_token(head.head):
            relatives.append(head.head)
        return relatives

    def _scan_mentions(self, doc: Doc, ctx: DocumentActors) -> None:
        """Offsets of every mention of a known person, for he/she."""
        if not ctx.people:
            return
        mentions: list[tuple[int, PersonInfo]] = []
        tokens = self._tokens(doc)
        index = 0
        while index < len(doc):
            hit = None
            if tokens.capitalized[index]:
                for size in (4, 3, 2, 1):
                    end = min(index + size, len(doc))
                    key = normalize(tokens.span_text(index, end - 1))
                    person = ctx.people.get(key) or ctx.surnames.get(key)
                    if person:
                        hit = (end, person)
                        break
            if hit:
                mentions.append((tokens.starts[index], hit[1]))
                index = hit[0]
            else:
                index += 1
        ctx.mention_offsets = [offset for offset, _ in mentions]
        ctx.mention_people = [person for _, person in mentions]

    def _scan_roles(self, doc: Doc, ctx: DocumentActors, when: date | None) -> None:
        """Role nouns named with their country ("the Russian Foreign Ministry") for later "the ministry"."""
        tokens = self._tokens(doc)
        for index, pos in enumerate(tokens.pos):
            if pos not in ("NOUN", "PROPN"):
                continue
            role = self.roles.get(tokens.lemma[index]) or self.roles.get(tokens.lower[index])  # _role_of_token
            if role is None or role.kind == "modifier":
                continue
            token = doc[index]
            phrase = self.phrase_for(token)
            matches = self._find_matches(doc, phrase.start, phrase.end - 1, ctx, when)
            head_match = next((m for m in matches if m.covers(token.i)), None)
            if head_match is None or head_match.kind != "role" or head_match.role is None:
                continue
            others = [m for m in matches if m is not head_match]
            country, org, _ = self._title_facts(others, token)
            if country is None and org is None:
                continue
            actor = self._resolve_role(phrase, token, head_match.role, others, None)
            if actor is None:
                continue
            for key in {head_match.role.phrase, role.phrase}:
                ctx.role_mentions.setdefault(key, []).append((phrase.start_char, actor))


def person_from_entry(entry: ActorEntry, valid: bool) -> PersonInfo:
    """A dictionary person; outside their office dates only the name and country still hold."""
    if valid:
        return PersonInfo(entry.name, entry.country, entry.sector, entry.org)
    return PersonInfo(entry.name, entry.country)


def _looks_like_name(tokens: Sequence[Token]) -> bool:
    """Capitalised, allowing lower-case particles in front ("al-Qaeda", "bin Laden")."""
    for token in tokens[:4]:
        if token.lower_ not in NAME_PARTICLES:
            return token.text[:1].isupper()
    return False


def _clause_of(token: Token) -> int:
    """The verb whose clause ``token`` belongs to (the sentence root when no verb is above it)."""
    for ancestor in token.ancestors:
        if ancestor.pos_ in ("VERB", "AUX"):
            return ancestor.i
    return token.sent.root.i


def _clause_chain(token: Token) -> set[int]:
    """The clause ``token`` belongs to and the clauses that contain it."""
    chain = {ancestor.i for ancestor in token.ancestors if ancestor.pos_ in ("VERB", "AUX")}
    chain.add(token.sent.root.i)
    if token.pos_ in ("VERB", "AUX"):
        chain.add(token.i)
    return chain


def _name_goes_on(doc: Doc, tokens: _TokenTable, first: int, last: int) -> bool:
    """Does a name with a word like "of" inside go on past ``last`` ("Department of State | Services")?
    Its last word then only modifies the next one, so the shorter name is not meant. A name without
    such a word stays the named body ("United Nations | Development Programme" is the UN's)."""
    after = last + 1
    if after >= len(doc) or not any(tokens.lower[i] in INNER_NAME_WORDS for i in range(first + 1, last)):
        return False
    following = doc[after]
    return (tokens.capitalized[after] and tokens.pos[after] == "PROPN" and not tokens.skip[after]
            and (following.ent_iob_ == "I" or not following.ent_type_))


def _is_backer(doc: Doc, match: Match) -> bool:
    """'US-backed rebels': the country (or organisation) only backs the actor."""
    if match.kind not in ("country", "capital", "demonym", "org") or match.last + 2 >= len(doc):
        return False
    hyphen, word = doc[match.last + 1], doc[match.last + 2]
    return hyphen.text == "-" and not hyphen.whitespace_ and word.lower_ in BACKER_WORDS


def _names_people(span: Span, root: Token) -> bool:
    """A plural demonym used as a noun names people ("Young Algerians", "three Britons"), read as
    civilians; "the Americans" in diplomatic news usually means the delegation, so no sector."""
    if root.tag_ not in ("NNS", "NNPS") or root.pos_ not in ("NOUN", "PROPN"):
        return False
    return not any(t.lower_ in ("the", "both") for t in span if t.i < root.i)


def _former_office(span: Span, sector: str | None, matches: Sequence[Match]) -> bool:
    """'former president Carlos Menem', 'ex-ministers': an office-holder no longer in office."""
    if sector not in OFFICE_SECTORS:
        return False
    offices = [m for m in matches if m.kind == "role" and m.role and m.role.kind in ("person", "group")]
    # Close before the office ("former US prime minister"), not "the former Soviet republic's president".
    return any(t.lower_ in FORMER_WORDS and any(0 < m.first - t.i <= 3 for m in offices) for t in span)


def _title_key(span: Span) -> str:
    return normalize(" ".join(t.text for t in span if t.lower_ not in DETERMINERS and not t.is_punct))


__all__ = ["ActorResolver", "DocumentActors", "PersonInfo", "is_case_sensitive"]
