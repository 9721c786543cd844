#!/usr/bin/env python3
"""Generate Herald's number-prefix -> mobile network table.

Two open data sets are joined:

* libphonenumber's carrier mapping, as shipped in the Python package ``phonenumbers``
  (``phonenumbers.carrierdata``, Apache-2.0): number prefix (calling code + national
  digits) -> name of the network the range was originally allocated to, in English;
* the GNOME mobile-broadband-provider-info database
  (``/usr/share/mobile-broadband-provider-info/serviceproviders.xml`` from the Debian
  package ``mobile-broadband-provider-info``, public domain): per country, provider names
  with their GSM network ids (MCC + MNC).

Carrier names are matched to providers of the prefix's country by normalised name (see
``match_provider``); the provider's first listed network id is taken as the MCC/MNC.
Prefixes whose name finds no provider keep the name without MCC/MNC.

The result is written to ``Sources/Numbering/Network/EmbeddedNetworkData.swift`` as a raw
string literal (format in docs/numbering.md), and a coverage summary is printed.

Usage (from the repository root):

    apt-get install -y mobile-broadband-provider-info   # once
    python3 scripts/numbering/generate_network_data.py [--check] [--report FILE]
"""

from __future__ import annotations

import argparse
import collections
import re
import sys
import unicodedata
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import phonenumbers
from phonenumbers import PhoneMetadata
from phonenumbers.carrierdata import CARRIER_DATA
from phonenumbers.phonenumberutil import COUNTRY_CODE_TO_REGION_CODE

FORMAT_VERSION = 1
REPO_ROOT = Path(__file__).resolve().parents[2]
OUTPUT = REPO_ROOT / "Sources/Numbering/Network/EmbeddedNetworkData.swift"
PROVIDERS = Path("/usr/share/mobile-broadband-provider-info/serviceproviders.xml")

# Words that say what kind of company it is rather than which one.
GENERIC_WORDS = {
    "mobile", "mobil", "movil", "movel", "mobilfunk", "cellular", "cell", "wireless", "gsm", "telecom",
    "telecoms", "telekom", "telecommunication", "telecommunications", "telecomunicacoes", "telecomunicaciones",
    "communications", "communication", "comms", "networks", "network", "net", "ltd", "limited", "plc", "inc",
    "llc", "sa", "sas", "ag", "gmbh", "bv", "nv", "ab", "as", "asa", "oy", "spa", "srl", "co", "company",
    "corp", "corporation", "group", "holdings", "the", "de", "of", "and", "prepaid", "postpaid", "internet",
    "data", "3g", "4g", "5g", "lte", "mms", "wap", "services", "service", "operator", "telephone", "phone",
    "tel", "international", "s", "a",
}

# Carrier names that the automatic matching cannot pair with a provider of
# mobile-broadband-provider-info, because the company was renamed or merged. Each maps
# (region, carrier name) to the provider's name there and, where the provider lists several
# networks, the network id that the carrier's ranges belong to (it must be one of the
# provider's ids: MCC/MNC values always come from mobile-broadband-provider-info).
ALIASES = {
    ("AD", "Andorra Telecom"): ("Andorra Telecom (Mobiland)", None),
    ("BR", "Telemig Celular"): ("Vivo", ("724", "23")),
    ("CL", "Compania De Telecomunicaciones De Chile S.A."): ("Movistar", None),
    ("EC", "Claro"): ("Porta 3G", None),
    ("EE", "Telia Eesti AS"): ("EMT", None),
    ("EG", "Orange"): ("MobiNil", None),
    ("GB", "Orange"): ("EE", ("234", "33")),
    ("GB", "Three"): ("3", None),
    ("GE", "Silknet"): ("Geocell", None),
    ("GR", "Nova"): ("Wind", None),
    ("GT", "Telgua"): ("Claro", None),
    ("GY", "GTT"): ("GT&T Cellink Plus", None),
    ("HK", "Hutchison Telecom"): ("3", None),
    ("IL", "Rami Levy"): ("Rami Levi", None),
    ("NL", "Vodafone Libertel B.V."): ("Vodafone", None),
    ("HU", "One"): ("Vodafone", None),
    ("KR", "SKTellink"): ("SK Telecom", None),
    ("LT", "Tele 2"): ("TELE2 GPRS", None),
    ("LT", "Telia"): ("Omnitel (contract)", None),
    ("MA", "Inwi"): ("WANA", None),
    ("MA", "Maroc Telecom"): ("Ittissalat Al Maghrib (IAM)", None),
    ("MA", "Orange"): ("Medi Telecom", None),
    ("NG", "9mobile"): ("Etisalat", None),
    ("NO", "telia"): ("Netcom", None),
    ("PE", "Entel"): ("Nextel", None),
    ("PK", "Jazz"): ("Mobilink", None),
    ("PT", "NOS"): ("Optimus", None),
    ("RU", "T2"): ("Tele2", None),
    ("SE", "TeliaSonera"): ("Telia", None),
    ("TR", "Turk Telekom"): ("Avea", None),
    ("TW", "FarEasTone"): ("Far EasTone / KGT", None),
    ("UZ", "MobiUZ"): ("UMS", None),
}

