"""Structural edits on the Map tab: every command saves one edit that undo and redo take back
and give again; refusals say why and change nothing; the marks and handle follow the map."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from app.analysis.chain import sends_work_back
from app.models.database import open_database
from app.process.model import Process
from app.ui.map import editor as editor_module
from app.ui.map import menus, pickers
from app.ui.map.page import MapPage
from app.ui.store import ProcessStore
from tests.editing.maps import pairs, quote_map


@pytest.fixture
def page(qtbot: QtBot, tmp_path: Path) -> MapPage:
    store = ProcessStore()
    store.set_database(open_database(tmp_path / "map.sqlite"))
    [process_id] = store.add_processes([quote_map()], "Add")
    store.undo_stack.clear()
    widget = MapPage(store)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    store.process_changed.connect(lambda pid: widget.show_process(store.load(pid)))
    widget.show_process(store.load(process_id))
    return widget


@pytest.fixture(autouse=True)
def no_dialogs(errors: list[str], monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """No modal dialog can block a test here: errors are recorded, questions answered no."""
    monkeypatch.setattr(editor_module, "ask_to_confirm", lambda _parent, _reason: False)
    return errors


@pytest.fixture(autouse=True)
def no_picker(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The step picker is cancelled unless a test answers it; its questions are recorded."""
    asked: list[str] = []
    monkeypatch.setattr(pickers, "pick_step", lambda _p, title, *_a, **_k: asked.append(title))
    return asked


