//! `Model::update` for stories: a new grouping, the related-reports window, repeats shown or
//! hidden.

use std::sync::Arc;

use super::facets::{Facets, with_name};
use super::timeline::{Timeline, narrowed};
use super::{Effect, Focus, Model};
use crate::action::Action;
use crate::stories::Grouping;

impl Model {
    /// A grouping from the stories worker: the list loses (or regains) repeats, the selection
    /// stays (on the article a hidden repeat repeats, when it was one).
    pub(super) fn grouped(&mut self, grouping: Arc<Grouping>) {
        let keep = self.selected_id();
        let keep = keep.map(|id| {
            if self.stories.showing_repeats() {
                id
            } else {
                grouping.duplicate_of(id).unwrap_or(id)
            }
        });
        self.stories.set_grouping(grouping);
        self.rebuild_list(keep);
        self.restore_pending();
        self.reader.prepare();
    }

    /// `r`: the window of the selected article's other reports.
    pub(super) fn open_related(&mut self) {
        // The article read, which a related report opened may have put apart from the list's.
        let Some(id) = self.reader.id().or(self.selected_id()) else {
            return;
        };
        if self.stories.grouping().is_none() {
            self.chrome.set_status("stories are still being grouped");
        } else if !self.stories.open_window(id) {
            self.chrome.set_status("no other reports of this story");
        }
    }

    /// Keys while the related window is open; `true` when the window took the key.
    pub(super) fn related_window(&mut self, action: &Action) -> bool {
        match action {
            Action::Quit | Action::Suspend | Action::Resize(..) => return false,
            Action::Down => self.stories.move_choice(1),
            Action::Up => self.stories.move_choice(-1),
            Action::PageDown => self.stories.move_choice(10),
            Action::PageUp => self.stories.move_choice(-10),
            Action::Top => self.stories.move_choice(isize::MIN),
            Action::Bottom => self.stories.move_choice(isize::MAX),
            Action::Open => {
                if let Some(id) = self.stories.choose() {
                    self.show_article(id);
                }
            }
            _ => self.stories.close_window(),
        }
        true
    }

    /// Back to the article the last related report was opened from.
    pub(super) fn related_back(&mut self) {
        match self.stories.take_origin() {
            Some(id) => self.show_article(id),
            None => self.chrome.set_status("no related report was opened"),
        }
    }

    /// `R`: repeats shown in the list, or hidden again.
    pub(super) fn toggle_repeats(&mut self) {
        self.stories.toggle_repeats();
        let keep = self.selected_id();
        self.rebuild_list(keep);
        let message = if self.stories.showing_repeats() {
            "showing repeats".to_string()
        } else {
            match self.stories.hidden() {
                0 => "no repeats to hide".to_string(),
                1 => "1 repeat hidden".to_string(),
                n => format!("{n} repeats hidden"),
            }
        };
        self.chrome.set_status(message);
    }

    /// `t`: the timeline of the articles the list shows.
    pub(super) fn open_timeline(&mut self) {
        self.timeline = Timeline::of(self.list.shown(), self.library.articles());
        if self.timeline.is_none() {
            self.chrome.set_status("no dated article here");
        }
    }

    /// Keys while the timeline is open: `Some(effects)` when the window took the key.
    pub(super) fn timeline_window(&mut self, action: &Action) -> Option<Vec<Effect>> {
        let timeline = self.timeline.as_mut()?;
        match action {
            Action::Quit | Action::Suspend | Action::Resize(..) => return None,
            Action::ScrollLeft | Action::Up | Action::PrevArticle => timeline.move_choice(-1),
            Action::ScrollRight | Action::Down | Action::NextArticle => timeline.move_choice(1),
            Action::PageUp => timeline.move_choice(-12),
            Action::PageDown => timeline.move_choice(12),
            Action::Top => timeline.move_choice(isize::MIN),
            Action::Bottom => timeline.move_choice(isize::MAX),
            Action::Open => {
                let period = timeline.chosen().map(str::to_string);
                self.timeline = None;
                if let Some(period) = period {
                    let text = narrowed(self.filter().as_str(), &period);
                    let r = self.search.edit(|f| f.set(&text), self.library.len());
                    self.chrome.set_status(format!("narrowed to {period}"));
                    return Some(self.requery(r));
                }
            }
            _ => self.timeline = None,
        }
        Some(Vec::new())
    }

    /// `f`: the names in the articles the list shows.
    pub(super) fn open_facets(&mut self) {
        let Some(grouping) = self.stories.grouping() else {
            self.chrome.set_status("names are still being found");
            return;
        };
        self.facets = Facets::of(self.list.shown(), grouping);
        if self.facets.is_none() {
            self.chrome.set_status("no names here");
        }
    }

    /// Keys while the facets are open: `Some(effects)` when the window took the key.
    pub(super) fn facets_window(&mut self, action: &Action) -> Option<Vec<Effect>> {
        let facets = self.facets.as_mut()?;
        match action {
            Action::Quit | Action::Suspend | Action::Resize(..) => return None,
            Action::Down => facets.move_choice(1),
            Action::Up => facets.move_choice(-1),
            Action::PageDown => facets.move_choice(10),
            Action::PageUp => facets.move_choice(-10),
            Action::Top => facets.move_choice(isize::MIN),
            Action::Bottom => facets.move_choice(isize::MAX),
            Action::Open => {
                let name = facets.chosen().map(str::to_string);
                self.facets = None;
                if let Some(name) = name {
                    let text = with_name(self.filter().as_str(), &name);
                    let r = self.search.edit(|f| f.set(&text), self.library.len());
                    return Some(self.requery(r));
                }
            }
            _ => self.facets = None,
        }
        Some(Vec::new())
    }

    /// Opens article `id` in the reader: selected in the list when it is shown there, else
    /// opened by itself (it may be filtered out, or a hidden repeat).
    fn show_article(&mut self, id: u32) {
        match self.list.row_of(id) {
            Some(row) => self.select(row),
            None => {
                let article = self.library.get(id).cloned();
                self.reader.open(Some(id), article);
                self.relayout();
                self.reader.go_to_line(self.library.state(id).line);
            }
        }
        self.chrome.set_focus(Focus::Reader);
        self.relayout();
    }
}
