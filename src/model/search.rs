//! The search session: the filter text and its history, the query parsed from it, which search is running, and
//! the result the list is built from.

use std::sync::Arc;

use super::filter::FilterText;
use super::history::History;
use crate::search::{Highlighter, Query, Ranked, SearchOutcome};

/// What changed when the filter text was read again.
#[derive(Debug, Clone, PartialEq)]
pub enum Requery {
    /// The query is the same as before (a space typed, say): nothing to do.
    Same,
    /// The filter is empty: every article, in order, at once.
    All,
    /// This query, with this generation, must be searched.
    Search(u64, Query),
}

/// The filter and its search.
#[derive(Debug, Default)]
pub struct Search {
    filter: FilterText,
    query: Query,
    /// The query whose result `ranked` holds.
    shown_query: Query,
    highlighter: Option<Arc<Highlighter>>,
    generation: u64,
    searching: bool,
    /// The search's result, or every article when the filter is empty.
    ranked: Vec<Ranked>,
    /// Queries kept from earlier.
    history: History,
}

impl Search {
    /// The filter text.
    pub fn filter(&self) -> &FilterText {
        &self.filter
    }
    /// The parsed query.
    pub fn query(&self) -> &Query {
        &self.query
    }
    /// The highlighter of the active query.
    pub fn highlighter(&self) -> Option<&Arc<Highlighter>> {
        self.highlighter.as_ref()
    }
    /// True while a search is running for the current query.
    pub fn searching(&self) -> bool {
        self.searching
    }
    /// The result the list is built from.
    pub fn ranked(&self) -> &[Ranked] {
        &self.ranked
    }
    /// True when the shown result belongs to the current query (not to the one before).
    pub fn result_is_current(&self) -> bool {
        self.shown_query == self.query
    }

    /// The queries kept from earlier.
    pub fn history(&self) -> &History {
        &self.history
    }
    /// The history, to change.
    pub fn history_mut(&mut self) -> &mut History {
        &mut self.history
    }

    /// Edits the filter text and reads it again; `articles` is how many are loaded.
    pub fn edit(&mut self, change: impl FnOnce(&mut FilterText), articles: usize) -> Requery {
        change(&mut self.filter);
        self.requery(articles)
    }

    /// Parses the filter text; a new query starts a search, or (when empty) shows everything.
    pub fn requery(&mut self, articles: usize) -> Requery {
        let query = Query::parse(self.filter.as_str());
        if query == self.query {
            return Requery::Same;
        }
        self.query = query;
        self.highlighter =
            (!self.query.is_empty()).then(|| Arc::new(Highlighter::new(&self.query)));
        self.generation += 1;
        if self.query.is_empty() {
            self.searching = false;
            self.ranked = (0..articles).map(unranked).collect();
            self.shown_query = Query::default();
            return Requery::All;
        }
        self.searching = true;
        Requery::Search(self.generation, self.query.clone())
    }

    /// Articles `first..end` have arrived: listed at once when nothing is being searched, or
    /// the query to search again (so they are filtered too).
    pub fn articles_added(&mut self, first: usize, end: usize) -> Option<(u64, Query)> {
        if self.query.is_empty() {
            self.ranked.extend((first..end).map(unranked));
            return None;
        }
        self.generation += 1;
        self.searching = true;
        Some((self.generation, self.query.clone()))
    }

    /// Takes a search's result, unless it is stale (an older generation). Returns whether it
    /// was taken and whether it answers a new query (rather than the same one again, with more
    /// articles).
    pub fn accept(&mut self, outcome: SearchOutcome) -> Option<bool> {
        if outcome.generation != self.generation {
            return None;
        }
        let new_query = self.shown_query != self.query;
        self.searching = false;
        self.ranked = outcome.ranked;
        self.shown_query = self.query.clone();
        Some(new_query)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(search: &mut Search, text: &str, articles: usize) -> Requery {
        let mut last = Requery::Same;
        for c in text.chars() {
            last = search.edit(|f| f.insert(c), articles);
        }
        last
    }

    fn outcome(generation: u64, ids: &[u32]) -> SearchOutcome {
        SearchOutcome {
            generation,
            ranked: ids.iter().map(|&id| Ranked { id, ..unranked(0) }).collect(),
        }
    }

    #[test]
    fn each_new_query_is_a_new_generation_and_spaces_are_not() {
        let mut s = Search::default();
        assert_eq!(
            typed(&mut s, "os", 3),
            Requery::Search(2, Query::parse("os"))
        );
        assert!(s.searching());
        assert_eq!(typed(&mut s, " ", 3), Requery::Same);
        assert!(s.highlighter().is_some());
    }

    #[test]
    fn stale_results_are_dropped_and_the_newest_is_taken() {
        let mut s = Search::default();
        typed(&mut s, "ab", 3);
        assert_eq!(
            s.accept(outcome(1, &[0])),
            None,
            "the answer to `a` is stale"
        );
        assert_eq!(s.accept(outcome(2, &[2, 0])), Some(true));
        assert!(!s.searching());
        assert_eq!(s.ranked().len(), 2);
        assert!(s.result_is_current());
        // More articles under the same query: searched again, and not a new query.
        assert_eq!(s.articles_added(3, 4), Some((3, Query::parse("ab"))));
        assert_eq!(s.accept(outcome(3, &[2, 0, 3])), Some(false));
    }

    #[test]
    fn an_empty_filter_lists_every_article_without_searching() {
        let mut s = Search::default();
        typed(&mut s, "x", 2);
        assert_eq!(s.edit(FilterText::backspace, 2), Requery::All);
        assert!(!s.searching() && s.highlighter().is_none());
        let ids: Vec<u32> = s.ranked().iter().map(|r| r.id).collect();
        assert_eq!(ids, [0, 1]);
        assert_eq!(s.articles_added(2, 4), None);
        assert_eq!(s.ranked().len(), 4);
        // A result of the old query arriving now is stale.
        assert_eq!(s.accept(outcome(1, &[1])), None);
    }
}
