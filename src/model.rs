//! The parsed corpus and the selection state, as small sub-models: the [`Library`] (articles,
//! their states, skipped files, progress), the [`Search`] session (filter, query, result), the
//! [`ListView`] (order and selection), the [`Reader`] (open article, scroll, hits) and the
//! [`Chrome`] (focus, overlay, reading mode, status, layout).
//!
//! No terminal and no IO here: everything that happens arrives as an [`Action`], `update`
//! (in `model/update.rs`) is the only place state changes, and it hands back the [`Effect`]s the
//! event loop must carry out. Drawing reads `&Model`.

mod chrome;
mod editing;
mod facets;
mod filter;
mod history;
mod hits;
mod library;
mod list;
mod paging;
mod pointer;
mod reader;
mod search;
mod stories;
mod stories_update;
mod timeline;
mod update;

use std::sync::Arc;

use crate::action::{Action, Batch, Progress};
use crate::corpus::{Article, Skipped};
use crate::layout::Layout;
use crate::search::{Highlighter, Query, Ranked};
use crate::state::{ArticleState, Session, Sort};

pub use chrome::{Chrome, Focus, Overlay, OverlayOutcome};
pub use facets::{Facets, split_entities};
pub use filter::FilterText;
pub use history::{HISTORY_LIMIT, History};
pub use library::Library;
pub use list::{ListView, sort_rows};
pub use reader::{BlockKind, Pos, Reader, ScreenLine, block_lines, meta_line, quote_prefix};
pub use search::{Requery, Search};
pub use stories::{Related, Stories};
pub use timeline::Timeline;

/// Something the event loop must do for the model.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Add these articles to the search index (before any search that follows), and to the
    /// stories worker's grouping.
    Index(Vec<Arc<Article>>),
    /// Run this query (in the background) and hand back a `Searched` action with this
    /// generation.
    Search(u64, Query),
    /// Put this text on the clipboard (OSC 52).
    Copy(String),
    /// Give the terminal back and stop until resumed.
    Suspend,
    /// Leave.
    Quit,
}

/// Everything folio shows.
#[derive(Debug, Default)]
pub struct Model {
    library: Library,
    search: Search,
    list: ListView,
    reader: Reader,
    chrome: Chrome,
    stories: Stories,
    /// The timeline window, when open.
    timeline: Option<Timeline>,
    /// The facets window, when open.
    facets: Option<Facets>,
    /// The article to select (by content hash) once it has loaded, from a saved session.
    pending: Option<u64>,
}

impl Model {
    /// A model over articles already loaded (its effects, such as indexing, are dropped: for
    /// tests and measurements that search by themselves).
    pub fn new(articles: Vec<Arc<Article>>, skipped: Vec<Skipped>) -> Model {
        let mut model = Model::default();
        model.update(Action::Loaded(Batch {
            articles,
            skipped,
            ..Batch::default()
        }));
        model
    }

    /// Sets the widest reading column.
    pub fn set_reading_width(&mut self, width: u16) {
        self.chrome.set_reading_width(width);
        self.relayout();
    }

    /// Shows a message in the status line until the next key.
    pub fn set_status(&mut self, message: String) {
        self.chrome.set_status(message);
    }

    // ---- the sub-models ------------------------------------------------------------------

    pub fn library(&self) -> &Library {
        &self.library
    }
    pub fn search(&self) -> &Search {
        &self.search
    }
    pub fn list(&self) -> &ListView {
        &self.list
    }
    pub fn reader(&self) -> &Reader {
        &self.reader
    }
    pub fn chrome(&self) -> &Chrome {
        &self.chrome
    }
    pub fn stories(&self) -> &Stories {
        &self.stories
    }
    /// The timeline window, when open.
    pub fn timeline(&self) -> Option<&Timeline> {
        self.timeline.as_ref()
    }
    /// The facets window, when open.
    pub fn facets(&self) -> Option<&Facets> {
        self.facets.as_ref()
    }

    // ---- what is asked most often --------------------------------------------------------

