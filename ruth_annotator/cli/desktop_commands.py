"""`ruth-annotator install-desktop`: put the app in the Linux applications menu and make
double-clicking a `.ruth` project open it, for installs that have no package manager
doing it (pipx, pip, the bundle). Everything goes to the user's own data folder."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import click

from ruth_annotator.cli.common import main
from ruth_annotator.model.wording import plural
from ruth_annotator.resources import DESKTOP_ID, resource_path

MIME_FILE = "ruth-annotator.xml"


def data_home() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def launcher() -> list[str]:
    """The command that opens the window: the bundle itself, the installed gui script
    beside this command, or this Python running the module."""
    if getattr(sys, "frozen", False):
        return [sys.executable, "gui"]
    script = Path(sys.argv[0]).resolve().parent / "ruth-annotator-gui"
    if script.is_file():
        return [str(script)]
    found = shutil.which("ruth-annotator-gui")
    if found:
        return [str(Path(found).resolve())]
    return [sys.executable, "-m", "ruth_annotator", "gui"]


def desktop_entry(command: list[str]) -> str:
    """The shipped .desktop file with Exec/TryExec pointing at `command`."""
    exec_line = " ".join(_quote(part) for part in command) + " %f"
    lines = []
    source = resource_path("linux", f"{DESKTOP_ID}.desktop").read_text(encoding="utf-8")
    for line in source.splitlines():
        if line.startswith("Exec="):
            line = f"Exec={exec_line}"
        elif line.startswith("TryExec="):
            line = f"TryExec={command[0]}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def _quote(arg: str) -> str:
    """Desktop-entry quoting: double quotes, with \\ " ` $ escaped inside."""
    if not any(c in arg for c in ' \t\n"\'\\><~|&;$*?#()`'):
        return arg
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in arg)
    return f'"{escaped}"'


def targets(data: Path) -> dict[Path, Path]:
    """Installed file -> shipped file (the .desktop file is written, not copied)."""
    out = {
        data / "mime" / "packages" / MIME_FILE: resource_path("linux", "ruth-annotator-mime.xml"),
        data / "metainfo" / f"{DESKTOP_ID}.metainfo.xml":
            resource_path("linux", f"{DESKTOP_ID}.metainfo.xml"),
        data / "icons" / "hicolor" / "scalable" / "apps" / f"{DESKTOP_ID}.svg":
            resource_path("icons", "ruth-annotator.svg"),
    }
    for png in resource_path("icons", "png").glob("ruth-annotator-*.png"):
        size = png.stem.rsplit("-", 1)[1]
        out[data / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{DESKTOP_ID}.png"] = png
    return out


def install(data: Path, command: list[str]) -> list[Path]:
    written = []
    entry = data / "applications" / f"{DESKTOP_ID}.desktop"
    entry.parent.mkdir(parents=True, exist_ok=True)
    entry.write_text(desktop_entry(command), encoding="utf-8")
    written.append(entry)
    for target, source in targets(data).items():
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        written.append(target)
    return written


def uninstall(data: Path) -> list[Path]:
    removed = []
    for path in [data / "applications" / f"{DESKTOP_ID}.desktop", *targets(data)]:
        if path.exists():
            path.unlink()
            removed.append(path)
    return removed


def refresh_caches(data: Path) -> list[str]:
    """Run the desktop's cache tools that are installed; returns the ones that ran."""
    ran = []
    icons = str(data / "icons" / "hicolor")
    for tool, args in (("update-mime-database", [str(data / "mime")]),
                       ("update-desktop-database", [str(data / "applications")]),
                       ("gtk-update-icon-cache", ["-f", "-t", "-q", icons])):
        if shutil.which(tool) and Path(args[-1]).is_dir():
            subprocess.run([tool, *args], check=False, capture_output=True)
            ran.append(tool)
    return ran


@main.command("install-desktop")
@click.option("--remove", is_flag=True, help="Take the menu entry, icons and file type away.")
@click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Where desktop files go (default: $XDG_DATA_HOME or ~/.local/share).")
def install_desktop(remove: bool, data_dir: Path | None) -> None:
    """Add Ruth Annotator to the applications menu and open .ruth projects with it (Linux)."""
    data = data_dir or data_home()
    if remove:
        removed = uninstall(data)
        refresh_caches(data)
        click.echo(f"Removed {plural(len(removed), 'file')} from {data}")
        return
    command = launcher()
    written = install(data, command)
    ran = refresh_caches(data)
    click.echo(f"Installed {plural(len(written), 'file')} into {data}; the menu entry runs "
               f"{shlex.join(command)}")
    if "update-mime-database" not in ran:
        click.echo("update-mime-database was not found: .ruth files are recognised after "
                   "your desktop refreshes its file types (install shared-mime-info).")
