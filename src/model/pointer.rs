//! The mouse (with `--mouse`): the wheel scrolls the pane under the pointer, a click selects a
//! row or focuses a pane.

use ratatui::layout::Position;

use super::{Focus, Model};

impl Model {
    /// The wheel scrolls the pane under the pointer, three lines a notch.
    pub(super) fn wheel(&mut self, x: u16, y: u16, down: bool) {
        let at = Position { x, y };
        let layout = self.layout();
        if layout.reader.contains(at) {
            if down {
                self.reader.scroll_down(3);
            } else {
                self.reader.scroll_up(3);
            }
        } else if layout.list.contains(at) {
            let selected = self.selected();
            self.select(if down {
                selected.saturating_add(3)
            } else {
                selected.saturating_sub(3)
            });
        }
    }

    /// A click on a list row selects it; a click in a pane focuses it.
    pub(super) fn click(&mut self, x: u16, y: u16) {
        let at = Position { x, y };
        let layout = self.layout();
        if layout.list.contains(at) {
            self.chrome.set_focus(Focus::List);
            let inner_top = layout.list.y + 1;
            if at.y >= inner_top
                && at.y + 1 < layout.list.bottom()
                && let Some(row) = self.list.row_at(usize::from(at.y - inner_top))
            {
                self.select(row);
            }
        } else if layout.reader.contains(at) && self.selected_id().is_some() {
            self.chrome.set_focus(Focus::Reader);
        } else if layout.filter.contains(at) {
            self.chrome.set_focus(Focus::Filter);
        }
        self.relayout();
    }
}
