"""Reading a spaCy dependency parse: subjects (through control, coordination and relative clauses),
objects, clauses and purpose clauses, recipients, the places in an act's scope, pronoun antecedents,
counted and collective members, and the authors of event nouns.

Functions of one token (or a few) and the parse around it; they know the lexicon only through the word
classes of data/object_classes.yaml. The event coder (heron.events.coder) decides what they mean for an
event; heron.events.mentions decides how far each participant's mention reaches.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from functools import lru_cache
from importlib import resources

import yaml
from spacy.tokens import Token

from heron.events.lexicon import non_event_words, object_classes, verb_lemma_corrections

SUBJECT_DEPS = ("nsubj", "csubj")
PASSIVE_SUBJECT_DEPS = ("nsubjpass", "csubjpass")
# verbs whose bare complement the parse may read as a clause with its subject after the verb ("let free X")
CAUSATIVE_VERBS = ("let", "set")

# Prepositions that introduce the recipient of an action ("met with X", "sanctions on X").
TARGET_PREPOSITIONS = ("with", "to", "against", "on", "at", "toward", "towards", "into", "for", "from", "upon", "over")
ENTITY_TYPES = ("PERSON", "ORG", "GPE", "NORP", "FAC", "LOC")
NON_ACTOR_ENTITY_TYPES = ("DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY")

# Plural role nouns that stand for the members named after them: "aides to the presidents of Russia and
# the United States" are the two countries' officials.
COLLECTIVE_NOUNS = {"aide", "leader", "president", "minister", "delegation", "representative", "envoy",
                    "official", "negotiator", "head", "chief", "diplomat", "spokesman", "adviser", "advisor"}

# Object pronouns that refer back to a person named earlier in the sentence (see pronoun_antecedent).
PERSON_OBJECT_PRONOUNS = frozenset({"him", "her"})
# Clauses below a predicate whose objects it may act on (see clause_objects).
SUBORDINATE_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "xcomp"})

# Word classes of data/object_classes.yaml: verbs of helping, bare things that name nobody, place nouns,
# people helped for their plight ("to help victims of the flood") and the relief they are given.
ASSISTANCE_VERBS = frozenset(object_classes()["assistance_verbs"])
GENERIC_OBJECTS = frozenset(object_classes()["generic_objects"])
PLACE_NOUN_LEMMAS = frozenset(object_classes()["place"])
COUNTRY_NOUNS = frozenset(object_classes()["country_nouns"])
BENEFICIARIES = frozenset(object_classes()["beneficiary"])
RELIEF_OBJECTS = frozenset(object_classes()["relief"])
AIMING_VERBS = frozenset(object_classes()["aiming_verbs"])
# Messages and the verbs of writing that carry an act to someone ("sent a letter to X threatening ...").
MESSAGE_NOUNS = frozenset(object_classes()["message"])
UTTERANCE_NOUNS = frozenset(object_classes()["utterance"])
WRITING_VERBS = frozenset({"write", "cable", "email", "telegraph"})

# Words that count the people of their "of" phrase ("thousands of refugees").
QUANTITY_NOUNS = frozenset({"thousand", "hundred", "dozen", "score", "million", "number", "group", "crowd",
                            "handful", "couple"})

# Quantifier pronouns that stand for part of the group of their "of" phrase ("some of the peacekeepers",
# "each of the providers").
QUANTIFIER_PRONOUNS = frozenset({"some", "each", "all", "many", "most", "several", "few", "both", "none", "any",
                                 "one", "either", "neither"})

# Prepositions of a verb's recipient that the parse may hang on the verb's "by" agent ("imposed by the EU
# on Russian banks").
AGENT_MISATTACHED_PREPOSITIONS = frozenset({"on", "against", "upon"})

CARGO_PARTICIPLES = frozenset(object_classes()["cargo_participles"])
PERMISSION_VERBS = frozenset(object_classes()["permission_verbs"])

# Ultimatums (see ultimatum_deadline): verbs that give time, the time given, the acts demanded.
TIME_GIVING_VERBS = frozenset(object_classes()["time_giving_verbs"])
TIME_LIMIT_NOUNS = frozenset(object_classes()["time_limit"])
ULTIMATUM_DEMANDS = frozenset(object_classes()["ultimatum_demands"])

# Prepositions that mostly give a circumstance, not a recipient ("at the fourth round of talks").
LOOSE_PREPOSITIONS = frozenset({"at", "over", "into", "from"})

# Prepositions that name what a comment is about ("pessimism over the economy").
COMMENT_TOPIC_PREPOSITIONS = frozenset({"about", "over", "at", "regarding", "concerning"})

# ... and, after an adjective of attitude, "of" ("skeptical of the figures", "critical of the plan").
ATTITUDE_TOPIC_PREPOSITIONS = COMMENT_TOPIC_PREPOSITIONS | {"of"}

# Prepositions that put an act in a place ("aid to Nepal", "a curfew in parts of Kashmir").
PLACE_PREPOSITIONS = frozenset({"in", "to", "into", "inside", "across", "throughout"})

# Prepositions that say where an act done with the source's own means is aimed ("near a base").
LOCATED_TARGET_PREPOSITIONS = frozenset({"near", "at", "against", "on", "outside", "inside", "in", "into"})

# Dependencies that lead out of the predicate's own clause.
OTHER_CLAUSE_DEPS = frozenset({"ccomp", "parataxis", "nsubj", "nsubjpass", "csubj", "mark"})

# Prepositions that name the other party of what a clause deals with ("to meet with X", "to resolve the
# rift between X and Y", "a dispute with X").
PARTY_PREPOSITIONS = frozenset({"with", "between", "among"})

# Prepositions that name what an attack hits ("an attack on the army's sites", "arson at a ski resort").
VICTIM_PREPOSITIONS = frozenset({"on", "against", "at", "upon"})

# Modifiers inside a noun phrase that can name whose the thing is ("Ukrainian", "Germany's", "US").
OWNER_MODIFIER_DEPS = frozenset({"poss", "amod", "compound", "nmod"})


@lru_cache(maxsize=1)
def load_occurrence_verbs() -> frozenset[str]:
    text = resources.files("heron.events").joinpath("data/nominal_events.yaml").read_text(encoding="utf-8")
    return frozenset(phrase.split()[0] for phrase in yaml.safe_load(text)["occurrence_verbs"])


@lru_cache(maxsize=1)
def load_stative_participles() -> dict[str, frozenset[str]]:
    """Participle lemma -> prepositions after which "be + participle" is a state of the subject."""
    text = resources.files("heron.events").joinpath("data/stative_participles.yaml").read_text(encoding="utf-8")
    return {str(lemma): frozenset(str(p) for p in preps) for lemma, preps in yaml.safe_load(text).items()}


def is_stative(participle: Token) -> bool:
    """'is committed to', 'were engaged in', 'is poised to strike': a passive form with no agent whose
    complement (data/stative_participles.yaml) makes it a state of the subject, not an act done to it."""
    prepositions = load_stative_participles().get(participle.lemma_.lower())
    if not prepositions or participle.tag_ != "VBN":
        return False
    if any(c.dep_ == "agent" for c in participle.children):
        return False
    for child in participle.children:
        if child.dep_ == "prep" and child.lower_ in prepositions and child.i > participle.i:
            return True
        if child.dep_ == "xcomp" and "to" in prepositions and is_to_infinitive(child):
            return True
    return False


NON_EVENT_CONTENT_DEPTH = 6  # heads climbed from an act to the accusation it may be the content of
ACCUSATION_CONTENT_DEPS = frozenset({"xcomp", "ccomp", "acl", "pcomp", "conj"})


def is_non_event(verb: Token) -> bool:
    """A verb form that reads like an event but reports none (data/non_events.yaml): the content of an
    accusation, a subjectless conditional participle, a counterfactual, a participle of possession, the
    price sense of an accusation verb, or a fixed expression."""
    words = non_event_words()
    return (is_accusation_content(verb, words) or is_subjectless_condition(verb, words)
            or is_counterfactual(verb, words) or is_possession_state(verb, words)
            or is_price_charged(verb, words) or is_fixed_expression(verb, words))


def is_accusation_content(verb: Token, words: dict[str, frozenset[str]]) -> bool:
    """'accused of staging fake rescues', 'charges that they conspired to ship arms', 'allegations that
    X accepted funds', 'alleged that the government aided Y': what is charged, not an act reported
    ("an indictment charging X with fraud" is the accusation itself)."""
    if verb_lemma(verb) in words["accusation_verbs"]:
        return False
    token = verb
    for _ in range(NON_EVENT_CONTENT_DEPTH):
        if token.head == token or token.dep_ not in ACCUSATION_CONTENT_DEPS:
            return False
        governor = token.head
        if token.dep_ == "pcomp":
            if governor.dep_ != "prep" or governor.lower_ not in words["accusation_prepositions"]:
                return False
            governor = governor.head
        if token.dep_ != "conj":
            lemma = governor.lemma_.lower()
            if governor.pos_ in ("VERB", "AUX") and verb_lemma(governor) in words["accusation_verbs"] \
                    and not is_price_charged(governor, words):
                return True
            if governor.pos_ == "NOUN" and lemma in words["accusation_nouns"]:
                return True
        token = governor
    return False


def is_subjectless_condition(verb: Token, words: dict[str, frozenset[str]]) -> bool:
    """'If convicted, X could face 25 years': a conditional participle with no subject."""
    return verb.tag_ == "VBN" and verb.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in words["condition_markers"] for c in verb.children
    ) and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)


def is_counterfactual(verb: Token, words: dict[str, frozenset[str]]) -> bool:
    """'should have barred them', 'would have been arrested': an act that was not done."""
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return verb.tag_ == "VBN" and any(a.lower_ in words["counterfactual_modals"] for a in auxiliaries) \
        and any(a.lemma_.lower() == "have" for a in auxiliaries)


def is_possession_state(verb: Token, words: dict[str, frozenset[str]]) -> bool:
    """'the stations are equipped with cameras', 'gunmen armed with rifles': what someone has."""
    if verb.tag_ != "VBN" or verb.lemma_.lower() not in words["possession_participles"]:
        return False
    if verb.dep_ not in ("acl", "amod") and not any(c.dep_ == "auxpass" for c in verb.children):
        return False
    # (the parse may hang the agent on the thing had: "armed with rifles by the army")
    return not any(t.dep_ == "agent" or t.dep_ == "prep" and t.lower_ == "by" for t in verb.subtree) and any(
        c.dep_ == "prep" and c.lower_ == "with" for c in verb.children)


def is_price_charged(verb: Token, words: dict[str, frozenset[str]]) -> bool:
    """'the low rates charged by smugglers', 'charge protection fees': an accusation verb whose object
    (or the noun a reduced relative describes) is a price or an amount of money."""
    if verb_lemma(verb) not in words["accusation_verbs"]:
        return False
    charged = [c for c in verb.children if c.dep_ in ("dobj", "dative", "nsubjpass")]
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN", "NUM"):
        charged.append(verb.head)
    return any(t.lemma_.lower() in words["price_nouns"] or t.ent_type_ == "MONEY" for t in charged)


def is_fixed_expression(verb: Token, words: dict[str, frozenset[str]]) -> bool:
    """'as opposed to the land route': a fixed expression whose middle word is the verb."""
    doc = verb.doc
    for expression in words["fixed_expressions"]:
        parts = expression.split()
        if verb.lower_ not in parts:
            continue
        start = verb.i - parts.index(verb.lower_)
        if start >= 0 and start + len(parts) <= len(doc) and [t.lower_ for t in doc[start : start + len(parts)]] == parts:
            return True
    return False


# ---------------------------------------------------------------------- parse helpers
def verb_lemma(verb: Token) -> str:
    """The verb's lemma, corrected where spaCy gets it wrong ("staged" -> stage; data/verb_lemmas.yaml)."""
    return verb_lemma_corrections().get(verb.lower_) or verb.lemma_.lower()


