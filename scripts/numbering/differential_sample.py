#!/usr/bin/env python3
"""Make the sample and the expected answers for Herald's numbering differential test.

Generates a deterministic (seeded) sample of phone-number inputs covering every region and
non-geographic calling code of libphonenumber's metadata -- example numbers as they are,
with digits changed, inserted or removed, random digit strings, in E.164, international,
national, IDD (00/011/...) and "calling code without plus" forms, with assorted separators,
other scripts' digits, and garbage -- and answers each one with the Python package
``phonenumbers`` (libphonenumber's Python port), the reference the Swift module is compared to.

Herald's lexical policy is stricter than libphonenumber's (no letters, extensions or text
around the number; see Sources/Numbering/Parsing/InputScanner.swift). Inputs outside that
policy are answered ``invalid_character`` here, and counted as ``policy`` in the summary.

Output: one tab-separated line per sample:

    input_hex  default_region(or -)  outcome  e164  region  valid(0/1)  type

``input_hex`` is the UTF-8 input in hex; ``outcome`` is ``ok`` or an error code shared with
NumberParseError (not_a_number, invalid_country_code, missing_region, too_short_after_idd,
too_short, too_long, invalid_character). The last three columns are empty for errors.

Usage: differential_sample.py [--seed N] [--count N] [--output FILE]
"""

from __future__ import annotations

import argparse
import random
import sys
import unicodedata

import phonenumbers
from phonenumbers import NumberParseException, PhoneMetadata, PhoneNumberFormat, PhoneNumberType
from phonenumbers import re_util
from phonenumbers.phonenumberutil import COUNTRY_CODE_TO_REGION_CODE, SUPPORTED_REGIONS

TYPE_NAMES = {
    PhoneNumberType.FIXED_LINE: "fixed_line",
    PhoneNumberType.MOBILE: "mobile",
    PhoneNumberType.FIXED_LINE_OR_MOBILE: "fixed_line_or_mobile",
    PhoneNumberType.TOLL_FREE: "toll_free",
    PhoneNumberType.PREMIUM_RATE: "premium_rate",
    PhoneNumberType.SHARED_COST: "shared_cost",
    PhoneNumberType.VOIP: "voip",
    PhoneNumberType.PERSONAL_NUMBER: "personal_number",
    PhoneNumberType.PAGER: "pager",
    PhoneNumberType.UAN: "uan",
    PhoneNumberType.VOICEMAIL: "voicemail",
    PhoneNumberType.UNKNOWN: "unknown",
}
DESCRIPTIONS = ["fixed_line", "mobile", "toll_free", "premium_rate", "shared_cost", "personal_number",
                "voip", "pager", "uan", "voicemail", "general_desc"]

# Herald's lexical policy (mirrors InputScanner.swift).
SEPARATORS = set(" -./()[]\u00a0\u00ad\u200b\u2060\u2053\u223c\u2212\u3000\u30fc"
                 "\uff08\uff09\uff0d\uff0e\uff0f\uff3b\uff3d") | {chr(c) for c in range(0x2010, 0x2016)}
PLUS_SIGNS = {"+", "\uff0b"}
WHITE_SPACE = set("\t\n\x0b\x0c\r \x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000") | {chr(c) for c in range(0x2000, 0x200b)}
MAX_INPUT = 250

DIGIT_SCRIPTS = [0xFF10, 0x0660, 0x06F0, 0x0966, 0x09E6, 0x0E50]  # full-width, Arabic-Indic, Persian, Devanagari, Bengali, Thai
SEPARATOR_CHOICES = [" ", " ", " ", "-", "-", ".", "/", "\u00a0", "\u2013", "\uff0d", "\u3000"]


def is_digit(char: str) -> bool:
    return unicodedata.category(char) == "Nd"


def policy_outcome(text: str) -> str | None:
    """The error Herald's lexical policy gives where libphonenumber would read more, else None."""
    if len(text) > MAX_INPUT:
        return None
    started = False
    pending_space = False
    for char in text:
        if is_digit(char) or (char == "\u30fc" and started):
            if pending_space:
                return "invalid_character"
            started = True
        elif char in PLUS_SIGNS:
            started = True
        elif char in SEPARATORS:
            pass
        elif char in WHITE_SPACE:
            if started:
                pending_space = True
        else:
            return "invalid_character"
    return None


