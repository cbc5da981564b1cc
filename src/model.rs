//! The parsed corpus and the selection state; `update` is the only place state changes.
//!
//! No terminal and no IO here: the event loop turns keys into [`Action`]s, calls
//! [`Model::update`], carries out the [`Effect`]s it returns, and draws from `&Model`.

mod filter;
mod hits;
mod list;
mod reader;

use std::sync::Arc;

use ratatui::layout::Rect;

use crate::action::Action;
use crate::corpus::{Article, Skipped};
use crate::layout::{Layout, READING_WIDTH, View};
use crate::search::{Highlighter, Query, Ranked, SearchOutcome};

pub use filter::FilterText;
pub use list::{Flags, Sort};
pub use reader::{BlockKind, Pos, Reader, ScreenLine, meta_line};

/// Which pane keys go to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List,
    Reader,
    Filter,
}

/// A window drawn over the panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help,
    Skipped,
}

/// Something the event loop must do for the model.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Run this query (in the background) and hand back a [`SearchOutcome`] with this generation.
    Search(u64, Query),
    /// Put this text on the clipboard (OSC 52).
    Copy(String),
    /// Give the terminal back and stop until resumed.
    Suspend,
    /// Leave.
    Quit,
}

/// Loading progress, while files are still being read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
}

/// Everything folio shows.
pub struct Model {
    articles: Vec<Arc<Article>>,
    skipped: Vec<Skipped>,
    progress: Option<Progress>,
    filter: FilterText,
    query: Query,
    /// The query whose results the list shows.
    shown_query: Query,
    highlighter: Option<Arc<Highlighter>>,
    generation: u64,
    searching: bool,
    /// The search's result (or every article), before sorting and the marked-only view.
    ranked: Vec<Ranked>,
    /// What the list shows: `ranked`, sorted, perhaps only the marked articles.
    shown: Vec<Ranked>,
    flags: Vec<Flags>,
    /// Articles whose flags changed since the event loop last asked.
    changed: Vec<u32>,
    sort: Sort,
    marked_only: bool,
    status: Option<String>,
    /// An article to select (by content hash) and the line to open it at, once it has loaded.
    pending: Option<(u64, usize)>,
    selected: usize,
    list_top: usize,
    reader: Reader,
    focus: Focus,
    overlay: Option<Overlay>,
    overlay_scroll: usize,
    reading_mode: bool,
    reading_width: u16,
    screen: Rect,
    /// What the reader showed at the last frame drawn: article, top line, layout.
    drawn: Option<(Option<u32>, Pos, Layout)>,
}

impl Model {
    /// A model over a corpus that may still be loading (`progress`).
    pub fn new(articles: Vec<Arc<Article>>, skipped: Vec<Skipped>) -> Model {
        let mut model = Model {
            articles: Vec::new(),
            skipped,
            progress: None,
            filter: FilterText::default(),
            query: Query::default(),
            shown_query: Query::default(),
            highlighter: None,
            generation: 0,
            searching: false,
            ranked: Vec::new(),
            shown: Vec::new(),
            flags: Vec::new(),
            changed: Vec::new(),
            sort: Sort::default(),
            marked_only: false,
            status: None,
            pending: None,
            selected: 0,
            list_top: 0,
            reader: Reader::default(),
            focus: Focus::List,
            overlay: None,
            overlay_scroll: 0,
            reading_mode: false,
            reading_width: READING_WIDTH,
            screen: Rect::default(),
            drawn: None,
        };
        let flags = vec![Flags::default(); articles.len()];
        model.add_articles(articles, flags);
        model
    }

    /// Sets the widest reading column.
    pub fn set_reading_width(&mut self, width: u16) {
        self.reading_width = width.clamp(20, 1000);
        self.relayout();
    }

    // ---- reading the state -------------------------------------------------------------

