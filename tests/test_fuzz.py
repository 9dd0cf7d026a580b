"""Fuzz tests for every parser (issue 17), CI profile: a bounded number of Hypothesis inputs per parser.

The same targets run 10^5 times per parser with ``python scripts/fuzz.py --long``. Each input must either
parse or fail with the parser's own one-line user error; anything else is a bug. ``CRMRADAR_FUZZ_EXAMPLES``
raises the count for a longer local run.
"""

from __future__ import annotations

import os
import random
import sys
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

from fuzz_targets import TARGETS, run_one  # noqa: E402

EXAMPLES = int(os.environ.get("CRMRADAR_FUZZ_EXAMPLES", "25"))
CI = settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck),
              derandomize=True)


@pytest.mark.parametrize("name", sorted(TARGETS))
def test_parser_handles_generated_input(name):
    target = TARGETS[name]

    @CI
    @given(target.strategy())
    def check(value):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            run_one(target, value)

    check()


@pytest.mark.parametrize("name", sorted(TARGETS))
def test_parser_handles_mutated_valid_files(name):
    target = TARGETS[name]

    @CI
    @given(st.integers(0, 2**63))
    def check(seed):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            run_one(target, target.fast(random.Random(seed)))

    check()
