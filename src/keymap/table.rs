//! The one bindings table: every action a key can ask for, with its config name, its help
//! text, its default keys and where those keys work. The default keymap, the help overlay, the
//! default config file (checked by a test) and the README's key table all come from it.

use super::Mode;
use crate::action::{Action, Edit};

/// One bindable action.
#[derive(Debug, PartialEq, Eq)]
pub struct Entry {
    pub action: Action,
    /// Its name in the `[keys]` section of the config file.
    pub name: &'static str,
    /// What the help overlay and the README say it does.
    pub help: &'static str,
    /// Its keys unless the config file says otherwise, as `parse_key` reads them.
    pub keys: &'static [&'static str],
    /// Where its keys work.
    pub modes: &'static [Mode],
}

impl Entry {
    /// Whether the keys of the two entries work in some mode in common (and so cannot share a
    /// key).
    pub fn shares_a_mode(&self, other: &Entry) -> bool {
        self.modes.iter().any(|m| other.modes.contains(m))
    }
}

const NORMAL: &[Mode] = &[Mode::Normal];
/// Commands that also work while the help or the skipped files are shown.
const ALSO_OVERLAY: &[Mode] = &[Mode::Normal, Mode::Overlay];
const TYPING: &[Mode] = &[Mode::Typing];
/// Keys of the help and the skipped files' window alone.
const OVERLAY: &[Mode] = &[Mode::Overlay];

const fn entry(
    action: Action,
    name: &'static str,
    help: &'static str,
    keys: &'static [&'static str],
    modes: &'static [Mode],
) -> Entry {
    Entry {
        action,
        name,
        help,
        keys,
        modes,
    }
}