    /// All loaded articles, by id.
    pub fn articles(&self) -> &[Arc<Article>] {
        &self.articles
    }
    /// Files that were skipped while loading, with reasons.
    pub fn skipped(&self) -> &[Skipped] {
        &self.skipped
    }
    /// Loading progress, while loading.
    pub fn progress(&self) -> Option<Progress> {
        self.progress
    }
    /// The articles the list shows, in order.
    pub fn shown(&self) -> &[Ranked] {
        &self.shown
    }
    /// The selected row in `shown`.
    pub fn selected(&self) -> usize {
        self.selected
    }
    /// The first row the list shows.
    pub fn list_top(&self) -> usize {
        self.list_top
    }
    /// The selected article's id.
    pub fn selected_id(&self) -> Option<u32> {
        self.shown.get(self.selected).map(|r| r.id)
    }
    /// The filter text.
    pub fn filter(&self) -> &FilterText {
        &self.filter
    }
    /// The parsed query.
    pub fn query(&self) -> &Query {
        &self.query
    }
    /// The highlighter of the active query.
    pub fn highlighter(&self) -> Option<&Highlighter> {
        self.highlighter.as_deref()
    }
    /// True while a search is running for the current query.
    pub fn searching(&self) -> bool {
        self.searching
    }
    /// Which pane has focus.
    pub fn focus(&self) -> Focus {
        self.focus
    }
    /// The overlay shown, if any, and its scroll.
    pub fn overlay(&self) -> Option<(Overlay, usize)> {
        self.overlay.map(|o| (o, self.overlay_scroll))
    }
    /// The reader.
    pub fn reader(&self) -> &Reader {
        &self.reader
    }
    /// The screen layout.
    pub fn layout(&self) -> Layout {
        Layout::new(self.screen, self.view())
    }
    /// The view flags the layout depends on.
    pub fn view(&self) -> View {
        View {
            reader_shown: self.focus == Focus::Reader,
            reading_mode: self.reading_mode,
            reading_width: self.reading_width,
        }
    }
    /// True in full-width reading mode.
    pub fn reading_mode(&self) -> bool {
        self.reading_mode
    }
    /// What folio remembers of an article.
    pub fn flags(&self, id: u32) -> Flags {
        self.flags.get(id as usize).copied().unwrap_or_default()
    }
    /// Number of unread articles.
    pub fn unread(&self) -> usize {
        self.flags.iter().filter(|f| !f.read).count()
    }
    /// The sort order.
    pub fn sort(&self) -> Sort {
        self.sort
    }
    /// True when only marked articles are shown.
    pub fn marked_only(&self) -> bool {
        self.marked_only
    }
    /// A one-line message for the status line.
    pub fn status(&self) -> Option<&str> {
        self.status.as_deref()
    }
    /// Shows a message in the status line until the next key.
    pub fn set_status(&mut self, message: String) {
        self.status = Some(message);
    }
    /// Whether keys are text for the filter bar.
    pub fn typing(&self) -> bool {
        self.focus == Focus::Filter && self.overlay.is_none()
    }

    /// Called once per frame drawn: when, since the last frame, the only change to the reader in
    /// reading mode is a scroll of a few lines, returns the rows of the text column and the
    /// lines scrolled (positive: text moved up), so the terminal can scroll them itself.
    pub fn take_scroll(&mut self) -> Option<(std::ops::Range<u16>, isize)> {
        let layout = self.layout();
        let now = (self.reader.id(), self.reader.top(), layout);
        let before = self.drawn.replace(now)?;
        if !self.reading_mode || before.0 != now.0 || before.2 != now.2 {
            return None;
        }
        let height = usize::from(layout.text.height);
        let lines = self
            .reader
            .distance(before.1, now.1, height.saturating_sub(1))?;
        (lines != 0).then(|| (layout.text.y..layout.text.bottom(), lines))
    }

    // ---- changes from outside the keyboard -----------------------------------------------

    /// Appends articles loaded in the background, with what was remembered of each. Returns a
    /// search to run when a query is active (so the new articles are filtered too).
    pub fn add_articles(&mut self, batch: Vec<Arc<Article>>, flags: Vec<Flags>) -> Option<Effect> {
        let first = self.articles.len();
        self.flags.extend(flags);
        self.articles.extend(batch);
        self.flags.resize(self.articles.len(), Flags::default());
        let effect = if self.query.is_empty() {
            self.ranked
                .extend((first..self.articles.len()).map(unranked));
            self.rebuild_shown(self.selected_id());
            None
        } else {
            Some(self.search())
        };
        self.restore_pending();
        self.reader.prepare();
        effect
    }

