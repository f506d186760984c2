"""The Map tab: one item per step, edge and lane; click-to-edit; drag to a lane; lane order;
zoom; selection sync; overlays; keyboard."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from app.process.model import Process
from app.ui.export_kinds import PLAN_PDF
from app.ui.main_window import MainWindow
from app.ui.map.page import MapPage
from app.ui.map.view import LEGIBLE_ZOOM


def open_invoices(window: MainWindow) -> tuple[MapPage, Process]:
    window.add_samples()
    process_id = window.store.summaries(search="invoices")[0].id
    window.process_list.select(process_id)
    return window.process_page.map_page, window.store.load(process_id)


def step_named(process: Process, name: str) -> str:
    return next(step.id for step in process.steps if step.name == name)


def test_the_map_tab_opens_with_one_item_per_step_edge_and_lane(window: MainWindow) -> None:
    page, process = open_invoices(window)
    assert window.process_page.tabs.currentWidget() is page
    assert set(page.scene.steps) == {step.id for step in process.steps}
    assert len(page.scene.edges) == len(process.flows)
    assert set(page.scene.lanes) == {lane.id for lane in process.lanes}
    assert page.steps.topLevelItemCount() == len(process.steps)


def test_editing_a_name_saves_and_redraws_only_what_changed(window: MainWindow) -> None:
    page, process = open_invoices(window)
    step_id = step_named(process, "Key invoice into ERP")
    page.select_step(step_id)
    assert page.panel.step_id == step_id
    page.panel.name.setText("Key invoice into ERP 😀 שלום")
    page.panel.name.editingFinished.emit()
    saved = window.store.load(process.id).step_by_id()[step_id]
    assert saved.name == "Key invoice into ERP 😀 שלום"
    assert page.scene.steps[step_id].node.full_text == saved.name
    assert page.scene.selected_step_ids() == [step_id]


def test_an_update_touches_only_the_changed_items(window: MainWindow) -> None:
    from dataclasses import replace

    from app.ui.map.scene import build_model

    page, process = open_invoices(window)
    step_id = step_named(process, "Approve invoice")
    steps = tuple(
        replace(s, wait_minutes=s.wait_minutes + 1) if s.id == step_id else s for s in process.steps
    )
    counts = page.scene.show_map(build_model(replace(process, steps=steps), page.measure))
    assert counts.created == 0
    assert counts.removed == 0
    assert 1 <= counts.changed < len(process.steps)


def test_touch_time_is_typed_naturally(window: MainWindow) -> None:
    page, process = open_invoices(window)
    step_id = step_named(process, "Key invoice into ERP")
    page.select_step(step_id)
    page.panel.touch.setText("1.5 h")
    page.panel.touch.editingFinished.emit()
    assert window.store.load(process.id).step_by_id()[step_id].touch_minutes == 90


def test_a_bad_duration_shows_why_and_saves_nothing(window: MainWindow) -> None:
    page, process = open_invoices(window)
    step_id = step_named(process, "Key invoice into ERP")
    page.select_step(step_id)
    edits = window.store.undo_stack.count()
    page.panel.wait.setText("soon")
    page.panel.wait.editingFinished.emit()
    assert page.panel.wait_error.isVisibleTo(page.panel)
    assert "soon" in page.panel.wait_error.text()
    assert window.store.undo_stack.count() == edits
    assert window.store.load(process.id) == process


def test_the_lane_combo_moves_a_step(window: MainWindow) -> None:
    page, process = open_invoices(window)
    step_id = step_named(process, "Key invoice into ERP")
    page.select_step(step_id)
    index = page.panel.lane.findData("erp")
    page.panel.lane.setCurrentIndex(index)
    page.panel.lane.activated.emit(index)
    assert window.store.load(process.id).step_by_id()[step_id].lane == "erp"
    assert page.scene.steps[step_id].node.lane_id == "erp"


def test_dragging_a_step_to_another_lane_moves_it_and_undo_moves_it_back(
    window: MainWindow, qtbot: QtBot
) -> None:
    page, process = open_invoices(window)
    window.show()
    qtbot.waitExposed(window)
    step_id = step_named(process, "Key invoice into ERP")
    page.view.resetTransform()
    item = page.scene.steps[step_id]
    page.view.centerOn(item)
    target = page.scene.model.geometry.lane("bh").rect.center  # type: ignore[union-attr]
    start = page.view.mapFromScene(item.sceneBoundingRect().center())
    end = QPoint(start.x(), page.view.mapFromScene(0, target.y).y())
    viewport = page.view.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for fraction in (0.25, 0.5, 0.75, 1.0):
        y = round(start.y() + (end.y() - start.y()) * fraction)
        QTest.mouseMove(viewport, QPoint(start.x(), y))
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    assert window.store.load(process.id).step_by_id()[step_id].lane == "bh"
    assert page.scene.steps[step_id].node.lane_id == "bh"
    window.undo_action.trigger()
    assert window.store.load(process.id).step_by_id()[step_id].lane == "ap"
    assert page.scene.steps[step_id].node.lane_id == "ap"


def test_a_drop_on_the_same_lane_changes_nothing(window: MainWindow) -> None:
    page, process = open_invoices(window)
    step_id = step_named(process, "Key invoice into ERP")
    node = page.scene.model.geometry.node(step_id)  # type: ignore[union-attr]
    page.scene.drop_step(step_id, node.rect.center.y + 3)
    assert window.store.load(process.id) == process


def test_lanes_are_reordered_from_their_menu(window: MainWindow) -> None:
    page, process = open_invoices(window)
    order = [lane.id for lane in process.lanes]
    menu = page.lane_menu(order[1])
    assert menu is not None
    up = next(action for action in menu.actions() if action.text() == "Move lane up")
    up.trigger()
    moved = [lane.id for lane in window.store.load(process.id).lanes]
    assert moved == [order[1], order[0], *order[2:]]
    top = page.scene.lanes[order[1]].band.rect.y
    assert top < page.scene.lanes[order[0]].band.rect.y
    first = page.lane_menu(order[1])
    assert first is not None
    top_up = next(action for action in first.actions() if action.text() == "Move lane up")
    assert not top_up.isEnabled()  # the top lane cannot go higher
    page.move_lane(order[-1], 1)
    assert [lane.id for lane in window.store.load(process.id).lanes] == moved


def test_zoom_in_out_and_fit_change_the_view(window: MainWindow) -> None:
    page, _ = open_invoices(window)
    page.view.resetTransform()
    page.zoom_in_action.trigger()
    assert page.view.zoom() > 1.0
    page.zoom_out_action.trigger()
    page.zoom_out_action.trigger()
    assert page.view.zoom() < 1.0
    page.actual_size_action.trigger()
    assert abs(page.view.zoom() - 1.0) < 1e-9
    page.view.resize(400, 300)
    page.whole_action.trigger()
    assert page.view.zoom() < 0.5
    page.fit_action.trigger()  # fit width stops at the legible zoom
    assert abs(page.view.zoom() - LEGIBLE_ZOOM) < 1e-9
    assert page.zoom_readout.text() == "75 %"


def test_selection_follows_between_map_and_list(window: MainWindow) -> None:
    page, process = open_invoices(window)
    step_id = step_named(process, "Approve invoice")
    page.select_step(step_id)
    current = page.steps.currentItem()
    assert current is not None
    assert current.data(0, Qt.ItemDataRole.UserRole) == step_id
    other = page.steps.topLevelItem(0)
    assert other is not None
    page.steps.setCurrentItem(other)
    assert page.scene.selected_step_ids() == [other.data(0, Qt.ItemDataRole.UserRole)]
    assert page.panel.step_id == other.data(0, Qt.ItemDataRole.UserRole)


def test_overlays_switch_on_and_off(window: MainWindow) -> None:
    page, _ = open_invoices(window)
    for name, action in page.overlay_actions.items():
        before = page.look.shows(name)
        action.trigger()
        assert page.look.shows(name) is not before
        assert action.toolTip().endswith(")")  # names its shortcut
    assert page.look.share
    page.legend_action.trigger()
    assert not page.legend.isVisibleTo(page)


def test_keys_move_between_steps_and_enter_opens_the_editor(
    window: MainWindow, qtbot: QtBot
) -> None:
    page, _process = open_invoices(window)
    window.show()
    qtbot.waitExposed(window)
    page.view.setFocus()
    order = [node.step_id for node in page.scene.model.geometry.nodes]  # type: ignore[union-attr]
    qtbot.keyClick(page.view, Qt.Key.Key_Right)
    assert page.scene.selected_step_ids() == [order[0]]
    qtbot.keyClick(page.view, Qt.Key.Key_Tab)
    assert page.scene.selected_step_ids() == [order[1]]
    qtbot.keyClick(page.view, Qt.Key.Key_Backtab)
    assert page.scene.selected_step_ids() == [order[0]]
    qtbot.keyClick(page.view, Qt.Key.Key_Right)
    assert page.scene.selected_step_ids() == [order[1]]
    with qtbot.waitSignal(page.view.edit_requested) as blocker:
        qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert blocker.args == [order[1]]


def test_print_map_has_a_key_of_its_own_beside_the_plan_export(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    page, _process = open_invoices(window)
    calls: list[object] = []
    monkeypatch.setattr(MapPage, "choose_print", lambda _self: calls.append("print map"))
    from app.ui import exporting

    monkeypatch.setattr(
        exporting, "choose_target", lambda _parent, _process, kind: calls.append(kind)
    )
    with qtbot.waitActive(window):
        window.show()
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert calls == [PLAN_PDF]  # Ctrl+P was claimed twice while the map had the focus
    calls.clear()
    page.print_action.trigger()
    assert calls == ["print map"]
    assert "Ctrl+P" not in [key.toString() for key in page.print_action.shortcuts()]


def test_a_selected_step_does_not_stay_selected_in_another_process(window: MainWindow) -> None:
    page, _invoices = open_invoices(window)
    page.select_step("s3")
    assert page.scene.selected_step_ids() == ["s3"]
    onboarding = next(s.id for s in window.store.summaries() if s.name.startswith("Onboard"))
    window.process_list.select(onboarding)  # it has an "s3" too
    assert page.scene.selected_step_ids() == []
    assert page.panel.step_id == ""


def test_the_step_field_being_typed_survives_another_edit_saved(
    window: MainWindow, qtbot: QtBot
) -> None:
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    page, invoices = open_invoices(window)
    step_id = step_named(invoices, "Key invoice into ERP")
    page.select_step(step_id)
    page.panel.name.setFocus()
    page.panel.name.setText("Key the invoice into the ERP (half typed")
    window.store.apply(replace(window.store.load(invoices.id), owner="Sam"), "Owner elsewhere")
    assert page.panel.name.text() == "Key the invoice into the ERP (half typed"
