//! Every thing a user can ask folio to do, named in the user's words, and every thing that
//! arrives from the background (loaded articles, search results), so that any state can be
//! replayed from a list of actions.

use std::sync::Arc;

use crate::corpus::{Article, Skipped};
use crate::search::SearchOutcome;
use crate::state::{ArticleState, Session};
use crate::stories::Grouping;

/// One request from the user, the terminal or a background worker, turned into a model change
/// by [`crate::model::Model::update`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Leave folio.
    Quit,
    /// Move the selection (list) or scroll (reader) one line down.
    Down,
    /// Move the selection (list) or scroll (reader) one line up.
    Up,
    /// One page down.
    PageDown,
    /// One page up.
    PageUp,
    /// Half a page down (the reader) or half a list down.
    HalfPageDown,
    /// Half a page up.
    HalfPageUp,
    /// The next article in the list, from the reader too.
    NextArticle,
    /// The previous article in the list.
    PrevArticle,
    /// First article, or the top of the text.
    Top,
    /// Last article, or the end of the text.
    Bottom,
    /// Scroll preformatted text in the reader to the left.
    ScrollLeft,
    /// Scroll preformatted text in the reader to the right.
    ScrollRight,
    /// Switch focus between the list and the reader.
    SwitchPane,
    /// Open the selected article in the reader (from the list); reading mode (in the reader).
    Open,
    /// Close what is open: an overlay, reading mode, the reader on a narrow screen.
    Back,
    /// Focus the filter bar.
    Filter,
    /// Show or hide the help overlay.
    Help,
    /// Show or hide the list of skipped files and why.
    Skipped,
    /// Jump to the next hit of the active query.
    NextHit,
    /// Jump to the previous hit of the active query.
    PrevHit,
    /// Make the list narrower (`false`) or wider (`true`).
    ListWidth { wider: bool },
    /// Toggle full-width reading mode.
    ReadingMode,
    /// Type a character into the filter.
    FilterChar(char),
    /// Delete the character before the cursor in the filter.
    FilterBackspace,
    /// Delete the word before the cursor in the filter.
    FilterDeleteWord,
    /// Move the cursor or delete in the filter.
    FilterEdit(Edit),
    /// Recall an earlier query into the filter.
    FilterOlder,
    /// Recall a later query (or what was being typed).
    FilterNewer,
    /// Text pasted into the terminal (bracketed paste): typed into the filter bar.
    Paste(String),
    /// Empty the filter and leave it.
    FilterClear,
    /// Keep the filter and go back to the list.
    FilterAccept,
    /// Mark the selected article read or unread.
    ToggleRead,
    /// Go to the next unread article among those shown.
    NextUnread,
    /// Mark or unmark the selected article.
    ToggleMark,
    /// Show only marked articles, or all again.
    MarkedOnly,
    /// Cycle the sort order: rank (while filtering), date, title, path.
    CycleSort,
    /// Copy the selected article's title and path to the clipboard.
    Copy,
    /// Give the terminal back and stop (the shell's `fg` resumes).
    Suspend,
    /// The mouse wheel turned over a point of the screen (with `--mouse`).
    Wheel { x: u16, y: u16, down: bool },
    /// A click at a point of the screen (with `--mouse`).
    Click { x: u16, y: u16 },
    /// The terminal changed size.
    Resize(u16, u16),
    /// Reopen where a previous session stopped.
    Restore(Session),
    /// Articles (and skipped files) read in the background.
    Loaded(Batch),
    /// Every file has been read.
    LoadDone,
    /// A one-line notice for the status line (the cache set aside or not written).
    Notice(String),
    /// A search finished.
    Searched(SearchOutcome),
    /// Show or hide the open article's numbered links.
    Links,
    /// Take the chosen line of a window (a link to open).
    Pick,
    /// Open the article's own address in the browser.
    OpenAddress,
    /// Open the article's clean text in the editor (a read-only copy).
    EditArticle,
    /// Open the article's clean text in the pager.
    PageArticle,
    /// Ask for a command and pipe the article (or the marked ones) to it.
    PipeArticle,
    /// What an external command or a written file came to, for the status line.
    Report(String),
    /// Ask for a file name and export the marked articles (or the list shown) to it.
    ExportArticles,
    /// Mark the marked articles (or the list shown) read (`true`) or unread.
    MarkAllRead(bool),
    /// Unmark every marked article.
    UnmarkAll,
    /// Ask for a tag and add it to (or remove it from) the article or the marked ones.
    Tag,
    /// Ask for a name and save the filter as a search of that name.
    SaveSearch,
    /// Show or hide the saved searches.
    SavedSearches,
    /// Run the user's action with this number (`[actions]` in the settings): pipe the article
    /// (or the marked ones) to its command.
    RunUserAction(usize),
    /// Show or hide the open article's outline (its headings).
    Outline,
    /// Ask for a percentage and go that far through the text.
    GoToPercent,
    /// The articles each saved search finds (ids, in the window's order), counted in the
    /// background for the window's unread counts.
    Counted(Vec<Vec<u32>>),
    /// Show the other reports of the selected article's story.
    Related,
    /// Back to the article a related report was opened from.
    RelatedBack,
    /// Show the repeats the list hides, or hide them again.
    ToggleRepeats,
    /// Show how the listed articles spread over time; choosing a bar narrows the filter to it.
    Timeline,
    /// Show the names in the listed articles; choosing one adds it to the filter.
    Facets,
    /// The stories worker grouped the articles added so far.
    Grouped(Arc<Grouping>),
}

/// A change of the filter bar's text at its cursor, as readline makes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    Left,
    Right,
    WordLeft,
    WordRight,
    Home,
    End,
    /// The character at the cursor.
    Delete,
    /// Everything before the cursor.
    KillStart,
    /// Everything from the cursor on.
    KillEnd,
}

/// Loading progress, while files are still being read: bytes read of the bytes found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub done: u64,
    pub total: u64,
}

impl Progress {
    /// How far loading has got, 0–100.
    pub fn percent(self) -> u8 {
        if self.total == 0 {
            return 100;
        }
        u8::try_from(self.done.min(self.total) * 100 / self.total).unwrap_or(100)
    }
}

/// One batch from the loader: articles with what was remembered of each (in the same order),
/// files skipped, and the progress after it (`None` when it is everything there is).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Batch {
    pub articles: Vec<Arc<Article>>,
    pub states: Vec<ArticleState>,
    pub skipped: Vec<Skipped>,
    pub progress: Option<Progress>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_in_percent() {
        assert_eq!(Progress { done: 0, total: 0 }.percent(), 100);
        assert_eq!(Progress { done: 1, total: 3 }.percent(), 33);
        assert_eq!(Progress { done: 9, total: 3 }.percent(), 100);
    }
}