def reads_as_verb(token: Token) -> bool:
    """A word the tagger calls a noun but the parser gave a verb's dependents: a particle ("EU and UN
    hand over supplies", where "hand" is tagged a noun), or both a subject and a direct object."""
    if token.pos_ not in ("NOUN", "PROPN") or token.dep_ not in ("ROOT", "conj", "ccomp", "xcomp", "advcl"):
        return False
    dependents = {child.dep_ for child in token.children}
    return "prt" in dependents or {"nsubj", "dobj"} <= dependents


def is_to_infinitive(verb: Token) -> bool:
    """'to mediate', 'to help': the verb is marked by infinitive "to"."""
    return any(child.dep_ == "aux" and child.lower_ == "to" for child in verb.children)


def has_infinitive_complement(verb: Token) -> bool:
    """An entry particle "to" is also met by the verb's own infinitive complement: "pressured X to
    cancel", "declined to resign". The marker is not part of the predicate ("pressured X", not
    "pressured X ... to")."""
    return any(
        child.dep_ == "xcomp" and child.i > verb.i and is_to_infinitive(child)
        for child in verb.children
    )


def is_split_word_piece(token: Token) -> bool:
    """Is the token a piece of a hyphenated word that the parse split into sibling words ("two
    ex-ministers" read as three objects "ex", "-", "ministers"): followed without spaces by a hyphen
    and another piece that hangs on the same word in the same relation."""
    doc = token.doc
    if token.i + 2 >= len(doc) or token.whitespace_ or doc[token.i + 1].text != "-" or doc[token.i + 1].whitespace_:
        return False
    rest = doc[token.i + 2]
    return token.head == rest.head and token.dep_ == rest.dep_ and token.head != token


def whole_split_word(token: Token) -> Token:
    """The last piece of a hyphenated word the parse split into siblings (the noun the word is named
    by, see is_split_word_piece); the token itself otherwise. A lone hyphen piece leads to it as well."""
    doc = token.doc
    if token.text == "-" and token.i > 0 and is_split_word_piece(doc[token.i - 1]):
        token = doc[token.i - 1]
    while is_split_word_piece(token):
        token = token.doc[token.i + 2]
    return token


def split_word_start(token: Token) -> int:
    """The index of the first piece of the split hyphenated word that ends with the token."""
    doc, start = token.doc, token.i
    while start >= 2 and is_split_word_piece(doc[start - 2]) and doc[start - 2].head == token.head:
        start -= 2
    return start


