"""The files a Linux desktop reads: .desktop entry, AppStream metainfo, the .ruth file type
and the icons; and `ruth-annotator install-desktop`, which puts them in place."""

from __future__ import annotations

import configparser
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from PySide6.QtGui import QImage

from ruth_annotator.cli import main
from ruth_annotator.cli.desktop_commands import _quote, desktop_entry
from ruth_annotator.resources import DESKTOP_ID, resource_path

SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
DESKTOP = resource_path("linux", f"{DESKTOP_ID}.desktop")
METAINFO = resource_path("linux", f"{DESKTOP_ID}.metainfo.xml")
MIME = resource_path("linux", "ruth-annotator-mime.xml")


def tool(name: str) -> str:
    path = shutil.which(name)
    assert path, f"{name} is missing: bash packaging/bootstrap.sh test installs it"
    return path


def test_desktop_entry_is_valid_and_opens_projects():
    result = subprocess.run([tool("desktop-file-validate"), str(DESKTOP)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(DESKTOP, encoding="utf-8")
    fields = entry["Desktop Entry"]
    assert fields["Exec"] == "ruth-annotator-gui %f"
    assert fields["MimeType"] == "application/x-ruth-annotator-project;"
    assert fields["Icon"] == DESKTOP_ID


def test_metainfo_is_valid_appstream():
    result = subprocess.run([tool("appstreamcli"), "validate", "--no-net", str(METAINFO)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"<launchable type=\"desktop-id\">{DESKTOP_ID}.desktop<" in METAINFO.read_text()


def test_mime_type_claims_ruth_files(tmp_path):
    packages = tmp_path / "mime" / "packages"
    packages.mkdir(parents=True)
    shutil.copy(MIME, packages)
    subprocess.run([tool("update-mime-database"), str(tmp_path / "mime")], check=True,
                   capture_output=True)
    globs = (tmp_path / "mime" / "globs2").read_text()
    assert "application/x-ruth-annotator-project:*.ruth" in globs


@pytest.mark.parametrize("size", SIZES)
def test_icons_have_every_size_and_are_drawn(qapp, size):
    image = QImage(str(resource_path("icons", "png", f"ruth-annotator-{size}.png")))
    assert (image.width(), image.height()) == (size, size)
    assert image.pixelColor(size // 2, size // 2).alpha() == 255  # the middle is painted
    assert image.pixelColor(0, 0).alpha() == 0  # rounded corners stay transparent


def test_icons_are_rendered_from_the_svg(qapp, tmp_path):
    """The committed PNGs match a fresh rendering of the SVG (run render_icons.py after an
    edit of the SVG)."""
    import importlib.util

    script = Path(__file__).resolve().parents[2] / "packaging" / "render_icons.py"
    spec = importlib.util.spec_from_file_location("render_icons", script)
    render_icons = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(render_icons)
    fresh = tmp_path / "64.png"
    render_icons.render(64, fresh)
    a, b = QImage(str(fresh)), QImage(str(render_icons.png_path(64)))
    differing = sum(a.pixel(x, y) != b.pixel(x, y) for x in range(64) for y in range(64))
    assert differing < 64 * 64 * 0.01


def test_desktop_entry_quotes_awkward_paths():
    assert _quote("/opt/Ruth Annotator/ruth-annotator") == '"/opt/Ruth Annotator/ruth-annotator"'
    assert _quote('/a/$b"c') == '"/a/\\$b\\"c"'
    text = desktop_entry(["/opt/Ruth Annotator/ruth-annotator", "gui"])
    assert 'Exec="/opt/Ruth Annotator/ruth-annotator" gui %f' in text


def test_install_desktop_puts_everything_in_place_and_removes_it(tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["install-desktop", "--data-dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    entry = tmp_path / "applications" / f"{DESKTOP_ID}.desktop"
    exec_line = next(line for line in entry.read_text().splitlines() if line.startswith("Exec="))
    program = exec_line.removeprefix("Exec=").split(" ")[0]
    assert shutil.which(program), exec_line  # points at a real program
    validated = subprocess.run([tool("desktop-file-validate"), str(entry)], capture_output=True,
                               text=True)
    assert validated.returncode == 0, validated.stdout
    for size in SIZES:
        assert (tmp_path / "icons" / "hicolor" / f"{size}x{size}" / "apps"
                / f"{DESKTOP_ID}.png").is_file()
    assert (tmp_path / "icons" / "hicolor" / "scalable" / "apps" / f"{DESKTOP_ID}.svg").is_file()
    assert "*.ruth" in (tmp_path / "mime" / "globs2").read_text()
    result = runner.invoke(main, ["install-desktop", "--data-dir", str(tmp_path), "--remove"])
    assert result.exit_code == 0 and "Removed 13 files" in result.output
    assert not entry.exists()
    assert "*.ruth" not in (tmp_path / "mime" / "globs2").read_text()