    /// Reopens where a previous session stopped: the filter, the article (by content hash, so
    /// it is found even if it loads later) and its line, and the sort order.
    pub fn restore(&mut self, query: &str, selected: Option<u64>, sort: Sort) -> Option<Effect> {
        self.sort = sort;
        self.pending = selected.map(|hash| (hash, 0));
        self.filter.set(query);
        let effect = self.requery();
        self.rebuild_shown(self.selected_id());
        self.restore_pending();
        self.reader.prepare();
        effect
    }

    fn restore_pending(&mut self) {
        let Some((hash, _)) = self.pending else {
            return;
        };
        let Some(row) = self.shown.iter().position(|r| {
            self.articles
                .get(r.id as usize)
                .is_some_and(|a| a.hash == hash)
        }) else {
            return;
        };
        self.pending = None;
        self.select(row);
        // Where it was left, even when a query would open it at its first hit.
        if let Some(id) = self.selected_id() {
            self.reader.go_to_line(self.flags(id).line);
        }
    }

    /// The articles whose flags changed since the last call, with their flags. The open
    /// article's line is brought up to date first.
    pub fn take_changes(&mut self) -> Vec<(Arc<Article>, Flags)> {
        if let Some(id) = self.reader.id()
            && let Some(line) = self.reader.line_number()
            && let Some(f) = self.flags.get_mut(id as usize)
            && f.line != line
        {
            f.line = line;
            self.changed.push(id);
        }
        let mut ids = std::mem::take(&mut self.changed);
        ids.sort_unstable();
        ids.dedup();
        ids.into_iter()
            .filter_map(|id| Some((self.articles.get(id as usize)?.clone(), self.flags(id))))
            .collect()
    }

    /// The selected article's content hash, for the state file.
    pub fn selected_hash(&self) -> Option<u64> {
        self.selected_id()
            .and_then(|id| self.articles.get(id as usize))
            .map(|a| a.hash)
    }

    /// Records files skipped in the background.
    pub fn add_skipped(&mut self, skipped: Vec<Skipped>) {
        self.skipped.extend(skipped);
    }

    /// Sets the loading progress (`None` when done).
    pub fn set_progress(&mut self, progress: Option<Progress>) {
        self.progress = progress;
    }

    /// Takes a search result; stale ones (an older generation) are dropped.
    pub fn apply_search(&mut self, outcome: SearchOutcome) {
        if outcome.generation != self.generation {
            return;
        }
        self.searching = false;
        self.ranked = outcome.ranked;
        let open = self.reader.id();
        // A new query selects its best match, as fzf does; more results for the same query
        // (articles still loading) leave the selection where it is.
        let keep = if self.shown_query == self.query {
            self.selected_id()
        } else {
            None
        };
        self.shown_query = self.query.clone();
        self.rebuild_shown(keep);
        if let Some(id) = open.filter(|_| self.reader.id() == open)
            && !self.reader.has_current_hit()
        {
            // The same article stays open under a new query: its hit count is known now; go
            // to its first hit.
            let total = self
                .shown
                .iter()
                .find(|r| r.id == id)
                .map(|r| r.hits as usize);
            self.reader.set_hits(self.highlighter.clone(), total);
            self.reader.first_hit();
        }
        self.restore_pending();
        self.reader.prepare();
    }

    /// Recomputes the list from `ranked`, keeping `keep` selected when it is still shown.
    fn rebuild_shown(&mut self, keep: Option<u32>) {
        let mut shown: Vec<Ranked> = if self.marked_only {
            self.ranked
                .iter()
                .filter(|r| self.flags(r.id).marked)
                .cloned()
                .collect()
        } else {
            self.ranked.clone()
        };
        list::sort_rows(&mut shown, &self.articles, self.sort);
        self.shown = shown;
        self.selected = keep
            .and_then(|id| self.shown.iter().position(|r| r.id == id))
            .unwrap_or(0);
        self.scroll_list_into_view();
        self.sync_reader();
    }

    fn search(&mut self) -> Effect {
        self.generation += 1;
        self.searching = true;
        Effect::Search(self.generation, self.query.clone())
    }

