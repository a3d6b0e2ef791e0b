"""Ingest stage: read files and folders into RawDocument records (or IngestProblem reports)."""

from heron.ingest.language import detect_language
from heron.ingest.readers import DEFAULT_MAX_BYTES, read_documents

__all__ = ["DEFAULT_MAX_BYTES", "detect_language", "read_documents"]
