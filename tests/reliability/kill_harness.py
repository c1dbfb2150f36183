"""Kill annotation sessions with SIGKILL at random moments and check the file after each.

After every kill: `PRAGMA integrity_check` is ok, the project passes `check_project`
(spans inside documents, no dangling references), and the stored state is exactly the
state after the last action the child reported done, or after the action it announced
(which may have committed just before the kill). Anything else is a half-done action or a
lost one, and is reported as a failure.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from reliability import session_driver
from ruth_annotator.app.transfer import import_paths
from ruth_annotator.resources import sample_article
from ruth_annotator.store import Project
from ruth_annotator.store.integrity import check_project


@dataclass
class KillReport:
    kills: int = 0
    survived: int = 0
    actions_done: int = 0
    mid_write: int = 0  # killed between "will" and "done": the risky moment
    committed_unreported: int = 0  # of those, the write had committed: it must be there
    failures: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (f"{self.survived} of {self.kills} kills survived; {self.actions_done} actions "
                f"reported done and all found; {self.mid_write} kills landed inside a write "
                f"({self.committed_unreported} after its commit, before it was reported)")


def new_project(path: Path) -> None:
    with Project.open(path, "driver", create=True) as project:
        import_paths(project, [sample_article()], "text")


class ForkServer:
    """The driver as a fork server: sessions start as forked children, killed by pid."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, session_driver.__file__, "--serve"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        )

    def start(self, path: Path, seed: int, log: Path, split: bool) -> int:
        self.proc.stdin.write(f"{path} {seed} {log} {int(split)}\n")
        self.proc.stdin.flush()
        return int(self.proc.stdout.readline())

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait(timeout=30)
        self.proc.stdout.close()


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def kill(pid: int, timeout: float = 30.0) -> None:
    """SIGKILL, then wait until the process is gone (its server reaps it)."""
    os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + timeout
    while alive(pid):
        if time.monotonic() > deadline:
            raise RuntimeError(f"process {pid} survived SIGKILL")
        time.sleep(0.001)


def _wait_ready(log: Path, pid: int, timeout: float = 60.0) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        text = log.read_text()
        if text.startswith("ready ") and "\n" in text:
            return text.split("\n", 1)[0].split()[1]
        if not alive(pid):
            raise RuntimeError("session ended before it was ready")
        time.sleep(0.001)
    raise RuntimeError("session did not start")


def _stored_digest(path: Path) -> str:
    with Project.open(path, "driver", readonly=True) as project:
        return session_driver.stored_state(project)


def run_kills(path: Path, kills: int, seed: int = 0, max_delay: float = 0.3,
              split: bool = False, per_project: int = 50) -> KillReport:
    """Run `kills` sessions, each killed after a random delay, on a project that is made
    afresh every `per_project` kills (so checks stay quick however long the run).
    `split`: the sessions write row by row, to show that the checks catch it."""
    rng = random.Random(seed)
    server = ForkServer()
    report = KillReport()
    log = path.with_name(path.name + ".log")
    try:
        for round_ in range(kills):
            if round_ % per_project == 0:
                _remove_project(path)
                new_project(path)
                expected_start = _stored_digest(path)
            _one_kill(server, path, log, rng, max_delay, split, expected_start, round_,
                      report)
            expected_start = _stored_digest(path)
    finally:
        server.close()
    log.unlink(missing_ok=True)
    return report


def _remove_project(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def _one_kill(server: ForkServer, path: Path, log: Path, rng: random.Random,
              max_delay: float, split: bool, expected_start: str, round_: int,
              report: KillReport) -> None:
    log.write_bytes(b"")
    pid = server.start(path, rng.randrange(2**31), log, split)
    ready = _wait_ready(log, pid)
    time.sleep(rng.uniform(0, max_delay))
    kill(pid)
    report.kills += 1
    problem = _check_after_kill(path, log.read_text(), ready, expected_start, report)
    if problem:
        report.failures.append(f"kill {round_ + 1}: {problem}")
    else:
        report.survived += 1


def _check_after_kill(path: Path, output: str, ready: str, start: str,
                      report: KillReport) -> str | None:
    if ready != start:
        return f"the session started from {ready}, not the state last checked ({start})"
    conn = sqlite3.connect(path)  # a fresh connection recovers the write-ahead log
    try:
        result = [r[0] for r in conn.execute("PRAGMA integrity_check")]
    finally:
        conn.close()
    if result != ["ok"]:
        return f"integrity_check: {result[:3]}"
    checked = check_project(path)
    if not checked.ok:
        return f"check_project: {checked.problems[:3]}"
    announced: dict[int, str] = {0: ready}
    done = 0
    for line in output.splitlines():
        parts = line.split()
        if parts and parts[0] == "will":
            announced[int(parts[1])] = parts[2]
        elif parts and parts[0] == "done":
            done = int(parts[1])
    report.actions_done += done
    stored = _stored_digest(path)
    if stored == announced[done]:
        if done + 1 in announced:
            report.mid_write += 1
        return None
    if done + 1 in announced and stored == announced[done + 1]:
        report.mid_write += 1
        report.committed_unreported += 1
        return None
    return (f"stored state {stored} is neither action {done} ({announced[done]}) nor the "
            f"one being written ({announced.get(done + 1)})")