def direct_object(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("dobj", "obj"):
            return whole_split_word(child)
    if (inverted := inverted_subject(verb)) is not None:
        return inverted
    # "held talks" parsed with the object as attr/oprd in some sentences
    for child in verb.children:
        if child.dep_ in ("attr", "oprd") and child.pos_ == "NOUN":
            return child
    return None


def object_lemmas(verb: Token) -> list[tuple[Token, str]]:
    """What the verb acts on, as (token, lemma) candidates for object-dependent entries.

    The direct object (or the passive subject: "aid was provided"), with its compound reading
    ("border post"), the complement of a quantity noun ("two planeloads of tents") and the
    "with" complement of the verb ("provided Kyiv with air defence systems").
    """
    heads = [c for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass")] + raised_objects(verb)
    # an object moved after an adjunct is parsed as a modifier: "returned to Peru on Monday 30 turtles"
    heads += [c for c in verb.children if c.dep_ == "npadvmod" and c.pos_ == "NOUN" and c.i > verb.i]
    heads += [gc for c in verb.children if c.dep_ == "prep" and c.lower_ in ("with", "in", "on", "to")
              for gc in c.children if gc.dep_ in ("pobj", "pcomp")]  # pcomp: a gerund ("contribute to rebuilding")
    # "provided X with what now totals $50 billion in aid": the free relative's object is what is given
    heads += [ggc for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"
              for gc in c.children if gc.dep_ == "pcomp" and gc.pos_ == "VERB"
              and any(s.dep_ in SUBJECT_DEPS and s.tag_ == "WP" for s in gc.children)
              for ggc in gc.children if ggc.dep_ in ("dobj", "obj")]
    # "declined to comment", "considering sending aid": the complement verb and its object
    for clause in (c for c in verb.children if c.dep_ in ("xcomp", "acomp", "ccomp", "oprd")):
        if is_causative_complement(clause):
            continue  # "let free the journalists": the complement is the act, coded on its own
        heads.append(clause)
        heads += [gc for gc in clause.children if gc.dep_ in ("dobj", "obj")]
    heads += [cargo for head in heads for cargo in cargo_of(head)]  # "sent ships loaded with food"
    heads = [token for head in heads for token in (head, *head.conjuncts)]
    found: list[tuple[Token, str]] = []
    for head in heads:
        lemma = head.lemma_.lower()
        compounds = [c for c in head.children if c.dep_ == "compound" and c.i < head.i]
        if compounds:
            found.append((head, f"{compounds[-1].lemma_.lower()} {lemma}"))
        if head.i > 0 and (modifier := head.doc[head.i - 1]).dep_ == "amod" and modifier.head == head:
            found.append((head, f"{modifier.lower_} {lemma}"))  # "medical experts": a kind the class may name
        if (joined := hyphen_joined_lemma(head)) is not None:
            found.append((head, joined))
        found.append((head, lemma))
        found.extend((compound, compound.lemma_.lower()) for compound in compounds)
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for gc in child.children:
                    if gc.dep_ == "pobj":
                        modifier = gc.doc[gc.i - 1]
                        if modifier.dep_ == "amod" and modifier.head == gc:
                            found.append((gc, f"{modifier.lower_} {gc.lemma_.lower()}"))
                        found.append((gc, gc.lemma_.lower()))
    return found


def hyphen_joined_lemma(noun: Token) -> str | None:
    """'cease-fire' -> "ceasefire", 'pull-out' -> "pullout": a noun the tokenizer split at its hyphen
    (the first part hangs on the head as a compound), spelled as the lexicon writes it."""
    doc = noun.doc
    if noun.i < 2 or doc[noun.i - 1].text != "-" or doc[noun.i - 1].whitespace_ or doc[noun.i - 2].whitespace_:
        return None
    first = doc[noun.i - 2]
    if first.head != noun or first.dep_ not in ("compound", "amod", "nmod") or not first.is_alpha:
        return None
    return f"{first.lower_}{noun.lemma_.lower()}"


# Passive verbs that raise the subject of their infinitive: "X is believed / said to be behind the attack".
RAISING_PARTICIPLES = frozenset({"believe", "say", "think", "report", "allege", "expect", "suspect", "know",
                                 "understand", "presume", "rumour", "rumor", "consider", "see"})


def is_misparsed_reduced_relative(verb: Token) -> bool:
    """'Eighteen fishermen, held captive in X for 100 days, have been freed by Y': a participle set off
    by commas right after its subject, that the parse made the main verb with the real main verb (one
    with its own auxiliary, after a comma) as its conjunct. The participle only describes the subject."""
    if verb.dep_ != "ROOT" or verb.tag_ not in ("VBN", "VBD") or verb.i < 2 or verb.doc[verb.i - 1].text != ",":
        return False
    if any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    if not any(c.dep_ in SUBJECT_DEPS and c.i == verb.i - 2 for c in verb.children):
        return False
    return any(
        c.dep_ == "conj" and c.pos_ == "VERB" and verb.doc[c.left_edge.i - 1].text == ","
        and any(a.dep_ in ("aux", "auxpass") for a in c.children)
        for c in verb.children
    )


def cargo_of(thing: Token) -> list[Token]:
    """'two navy ships loaded with 900 tonnes of food', 'trucks carrying medicine': what the thing
    carries, named by a participle that describes it."""
    found: list[Token] = []
    for participle in thing.children:
        if participle.dep_ != "acl" or participle.lemma_.lower() not in CARGO_PARTICIPLES:
            continue
        found += [c for c in participle.children if c.dep_ in ("dobj", "obj")]
        found += [gc for c in participle.children if c.dep_ == "prep" and c.lower_ == "with"
                  for gc in c.children if gc.dep_ == "pobj"]
    return found


def raised_objects(verb: Token) -> list[Token]:
    """'allowed UN inspectors to visit the site': the one a permission verb lets act, which the parse
    reads as the subject of the infinitive clause that follows the verb."""
    if verb.lemma_.lower() not in PERMISSION_VERBS:
        return []
    return [s for clause in verb.children if clause.dep_ == "ccomp" and clause.i > verb.i and is_to_infinitive(clause)
            for s in clause.children if s.dep_ in SUBJECT_DEPS and verb.i < s.i < clause.i]


def is_permitted_act(verb: Token) -> bool:
    """'allowed UN inspectors to visit the site': the infinitive is what is allowed (see raised_objects)."""
    return verb.dep_ == "ccomp" and any(s.head == verb for s in raised_objects(verb.head))


def is_causative_complement(verb: Token) -> bool:
    """'X let free the activists': the parse reads the complement of a causative 'let/set' as a clause
    of its own (the freed as its object, or as its subject after the verb); the causer acts."""
    if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in CAUSATIVE_VERBS or verb.i != verb.head.i + 1:
        return False
    return any(c.dep_ in ("dobj", "obj") or (c.dep_ in SUBJECT_DEPS and c.i > verb.i) for c in verb.children)


def inverted_subject(verb: Token) -> Token | None:
    """The object of a causative complement that the parse made its subject ("let free the activists")."""
    if not is_causative_complement(verb) or any(c.dep_ in ("dobj", "obj") for c in verb.children):
        return None
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    return subjects[0] if len(subjects) == 1 else None


def subject_heads(predicate: Token) -> list[Token]:
    """The subject, following control ("agreed to set up"), coordination and relative clauses."""
    if is_causative_complement(predicate):
        return subject_heads(predicate.head)
    token = predicate
    for _ in range(6):
        subjects = [c for c in token.children if c.dep_ in SUBJECT_DEPS] or misattached_subjects(token)
        if not subjects and token != predicate and is_stative(token):
            # "the army is poised to strike": the subject of the stative passive acts
            subjects = [c for c in token.children if c.dep_ in PASSIVE_SUBJECT_DEPS]
        if subjects:
            return subjects
        if token.dep_ == "xcomp":
            head = token.head
            # Object control: "called on Russia to de-escalate", "urged Iran to stop".
            objects = [c for c in head.children if c.dep_ in ("dobj",)]
            if objects and is_object_control(head):
                return objects
            if head.tag_ == "VBN" and head.lemma_.lower() in RAISING_PARTICIPLES and (
                raised := [c for c in head.children if c.dep_ in PASSIVE_SUBJECT_DEPS]
            ):
                return raised  # "rebels are believed to be behind the massacre": the rebels are
            token = head
            continue
        if token.dep_ == "conj":
            token = token.head
            if not any(c.dep_ in ("auxpass",) for c in predicate.children) and (
                shared := [c for c in token.children if c.dep_ in PASSIVE_SUBJECT_DEPS]
            ) and not any(c.dep_ in SUBJECT_DEPS for c in token.children):
                return shared  # "the unit was considered elite and was responsible for ...": one subject
            continue
        if token.dep_ == "acomp":  # "Pakistan is willing to withdraw": the subject of the copula
            token = token.head
            continue
        if token.dep_ == "pcomp" and token.head.dep_ == "prep" and token.head.head.dep_ == "acomp":
            token = token.head.head  # "X and Y are guilty of violating the ceasefire"
            continue
        if token.dep_ == "relcl":
            return [token.head]
        if token.dep_ in ("advcl", "acl") and token.tag_ == "VBG":
            token = token.head
            if token.pos_ == "NOUN" and token.dep_ in ("dobj", "obj") and token.head.pos_ == "VERB":
                token = token.head  # "issued a statement calling on X": the issuer calls
            continue
        if token.dep_ == "advcl" and token.tag_ == "VB" and is_to_infinitive(token):
            token = token.head  # purpose clause: "took steps to expand freedoms" shares the main subject
            continue
        break
    return []


def by_agents(noun: Token, is_act: Callable[[Token], bool]) -> list[Token]:
    """'the arrest of X by the police': who did what an event noun names, in its "by" phrase, which
    the parse may hang on the noun's "of" complement ("the expulsion of three diplomats by Mali": a
    thing acted on has no doer of its own; an act has: "allegations of torture by the police")."""
    complements = of_complements(noun)
    acts = [gc for gc in complements if any(is_act(t) for t in (gc, *gc.conjuncts))]
    holders = [noun, *(gc for gc in complements if gc not in acts)]
    return [gc for holder in holders for c in holder.children if c.dep_ == "prep" and c.lower_ == "by"
            and not (holder == noun and any(act.i < c.i for act in acts))
            for gc in c.children if gc.dep_ == "pobj" and gc.ent_type_ not in NON_ACTOR_ENTITY_TYPES]


def act_agents_on_noun(noun: Token, is_act: Callable[[Token], bool]) -> list[Token]:
    """'allegations of torture by the police': a "by" phrase the parse hung on the noun after an "of"
    complement naming an act is that act's doer, not the noun's."""
    own = by_agents(noun, is_act)
    return [gc for c in noun.children if c.dep_ == "prep" and c.lower_ == "by" for gc in c.children
            if gc.dep_ == "pobj" and gc not in own]


def is_cited_source(noun: Token) -> bool:
    """'according to an investigation by El Faro': the noun is cited for what it says."""
    return (noun.dep_ == "pobj" and noun.head.lower_ == "to" and noun.head.head.lower_ == "according")


def participle_agents(verb: Token) -> list[Token]:
    """'the sanctions imposed by the EU', 'the travel bans announced by Canada': a participle that
    describes a noun has no subject; its "by" phrase names who did it."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN":
        return []
    return [gc for c in verb.children if c.dep_ == "agent" for gc in c.children if gc.dep_ == "pobj"]


def noun_authors_of_infinitive(verb: Token) -> list[Token]:
    """'the offer by Chile to host talks', 'Russia's threat to cut gas supplies': a to-infinitive that
    completes an event noun is done by the noun's author (its "by" phrase or possessor)."""
    noun = verb.head
    if verb.dep_ != "acl" or not is_to_infinitive(verb) or noun.pos_ != "NOUN":
        return []
    by_objects = [gc for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"
                  for gc in c.children if gc.dep_ == "pobj" and gc.ent_type_ not in NON_ACTOR_ENTITY_TYPES]
    return by_objects or [c for c in noun.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN")]


def shared_passive_subjects(verb: Token) -> list[Token]:
    """'X was tortured and killed': a participle conjoined with a passive verb, with no subject or object
    of its own, is said of the same passive subject. Not one with a recipient of its own ("X would be
    killed or handed over to the authorities": the authorities receive). A conjunct with its own passive
    auxiliary is passive whatever the first verb is: "the rebels attacked the town and were repelled by
    the army" (the rebels are repelled)."""
    if verb.dep_ != "conj" or verb.tag_ != "VBN" or verb.head.pos_ != "VERB" or any(
        c.dep_ in (*SUBJECT_DEPS, *PASSIVE_SUBJECT_DEPS, "dobj", "obj") or (c.dep_ == "prep" and c.lower_ == "to")
        for c in verb.children
    ):
        return []
    shared = [c for c in verb.head.children if c.dep_ in PASSIVE_SUBJECT_DEPS]
    if not shared and any(c.dep_ == "auxpass" for c in verb.children):
        shared = [c for c in verb.head.children if c.dep_ in SUBJECT_DEPS]
    return shared


def misattached_subjects(verb: Token) -> list[Token]:
    """The subject of a verb the parser hung elsewhere: on its auxiliary ("The UK and France however
    have opposed": "have" takes the subject), or a name before the verb read as its modifier ("USAID
    deployed teams", "USAID" as an adverb)."""
    on_aux = [gc for c in verb.children if c.dep_ in ("aux", "auxpass") for gc in c.children if gc.dep_ in SUBJECT_DEPS]
    if on_aux:
        return on_aux
    if verb.pos_ != "VERB" or any(c.dep_ in PASSIVE_SUBJECT_DEPS for c in verb.children):
        return []
    return [c for c in verb.children if c.dep_ in ("advmod", "npadvmod", "amod") and c.i < verb.i
            and c.ent_type_ in ("ORG", "GPE", "PERSON", "NORP") and c.pos_ in ("PROPN", "ADV", "ADJ", "NOUN")
            and c.i == c.left_edge.i and not any(t.dep_ in SUBJECT_DEPS for t in verb.children)][:1]


def clause_chain(predicate: Token) -> list[Token]:
    """The predicate and the words its clause hangs from up to the clause's own verb: "the EU must be
    ready to mediate" -> [mediate, ready, be]; "X will help Y to maintain" -> [maintain, help]."""
    chain = [predicate]
    token = predicate
    for _ in range(4):
        if token.dep_ not in ("xcomp", "acomp", "conj") or token.head == token:
            break
        token = token.head
        chain.append(token)
    return chain


def is_purpose_clause(verb: Token) -> bool:
    """'sent experts to Qatar to investigate', 'called Lavrov to discuss': an infinitive clause that
    says what the main act is for (not the content of a request: 'urged Iran to stop')."""
    if verb.tag_ != "VB" or verb.head.pos_ != "VERB" or not is_to_infinitive(verb):
        return False
    return verb.dep_ == "advcl" or (verb.dep_ == "xcomp" and not is_object_control(verb.head))


def subject_heads_here(clause: Token) -> list[Token]:
    """The clause's own subject, not one it inherits."""
    return [c for c in clause.children if c.dep_ in SUBJECT_DEPS]


def is_object_control(verb: Token) -> bool:
    """'urged Iran to stop', 'called on Russia to de-escalate': the object does what the infinitive says
    ('called Lavrov to discuss' is a telephone call: the caller discusses)."""
    lemma = verb.lemma_.lower()
    if lemma == "call":
        # "called on Russia": the particle follows the verb ("On Nov. 2, X called Lavrov" is a date)
        return any(c.lower_ in ("on", "upon") and c.i > verb.i for c in verb.children)
    return lemma in ("urge", "ask", "tell", "order", "force", "press", "invite")


def content_subjects(predicate: Token, extra: list[Token]) -> list[Token]:
    """The subject of the clause a statement is about: "said [it is skeptical] the program would ...",
    "expressed hopes the government will ...", "voiced hope that X will ..."."""
    frontier = [predicate, *extra]
    for _ in range(3):
        clauses = [c for t in frontier for c in t.children if c.dep_ in ("ccomp", "acl", "acomp", "pcomp", "prep")]
        for clause in clauses:
            subjects = [c for c in clause.children if c.dep_ in (*SUBJECT_DEPS, *PASSIVE_SUBJECT_DEPS)]
            # "said they hoped that Gambari would": the speaker's own hope; look further in
            if subjects and clause.dep_ != "prep" and all(s.pos_ != "PRON" for s in subjects):
                return subjects
        frontier = clauses
        if not frontier:
            break
    return []


def is_attitude_content(head: Token, predicate: Token, extra: Sequence[Token],
                        attitudes: Collection[str] = ()) -> bool:
    """Is the head the subject of the clause an attitude is about: the that-clause of an adjective
    ("skeptical the program would meet ...") or of an attitude noun ("optimism that the timeline could
    be accelerated", also when the parse hangs the clause on the verb the noun is the object of)? Not a
    bare report ("said the economy would grow"): what is reported is not what the speaker is about.
    ``attitudes``: adjectives only a person or body holds, so that "it" before them is the speaker
    ("said it is skeptical the program ...")."""
    clause = head.head
    if head.dep_ not in (*SUBJECT_DEPS, *PASSIVE_SUBJECT_DEPS) or clause.dep_ not in ("ccomp", "acl"):
        return False
    governor = clause.head
    if governor.pos_ in ("ADJ", "AUX"):
        # (the parse may hang the clause on the copula: "is skeptical [the program would ...]"); not an
        # impersonal "it is likely/possible that X ...", which says nothing of anyone's attitude
        copula = governor.head if governor.pos_ == "ADJ" else governor
        adjectives = [governor] if governor.pos_ == "ADJ" else [c for c in copula.children if c.dep_ == "acomp"]
        impersonal = not any(a.lemma_.lower() in attitudes for a in adjectives) and any(
            c.dep_ in SUBJECT_DEPS and c.lower_ in ("it", "this", "that") for c in copula.children)
        return any(a.dep_ == "acomp" and a.pos_ == "ADJ" for a in adjectives) and not impersonal
    return governor in extra and governor.pos_ == "NOUN" or governor == predicate and any(t.pos_ == "NOUN" for t in extra)


def clause_subjects(heads: Sequence[Token]) -> list[Token]:
    """Subjects of the that- or infinitive clause an act governs ("demanded that X ...", "its demand
    that X ..."); pronouns are left out (they mostly refer back to the source)."""
    for head in heads:
        for clause in head.children:
            if clause.dep_ not in ("ccomp", "acl") or clause.pos_ not in ("VERB", "AUX"):
                continue
            subjects = [c for c in clause.children if c.dep_ in (*SUBJECT_DEPS, *PASSIVE_SUBJECT_DEPS)]
            if subjects and all(s.pos_ in ("NOUN", "PROPN") for s in subjects):
                return subjects
    return []


def is_for_clause(clause: Token) -> bool:
    """'called for Britain to stay', 'appealed for the army to withdraw': a "for X to ..." clause."""
    return clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "for" for c in clause.children)


def for_clause_subjects(predicate: Token) -> list[Token]:
    """The named subject of a "for X to ..." clause on the predicate."""
    return [s for clause in predicate.children if is_for_clause(clause)
            for s in subject_heads_here(clause) if s.pos_ in ("NOUN", "PROPN")]


def statement_topics(predicate: Token, extra: list[Token]) -> list[Token]:
    """What a comment is about: "expressed pessimism over Alitalia's future", "optimism at a bipartisan
    deal", "said it is skeptical about the scheme"."""
    if topics := comment_in_topics(predicate, extra):
        return topics
    clauses = [c for t in (predicate, *extra) for c in t.children if c.dep_ in ("acomp", "ccomp")]
    # the comment noun or adjective carries the topic ("at the same time" on the verb is a circumstance)
    carriers = [*extra, *(c for c in clauses if c.pos_ == "ADJ")]
    carriers += [c for t in clauses for c in t.children if c.dep_ == "acomp"]
    for token in carriers:
        prepositions = ATTITUDE_TOPIC_PREPOSITIONS if token.pos_ == "ADJ" else COMMENT_TOPIC_PREPOSITIONS
        topics = [gc for c in token.children if c.dep_ == "prep" and c.lower_ in prepositions
                  for gc in c.children if gc.dep_ == "pobj" and gc.pos_ in ("NOUN", "PROPN")]
        gerunds = [gc for c in token.children if c.dep_ == "prep" and c.lower_ in prepositions
                   for gc in c.children if gc.dep_ == "pcomp" and gc.tag_ == "VBG"]
        # "skeptical about the government being able to ...": whom the gerund's own subject names;
        # "pessimism about bringing the standoff to an end": what the gerund acts on
        topics = topics or [s for gerund in gerunds for s in gerund.children
                            if s.dep_ in ("nsubj", "nsubjpass") and s.pos_ in ("NOUN", "PROPN")]
        topics = topics or [obj for gerund in gerunds
                            if (obj := direct_object(gerund)) is not None and obj.pos_ in ("NOUN", "PROPN")]
        if topics:
            return topics
    return []


def comment_in_topics(predicate: Token, extra: Sequence[Token]) -> list[Token]:
    """'expressed pessimism in the future of X', 'voiced confidence in the government': what a comment
    noun is "in", when the parse hangs the phrase on the verb right after the noun. Not the form or
    occasion of the statement ("in a statement", "in an interview"), nor a place or time ("in Geneva")."""
    comments = [t for t in extra if t.pos_ == "NOUN" and t.head == predicate and t.dep_ in ("dobj", "obj")]
    return [gc for noun in comments for c in (*noun.children, *predicate.children)
            if c.dep_ == "prep" and c.lower_ == "in" and (c.head == noun or c.i == noun.right_edge.i + 1)
            for gc in c.children if gc.dep_ == "pobj" and gc.pos_ in ("NOUN", "PROPN")
            and gc.lemma_.lower() not in UTTERANCE_NOUNS
            and gc.ent_type_ not in ("GPE", "LOC", "FAC", *NON_ACTOR_ENTITY_TYPES)]


def is_topic(head: Token) -> bool:
    preposition = head.head
    if head.dep_ == "pobj" and preposition.lower_ == "in":
        verb = preposition.head.head if preposition.head.pos_ == "NOUN" else preposition.head
        return head in comment_in_topics(verb, [c for c in verb.children if c.dep_ in ("dobj", "obj")])
    return head.dep_ == "pobj" and (preposition.lower_ in COMMENT_TOPIC_PREPOSITIONS or (
        preposition.lower_ in ATTITUDE_TOPIC_PREPOSITIONS and preposition.head.pos_ == "ADJ"))


def message_addressees(predicate: Token) -> list[Token]:
    """Whom a message carrying the act is sent or written to: "sent a letter to the head of X threatening
    to cut funding over Y", "wrote to X demanding ..." (a participle of the sending verb or of the message
    itself). What the act is about ("over Y") is not whom it is addressed to."""
    if predicate.dep_ not in ("advcl", "acl", "xcomp") or predicate.tag_ != "VBG":
        return []
    holder = predicate.head
    message = holder if holder.pos_ == "NOUN" else direct_object(holder)
    sender = holder.head if holder.pos_ == "NOUN" and holder.dep_ in ("dobj", "obj") else holder
    if sender.pos_ != "VERB" or (message is not None and message.lemma_.lower() not in MESSAGE_NOUNS) or (
        message is None and sender.lemma_.lower() not in WRITING_VERBS
    ):
        return []
    return [gc for word in (sender, *([message] if message is not None else [])) for c in word.children
            if c.dep_ == "dative" or (c.dep_ == "prep" and c.lower_ == "to")
            for gc in c.children if gc.dep_ == "pobj" and gc.pos_ in ("NOUN", "PROPN")]


def refused_act_authors(predicate: Token) -> list[Token]:
    """'warned that police will no longer tolerate rallies by the X group': a warning that an act
    will not be tolerated is aimed at whoever performs it."""
    for clause in (c for c in predicate.children if c.dep_ == "ccomp" and c.pos_ == "VERB"):
        negated = any(c.dep_ == "neg" or c.dep_ == "advmod" and any(g.dep_ == "neg" for g in c.children)
                      for c in clause.children)
        obj = direct_object(clause)
        if negated and obj is not None and (authors := noun_authors(obj, possessors=False)):
            return authors
    return []


def clause_objects(predicate: Token, excluded: Sequence[Token]) -> list[Token]:
    """Objects inside a clause that hangs below the predicate (a relative, purpose or participial
    clause on it or on its object), in sentence order; never inside the excluded (source) phrases."""
    skip = {t.i for head in excluded for t in head.subtree}
    found: list[Token] = []
    for token in predicate.subtree:
        if token.i in skip or token.dep_ not in ("dobj", "pobj"):
            continue
        ancestor, in_clause = token.head, False
        while ancestor != predicate:
            in_clause = in_clause or (ancestor.dep_ in SUBORDINATE_CLAUSE_DEPS and ancestor.pos_ in ("VERB", "AUX"))
            ancestor = ancestor.head
            if ancestor == ancestor.head:
                break
        if in_clause and ancestor == predicate:
            found.append(token)
    # "demands for higher prices from the government": the innermost object, not the phrase around it
    return [t for t in found if not any(other != t and other in t.subtree for other in found)]


def recipient_heads(predicate: Token, extra: Sequence[Token]) -> list[Token]:
    """Whom the predicate is done to or given to: its dative, or the object of a recipient preposition
    on it. ``extra`` are the other tokens of the predicate phrase (its particle, light-verb object)."""
    for child in predicate.children:
        if child.dep_ == "dative" and child.pos_ in ("NOUN", "PROPN", "PRON"):
            return [child]
        if child.dep_ == "dative" and child.pos_ == "ADP":  # "gave medical equipment to Nicaragua"
            objects = [gc for gc in child.children if gc.dep_ == "pobj"]
            if objects:
                return objects
    for child in predicate.children:
        if child.dep_ == "prep" and child.lower_ in TARGET_PREPOSITIONS:
            # never a time or an idiom ("conceded at last to demands"), but "dozens of students" counts people
            objects = [gc for gc in child.children if gc.dep_ == "pobj" and gc.pos_ in ("NOUN", "PROPN", "PRON")
                       and (gc.ent_type_ not in NON_ACTOR_ENTITY_TYPES or counts_members(gc))]
            objects = (objects or names_after_participle(child) or gerund_parties(child) or measured_things(child)
                       or conjoined_preposition_objects(child))
            if objects and child in extra:
                # the particle of "called for sanctions against China": its object is the event noun,
                # whose own complement names the recipient
                objects = [t for obj in objects for t in noun_participants(obj)[1]] or objects
            if objects:
                return objects
    # "imposed by the EU on Russian banks": the parse may hang the verb's "on" phrase on its agent
    return [gc for agent in predicate.children if agent.dep_ == "agent" for doer in agent.children
            for c in doer.children if c.dep_ == "prep" and c.lower_ in AGENT_MISATTACHED_PREPOSITIONS
            for gc in c.children if gc.dep_ == "pobj" and gc.ent_type_ not in NON_ACTOR_ENTITY_TYPES]


def ultimatum_deadline(verb: Token) -> Token | None:
    """'gave the ambassador 72 hours to leave', 'gave the rebels until Friday to withdraw or face
    action': the time a verb of giving grants for a demanded act (an ultimatum), or None. The act must
    be one that is demanded (leave, surrender ...) or carry its threatened alternative ("or face ...");
    "gave residents two weeks to comment" is no ultimatum."""
    if verb.lemma_.lower() not in TIME_GIVING_VERBS:
        return None
    deadlines = [c for c in verb.children if c.dep_ in ("dobj", "npadvmod", "obj") and c.lemma_.lower() in TIME_LIMIT_NOUNS
                 and any(n.dep_ == "nummod" or n.lower_ in ("a", "an") for n in c.children)]
    deadlines += [gc for c in verb.children if c.dep_ == "prep" and c.lower_ == "until" for gc in c.children if gc.dep_ == "pobj"]
    if not deadlines:
        return None
    acts = [c for c in verb.children if c.dep_ in ("advcl", "xcomp") and is_to_infinitive(c)]
    acts += [c for deadline in deadlines for c in deadline.children if c.dep_ in ("relcl", "acl") and is_to_infinitive(c)]
    for act in acts:
        alternative = any(c.dep_ == "conj" and c.lemma_.lower() == "face" for c in act.children)
        if alternative or act.lemma_.lower() in ULTIMATUM_DEMANDS:
            return deadlines[0]
    return None


def declared_persons(persona: Token) -> list[Token]:
    """'declared a Ukrainian diplomat persona non grata': the person the parse reads as a modifier of
    "persona" (or as the subject of a clause "persona" heads)."""
    if persona.lemma_.lower() != "persona":
        return []
    return [c for c in persona.children if c.i < persona.i and (
        c.dep_ in (*SUBJECT_DEPS, "nsubjpass") or c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN"))][-1:]


def conjoined_preposition_objects(preposition: Token) -> list[Token]:
    """'travel curbs to and from X': a preposition without an object of its own shares the object of the
    preposition conjoined to it."""
    if any(c.dep_ == "pobj" for c in preposition.children):
        return []
    return [gc for conj in preposition.children if conj.dep_ == "conj" and conj.pos_ == "ADP"
            for gc in conj.children if gc.dep_ == "pobj" and gc.pos_ in ("NOUN", "PROPN")]


def names_after_participle(preposition: Token) -> list[Token]:
    """'a lawsuit against visiting Crown Prince X': the parse may read a participle before a name as a
    gerund that the preposition governs; the name it acts on is whom the act is against."""
    if preposition.lower_ != "against" or any(c.dep_ == "pobj" for c in preposition.children):
        return []
    return [obj for gc in preposition.children if gc.dep_ == "pcomp" and gc.tag_ == "VBG"
            and (obj := direct_object(gc)) is not None and obj.pos_ == "PROPN"]


def gerund_parties(preposition: Token) -> list[Token]:
    """'lift the ban on doing business with X', 'sanctions against trading with X': a preposition that
    governs a gerund instead of a noun is aimed at the named party the gerund's clause deals with."""
    # (the parse reads the gerund as the preposition's clause or as its object)
    if any(c.dep_ == "pobj" and c.pos_ != "VERB" for c in preposition.children) or not any(
        c.dep_ in ("pcomp", "pobj") and c.tag_ == "VBG" for c in preposition.children
    ):
        return []
    return clause_parties(preposition)


def measured_things(preposition: Token) -> list[Token]:
    """'cut tariffs on $120 billion of Chinese goods', 'a levy on 2 million tonnes of X's wheat': an amount
    of money or a quantity stands for what it measures, its "of" complement."""
    return [measured for gc in preposition.children if gc.dep_ == "pobj" and gc.ent_type_ in ("MONEY", "QUANTITY")
            for measured in of_complements(gc) if measured.pos_ in ("NOUN", "PROPN")]


def thing_recipients(thing: Token) -> list[Token]:
    """Whom or where a measure applies: "sanctions imposed on China", "restrictions between it and
    Israel", "its blockade of Yemen", "the curfew in Jamaica"."""
    if imposed := imposed_on(thing):
        return imposed
    for child in thing.children:
        if child.dep_ != "prep" or child.lower_ not in ("between", "among", "of", "in", "on"):
            continue
        # ("restrictions between it and Israel": the pronoun is the source's side, its conjunct the other)
        objects = [o for gc in child.children if gc.dep_ == "pobj" for o in (gc, *gc.conjuncts)
                   if o.pos_ != "PRON" and o.ent_type_ not in NON_ACTOR_ENTITY_TYPES]
        if child.lower_ in ("of", "in"):
            objects = [o for o in objects if o.ent_type_ in ("GPE", "LOC", "NORP", "ORG") or o.pos_ == "PROPN"]
        if objects:
            return objects
    return clause_parties(thing)


def imposed_on(thing: Token) -> list[Token]:
    """'sanctions imposed on China', 'the ban slapped on the group': whom a participle clause on a measure
    says it applies to."""
    for clause in (c for c in thing.children if c.dep_ == "acl"):
        for child in clause.children:
            if child.dep_ == "prep" and child.lower_ in ("on", "against", "to", "upon"):
                objects = [gc for gc in child.children if gc.dep_ == "pobj" and gc.ent_type_ not in NON_ACTOR_ENTITY_TYPES]
                if objects:
                    return objects
    return []


def clause_parties(thing: Token, depth: int = 6) -> list[Token]:
    """'an invitation to meet with Kim', 'a formula for settling a dispute with the company', 'an effort
    to resolve the rift between Qatar and the Gulf states': whom a clause that completes the thing deals
    with (named, and below a verb of that clause: "talks with X" is the noun's own complement)."""
    # (a relative clause describes the thing rather than completing it)
    frontier = [(child, False) for child in thing.children if child.dep_ not in OTHER_CLAUSE_DEPS and child.dep_ != "relcl"]
    for _ in range(depth):
        following: list[tuple[Token, bool]] = []
        found: list[Token] = []
        for token, in_clause in frontier:
            in_clause = in_clause or token.pos_ == "VERB"
            if in_clause and token.dep_ == "prep" and token.lower_ in PARTY_PREPOSITIONS:
                found += [gc for gc in token.children if gc.dep_ == "pobj" and (is_named(gc) or any(
                    c.dep_ == "compound" and c.pos_ == "PROPN" for c in gc.children))]
            following += [(child, in_clause) for child in token.children
                          if child.dep_ not in OTHER_CLAUSE_DEPS and child.dep_ not in ("conj", "cc")]
        if found:
            return found
        frontier = following
    return []


def named_beside(head: Token) -> list[Token]:
    """Names that stand beside a head naming nobody: its apposition ("regional rival Japan's Prime
    Minister X"), its examples ("valued partners like Saudi Arabia", "donors such as Norway"), a second
    object the parse split off a mistagged one ("meet his counterpart Italian President X"), or the name
    compounded on an addressee the parse merged with what follows ("an ultimatum to Damascus warning
    of ...")."""
    found = [c for c in head.children if c.dep_ == "appos" and c.pos_ in ("NOUN", "PROPN")]
    found += [gc for c in head.children if c.dep_ == "prep" and c.lower_ in ("like", "such")
              for gc in (*c.children, *(g for a in c.children if a.dep_ == "prep" for g in a.children))
              if gc.dep_ == "pobj"]
    if head.dep_ == "dobj" and head.pos_ not in ("NOUN", "PROPN"):
        found += [c for c in head.head.children if c.dep_ == "dobj" and c != head and c.pos_ in ("NOUN", "PROPN")]
    if head.dep_ == "pobj" and head.head.lower_ == "to" and head.pos_ == "NOUN":
        found += [c for c in head.children if c.dep_ == "compound" and c.ent_type_ in ("GPE", "ORG", "PERSON", "NORP")]
    return found


def is_mediated_conflict(head: Token) -> bool:
    """'ended mediation efforts in the Arab-Israeli dispute', 'a solution to the border conflict': a
    conflict an act is about stands for its parties (class `conflict` in data/object_classes.yaml; not
    "declined to comment on the dispute": a comment's topic is no party)."""
    return (head.pos_ == "NOUN" and head.lemma_.lower() in object_classes()["conflict"]
            and head.dep_ == "pobj" and head.head.lower_ in ("in", "over", "to"))


def carrier_targets(obj: Token, extra: Sequence[Token]) -> list[Token]:
    """'launched a mediation effort between the Emirates and Saudi Arabia': when the event noun only
    modifies the object, the object's complements name whom the event is directed at."""
    if not any(t.head == obj and t.dep_ in ("compound", "amod") for t in extra):
        return []
    sources, targets = noun_participants(obj)
    return targets or [t for t in sources if t.head.lower_ in ("between", "among")]


def aimed_at(thing: Token) -> list[Token]:
    """'launched artillery, mortar and rocket fire against guerrilla camps': what a weapon or a
    barrage (or one of a list of them) is aimed at."""
    return first_prepositional_objects((thing, *thing.conjuncts), VICTIM_PREPOSITIONS)


def first_prepositional_objects(words: Iterable[Token], prepositions: Collection[str]) -> list[Token]:
    """The nouns that the first of ``prepositions`` found under ``words`` (in order) governs, leaving out
    dates, numbers and amounts: "fire against guerrilla camps", "near an army base"."""
    for word in words:
        for child in word.children:
            if child.dep_ == "prep" and child.lower_ in prepositions:
                objects = [gc for gc in child.children if gc.dep_ == "pobj" and gc.pos_ in ("NOUN", "PROPN")
                           and gc.ent_type_ not in NON_ACTOR_ENTITY_TYPES]
                if objects:
                    return objects
    return []


def opposed_things(words: Iterable[Token]) -> list[Token]:
    """What "against" under any of ``words`` names: "a demonstration against the siege", "to join a
    rally against the reform"."""
    return [gc for word in words for c in word.children if c.dep_ == "prep" and c.lower_ == "against"
            for gc in c.children if gc.dep_ == "pobj" and gc.pos_ in ("NOUN", "PROPN")]


def of_complements(noun: Token) -> list[Token]:
    return [gc for child in noun.children if child.dep_ == "prep" and child.lower_ == "of"
            for gc in child.children if gc.dep_ == "pobj"]


def noun_authors(noun: Token, *, possessors: bool = True) -> list[Token]:
    """Who made the proposal, demand or accusation a predicate responds to: "accusations by the US",
    "an offer from the Afghan government", "the protest staged by students", "Netanyahu's suggestion",
    "U.S. calls"."""
    authors = [gc for child in noun.children if child.dep_ in ("prep", "agent") and child.lower_ in ("by", "from")
               for gc in child.children if gc.dep_ == "pobj"]
    # "the demonstration staged by students", "the attack carried out by X"
    authors += [gc for clause in noun.children if clause.dep_ == "acl" and clause.tag_ == "VBN"
                for child in clause.children if child.dep_ == "agent" for gc in child.children if gc.dep_ == "pobj"]
    if authors or not possessors:
        return authors
    return [child for child in noun.children
            if child.dep_ == "poss" and child.pos_ in ("PROPN", "NOUN")
            or child.dep_ in ("compound", "amod", "nmod") and child.ent_type_ in ("GPE", "NORP", "ORG", "PERSON")]


def complement_recipients(predicate: Token, obj: Token | None) -> list[Token]:
    """Recipients named inside the predicate's complements: "demanded the removal of President X",
    "agreed to provide aid for Romania and Poland"."""
    if obj is not None:
        found: list[list[Token]] = []
        for child in obj.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "for", "to", "against", "on", "from"):
                objects = [gc for gc in child.children if gc.dep_ == "pobj" and gc.pos_ in ("PROPN", "NOUN")]
                # (not "$1 billion for humanitarian aid": the kind of aid money is for names nobody)
                if child.lower_ == "for":
                    objects = [o for o in objects if o.lemma_.lower() not in RELIEF_OBJECTS]
                if objects:
                    found.append(objects)
        # "70 million dollars of aid for Romania": a named recipient beats the thing given
        named = [objects for objects in found if any(o.pos_ == "PROPN" or o.ent_type_ in ENTITY_TYPES for o in objects)]
        if named or found:
            return (named or found)[0]
        if imposed := imposed_on(obj):  # "refused to lift the ban imposed on X"
            return imposed
    for child in predicate.children:
        if child.dep_ == "xcomp":
            inner = direct_object(child)
            if inner is not None and (inner.pos_ == "PROPN" or inner.ent_type_ in ENTITY_TYPES):
                return [inner]
            for grandchild in child.children:
                if grandchild.lower_ in LOOSE_PREPOSITIONS and inner is not None and (
                    through := complement_recipients(child, inner)
                ):
                    # "agreed to lift its ban on X over the use of chlorine": the object's own recipient
                    # beats a circumstance of the clause
                    return through
                if grandchild.dep_ == "dative" or (grandchild.dep_ == "prep" and grandchild.lower_ in TARGET_PREPOSITIONS):
                    objects = [t for t in grandchild.children if t.dep_ == "pobj"] or [grandchild]
                    if objects[0].pos_ in ("PROPN", "NOUN") and objects[0].dep_ != "prep":
                        return objects
            if inner is not None:
                return complement_recipients(child, inner)
    return []


def place_recipients(predicate: Token) -> list[Token]:
    for child in predicate.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "from", "into", "inside", "across", "to"):
            places = [gc for gc in child.children if gc.dep_ == "pobj" and (gc.ent_type_ in ("GPE", "LOC") or counts_places(gc))]
            if places:
                return places
    return []


def places_in_scope(
    predicate: Token, things: list[Token], *, opponents: bool = False, recipients: bool = False,
    victims: bool = False,
) -> list[Token]:
    """The nearest place an act or the things it moves are put in: "provided aid to 1.5 million
    people in the five months after the earthquake in Haiti" -> Haiti. Searched breadth-first from
    the predicate and the things, within the predicate's own clause; "parts of X" counts as a place.
    With ``opponents``, a named opponent counts too ("mobilized troops for the war against Iraq"); with
    ``recipients``, a named recipient ("aid to the Palestinian people"); with ``victims``, what an attack
    is said to hit ("an attack that included 500 troops on the headquarters in X province": the site,
    found before the place that locates it)."""
    frontier = [predicate, *things]
    seen = {token.i for token in frontier}
    for _ in range(8):
        found: list[Token] = []
        following: list[Token] = []
        for token in frontier:
            for child in token.children:
                if child.i in seen or child.dep_ in OTHER_CLAUSE_DEPS or (child.dep_ == "conj" and child.pos_ == "VERB"):
                    continue
                if child.dep_ == "advcl" and has_own_subject(child) and any(c.dep_ == "mark" for c in child.children):
                    continue  # "after a group took over a base in the area": another act, elsewhere
                seen.add(child.i)
                following.append(child)
                if child.dep_ != "pobj":
                    continue
                marker = child.head.lower_
                if (marker in PLACE_PREPOSITIONS and (is_place(child) or counts_places(child))) or (
                    opponents and marker == "against" and names_opponent(child)
                ) or (recipients and marker == "to" and is_named(child)) or (
                    # (not what another act in scope is done to: "to retaliate for X vetoing Y on Z"; a
                    # relative clause describes the attack itself)
                    # (nor a place "on the border", nor where a verb's act happened, "killed at a party",
                    # nor what a circumstance names, "during years of policies against X")
                    victims and marker in VICTIM_PREPOSITIONS and child.pos_ in ("NOUN", "PROPN")
                    and child.ent_type_ not in NON_ACTOR_ENTITY_TYPES and not is_place(child)
                    and (marker != "at" if child.head.head == predicate else (
                        child.head.head.pos_ in ("NOUN", "PROPN") and child.head.head.dep_ != "pobj"
                        or child.head.head.dep_ == "relcl"))
                ):
                    found.append(child)
        if found:
            return found
        frontier = following
    return []


def site_of_act(predicate: Token) -> list[Token]:
    """The place an act happened, from "in/at" on the verb or on a participle that shares its passive
    subject ("was tortured and killed in X"): a place name, or the named place of a site ("in a
    detention centre in X")."""
    verbs = [predicate, *(c for c in predicate.children if c.dep_ == "conj" and c.tag_ == "VBN"
                          and not any(gc.dep_ in (*SUBJECT_DEPS, *PASSIVE_SUBJECT_DEPS) for gc in c.children))]
    for verb in verbs:
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "at", "inside"):
                continue
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                if is_place(pobj) or (pobj.pos_ == "PROPN" and pobj.ent_type_ not in NON_ACTOR_ENTITY_TYPES):
                    return [pobj]
                sites = [gc for c in pobj.children if c.dep_ == "prep" and c.lower_ in ("in", "at")
                         for gc in c.children if gc.dep_ == "pobj" and gc.ent_type_ in ("GPE", "LOC")]
                if sites:
                    return sites[:1]
    return []


# A death said to come from an act: "died after torture", "died as a result of the torture", "died due
# to continued torture", "died from torture" (the prepositions that give a cause, with the nouns
# they pass through on the way to it: "as a result of").
DEATH_VERBS = frozenset({"die", "succumb"})
CAUSE_PREPOSITIONS = frozenset({"after", "from", "of", "due", "under", "following", "because", "as", "to"})
CAUSE_LINK_NOUNS = frozenset({"result", "consequence", "effect"})


def death_causes(verb: Token) -> list[Token]:
    """The nouns a death verb gives as its cause ("dies in prison after torture": [torture]), nearest first."""
    if verb.lemma_.lower() not in DEATH_VERBS:
        return []
    found: list[Token] = []
    frontier = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in CAUSE_PREPOSITIONS]
    for _ in range(3):
        following: list[Token] = []
        for prep in frontier:
            for child in prep.children:
                if child.dep_ == "pcomp" and child.lower_ in CAUSE_PREPOSITIONS:  # "due to"
                    following.append(child)
                elif child.dep_ == "pobj" and child.pos_ == "NOUN":
                    if child.lemma_.lower() in CAUSE_LINK_NOUNS:  # "as a result of"
                        following += [gc for gc in child.children if gc.dep_ == "prep" and gc.lower_ == "of"]
                    else:
                        found += [child, *child.conjuncts]
        frontier = following
    return found