def reference(text: str, region: str | None):
    """libphonenumber's answer: (outcome, e164, region, valid, type)."""
    policy = policy_outcome(text)
    if policy is not None:
        return (policy, "", "", "", ""), True
    try:
        number = phonenumbers.parse(text, region)
    except NumberParseException as error:
        kind = {
            NumberParseException.NOT_A_NUMBER: "not_a_number",
            NumberParseException.INVALID_COUNTRY_CODE: "invalid_country_code",
            NumberParseException.TOO_SHORT_AFTER_IDD: "too_short_after_idd",
            NumberParseException.TOO_SHORT_NSN: "too_short",
            NumberParseException.TOO_LONG: "too_long",
        }[error.error_type]
        if kind == "invalid_country_code" and "default region" in str(error):
            kind = "missing_region"
        return (kind, "", "", "", ""), False
    e164 = phonenumbers.format_number(number, PhoneNumberFormat.E164)
    owner = phonenumbers.region_code_for_number(number)
    if owner is None:
        owner = phonenumbers.region_code_for_country_code(number.country_code)
    valid = "1" if phonenumbers.is_valid_number(number) else "0"
    kind = TYPE_NAMES[phonenumbers.number_type(number)]
    return ("ok", e164, owner, valid, kind), False


class Generator:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.entities = []  # (calling code, region, metadata, [example national numbers])
        for calling_code in sorted(COUNTRY_CODE_TO_REGION_CODE):
            for region in COUNTRY_CODE_TO_REGION_CODE[calling_code]:
                if region == "001":
                    metadata = PhoneMetadata.metadata_for_nongeo_region(calling_code)
                else:
                    metadata = PhoneMetadata.metadata_for_region(region)
                examples = []
                for name in DESCRIPTIONS:
                    desc = getattr(metadata, name)
                    if desc is not None and desc.example_number:
                        examples.append(desc.example_number)
                if not examples:
                    examples = ["1234567"]
                self.entities.append((calling_code, region, metadata, examples))
        self.regions = sorted(SUPPORTED_REGIONS)
        self.idd_regions = []  # (region, literal international prefix)
        for region in self.regions:
            metadata = PhoneMetadata.metadata_for_region(region)
            prefix = metadata.preferred_international_prefix or metadata.international_prefix
            if prefix and prefix.isdigit():
                self.idd_regions.append((region, prefix))

    # --- digits -----------------------------------------------------------

    def national_digits(self, examples: list[str]) -> str:
        rng = self.rng
        digits = rng.choice(examples)
        roll = rng.random()
        if roll < 0.40:
            return digits
        if roll < 0.62:
            chars = list(digits)
            for _ in range(rng.randint(1, 2)):
                chars[rng.randrange(len(chars))] = str(rng.randrange(10))
            return "".join(chars)
        if roll < 0.74:
            chars = list(digits)
            if rng.random() < 0.5 or len(chars) < 3:
                chars.insert(rng.randrange(len(chars) + 1), str(rng.randrange(10)))
            else:
                del chars[rng.randrange(len(chars))]
            return "".join(chars)
        if roll < 0.82:
            return digits[: rng.randint(1, max(1, len(digits) - 1))]
        if roll < 0.90:
            return digits + "".join(str(rng.randrange(10)) for _ in range(rng.randint(1, 8)))
        return "".join(str(rng.randrange(10)) for _ in range(rng.randint(1, 19)))

    def group(self, digits: str) -> str:
        """Split digits into groups joined by one separator style."""
        rng = self.rng
        if len(digits) < 4 or rng.random() < 0.25:
            return digits
        separator = rng.choice(SEPARATOR_CHOICES)
        parts = []
        rest = digits
        while rest:
            size = rng.randint(2, 4)
            parts.append(rest[:size])
            rest = rest[size:]
        if rng.random() < 0.2 and len(parts) > 1:
            parts[0] = "(" + parts[0] + ")"
        return separator.join(parts)

    # --- forms ------------------------------------------------------------

    def sample(self) -> tuple[str, str | None]:
        rng = self.rng
        if rng.random() < 0.10:
            return self.garbage()
        calling_code, region, metadata, examples = rng.choice(self.entities)
        national = self.national_digits(examples)
        geographic = region != "001"
        roll = rng.random()
        if roll < 0.22:  # E.164-like
            return "+" + str(calling_code) + national, self.any_region(region, allow_none=True)
        if roll < 0.40:  # international, grouped
            text = "+" + str(calling_code) + rng.choice([" ", "-", " (0) ", ""]) * 1 + self.group(national)
            if rng.random() < 0.3:
                text = self.formatted(calling_code, national, PhoneNumberFormat.INTERNATIONAL) or text
            return text, self.any_region(region, allow_none=True)
        if roll < 0.70 and geographic:  # national, with the trunk prefix where the region has one
            if rng.random() < 0.5:
                formatted = self.formatted(calling_code, national, PhoneNumberFormat.NATIONAL)
                if formatted:
                    return formatted, region
            prefix = metadata.national_prefix or ""
            if rng.random() < 0.15:
                prefix = ""
            return prefix + self.group(national), region
        if roll < 0.85:  # dialled from another country with its international prefix
            origin, idd = rng.choice(self.idd_regions)
            return idd + rng.choice(["", " ", "-"]) + str(calling_code) + " " + self.group(national), origin
        if roll < 0.93 and geographic:  # calling code without plus, with the number's region
            return str(calling_code) + self.group(national), region
        # national digits read with an unrelated region
        return self.group(national), rng.choice(self.regions)

    def formatted(self, calling_code: int, national: str, style) -> str | None:
        try:
            number = phonenumbers.parse("+" + str(calling_code) + national, None)
        except NumberParseException:
            return None
        return phonenumbers.format_number(number, style)

    def any_region(self, region: str, allow_none: bool) -> str | None:
        rng = self.rng
        roll = rng.random()
        if allow_none and roll < 0.5:
            return None
        if roll < 0.8 and region != "001":
            return region
        return rng.choice(self.regions)

    def garbage(self) -> tuple[str, str | None]:
        rng = self.rng
        calling_code, region, metadata, examples = rng.choice(self.entities)
        valid = "+" + str(calling_code) + " " + self.group(rng.choice(examples))
        region_hint = None if rng.random() < 0.5 else rng.choice(self.regions)
        kind = rng.randrange(16)
        if kind == 0:
            return "", region_hint
        if kind == 1:
            return rng.choice([" ", "\t", "  \n", "\u3000"]), region_hint
        if kind == 2:
            return "".join(rng.choice("-./() []") for _ in range(rng.randint(1, 6))), region_hint
        if kind == 3:  # letters somewhere
            position = rng.randrange(len(valid) + 1)
            letters = "".join(rng.choice("abcxyzABCXYZ") for _ in range(rng.randint(1, 4)))
            return valid[:position] + letters + valid[position:], region_hint
        if kind == 4:
            return rng.choice(["tel:", "Tel: ", "phone "]) + valid, region_hint
        if kind == 5:  # other symbols
            position = rng.randrange(len(valid) + 1)
            return valid[:position] + rng.choice("*#,;:!?_~=@&%$€") + valid[position:], region_hint
        if kind == 6:  # plus in the middle or doubled
            if rng.random() < 0.5:
                position = rng.randrange(2, len(valid) + 1)
                return valid[:position] + "+" + valid[position:], region_hint
            return "+" + valid, region_hint
        if kind == 7:  # far too long
            return "+" + "".join(str(rng.randrange(10)) for _ in range(rng.randint(18, 40))), region_hint
        if kind == 8:  # longer than any input
            return "+49 " + "1" * rng.randint(250, 300), region_hint
        if kind == 9:  # one to three digits
            text = "".join(str(rng.randrange(10)) for _ in range(rng.randint(1, 3)))
            return rng.choice(["", "+", "(", "0"]) + text, rng.choice(self.regions)
        if kind == 10:  # other scripts' digits
            base = rng.choice(DIGIT_SCRIPTS)
            converted = "".join(chr(base + int(c)) if c.isdigit() and rng.random() < 0.8 else c for c in valid)
            return converted.replace("+", rng.choice(["+", "\uff0b"])), region_hint
        if kind == 11:  # white space around and inside
            inside = rng.random() < 0.4
            text = valid
            if inside:
                position = rng.randrange(2, len(valid))
                text = valid[:position] + rng.choice(["\t", "\n", "\u2003"]) + valid[position:]
            return rng.choice([" ", "\t", "\n", " \r\n"]) + text + rng.choice(["", " ", "\n", "\t"]), region_hint
        if kind == 12:  # calling codes that do not exist or start with zero
            return "+" + rng.choice(["0", "999", "28", "80", "0049", "000"]) + " " + self.group(rng.choice(examples)), region_hint
        if kind == 13:  # international prefix followed by too little
            origin, idd = rng.choice(self.idd_regions)
            return idd + "".join(str(rng.randrange(10)) for _ in range(rng.randint(0, 3))), origin
        if kind == 14:  # national number without region
            return self.group(rng.choice(examples)), None
        return "".join(rng.choice("0123456789 +-") for _ in range(rng.randint(1, 25))), region_hint


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--output", default="-")
    arguments = parser.parse_args()

    re_util.enable_pattern_cache()
    generator = Generator(arguments.seed)
    output = sys.stdout if arguments.output == "-" else open(arguments.output, "w", encoding="utf-8")
    policy_count = 0
    with output:
        for _ in range(arguments.count):
            text, region = generator.sample()
            answer, by_policy = reference(text, region)
            policy_count += by_policy
            output.write("\t".join([text.encode("utf-8").hex(), region or "-", *answer]) + "\n")
    print(f"{arguments.count} samples (seed {arguments.seed}), {policy_count} decided by Herald's lexical policy, "
          f"phonenumbers {phonenumbers.__version__}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
