"""Regenerate the team screenshots in docs/ (curation window and agreement report).

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python docs/team_screenshots.py

It builds a throw-away project with the sample article annotated by three people whose
differences are known (the same layers the team tests check figure by figure), takes the
agreed annotations into gold and settles one disagreement, then saves
docs/curation.png and docs/agreement-report.png.
"""

from __future__ import annotations

import os
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent


def carol_items(alice: list) -> list:
    """A third annotator: alice's work without Lorraine Kelly, and the first quote mixed."""
    out = []
    for item in alice:
        if item.id == "a-m6" or item.id == "a-kelly":
            continue
        fields = {"id": "c" + item.id[1:]}
        for ref in ("entity", "speaker"):
            value = getattr(item, ref, None)
            if value:
                fields[ref] = "c" + value[1:]
        if item.id == "a-q1":
            fields["type"] = "mixed"
        out.append(replace(item, **fields))
    return out


def settle(app) -> None:
    for _ in range(30):
        app.processEvents()


def main() -> int:
    home = Path(tempfile.mkdtemp(prefix="ruth-team-shots-"))
    os.environ["RUTH_ANNOTATOR_HOME"] = str(home)
    os.environ["RUTH_ANNOTATOR_NAME"] = "lead"
    sys.path.insert(0, str(HERE.parent))
    from ruth_annotator.app.transfer import import_paths
    from ruth_annotator.gui.agreement_report import AgreementReportDialog
    from ruth_annotator.gui.app import application
    from ruth_annotator.gui.curation import CurationWindow
    from ruth_annotator.resources import sample_article
    from ruth_annotator.store import Project
    from ruth_annotator.team.agreement import project_agreement
    # The test scenario, by file: an installed package may also be called `tests`.
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    from team.scenario import alice_items, bob_items, write_layer

    app = application()
    project = Project.open(home / "news.ruth", create=True)
    import_paths(project, [sample_article()])
    write_layer(project, "alice", alice_items())
    write_layer(project, "bob", bob_items())
    write_layer(project, "carol", carol_items(alice_items()))

    curation = CurationWindow(project.path, 1, annotators=["alice", "bob"])
    curation.resize(1400, 880)
    curation.show()
    settle(app)
    curation.take_agreed()
    ruth = next(r for r, g in enumerate(curation.table.groups)
                if curation.text[g.start:g.end] == "I Am Ruth")
    curation.table.selectRow(ruth)
    curation.take("alice")
    he_said = next(r for r, g in enumerate(curation.table.groups)
                   if g.kind == "quote" and curation.text[g.start:].startswith("He said"))
    curation.table.selectRow(he_said)
    settle(app)
    out = HERE / "curation.png"
    curation.grab().save(str(out))
    print(f"saved {out}")
    curation.close()

    dialog = AgreementReportDialog(project.path)
    dialog.resize(1000, 900)
    dialog.show()
    dialog.set_report(project_agreement(project), {1: "Kate Winslet 'blown away' by daughter"})
    dialog.pair_choice.setCurrentIndex(0)
    settle(app)
    out = HERE / "agreement-report.png"
    dialog.grab().save(str(out))
    print(f"saved {out}")
    dialog.close()
    project.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
