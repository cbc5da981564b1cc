//! The search session: the filter text and its history, the query parsed from it, which search is running, and
//! the result the list is built from.

use std::sync::Arc;

use super::filter::FilterText;
use super::history::History;
use crate::search::{Highlighter, Query, Ranked, SearchOutcome};
use crate::tags::{TagFilter, split_tags};

/// What changed when the filter text was read again.
#[derive(Debug, Clone, PartialEq)]
pub enum Requery {
    /// The query is the same as before (a space typed, say): nothing to do.
    Same,
    /// The filter is empty: every article, in order, at once.
    All,
    /// This query, with this generation, must be searched.
    Search(u64, Query),
    /// Only the tag terms or the `entity:` names changed: the same result, filtered again.
    Refilter,
}

/// The filter and its search.
#[derive(Debug, Default)]
pub struct Search {
    filter: FilterText,
    query: Query,
    /// The filter's `tag:` terms, which the list applies to the search's result.
    tags: TagFilter,
    /// The query whose result `ranked` holds.
    shown_query: Query,
    highlighter: Option<Arc<Highlighter>>,
    generation: u64,
    /// The generation at which the current query was set: results from before it answer
    /// another query.
    query_generation: u64,
    /// The generation of the result `ranked` holds.
    shown_generation: u64,
    searching: bool,
    /// The search's result, or every article when the filter is empty: always the exact
    /// answer to the current query over the first `indexed` articles, never an older query's.
    ranked: Vec<Ranked>,
    /// How many articles `ranked` covers.
    indexed: usize,
    /// Queries kept from earlier.
    history: History,
    /// The filter's `entity:` names, applied to the result outside the search.
    entities: Vec<String>,
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
    /// The filter's tag terms.
    pub fn tags(&self) -> &TagFilter {
        &self.tags
    }
    /// The filter's `entity:` names.
    pub fn entities(&self) -> &[String] {
        &self.entities
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
    /// How many articles the shown result covers.
    pub fn indexed(&self) -> usize {
        self.indexed
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
        let (searched, tags) = split_tags(self.filter.as_str());
        let (text, entities) = super::facets::split_entities(&searched);
        let query = Query::parse(&text);
        let tags_changed = tags != self.tags;
        self.tags = tags;
        let names_changed = entities != self.entities;
        self.entities = entities;
        if query == self.query {
            return if tags_changed || names_changed {
                Requery::Refilter
            } else {
                Requery::Same
            };
        }
        self.query = query;
        self.highlighter =
            (!self.query.is_empty()).then(|| Arc::new(Highlighter::new(&self.query)));
        self.generation += 1;
        self.query_generation = self.generation;
        if self.query.is_empty() {
            self.searching = false;
            self.ranked = (0..articles).map(unranked).collect();
            self.indexed = articles;
            self.shown_generation = self.generation;
            self.shown_query = Query::default();
            return Requery::All;
        }
        // Until its first answer, nothing is known of the new query: no list at all, rather
        // than the last query's as if it were this one's.
        self.searching = true;
        self.ranked.clear();
        self.indexed = 0;
        Requery::Search(self.generation, self.query.clone())
    }

    /// Articles `first..end` have arrived: listed at once when nothing is being searched, or
    /// the query to search again (so they are filtered too).
    pub fn articles_added(&mut self, first: usize, end: usize) -> Option<(u64, Query)> {
        if self.query.is_empty() {
            self.ranked.extend((first..end).map(unranked));
            self.indexed = end;
            return None;
        }
        self.generation += 1;
        self.searching = true;
        Some((self.generation, self.query.clone()))
    }

    /// Takes a search's result when it answers the current query and is newer than the one
    /// shown: an answer over fewer articles than have arrived is taken too (it is exact for
    /// those), and a newer search is still awaited. Returns whether it was taken and whether
    /// it is the first answer to a new query.
    pub fn accept(&mut self, outcome: SearchOutcome) -> Option<bool> {
        if outcome.generation < self.query_generation
            || outcome.generation <= self.shown_generation
            || outcome.generation > self.generation
        {
            return None;
        }
        let new_query = self.shown_query != self.query;
        self.searching = outcome.generation < self.generation;
        self.ranked = outcome.ranked;
        self.indexed = outcome.indexed;
        self.shown_generation = outcome.generation;
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
            indexed: ids.iter().max().map_or(0, |&m| m as usize + 1),
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
        // More articles under the same query: searched again, and not a new query.
        assert_eq!(s.articles_added(3, 4), Some((3, Query::parse("ab"))));
        assert_eq!(s.accept(outcome(3, &[2, 0, 3])), Some(false));
    }

    #[test]
    fn while_articles_arrive_each_answer_to_the_query_is_taken_in_order() {
        let mut s = Search::default();
        typed(&mut s, "x", 2);
        assert!(
            s.ranked().is_empty(),
            "no answer yet: no list, not the old one"
        );
        // Two batches arrive before any answer: generations 2 and 3 are asked for.
        assert_eq!(s.articles_added(2, 4), Some((2, Query::parse("x"))));
        assert_eq!(s.articles_added(4, 6), Some((3, Query::parse("x"))));
        // The answer over the first articles comes: it is exact for them, so it is shown,
        // and the newer search is still awaited.
        assert_eq!(s.accept(outcome(1, &[1])), Some(true));
        assert!(s.searching());
        assert_eq!(s.indexed(), 2);
        assert_eq!(s.accept(outcome(3, &[1, 5])), Some(false));
        assert!(!s.searching());
        assert_eq!(s.accept(outcome(2, &[1])), None, "older than the one shown");
        // A new query: earlier generations answer the old one.
        typed(&mut s, "y", 6);
        assert_eq!(s.accept(outcome(3, &[1, 5])), None);
        assert!(s.ranked().is_empty());
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
