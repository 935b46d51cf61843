"""``check --show-config``: which config file a run uses and the settings it resolves
to, as Ruff's ``--show-settings`` does, without linting anything."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from healthlint.app.check import CheckOptions, Console
    from healthlint.app.session import Session


def show_config(session: Session, options: CheckOptions, console: Console) -> None:
    """Print, one setting a line, what a ``check`` with ``options`` would run with."""
    config, search = session.config, session.search
    model = config.model
    ruleset = session.ruleset(
        select=options.select, ignore=options.ignore, preset=options.preset, genre=options.genre
    )
    lines = [f"config file: {config.source or 'none'}"]
    if search is not None:
        where = (
            f"the top of the git checkout {search.repository}"
            if search.repository is not None
            else f"{search.boundary} (no git checkout: the home folder, or the last "
            "folder of the user's that no one else may write to)"
        )
        lines.append(f"searched from the working directory up to {where}")
    lines += [
        f"preset: {ruleset.preset}",
        f"genre: {options.genre or model.genre}",
        f"fail_on: {options.fail_on or model.fail_on or 'error'}",
        f"rule_dirs: {_listed([str(d) for d in config.rule_dirs])}",
        f"select: {_listed(options.select if options.select is not None else model.select)}",
        f"ignore: {_listed([*options.ignore, *model.ignore])}",
        f"exclude: {_listed(model.exclude)}",
    ]
    for name, values in sorted(model.rules.items()):
        lines.append(f"rules.{name}: {json.dumps(values, ensure_ascii=False, default=str)}")
    for index, override in enumerate(model.overrides):
        lines.append(f"overrides[{index}].files: {_listed(override.files)}")
    from healthlint.cache.results import CACHE_DIR

    cache = Path(session.root) / CACHE_DIR if session.cache else "off"
    lines.append(f"results cache: {cache}")
    running = ruleset.for_path(str(config.root / "post.md"))
    lines.append(
        f"rules that run on a post: {len(running)} of {len(ruleset.all_rules)}: "
        + ", ".join(rule.name for rule in running)
    )
    # The settings come from a file in the repository: what it says is shown, never run
    # by the terminal.
    from healthlint.report import visible

    console.out("".join(f"{visible(line)}\n" for line in lines))


def _listed(values: object) -> str:
    if values is None:
        return "(the preset's)"
    items = list(values) if isinstance(values, (list, tuple)) else [str(values)]
    return ", ".join(str(item) for item in items) if items else "-"