    // ---- the one update ------------------------------------------------------------------

    /// Applies one action.
    pub fn update(&mut self, action: Action) -> Option<Effect> {
        if !matches!(action, Action::Resize(..)) {
            self.status = None;
        }
        let effect = self.apply(action);
        self.reader.prepare();
        self.mark_read_at_end();
        effect
    }

    /// An article becomes read once its last line has been on screen while being read (the
    /// reader has focus, or reading mode), not merely previewed from the list.
    fn mark_read_at_end(&mut self) {
        if !self.reader_has_keys() || !self.reader.at_end() {
            return;
        }
        if let Some(id) = self.reader.id() {
            self.set_flag(id, |f| f.read = true);
        }
    }

    fn set_flag(&mut self, id: u32, change: impl FnOnce(&mut Flags)) {
        if let Some(f) = self.flags.get_mut(id as usize) {
            let before = *f;
            change(f);
            if *f != before {
                self.changed.push(id);
            }
        }
    }

    fn apply(&mut self, action: Action) -> Option<Effect> {
        if let Some(effect) = self.update_overlay(&action) {
            return effect;
        }
        match action {
            Action::Quit => return Some(Effect::Quit),
            Action::Suspend => return Some(Effect::Suspend),
            Action::Resize(w, h) => {
                self.screen = Rect::new(0, 0, w, h);
                self.relayout();
            }
            Action::Down => self.move_by(1),
            Action::Up => self.move_by(-1),
            Action::PageDown => self.page(1),
            Action::PageUp => self.page(-1),
            Action::Top => self.jump(false),
            Action::Bottom => self.jump(true),
            Action::SwitchPane => {
                self.focus = match self.focus {
                    Focus::List => Focus::Reader,
                    Focus::Reader | Focus::Filter => Focus::List,
                };
                self.relayout();
            }
            Action::Open => self.open(),
            Action::Back => return self.back(),
            Action::Filter => {
                // The filter bar is hidden in reading mode: leave it to type.
                self.reading_mode = false;
                self.focus = Focus::Filter;
                self.relayout();
            }
            Action::Help => self.toggle_overlay(Overlay::Help),
            Action::Skipped => self.toggle_overlay(Overlay::Skipped),
            Action::NextHit => self.step_hit(true),
            Action::PrevHit => self.step_hit(false),
            Action::ReadingMode => {
                self.reading_mode = !self.reading_mode;
                if self.reading_mode {
                    self.focus = Focus::Reader;
                }
                self.relayout();
            }
            Action::FilterChar(c) => {
                self.filter.insert(c);
                return self.requery();
            }
            Action::FilterBackspace => {
                self.filter.backspace();
                return self.requery();
            }
            Action::FilterDeleteWord => {
                self.filter.delete_word();
                return self.requery();
            }
            Action::FilterClear => {
                self.filter.clear();
                self.focus = Focus::List;
                self.relayout();
                return self.requery();
            }
            Action::FilterAccept => {
                self.focus = Focus::List;
                self.relayout();
            }
            Action::ToggleRead => {
                if let Some(id) = self.selected_id() {
                    self.set_flag(id, |f| f.read = !f.read);
                    let read = self.flags(id).read;
                    self.status = Some(if read { "marked read" } else { "marked unread" }.into());
                }
            }
            Action::ToggleMark => {
                if let Some(id) = self.selected_id() {
                    self.set_flag(id, |f| f.marked = !f.marked);
                    if self.marked_only {
                        self.rebuild_shown(Some(id));
                    }
                }
            }
            Action::MarkedOnly => {
                self.marked_only = !self.marked_only;
                self.rebuild_shown(self.selected_id());
                self.status = Some(
                    if self.marked_only {
                        "showing marked articles"
                    } else {
                        "showing all articles"
                    }
                    .into(),
                );
            }
            Action::CycleSort => {
                self.sort = self.sort.next(!self.query.is_empty());
                self.rebuild_shown(self.selected_id());
                self.status = Some(format!("sorted by {}", self.sort.name()));
            }
            Action::NextUnread => self.next_unread(),
            Action::Wheel { x, y, down } => self.wheel(x, y, down),
            Action::Click { x, y } => self.click(x, y),
            Action::Copy => return self.copy(),
        }
        None
    }

