"""``heron bench``: bare spaCy throughput vs Heron end to end, memory and time per stage."""

from heron.bench.runner import BenchReport, run_bench

__all__ = ["BenchReport", "run_bench"]
