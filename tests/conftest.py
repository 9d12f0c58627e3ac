from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "data"
SEED = ROOT / "seeds" / "000_84bd1bd0e8a742d5.txt"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", help="Rewrite golden files from current output."
    )


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def nlp():
    from pipeline.nlp.build import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def seed_record(nlp):
    from pipeline.extract import extract_files

    (record,) = list(extract_files([SEED], nlp=nlp))
    return record