    /// The wheel scrolls the pane under the pointer, three lines a notch.
    fn wheel(&mut self, x: u16, y: u16, down: bool) {
        let layout = self.layout();
        let at = ratatui::layout::Position { x, y };
        if layout.reader.contains(at) {
            if down {
                self.reader.scroll_down(3);
            } else {
                self.reader.scroll_up(3);
            }
        } else if layout.list.contains(at) {
            let row = if down {
                self.selected.saturating_add(3)
            } else {
                self.selected.saturating_sub(3)
            };
            self.select(row);
        }
    }

    /// A click on a list row selects it; a click in a pane focuses it.
    fn click(&mut self, x: u16, y: u16) {
        let layout = self.layout();
        let at = ratatui::layout::Position { x, y };
        if layout.list.contains(at) {
            self.focus = Focus::List;
            let inner_top = layout.list.y + 1;
            if y >= inner_top && y + 1 < layout.list.bottom() {
                let row = self.list_top + usize::from(y - inner_top);
                if row < self.shown.len() {
                    self.select(row);
                }
            }
        } else if layout.reader.contains(at) && self.selected_id().is_some() {
            self.focus = Focus::Reader;
        } else if layout.filter.contains(at) {
            self.focus = Focus::Filter;
        }
        self.relayout();
    }

    fn next_unread(&mut self) {
        let n = self.shown.len();
        let found = (1..=n)
            .map(|k| (self.selected + k) % n.max(1))
            .find(|&row| !self.flags(self.shown[row].id).read);
        match found {
            Some(row) => self.select(row),
            None => self.status = Some("no unread article here".into()),
        }
    }

    fn copy(&mut self) -> Option<Effect> {
        let article = self
            .selected_id()
            .and_then(|id| self.articles.get(id as usize))?;
        let text = format!("{}\n{}", article.title, article.path);
        self.status = Some("copied title and path to the clipboard".into());
        Some(Effect::Copy(text))
    }

    /// While an overlay is open, keys scroll or close it. `Some(effect)` when it took the key.
    fn update_overlay(&mut self, action: &Action) -> Option<Option<Effect>> {
        self.overlay?;
        match action {
            Action::Quit => return Some(Some(Effect::Quit)),
            Action::Suspend => return Some(Some(Effect::Suspend)),
            Action::Resize(..) => return None,
            Action::Down => self.overlay_scroll += 1,
            Action::Up => self.overlay_scroll = self.overlay_scroll.saturating_sub(1),
            Action::PageDown => self.overlay_scroll += 10,
            Action::PageUp => self.overlay_scroll = self.overlay_scroll.saturating_sub(10),
            Action::Top => self.overlay_scroll = 0,
            Action::Help => self.toggle_overlay(Overlay::Help),
            Action::Skipped => self.toggle_overlay(Overlay::Skipped),
            _ => self.overlay = None,
        }
        Some(None)
    }

    fn toggle_overlay(&mut self, overlay: Overlay) {
        self.overlay = if self.overlay == Some(overlay) {
            None
        } else {
            Some(overlay)
        };
        self.overlay_scroll = 0;
    }

    fn requery(&mut self) -> Option<Effect> {
        let query = Query::parse(self.filter.as_str());
        if query == self.query {
            return None;
        }
        self.query = query;
        self.highlighter =
            (!self.query.is_empty()).then(|| Arc::new(Highlighter::new(&self.query)));
        // The hit count comes with the search's result; until then it is counted as found.
        self.reader.set_hits(self.highlighter.clone(), None);
        if self.query.is_empty() {
            // No need to search: every article, in order.
            self.generation += 1;
            self.searching = false;
            self.ranked = (0..self.articles.len()).map(unranked).collect();
            self.shown_query = Query::default();
            self.rebuild_shown(self.selected_id());
            return None;
        }
        Some(self.search())
    }

    fn relayout(&mut self) {
        let text = self.layout().text;
        self.reader
            .resize(usize::from(text.width), usize::from(text.height));
        self.scroll_list_into_view();
    }

    /// Rows the list pane shows.
    pub fn list_rows(&self) -> usize {
        usize::from(self.layout().list.height.saturating_sub(2))
    }

