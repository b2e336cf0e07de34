"""The status formula (dinnet.queries.status): each rule and edge case of docs/monitoring.md."""

from __future__ import annotations

from datetime import date

import pytest

from dinnet.queries.status import (
    STATUSES,
    Reading,
    assess,
    path_value,
    roll_up,
    target_path,
)

D = date


def status(baseline, targets, readings, as_of, direction=None, **kw):  # type: ignore[no-untyped-def]
    path = target_path(baseline, targets, **kw)
    return assess(path, readings, as_of, direction=direction)


# A path without leap-year fractions: 100 at the end of 2024, 200 at the end of 2026,
# so 150 at the end of 2025; the band is 5 % of 100 = 5.
UP = ((2024, 100.0), {2026: 200.0})


@pytest.mark.parametrize(("value", "expected"), [
    (150.0, "on_track"), (145.0, "on_track"), (155.0, "on_track"),
    (144.9, "behind"), (155.1, "ahead"), (200.0, "reached"), (250.0, "reached"),
])
def test_increase_against_the_path_on_the_measurement_s_date(value: float, expected: str) -> None:
    st = status(*UP, [Reading(D(2025, 12, 31), value)], D(2026, 3, 1), "increase")
    assert st.status == expected
    assert st.compared_with == 150.0
    assert st.band == (None if expected == "reached" else 5.0)


def test_the_path_value_on_as_of_is_reported_beside_the_one_compared_with() -> None:
    st = status(*UP, [Reading(D(2025, 12, 31), 150.0)], D(2026, 12, 31), "increase")
    assert (st.planned, st.compared_with) == (200.0, 150.0)
    assert st.target is not None and (st.target.year, st.target.value) == (2026, 200.0)


@pytest.mark.parametrize(("value", "expected"), [
    (60.0, "on_track"), (58.0, "on_track"), (57.9, "ahead"), (62.1, "behind"), (40.0, "reached"),
])
def test_decrease_mirrors_increase(value: float, expected: str) -> None:
    st = status((2024, 80.0), {2026: 40.0}, [Reading(D(2025, 12, 31), value)], D(2026, 1, 1),
                "decrease")
    assert st.status == expected


def test_a_missed_intermediate_target_is_behind_even_within_the_band() -> None:
    # 2025: 150, 2027: 160. Just after 2025 the path is barely above 150 and the band is 0.5;
    # 149.9 is within the band of the path, but the 2025 target has passed unmet.
    readings = [Reading(D(2026, 1, 1), 149.9)]
    st = status((2023, 100.0), {2025: 150.0, 2027: 160.0}, readings, D(2026, 2, 1), "increase")
    assert (st.status, st.band) == ("behind", 0.0)
    assert st.reason.key == "status.missed"
    assert st.target is not None and st.target.year == 2027


def test_after_the_last_target_reached_or_behind_never_ahead() -> None:
    late = D(2028, 6, 30)
    assert status(*UP, [Reading(late, 199.0)], late, "increase").status == "behind"
    assert status(*UP, [Reading(late, 201.0)], late, "increase").status == "reached"
    assert status(*UP, [Reading(late, 199.0)], late, "increase").reason.key == "status.missed"


def test_maintain_holds_a_level_within_the_band() -> None:
    keep = ((2024, 7.5), {2027: 7.5})
    assert status(*keep, [Reading(D(2025, 12, 31), 7.2)], D(2026, 1, 1), "maintain").status \
        == "on_track"
    assert status(*keep, [Reading(D(2025, 12, 31), 7.9)], D(2026, 1, 1), "maintain").status \
        == "behind"  # off the level either way is behind: there is no "ahead" for maintain
    assert status(*keep, [Reading(D(2027, 12, 31), 7.6)], D(2028, 1, 1), "maintain").status \
        == "reached"


def test_the_latest_measurement_up_to_as_of_counts() -> None:
    readings = [Reading(D(2025, 6, 30), 100.0), Reading(D(2025, 12, 31), 160.0),
                Reading(D(2026, 6, 30), 100.0)]
    st = status(*UP, readings, D(2026, 1, 1), "increase")
    assert st.measurement == readings[1] and st.status == "ahead"
    assert status(*UP, readings, D(2025, 7, 1), "increase").measurement == readings[0]
    assert status(*UP, readings, D(2025, 1, 1), "increase").reason.key == "status.no_measurement"


