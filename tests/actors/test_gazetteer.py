"""The package gazetteer: leaders, movements and institutions from 1980 on resolve with the right
country, sector and organisation on the event date. Sentences are written for these tests."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from heron.actors import ActorResolver
from heron.actors.lexicon import normalize, package_lexicon

Expected = tuple[str | None, str | None, str | None, str | None]  # name, country, sector, org

# (sentence, head word of the actor, event date, expected actor)
CASES: list[tuple[str, str, date, Expected]] = [
    # heads of state and government, 1980s to today
    ("President Francois Mitterrand welcomed the delegation in Paris.", "Mitterrand", date(1985, 6, 1),
     ("Francois Mitterrand", "FRA", "government", None)),
    ("Mitterand criticised the proposal on Tuesday.", "Mitterand", date(1990, 3, 1),
     ("Francois Mitterrand", "FRA", "government", None)),
    ("Chancellor Helmut Kohl rejected the demand.", "Kohl", date(1989, 11, 20),
     ("Helmut Kohl", "DEU", "government", None)),
    ("Mikhail Gorbachev proposed new arms talks.", "Gorbachev", date(1987, 5, 1),
     ("Mikhail Gorbachev", "RUS", "government", None)),
    ("Gadhafi denounced the sanctions.", "Gadhafi", date(1992, 4, 15), ("Muammar Gaddafi", "LBY", "government", None)),
    ("Qaddafi warned the rebels.", "Qaddafi", date(2011, 3, 1), ("Muammar Gaddafi", "LBY", "government", None)),
    ("Juvenal Habyarimana flew to Dar es Salaam for talks.", "Habyarimana", date(1994, 4, 5),
     ("Juvenal Habyarimana", "RWA", "government", None)),
    ("Robert Mugabe addressed the nation.", "Mugabe", date(1985, 6, 1), ("Robert Mugabe", "ZWE", "government", None)),
    ("Bouteflika announced a referendum.", "Bouteflika", date(2005, 8, 15),
     ("Abdelaziz Bouteflika", "DZA", "government", None)),
    ("Mubarak rejected the proposal.", "Mubarak", date(2000, 5, 1), ("Hosni Mubarak", "EGY", "government", None)),
    ("Kim Dae-jung visited the border.", "jung", date(2000, 6, 13), ("Kim Dae-jung", "KOR", "government", None)),
    ("Raul Alfonsin condemned the uprising.", "Alfonsin", date(1987, 4, 17),
     ("Raul Alfonsin", "ARG", "government", None)),
    ("Hamid Karzai met tribal elders.", "Karzai", date(2005, 2, 1), ("Hamid Karzai", "AFG", "government", None)),
    ("Pervez Musharraf ordered the army into the tribal areas.", "Musharraf", date(2004, 3, 1),
     ("Pervez Musharraf", "PAK", "government", None)),
    ("Lula promised to end hunger.", "Lula", date(2003, 6, 1), ("Luiz Inacio Lula da Silva", "BRA", "government", None)),
    ("Jacinda Ardern announced a ban on assault weapons.", "Ardern", date(2019, 3, 21),
     ("Jacinda Ardern", "NZL", "government", None)),
    ("Jean-Claude Juncker warned London.", "Juncker", date(2018, 3, 1),
     ("Jean-Claude Juncker", None, "igo", "EU")),
    ("Kofi Annan appealed for a ceasefire.", "Annan", date(2002, 4, 1), ("Kofi Annan", None, "igo", "UN")),
    ("Javier Solana met the Serbian leadership.", "Solana", date(1999, 3, 1), ("Javier Solana", None, "igo", "NATO")),
    # offices that changed: the event date picks the role
    ("Ehud Barak ordered the withdrawal.", "Barak", date(2000, 5, 20), ("Ehud Barak", "ISR", "government", None)),
    ("Ehud Barak ordered the withdrawal.", "Barak", date(2010, 5, 20), ("Ehud Barak", "ISR", "military", None)),
    ("Charles Taylor ordered his fighters to advance.", "Taylor", date(1992, 10, 15),
     ("Charles Taylor", "LBR", "rebels", "NPFL")),
    ("Charles Taylor ordered his fighters to advance.", "Taylor", date(2000, 10, 15),
     ("Charles Taylor", "LBR", "government", None)),
    ("Nelson Mandela demanded an end to the violence.", "Mandela", date(1992, 6, 20),
     ("Nelson Mandela", "ZAF", "opposition", "ANC")),
    ("Nelson Mandela demanded an end to the violence.", "Mandela", date(1996, 6, 20),
     ("Nelson Mandela", "ZAF", "government", None)),
    ("Yasser Arafat returned to Gaza.", "Arafat", date(1994, 7, 1), ("Yasser Arafat", "PSE", "rebels", "PLO")),
    ("Yasser Arafat returned to Gaza.", "Arafat", date(2000, 7, 1), ("Yasser Arafat", "PSE", "government", "PLO")),
    # leaders of armed movements and criminal groups
    ("Jonas Savimbi rejected the election results.", "Savimbi", date(1992, 10, 5),
     ("Jonas Savimbi", "AGO", "rebels", "UNITA")),
    ("John Garang signed the agreement.", "Garang", date(2005, 1, 9), ("John Garang", "SSD", "rebels", "SPLM")),
    ("Abdullah Ocalan called for a ceasefire.", "Ocalan", date(1998, 9, 1),
     ("Abdullah Ocalan", "TUR", "rebels", "PKK")),
    ("Velupillai Prabhakaran vowed to fight on.", "Prabhakaran", date(2008, 11, 27),
     ("Velupillai Prabhakaran", "LKA", "rebels", "LTTE")),
    ("Osama bin Laden released a new video.", "Laden", date(2004, 10, 29), ("Osama bin Laden", None, "rebels", "AQ")),
    ("Hassan Nasrallah gave a televised speech.", "Nasrallah", date(2006, 7, 20),
     ("Hassan Nasrallah", "LBN", "rebels", "HEZBOLLAH")),
    ("Ismail Haniyeh formed a new cabinet.", "Haniyeh", date(2006, 6, 1), ("Ismail Haniyeh", "PSE", "government", None)),
    ("Abu Bakr al-Baghdadi declared a caliphate.", "Baghdadi", date(2014, 7, 1),
     ("Abu Bakr al-Baghdadi", None, "rebels", "IS")),
    ("El Chapo escaped from prison.", "Chapo", date(2015, 7, 11), ("Joaquin Guzman", "MEX", "criminal", "SINALOA")),
    # armed groups, gangs and cartels
    ("The FARC attacked a police station.", "FARC", date(2002, 5, 1), ("FARC", "COL", "rebels", "FARC")),
    ("The FARC attacked a police station.", "FARC", date(2019, 5, 1), ("FARC", "COL", "opposition", "FARC")),
    ("The Sinaloa Cartel smuggled cocaine across the border.", "Cartel", date(2012, 1, 1),
     ("Sinaloa Cartel", "MEX", "criminal", "SINALOA")),
    ("Mara Salvatrucha extorted bus drivers.", "Salvatrucha", date(2016, 1, 1), ("MS-13", "SLV", "criminal", "MS13")),
    ("UNITA shelled the city.", "UNITA", date(1993, 1, 1), ("UNITA", "AGO", "rebels", "UNITA")),
    ("The Tamil Tigers attacked a naval base.", "Tigers", date(2000, 1, 1), ("LTTE", "LKA", "rebels", "LTTE")),
    ("The Rapid Support Forces attacked Khartoum.", "Forces", date(2023, 6, 1),
     ("Rapid Support Forces", "SDN", "rebels", "RSF")),
    ("The Rapid Support Forces attacked Khartoum.", "Forces", date(2020, 6, 1),
     ("Rapid Support Forces", "SDN", "military", "RSF")),
    ("The Zapatistas seized several towns.", "Zapatistas", date(1994, 1, 2), ("Zapatistas", "MEX", "rebels", "EZLN")),
    ("ISWAP claimed the attack.", "ISWAP", date(2019, 1, 1), ("ISWAP", "NGA", "rebels", "ISWAP")),
    # institutions and intergovernmental bodies
    ("The Tatmadaw shelled villages.", "Tatmadaw", date(2021, 5, 1), ("Tatmadaw", "MMR", "military", "TATMADAW")),
    ("The Lok Sabha passed the bill.", "Sabha", date(2019, 12, 9), ("Lok Sabha", "IND", "legislature", None)),
    ("The Carabineros dispersed the protesters.", "Carabineros", date(2019, 10, 20),
     ("Carabineros", "CHL", "police", None)),
    ("MI6 warned of the threat.", "MI6", date(2020, 1, 1), ("MI6", "GBR", "government", "MI6")),
    ("The KGB arrested the dissident.", "KGB", date(1985, 1, 1), ("KGB", "RUS", "police", "KGB")),
    ("The Revolutionary Guards seized a tanker.", "Guards", date(2019, 7, 19),
     ("Revolutionary Guards", "IRN", "military", "IRGC")),
    ("The International Labour Office published a report.", "Office", date(2010, 1, 1),
     ("International Labour Organization", None, "igo", "ILO")),
    ("The European Common Market imposed tariffs.", "Market", date(1985, 1, 1),
     ("European Community", None, "igo", "EC")),
    ("ECOMOG deployed troops to Monrovia.", "ECOMOG", date(1990, 9, 1), ("ECOMOG", None, "igo", "ECOMOG")),
    ("UNIFIL reported rocket fire.", "UNIFIL", date(2006, 7, 13), ("UNIFIL", None, "igo", "UNIFIL")),
]


@pytest.fixture(scope="module")
def docs(nlp: Language) -> list[Doc]:
    return list(nlp.pipe(sentence for sentence, _, _, _ in CASES))


@pytest.mark.parametrize("index", range(len(CASES)), ids=[f"{c[1]}-{c[2].year}" for c in CASES])
def test_gazetteer_entry_resolves(docs: list[Doc], resolver: ActorResolver, index: int) -> None:
    _, head, when, expected = CASES[index]
    doc = docs[index]
    head_token = next(t for t in doc if t.text == head)
    context = resolver.scan_document(doc, when)
    actor = resolver.resolve(resolver.phrase_for(head_token), context, when)
    assert actor is not None
    assert (actor.name, actor.country, actor.sector, actor.org) == expected


def test_gazetteer_size_and_offices() -> None:
    entries = package_lexicon().package_entries
    people = {e.name for e in entries if e.kind == "person"}
    assert len(people) >= 1400
    # every person office is dated, and offices of one person never start after they end
    assert all(e.start is not None for e in entries if e.kind == "person")
    # one name, several offices: Putin as prime minister between his presidencies
    putin = sorted((e for e in entries if e.name == "Vladimir Putin"), key=lambda e: e.start)
    assert [e.role for e in putin][:3] == ["prime minister", "acting president", "president"]


def test_ambiguous_surnames_need_the_date(nlp: Language, resolver: ActorResolver) -> None:
    """Two Bushes: the full alias 'George Bush' follows the event date; the bare surname does too."""
    doc = nlp("George Bush met Gorbachev in Malta.")
    head = next(t for t in doc if t.text == "Bush")
    in_1989 = resolver.resolve(resolver.phrase_for(head), resolver.scan_document(doc, date(1989, 12, 2)),
                               date(1989, 12, 2))
    in_2003 = resolver.resolve(resolver.phrase_for(head), resolver.scan_document(doc, date(2003, 3, 20)),
                               date(2003, 3, 20))
    assert in_1989 is not None and in_2003 is not None
    assert (in_1989.name, in_1989.sector) == ("George H. W. Bush", "government")
    assert (in_2003.name, in_2003.sector) == ("George W. Bush", "government")


def test_common_word_surnames_do_not_match_alone() -> None:
    """Surnames that are ordinary words or first names are set to the full name in the data."""
    surnames = {normalize(e.surname or e.name.split()[-1]) for e in package_lexicon().package_entries
                if e.kind == "person"}
    for word in ("major", "brown", "taylor", "jonathan", "powell", "gates", "park", "sharon", "hague"):
        assert word not in surnames
