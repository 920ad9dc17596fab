"""Organisation names folded to one key, so "Contoso", "Contoso, Ltd." and "contoso ltd" meet."""

import re

from careerscout.lib.text import fold

LEGAL_SUFFIXES = {
    "ab",
    "ag",
    "as",
    "asa",
    "bv",
    "co",
    "company",
    "corp",
    "corporation",
    "gmbh",
    "inc",
    "incorporated",
    "kg",
    "limited",
    "llc",
    "llp",
    "lp",
    "ltd",
    "nv",
    "oy",
    "plc",
    "pty",
    "pvt",
    "sa",
    "sarl",
    "sas",
    "se",
    "spa",
    "srl",
}


def organization_key(name: str) -> str:
    words = re.findall(r"\w+", fold(name).replace("&", " and "))
    if words[:1] == ["the"] and len(words) > 1:
        words = words[1:]
    while len(words) > 1 and words[-1] in LEGAL_SUFFIXES:
        words.pop()
    return " ".join(words)
