"""EU annual consumption for the seven CRMA Annex I entries that had none (Bi, B, Ge, Mn, PGM, Ti metal, W).

Imported by ``curate_scenarios_facilities.py`` (which writes ``crma_consumption_capacity``); one-off curation code,
not run by tests or CI. No EC/SCRREEN factsheet figure of EU consumption could be retrieved in this session, so
only PGM rests on a published European demand figure (``derived``); the other six are ``assumption`` rows built
from cited world totals and cited anchors for the EU's part, with the reason and the range in ``note``.
Every figure below was typed from the source named in ``source_id`` or in the note (fragment
``curation/sources/crma_consumption_extra.csv``; ``usgs_mcs2026`` and ``ec2023_crm_study`` are in ``core.csv``).
"""

from __future__ import annotations

# Atomic masses (IUPAC 2021 conventional values) for the borate conversion.
M_B, M_O = 10.81, 15.999
B_PER_B2O3 = 2 * M_B / (2 * M_B + 3 * M_O)  # mass fraction of boron in B2O3, about 0.3106

# USGS MCS 2026 (our ``production`` table), 2024 values.
WORLD_BISMUTH_REFINERY_T = 16300
WORLD_MANGANESE_MINE_T = 18.7e6  # t Mn content
WORLD_TITANIUM_SPONGE_T = 380000  # excludes U.S. production
EU_TUNGSTEN_MINE_T = {"2024": 840 + 650 + 700, "2025": 840 + 700 + 800}  # AUT + PRT + ESP, t W content

# EC 2023 CRM study (our ``criticality_inputs``): 1 - import reliance, 2016–2020 averages.
TUNGSTEN_EXTRACTION_SHARE = 1 - 0.21
TUNGSTEN_PROCESSING_SHARE = 1 - 0.80

# Eti Maden (2017): world consumption of boron products and the B2O3 content of world capacity (2.7 of 5.7 Mt).
WORLD_BORON_PRODUCTS_T = 3.87e6
B2O3_PER_BORON_PRODUCT = 2.7 / 5.7
WORLD_BORON_T = WORLD_BORON_PRODUCTS_T * B2O3_PER_BORON_PRODUCT * B_PER_B2O3

# worldsteel: EU27 about 126 Mt of 1,878.5 Mt world crude steel (2022).
EU_STEEL_SHARE = 126 / 1878.5

# Johnson Matthey via PEACOC: European demand 2019, t.
EUROPE_PGM_DEMAND_2019_T = {"palladium": 72, "platinum": 79, "rhodium": 4}

# tungsten: concentrate consumption = EU mine output / extraction share; processed-tungsten consumption if EU
# processing output equals that concentrate input = concentrate consumption / processing share.
TUNGSTEN_CONCENTRATE_T = EU_TUNGSTEN_MINE_T["2024"] / TUNGSTEN_EXTRACTION_SHARE

# (entry, value, low, high, unit basis, reference period, source, quality, note)
CONSUMPTION_EXTRA = [
    ("b", 1500, 0.05 * WORLD_BISMUTH_REFINERY_T, 0.15 * WORLD_BISMUTH_REFINERY_T, "t Bi", "circa 2024",
     "mcgroup_2019_bismuth", "assumption",
     "Assumption: no published EU consumption found. World refinery output 16,300 t (USGS MCS 2026, 2024) of "
     "which China uses about 70 % (Beroe); China ships 1,000–1,300 t/yr to the USA (MCGroup 2019), a market of "
     "similar size to the EU, so EU use is taken as about 1,500 t (about 9 % of world output); range 5–15 % of "
     "world output."),
    ("c", 0.15 * WORLD_BORON_T, 0.10 * WORLD_BORON_T, 0.20 * WORLD_BORON_T,
     "t B (all borates; metallurgy grade is a small part)", "2017", "etimine_2017_boron_market", "assumption",
     "Assumption: world use of boron products 3.87 Mt (Eti Maden, 2017) x 2.7/5.7 t B2O3 per t product x 0.3106 "
     "t B per t B2O3 = 569 kt B; EU share taken as 15 % (10–20 %), our judgement (Europe is a main destination of "
     "Turkish borates for glass, frits and ceramics). Same basis as the EC 2023 import-reliance shares (all "
     "borates); metallurgical uses are within the 2–3 % 'other uses' of EU borates (CRM Alliance), so a "
     "metallurgy-grade-only base would be about 1/40 of this."),
    ("g", 25, 15, 34, "t Ge", "2015-2019", "gia_2010_germanium", "assumption",
     "Assumption: Europe is the second-largest germanium market after the USA (GIA 2010), whose consumption was "
     "30–34 t/yr in 2015–2019 (USGS MCS 2020), so high = 34 t; world use about 160 t (Ameco, 2017). Value 25 t "
     "and low 15 t are our judgement."),
    ("j", EU_STEEL_SHARE * WORLD_MANGANESE_MINE_T, 0.06 * WORLD_MANGANESE_MINE_T, 0.08 * WORLD_MANGANESE_MINE_T,
     "t Mn (all grades; battery grade is a small part)", "2022-2024", "usgs_mcs2026", "assumption",
     "Assumption: world mine output 18.7 Mt Mn (USGS MCS 2026, 2024) x the EU share of world crude steel, 126 of "
     "1,878.5 Mt = 6.7 % (worldsteel 2022), because about 90 % of manganese goes into steel; range 6–8 %. Same "
     "basis as the EC 2023 shares (all manganese); battery-grade use is a small part of it."),
    ("m", sum(EUROPE_PGM_DEMAND_2019_T.values()), None, None, "t Pt + Pd + Rh", "2019",
     "johnson_matthey_2019_pgm_europe", "derived",
     "Derived: European demand 2019 of 79 t Pt + 72 t Pd + 4 t Rh = 155 t (Johnson Matthey, via PEACOC); "
     "'Europe' as in Johnson Matthey (wider than the EU27); Ir and Ru not included."),
    ("p", 25000, 15000, 0.12 * WORLD_TITANIUM_SPONGE_T, "t Ti (metal)", "circa 2020", "jrc_2025_titanium_metal",
     "assumption",
     "Assumption: civil aerospace is two thirds of EU titanium demand (JRC 2025); world aerospace buy-in weight is "
     "about 60 kt of mill products (Roskill, 2012), of which EU makers take roughly a quarter (our judgement), "
     "15 kt, so EU demand is about 15 / (2/3) = 22.5 kt, rounded to 25 kt; low 15 kt (aerospace only), high 12 % "
     "of world sponge output 380 kt (USGS MCS 2026, 2024)."),
    ("q", TUNGSTEN_CONCENTRATE_T / TUNGSTEN_PROCESSING_SHARE, TUNGSTEN_CONCENTRATE_T,
     EU_TUNGSTEN_MINE_T["2025"] / TUNGSTEN_EXTRACTION_SHARE / TUNGSTEN_PROCESSING_SHARE, "t W", "circa 2024",
     "usgs_mcs2026", "assumption",
     "Assumption: EU mine output 2,190 t W (AT 840, PT 650, ES 700; USGS MCS 2026, 2024) / extraction share 0.79 "
     "(EC 2023) = 2,770 t W of concentrates used (low); if EU processing runs on these concentrates, processed "
     "tungsten used = 2,770 / processing share 0.20 = 13,900 t W (value); high uses the 2025 mine estimate 2,340 t. "
     "Mixes 2024 output with 2016–2020 import reliance."),
]
