"""Security: no network connection, article text shown as plain text, exports that stay in
their folder, parameterised SQL, and no SQLite extension loading."""

from __future__ import annotations

import ast
import importlib
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from reliability.helpers import annotate, cli, dump, error_lines, snapshot
from ruth_annotator.app.transfer import export_project
from ruth_annotator.errors import OptionalDependencyError, RuthError
from ruth_annotator.formats import registry
from ruth_annotator.formats.files import inside, safe_name
from ruth_annotator.model import NewDocument
from ruth_annotator.store import Project

PACKAGE = Path(__file__).resolve().parents[2] / "ruth_annotator"


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to reach another machine (name lookup or TCP/UDP connect) is recorded
    and fails; local sockets (Qt, worker pipes) are left alone."""
    attempts: list = []
    real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex

    def refuse(what):
        attempts.append(what)
        raise OSError(f"network use during a test: {what}")

    def connect(self, address):
        if self.family in (socket.AF_INET, socket.AF_INET6):
            refuse(("connect", address))
        return real_connect(self, address)

    def connect_ex(self, address):
        if self.family in (socket.AF_INET, socket.AF_INET6):
            refuse(("connect_ex", address))
        return real_connect_ex(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    for name in ("getaddrinfo", "gethostbyname", "gethostbyname_ex", "create_connection"):
        monkeypatch.setattr(socket, name, lambda *a, _n=name, **k: refuse((_n, a)))
    yield attempts
    assert attempts == []


def test_the_network_guard_notices_attempts(no_network):
    import urllib.request

    with pytest.raises(OSError):
        socket.create_connection(("192.0.2.1", 80), timeout=1)
    with pytest.raises(OSError):
        urllib.request.urlopen("http://example.invalid/", timeout=1)
    with pytest.raises(OSError), socket.socket(socket.AF_INET) as sock:
        sock.connect(("192.0.2.1", 80))
    assert len(no_network) == 3
    no_network.clear()


def test_import_export_check_backup_suggest_use_no_network(no_network, tmp_path,
                                                           sample_path):
    project = tmp_path / "p.ruth"
    assert cli("import", project, sample_path)[0] == 0
    assert cli("suggest", project)[0] == 0
    with Project.open(project) as opened:
        annotate(opened, 3)
        for fmt in registry.formats():
            if fmt.writer is None:
                continue
            target = tmp_path / "out" / fmt.name / f"export{(fmt.extensions or ('',))[0]}"
            try:
                export_project(opened, fmt.name, target)
            except OptionalDependencyError:
                continue
    for command in (["stats", project], ["check", project], ["backup", project],
                    ["restore", project]):
        code, out = cli(*command)
        assert code == 0, out
    assert no_network == []


def test_window_start_uses_no_network(no_network, qapp, tmp_path):
    gui_app = importlib.import_module("ruth_annotator.gui.app")
    window = gui_app.open_window(tmp_path / "new.ruth")
    try:
        qapp.processEvents()
        assert window.session.text  # the sample article is open
    finally:
        window.close()
        window.session.close()
        window.deleteLater()
        qapp.processEvents()


@pytest.mark.skipif(not shutil.which("unshare"), reason="needs unshare (util-linux)")
def test_commands_work_without_any_network(tmp_path, sample_path):
    """In a network namespace with no interface at all, everything still works."""
    if subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode != 0:
        pytest.skip("cannot create a network namespace here (needs root)")
    project = tmp_path / "p.ruth"
    script = (f"set -e; {sys.executable} -m ruth_annotator import {project} {sample_path}; "
              f"{sys.executable} -m ruth_annotator suggest {project}; "
              f"{sys.executable} -m ruth_annotator export {project} -o {tmp_path}/o.jsonl; "
              f"{sys.executable} -m ruth_annotator check {project}")
    result = subprocess.run(["unshare", "-n", "sh", "-c", script], capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "o.jsonl").stat().st_size > 0


HOSTILE = "<b>INJECTED</b><img src='http://example.invalid/x.png'>"


def test_article_text_is_plain_text_in_the_window(qapp, tmp_path):
    """Markup in an article, its title and its annotations is shown literally."""
    gui_app = importlib.import_module("ruth_annotator.gui.app")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import Qt as GuiQt
    from PySide6.QtWidgets import QLabel, QPlainTextEdit

    path = tmp_path / "html.ruth"
    text = f"{HOSTILE} said the minister. “{HOSTILE}” she wrote."
    with Project.open(path, "tester", create=True) as project:
        project.add_documents([NewDocument(text, title=HOSTILE)])
        annotate(project, 2)
    window = gui_app.open_window(path, with_sample=False)
    try:
        qapp.processEvents()
        assert isinstance(window.view, QPlainTextEdit)
        assert window.view.toPlainText() == text  # the tags are there as characters
        rich = [label for label in window.findChildren(QLabel)
                if "INJECTED" in label.text() and label.textFormat() != Qt.TextFormat.PlainText
                and GuiQt.mightBeRichText(label.text())]
        assert rich == [], [label.text() for label in rich]
    finally:
        window.close()
        window.session.close()
        window.deleteLater()
        qapp.processEvents()


def test_gui_never_renders_html_from_data():
    """The article view is a QPlainTextEdit and nothing sets HTML from document data: the
    only rich-text widgets show our own help pages."""
    offenders = []
    for path in sorted((PACKAGE / "gui").rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        for word in ("setHtml(", "insertHtml(", "QWebEngine", "QWebView"):
            if word in source:
                offenders.append(f"{path.name}: {word}")
    assert offenders == []


@pytest.mark.parametrize("name", ["../../evil", "/etc/passwd", "..", "a/../../b", "~/x"])
def test_export_names_cannot_leave_the_folder(tmp_path, name):
    folder = tmp_path / "export"
    folder.mkdir()
    target = inside(folder, safe_name(name))
    assert target.parent == folder.resolve()
    with pytest.raises(RuthError, match="outside the export folder"):
        inside(folder, "../escaped.txt")


def test_folder_exports_of_hostile_ids_stay_inside(tmp_path):
    """Documents whose ids are paths: every folder format writes only inside its folder."""
    path = tmp_path / "p.ruth"
    with Project.open(path, "tester", create=True) as project:
        for i, uid in enumerate(["../../escaped", "/tmp/abs", "..", "a/../../b", "CON"]):
            project.add_documents([NewDocument(f"Article {i} by Kate Winslet.", uid=uid)])
        annotate(project, 1)
        for fmt in registry.formats():
            if fmt.writer is None:
                continue
            out = tmp_path / "exports" / fmt.name
            target = out if fmt.folder else out / "file.out"
            try:
                export_project(project, fmt.name, target)
            except OptionalDependencyError:
                continue
    written = {p.resolve() for p in tmp_path.rglob("*")}
    outside = [p for p in written if not (p.is_relative_to((tmp_path / "exports").resolve())
                                          or p.name.startswith("p.ruth"))]
    assert outside == []
    assert not (tmp_path.parent / "escaped").exists()


# Names whose values are fixed identifiers (table and column names from constants in the
# code, "?" placeholders), never user data; anything else in an SQL f-string fails.
SAFE_IN_SQL = {"table", "t", "target", "column", "marks", "names", "values", "updates",
               "keys", "columns", "where", "APPLICATION_ID", "savepoint", "name", "LIMIT",
               "pages", "kind"}
SQL_WORDS = re.compile(
    r"\bselect\b.+\bfrom\b|\binsert\s+(or\s+\w+\s+)?into\b|\bdelete\s+from\b"
    r"|\bupdate\s+\S+\s+set\b|^\s*pragma\s|\b(create|drop)\s+(table|index|trigger|view)\b"
    r"|\balter\s+table\b|\bsavepoint\s|\brelease\s+savepoint\b", re.I | re.S)


def _literal(node: ast.AST) -> str:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(_literal(v) for v in node.values)
    return ""


def sql_problems(source: str, name: str) -> list[str]:
    """Every f-string, % or .format() whose literal text reads as SQL, with the names it
    puts into the statement that are not known identifiers."""
    problems = []
    for node in ast.walk(ast.parse(source)):
        where = f"{name}:{getattr(node, 'lineno', '?')}"
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod) and \
                SQL_WORDS.search(_literal(node.left)):
            problems.append(f"{where}: SQL built with %")
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "format" \
                and SQL_WORDS.search(_literal(node.func.value)):
            problems.append(f"{where}: SQL built with .format()")
        elif isinstance(node, ast.JoinedStr) and SQL_WORDS.search(_literal(node)):
            for part in node.values:
                if isinstance(part, ast.FormattedValue):
                    names = {n.id for n in ast.walk(part.value) if isinstance(n, ast.Name)}
                    if not names or not names <= SAFE_IN_SQL:
                        problems.append(f"{where}: {ast.unparse(part.value)} in SQL")
    return problems


def test_the_sql_check_catches_values_in_statements():
    source = "\n".join([
        'conn.execute(f"select * from docs where title = \'{title}\'")',
        'conn.execute("delete from docs where id = %s" % doc_id)',
        'conn.execute("update docs set title = \'{}\'".format(title))',
        'sql = f"insert into {table} values ({user_value})"',
        'conn.execute(f"select id from {table} where id in ({marks})", ids)',  # fine
        'print(f"Select the text of the {what} first.")',  # prose, not SQL
    ])
    assert len(sql_problems(source, "x.py")) == 4


def test_sql_is_parameterised():
    """Values reach SQLite only as parameters; f-strings may only name tables/columns."""
    problems = [problem for path in sorted(PACKAGE.rglob("*.py"))
                for problem in sql_problems(path.read_text(encoding="utf-8"),
                                            str(path.relative_to(PACKAGE.parent)))]
    assert problems == []


def test_no_extension_loading():
    sources = "\n".join(p.read_text(encoding="utf-8") for p in PACKAGE.rglob("*.py"))
    assert "enable_load_extension" not in sources and "load_extension(" not in sources
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Database":
                flags = {k.arg: k.value for k in node.keywords}
                assert "execute_plugins" in flags and ast.literal_eval(
                    flags["execute_plugins"]) is False, f"{path.name}:{node.lineno}"


def test_project_connections_refuse_load_extension(project):
    with pytest.raises(sqlite3.OperationalError, match="not authorized"):
        project.db.execute("select load_extension('/tmp/evil')")
    with Project.open(project.path, readonly=True) as readonly, \
            pytest.raises(sqlite3.OperationalError, match="not authorized"):
        readonly.db.execute("select load_extension('/tmp/evil')")


# --- planted links and files in a shared folder --------------------------------------


def test_a_planted_lock_file_link_never_overwrites_its_target(tmp_path):
    """A `P.ruth-lock` symbolic link to another file: opening for writing refuses in one
    line and the file it points to keeps its bytes."""
    path = tmp_path / "p.ruth"
    Project.open(path, create=True).close()
    precious = tmp_path / "precious.txt"
    precious.write_text("precious", encoding="utf-8")
    (tmp_path / "p.ruth-lock").symlink_to(precious)
    with pytest.raises(RuthError, match="p.ruth-lock beside it is a symbolic link") as caught:
        Project.open(path)
    assert "\n" not in str(caught.value)
    assert precious.read_text(encoding="utf-8") == "precious"
    code, out = cli("import", path, precious)
    assert code == 1 and "symbolic link" in out
    assert precious.read_text(encoding="utf-8") == "precious"


def test_a_planted_lock_file_hard_link_never_overwrites_its_target(tmp_path):
    path = tmp_path / "p.ruth"
    Project.open(path, create=True).close()
    precious = tmp_path / "precious.txt"
    precious.write_text("precious", encoding="utf-8")
    os.link(precious, tmp_path / "p.ruth-lock")
    with pytest.raises(RuthError, match="link to another file"):
        Project.open(path)
    assert precious.read_text(encoding="utf-8") == "precious"


def test_an_export_onto_a_link_replaces_the_link_not_its_target(project, tmp_path):
    """Outputs are written to a fresh temporary file (never through a link) and renamed
    over the output name, so a link there is replaced and its target keeps its bytes."""
    precious = tmp_path / "precious.txt"
    precious.write_text("precious", encoding="utf-8")
    for name, fmt in (("out.jsonl", "jsonl"), ("out.conll", "conll")):
        (tmp_path / name).symlink_to(precious)
        export_project(project, fmt, tmp_path / name)
        assert not (tmp_path / name).is_symlink()
    project.close()
    (tmp_path / "copy.ruth").symlink_to(precious)
    assert cli("backup", project.path, "--to", tmp_path / "copy.ruth")[0] == 0
    assert precious.read_text(encoding="utf-8") == "precious"


@pytest.mark.parametrize("kind", ["text file", "other program", "folder"])
def test_restore_writes_only_onto_a_project_or_a_new_path(project, tmp_path, kind):
    """`restore notes.txt good.ruth` used to replace the text file with a project."""
    project.close()
    good = tmp_path / "good.ruth"
    assert cli("backup", project.path, "--to", good)[0] == 0
    target = tmp_path / "notes"
    if kind == "text file":
        target.write_text("my notes", encoding="utf-8")
    elif kind == "other program":
        conn = sqlite3.connect(target)
        conn.execute("create table notes (body text)")
        conn.commit()
        conn.close()
    else:
        target.mkdir()
    before = snapshot(tmp_path)
    code, out = cli("restore", target, good)
    assert code != 0, out
    if code == 1:  # click refuses a folder for a file argument itself (exit 2)
        [line] = error_lines(out)
        assert "restored only onto a project or a new file" in line, line
    assert snapshot(tmp_path) == before
    fresh = tmp_path / "fresh.ruth"
    assert cli("restore", fresh, good)[0] == 0
    assert dump(fresh) == dump(good)


@pytest.mark.parametrize("suffix", ["-wal", "-shm", "-journal"])
def test_planted_links_beside_a_project_are_named_and_followed_nowhere(tmp_path, suffix):
    """SQLite refused them with a bare "unable to open database file"."""
    path = tmp_path / "p.ruth"
    Project.open(path, create=True).close()
    precious = tmp_path / "precious.txt"
    precious.write_text("precious", encoding="utf-8")
    (tmp_path / f"p.ruth{suffix}").symlink_to(precious)
    for readonly in (False, True):
        with pytest.raises(RuthError, match=f"p.ruth{suffix} beside it is a symbolic link"):
            Project.open(path, readonly=readonly)
    assert precious.read_text(encoding="utf-8") == "precious"


def test_a_link_planted_at_a_copys_temporary_name_is_never_written_through(project,
                                                                           tmp_path,
                                                                           monkeypatch):
    """A backup or a restore writes a temporary copy beside its target first; a link put
    under that name between clearing it and writing (a shared folder) fails the copy in
    one line and its target keeps its bytes."""
    from ruth_annotator.store import backup

    precious = tmp_path / "precious.txt"
    precious.write_text("precious", encoding="utf-8")
    clear = backup._remove_with_journal

    def clear_then_plant(path):
        clear(path)
        if path.name.endswith(".part"):
            path.symlink_to(precious)

    monkeypatch.setattr(backup, "_remove_with_journal", clear_then_plant)
    with pytest.raises(RuthError, match="cannot write a backup here") as caught:
        backup.create_backup(project.path, target=tmp_path / "copy.ruth")
    assert "\n" not in str(caught.value)
    assert precious.read_text(encoding="utf-8") == "precious"
