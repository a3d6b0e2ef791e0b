"""Linguistic analysis: the spaCy English pipeline (tokens, tags, dependencies, entities)."""

from heron.nlp.pipeline import ModelMissingError, load_nlp, parse_articles, parse_texts

__all__ = ["ModelMissingError", "load_nlp", "parse_articles", "parse_texts"]
