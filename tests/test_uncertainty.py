"""Monte Carlo of criticality (crmradar.methods.criticality_uncertainty): reproducibility, limits, analytics."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy.stats import norm

from crmradar.methods import criticality as crit
from crmradar.methods import criticality_uncertainty as mc
from crmradar.methods.governance_scaling import wgi_to_eu_scale

ZERO_WIDTHS = {"import_reliance": 0.0, "eol_rir": 0.0, "si_sr": 0.0, "si_ei": 0.0}


def _inputs(
    wgi_se: float = 0.0,
    si_sr: tuple[float, float, float] = (0.9, 0.9, 0.9),
    half_widths: dict[str, float] | None = None,
    published: tuple[str, ...] | None = None,
    wgi_a: float = -0.5,
) -> mc.CriticalityArrays:
    """The two-country example of test_criticality_methods plus a monopoly material 'mono'."""
    shares = pd.DataFrame(
        [
            ("m", "processing", "global_supply", "AAA", 0.6, 1.0),
            ("m", "processing", "global_supply", "BBB", 0.4, 0.8),
            ("m", "processing", "eu_sourcing", "AAA", 0.2, 1.0),
            ("m", "processing", "eu_sourcing", "BBB", 0.8, 0.8),
            ("m", "processing", "global_supply", "ROW", 0.1, 1.0),
            ("mono", "extraction", "global_supply", "AAA", 1.0, 1.0),
        ],
        columns=["material_id", "stage", "scope", "country_iso3", "share", "trade_parameter_t"],
    )
    if published is not None:
        shares["share_as_published"] = list(published)
    stages = pd.DataFrame(
        {
            "material_id": ["m", "mono"],
            "stage": ["processing", "extraction"],
            "import_reliance": [0.5, np.nan],
            "concentration_basis": ["gs_and_eus", "gs_only"],
        }
    )
    params = pd.DataFrame(
        {
            "eol_rir": [0.1, 0.0],
            "si_sr": [si_sr[0], si_sr[0]],
            "si_sr_low": [si_sr[1], si_sr[1]],
            "si_sr_high": [si_sr[2], si_sr[2]],
            "si_ei": [0.8, 1.0],
        },
        index=pd.Index(["m", "mono"], name="material_id"),
    )
    end_uses = pd.DataFrame(
        {"material_id": ["m", "m", "mono"], "nace_code": ["C01", "C02", "C03"], "share": [0.5, 0.5, 1.0]}
    )
    eu = pd.Series({"C01": 100.0, "C02": 50.0, "C03": 200.0})
    region = pd.Series({"C01": 10.0, "C02": 40.0, "C03": 1.0})
    return mc.build_arrays(
        ["m", "mono"],
        shares,
        pd.Series({"AAA": wgi_a, "BBB": 1.5}),
        pd.Series({"AAA": wgi_se, "BBB": wgi_se}),
        stages,
        params,
        end_uses,
        {"eu": (eu, 200.0), "toy": (region, 40.0)},
        half_widths=ZERO_WIDTHS if half_widths is None else half_widths,
    )


def test_zero_uncertainty_reproduces_the_deterministic_result():
    result = mc.simulate(_inputs(), draws=50, seed=1, chunk_size=20)
    np.testing.assert_allclose(result.supply_risk[:, 0], 1.25712)  # hand case, ROW left out
    np.testing.assert_allclose(result.supply_risk[:, 1], wgi_to_eu_scale(-0.5) * 0.9)
    np.testing.assert_allclose(result.economic_importance[:, 0, 0], 3.0)
    # Toy region: (0.5·10 + 0.5·40)/40·10·0.8 = 5.0
    np.testing.assert_allclose(result.economic_importance[:, 1, 0], 5.0)
    probabilities = mc.criticality_probabilities(_inputs(), draws=100, seed=3)
    deterministic = crit.is_critical([1.25712, 5.4], [3.0, 10.0])
    assert probabilities["p_critical_eu"].tolist() == deterministic.astype(float).tolist()
    # mono: EI in the toy region is 1/40·10 = 0.25 < 2.8, so not critical there.
    assert probabilities.loc["mono", "p_critical_toy"] == 0.0


def test_same_seed_same_draws_and_chunks_are_independent_of_batching():
    inputs = _inputs(wgi_se=0.3, si_sr=(0.9, 0.8, 1.0), half_widths={})
    first = mc.simulate(inputs, draws=300, seed=42, chunk_size=100)
    again = mc.simulate(inputs, draws=300, seed=42, chunk_size=100)
    np.testing.assert_array_equal(first.supply_risk, again.supply_risk)
    chunk_two = mc.simulate_chunk(inputs, seed=42, chunk=2, draws=100)
    np.testing.assert_array_equal(first.supply_risk[200:], chunk_two.supply_risk)
    other = mc.simulate(inputs, draws=300, seed=43, chunk_size=100)
    assert not np.array_equal(first.supply_risk, other.supply_risk)


def test_probabilities_are_fractions():
    probabilities = mc.criticality_probabilities(
        _inputs(wgi_se=0.5, si_sr=(0.9, 0.5, 1.0), half_widths={}), draws=2000, seed=7
    )
    values = probabilities.filter(like="p_").to_numpy()
    assert np.all((values >= 0) & (values <= 1))
    assert np.all(probabilities["sr_p05"] <= probabilities["sr_p95"])


def test_uniform_substitution_index_gives_analytic_probability():
    # mono: SR = 10·(2.5 − 0)/5 · SI = 5·SI with SI ~ U(0.1, 0.3); SR ≥ 1 ⇔ SI ≥ 0.2 ⇒ P = 0.5.
    inputs = _inputs(si_sr=(0.2, 0.1, 0.3), wgi_a=0.0)
    probabilities = mc.criticality_probabilities(inputs, draws=20_000, seed=11)
    assert probabilities.loc["mono", "p_supply_risk"] == pytest.approx(0.5, abs=0.02)


def test_normal_governance_draw_gives_analytic_probability():
    # mono: SR = 0.2·(5 − 2x), x ~ N(0.25, 0.5); SR ≥ 1 ⇔ x ≤ 0 ⇒ P = Φ(−0.5) = 0.3085.
    inputs = _inputs(wgi_se=0.5, si_sr=(0.2, 0.2, 0.2), wgi_a=0.25)
    probabilities = mc.criticality_probabilities(inputs, draws=20_000, seed=5)
    assert probabilities.loc["mono", "p_supply_risk"] == pytest.approx(norm.cdf(-0.5), abs=0.015)


def test_rounding_half_width_of_published_percentages():
    widths = mc.rounding_half_width(pd.Series(["12.3%", "4%", "<0.1%", "0.05%"]))
    np.testing.assert_allclose(widths[[0, 1, 3]], [0.0005, 0.005, 0.00005])
    assert np.isnan(widths[2])


def test_share_rounding_spreads_supply_risk_around_the_point_value():
    published = ("60%", "40%", "20%", "80%", "10%", "100%")
    inputs = _inputs(published=published)
    result = mc.simulate(inputs, draws=4000, seed=2)
    sr = result.supply_risk[:, 0]
    assert sr.std() > 0
    assert sr.mean() == pytest.approx(1.25712, abs=0.01)


def test_missing_governance_for_a_supplier_is_an_error():
    shares = pd.DataFrame([("m", "processing", "global_supply", "ZZZ", 1.0)],
                          columns=["material_id", "stage", "scope", "country_iso3", "share"])
    with pytest.raises(ValueError, match="ZZZ"):
        mc.build_arrays(["m"], shares, pd.Series(dtype=float), pd.Series(dtype=float),
                        pd.DataFrame({"material_id": ["m"], "stage": ["processing"], "import_reliance": [1.0]}),
                        pd.DataFrame({"eol_rir": [0.0], "si_sr": [1.0], "si_ei": [1.0]}, index=["m"]),
                        pd.DataFrame(columns=["material_id", "nace_code", "share"]), {})
