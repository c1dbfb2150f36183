<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Ruth Annotator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ruth Annotator icon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Ruth Annotator {version}&lt;/h2&gt;&lt;p&gt;Keyboard-first annotation of entities, quotations and speakers in news articles.&lt;/p&gt;&lt;p&gt;Licensed under the Apache License 2.0.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy these versions to the clipboard, for a bug report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Dialog buttons</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file format to write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the format keeps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file or folder to write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose where to write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whose annotations to export (Space ticks or unticks)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include &amp;undecided suggestions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include undecided suggestions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also write suggestions nobody accepted or rejected yet (status &apos;proposed&apos;); rejected ones are never written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Split into train / dev / test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split into train, dev and test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each document goes to one part, decided by its id and the seed, so exporting again never moves a document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{part} share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another seed gives another split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the export now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dialog buttons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Output:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Annotators:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No format can export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose where to write the export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick at least one annotator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The three parts must add up to 100 %.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} left out: tick “Include undecided suggestions” to write them too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not carried by {fmt}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelpViewer</name>
    <message>
        <source>Ruth Annotator Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Help page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Contents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The guide&apos;s first page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in &amp;browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show this page in the system&apos;s browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ruth Annotator Help — {page}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LabelSetEditor</name>
    <message>
        <source>Label set editor</source>
        <extracomment>Asked before removing a label in use; tests replace it. Picks a colour starting from the given one; None when cancelled. Tests replace it.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a cell to edit it; F2 edits the current cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label set problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a new label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the selected label&apos;s colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the selected label up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the selected label down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the set with the default labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click to choose a colour, or type #RRGGBB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a project needs at least one label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>key {key} of {name} is already {action}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is used by {n} annotation(s). They keep the label, but it will have no colour or key. Remove it anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label colour</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProjectMenu</name>
    <message>
        <source>New project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No other recent projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget the recent projects (the files stay)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop either one project to open it, or articles to import, not both.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project is put back to the backup you choose. Its current state is backed up first, so a restore can itself be undone by restoring that backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This project has no backups yet. One is made when it opens and every few minutes while it changes; File → Back up now makes one at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project&apos;s backups, newest first: when, why, size, file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put {name} back to the backup of {when}?

Its current state is backed up first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your last actions are not saved yet; retry or save a copy first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored the backup of {when} ({reason}); the state before it is saved as {before}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored the backup of {when} ({reason}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring from backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backed up to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (without the {n} action(s) not saved yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backing up</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;uggestions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotator name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name in the project: your annotations are stored under it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points added to the article&apos;s reading size (Ctrl++ and Ctrl+- change it too)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same as the desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light or dark colours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A backup copy of the open project is made when it changed and the last copy is older than this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> copies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The oldest backups beyond this number are deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Annotator name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Text size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Backup every:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcut settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every action has a key. The cheat sheet (&lt;b&gt;?&lt;/b&gt;) lists them all and changes any of them; two actions can never share a key. The label keys (1–9) are set on the Labels tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Change keyboard shortcuts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the cheat sheet, where keys are changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggestion settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Suggest annotations in new documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggestions on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposed mentions and quotes appear faded until you accept them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built-in rules (fast, no extra install)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>spaCy model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggestion engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which engine proposes entities and quotes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An installed spaCy model package or folder, e.g. en_core_web_sm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggestion engine status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Engine:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>spaCy &amp;model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The annotator name cannot be empty.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TextSizeBox</name>
    <message>
        <source>default</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to Ruth Annotator</source>
        <extracomment>File choosers; tests replace them. Each returns None / [] when cancelled.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ruth Annotator icon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Welcome to Ruth Annotator&lt;/h2&gt;&lt;p&gt;Mark the people and organisations in news articles, the quotations, who said them and how. Everything you do is saved at once; there is no Save button.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Introduction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your annotations are stored under this name; change it later in Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try the &amp;sample article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A short news story about Kate Winslet, ready to annotate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open a project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A .ruth file you or a colleague made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a ne&amp;w project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An empty project file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import articles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text files or JSONL records, added to your default project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please enter your name first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import articles</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
