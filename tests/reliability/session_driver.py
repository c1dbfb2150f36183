"""A child process that annotates like the app does, for the kill tests.

Each action is ONE ChangeSet from `model.edits`, written with `project.apply` and then
applied to the in-memory layer, as the workspace does. Before writing it prints
`will <n> <state digest after n>`; after the commit returns it prints `done <n>`. The
parent kills it with SIGKILL at random moments and checks that the file holds exactly the
state after the last `done` action, or after the one announced with `will` (it may have
committed before the kill), never anything in between.

Run: python session_driver.py PROJECT SEED [MAX_ACTIONS]; the tests run it as a fork
server (`--serve`) that starts each session as a forked child, skipping ~0.5 s of imports
per kill.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import sys
import time

from ruth_annotator.model import ChangeSet, Layer, NewDocument, Span, edits
from ruth_annotator.model.document import text_hash
from ruth_annotator.store import Project

LABELS = ("PERSON", "ORG", "GPE", "MISC")


def state_digest(docs: list[tuple[int, str]], layers: dict[int, Layer]) -> str:
    """One hash of every document (id, text hash) and every layer's items and status."""
    data = {
        "docs": sorted(docs),
        "layers": {
            str(doc): [layer.status, sorted(repr(item) for item in layer)]
            for doc, layer in sorted(layers.items())
            if len(layer) or layer.status != "todo"
        },
    }
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:16]


def stored_state(project: Project) -> str:
    """The digest of what the project file holds now (the parent's side of the check)."""
    docs = [(r[0], r[1]) for r in project.db.execute("select id, hash from documents")]
    layers = {doc: project.layer(doc) for doc, _ in docs}
    return state_digest(docs, layers)


class Session:
    def __init__(self, project: Project, rng: random.Random) -> None:
        self.project = project
        self.rng = rng
        self.docs = [(r[0], r[1]) for r in project.db.execute("select id, hash from documents")]
        self.texts = {doc: project.document(doc).text for doc, _ in self.docs}
        self.layers = {doc: project.layer(doc) for doc, _ in self.docs}

    def random_span(self, text: str, longest: int = 40) -> Span:
        start = self.rng.randrange(0, len(text) - 1)
        return Span(start, min(len(text), start + self.rng.randint(1, longest)))

    def next_action(self):
        """(document id or None for an import, ChangeSet or a (kind, value) tuple)."""
        rng = self.rng
        if rng.random() < 0.03:
            return self.import_action()
        doc = rng.choice(self.docs)[0]
        layer, text = self.layers[doc], self.texts[doc]
        choice = rng.random()
        if choice < 0.40 or not layer.mentions:
            label = rng.choice(LABELS)
            span = self.random_span(text)
            if any(m.span == span and m.label == label for m in layer.mentions.values()):
                return doc, ChangeSet("", ())  # the app refuses a second copy
            return doc, edits.add_mention(layer, text, span, label)
        if choice < 0.55:
            spans = [self.random_span(text, 300)]
            if rng.random() < 0.3:
                spans.append(self.random_span(text, 100))
                if spans[0].overlaps(spans[1]):
                    spans.pop()
            if any(q.spans == tuple(sorted(spans)) for q in layer.quotes.values()):
                return doc, ChangeSet("", ())  # the app refuses a second copy
            return doc, edits.add_quote(layer, spans, rng.choice(("direct", "indirect")))
        if choice < 0.65 and layer.quotes:
            quote = rng.choice(list(layer.quotes))
            mention = rng.choice(list(layer.mentions))
            return doc, edits.set_speaker(layer, quote, mention_id=mention)
        if choice < 0.80:
            ids = rng.sample(list(layer.mentions), min(len(layer.mentions), rng.randint(1, 6)))
            ids += rng.sample(list(layer.quotes), min(len(layer.quotes), rng.randint(0, 2)))
            return doc, edits.delete_annotations(layer, ids)
        if choice < 0.88 and len(layer.entities) > 1:
            return doc, edits.merge_entities(layer, rng.sample(list(layer.entities), 2))
        if choice < 0.95:
            return doc, ("status", rng.choice(("todo", "in_progress", "done")))
        mention = rng.choice(list(layer.mentions))
        return doc, edits.update(layer, mention, label=rng.choice(LABELS))

    def import_action(self):
        """A whole new article (tens of kilobytes) in one import transaction."""
        words = ["said", "the", "minister", "“We", "will", "not", "leave”", "café", "👍🏽",
                 "Zoë", "مرحبا", "\r\n", "\t", "e\u0301", "👨\u200d👩\u200d👧"]
        text = " ".join(self.rng.choice(words) for _ in range(self.rng.randint(2000, 9000)))
        text = f"Article {self.rng.random()}\n{text}"
        return None, ("import", text)

    def expected_after(self, doc, action) -> str:
        """Apply the action to the in-memory state and return the digest it must give."""
        if doc is None:
            new_id = max(d for d, _ in self.docs) + 1
            self.docs.append((new_id, text_hash(action[1])))
            self.texts[new_id] = action[1]
            self.layers[new_id] = Layer(new_id, self.project.annotator)
        elif isinstance(action, tuple):
            self.layers[doc].status = action[1]
        else:
            self.layers[doc].apply(action)
            if self.layers[doc].status == "todo":
                self.layers[doc].status = "in_progress"
        return state_digest(self.docs, self.layers)

    def write(self, doc, action, split: bool = False) -> None:
        if doc is None:
            self.project.add_documents([NewDocument(action[1], title="generated")])
        elif isinstance(action, tuple):
            self.project.set_status(doc, action[1])
        elif split:  # the bug the harness must catch: one transaction per row
            for change in action.changes:
                self.project.apply(ChangeSet(action.description, (change,)), doc)
                time.sleep(0.002)
        else:
            self.project.apply(action, doc)


def run_session(path: str, seed: int, log_path: str | None, limit: int = 10**9,
                split: bool = False) -> None:
    """Annotate `path` until killed (or `limit` actions), writing the protocol to the file
    `log_path` (standard output if None); each line is one unbuffered write. `split` writes
    each action row by row, a deliberate bug that the checks must detect."""
    log = os.open(log_path, os.O_WRONLY | os.O_APPEND) if log_path else sys.stdout.fileno()
    rng = random.Random(seed)
    with Project.open(path, "driver") as project:
        session = Session(project, rng)
        os.write(log, f"ready {stored_state(project)}\n".encode())
        n = 0
        while n < limit:
            doc, action = session.next_action()
            if not isinstance(action, tuple) and not action:
                continue
            n += 1
            digest = session.expected_after(doc, action)
            os.write(log, f"will {n} {digest}\n".encode())
            session.write(doc, action, split)
            os.write(log, f"done {n}\n".encode())


def serve() -> None:
    """A fork server: for each line "PROJECT SEED LOG SPLIT" on stdin, fork a session and
    print its pid. The modules are imported once here, so a session starts in milliseconds
    and the kill tests spend their time killing, not importing."""
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # the kernel reaps the killed children
    for line in sys.stdin:
        path, seed, log, split = line.split()
        pid = os.fork()
        if pid == 0:
            try:
                run_session(path, int(seed), log, split=split == "1")
            finally:
                os._exit(0)
        print(pid, flush=True)


def main() -> None:
    if sys.argv[1:] == ["--serve"]:
        serve()
        return
    limit = int(sys.argv[3]) if len(sys.argv) > 3 else 10**9
    run_session(sys.argv[1], int(sys.argv[2]), None, limit)


if __name__ == "__main__":
    main()