def relative_clause_site(noun: Token) -> list[Token]:
    """'the torture to which he was subjected in a detention centre in X': where a relative clause on
    the act noun says it happened."""
    for clause in noun.children:
        if clause.dep_ == "relcl" and (sites := site_of_act(clause)):
            return sites
    return []


def is_generic(token: Token) -> bool:
    """'struck a target in X', 'banned assembly of five persons': a bare thing that names nobody
    ("Hamas targets", "military targets" are said of whom they belong to)."""
    return token.lemma_.lower() in GENERIC_OBJECTS and all(c.dep_ in ("det", "prep", "punct") for c in token.children)


def located_targets(predicate: Token) -> list[Token]:
    """'near an Afghan army base', 'at the checkpoint': where an act is aimed, when what it is done
    with is the source's own."""
    return first_prepositional_objects([predicate], LOCATED_TARGET_PREPOSITIONS)


def aimed_by_participle(verb: Token) -> list[Token]:
    """'carried out a raid, targeting militant commanders in X': whom a participle clause of the act says
    it was aimed at (its object, before any place that locates them)."""
    for clause in verb.children:
        if clause.dep_ == "advcl" and clause.tag_ == "VBG" and clause.lemma_.lower() in AIMING_VERBS:
            obj = direct_object(clause)
            if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
                return [obj]
    return []


