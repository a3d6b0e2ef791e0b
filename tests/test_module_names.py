"""No module of the package binds the same top-level name twice.

Parallel edits to the coder twice added a constant under a name the module already had (a later
``TOPIC_PREPOSITIONS = ...`` silently replaced the earlier set for every rule using it); ruff does not
flag a re-assigned constant, so this test does.
"""

import ast
from collections import Counter
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "heron"


def _top_level_names(tree: ast.Module) -> list[str]:
    names: list[str] = []
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.append(node.name)
        elif isinstance(node, ast.Assign):
            names.extend(target.id for target in node.targets if isinstance(target, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            names.append(node.target.id)
    return names


def test_no_top_level_name_is_bound_twice() -> None:
    repeated = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        counts = Counter(_top_level_names(ast.parse(path.read_text(encoding="utf-8"))))
        twice = sorted(name for name, count in counts.items() if count > 1 and name != "__all__")
        if twice:
            repeated[str(path.relative_to(PACKAGE))] = twice
    assert repeated == {}
