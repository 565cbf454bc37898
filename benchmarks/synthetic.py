"""Synthetic decisions in the published format, for benchmarks and scale tests.

Every document is written from templates and seeded choices, so `synthetic_decision(7)`
is the same text on every machine. The texts are invented: no sentence comes from a
published decision. About 7 KB each, like a full MOPAC or GLA decision.

    python -m benchmarks.synthetic 2000 /tmp/corpus      # writes 2000 .txt files
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

SUPPLIERS = [
    "Northgate Analytics Ltd",
    "Brightwater Learning Limited",
    "Harbour Digital Services",
    "Kestrel Facilities Management plc",
    "Meridian Consulting LLP",
    "Oakfield Fleet Solutions",
    "Thistle Data Systems Ltd",
    "Riverside Community Trust",
    "Lantern Youth Foundation",
    "Cobalt Security Services Ltd",
    "Willowbank Housing Association",
    "Granite Estates Limited",
]
FUNDERS = [
    "Home Office",
    "Ministry of Justice",
    "Department for Education",
    "Youth Endowment Fund",
    "Department for Transport",
]
FRAMEWORKS = [
    ("the Crown Commercial Service framework RM6100 (Technology Services 3), Lot 2", "RM6100"),
    ("the Crown Commercial Service G-Cloud 12 framework", "G-Cloud 12"),
    ("the ESPO Facilities Management framework (ref 2100)", "ESPO"),
    ("the YPO Fleet Vehicles framework", "YPO"),
    ("the Bluelight Commercial national uniform framework", "Bluelight"),
]
STATUTES = [
    "section 149 of the Equality Act 2010",
    "regulation 72 of the Public Contracts Regulations 2015",
    "Article 35 of the UK General Data Protection Regulation",
    "section 1 of the Localism Act 2011",
    "the Police Reform and Social Responsibility Act 2011",
    "section 30 of the Greater London Authority Act 1999",
]
SUBJECTS = [
    "body-worn video replacement",
    "custody cleaning services",
    "youth diversion grants",
    "fleet telematics",
    "estate security upgrade",
    "training platform licences",
    "victim support helpline",
    "data centre migration",
]
MONTHS = ["March", "June", "October"]
PREFIXES = [
    ("PCD", "Deputy Mayor for Policing and Crime"),
    ("MD", "Mayor"),
    ("DD", "Executive Director, Resources"),
]


def _money(rng: random.Random) -> tuple[str, int]:
    value = rng.choice([12_500, 48_000, 181_302, 250_000, 737_400, 1_200_000, 3_450_000])
    style = rng.random()
    if value >= 1_000_000 and style < 0.5:
        return f"£{value / 1_000_000:g}m", value
    if value >= 10_000 and style < 0.3:
        return f"£{value / 1000:g}k", value
    return f"£{value:,}", value


def synthetic_decision(seed: int) -> str:
    """One invented decision of about 7 KB; the same text for the same seed."""
    rng = random.Random(seed)
    prefix, maker = rng.choice(PREFIXES)
    number = 1000 + seed
    subject = rng.choice(SUBJECTS)
    supplier = rng.choice(SUPPLIERS)
    funder = rng.choice(FUNDERS)
    framework, _ = rng.choice(FRAMEWORKS)
    cost_text, cost = _money(rng)
    part_a = cost * 3 // 5
    part_b = cost - part_a
    statutes = rng.sample(STATUTES, 3)
    years = rng.choice(["2", "3", "4"])
    filler = [
        f"{i}.{j}. The programme board reviewed the {subject} proposal at its meeting and "
        f"recorded that delivery risks are tracked on the corporate risk register, with "
        f"monthly reporting to the portfolio office and a closure report at the end."
        for i in (1, 2)
        for j in range(2, 2 + rng.randint(7, 11))
    ]
    return "\n".join(
        [
            f"{prefix} {number} {subject.title()}",
            "Key information",
            f"Reference code: {prefix} {number}",
            f"Date signed: {rng.randint(1, 28):02d} {rng.choice(MONTHS)} 2024",
            f"Decision by: A. Example, {maker}",
            "Executive summary",
            f"This decision seeks approval to award a contract for {subject} to {supplier} at a "
            f"total cost of {cost_text} over {years} years, funded in part by {funder} grant "
            f"funding.",
            "Recommendations",
            f"The {maker} is recommended to:",
            f"1. Approve the award of a contract to {supplier} for {years} years at a cost of up "
            f"to {cost_text} (exclusive of VAT);",
            f"2. Accept grant funding of £{part_b:,} from the {funder}; and",
            "3. Note the procurement route and the equality assessment.",
            "Part 1: Non-confidential facts and advice",
            "1. Introduction and background",
            f"1.1. The current arrangements for {subject} end next year and a replacement is "
            f"required to maintain service.",
            *filler[: len(filler) // 2],
            "2. Issues for consideration",
            f"2.1. The recommended supplier is {supplier}, selected through {framework}.",
            *filler[len(filler) // 2 :],
            "3. Financial comments",
            f"3.1. The total cost is {cost_text}. This consists of £{part_a:,} capital and "
            f"£{part_b:,} revenue.",
            "3.2. Contracts valued at £181,302 or more are procured under the Public Contracts "
            "Regulations 2015 (the PCRs); this contract exceeds that threshold.",
            "4. Legal comments",
            f"4.1. The decision maker must have regard to {statutes[0]} and to {statutes[1]}.",
            f"4.2. The procurement complies with the PCRs and with {statutes[2]}.",
            "5. Equality comments",
            "5.1. An equality impact assessment found no disproportionate impact on people "
            "with protected characteristics.",
            "6. Background papers",
            "None.",
            "",
        ]
    )


def write_corpus(folder: Path, count: int, start: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for seed in range(start, start + count):
        path = folder / f"synthetic-{seed:06d}.txt"
        path.write_text(synthetic_decision(seed), encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    written = write_corpus(Path(sys.argv[2]), int(sys.argv[1]))
    print(f"wrote {len(written)} documents to {sys.argv[2]}")
