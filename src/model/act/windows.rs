//! The keys of the windows to choose from: the links (Enter opens one), the saved searches
//! (Enter opens one) and the outline (Enter goes there).

use super::super::{Effect, Focus, Model, Overlay};
use crate::action::Action;

impl Model {
    /// The link window's keys: move the choice, open the chosen link.
    pub(super) fn in_links(&mut self, action: &Action, row: usize) -> Option<Vec<Effect>> {
        let links = self.current().map(|a| a.links.clone()).unwrap_or_default();
        let last = links.len().saturating_sub(1);
        let to = match action {
            Action::Down => (row + 1).min(last),
            Action::Up => row.saturating_sub(1),
            Action::PageDown => (row + 10).min(last),
            Action::PageUp => row.saturating_sub(10),
            Action::Top => 0,
            Action::Bottom => last,
            Action::Pick | Action::Open => {
                self.chrome.toggle_overlay(Overlay::Links);
                return Some(
                    links
                        .get(row)
                        .cloned()
                        .map(Effect::OpenUrl)
                        .into_iter()
                        .collect(),
                );
            }
            _ => return None,
        };
        self.chrome.set_overlay_scroll(to);
        Some(Vec::new())
    }

    /// After a jump in the text: the reader shows it (on a narrow screen, instead of the list).
    pub(super) fn read_here(&mut self) {
        if self.focus() == Focus::List {
            self.chrome.set_focus(Focus::Reader);
            self.relayout();
        }
    }

    /// The outline's keys: move the choice, go to the chosen heading; whether it took the key.
    pub(super) fn in_outline(&mut self, action: &Action, row: usize) -> bool {
        let headings = self
            .current()
            .map(|a| super::super::outline(&a))
            .unwrap_or_default();
        let last = headings.len().saturating_sub(1);
        let to = match action {
            Action::Down => (row + 1).min(last),
            Action::Up => row.saturating_sub(1),
            Action::PageDown => (row + 10).min(last),
            Action::PageUp => row.saturating_sub(10),
            Action::Top => 0,
            Action::Bottom => last,
            Action::Pick | Action::Open => {
                self.chrome.toggle_overlay(Overlay::Outline);
                if let Some(h) = headings.get(row) {
                    self.read_here();
                    self.reader.go_to_paragraph(h.paragraph);
                }
                return true;
            }
            _ => return false,
        };
        self.chrome.set_overlay_scroll(to);
        true
    }

    /// The saved searches' window: move the choice, open the chosen search.
    pub(super) fn in_searches(&mut self, action: &Action, row: usize) -> Option<Vec<Effect>> {
        let all = self.saved.all();
        let last = all.len().saturating_sub(1);
        let to = match action {
            Action::Down => (row + 1).min(last),
            Action::Up => row.saturating_sub(1),
            Action::PageDown => (row + 10).min(last),
            Action::PageUp => row.saturating_sub(10),
            Action::Top => 0,
            Action::Bottom => last,
            Action::Pick | Action::Open => {
                self.chrome.toggle_overlay(Overlay::Searches);
                let Some(search) = all.get(row) else {
                    return Some(Vec::new());
                };
                let requery = self
                    .search
                    .edit(|f| f.set(&search.query), self.library.len());
                self.search.history_mut().push(&search.query);
                self.chrome.set_focus(Focus::List);
                self.relayout();
                self.say(format!("search \"{}\": {}", search.name, search.query));
                return Some(self.requery(requery));
            }
            _ => return None,
        };
        self.chrome.set_overlay_scroll(to);
        Some(Vec::new())
    }
}
