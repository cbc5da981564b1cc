//! `Model::update`: the one place state changes. Each action goes to the sub-models it concerns;
//! what the event loop must do comes back as [`Effect`]s.

use super::search::Requery;
use super::{Effect, Focus, Model, Overlay, OverlayOutcome};
use crate::action::{Action, Batch};
use crate::state::Session;

impl Model {
    /// Applies one action and returns what the event loop must do for it, in order.
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::Loaded(batch) => self.loaded(batch),
            Action::LoadDone => {
                self.library.set_progress(None);
                Vec::new()
            }
            Action::Notice(text) => {
                self.set_status(text);
                Vec::new()
            }
            Action::Searched(outcome) => {
                self.searched(outcome);
                Vec::new()
            }
            Action::Restore(session) => self.restore(session),
            Action::Report(message) => {
                self.say(message);
                Vec::new()
            }
            Action::Counted(found) => {
                self.counted = found;
                Vec::new()
            }
            Action::Grouped(grouping) => {
                self.grouped(grouping);
                Vec::new()
            }
            action => {
                let stepped = action == Action::NextHit;
                let effects = self.user(action);
                self.reader.prepare();
                self.mark_read_at_end(stepped);
                effects
            }
        }
    }

    /// A batch from the loader: listed at once, or searched when a query is active.
    fn loaded(&mut self, batch: Batch) -> Vec<Effect> {
        let Batch {
            articles,
            states,
            skipped,
            progress,
        } = batch;
        let mut effects = Vec::new();
        if !articles.is_empty() {
            effects.push(Effect::Index(articles.clone()));
        }
        let first = self.library.add(articles, states, skipped);
        self.library.set_progress(progress);
        match self.search.articles_added(first, self.library.len()) {
            Some((generation, query)) => effects.push(Effect::Search(generation, query)),
            None => self.rebuild_list(self.selected_id()),
        }
        self.restore_pending();
        self.reader.prepare();
        effects
    }

    /// A search's result; a stale one is dropped.
    fn searched(&mut self, outcome: crate::search::SearchOutcome) {
        let keep = self.selected_id();
        let open = self.reader.id();
        let Some(new_query) = self.search.accept(outcome) else {
            return;
        };
        // A new query keeps the article that was selected when it is in the result (else its
        // best match is selected); more results for the same query (articles still loading)
        // leave the selection where it is.
        let before = self.keep_across_query.take();
        self.rebuild_list(if new_query { before } else { keep });
        if let Some(id) = open.filter(|_| self.reader.id() == open)
            && !self.reader.has_current_hit()
        {
            // The same article stays open under a new query: its hit count is known now; go
            // to its first hit.
            let total = self.list.hits_of(id);
            self.reader
                .set_hits(self.search.highlighter().cloned(), total);
            self.reader.first_hit();
        }
        self.restore_pending();
        self.reader.prepare();
    }

    /// Reopens where a previous session stopped: the filter, the article (by content hash, so
    /// it is found even if it loads later) and its line, and the sort order.
    fn restore(&mut self, session: Session) -> Vec<Effect> {
        self.list.set_sort(session.sort.unwrap_or_default());
        *self.search.history_mut() = super::History::from_entries(session.history);
        if let Some(share) = session.list_width {
            self.chrome.set_list_share(share);
        }
        self.pending = session.selected;
        self.saved.set_kept(session.searches);
        let requery = self
            .search
            .edit(|f| f.set(&session.query), self.library.len());
        let effects = self.requery(requery);
        self.rebuild_list(self.selected_id());
        self.restore_pending();
        self.reader.prepare();
        effects
    }

    /// What a new reading of the filter asks for.
    pub(super) fn requery(&mut self, requery: Requery) -> Vec<Effect> {
        match requery {
            Requery::Same => Vec::new(),
            Requery::Refilter => {
                self.rebuild_list(self.selected_id());
                Vec::new()
            }
            Requery::All => {
                self.reader.set_hits(None, None);
                let keep = self.keep_across_query.take().or(self.selected_id());
                self.rebuild_list(keep);
                Vec::new()
            }
            Requery::Search(generation, query) => {
                // The article selected now is selected again in the answer, when it is there.
                self.keep_across_query = self.keep_across_query.or(self.selected_id());
                // The hit count comes with the search's result; until then it is counted as
                // found.
                self.reader
                    .set_hits(self.search.highlighter().cloned(), None);
                // The list waits for the answer, empty ("searching…"), rather than showing
                // the last query's as this one's.
                self.rebuild_list(self.selected_id());
                vec![Effect::Search(generation, query)]
            }
        }
    }

    /// Keys, the mouse and resizes.
    fn user(&mut self, action: Action) -> Vec<Effect> {
        if !matches!(action, Action::Resize(..)) {
            self.chrome.clear_status();
            self.reported = false;
        }
        if let Some(effects) = self.act(&action) {
            return effects;
        }
        if self.chrome.overlay_action(&action) == OverlayOutcome::Taken {
            return Vec::new();
        }
        if self.stories.window().is_some() && self.related_window(&action) {
            return Vec::new();
        }
        if self.timeline.is_some()
            && let Some(effects) = self.timeline_window(&action)
        {
            return effects;
        }
        if self.facets.is_some()
            && let Some(effects) = self.facets_window(&action)
        {
            return effects;
        }
        let n = self.library.len();
        match action {
            Action::Quit => return vec![Effect::Quit],
            Action::Suspend => return vec![Effect::Suspend],
            Action::Resize(w, h) => {
                self.chrome.set_screen(w, h);
                self.relayout();
            }
            Action::Down => self.move_by(1),
            Action::Up => self.move_by(-1),
            Action::PageDown if self.at_the_end() => self.next_at_the_end(),
            Action::PageDown => self.page(true),
            Action::HalfPageDown | Action::HalfPageUp => {
                self.half_page(action == Action::HalfPageDown);
            }
            Action::NextArticle => self.step_article(1),
            Action::PrevArticle => self.step_article(-1),
            Action::PageUp => self.page(false),
            Action::Top => self.jump(false),
            Action::Bottom => self.jump(true),
            Action::ScrollLeft => self.reader.scroll_left(),
            Action::ScrollRight => self.reader.scroll_right(),
            Action::SwitchPane => {
                self.chrome.switch_pane();
                self.relayout();
            }
            Action::Open => self.open(),
            Action::Back => return self.back(),
            Action::Filter => {
                // The filter bar is hidden in reading mode: leave it to type.
                self.chrome.set_reading_mode(false);
                self.chrome.set_focus(Focus::Filter);
                self.relayout();
            }
            Action::Help => self.chrome.toggle_overlay(Overlay::Help),
            Action::Skipped => self.chrome.toggle_overlay(Overlay::Skipped),
            Action::NextHit => self.step_hit(true),
            Action::PrevHit => self.step_hit(false),
            Action::ListWidth { wider } => {
                if !self.chrome.widen_list(wider) {
                    self.chrome.set_status(if wider {
                        "the list is as wide as it gets"
                    } else {
                        "the list is as narrow as it gets"
                    });
                }
                self.relayout();
            }
            Action::ReadingMode => {
                let on = !self.chrome.reading_mode();
                self.chrome.set_reading_mode(on);
                if on {
                    self.chrome.set_focus(Focus::Reader);
                }
                self.relayout();
            }
            Action::FilterChar(c) => {
                let r = self.search.edit(|f| f.insert(c), n);
                return self.requery(r);
            }
            Action::FilterBackspace => {
                let r = self.search.edit(|f| f.backspace(), n);
                return self.requery(r);
            }
            Action::FilterDeleteWord => {
                let r = self.search.edit(|f| f.delete_word(), n);
                return self.requery(r);
            }
            Action::FilterClear => {
                let r = self.search.edit(|f| f.clear(), n);
                self.chrome.set_focus(Focus::List);
                self.relayout();
                return self.requery(r);
            }
            Action::FilterEdit(_)
            | Action::FilterOlder
            | Action::FilterNewer
            | Action::Paste(_) => {
                return self.line_edit(action);
            }
            Action::FilterAccept => {
                let query = self.filter().as_str().to_string();
                self.search.history_mut().push(&query);
                self.chrome.set_focus(Focus::List);
                self.relayout();
            }
            Action::ToggleRead => self.toggle_read(),
            Action::ToggleMark => {
                if let Some(id) = self.selected_id() {
                    self.library.set_state(id, |s| s.marked = !s.marked);
                    if self.list.marked_only() {
                        self.rebuild_list(Some(id));
                    }
                }
            }
            Action::MarkedOnly if !self.list.marked_only() && self.library.marked() == 0 => {
                self.chrome.set_status("no marked articles");
            }
            Action::MarkedOnly => {
                self.list.toggle_marked_only();
                self.rebuild_list(self.selected_id());
                self.chrome.set_status(if self.list.marked_only() {
                    "showing marked articles"
                } else {
                    "showing all articles"
                });
            }
            Action::CycleSort => {
                let sort = self.list.sort().next(!self.query().is_empty());
                self.list.set_sort(sort);
                self.rebuild_list(self.selected_id());
                self.chrome.set_status(format!("sorted by {}", sort.name()));
            }
            Action::NextUnread => {
                let library = &self.library;
                match self.list.next_row_where(|id| !library.state(id).read) {
                    Some(row) => self.select(row),
                    None => self.chrome.set_status("no unread article here"),
                }
            }
            Action::Wheel { x, y, down } => self.wheel(x, y, down),
            Action::Click { x, y } => self.click(x, y),
            Action::Copy => return self.copy(),
            Action::Related => self.open_related(),
            Action::RelatedBack => self.related_back(),
            Action::ToggleRepeats => self.toggle_repeats(),
            Action::Timeline => self.open_timeline(),
            Action::Facets => self.open_facets(),
            Action::Restore(_)
            | Action::Loaded(_)
            | Action::LoadDone
            | Action::Notice(_)
            | Action::Searched(_)
            | Action::Grouped(_) => {}
            // Taken by `act` (model/act.rs) above.
            Action::Links
            | Action::Pick
            | Action::OpenAddress
            | Action::EditArticle
            | Action::PageArticle
            | Action::PipeArticle
            | Action::Report(_)
            | Action::ExportArticles
            | Action::MarkAllRead(_)
            | Action::UnmarkAll
            | Action::Tag
            | Action::SaveSearch
            | Action::SavedSearches
            | Action::Outline
            | Action::GoToPercent
            | Action::RunUserAction(_)
            | Action::Counted(_) => {}
        }
        Vec::new()
    }

    fn toggle_read(&mut self) {
        if let Some(id) = self.selected_id() {
            self.library.set_state(id, |s| s.read = !s.read);
            let read = self.library.state(id).read;
            self.chrome
                .set_status(if read { "marked read" } else { "marked unread" });
        }
    }

    fn copy(&mut self) -> Vec<Effect> {
        let Some(article) = self.selected_id().and_then(|id| self.library.get(id)) else {
            return Vec::new();
        };
        let text = format!("{}\n{}", article.title, article.path);
        self.chrome
            .set_status("copied title and path to the clipboard");
        vec![Effect::Copy(text)]
    }

    fn move_by(&mut self, delta: isize) {
        if self.chrome.reader_has_keys() {
            if delta > 0 {
                self.reader.scroll_down(delta.unsigned_abs());
            } else {
                self.reader.scroll_up(delta.unsigned_abs());
            }
        } else {
            self.step_article(delta);
        }
    }

    fn page(&mut self, down: bool) {
        if self.chrome.reader_has_keys() {
            let page = self.reader.height().saturating_sub(2).max(1);
            if down {
                self.reader.scroll_down(page);
            } else {
                self.reader.scroll_up(page);
            }
        } else {
            let page = self.list_rows().saturating_sub(1).max(1);
            let selected = self.selected();
            self.select(if down {
                selected + page
            } else {
                selected.saturating_sub(page)
            });
        }
    }

    fn jump(&mut self, end: bool) {
        if self.chrome.reader_has_keys() {
            if end {
                self.reader.scroll_bottom();
            } else {
                self.reader.scroll_top();
            }
        } else {
            self.select(if end { usize::MAX } else { 0 });
        }
    }

    fn open(&mut self) {
        match self.focus() {
            Focus::List if self.selected_id().is_some() => self.chrome.set_focus(Focus::Reader),
            Focus::Reader => {
                let on = !self.chrome.reading_mode();
                self.chrome.set_reading_mode(on);
            }
            _ => {}
        }
        self.relayout();
    }

    fn back(&mut self) -> Vec<Effect> {
        let mut effects = Vec::new();
        if self.chrome.reading_mode() {
            self.chrome.set_reading_mode(false);
        } else if self.focus() == Focus::Reader {
            self.chrome.set_focus(Focus::List);
        } else if !self.filter().as_str().is_empty() {
            // Esc in the list drops an accepted filter.
            let r = self.search.edit(|f| f.clear(), self.library.len());
            effects = self.requery(r);
            self.chrome.set_status("filter cleared");
        }
        self.relayout();
        effects
    }

    /// The next (or previous) hit: in the open article, else in the next article of the list
    /// that has some.
    fn step_hit(&mut self, forward: bool) {
        if self.search.highlighter().is_none() {
            self.chrome.set_status("no filter");
            return;
        }
        let moved = if forward {
            self.reader.next_hit()
        } else {
            self.reader.prev_hit()
        };
        if moved {
            return;
        }
        let Some(row) = self.list.next_row_with_hits(forward) else {
            self.chrome.set_status(if forward {
                "no more hits"
            } else {
                "no earlier hits"
            });
            return;
        };
        self.select(row);
        if forward {
            self.reader.first_hit();
        } else {
            self.reader.last_hit();
        }
    }
}