def purpose_beneficiaries(verb: Token) -> list[Token]:
    """'deployed to the school to train 200 Nigerian soldiers', 'donated ventilators to assist Ethiopia':
    whom the act's purpose clause says it helps."""
    for clause in verb.children:
        if clause.dep_ in ("advcl", "xcomp") and clause.lemma_.lower() in ASSISTANCE_VERBS and is_to_infinitive(clause):
            obj = direct_object(clause)
            if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
                return [obj]
    return []


def is_beneficiary(token: Token) -> bool:
    """'victims', 'people in need', 'families': people named by their plight (class `beneficiary`)."""
    return token.pos_ == "NOUN" and token.lemma_.lower() in BENEFICIARIES


def helped_people(clause: Token) -> list[Token]:
    """'to help victims of the earthquake', 'to provide immediate help for people affected by the flood':
    the people a purpose clause helps, named by their plight rather than by who they are."""
    obj = direct_object(clause)
    if clause.lemma_.lower() in ASSISTANCE_VERBS and obj is not None and is_beneficiary(obj):
        return [obj]
    relief = obj is not None and obj.lemma_.lower() in RELIEF_OBJECTS | ASSISTANCE_VERBS
    if clause.lemma_.lower() not in ASSISTANCE_VERBS and not relief:
        return []
    return [gc for word in (clause, *([obj] if obj is not None else [])) for c in word.children
            if c.dep_ == "prep" and c.lower_ in ("for", "to") for gc in c.children
            if gc.dep_ == "pobj" and is_beneficiary(gc)][:1]


