//! What is kept from one session to the next: each article's state, where the user left the
//! corpus, the list's sort order and width, and the filter bar's history. Plain values; [`super::Store`] reads and writes them.

use serde::{Deserialize, Serialize};

/// What folio remembers about one article. The default is unread, at the top, unmarked,
/// untagged.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArticleState {
    #[serde(default, skip_serializing_if = "is_false")]
    pub read: bool,
    /// The first line shown in the reader when the article was last left (at the width of
    /// that time).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub line: usize,
    #[serde(default, skip_serializing_if = "is_false")]
    pub marked: bool,
    /// The user's tags, sorted, each once (searchable as `tag:name`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

impl ArticleState {
    /// Whether the article has this tag (compared without regard to case).
    pub fn has_tag(&self, tag: &str) -> bool {
        self.tags.iter().any(|t| t.eq_ignore_ascii_case(tag))
    }

    /// Adds the tag, or removes it when it is there; whether it is there now.
    pub fn toggle_tag(&mut self, tag: &str) -> bool {
        if self.has_tag(tag) {
            self.tags.retain(|t| !t.eq_ignore_ascii_case(tag));
            false
        } else {
            self.tags.push(tag.to_owned());
            self.tags.sort();
            true
        }
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// How the list is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sort {
    /// Best match first (while filtering); file order otherwise.
    #[default]
    Rank,
    /// Newest first; undated last.
    Date,
    /// By title, ignoring case.
    Title,
    /// By path (the order files were found in).
    Path,
}

impl Sort {
    /// Every order, in the order `s` cycles through them.
    pub const ALL: [Sort; 4] = [Sort::Rank, Sort::Date, Sort::Title, Sort::Path];

    /// The next order for `s`; rank is skipped when there is no query (it is path order then).
    pub fn next(self, filtering: bool) -> Sort {
        match self {
            Sort::Rank => Sort::Date,
            Sort::Date => Sort::Title,
            Sort::Title => Sort::Path,
            Sort::Path if filtering => Sort::Rank,
            Sort::Path => Sort::Date,
        }
    }

    /// The name shown in the list border and stored in the state file.
    pub fn name(self) -> &'static str {
        match self {
            Sort::Rank => "rank",
            Sort::Date => "date",
            Sort::Title => "title",
            Sort::Path => "path",
        }
    }

    /// The order with this name.
    pub fn from_name(name: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|s| s.name() == name)
    }
}

/// Where the user left the corpus, so folio reopens as it was.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Session {
    /// The filter query as typed.
    pub query: String,
    /// The content hash of the selected article.
    pub selected: Option<u64>,
    /// The sort order, when one was saved.
    pub sort: Option<Sort>,
    /// Queries kept from the filter bar, oldest first, without repeats.
    pub history: Vec<String>,
    /// The list pane's share of the width, in percent, when one was chosen.
    pub list_width: Option<u16>,
    /// Searches the user named (`=`), in the order they were saved: name, query.
    pub searches: Vec<(String, String)>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cycling_skips_rank_without_a_query() {
        assert_eq!(Sort::Path.next(false), Sort::Date);
        assert_eq!(Sort::Path.next(true), Sort::Rank);
        for s in Sort::ALL {
            assert_eq!(Sort::from_name(s.name()), Some(s));
        }
        assert_eq!(Sort::from_name("size"), None);
    }

    #[test]
    fn serde_names_are_the_shown_names() {
        for s in Sort::ALL {
            let json = serde_json::to_string(&s).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", s.name()));
        }
    }
}
