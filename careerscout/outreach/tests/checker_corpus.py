"""The checker scored against the labelled corpus in corpus/ (see corpus/README.md).

`python -m careerscout.outreach.tests.checker_corpus` prints the table that docs/checker.md
shows; `--misses` also lists every draft where the checker and the labels disagree.
"""

import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from careerscout.outreach.checker import CODES_BY_KIND, check_draft

CORPUS = Path(__file__).parent / "corpus"
CORPUS_KINDS = ("request", "follow_up", "thank_you", "keep_in_touch", "report_back")


@dataclass(frozen=True)
class LabelledDraft:
    id: str
    kind: str
    subject: str
    body: str
    expected: frozenset[str]


@dataclass(frozen=True)
class Score:
    code: str
    checked: int  # drafts of the kinds this code applies to
    labelled: int
    true_positives: int
    false_positives: int

    @property
    def found(self) -> int:
        return self.true_positives + self.false_positives

    @property
    def precision(self) -> float:
        return self.true_positives / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.labelled if self.labelled else 1.0


def load_corpus() -> list[LabelledDraft]:
    """The drafts the checker was improved against."""
    return [draft for kind in CORPUS_KINDS for draft in load_drafts(f"{kind}.txt", kind)]


def load_held_out() -> list[LabelledDraft]:
    """Drafts written and labelled after the checker was tuned, scored without changing it:
    the honest measure of how it does on text it has not seen."""
    return load_drafts("held_out.txt")


def load_drafts(filename: str, kind: str = "") -> list[LabelledDraft]:
    text = (CORPUS / filename).read_text(encoding="utf-8")
    drafts = []
    for block in text.split("\n=== ")[0:]:
        block = block.removeprefix("=== ")
        head, separator, body = block.partition("\n---\n")
        if not separator:
            raise ValueError(f"{filename}: a draft without a --- line: {block[:40]!r}")
        id_line, *fields = head.split("\n")
        meta = dict(field.partition(":")[::2] for field in fields)
        drafts.append(
            LabelledDraft(
                id=id_line.strip(),
                kind=meta.get("kind", kind).strip(),
                subject=meta["subject"].strip(),
                body=body.rstrip("\n"),
                expected=frozenset(meta["expect"].split()),
            )
        )
    return drafts


def found_codes(draft: LabelledDraft) -> frozenset[str]:
    result = check_draft(draft.kind, draft.subject, draft.body)
    return frozenset(finding.code for finding in result.findings)


def score(drafts: list[LabelledDraft]) -> list[Score]:
    found = {draft.id: found_codes(draft) for draft in drafts}
    codes = sorted({code for codes in CODES_BY_KIND.values() for code in codes})
    scores = []
    for code in codes:
        relevant = [d for d in drafts if code in CODES_BY_KIND[d.kind]]
        scores.append(
            Score(
                code=code,
                checked=len(relevant),
                labelled=sum(code in d.expected for d in relevant),
                true_positives=sum(code in d.expected and code in found[d.id] for d in relevant),
                false_positives=sum(
                    code not in d.expected and code in found[d.id] for d in relevant
                ),
            )
        )
    return scores


def table(drafts: list[LabelledDraft]) -> str:
    kinds = Counter(draft.kind for draft in drafts)
    clean = Counter(draft.kind for draft in drafts if not draft.expected)
    lines = [
        "| kind | drafts | with nothing to fix |",
        "|---|---:|---:|",
        *(f"| `{kind}` | {kinds[kind]} | {clean[kind]} |" for kind in CORPUS_KINDS),
        f"| all | {len(drafts)} | {sum(clean.values())} |",
        "",
        "| code | drafts it applies to | labelled | found | precision | recall |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for s in score(drafts):
        lines.append(
            f"| `{s.code}` | {s.checked} | {s.labelled} | {s.found} | {s.precision:.2f} "
            f"| {s.recall:.2f} |"
        )
    return "\n".join(lines)


def misses(drafts: list[LabelledDraft]) -> str:
    lines = []
    for draft in drafts:
        found = found_codes(draft)
        if found != draft.expected:
            missing = ", ".join(sorted(draft.expected - found)) or "-"
            extra = ", ".join(sorted(found - draft.expected)) or "-"
            lines.append(f"{draft.id}: missed {missing}; wrongly found {extra}")
    return "\n".join(lines) or "No disagreements."


def main(argv: list[str]) -> None:
    import django

    django.setup()
    for title, drafts in (("Corpus", load_corpus()), ("Held out", load_held_out())):
        print(f"## {title}\n\n{table(drafts)}\n")
        if "--misses" in argv:
            print(misses(drafts) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
