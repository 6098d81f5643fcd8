"""The background helper: callbacks on the UI thread, failures reported, stale tasks dropped."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from handbook.ui.background import Background

pytestmark = pytest.mark.gui


@pytest.fixture
def background(qtbot: QtBot) -> Iterator[Background]:
    bg = Background(threads=2)
    yield bg
    bg.shutdown()


def test_success_is_delivered_on_the_ui_thread(qtbot: QtBot, background: Background) -> None:
    seen: list[tuple[object, bool]] = []
    worker_threads: list[threading.Thread] = []

    def work() -> int:
        worker_threads.append(threading.current_thread())
        return 42

    background.run(work, lambda r: seen.append((r, threading.current_thread() is threading.main_thread())))
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == [(42, True)]
    assert worker_threads[0] is not threading.main_thread()


def test_failure_is_delivered(qtbot: QtBot, background: Background) -> None:
    errors: list[BaseException] = []

    def boom() -> None:
        raise ValueError("nope")

    background.run(boom, lambda r: None, errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], ValueError)


def test_a_newer_task_with_the_same_key_drops_the_older(qtbot: QtBot, background: Background) -> None:
    release = threading.Event()
    started = threading.Event()
    results: list[str] = []

    def slow() -> str:
        started.set()
        release.wait(10)
        return "old"

    background.run(slow, results.append, key="search")
    assert started.wait(10)
    background.run(lambda: "queued", results.append, key="search")
    with qtbot.waitSignal(background.idle, timeout=10_000):
        background.run(lambda: "new", results.append, key="search")
        release.set()
    assert results == ["new"]
    assert not background.busy


def test_shutdown_refuses_new_work(qtbot: QtBot) -> None:
    bg = Background()
    assert bg.shutdown()
    assert bg.run(lambda: 1) == 0
