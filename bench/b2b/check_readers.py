"""Check the .dzn reader against instances.csv on every public file.

The benchmark's verdicts are only as good as the reader, so this recomputes every statistic of
instances.csv (counts of participants, meetings, slots, tables, session codes, real forbidden
pairs, fixed meetings, precedence pairs, degrees, duplicates, sha256) from what `instance.py`
read, and cross-checks the redundant fields of the file (`meetingsxBusiness` with its +1 shift,
`nMeetingsBusiness`) against `requested`. It also confirms the fairness reduction the checker
relies on: every file has a participant that can never have a break (<= 1 meeting), so
|H(p) - H(q)| <= d is the same as max H(p) <= d.

Usage: python check_readers.py [INSTANCES_DIR]   (exit 1 on any mismatch)
"""

from __future__ import annotations

import csv
import hashlib
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import instance  # noqa: E402


def stats(path: Path) -> dict[str, str]:
    inst = instance.read_dzn(path)
    raw = instance.parse_dzn(path.read_text())
    deg = [len(ms) for ms in inst.meetings_of()]
    morning = raw["nMorningSlots"]
    codes = Counter(row[2] for row in raw["requested"])
    pairs = Counter(frozenset((m.a, m.b)) for m in inst.meetings)
    # Redundant fields must agree with `requested` (meetingsxBusiness is shifted by +1, 1 = none).
    for p, ms in enumerate(inst.meetings_of()):
        assert set(raw["meetingsxBusiness"][p]) == {1} | {m + 2 for m in ms}, (path, p)
        assert raw["nMeetingsBusiness"][p] == len(ms), (path, p)
    assert min(deg) <= 1, f"{path}: no participant with <= 1 meeting; fairness reduction fails"
    return {
        "participants": str(len(inst.participants)),
        "meetings": str(len(inst.meetings)),
        "time_slots": str(inst.slots),
        "locations": str(inst.tables[0]),
        "morning_slots": str(morning),
        "meetings_am_only": str(codes[1]),
        "meetings_pm_only": str(codes[2]),
        "meetings_any_session": str(codes[3]),
        "real_forbidden_pairs": str(sum(len(p.forbidden) for p in inst.participants)),
        "fixed_meetings": str(sum(m.fixed is not None for m in inst.meetings)),
        "precedence_pairs": str(sum(len(m.after) for m in inst.meetings)),
        "max_meetings_per_participant": str(max(deg)),
        "participants_without_meetings": str(deg.count(0)),
        "duplicate_pair_meetings": str(sum(c - 1 for c in pairs.values() if c > 1)),
        "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
    }


def main() -> int:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[3] / "shared/bench/b2bsp"
    bad = 0
    with open(root / "instances.csv") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        got = stats(root / "instances" / row["file"])
        diff = {k: (row[k], v) for k, v in got.items() if row[k] != v}
        if diff:
            bad += 1
            print(f"MISMATCH {row['file']}: {diff}")
    files = sorted(p.name for p in (root / "instances").glob("*.dzn"))
    if files != sorted(r["file"] for r in rows):
        bad += 1
        print("MISMATCH: instances/ and instances.csv list different files")
    print(f"{len(rows)} files checked, {bad} mismatches")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
