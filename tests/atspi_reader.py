"""Read the running reader as a screen reader does, through AT-SPI (run by tests/test_atspi.py).

    dbus-run-session -- /usr/bin/python3 tests/atspi_reader.py REPORT.json PYTHON MAIN_PY [--municipality ID]

Runs with Debian's python3 (python3-pyatspi lives in its dist-packages, not in the project's venv). Inside the
private D-Bus session it starts Xvfb and the app (QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1), walks the accessible tree
of the home screen, presses a tile as Orca would, reads a question with its help, an advice step with its links,
the summary and a page, and writes one JSON object with what it found to REPORT.json. Nothing here imports Qt.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from typing import Any

import pyatspi  # type: ignore[import-not-found]

INTERACTIVE = {
    "push button", "toggle button", "check box", "radio button", "combo box", "entry", "text", "list item",
    "page tab", "menu item", "check menu item", "radio menu item", "spin button", "slider", "link", "tree item",
    "table cell", "menu",
}
TIMEOUT = 60.0  # seconds; generous: a busy CI machine is slow to build the accessible tree (a hang guard)


def wait_for(find: Any, what: str, timeout: float = TIMEOUT) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            found = find()
        except Exception:  # the tree changes under us while the app builds it
            found = None
        if found:
            return found
        time.sleep(0.2)
    raise TimeoutError(f"timed out waiting for {what}")


def text_of(node: Any) -> str:
    try:
        text = node.queryText()
        return str(text.getText(0, text.characterCount))
    except NotImplementedError:
        return ""
    except Exception:
        return ""


def role(node: Any) -> str:
    return str(node.getRoleName())


def states(node: Any) -> set[str]:
    try:
        return {pyatspi.stateToString(s) for s in node.getState().getStates()}
    except Exception:
        return set()


def walk(node: Any, depth: int = 0, hidden: bool = False) -> list[dict[str, Any]]:
    """Every showing node under `node` (with `hidden`, those scrolled out of view too, which the arrow keys
    reach): role, name, description, text, actions and links."""
    found: list[dict[str, Any]] = []
    if node is None or depth > 60:
        return found
    node_states = states(node)
    if depth and "showing" not in node_states and not hidden:
        return found
    entry: dict[str, Any] = {
        "role": role(node), "name": str(node.name or ""), "description": str(node.description or ""),
        "text": text_of(node), "states": sorted(node_states), "actions": [], "links": [],
    }
    try:
        action = node.queryAction()
        entry["actions"] = [str(action.getName(i)) for i in range(action.nActions)]
    except Exception:
        pass
    try:
        hypertext = node.queryHypertext()
        for i in range(hypertext.getNLinks()):
            link = hypertext.getLink(i)
            entry["links"].append(text_of(link.getObject(0)) or str(link.getURI(0)))
    except Exception:
        pass
    found.append(entry)
    for i in range(node.childCount):
        try:
            found += walk(node.getChildAtIndex(i), depth + 1, hidden)
        except Exception:
            continue
    return found


def find(node: Any, role_name: str, name: str | None = None, startswith: str | None = None) -> Any:
    """The first showing node of a role (and name) under `node`, depth first."""
    if node is None:
        return None
    if role(node) == role_name and (name is None or node.name == name) and (
        startswith is None or str(node.name or "").startswith(startswith)
    ) and "showing" in states(node):
        return node
    for i in range(node.childCount):
        try:
            hit = find(node.getChildAtIndex(i), role_name, name, startswith)
        except Exception:
            continue
        if hit is not None:
            return hit
    return None


def press(node: Any) -> None:
    """Do the node's first action (a screen reader's «press»)."""
    node.queryAction().doAction(0)


def main(out: str, python: str, main_py: str, *app_args: str) -> int:
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", "1", "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    display = xvfb.stdout.readline().decode().strip() if xvfb.stdout else ""
    env = dict(os.environ, DISPLAY=f":{display}", QT_QPA_PLATFORM="xcb", QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
               QT_ACCESSIBILITY="1", NO_AT_BRIDGE="0")
    env.pop("WAYLAND_DISPLAY", None)
    app = subprocess.Popen([python, main_py, *app_args], env=env, stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE)
    report: dict[str, Any] = {}
    try:
        desktop = pyatspi.Registry.getDesktop(0)

        def the_app() -> Any:
            for i in range(desktop.childCount):
                child = desktop.getChildAtIndex(i)
                if child is not None and child.get_process_id() == app.pid:
                    return child
            return None

        application = wait_for(the_app, "the app on the accessibility bus")
        window = wait_for(lambda: find(application, "frame"), "the main window")
        wait_for(lambda: find(window, "push button", startswith="Bekymret for et barn"), "the home tiles")
        report["home"] = walk(window)
        report["window_name"] = str(window.name)

        press(find(window, "push button", startswith="Bekymret for et barn"))
        wait_for(lambda: find(window, "push button", startswith="Svar 1"), "the first question")
        report["question"] = walk(window)

        press(find(window, "push button", startswith="Svar 2"))  # «Nei»: no danger now
        wait_for(lambda: find(window, "label", name="Hvor jobber du?"), "the second question")
        press(find(window, "push button", startswith="Svar 1"))  # a kindergarten → advice with links
        wait_for(lambda: find(window, "push button", name="Fortsett"), "an advice step")
        report["advice"] = walk(window)

        press(find(window, "push button", name="Start på nytt"))
        wait_for(lambda: find(window, "push button", startswith="Svar 1"), "the first question again")
        press(find(window, "push button", startswith="Svar 1"))  # danger now → the summary
        wait_for(lambda: find(window, "push button", name="Kopier som tekst"), "the summary")
        report["summary"] = walk(window)

        press(find(window, "push button", startswith="Hjem"))
        press(wait_for(lambda: find(window, "push button", startswith="Meldeplikter"), "the duties tile"))
        first_duty = wait_for(lambda: find_duty_link(window), "a duty page link")
        report["duty_link"] = str(first_duty.name)
        press(first_duty)
        try:
            wait_for(lambda: any(n["name"] == "Sideinnhold" and n["text"] for n in walk(window)), "a page", 20)
        finally:
            report["page"] = walk(window)

        # Ctrl+J's list of headings and links, opened from the menu as a screen-reader user would find it: one named
        # item each (Qt's text browser does not expose them one by one itself).
        press(wait_for(lambda: find_anywhere(application, "menu item", "Overskrifter og lenker"), "Vis → outline"))
        outline = wait_for(lambda: find_anywhere(application, "dialog", "Overskrifter og lenker", showing=True),
                           "the outline dialog")
        report["outline"] = walk(outline, hidden=True)
    except TimeoutError as exc:
        report["error"] = str(exc)
    finally:
        app.terminate()
        try:
            _out, err = app.communicate(timeout=20)
            report["app_stderr"] = err.decode(errors="replace")[-4000:]
        except subprocess.TimeoutExpired:
            app.kill()
        xvfb.terminate()
        xvfb.wait(timeout=20)
    with open(out, "w", encoding="utf-8") as file:
        json.dump(report, file, ensure_ascii=False)
    return 0


def walk_nodes(node: Any) -> list[Any]:
    nodes = [node]
    for i in range(node.childCount):
        try:
            child = node.getChildAtIndex(i)
        except Exception:
            continue
        if child is not None and "showing" in states(child):
            nodes += walk_nodes(child)
    return nodes


def find_anywhere(node: Any, role_name: str | None, startswith: str, showing: bool = False,
                  roles: tuple[str, ...] = ()) -> Any:
    """The first node (depth first, hidden ones too unless `showing`) of a role whose name starts with `startswith`."""
    if node is None:
        return None
    name = str(node.name or "")
    wanted = role(node) in roles if roles else role_name is None or role(node) == role_name
    if wanted and name.startswith(startswith) and (not showing or "showing" in states(node)):
        return node
    for i in range(node.childCount):
        try:
            hit = find_anywhere(node.getChildAtIndex(i), role_name, startswith, showing, roles)
        except Exception:
            continue
        if hit is not None:
            return hit
    return None


def find_duty_link(window: Any) -> Any:
    """The first page link on «Meldeplikter»: a button below the heading label «Meldeplikter»."""
    nodes = walk_nodes(window)
    seen_heading = False
    for node in nodes:
        if role(node) == "label" and node.name == "Meldeplikter":
            seen_heading = True
        elif seen_heading and role(node) == "push button" and node.name:
            return node
    return None


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
