"""CPU seconds used so far by processes and all their descendants, living or reaped (Linux)."""

import contextlib
import os
import sys

TICKS = os.sysconf("SC_CLK_TCK")


def stat(pid: int) -> list[str]:
    with open(f"/proc/{pid}/stat") as handle:
        return handle.read().rsplit(")", 1)[1].split()


def children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            with contextlib.suppress(OSError):
                tree.setdefault(int(stat(int(name))[1]), []).append(int(name))
    return tree


def cpu_seconds(pid: int, tree: dict[int, list[int]]) -> float:
    """utime + stime, plus cutime + cstime (reaped children), plus living children."""
    try:
        fields = stat(pid)
    except OSError:
        return 0.0
    own = sum(int(value) for value in fields[11:15]) / TICKS
    return own + sum(cpu_seconds(child, tree) for child in tree.get(pid, []))


if __name__ == "__main__":
    tree = children()
    print(" ".join(f"{cpu_seconds(int(pid), tree):.2f}" for pid in sys.argv[1:]))