def conjoined_act_places(predicate: Token) -> list[Token]:
    """'declared a state of siege in Pando and dispatched the army': where the act the predicate is
    conjoined with applies."""
    if predicate.dep_ != "conj" or predicate.head.pos_ != "VERB":
        return []
    head = predicate.head
    obj = direct_object(head)
    return places_in_scope(head, [obj] if obj is not None else [])


def names_opponent(token: Token) -> bool:
    """'a battle against the remnants of the Brotherhood', 'a move against Syria's chemical weapons': a
    named opponent, or a thing that belongs to one."""
    return is_named(token) or any(
        child.dep_ == "poss" and is_named(child) for child in token.children
    ) or any(is_named(member) for member in of_complements(token))


def has_own_subject(clause: Token) -> bool:
    return any(c.dep_ in (*SUBJECT_DEPS, *PASSIVE_SUBJECT_DEPS) for c in clause.children)


def is_named(token: Token) -> bool:
    """A name, or a people or country word modifying the noun ("the Palestinian people")."""
    return token.pos_ == "PROPN" or token.ent_type_ in ENTITY_TYPES or any(
        child.dep_ in ("amod", "compound") and child.ent_type_ in ("NORP", "GPE") for child in token.children
    )


def is_place(token: Token) -> bool:
    """A named place, or a place noun ("northern parts of South Sudan", "the Deraa countryside",
    "the north region"; the class `place` in data/object_classes.yaml)."""
    return token.ent_type_ in ("GPE", "LOC") or (token.pos_ == "NOUN" and token.lemma_.lower() in PLACE_NOUN_LEMMAS)


