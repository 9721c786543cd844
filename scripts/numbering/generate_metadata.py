#!/usr/bin/env python3
"""Generate Herald's numbering metadata from libphonenumber's data.

Reads the metadata shipped in the Python package ``phonenumbers`` (a port of
Google's libphonenumber; data licensed Apache-2.0) and writes
``Sources/Numbering/Metadata/EmbeddedMetadata.swift``: one raw string
literal holding a compact, line-oriented text table. The Swift module
decodes that table at first use; at run time nothing here (and no Python)
is needed.

The national-number patterns of every number type are compiled into one
minimal digit automaton per region (see digit_regex.py) and verified
against Python's ``re`` on example numbers and random mutations before
anything is written.

Usage (from the repository root):

    python3 scripts/numbering/generate_metadata.py            # write the file
    python3 scripts/numbering/generate_metadata.py --check    # fail if it is stale

See docs/numbering.md for the format and the refresh procedure.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

import phonenumbers
from phonenumbers import PhoneMetadata
from phonenumbers.phonenumberutil import COUNTRY_CODE_TO_REGION_CODE

sys.path.insert(0, str(Path(__file__).resolve().parent))
import digit_regex  # noqa: E402

FORMAT_VERSION = 1
REPO_ROOT = Path(__file__).resolve().parents[2]
OUTPUT = REPO_ROOT / "Sources/Numbering/Metadata/EmbeddedMetadata.swift"

# Bit order of the number descriptions inside an automaton's accept mask.
# Must match `NumberDescription` in Sources/Numbering/Metadata/RegionMetadata.swift.
DESCRIPTIONS = [
    "general_desc",
    "fixed_line",
    "mobile",
    "toll_free",
    "premium_rate",
    "shared_cost",
    "personal_number",
    "voip",
    "pager",
    "uan",
    "voicemail",
]
MAX_NATIONAL_LENGTH = 17


def metadata_for(calling_code: int, region: str):
    if region == "001":
        return PhoneMetadata.metadata_for_nongeo_region(calling_code)
    return PhoneMetadata.metadata_for_region(region)


def field(value) -> str:
    if value is None:
        return ""
    text = str(value)
    if "\t" in text or "\n" in text or '"""#' in text:
        raise ValueError(f"value cannot be embedded: {text!r}")
    return text


def length_mask(lengths) -> int:
    """Bit n set when a number of n digits may match (no lengths listed = any length)."""
    if not lengths:
        return (1 << (MAX_NATIONAL_LENGTH + 1)) - 1
    mask = 0
    for length in lengths:
        if 0 <= length <= MAX_NATIONAL_LENGTH:
            mask |= 1 << length
    return mask


def patterns_of(metadata) -> list[tuple[int, str]]:
    patterns = []
    for bit, name in enumerate(DESCRIPTIONS):
        desc = getattr(metadata, name)
        if desc is not None and desc.national_number_pattern:
            patterns.append((bit, desc.national_number_pattern))
    return patterns


def verify(region: str, metadata, automaton, rng: random.Random) -> int:
    """Compare the automaton with Python's re on examples, mutations and random digits."""
    compiled = [(bit, re.compile(pattern)) for bit, pattern in patterns_of(metadata)]
    samples = set()
    for name in DESCRIPTIONS:
        desc = getattr(metadata, name)
        if desc is not None and desc.example_number:
            samples.add(desc.example_number)
    for example in sorted(samples):
        for _ in range(40):
            digits = list(example)
            for _ in range(rng.randint(1, 3)):
                action = rng.random()
                position = rng.randrange(len(digits) + 1)
                if action < 0.5 and digits:
                    digits[min(position, len(digits) - 1)] = str(rng.randrange(10))
                elif action < 0.75:
                    digits.insert(position, str(rng.randrange(10)))
                elif digits:
                    del digits[min(position, len(digits) - 1)]
            samples.add("".join(digits))
    for _ in range(300):
        samples.add("".join(str(rng.randrange(10)) for _ in range(rng.randint(0, 18))))
    for sample in sorted(samples):
        expected = 0
        for bit, pattern in compiled:
            if pattern.fullmatch(sample):
                expected |= 1 << bit
        actual = automaton.run(sample)
        if actual != expected:
            raise SystemExit(f"automaton mismatch for {region} on {sample!r}: {actual:x} != {expected:x}")
    return len(samples)