def test_a_measurement_on_or_before_the_baseline_says_nothing() -> None:
    readings = [Reading(D(2024, 12, 31), 100.0), Reading(D(2023, 12, 31), 10.0)]
    st = status(*UP, readings, D(2026, 1, 1), "increase")
    assert (st.status, st.reason.key, st.measurement) == ("unknown", "status.no_measurement",
                                                          None)


def test_realised_wins_over_expected_unless_the_expected_value_is_newer() -> None:
    realised = Reading(D(2025, 12, 31), 150.0)
    same_day = Reading(D(2025, 12, 31), 190.0, kind="expected")
    older = Reading(D(2025, 6, 30), 190.0, kind="expected")
    st = status(*UP, [same_day, realised, older], D(2026, 1, 1), "increase")
    assert st.measurement == realised and st.status == "on_track" and not st.notes
    newer = Reading(D(2026, 6, 30), 199.0, kind="expected")
    st = status(*UP, [realised, newer], D(2026, 7, 1), "increase")
    assert st.measurement == newer and st.status == "ahead"
    assert [n.key for n in st.notes] == ["status.note_expected"]


def test_an_approximate_value_doubles_the_band() -> None:
    exact = [Reading(D(2025, 12, 31), 141.0)]
    circa = [Reading(D(2025, 12, 31), 141.0, approximate="circa")]
    assert status(*UP, exact, D(2026, 1, 1), "increase").status == "behind"
    st = status(*UP, circa, D(2026, 1, 1), "increase")
    assert (st.status, st.band) == ("on_track", 10.0)
    assert [n.key for n in st.notes] == ["status.note_approximate"]
    # an approximate target of the segment widens it too
    st = status(*UP, exact, D(2026, 1, 1), "increase", targets_approximate={2026: "circa"})
    assert st.status == "on_track"


def test_no_baseline_the_contract_s_last_realised_value_starts_the_path() -> None:
    history = [Reading(D(2021, 12, 31), 14.0), Reading(D(2022, 12, 31), 16.0)]
    path = target_path(None, {2025: 25.0, 2027: "n.t.b."}, history=history)
    assert [(p.kind, p.year, p.value) for p in path.points] == [("start", 2022, 16.0),
                                                                  ("target", 2025, 25.0)]
    st = assess(path, [*history, Reading(D(2023, 12, 31), 17.0)], D(2024, 1, 1))
    assert st.direction == "increase" and st.status == "behind"  # 19 planned
    assert [n.key for n in st.notes] == ["status.note_tbd", "status.note_start",
                                         "status.note_direction"]


def test_no_baseline_at_all_is_judged_from_the_first_target_on() -> None:
    targets = {2025: 50.0, 2027: 80.0}
    early = [Reading(D(2024, 12, 31), 45.0)]
    st = status(None, targets, early, D(2025, 1, 1), "increase")
    assert (st.status, st.reason.key) == ("unknown", "status.no_start")
    assert status(None, targets, [Reading(D(2024, 12, 31), 85.0)], D(2025, 1, 1),
                  "increase").status == "reached"
    assert status(None, targets, [Reading(D(2025, 12, 31), 49.0)], D(2026, 1, 1),
                  "increase").status == "behind"
    assert status((None, 40.0), targets, [Reading(D(2026, 12, 31), 65.0)], D(2027, 1, 1),
                  "increase").status == "on_track"  # a baseline without a year is no start


def test_text_and_tbd_targets_are_no_points_on_the_path() -> None:
    st = status((2024, 100.0), {2025: "stijging", 2026: 200.0},
                [Reading(D(2025, 12, 31), 150.0)], D(2026, 1, 1), "increase")
    assert st.status == "on_track"
    assert [n.text("en") for n in st.notes] == ["target of 2025 (stijging) is not on the path"]
    st = status((2024, 100.0), {2026: "n.t.b."}, [Reading(D(2025, 12, 31), 150.0)],
                D(2026, 1, 1), "increase")
    assert (st.status, st.reason.key) == ("unknown", "status.target_tbd")
    st = status((2024, 100.0), {}, [Reading(D(2025, 12, 31), 150.0)], D(2026, 1, 1))
    assert (st.status, st.reason.key) == ("unknown", "status.no_target")


def test_a_text_measurement_does_not_count() -> None:
    readings = [Reading(D(2025, 6, 30), 120.0), Reading(D(2025, 12, 31), "zie bijlage")]
    assert status(*UP, readings, D(2026, 1, 1), "increase").measurement == readings[0]