/// Every bindable action, in help order: the commands, the filter bar's keys, then the keys
/// of the help and skipped files' window.
pub const TABLE: &[Entry] = &[
    entry(
        Action::Down,
        "down",
        "move down / scroll down a line",
        &["j", "down"],
        ALSO_OVERLAY,
    ),
    entry(
        Action::Up,
        "up",
        "move up / scroll up a line",
        &["k", "up"],
        ALSO_OVERLAY,
    ),
    entry(
        Action::PageDown,
        "page_down",
        "page down",
        &["space", "pagedown", "ctrl-f"],
        ALSO_OVERLAY,
    ),
    entry(
        Action::PageUp,
        "page_up",
        "page up",
        &["b", "pageup", "ctrl-b"],
        ALSO_OVERLAY,
    ),
    entry(
        Action::HalfPageDown,
        "half_page_down",
        "half a page down",
        &["ctrl-d"],
        NORMAL,
    ),
    entry(
        Action::HalfPageUp,
        "half_page_up",
        "half a page up",
        &["ctrl-u"],
        NORMAL,
    ),
    entry(
        Action::NextArticle,
        "next_article",
        "next article, from the reader too",
        &["J", "]"],
        NORMAL,
    ),
    entry(
        Action::PrevArticle,
        "prev_article",
        "previous article",
        &["K", "["],
        NORMAL,
    ),
    entry(
        Action::Top,
        "top",
        "first article / top of text",
        &["g", "home"],
        ALSO_OVERLAY,
    ),
    entry(
        Action::Bottom,
        "bottom",
        "last article / end of text",
        &["G", "end"],
        NORMAL,
    ),
    entry(
        Action::SwitchPane,
        "switch_pane",
        "switch between list and reader",
        &["tab", "backtab"],
        NORMAL,
    ),
    entry(
        Action::Open,
        "open",
        "open article / reading mode",
        &["enter"],
        NORMAL,
    ),
    entry(
        Action::Back,
        "back",
        "close overlay / leave reading mode",
        &["esc"],
        NORMAL,
    ),
    entry(Action::Filter, "filter", "filter the list", &["/"], NORMAL),
    entry(
        Action::NextHit,
        "next_hit",
        "next hit of the filter",
        &["n"],
        NORMAL,
    ),
    entry(
        Action::PrevHit,
        "prev_hit",
        "previous hit of the filter",
        &["N"],
        NORMAL,
    ),
    entry(
        Action::ReadingMode,
        "reading_mode",
        "full-width reading mode",
        &["z"],
        NORMAL,
    ),
    entry(
        Action::ListWidth { wider: false },
        "narrow_list",
        "narrower list",
        &["<"],
        NORMAL,
    ),
    entry(
        Action::ListWidth { wider: true },
        "widen_list",
        "wider list",
        &[">"],
        NORMAL,
    ),
    entry(
        Action::NextUnread,
        "next_unread",
        "next unread article",
        &["u"],
        NORMAL,
    ),
    entry(
        Action::ToggleRead,
        "toggle_read",
        "mark read / unread",
        &["m"],
        NORMAL,
    ),
    entry(
        Action::ToggleMark,
        "toggle_mark",
        "mark / unmark the article",
        &["M"],
        NORMAL,
    ),
    entry(
        Action::MarkedOnly,
        "marked_only",
        "show only marked articles / all",
        &["'"],
        NORMAL,
    ),
    entry(
        Action::CycleSort,
        "sort",
        "sort by rank, date, title, path",
        &["s"],
        NORMAL,
    ),
    entry(
        Action::Copy,
        "copy",
        "copy title and path (OSC 52)",
        &["y"],
        NORMAL,
    ),
    entry(
        Action::Skipped,
        "skipped",
        "files skipped while loading",
        &["S"],
        ALSO_OVERLAY,
    ),
    entry(
        Action::Related,
        "related",
        "other reports of the story",
        &["r"],
        NORMAL,
    ),
    entry(
        Action::RelatedBack,
        "related_back",
        "back from a related report",
        &["p"],
        NORMAL,
    ),
    entry(
        Action::ToggleRepeats,
        "repeats",
        "show / hide repeats",
        &["R"],
        NORMAL,
    ),
    entry(
        Action::Timeline,
        "timeline",
        "timeline of the list; enter narrows to a month",
        &["t"],
        NORMAL,
    ),
    entry(
        Action::Facets,
        "facets",
        "names in the list; enter filters by one",
        &["f"],
        NORMAL,
    ),
    entry(Action::Help, "help", "this help", &["?"], ALSO_OVERLAY),
    entry(Action::Quit, "quit", "quit", &["q"], NORMAL),
    entry(
        Action::Quit,
        "interrupt",
        "quit, from the windows too",
        &["ctrl-c"],
        ALSO_OVERLAY,
    ),
    entry(
        Action::Suspend,
        "suspend",
        "suspend folio (fg resumes)",
        &["ctrl-z"],
        ALSO_OVERLAY,
    ),
    entry(
        Action::Links,
        "links",
        "the article's links (enter opens one)",
        &["L"],
        ALSO_OVERLAY,
    ),
    entry(
        Action::OpenAddress,
        "open_address",
        "open the article's own address",
        &["o"],
        NORMAL,
    ),
    entry(
        Action::EditArticle,
        "edit",
        "the article in $VISUAL / $EDITOR",
        &["e"],
        NORMAL,
    ),
    entry(
        Action::PageArticle,
        "pager",
        "the article in $PAGER",
        &["v"],
        NORMAL,
    ),
    entry(
        Action::PipeArticle,
        "pipe",
        "pipe the article (or the marked) to a command",
        &["|"],
        NORMAL,
    ),
    entry(
        Action::ExportArticles,
        "export",
        "export the marked (or listed) articles to a file",
        &["w"],
        NORMAL,
    ),
    entry(
        Action::MarkAllRead(true),
        "mark_all_read",
        "mark the marked (or listed) articles read",
        &["A"],
        NORMAL,
    ),
    entry(
        Action::MarkAllRead(false),
        "mark_all_unread",
        "mark the marked (or listed) articles unread",
        &["U"],
        NORMAL,
    ),
    entry(
        Action::UnmarkAll,
        "unmark_all",
        "unmark every marked article",
        &["X"],
        NORMAL,
    ),
    entry(
        Action::Tag,
        "tag",
        "tag the article (or the marked) / untag",
        &["+"],
        NORMAL,
    ),
    entry(
        Action::SaveSearch,
        "save_search",
        "save the filter as a named search",
        &["="],
        NORMAL,
    ),
    entry(
        Action::SavedSearches,
        "saved_searches",
        "the saved searches (enter opens one)",
        &["\""],
        ALSO_OVERLAY,
    ),
    entry(
        Action::Outline,
        "outline",
        "the article's headings (enter goes there)",
        &["O"],
        ALSO_OVERLAY,
    ),
    entry(
        Action::GoToPercent,
        "go_to_percent",
        "go to a percentage of the text (as in less)",
        &["%"],
        NORMAL,
    ),
    entry(
        Action::ScrollLeft,
        "scroll_left",
        "scroll tables and code left",
        &["h"],
        NORMAL,
    ),
    entry(
        Action::ScrollRight,
        "scroll_right",
        "scroll tables and code right",
        &["l"],
        NORMAL,
    ),
    entry(
        Action::FilterAccept,
        "filter_accept",
        "keep the filter, back to the list",
        &["enter", "tab"],
        TYPING,
    ),
    entry(
        Action::FilterClear,
        "filter_clear",
        "clear the filter",
        &["esc"],
        TYPING,
    ),
    entry(
        Action::FilterBackspace,
        "filter_backspace",
        "delete a character",
        &["backspace"],
        TYPING,
    ),
    entry(
        Action::FilterDeleteWord,
        "filter_delete_word",
        "delete a word",
        &["ctrl-w", "alt-backspace", "ctrl-backspace"],
        TYPING,
    ),
    entry(
        Action::FilterEdit(Edit::Delete),
        "filter_delete",
        "delete the character at the cursor",
        &["delete", "ctrl-d"],
        TYPING,
    ),
    entry(
        Action::FilterEdit(Edit::KillStart),
        "filter_kill_start",
        "delete to the start",
        &["ctrl-u"],
        TYPING,
    ),
    entry(
        Action::FilterEdit(Edit::KillEnd),
        "filter_kill_end",
        "delete to the end",
        &["ctrl-k"],
        TYPING,
    ),
    entry(
        Action::FilterEdit(Edit::Left),
        "filter_left",
        "cursor left",
        &["left", "ctrl-b"],
        TYPING,
    ),
    entry(
        Action::FilterEdit(Edit::Right),
        "filter_right",
        "cursor right",
        &["right", "ctrl-f"],
        TYPING,
    ),
    entry(
        Action::FilterEdit(Edit::WordLeft),
        "filter_word_left",
        "cursor a word left",
        &["alt-b", "ctrl-left"],
        TYPING,
    ),
    entry(
        Action::FilterEdit(Edit::WordRight),
        "filter_word_right",
        "cursor a word right",
        &["alt-f", "ctrl-right"],
        TYPING,
    ),
    entry(
        Action::FilterEdit(Edit::Home),
        "filter_home",
        "cursor to the start",
        &["home", "ctrl-a"],
        TYPING,
    ),
    entry(
        Action::FilterEdit(Edit::End),
        "filter_end",
        "cursor to the end",
        &["end", "ctrl-e"],
        TYPING,
    ),
    entry(
        Action::FilterOlder,
        "filter_older",
        "earlier query (history)",
        &["up", "ctrl-p"],
        TYPING,
    ),
    entry(
        Action::FilterNewer,
        "filter_newer",
        "later query (history)",
        &["down", "ctrl-n"],
        TYPING,
    ),
    entry(
        Action::Pick,
        "pick",
        "take the chosen line (open the link)",
        &["enter"],
        OVERLAY,
    ),
    entry(
        Action::Back,
        "close",
        "close the window",
        &["q", "esc"],
        OVERLAY,
    ),
];

/// The entry with this config name.
pub fn entry_named(name: &str) -> Option<&'static Entry> {
    TABLE.iter().find(|e| e.name == name)
}