def tokens(name: str) -> list[str]:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(char for char in text if not unicodedata.combining(char)).lower()
    text = re.sub(r"\(.*?\)", " ", text) + " " + " ".join(re.findall(r"\((.*?)\)", text))
    text = text.replace("&", " and ").replace("+", " plus ")
    return [token for token in re.split(r"[^a-z0-9]+", text) if token]


def keys(name: str) -> tuple[str, frozenset]:
    """(all letters and digits, significant words) of a name."""
    words = tokens(name)
    return "".join(words), frozenset(word for word in words if word not in GENERIC_WORDS)


# Native country names that appear in carrier names ("Tele2 Sverige", "3 Italia").
NATIVE_COUNTRY_WORDS = {
    "italia", "sverige", "norge", "danmark", "suomi", "deutschland", "espana", "polska", "srbija",
    "cesko", "slovensko", "hrvatska", "magyarorszag", "osterreich", "schweiz", "suisse", "belgique",
    "nederland", "eesti", "latvija", "lietuva", "ellas", "turkiye", "romania", "brasil", "mexico",
}


def load_providers() -> tuple[dict[str, list[dict]], dict[str, frozenset]]:
    """Country (upper-case ISO code) -> providers with names and network ids, and the words
    that name each country."""
    root = ElementTree.parse(PROVIDERS).getroot()
    countries: dict[str, list[dict]] = collections.defaultdict(list)
    country_words: dict[str, frozenset] = {}
    for country in root.findall("country"):
        code = country.get("code", "").upper()
        country_words[code] = frozenset(tokens(country.findtext("name") or "")) | {code.lower()} | NATIVE_COUNTRY_WORDS
        for provider in country.findall("provider"):
            ids = []
            for network in provider.findall("gsm/network-id"):
                pair = (network.get("mcc"), network.get("mnc"))
                if pair[0] and pair[1] and pair not in ids:
                    ids.append(pair)
            names = [name.text.strip() for name in provider.findall("name") if name.text]
            if ids and names:
                countries[code].append({"names": names, "ids": ids})
    return countries, country_words


def match_provider(name: str, providers: list[dict], country_words: frozenset = frozenset()):
    """Best provider for a carrier name, or None.

    Scores: 3 = same letters and digits ignoring spacing and punctuation ("E-Plus" = "Eplus"),
    2 = same significant words (generic words such as "Mobile", "Telecom", "Ltd" removed),
    1 = leaving out words that name the country, the carrier's significant words are all in
    the provider's name ("Claro" ~ "Claro Chile", "MTN Cameroon" ~ "MTN", "T-Mobile AT" ~
    "T-Mobile"; but not "Tanzania Telecom" ~ "Airtel Tanzania"). Provider names in
    non-Latin scripts are ignored. Ties between providers with different network ids are
    rejected as ambiguous.
    """
    compact, significant = keys(name)
    distinctive = significant - country_words
    best_score = 0
    best: list[dict] = []
    for provider in providers:
        score = 0
        for provider_name in provider["names"]:
            if any(char.isalpha() and ord(char) > 0x24F for char in provider_name):
                continue
            other_compact, other_significant = keys(provider_name)
            other_distinctive = other_significant - country_words
            if compact and compact == other_compact:
                score = max(score, 3)
            elif significant and significant == other_significant:
                score = max(score, 2)
            elif distinctive and distinctive <= other_distinctive:
                score = max(score, 1)
        if score > best_score:
            best_score, best = score, [provider]
        elif score == best_score and score > 0:
            best.append(provider)
    if not best:
        return None
    primaries = {provider["ids"][0] for provider in best}
    if len(primaries) != 1:
        return None
    return best[0]


def alias_ids(key: tuple[str, str], providers: list[dict]) -> tuple[str, str]:
    provider_name, network = ALIASES[key]
    for provider in providers:
        if provider_name in provider["names"]:
            if network is None:
                return provider["ids"][0]
            if network in provider["ids"]:
                return network
            raise SystemExit(f"alias {key}: {network} is not a network of {provider_name}")
    raise SystemExit(f"alias {key}: no provider {provider_name!r} in {key[0]}")


