"""Cleaning stage: strip scraped site noise and find title, publication time and language."""

from heron.clean.noise import NoisePatternError, load_noise_rules
from heron.clean.prepare import CleaningSettings, explain_removed_lines, prepare_article

__all__ = ["CleaningSettings", "explain_removed_lines", "NoisePatternError", "load_noise_rules", "prepare_article"]
