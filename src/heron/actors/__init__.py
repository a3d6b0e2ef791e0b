"""Actor resolution: turn participant phrases into Actor records (name, country, sector, org)."""

from heron.actors.lexicon import ActorDataError, ActorEntry, load_entries
from heron.actors.resolver import ActorResolver, DocumentActors, PersonInfo

__all__ = ["ActorDataError", "ActorEntry", "ActorResolver", "DocumentActors", "PersonInfo", "load_entries"]