def counts_places(token: Token) -> bool:
    """'four of the country's states', 'dozens of villages': a number that stands for the places it
    counts."""
    return counts_members(token) and any(
        is_place(member) or member.lemma_.lower() in COUNTRY_NOUNS for member in counted_members(token))


def noun_participants(noun: Token) -> tuple[list[Token], list[Token]]:
    """Participants of an event noun: possessor/modifier as source, 'on/against/with X' as target."""
    sources: list[Token] = []
    targets: list[Token] = []
    for child in noun.children:
        if child.dep_ == "poss" and child.pos_ in ("PROPN", "NOUN") or child.dep_ in ("compound", "amod") and child.ent_type_ in ("GPE", "NORP", "ORG"):
            sources.append(child)
        elif child.dep_ == "prep":
            # never a time ("the withdrawal ... on Monday")
            objects = [gc for gc in child.children if gc.dep_ == "pobj" and gc.ent_type_ not in NON_ACTOR_ENTITY_TYPES]
            objects = objects or names_after_participle(child) or conjoined_preposition_objects(child)
            if not objects:
                continue
            if child.lower_ in ("between", "among", "by"):
                sources.extend(objects)
            elif child.lower_ in ("on", "against", "with", "to", "toward", "towards", "into"):
                targets.extend(objects)
                if child.lower_ == "on" and not any(c.dep_ == "prep" and c.lower_ == "between" for c in noun.children):
                    # "talks on a peace treaty between X and Y": the parse may hang the noun's "between"
                    # phrase on its topic; the parties are the talks'
                    parties = [gc for obj in objects for c in obj.children if c.dep_ == "prep" and c.lower_ == "between"
                               for gc in c.children if gc.dep_ == "pobj"]
                    if parties:
                        sources.extend(parties)
                        targets[-len(objects):] = []
    return sources, targets


