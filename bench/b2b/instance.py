"""One Python model of a B2B meeting-scheduling instance, its two readers, and an independent checker.

Every peer in this benchmark (Corridor, CP-SAT, MaxSAT, greedy) is judged by the numbers this module
recomputes from the schedule it returned, never by the numbers it claims. Keeping the reader and the
checker here, apart from every solver model, is what makes a wrong schedule visible as INVALID.

Numbering: everything is 0-based inside the model (participant p, meeting m, slot t); the readers
convert from the 1-based numbering of the files, and `to_file_slot`/`to_file_meeting` convert back.

Semantics (JAIR 2022, Bofill et al.; see shared/bench/b2bsp/README.md):
- a participant's breaks are the maximal idle gaps between two of its meetings; gaps before the
  first and after the last meeting do not count, a gap counts once whatever its length;
- for .dzn files (and JSON with "idle_spans_sessions": true) the gap is counted over the whole day,
  so idle time at the end of the morning followed by an afternoon meeting is a break; with
  "idle_spans_sessions": false an idle stretch that reaches a session boundary is not a break;
- fairness d: no participant has more than d breaks (the paper's |H(p) - H(q)| <= d over all
  participants, which reduces to max H(p) <= d because someone always has H = 0; `check_readers.py`
  confirms that for every public file);
- with require_all every meeting must be scheduled; otherwise the objective is lexicographic:
  maximise the total weight of scheduled meetings, then minimise breaks;
- a precedence "m after q" only binds when both meetings are scheduled (only matters without
  require_all).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Session:
    name: str
    start: int  # first slot, 0-based
    length: int

    @property
    def slots(self) -> range:
        return range(self.start, self.start + self.length)


@dataclass
class Participant:
    id: str
    name: str = ""
    forbidden: frozenset[int] = frozenset()  # 0-based slots the participant cannot meet in


@dataclass
class Meeting:
    id: str
    a: int
    b: int
    weight: int = 1
    session: int | None = None  # index into Instance.sessions; None = any session
    fixed: int | None = None  # 0-based slot the meeting is pinned to
    after: list[int] = field(default_factory=list)  # meetings that must be held strictly before


@dataclass
class Instance:
    name: str
    path: str
    fmt: str  # "dzn" or "json"
    slots: int
    sessions: list[Session]
    tables: list[int]  # tables usable in each slot
    participants: list[Participant]
    meetings: list[Meeting]
    max_breaks: int | None = None
    require_all: bool = False
    idle_spans_sessions: bool = True

    # ---- derived views used by every model -------------------------------------------------

    def session_of(self, t: int) -> int:
        for i, s in enumerate(self.sessions):
            if t in s.slots:
                return i
        raise ValueError(f"slot {t} is in no session")

    def meetings_of(self) -> list[list[int]]:
        """For each participant, the indices of its meetings (a duplicate pair appears twice)."""
        out: list[list[int]] = [[] for _ in self.participants]
        for m, mt in enumerate(self.meetings):
            out[mt.a].append(m)
            out[mt.b].append(m)
        return out

    def allowed_slots(self, m: int) -> list[int]:
        """Slots meeting m may take given session, forbidden slots, fixed slot and table count.

        An empty list means the meeting cannot be held at all (e.g. a fixed slot that contradicts
        the session code, which occurs in two public files that are UNSAT for that reason).
        """
        mt = self.meetings[m]
        if mt.session is not None and not 0 <= mt.session < len(self.sessions):
            return []
        cand = self.sessions[mt.session].slots if mt.session is not None else range(self.slots)
        bad = self.participants[mt.a].forbidden | self.participants[mt.b].forbidden
        out = [t for t in cand if t not in bad and self.tables[t] > 0]
        if mt.fixed is not None:
            out = [t for t in out if t == mt.fixed]
        return out

    def same_break_run(self, t: int) -> bool:
        """Whether slots t-1 and t are adjacent for break counting (not split by a session gap)."""
        return self.idle_spans_sessions or self.session_of(t - 1) == self.session_of(t)

    def size(self) -> str:
        tables = self.tables[0] if len(set(self.tables)) == 1 else f"{min(self.tables)}-{max(self.tables)}"
        return f"{len(self.participants)}/{len(self.meetings)}/{self.slots}/{tables}"


# ---- .dzn reader -------------------------------------------------------------------------------

_NUM_OR_SET = re.compile(r"\{[^}]*\}|-?\d+")


def _parse_set(text: str) -> list[int]:
    """A MiniZinc set literal `{1,2,5..7}` (or `{}`) as a list of ints."""
    out: list[int] = []
    for part in text.strip().strip("{}").split(","):
        part = part.strip()
        if not part:
            continue
        if ".." in part:
            lo, hi = part.split("..")
            out.extend(range(int(lo), int(hi) + 1))
        else:
            out.append(int(part))
    return out


def _parse_value(text: str):
    text = text.strip()
    if text.startswith("[|"):  # 2-D array: rows separated by '|', trailing commas allowed
        body = text[2:].rstrip("]").rstrip().rstrip("|")
        rows = []
        for row in body.split("|"):
            cells = [c.strip() for c in row.split(",") if c.strip()]
            if cells:
                rows.append([int(c) for c in cells])
        return rows
    if text.startswith("["):
        items = _NUM_OR_SET.findall(text[1:-1])
        return [_parse_set(i) if i.startswith("{") else int(i) for i in items]
    if text.startswith("{"):
        return _parse_set(text)
    return int(text)


def parse_dzn(text: str) -> dict:
    """All `name = value;` statements of a .dzn file (comments stripped)."""
    text = "\n".join(line.split("%", 1)[0] for line in text.splitlines())
    out = {}
    for stmt in text.split(";"):
        if "=" in stmt:
            name, value = stmt.split("=", 1)
            out[name.strip()] = _parse_value(value)
    return out


def read_dzn(path: str | Path, fairness: int | None = 2) -> Instance:
    """Read a JAIR .dzn file. Fairness d is a run parameter, not part of the file (default 2).

    The traps handled here: the dummy 0 in `forbidden` sets is dropped; `meetingsxBusiness`
    (shifted by +1, with 1 meaning "no meeting") is ignored in favour of `requested`; a pair that
    occurs twice in `requested` is two meetings.
    """
    path = Path(path)
    d = parse_dzn(path.read_text())
    P, M, T, L = d["nBusiness"], d["nMeetings"], d["nTotalSlots"], d["nTables"]
    morning = d.get("nMorningSlots", T)
    if 0 < morning < T:
        sessions = [Session("morning", 0, morning), Session("afternoon", morning, T - morning)]
    else:
        sessions = [Session("day", 0, T)]
    forbidden = d.get("forbidden", [[] for _ in range(P)])
    participants = [
        Participant(id=str(p + 1), forbidden=frozenset(t - 1 for t in forbidden[p] if t >= 1))
        for p in range(P)
    ]
    fixed = d.get("fixed", [0] * M)
    prec = d.get("precedences", [[] for _ in range(M)])
    rows = d["requested"]
    if len(rows) != M:
        raise ValueError(f"{path}: nMeetings={M} but requested has {len(rows)} rows")
    meetings = []
    for m, (a, b, s) in enumerate(rows):
        # session code: 1 = morning, 2 = afternoon, 3 = either. Without a split, code 1 is the day.
        session = None if s == 3 else s - 1
        meetings.append(
            Meeting(
                id=str(m + 1), a=a - 1, b=b - 1, session=session,
                fixed=fixed[m] - 1 if fixed[m] > 0 else None,
                after=[q - 1 for q in prec[m]],
            )
        )
    return Instance(
        name=path.name.removesuffix(".dzn"), path=str(path), fmt="dzn", slots=T,
        sessions=sessions, tables=[L] * T, participants=participants, meetings=meetings,
        max_breaks=fairness, require_all=True, idle_spans_sessions=True,
    )


# ---- Corridor JSON reader ----------------------------------------------------------------------

def read_json(path: str | Path) -> Instance:
    """Read a Corridor `corridor-b2b-1` JSON instance (the format `corridor generate-instance` writes)."""
    path = Path(path)
    doc = json.loads(path.read_text())
    if doc.get("format") != "corridor-b2b-1":
        raise ValueError(f"{path}: format is {doc.get('format')!r}, expected 'corridor-b2b-1'")
    sessions, start = [], 0
    for s in doc["sessions"]:
        sessions.append(Session(s["name"], start, int(s["slots"])))
        start += int(s["slots"])
    T = start
    tables = doc["tables"]
    tables = [int(tables)] * T if isinstance(tables, int) else [int(x) for x in tables]
    if len(tables) != T:
        raise ValueError(f"{path}: {len(tables)} table counts for {T} slots")
    pidx = {p["id"]: i for i, p in enumerate(doc["participants"])}
    participants = [
        Participant(id=p["id"], name=p.get("name", ""),
                    forbidden=frozenset(t - 1 for t in p.get("unavailable", [])))
        for p in doc["participants"]
    ]
    sidx = {s.name: i for i, s in enumerate(sessions)}
    # A meeting without an id is called m<row>, 1-based, as Corridor names it.
    mids = [m.get("id") or f"m{i + 1}" for i, m in enumerate(doc["meetings"])]
    midx = {mid: i for i, mid in enumerate(mids)}
    meetings = []
    for mid, m in zip(mids, doc["meetings"]):
        fixed = m.get("fixed_slot")
        meetings.append(
            Meeting(
                id=mid, a=pidx[m["a"]], b=pidx[m["b"]], weight=int(m.get("weight", 1)),
                session=sidx[m["session"]] if m.get("session") is not None else None,
                fixed=fixed - 1 if fixed is not None else None,
                after=[midx[q] for q in m.get("after", [])],
            )
        )
    return Instance(
        name=doc.get("name") or path.stem, path=str(path), fmt="json", slots=T, sessions=sessions,
        tables=tables, participants=participants, meetings=meetings,
        max_breaks=doc.get("max_breaks"), require_all=bool(doc.get("require_all", False)),
        idle_spans_sessions=bool(doc.get("idle_spans_sessions", True)),
    )


def load(path: str | Path, fairness: int | None = None, require_all: bool | None = None) -> Instance:
    """Read either format; `fairness`/`require_all` override what the file says when given."""
    path = Path(path)
    if path.suffix == ".dzn":
        inst = read_dzn(path, fairness=2 if fairness is None else fairness)
    else:
        inst = read_json(path)
        if fairness is not None:
            inst.max_breaks = fairness
    if require_all is not None:
        inst.require_all = require_all
    return inst


# ---- independent checker -----------------------------------------------------------------------

def participant_breaks(inst: Instance, busy: list[int]) -> int:
    """Breaks of one participant whose meetings are in the (sorted, distinct) slots `busy`."""
    n = 0
    for prev, cur in zip(busy, busy[1:]):
        if cur > prev + 1 and (inst.idle_spans_sessions or inst.session_of(prev) == inst.session_of(cur)):
            n += 1
    return n


def breaks(inst: Instance, assignment: dict[int, int]) -> list[int]:
    """Breaks per participant for an assignment meeting -> slot (unlisted meetings are unscheduled)."""
    slots: list[list[int]] = [[] for _ in inst.participants]
    for m, t in assignment.items():
        slots[inst.meetings[m].a].append(t)
        slots[inst.meetings[m].b].append(t)
    return [participant_breaks(inst, sorted(set(s))) for s in slots]


@dataclass
class Evaluation:
    valid: bool
    errors: list[str]
    placed: int
    requested: int
    weight: int
    total_weight: int
    breaks: int
    max_breaks: int

    @property
    def complete(self) -> bool:
        return self.placed == self.requested


def evaluate(inst: Instance, assignment: dict[int, int], tables: dict[int, object] | None = None,
             *, allow_partial: bool | None = None, check_fairness: bool = True) -> Evaluation:
    """Check every hard constraint of `assignment` (meeting -> slot) and recompute its objective.

    `allow_partial` defaults to "not require_all". Greedy is checked with allow_partial=True and
    check_fairness=False because it is a placement heuristic that ignores both, and its table cell
    says so. `tables` (meeting -> 1-based table number), when given, must be in range and distinct
    within a slot.
    """
    if allow_partial is None:
        allow_partial = not inst.require_all
    errors: list[str] = []
    M = len(inst.meetings)
    for m, t in assignment.items():
        if not 0 <= m < M:
            errors.append(f"unknown meeting {m + 1}")
        elif not 0 <= t < inst.slots:
            errors.append(f"meeting {inst.meetings[m].id}: slot {t + 1} out of range")
    if errors:
        return Evaluation(False, errors, len(assignment), M, 0, 0, 0, 0)
    if not allow_partial and len(assignment) < M:
        errors.append(f"{M - len(assignment)} of {M} meetings unscheduled")
    used: dict[tuple[int, int], int] = {}
    per_slot = [0] * inst.slots
    for m, t in assignment.items():
        mt = inst.meetings[m]
        per_slot[t] += 1
        if t not in inst.allowed_slots(m):
            errors.append(f"meeting {mt.id}: slot {t + 1} not allowed (session/forbidden/fixed)")
        for p in (mt.a, mt.b):
            if (p, t) in used:
                errors.append(f"participant {inst.participants[p].id} in two meetings at slot {t + 1}")
            used[(p, t)] = m
        for q in mt.after:
            if q in assignment and not assignment[q] < t:
                errors.append(f"meeting {mt.id} (slot {t + 1}) not after {inst.meetings[q].id}")
    for t, n in enumerate(per_slot):
        if n > inst.tables[t]:
            errors.append(f"slot {t + 1}: {n} meetings > {inst.tables[t]} tables")
    if tables:  # 1-based table numbers, as Corridor prints them
        seen: set[tuple[int, object]] = set()
        for m, tab in tables.items():
            t = assignment.get(m)
            if t is None:
                continue
            if not (isinstance(tab, int) and 1 <= tab <= inst.tables[t]):
                errors.append(f"meeting {inst.meetings[m].id}: table {tab} not in 1..{inst.tables[t]}")
            if (t, tab) in seen:
                errors.append(f"table {tab} used twice in slot {t + 1}")
            seen.add((t, tab))
    per_p = breaks(inst, assignment)
    worst = max(per_p, default=0)
    if check_fairness and inst.max_breaks is not None and worst > inst.max_breaks:
        errors.append(f"fairness: a participant has {worst} breaks > {inst.max_breaks}")
    return Evaluation(
        valid=not errors, errors=errors[:5], placed=len(assignment), requested=M,
        weight=sum(inst.meetings[m].weight for m in assignment),
        total_weight=sum(mt.weight for mt in inst.meetings),
        breaks=sum(per_p), max_breaks=worst,
    )