def region_line(calling_code: int, region: str, metadata, automaton) -> str:
    general = metadata.general_desc
    if metadata.leading_digits is not None and metadata.leading_digits == "":
        raise SystemExit(f"{region}: empty leading digits pattern is not supported")
    masks = []
    for name in DESCRIPTIONS:
        desc = getattr(metadata, name)
        masks.append(f"{length_mask(desc.possible_length if desc is not None else ()):x}")
    fields = [
        "R",
        region,
        str(calling_code),
        field(metadata.international_prefix),
        field(metadata.national_prefix),
        field(metadata.national_prefix_for_parsing),
        field(metadata.national_prefix_transform_rule),
        "1" if metadata.same_mobile_and_fixed_line_pattern else "0",
        field(metadata.leading_digits),
        ",".join(str(length) for length in general.possible_length),
        ",".join(str(length) for length in general.possible_length_local_only),
        ",".join(masks),
        automaton.encode(),
    ]
    return "\t".join(fields)


def build_table() -> tuple[str, dict]:
    rng = random.Random(20240601)
    lines = [
        f"herald-numbering-metadata\t{FORMAT_VERSION}",
        f"source\tphonenumbers {phonenumbers.__version__} (libphonenumber metadata, Apache-2.0)",
        "descriptions\t" + ",".join(DESCRIPTIONS),
    ]
    stats = {"regions": 0, "states": 0, "verified": 0, "calling_codes": 0}
    for calling_code in sorted(COUNTRY_CODE_TO_REGION_CODE):
        stats["calling_codes"] += 1
        for region in COUNTRY_CODE_TO_REGION_CODE[calling_code]:
            metadata = metadata_for(calling_code, region)
            if metadata is None:
                raise SystemExit(f"no metadata for {region} (+{calling_code})")
            automaton = digit_regex.compile_patterns(patterns_of(metadata))
            stats["verified"] += verify(region, metadata, automaton, rng)
            stats["regions"] += 1
            stats["states"] += len(automaton.accept)
            lines.append(region_line(calling_code, region, metadata, automaton))
    return "\n".join(lines) + "\n", stats


def swift_source(table: str) -> str:
    return (
        "// GENERATED by scripts/numbering/generate_metadata.py -- do not edit by hand.\n"
        "//\n"
        f"// Derived from the libphonenumber metadata in phonenumbers {phonenumbers.__version__}:\n"
        "// Copyright (C) 2009-2026 The Libphonenumber Authors.\n"
        "// Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).\n"
        "// Modified by Herald: number-type patterns compiled into digit automata and the fields\n"
        "// Herald uses re-encoded as text. Format and refresh: docs/numbering.md.\n"
        "\n"
        "extension EmbeddedData {\n"
        "    /// The numbering metadata table (UTF-8 text, one region per line).\n"
        "    static let numberingMetadata: StaticString = #\"\"\"\n"
        + table +
        "\"\"\"#\n"
        "}\n"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed file differs")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    arguments = parser.parse_args()

    table, stats = build_table()
    source = swift_source(table)
    print(
        f"{stats['calling_codes']} calling codes, {stats['regions']} region entries, "
        f"{stats['states']} automaton states, {stats['verified']} samples verified against re, "
        f"{len(table)} bytes",
        file=sys.stderr,
    )
    if arguments.check:
        current = arguments.output.read_text(encoding="utf-8") if arguments.output.exists() else ""
        if current != source:
            print(f"{arguments.output} is stale; run {Path(__file__).name}", file=sys.stderr)
            return 1
        return 0
    arguments.output.parent.mkdir(parents=True, exist_ok=True)
    arguments.output.write_text(source, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
