"""Setting up: packaging/bootstrap.sh waits, saying so, while another package manager
holds the dpkg lock (unattended upgrades on a fresh machine's first start), and shows
pip's progress during the big download."""

from __future__ import annotations

import fcntl
import os
import subprocess
import threading
import time
from pathlib import Path

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"


def run_waiting(lock: Path, **env) -> subprocess.CompletedProcess:
    script = f". {PACKAGING / 'apt_wait.sh'}; wait_for_dpkg"
    return subprocess.run(["bash", "-c", script], capture_output=True, text=True, timeout=60,
                          env=dict(os.environ, DPKG_LOCK=str(lock), SUDO="", **env))


def test_bootstrap_waits_for_the_dpkg_lock_with_a_message(tmp_path):
    lock = tmp_path / "lock-frontend"
    with lock.open("w") as held:
        fcntl.lockf(held, fcntl.LOCK_EX)  # as dpkg and apt take it
        releaser = threading.Timer(2, lambda: fcntl.lockf(held, fcntl.LOCK_UN))
        releaser.start()
        started = time.monotonic()
        result = run_waiting(lock)
        releaser.join()
    assert result.returncode == 0, result.stderr
    assert "Another package manager is running" in result.stderr
    assert "has finished; going on" in result.stderr
    assert time.monotonic() - started >= 2  # it waited for the release


def test_bootstrap_gives_up_after_its_timeout_in_one_line(tmp_path):
    lock = tmp_path / "lock-frontend"
    with lock.open("w") as held:
        fcntl.lockf(held, fcntl.LOCK_EX)
        result = run_waiting(lock, DPKG_WAIT_S="0")
    assert result.returncode == 1 and "Still busy after 0 s" in result.stderr


def test_a_free_lock_costs_no_message(tmp_path):
    lock = tmp_path / "lock-frontend"
    lock.touch()
    result = run_waiting(lock)
    assert result.returncode == 0 and result.stderr == ""


def test_every_apt_get_waits_and_the_big_install_shows_progress():
    script = (PACKAGING / "bootstrap.sh").read_text(encoding="utf-8")
    commands = [line.strip() for line in script.splitlines()
                if not line.strip().startswith("#")]
    assert not [c for c in commands if "apt-get" in c], "apt-get without waiting for dpkg"
    assert "apt_get update" in script
    installs = [c for c in commands if "pip install" in c and "-e" in c]
    assert installs and all(" -q" not in c for c in installs), installs
