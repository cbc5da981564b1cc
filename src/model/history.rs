//! The filter bar's history, as a shell keeps one: earlier queries recalled with Up and Down,
//! the line being typed kept aside while browsing, no repeats, the oldest dropped past a bound.

/// How many queries are kept.
pub const HISTORY_LIMIT: usize = 100;

/// Earlier queries, oldest first, and where browsing is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct History {
    entries: Vec<String>,
    /// The entry recalled, while browsing.
    at: Option<usize>,
    /// What was typed before browsing began.
    draft: String,
}

impl History {
    /// A history of these queries, oldest first (repeats and blanks dropped, bounded).
    pub fn from_entries(entries: Vec<String>) -> History {
        let mut history = History::default();
        for entry in entries {
            history.push(&entry);
        }
        history
    }

    /// The queries, oldest first.
    pub fn entries(&self) -> &[String] {
        &self.entries
    }

    /// Keeps a query as the newest (moving it there if it was kept already); browsing ends.
    pub fn push(&mut self, query: &str) {
        self.at = None;
        let query = query.trim();
        if query.is_empty() {
            return;
        }
        self.entries.retain(|e| e != query);
        self.entries.push(query.to_string());
        let over = self.entries.len().saturating_sub(HISTORY_LIMIT);
        self.entries.drain(..over);
    }

    /// The query before the one recalled (the newest, when not browsing yet, keeping `typed`
    /// aside); `None` at the oldest.
    pub fn older(&mut self, typed: &str) -> Option<&str> {
        let at = match self.at {
            None if self.entries.is_empty() => return None,
            None => {
                self.draft = typed.to_string();
                self.entries.len() - 1
            }
            Some(0) => return None,
            Some(at) => at - 1,
        };
        self.at = Some(at);
        self.entries.get(at).map(String::as_str)
    }

    /// The query after the one recalled, or what was typed before browsing once past the
    /// newest; `None` when not browsing.
    pub fn newer(&mut self) -> Option<&str> {
        let at = self.at?;
        if at + 1 < self.entries.len() {
            self.at = Some(at + 1);
            self.entries.get(at + 1).map(String::as_str)
        } else {
            self.at = None;
            Some(&self.draft)
        }
    }

    /// Browsing ends (the recalled text is being edited).
    pub fn stop_browsing(&mut self) {
        self.at = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn up_and_down_walk_the_queries_and_come_back_to_the_draft() {
        let mut h = History::from_entries(vec!["oslo".into(), "kabul".into()]);
        assert_eq!(h.newer(), None, "not browsing");
        assert_eq!(h.older("tal"), Some("kabul"));
        assert_eq!(h.older("ignored"), Some("oslo"));
        assert_eq!(h.older(""), None, "the oldest");
        assert_eq!(h.newer(), Some("kabul"));
        assert_eq!(h.newer(), Some("tal"), "back to what was typed");
        assert_eq!(h.newer(), None);
        assert_eq!(History::default().older("x"), None);
    }

    #[test]
    fn no_repeats_no_blanks_and_a_bound() {
        let mut h = History::default();
        for q in ["a", "b", " a ", "", "  "] {
            h.push(q);
        }
        assert_eq!(h.entries(), ["b", "a"]);
        for i in 0..250 {
            h.push(&format!("q{i}"));
        }
        assert_eq!(h.entries().len(), HISTORY_LIMIT);
        assert_eq!(h.entries().first().map(String::as_str), Some("q150"));
        assert_eq!(h.entries().last().map(String::as_str), Some("q249"));
    }
}