def test_direction_read_from_the_path_or_refused_when_it_cannot_be() -> None:
    st = status(*UP, [Reading(D(2025, 12, 31), 150.0)], D(2026, 1, 1))
    assert st.direction == "increase"
    assert st.notes[-1].text("nl") == "richting afgeleid uit de streefwaarden: stijgen"
    st = status(None, {2026: 200.0}, [Reading(D(2026, 12, 31), 150.0)], D(2027, 1, 1))
    assert (st.status, st.reason.key) == ("unknown", "status.no_direction")
    st = status((2024, 100.0), {2025: 150.0, 2026: 120.0}, [Reading(D(2025, 12, 31), 150.0)],
                D(2026, 1, 1), "increase")
    assert (st.status, st.reason.text("en")) == (
        "unknown", "the targets go against the direction (increase)")
    st = status((2024, 100.0), {2025: 150.0, 2026: 120.0}, [], D(2026, 1, 1))
    assert (st.status, st.reason.key) == ("unknown", "status.mixed_targets")
    st = status((2024, 7.0), {2026: 7.0}, [Reading(D(2025, 12, 31), 7.1)], D(2026, 1, 1))
    assert (st.status, st.direction) == ("on_track", "maintain")


def test_targets_on_or_before_the_baseline_are_left_off_the_path() -> None:
    path = target_path((2024, 100.0), {2023: 90.0, 2024: 95.0, 2026: 200.0})
    assert [p.year for p in path.points] == [2024, 2026]
    assert path.skipped == ((2023, "90"), (2024, "95"))


def test_path_value_is_straight_between_points_and_flat_after() -> None:
    path = target_path((2024, 100.0), {2026: 200.0, 2028: 100.0})
    assert path_value(path, D(2024, 12, 30)) is None
    assert path_value(path, D(2024, 12, 31)) == 100.0
    assert path_value(path, D(2025, 12, 31)) == 150.0
    assert path_value(path, D(2027, 12, 31)) == pytest.approx(150.0, abs=0.1)
    assert path_value(path, D(2040, 1, 1)) == 100.0


def test_reasons_read_in_both_languages() -> None:
    st = status(*UP, [Reading(D(2025, 12, 31), 144.5)], D(2026, 1, 1), "increase")
    assert st.reason.text("nl") == "144,5 gemeten op 31-12-2025, 150 gepland op die datum"
    assert st.reason.text("en") == "144.5 measured on 2025-12-31, 150 planned on that date"
    big = status(*UP, [Reading(D(2025, 12, 31), 13600.5)], D(2026, 1, 1), "increase")
    assert big.reason.text("nl") == "13.600,5 gemeten op 31-12-2025 haalt de streefwaarde van 2026 (200)"
    assert big.reason.text("en") == "13,600.5 measured on 2025-12-31 meets the target of 2026 (200)"


@pytest.mark.parametrize(("parts", "expected"), [
    (["reached", "ahead", "on_track"], "on_track"),
    (["reached", "behind", "unknown"], "behind"),
    (["reached", "reached"], "reached"),
    (["ahead", "unknown", "reached"], "ahead"),
    (["unknown", "unknown"], "unknown"),
    ([], "unknown"),
])
def test_roll_up_is_the_worst_known_part(parts: list[str], expected: str) -> None:
    assert roll_up(parts) == expected
    assert set(parts) <= set(STATUSES)


def test_on_a_target_s_date_the_path_is_exactly_the_target() -> None:
    # -950.6 + (982.0 + 950.6) is 981.9999999999999 in floating point: the line's value on
    # the target's date would miss the target it runs to.
    path = target_path((2024, -950.6), {2026: 982.0, 2028: 1000.0})
    assert path_value(path, D(2026, 12, 31)) == 982.0
    on = [Reading(D(2026, 12, 31), 982.0)]
    assert assess(path, on, D(2027, 1, 1), direction="increase").status == "on_track"


def test_a_flat_stretch_of_the_path_has_no_band() -> None:
    path = target_path((2020, 100.0), {2022: 100.0, 2024: 200.0})
    assert assess(path, [Reading(D(2021, 6, 30), 100.0)], D(2021, 7, 1),
                  direction="increase").status == "on_track"
    assert assess(path, [Reading(D(2021, 6, 30), 99.9)], D(2021, 7, 1),
                  direction="increase").status == "behind"
