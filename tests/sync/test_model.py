"""The replicated state on its own: the clock, the join, and turning marks into plays."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from fancompanion.core.models import Mark
from fancompanion.sync.diff import READ, STATUS, UserView, diff, plan
from fancompanion.sync.hlc import Clock
from fancompanion.sync.model import (
    AddPlay,
    Kill,
    MarkView,
    Op,
    Play,
    SetRegister,
    State,
    fold,
    op_from_doc,
    op_to_doc,
    state_from_doc,
    state_to_doc,
)

DAY = 24 * 3600 * 1000


def converged_view(state: State) -> tuple[dict[str, dict[str, MarkView]], dict[str, Any]]:
    """Everything a fan can see, for comparing devices: marks per show and registers."""
    marks = {
        show: {key: fold(plays) for key, plays in keys.items()}
        for show, keys in state.by_show().items()
    }
    return marks, {name: value for name, (_, value) in state.registers.items()}


def apply_all(state: State, ops: Iterable[Op]) -> None:
    for op in ops:
        state.apply(op)


def test_a_clock_a_day_ahead_wins_only_until_its_write_is_seen() -> None:
    fast = Clock("fast", wall=lambda: 10 * DAY + DAY)  # a day ahead
    slow = Clock("slow", wall=lambda: 10 * DAY)
    state = State()
    state.apply(SetRegister("status/x", slow.now(), "watching"))
    state.apply(SetRegister("status/x", fast.now(), "dropped"))
    assert state.register("status/x") == "dropped"  # concurrent: the later stamp wins
    slow.observe(state.newest_stamp())
    state.apply(SetRegister("status/x", slow.now(), "completed"))  # made after seeing it
    assert state.register("status/x") == "completed"


def test_stamps_sort_in_clock_order_and_never_repeat() -> None:
    clock = Clock("a", wall=lambda: 5)
    stamps = [clock.now() for _ in range(300)]
    assert stamps == sorted(stamps)
    assert len(set(stamps)) == 300


def _play(show: str, key: str, at: str) -> Play:
    return Play(show, key, 1, int(key[3:]), None, at, at)


ops = st.lists(
    st.one_of(
        st.builds(
            lambda i, at: AddPlay(f"p{i}{at[5:7]}", _play("s", f"S1E{i % 3 + 1}", at)),
            st.integers(0, 9),
            st.sampled_from(["2024-01-01T00:00:00Z", "2024-02-01T00:00:00Z"]),
        ),
        st.builds(
            lambda i, m: Kill((f"p{i}{m}",)), st.integers(0, 9), st.sampled_from(["01", "02"])
        ),
        st.builds(
            lambda n, v: SetRegister("status/s", f"{n:013d}-000000-d{v}", str(v)),
            st.integers(0, 5),
            st.integers(0, 3),
        ),
    ),
    max_size=12,
)


@settings(max_examples=200)
@given(ops, ops, ops)
def test_join_is_a_join(a_ops: list, b_ops: list, c_ops: list) -> None:  # type: ignore[type-arg]
    def state(items: list) -> State:  # type: ignore[type-arg]
        out = State()
        apply_all(out, items)
        return out

    def joined(*parts: State) -> State:
        out = State()
        for part in parts:
            out.join(part)
        return out

    a, b, c = state(a_ops), state(b_ops), state(c_ops)
    assert converged_view(joined(a, b)) == converged_view(joined(b, a))
    assert converged_view(joined(joined(a, b), c)) == converged_view(joined(a, joined(b, c)))
    assert converged_view(joined(a, a)) == converged_view(a)
    # a snapshot round trip keeps everything that can be seen
    assert converged_view(state_from_doc(state_to_doc(a))) == converged_view(a)


def test_ops_round_trip_and_junk_is_refused() -> None:
    for op in (
        AddPlay("x", _play("s", "S1E2", "2024-01-01T00:00:00Z")),
        Kill(("x", "y")),
        SetRegister("read/n", "0000000000001-000000-a", True),
    ):
        assert op_from_doc(op_to_doc(op, 7)) == (7, op)
    junk: list[object] = [None, [], {"q": 1}, {"q": "1", "x": []}, {"q": 1, "p": [1]}]
    for doc in [*junk, {"q": 0, "x": []}]:
        assert op_from_doc(doc) is None


def _mark(key: str, plays: int, first: str, last: str) -> Mark:
    return Mark(key, 1, int(key[3:]), None, plays, first, last)


T1, T2, T3 = "2024-01-01T10:00:00Z", "2024-02-01T10:00:00Z", "2024-03-01T10:00:00Z"


def _sync_marks(state: State, marks: dict[str, Mark], clock: Clock) -> State:
    user = UserView(marks={"s": marks} if marks else {})
    apply_all(state, diff(user, state, clock))
    return state


def test_marks_become_plays_that_fold_back_into_the_same_marks() -> None:
    clock = Clock("a", wall=lambda: 1)
    cases = [
        {"S1E1": _mark("S1E1", 1, T1, T1)},
        {"S1E1": _mark("S1E1", 3, T1, T3)},  # an imported mark: first, rewatches, last
        {"S1E1": _mark("S1E1", 1, T1, T3)},  # one play standing for a span
        {"S1E1": _mark("S1E1", 2, T1, T2), "S1E2": _mark("S1E2", 1, T2, T2)},
        {"S1E1": _mark("S1E1", 1, T2, T2)},  # first moved later (an undone import)
        {},
    ]
    state = State()
    for marks in cases:
        _sync_marks(state, marks, clock)
        folded = {key: fold(plays) for key, plays in state.by_show().get("s", {}).items()}
        assert {k: (v.plays, v.first, v.last) for k, v in folded.items()} == {
            k: (m.plays, m.first_at, m.last_at) for k, m in marks.items()
        }


def test_an_unmark_removes_only_the_plays_it_saw() -> None:
    here, there = State(), State()
    clock_a, clock_b = Clock("a", wall=lambda: 1), Clock("b", wall=lambda: 1)
    _sync_marks(here, {"S1E1": _mark("S1E1", 1, T1, T1)}, clock_a)
    there.join(here)
    _sync_marks(here, {}, clock_a)  # unmarked here
    _sync_marks(there, {"S1E1": _mark("S1E1", 2, T1, T2)}, clock_b)  # watched again there
    here.join(there)
    there.join(here)
    assert converged_view(here) == converged_view(there)
    view = fold(here.by_show()["s"]["S1E1"])
    assert (view.plays, view.first, view.last) == (1, T2, T2)  # the new play survives


def test_the_same_history_on_two_devices_is_not_counted_twice() -> None:
    a, b = State(), State()
    marks = {"S1E1": _mark("S1E1", 2, T1, T2)}
    _sync_marks(a, marks, Clock("a", wall=lambda: 1))
    _sync_marks(b, marks, Clock("b", wall=lambda: 1))
    a.join(b)
    assert fold(a.by_show()["s"]["S1E1"]).plays == 2


def test_plan_says_what_the_user_state_must_become() -> None:
    before, after = State(), State()
    after.apply(AddPlay("p", _play("s", "S1E4", T1)))
    after.apply(SetRegister(STATUS + "s", "0000000000001-000000-a", "watching"))
    after.apply(SetRegister(READ + "n1", "0000000000001-000000-a", True))
    changes = plan(before, after)
    assert changes.marks == {"s": {"S1E4": _mark("S1E4", 1, T1, T1)}}
    assert changes.statuses == {"s": "watching"}
    assert changes.read == {"n1": True}
    assert changes.plays_added == 1
