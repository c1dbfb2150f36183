"""Crash safety: sessions killed with SIGKILL at random moments lose nothing reported done
and never leave half an action (see kill_harness for what is checked after each kill)."""

from __future__ import annotations

import pytest

from reliability.kill_harness import run_kills

KILLS = 100


@pytest.mark.slow
def test_random_kills_lose_nothing(tmp_path, figures):
    report = run_kills(tmp_path / "killed.ruth", KILLS, seed=7, max_delay=0.2)
    print(report.line())
    figures.update(kills=report.kills, survived=report.survived,
                   actions_done=report.actions_done, mid_write=report.mid_write,
                   committed_unreported=report.committed_unreported)
    assert report.failures == []
    assert report.survived == KILLS
    assert report.actions_done > KILLS  # the sessions really worked between the kills
    assert report.mid_write > 0  # and some kills landed inside a write


@pytest.mark.slow
def test_the_checks_catch_an_action_written_in_pieces(tmp_path):
    """The same harness on sessions that write each action row by row: it must object."""
    report = run_kills(tmp_path / "split.ruth", 12, seed=3, split=True)
    assert any("neither" in failure for failure in report.failures), report.failures
