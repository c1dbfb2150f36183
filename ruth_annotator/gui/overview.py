"""View ▸ Show every speaker link / Show labels in the text: the whole page's attribution
at a glance (as brat draws it), on demand, where normally only the current quote's
speaker is outlined. Both are remembered in the settings."""

from __future__ import annotations

from ruth_annotator import config
from ruth_annotator.gui.article_view import ArticleView
from ruth_annotator.gui.session import Session
from ruth_annotator.model.annotations import REJECTED


class Overview:
    def __init__(self, session: Session, view: ArticleView, colors) -> None:
        self.session = session
        self.view = view
        self.colors = colors  # () -> {label: colour}
        settings = config.load_settings()
        self.links_on = bool(settings.get("show_speaker_links", False))
        self.labels_on = bool(settings.get("show_labels", False))

    def show_links(self, on: bool) -> None:
        self.links_on = on
        _store("show_speaker_links", on)
        self.refresh()

    def show_labels(self, on: bool) -> None:
        self.labels_on = on
        _store("show_labels", on)
        self.refresh()

    def refresh(self, *_args) -> None:
        """Hand the view what to draw (after every change: links come and go)."""
        layer = self.session.layer
        links, labels = [], []
        if layer is not None and self.links_on:
            for q in layer.quotes.values():
                m = layer.mentions.get(q.speaker_mention or "")
                if q.status != REJECTED and m is not None and m.status != REJECTED:
                    links.append((m.span, q.spans[0]))
        if layer is not None and self.labels_on:
            colors = self.colors()
            labels = [(m.span, m.label, colors.get(m.label, "#999999"))
                      for m in layer.mentions.values() if m.status != REJECTED]
        self.view.set_overview(links, labels)


def _store(key: str, value: bool) -> None:
    settings = config.load_settings()
    settings[key] = value
    config.save_settings(settings)