# Roles in which a person named earlier can be what a later "him"/"her" refers to.
ANTECEDENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "oprd", "attr", "appos", "conj"})


def pronoun_antecedent(pronoun: Token, sources: Sequence[Token]) -> Token | None:
    """'called President X on Wednesday and urged him to', 'Y was released after Z pardoned him': a
    person's object pronoun stands for the nearest person named before it in the same sentence, other
    than the source; a name in apposition ("his counterpart, X") stands for the phrase it describes."""
    if pronoun.lower_ not in PERSON_OBJECT_PRONOUNS:
        return None
    # who reports the pronoun's clause is not whom it is about ("X told Y they would kill him")
    speakers = {subject for ancestor in pronoun.ancestors if any(c.dep_ == "ccomp" and pronoun in c.subtree
                                                                 for c in ancestor.children)
                for subject in ancestor.children if subject.dep_ in SUBJECT_DEPS}
    for token in reversed(pronoun.doc[pronoun.sent.start : pronoun.i]):
        # the last word of a name (its compounds are parts of it), never the source's
        if token.ent_type_ != "PERSON" or token.dep_ in ("compound", "flat") or token in sources:
            continue
        # a party to a clause (subject, object, apposition), not a name inside a modifier ("a Barrio 18
        # member") or an agent phrase ("indicted by a court under President X")
        if token.dep_ not in ANTECEDENT_DEPS or token in speakers or (token.dep_ == "appos" and token.head in speakers):
            continue
        if token.dep_ == "appos" and token.head.pos_ == "NOUN" and token.head not in sources:
            return token.head
        return token
    return None


# Object pronouns of things and groups, and the number of the noun they can stand for.
THING_OBJECT_PRONOUNS = {"them": ("NNS", "NNPS"), "it": ("NN", "NNP")}


def conjoined_object_antecedent(pronoun: Token) -> Token | None:
    """'hit military positions in X and destroyed them', 'seized the town and burned it': the object
    pronoun of a verb conjoined to an earlier one stands for that verb's object when their number agrees."""
    tags = THING_OBJECT_PRONOUNS.get(pronoun.lower_)
    verb = pronoun.head
    if tags is None or pronoun.dep_ not in ("dobj", "obj") or verb.dep_ != "conj" or verb.head.pos_ != "VERB":
        return None
    earlier = direct_object(verb.head)
    return earlier if earlier is not None and earlier.tag_ in tags and earlier.i < pronoun.i else None


def counted_members(head: Token) -> list[Token]:
    """'thousands of refugees' -> [refugees]: a number or quantity word heading an "of" phrase."""
    if head.ent_type_ not in ("CARDINAL", "QUANTITY") and head.lemma_.lower() not in QUANTITY_NOUNS and not (
        head.pos_ in ("PRON", "DET", "NUM") and head.lower_ in QUANTIFIER_PRONOUNS
    ):
        return []
    if head.lower_ in QUANTIFIER_PRONOUNS and head.pos_ != "NOUN":
        # "withdrew some of its troops": part of the speaker's own people, not someone acted on
        return [gc for child in head.children if child.dep_ == "prep" and child.lower_ == "of"
                for gc in child.children if gc.dep_ == "pobj" and gc.pos_ in ("NOUN", "PROPN")
                and not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in gc.children)]
    return [gc for child in head.children if child.dep_ == "prep" and child.lower_ == "of"
            for gc in child.children if gc.dep_ == "pobj" and gc.pos_ in ("NOUN", "PROPN")]


def collective_members(head: Token) -> list[Token]:
    """'aides to the presidents of Russia and the United States' → [Russia, United States, ...]."""
    token = head
    for _ in range(3):
        if token.tag_ not in ("NNS", "NNPS") or token.lemma_.lower() not in COLLECTIVE_NOUNS:
            return [head]
        objects = [gc for c in token.children if c.dep_ == "prep" and c.lower_ in ("of", "to", "from")
                   for gc in c.children if gc.dep_ == "pobj"]
        if not objects:
            return [head]
        if objects[0].conjuncts:
            return [objects[0]]
        token = objects[0]
    return [head]


def expand_conjuncts(heads: list[Token]) -> list[Token]:
    expanded: list[Token] = []
    for head in heads:
        for token in (whole_split_word(head), *head.conjuncts):
            if token not in expanded:
                expanded.append(token)
    return expanded


def is_recipient(head: Token) -> bool:
    """'giving money to local communities', 'sent aid to its neighbour': whoever something is given
    or sent to takes part, even when the dictionaries do not know them."""
    marker = head.head if head.dep_ in ("pobj", "conj") else None
    while marker is not None and marker.dep_ == "conj" and marker.head != marker:
        marker = marker.head.head if marker.head.dep_ == "pobj" else marker.head
    # something is moved: the verb has an object ("sending aid to", not "agreed to a deal")
    return marker is not None and marker.lower_ == "to" and (
        marker.dep_ == "dative" or marker.head.pos_ == "VERB" and direct_object(marker.head) is not None
    )


def is_addressed_group(head: Token) -> bool:
    """'issued an ultimatum to her colleagues', 'ended mediation efforts with the truckers': a group of
    people an act's object is addressed to takes part, even when the dictionaries do not know them."""
    marker = head.head
    # (not a place: "allowed access to rebel-held areas")
    return (head.dep_ == "pobj" and head.pos_ == "NOUN" and head.tag_ == "NNS" and marker.lower_ in ("to", "with")
            and not is_place(head)
            and marker.head.pos_ == "NOUN" and marker.head.dep_ in ("dobj", "obj") and marker.head.head.pos_ == "VERB")


def counts_members(head: Token) -> bool:
    """'dozens of demonstrators', 'hundreds of banks': a number noun that stands for what it counts."""
    if head.pos_ in ("PRON", "DET", "NUM"):  # "each of the providers", "four of the corporations"
        return (head.lower_ in QUANTIFIER_PRONOUNS or head.ent_type_ == "CARDINAL") and bool(counted_members(head))
    return head.pos_ == "NOUN" and head.ent_type_ == "CARDINAL" and bool(counted_members(head))


def reporting_verb(predicate: Token) -> Token | None:
    """The speech verb that reports this clause, if any ("X said that Y will ..."). Not the verb of an
    indirect question ("police are investigating who was behind the murder", "asked whether X would
    ..."): that clause is not what the verb's subject says."""
    token = predicate
    for _ in range(4):
        if token.dep_ in ("ccomp", "parataxis") and token.head.pos_ in ("VERB", "AUX"):
            # the question word opens the clause as its subject ("who was behind ..."), unlike the
            # object of a free relative ("opposes what it called baseless accusations")
            opener = token.left_edge
            if (opener.tag_ in ("WP", "WDT") and opener.dep_ in (*SUBJECT_DEPS, *PASSIVE_SUBJECT_DEPS)) or (
                opener.lower_ in ("whether", "if") and opener.dep_ == "mark"
            ):
                return None
            return token.head
        if token.head == token:
            break
        token = token.head
    return None


# Entity types of words that may follow a closing attribution ("..., El Tiempo reported on July 4.").
ATTRIBUTION_TAIL_ENTITY_TYPES = frozenset({"DATE", "TIME"})


def closing_attribution_speakers(verb: Token) -> list[Token]:
    """', La Nacion reported.', ', reported El Espectador.', ', reports Peru 21 on Tuesday.': a verb
    that closes the sentence after a comma, next to its speaker, cites where the sentence's news
    comes from. Returns the speaker heads ([] when the verb is no such attribution)."""
    doc = verb.doc
    before = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i < verb.i]
    # inverted: the parse makes the speaker after the verb its subject or its object
    after = [c for c in verb.children if c.dep_ in (*SUBJECT_DEPS, "dobj") and c.i > verb.i]
    if after and after[0].left_edge.i == verb.i + 1:
        # (a subject the parse also finds before the verb is a misreading: "..., reported La Nacion.")
        speakers, start, end = after[:1], verb.i, after[0].right_edge.i
    elif before and not after and verb.i == before[-1].right_edge.i + 1:
        speakers, start, end = before, before[0].left_edge.i, verb.i
    else:
        return []
    opener = start - 1
    if opener > verb.sent.start and doc[opener].is_quote:
        opener -= 1  # '..." reported El Universal.'
    if opener <= verb.sent.start or doc[opener].text != ",":
        return []
    rest = doc[end + 1 : verb.sent.end]
    if not all(t.is_punct or t.is_space or t.ent_type_ in ATTRIBUTION_TAIL_ENTITY_TYPES
               or (t.pos_ == "ADP" and t.i + 1 < verb.sent.end and doc[t.i + 1].ent_type_ in ATTRIBUTION_TAIL_ENTITY_TYPES)
               for t in rest):
        return []
    return speakers