    /// All loaded articles, by id.
    pub fn articles(&self) -> &[Arc<Article>] {
        self.library.articles()
    }
    /// Files that were skipped while loading, with reasons.
    pub fn skipped(&self) -> &[Skipped] {
        self.library.skipped()
    }
    /// Loading progress, while loading.
    pub fn progress(&self) -> Option<Progress> {
        self.library.progress()
    }
    /// The articles the list shows, in order.
    pub fn shown(&self) -> &[Ranked] {
        self.list.shown()
    }
    /// The selected row in `shown`.
    pub fn selected(&self) -> usize {
        self.list.selected()
    }
    /// The selected article's id.
    pub fn selected_id(&self) -> Option<u32> {
        self.list.selected_id()
    }
    /// The filter text.
    pub fn filter(&self) -> &FilterText {
        self.search.filter()
    }
    /// The parsed query.
    pub fn query(&self) -> &Query {
        self.search.query()
    }
    /// The highlighter of the active query.
    pub fn highlighter(&self) -> Option<&Highlighter> {
        self.search.highlighter().map(Arc::as_ref)
    }
    /// Which pane has focus.
    pub fn focus(&self) -> Focus {
        self.chrome.focus()
    }
    /// The overlay shown, if any, and its scroll.
    pub fn overlay(&self) -> Option<(Overlay, usize)> {
        self.chrome.overlay()
    }
    /// The screen layout.
    pub fn layout(&self) -> Layout {
        self.chrome.layout()
    }
    /// True in full-width reading mode.
    pub fn reading_mode(&self) -> bool {
        self.chrome.reading_mode()
    }
    /// What folio remembers of an article.
    pub fn state(&self, id: u32) -> ArticleState {
        self.library.state(id)
    }
    /// The sort order.
    pub fn sort(&self) -> Sort {
        self.list.sort()
    }
    /// A one-line message for the status line.
    pub fn status(&self) -> Option<&str> {
        self.chrome.status()
    }
    /// Whether keys are text for the filter bar.
    pub fn typing(&self) -> bool {
        self.chrome.typing()
    }
    /// Rows the list pane shows.
    pub fn list_rows(&self) -> usize {
        self.chrome.list_rows()
    }

    // ---- for the state file --------------------------------------------------------------

    /// The articles whose state changed since the last call, with their states. The open
    /// article's line is brought up to date first.
    pub fn take_changes(&mut self) -> Vec<(Arc<Article>, ArticleState)> {
        if let Some(id) = self.reader.id()
            && let Some(line) = self.reader.line_number()
        {
            self.library.set_state(id, |s| s.line = line);
        }
        self.library.take_changes()
    }

    /// Where the user is: the filter as typed, the selected article, the sort order, the
    /// filter's history.
    pub fn session(&self) -> Session {
        Session {
            query: self.search.filter().as_str().to_string(),
            selected: self
                .selected_id()
                .and_then(|id| self.library.get(id))
                .map(|a| a.hash),
            sort: Some(self.list.sort()),
            history: self.search.history().entries().to_vec(),
            list_width: self.chrome.chosen_list_share(),
        }
    }

    // ---- keeping the sub-models in step --------------------------------------------------

    /// After a change of size or view: the reader's text column and the list's rows.
    /// A hidden reader (the list alone on a narrow screen) keeps its size, and so its place.
    fn relayout(&mut self) {
        let text = self.chrome.layout().text;
        if text.area() > 0 {
            self.reader
                .resize(usize::from(text.width), usize::from(text.height));
        }
        self.list.scroll_into_view(self.chrome.list_rows());
    }

    /// Recomputes the list from the search's result, keeping `keep` selected when shown.
    fn rebuild_list(&mut self, keep: Option<u32>) {
        let rows = self.chrome.list_rows();
        let ranked = self
            .stories
            .collapse(self.search.ranked(), self.search.entities());
        self.list.rebuild(&ranked, &self.library, keep, rows);
        self.sync_reader();
    }

    /// Selects a row (clamped to the list) and opens its article.
    fn select(&mut self, row: usize) {
        self.list.select(row, self.chrome.list_rows());
        self.sync_reader();
    }

    /// Opens the selected article in the reader (at its first hit when a query is active,
    /// else where it was left).
    fn sync_reader(&mut self) {
        let id = self.selected_id();
        if self.reader.id() == id {
            return;
        }
        let article = id.and_then(|id| self.library.get(id).cloned());
        self.reader.open(id, article);
        self.relayout();
        let total = id.and_then(|id| self.list.hits_of(id));
        self.reader
            .set_hits(self.search.highlighter().cloned(), total);
        if !self.reader.first_hit()
            && let Some(id) = id
        {
            self.reader.go_to_line(self.library.state(id).line);
        }
    }

    /// Selects the article a saved session left selected, once it is shown, at its saved line
    /// (even when a query would open it at its first hit).
    fn restore_pending(&mut self) {
        let Some(hash) = self.pending else {
            return;
        };
        let library = &self.library;
        let Some(row) = self
            .list
            .shown()
            .iter()
            .position(|r| library.get(r.id).is_some_and(|a| a.hash == hash))
        else {
            return;
        };
        self.pending = None;
        self.select(row);
        if let Some(id) = self.selected_id() {
            self.reader.go_to_line(self.library.state(id).line);
        }
    }

    /// An article becomes read once its last line has been on screen while being read (the
    /// reader has focus, or reading mode, or `n` brought it there), not merely previewed from
    /// the list.
    fn mark_read_at_end(&mut self, stepped: bool) {
        if !(self.chrome.reader_has_keys() || stepped) || !self.reader.at_end() {
            return;
        }
        if let Some(id) = self.reader.id() {
            self.library.set_state(id, |s| s.read = true);
        }
    }
}

#[cfg(test)]
mod tests;
