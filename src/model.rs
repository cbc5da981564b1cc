//! The parsed corpus and the selection state, as small sub-models: the [`Library`] (articles,
//! their states, skipped files, progress), the [`Search`] session (filter, query, result), the
//! [`ListView`] (order and selection), the [`Reader`] (open article, scroll, hits) and the
//! [`Chrome`] (focus, overlay, reading mode, status, layout).
//!
//! No terminal and no IO here: everything that happens arrives as an [`Action`], `update`
//! (in `model/update.rs`) is the only place state changes, and it hands back the [`Effect`]s the
//! event loop must carry out. Drawing reads `&Model`.

mod act;
mod chrome;
mod editing;
mod facets;
mod filter;
mod history;
mod hits;
mod library;
mod list;
mod outline;
mod paging;
mod pointer;
mod prompt;
mod reader;
mod saved;
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

pub use act::{Viewer, article_text};
pub use chrome::{Chrome, Focus, Overlay, OverlayOutcome};
pub use facets::{Facets, split_entities};
pub use filter::FilterText;
pub use history::{HISTORY_LIMIT, History};
pub use library::Library;
pub use list::{ListView, sort_rows};
pub use outline::{Heading, outline};
pub use prompt::{Prompt, PromptKind};
pub use reader::{BlockKind, Pos, Reader, ScreenLine, block_lines, meta_line, quote_prefix};
pub use saved::{Saved, SavedSearch};
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
    /// Open this address in the browser, or copy it where nothing can open it (over SSH).
    OpenUrl(String),
    /// Show this text in the user's editor or pager, the terminal handed over meanwhile.
    View(Viewer, String),
    /// Pipe `text` into the shell command `command`; its first line of output comes back.
    Pipe { command: String, text: String },
    /// Find which articles each of these queries finds (for the saved searches' counts), and
    /// hand them back as `Counted`.
    Count(Vec<Query>, Vec<Arc<Article>>),
    /// Write `articles` to the file `path` (its format by its extension), unless it is inside
    /// one of the corpus's `roots` or exists already.
    Export {
        path: String,
        roots: Vec<std::path::PathBuf>,
        articles: Vec<Arc<Article>>,
    },
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
    /// The question the bottom row asks (a command to pipe to, a file name), while asked.
    prompt: Option<Prompt>,
    /// The status line says what acting on an article came to (shown over the filter too).
    reported: bool,
    /// The paths the corpus was opened from, which an export must not write into.
    roots: Vec<std::path::PathBuf>,
    /// The saved searches, this corpus's and the settings'.
    saved: Saved,
    /// The article selected when the query last changed, to select again in its result.
    keep_across_query: Option<u32>,
    /// What each saved search found when last counted, in the window's order.
    counted: Vec<Vec<u32>>,
    /// The user's own actions (`[actions]`): name and command.
    user_actions: Vec<(String, String)>,
    /// The accessible mode: the cursor where the user is, ASCII borders.
    accessible: bool,
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

    /// The paths the corpus was opened from (an export refuses to write inside them).
    pub fn set_roots(&mut self, roots: Vec<std::path::PathBuf>) {
        self.roots = roots;
    }

    /// Turns the accessible mode on or off.
    pub fn set_accessible(&mut self, on: bool) {
        self.accessible = on;
    }
    /// Whether the accessible mode is on (`--accessible`, `accessible = true`).
    pub fn accessible(&self) -> bool {
        self.accessible
    }

    /// The user's own actions (`[actions]`): name and the command the article is piped to.
    pub fn set_user_actions(&mut self, actions: Vec<(String, String)>) {
        self.user_actions = actions;
    }

    /// The saved searches the settings give for every corpus (`[searches]`).
    pub fn set_global_searches(&mut self, searches: Vec<(String, String)>) {
        self.saved.set_global(searches);
    }
    /// The saved searches.
    pub fn saved(&self) -> &Saved {
        &self.saved
    }
    /// Each saved search with how many unread articles it finds (`None` until counted).
    pub fn saved_counts(&self) -> Vec<(SavedSearch, Option<usize>)> {
        self.saved
            .all()
            .into_iter()
            .enumerate()
            .map(|(i, s)| {
                let (_, tags) = crate::tags::split_tags(&s.query);
                let count = self.counted.get(i).map(|ids| {
                    ids.iter()
                        .map(|id| self.library.state(*id))
                        .filter(|st| !st.read && tags.matches(st))
                        .count()
                });
                (s, count)
            })
            .collect()
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
        self.chrome.typing() || self.prompt.is_some()
    }
    /// Whether the status line's message is a report of acting on articles, which the
    /// bottom row shows even while a filter is active.
    pub fn reported(&self) -> bool {
        self.reported && self.chrome.status().is_some()
    }
    /// The question being asked on the bottom row, if any.
    pub fn prompt(&self) -> Option<&Prompt> {
        self.prompt.as_ref()
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
            searches: self.saved.kept().to_vec(),
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
        let tags = self.search.tags();
        if tags.is_empty() {
            self.list.rebuild(&ranked, &self.library, keep, rows);
        } else {
            // `tag:` terms keep the search's result to the articles tagged so (src/tags.rs).
            let library = &self.library;
            let tagged: Vec<crate::search::Ranked> = ranked
                .iter()
                .filter(|r| tags.matches(&library.state(r.id)))
                .cloned()
                .collect();
            self.list.rebuild(&tagged, library, keep, rows);
        }
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
        let article = id.and_then(|id| self.library.get(id).map(Article::full));
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
