"""How fast titles are matched and understood, how fast a release loads, and how accurate
matching is on reported titles held out of the shipped copy (docs/occupations.md)."""

import random
import statistics
import time

from django.db import transaction

from .loading import load_shipped
from .matching import forget_index, match_title, title_index
from .release import read_held_out


class _RolledBack(Exception):
    pass


def time_load() -> dict[str, float]:
    """Seconds to load the shipped release into the tables (rolled back) and to build the
    matching index from them."""
    started = time.perf_counter()
    try:
        with transaction.atomic():
            load_shipped()
            loaded = time.perf_counter() - started
            raise _RolledBack
    except _RolledBack:
        pass
    forget_index()
    started = time.perf_counter()
    title_index()
    built = time.perf_counter() - started
    return {"load_seconds": round(loaded, 2), "index_seconds": round(built, 2)}


def time_matching(titles: int = 500, seed: int = 2026) -> float:
    """Median milliseconds to match one title (held-out titles, so none is a cache hit)."""
    title_index()
    sample = random.Random(seed).sample(read_held_out(), titles)
    timings = []
    for _code, title in sample:
        started = time.perf_counter()
        match_title(title)
        timings.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(timings), 2)


def accuracy() -> dict[str, float | int]:
    """Top-1 and top-5 accuracy on the held-out reported titles: the exact O*NET-SOC code,
    and the same 6-digit SOC family ("15-1255")."""
    held_out = read_held_out()
    hits = {"top1": 0, "top5": 0, "family_top1": 0, "family_top5": 0, "none": 0}
    for code, title in held_out:
        found = [match.code for match in match_title(title, 5)]
        if not found:
            hits["none"] += 1
            continue
        hits["top1"] += found[0] == code
        hits["top5"] += code in found
        hits["family_top1"] += found[0][:7] == code[:7]
        hits["family_top5"] += code[:7] in {other[:7] for other in found}
    total = len(held_out)
    return {"titles": total, **{key: round(value / total, 3) for key, value in hits.items()}}