    fn scroll_list_into_view(&mut self) {
        let rows = self.list_rows().max(1);
        if self.selected < self.list_top {
            self.list_top = self.selected;
        } else if self.selected >= self.list_top + rows {
            self.list_top = self.selected + 1 - rows;
        }
        let max_top = self.shown.len().saturating_sub(rows);
        self.list_top = self.list_top.min(max_top);
    }

    fn reader_has_keys(&self) -> bool {
        self.focus == Focus::Reader || self.reading_mode
    }

    fn move_by(&mut self, delta: isize) {
        if self.reader_has_keys() {
            if delta > 0 {
                self.reader.scroll_down(delta.unsigned_abs());
            } else {
                self.reader.scroll_up(delta.unsigned_abs());
            }
        } else {
            self.select(self.selected.saturating_add_signed(delta));
        }
    }

    fn page(&mut self, dir: isize) {
        if self.reader_has_keys() {
            let page = self.reader.height().saturating_sub(2).max(1);
            if dir > 0 {
                self.reader.scroll_down(page);
            } else {
                self.reader.scroll_up(page);
            }
        } else {
            let page = self.list_rows().saturating_sub(1).max(1);
            let target = if dir > 0 {
                self.selected + page
            } else {
                self.selected.saturating_sub(page)
            };
            self.select(target);
        }
    }

    fn jump(&mut self, end: bool) {
        if self.reader_has_keys() {
            if end {
                self.reader.scroll_bottom();
            } else {
                self.reader.scroll_top();
            }
        } else {
            self.select(if end { usize::MAX } else { 0 });
        }
    }

    /// Selects a row (clamped to the list).
    fn select(&mut self, row: usize) {
        self.selected = row.min(self.shown.len().saturating_sub(1));
        self.scroll_list_into_view();
        self.sync_reader();
    }

    /// Opens the selected article in the reader (at its first hit when a query is active).
    fn sync_reader(&mut self) {
        let id = self.selected_id();
        if self.reader.id() == id {
            return;
        }
        let article = id.and_then(|id| self.articles.get(id as usize).cloned());
        self.reader.open(id, article);
        self.relayout();
        let total = id
            .and_then(|id| self.shown.iter().find(|r| r.id == id))
            .map(|r| r.hits as usize);
        self.reader.set_hits(self.highlighter.clone(), total);
        if !self.reader.first_hit()
            && let Some(id) = id
        {
            // Back where it was left.
            self.reader.go_to_line(self.flags(id).line);
        }
    }

    fn open(&mut self) {
        match self.focus {
            Focus::List if self.selected_id().is_some() => {
                self.focus = Focus::Reader;
                self.relayout();
            }
            Focus::Reader => {
                self.reading_mode = !self.reading_mode;
                self.relayout();
            }
            _ => {}
        }
    }

    fn back(&mut self) -> Option<Effect> {
        let mut effect = None;
        if self.reading_mode {
            self.reading_mode = false;
        } else if self.focus == Focus::Reader {
            self.focus = Focus::List;
        } else if !self.filter.as_str().is_empty() {
            // Esc in the list drops an accepted filter.
            self.filter.clear();
            effect = self.requery();
        }
        self.relayout();
        effect
    }

    fn step_hit(&mut self, forward: bool) {
        if self.highlighter.is_none() {
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
        // No more hits here: the next (or previous) article in the list that has some.
        let mut row = self.selected;
        loop {
            row = if forward {
                row + 1
            } else {
                match row.checked_sub(1) {
                    Some(r) => r,
                    None => {
                        self.status = Some("no earlier hits".into());
                        return;
                    }
                }
            };
            let Some(ranked) = self.shown.get(row) else {
                self.status = Some("no more hits".into());
                return;
            };
            if ranked.hits > 0 {
                break;
            }
        }
        self.select(row);
        if forward {
            self.reader.first_hit();
        } else {
            self.reader.last_hit();
        }
    }
}

/// The list row of an article when nothing is being searched.
fn unranked(id: usize) -> Ranked {
    Ranked {
        id: u32::try_from(id).unwrap_or(u32::MAX),
        hits: 0,
        score: 0,
        in_title: false,
    }
}
