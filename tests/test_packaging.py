"""The built-in rules ship inside the wheel, so a plain `pip install .` finds them."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from healthlint.rules.loader import builtin_rules_dir

ROOT = Path(__file__).resolve().parents[1]


def test_source_checkout_finds_the_rules_directory() -> None:
    names = {p.name for p in builtin_rules_dir().glob("*.yaml")}
    assert names == {p.name for p in (ROOT / "rules").glob("*.yaml")}


@pytest.mark.skipif(
    subprocess.run([sys.executable, "-c", "import hatchling"], check=False).returncode != 0,
    reason="hatchling is not installed",
)
def test_wheel_contains_every_rule_file(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("healthlint-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        shipped = {
            Path(n).name for n in archive.namelist() if n.startswith("healthlint/rules/builtin/")
        }
        assert "healthlint/cli.py" in archive.namelist()
        knowledge = {
            Path(n).name for n in archive.namelist() if n.startswith("healthlint/claims/knowledge/")
        }
    # The curated lists the claim rules read ship with the package.
    assert {
        "myths.yaml",
        "facts.yaml",
        "products.csv",
        "diseases.csv",
        "body.csv",
        "drugs.csv",
        "medicine.csv",
        "health.csv",
    } <= knowledge
    assert shipped == {p.name for p in (ROOT / "rules").glob("*.yaml")}