@pytest.fixture
def confirm(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Confirmation questions are answered yes and recorded."""
    asked: list[str] = []
    monkeypatch.setattr(
        editor_module, "ask_to_confirm", lambda _parent, reason: asked.append(reason) or True
    )
    return asked


def saved(page: MapPage) -> Process:
    assert page.whole is not None
    return page.store.load(page.whole.id)


def undoable(page: MapPage, command: Callable[[], object]) -> Process:
    """Run ``command``; check undo gives the map back and redo the edit; return the edit."""
    before = saved(page)
    command()
    after = saved(page)
    assert after != before
    assert page.store.undo_stack.count() == 1
    page.store.undo_stack.undo()
    assert saved(page) == before
    assert page.process == before
    page.store.undo_stack.redo()
    assert saved(page) == after
    return after


COMMANDS: dict[str, Callable[[MapPage], object]] = {
    "insert after": lambda p: p.editor.insert_after("s2"),
    "insert before": lambda p: p.editor.insert_before("s2"),
    "insert on a flow": lambda p: p.editor.insert_on_flow(1, "empty"),
    "duplicate": lambda p: p.editor.duplicate("s4"),
    "rename": lambda p: p.editor.rename("s4", "Email the quote"),
    "delete": lambda p: p.editor.delete(["s4"]),
    "change kind": lambda p: p.editor.change_kind(["s4"], "approval"),
    "move to lane": lambda p: p.editor.move_to_lane(["s2", "s4"], "empty"),
    "move later": lambda p: p.editor.move_in_order("s2", 1),
    "connect": lambda p: p.editor.connect("s4", "s2", rework=True),
    "reconnect": lambda p: p.editor.reconnect(3, target="s5"),
    "delete a spare flow": lambda p: p.editor.delete_flow(3),
    "label": lambda p: p.editor.set_label(2, "approved"),
    "out of ten": lambda p: p.editor.set_out_of_ten(2, 7),
    "unmark a send-back": lambda p: p.editor.mark_send_back(3, False),
    "share equally": lambda p: p.editor.share_equally("s3"),
    "add lane": lambda p: p.editor.add_lane("Finance", "sales"),
    "rename lane": lambda p: p.editor.rename_lane("boss", "Sales manager"),
    "merge lanes": lambda p: p.editor.merge_lanes("boss", "sales"),
    "delete lane": lambda p: p.editor.delete_lane("empty"),
    "move lane": lambda p: p.editor.move_lane_to("empty", 0),
    "delete several": lambda p: p.editor.delete(["s3", "s4"]),
    "kind of several": lambda p: p.editor.change_kind(["s2", "s4"], "approval"),
}


@pytest.mark.parametrize("name", list(COMMANDS))
def test_every_command_is_one_edit_that_undo_and_redo_follow(
    page: MapPage, name: str, errors: list[str]
) -> None:
    undoable(page, lambda: COMMANDS[name](page))
    assert errors == []


def test_inserting_selects_the_new_step_and_shows_it(page: MapPage) -> None:
    after = undoable(page, lambda: page.editor.insert_on_flow(1, "empty"))
    new = next(s.id for s in after.steps if s.id not in quote_map().step_by_id())
    page.select_step(None)
    page.editor.insert_after("s2")
    assert len(page.selected) == 1
    assert page.selected[0] in page.scene.steps
    assert new in page.scene.steps
    assert page.panel.step_id == page.selected[0]


REFUSED: dict[str, Callable[[MapPage], object]] = {
    "insert after the end": lambda p: p.editor.insert_after("s5"),
    "a step leading to itself": lambda p: p.editor.connect("s2", "s2"),
    "an empty name": lambda p: p.editor.rename("s2", " "),
    "a lane with steps": lambda p: p.editor.delete_lane("sales"),
    "an end with ways out": lambda p: p.editor.change_kind(["s3"], "end"),
    "the start": lambda p: p.editor.delete(["s1"]),
    "a share over 10": lambda p: p.editor.set_out_of_ten(2, 12),
}


@pytest.mark.parametrize("name", list(REFUSED))
def test_refusals_say_why_and_save_nothing(page: MapPage, name: str, errors: list[str]) -> None:
    before = saved(page)
    REFUSED[name](page)
    assert saved(page) == before
    assert page.store.undo_stack.count() == 0
    assert len(errors) == 1
    assert errors[0].endswith(".")


def test_a_deletion_that_cuts_a_step_off_is_asked_about(
    page: MapPage, monkeypatch: pytest.MonkeyPatch, errors: list[str]
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(editor_module, "ask_to_confirm", lambda _p, r: asked.append(r) or False)
    before = saved(page)
    page.editor.delete_flow(4)
    assert asked == [
        "Deleting the flow from 'Send quote' to 'Quote sent' would leave 'Quote sent' "
        "unreachable from the start and 'Send quote' with no way out."
    ]
    assert saved(page) == before
    monkeypatch.setattr(editor_module, "ask_to_confirm", lambda _p, _r: True)
    after = undoable(page, lambda: page.editor.delete_flow(4))
    assert ("s4", "s5") not in pairs(after)
    assert errors == []
    # The map now marks both steps, with the reason the analysis gives.
    assert set(page.marks) == {"s4", "s5"}
    assert "leads nowhere" in page.marks["s4"].toolTip()


def test_shortcuts_act_on_the_selected_step(
    page: MapPage, qtbot: QtBot, confirm: list[str]
) -> None:
    with qtbot.waitActive(page):
        page.show()
    page.select_step("s2")
    page.view.setFocus()
    QTest.keyClick(page.view, Qt.Key.Key_Insert)
    assert len(saved(page).steps) == 6
    QTest.keyClick(page.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert len(saved(page).steps) == 7
    QTest.keyClick(page.view, Qt.Key.Key_Delete)
    assert len(saved(page).steps) == 6
    assert page.store.undo_stack.count() == 3


def test_f2_renames_in_place(page: MapPage, qtbot: QtBot) -> None:
    with qtbot.waitActive(page):
        page.show()
    page.select_step("s4")
    page.view.setFocus()
    QTest.keyClick(page.view, Qt.Key.Key_F2)
    assert page.renamer.isVisible()
    assert page.renamer.text() == "Send quote"
    page.renamer.selectAll()
    QTest.keyClicks(page.renamer, "Email the quote")
    QTest.keyClick(page.renamer, Qt.Key.Key_Return)
    assert saved(page).step_by_id()["s4"].name == "Email the quote"
    assert not page.renamer.isVisible()
    page.rename_in_place("s4")
    QTest.keyClicks(page.renamer, "lost?")
    QTest.keyClick(page.renamer, Qt.Key.Key_Escape)
    assert saved(page).step_by_id()["s4"].name == "Email the quote"


def test_connect_to_with_the_completer(page: MapPage, monkeypatch: pytest.MonkeyPatch) -> None:
    choices = pickers.step_choices(page.process or quote_map(), leaving_out="s4")
    assert "Write quote — Sales" in choices
    assert all(step_id != "s4" for step_id in choices.values())
    monkeypatch.setattr(pickers, "pick_step", lambda *_a, **_k: ("s2", True))
    page.select_step("s4")
    page.edit_actions["connect"].trigger()
    flow = saved(page).flows[-1]
    assert (flow.source, flow.target) == ("s4", "s2")
    assert sends_work_back(flow)


def test_the_step_picker_takes_a_unique_prefix(page: MapPage, qtbot: QtBot) -> None:
    dialog = pickers.StepPicker(
        page,
        "Connect",
        {"Write quote — Sales": "s2", "Check quote — Manager": "s3"},
        send_back=False,
    )
    qtbot.addWidget(dialog)
    dialog.field.setText("wri")
    assert dialog.chosen() == "s2"
    dialog.field.setText("quote")
    assert dialog.chosen() is None


def test_the_context_menus_offer_the_commands(page: MapPage) -> None:
    page.show()
    step_texts = [a.text() for a in menus.step_menu(page, ["s3"]).actions()]
    for text in ("Insert step after", "Duplicate", "Rename", "Connect to…", "Delete step"):
        assert text in step_texts
    several = [a.text() for a in menus.step_menu(page, ["s2", "s4"]).actions()]
    assert "Delete 2 steps" in several
    flow_menu = menus.flow_menu(page, 3)
    assert flow_menu is not None
    marked = next(a for a in flow_menu.actions() if a.text() == "Sends work back")
    assert marked.isChecked()
    marked.trigger()
    assert not sends_work_back(saved(page).flows[3])
    lane_menu = page.lane_menu("empty")
    assert lane_menu is not None
    assert "Delete lane" in [a.text() for a in lane_menu.actions()]
    item = page.scene.steps["s3"]
    pos = page.view.mapFromScene(item.sceneBoundingRect().center())
    menu = page.interaction.menu_at(pos)
    assert menu is not None
    assert page.selected == ["s3"]


def test_the_flow_menu_asks_a_share_and_refuses_words(
    page: MapPage, monkeypatch: pytest.MonkeyPatch, errors: list[str]
) -> None:
    monkeypatch.setattr(pickers, "ask_text", lambda *_a: "6")
    menus._ask_share(page, 2)
    assert saved(page).flows[2].probability == pytest.approx(0.6)
    monkeypatch.setattr(pickers, "ask_text", lambda *_a: "most")
    menus._ask_share(page, 2)
    assert errors == ["'most' is not a number: type how many out of 10, such as 7."]


def test_problem_marks_offer_their_quick_fix(page: MapPage, confirm: list[str]) -> None:
    page.editor.connect("s3", "s5")
    page.editor.set_out_of_ten(5, 5)  # 8 + 2 + 5 out of 10
    assert set(page.marks) == {"s3"}
    assert "add up to 150 %" in page.marks["s3"].toolTip()
    menu = menus.step_menu(page, ["s3"])
    fix = next(a for a in menu.actions() if a.text().strip() == "Share its ways out equally")
    fix.trigger()
    assert page.marks == {}


def test_the_handle_sits_on_the_selected_step_and_connects_on_a_drop(page: MapPage) -> None:
    page.select_step("s4")
    assert page.handle.scene() is page.scene
    assert page.handle.step_id == "s4"
    target = page.scene.steps["s2"].sceneBoundingRect().center()
    page.affordances.handle_dropped("s4", target)
    assert pairs(saved(page))[-1] == ("s4", "s2")
    page.select_step("s5")
    assert page.handle.scene() is None  # an end has no way out to drag


def test_shift_arrows_and_the_lane_drag(page: MapPage, qtbot: QtBot) -> None:
    page.show()
    qtbot.waitExposed(page)
    page.select_step("s1")
    page.view.setFocus()
    QTest.keyClick(page.view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert len(page.selected) == 2
    band = page.scene.lanes["empty"].band
    start = page.view.mapFromScene(band.label_rect.x + 5, band.label_rect.y + 5)
    top = page.scene.lanes["sales"].band
    end = page.view.mapFromScene(top.label_rect.x + 5, top.label_rect.y + 5)
    QTest.mousePress(page.view.viewport(), Qt.MouseButton.LeftButton, pos=start)
    QTest.mouseRelease(page.view.viewport(), Qt.MouseButton.LeftButton, pos=end)
    assert saved(page).lanes[0].id == "empty"


def test_the_future_state_map_takes_the_same_edits(qtbot: QtBot, tmp_path: Path) -> None:
    from dataclasses import replace

    from app.ui.map.page import FUTURE_MAP

    store = ProcessStore()
    store.set_database(open_database(tmp_path / "future.sqlite"))
    whole = replace(quote_map(), future_state=replace(quote_map(), id=""))
    [process_id] = store.add_processes([whole], "Add")
    widget = MapPage(store, target=FUTURE_MAP)
    qtbot.addWidget(widget)
    store.process_changed.connect(lambda pid: widget.show_process(store.load(pid)))
    widget.show_process(store.load(process_id))
    widget.editor.delete(["s4"])
    loaded = store.load(process_id)
    assert loaded.future_state is not None
    assert "s4" not in loaded.future_state.step_by_id()
    assert "s4" in loaded.step_by_id()
    assert QPoint is not None


def test_a_step_made_a_decision_is_asked_for_its_other_outcome(
    page: MapPage, monkeypatch: pytest.MonkeyPatch, no_picker: list[str], errors: list[str]
) -> None:
    page.editor.change_kind(["s4"], "decision")
    assert no_picker == ["Where does 'no' go?"]  # cancelled: the problem mark stays
    assert "s4" in page.marks
    monkeypatch.setattr(pickers, "pick_step", lambda *_a, **_k: ("s2", True))
    page.editor.change_kind(["s4"], "approval")
    assert ("s4", "s2") in pairs(saved(page))
    assert "s4" not in page.marks
    assert errors == []


def test_dragging_the_handle_onto_a_step_connects_them(page: MapPage, qtbot: QtBot) -> None:
    with qtbot.waitActive(page):
        page.show()
    page.view.fit()
    page.select_step("s4")
    viewport = page.view.viewport()
    start = page.view.mapFromScene(page.handle.scenePos())
    end = page.view.mapFromScene(page.scene.steps["s2"].sceneBoundingRect().center())
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    QTest.mouseMove(viewport, (start + end) / 2)
    QTest.mouseMove(viewport, end)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)
    assert pairs(saved(page))[-1] == ("s4", "s2")


def test_a_shift_drag_on_empty_space_selects_several_steps(page: MapPage, qtbot: QtBot) -> None:
    with qtbot.waitActive(page):
        page.show()
    page.view.fit()
    viewport = page.view.viewport()
    geometry = page.scene.model.geometry  # type: ignore[union-attr]
    top_left = page.view.mapFromScene(geometry.lanes[0].label_rect.right + 4, 2)
    corner = page.view.mapFromScene(geometry.width - 2, geometry.height - 2)
    shift = Qt.KeyboardModifier.ShiftModifier
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, shift, top_left)
    QTest.mouseMove(viewport, (top_left + corner) / 2)
    QTest.mouseMove(viewport, corner)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, shift, corner)
    assert len(page.selected) == 5
    qtbot.waitUntil(lambda: page.view.dragMode() == page.view.DragMode.ScrollHandDrag)


def test_a_right_click_on_a_flow_line_opens_the_flow_menu(page: MapPage, qtbot: QtBot) -> None:
    with qtbot.waitActive(page):
        page.show()
    page.view.fit()
    edge = page.scene.edges[4].edge  # Send quote → Quote sent
    a, b = edge.points[0], edge.points[1]
    on_line = page.view.mapFromScene((a.x + b.x) / 2, (a.y + b.y) / 2)
    menu = page.interaction.menu_at(on_line)
    assert menu is not None
    assert "Insert step on this flow" in [action.text() for action in menu.actions()]
    next(a for a in menu.actions() if a.text() == "Insert step on this flow").trigger()
    assert ("s6", "s5") in pairs(saved(page))
    far = page.view.mapFromScene(a.x, a.y - 60)
    other = page.interaction.menu_at(far)
    assert other is None or "Insert step on this flow" not in [x.text() for x in other.actions()]


def test_a_one_way_approval_can_be_said_never_rejected_from_its_mark(
    page: MapPage, no_picker: list[str]
) -> None:
    page.editor.change_kind(["s4"], "approval")  # the picker is cancelled: one way out
    assert "s4" in page.marks
    menu = menus.step_menu(page, ["s4"])
    texts = [a.text().strip() for a in menu.actions()]
    assert "It is never rejected (a sign-off)" in texts
    fix = next(a for a in menu.actions() if a.text().strip() == "It is never rejected (a sign-off)")
    fix.trigger()
    assert "s4" not in page.marks
    assert saved(page).step_by_id()["s4"].extra["never_rejected"] is True
    page.store.undo_stack.undo()
    assert "never_rejected" not in saved(page).step_by_id()["s4"].extra