def region_of(prefix: str) -> str | None:
    """The region of a carrier prefix (calling code + national digits)."""
    for length in (1, 2, 3):
        code = int(prefix[:length])
        if code in COUNTRY_CODE_TO_REGION_CODE:
            regions = COUNTRY_CODE_TO_REGION_CODE[code]
            if len(regions) == 1:
                return regions[0]
            national = prefix[length:]
            for filler in "05":
                for extra in range(0, 12):
                    try:
                        number = phonenumbers.parse("+" + str(code) + national + filler * extra, None)
                    except phonenumbers.NumberParseException:
                        continue
                    region = phonenumbers.region_code_for_number(number)
                    if region is not None:
                        return region
            return regions[0]
    return None


def build():
    providers, country_words = load_providers()
    networks: list[tuple[str, str, str]] = []       # (name, mcc, mnc)
    network_index: dict[tuple[str, str, str], int] = {}
    entries: list[tuple[str, int]] = []
    stats = collections.Counter()
    unmatched_names = collections.Counter()
    cache: dict[tuple[str, str], tuple[str, str]] = {}
    for prefix in sorted(CARRIER_DATA):
        names = CARRIER_DATA[prefix]
        # English name; the few prefixes without one have a name in another language only.
        name = names.get("en") or next(iter(sorted(names.values())), None)
        if not name:
            continue
        region = region_of(prefix)
        stats["prefixes"] += 1
        key = (region or "", name)
        if key not in cache:
            ids = ("", "")
            if key in ALIASES:
                ids = alias_ids(key, providers.get(region or "", []))
            for part in [name] + [piece.strip() for piece in name.split("/") if piece.strip()]:
                if ids[0]:
                    break
                provider = match_provider(part, providers.get(region or "", []), country_words.get(region or "", frozenset()))
                if provider is not None:
                    ids = provider["ids"][0]
                    break
            cache[key] = ids
            stats["names"] += 1
            if ids[0]:
                stats["names matched"] += 1
        mcc, mnc = cache[key]
        if mcc:
            stats["prefixes with mcc/mnc"] += 1
        else:
            unmatched_names[key] += 1
        network = (name, mcc, mnc)
        if network not in network_index:
            network_index[network] = len(networks)
            networks.append(network)
        entries.append((prefix, network_index[network]))
    return networks, entries, stats, unmatched_names


def table_text(networks, entries) -> str:
    lines = [
        f"herald-network-data\t{FORMAT_VERSION}",
        f"source\tphonenumbers {phonenumbers.__version__} carrier data (Apache-2.0); "
        "mobile-broadband-provider-info serviceproviders.xml (public domain)",
    ]
    for name, mcc, mnc in networks:
        if "\t" in name or "\n" in name or '"""#' in name:
            raise SystemExit(f"cannot embed carrier name {name!r}")
        lines.append(f"N\t{mcc}\t{mnc}\t{name}")
    # Prefixes as "P<TAB>network<TAB>prefix,prefix,..." runs grouped by network to keep it small.
    by_network = collections.defaultdict(list)
    for prefix, index in entries:
        by_network[index].append(prefix)
    for index in sorted(by_network):
        lines.append(f"P\t{index}\t" + ",".join(by_network[index]))
    return "\n".join(lines) + "\n"


def swift_source(table: str) -> str:
    return (
        "// GENERATED by scripts/numbering/generate_network_data.py -- do not edit by hand.\n"
        "//\n"
        f"// Derived from the libphonenumber carrier data in phonenumbers {phonenumbers.__version__}:\n"
        "// Copyright (C) 2009-2026 The Libphonenumber Authors.\n"
        "// Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).\n"
        "// Modified by Herald: joined with the MCC/MNC list of mobile-broadband-provider-info\n"
        "// (GNOME project, public domain) and re-encoded as text. Format and refresh: docs/numbering.md.\n"
        "\n"
        "extension EmbeddedData {\n"
        "    /// Number prefix to originally allocated mobile network (UTF-8 text).\n"
        "    static let networkPrefixes: StaticString = #\"\"\"\n"
        + table +
        "\"\"\"#\n"
        "}\n"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed file differs")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--report", type=Path, help="write the unmatched carrier names here")
    arguments = parser.parse_args()
    if not PROVIDERS.exists():
        print(f"{PROVIDERS} is missing: apt-get install -y mobile-broadband-provider-info", file=sys.stderr)
        return 2

    networks, entries, stats, unmatched = build()
    source = swift_source(table_text(networks, entries))
    covered = stats["prefixes with mcc/mnc"]
    print(
        f"{stats['prefixes']} carrier prefixes, {covered} with MCC/MNC "
        f"({100.0 * covered / max(1, stats['prefixes']):.1f}%); {stats['names']} (region, name) pairs, "
        f"{stats['names matched']} matched to a provider; {len(networks)} network entries",
        file=sys.stderr,
    )
    if arguments.report:
        with open(arguments.report, "w", encoding="utf-8") as report:
            for (region, name), count in unmatched.most_common():
                report.write(f"{count}\t{region}\t{name}\n")
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
