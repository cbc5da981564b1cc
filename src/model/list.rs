//! The list view: which articles the list shows, in which order, which row is selected and
//! which is on top.

use std::cmp::Ordering;
use std::sync::Arc;

use super::library::Library;
use crate::corpus::Article;
use crate::search::Ranked;
use crate::state::Sort;

/// Orders `ranked` in place by `sort`. Rank keeps the order given (the search's, or file order).
pub fn sort_rows(ranked: &mut [Ranked], articles: &[Arc<Article>], sort: Sort) {
    let article = |r: &Ranked| articles.get(r.id as usize);
    match sort {
        Sort::Rank => {}
        Sort::Path => ranked.sort_by_key(|r| r.id),
        Sort::Date => ranked.sort_by(|a, b| {
            let (da, db) = (
                article(a).and_then(|x| x.date.as_deref()),
                article(b).and_then(|x| x.date.as_deref()),
            );
            match (da, db) {
                (Some(x), Some(y)) => y.cmp(x),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            }
            .then(a.id.cmp(&b.id))
        }),
        Sort::Title => ranked.sort_by_cached_key(|r| {
            (
                article(r)
                    .map(|a| a.title.to_lowercase())
                    .unwrap_or_default(),
                r.id,
            )
        }),
    }
}

/// What the list shows and where its selection is.
#[derive(Debug, Default)]
pub struct ListView {
    sort: Sort,
    marked_only: bool,
    /// The search's result (or every article), sorted, perhaps only the marked articles.
    shown: Vec<Ranked>,
    selected: usize,
    top: usize,
}

impl ListView {
    /// The rows shown, in order.
    pub fn shown(&self) -> &[Ranked] {
        &self.shown
    }
    /// The selected row.
    pub fn selected(&self) -> usize {
        self.selected
    }
    /// The first row on screen.
    pub fn top(&self) -> usize {
        self.top
    }
    /// The selected article's id.
    pub fn selected_id(&self) -> Option<u32> {
        self.shown.get(self.selected).map(|r| r.id)
    }
    /// The sort order.
    pub fn sort(&self) -> Sort {
        self.sort
    }
    /// True when only marked articles are shown.
    pub fn marked_only(&self) -> bool {
        self.marked_only
    }
    /// The row showing article `id`.
    pub fn row_of(&self, id: u32) -> Option<usize> {
        self.shown.iter().position(|r| r.id == id)
    }
    /// The hits the search counted in article `id`, when it is shown.
    pub fn hits_of(&self, id: u32) -> Option<usize> {
        self.shown
            .iter()
            .find(|r| r.id == id)
            .map(|r| r.hits as usize)
    }

    pub fn set_sort(&mut self, sort: Sort) {
        self.sort = sort;
    }

    pub fn toggle_marked_only(&mut self) {
        self.marked_only = !self.marked_only;
    }

    /// Recomputes the rows from `ranked`, keeping `keep` selected when it is still shown (the
    /// first row otherwise), with `rows` rows on screen.
    pub fn rebuild(
        &mut self,
        ranked: &[Ranked],
        library: &Library,
        keep: Option<u32>,
        rows: usize,
    ) {
        let mut shown: Vec<Ranked> = if self.marked_only {
            ranked
                .iter()
                .filter(|r| library.state(r.id).marked)
                .cloned()
                .collect()
        } else {
            ranked.to_vec()
        };
        sort_rows(&mut shown, library.articles(), self.sort);
        self.shown = shown;
        self.selected = keep.and_then(|id| self.row_of(id)).unwrap_or(0);
        self.scroll_into_view(rows);
    }

    /// Selects a row (clamped to the list).
    pub fn select(&mut self, row: usize, rows: usize) {
        self.selected = row.min(self.shown.len().saturating_sub(1));
        self.scroll_into_view(rows);
    }

    /// Moves the top so the selection is among the `rows` rows on screen, and no blank rows
    /// show below the last article that could be filled.
    pub fn scroll_into_view(&mut self, rows: usize) {
        let rows = rows.max(1);
        if self.selected < self.top {
            self.top = self.selected;
        } else if self.selected >= self.top + rows {
            self.top = self.selected + 1 - rows;
        }
        self.top = self.top.min(self.shown.len().saturating_sub(rows));
    }

    /// The row a click at `offset` rows below the top lands on, if it shows an article.
    pub fn row_at(&self, offset: usize) -> Option<usize> {
        let row = self.top + offset;
        (row < self.shown.len()).then_some(row)
    }

    /// The next row after the selection (wrapping around) whose article matches `wanted`.
    pub fn next_row_where(&self, wanted: impl Fn(u32) -> bool) -> Option<usize> {
        let n = self.shown.len();
        (1..=n)
            .map(|k| (self.selected + k) % n.max(1))
            .find(|&row| wanted(self.shown[row].id))
    }

    /// The nearest row after (or before) the selection whose article has hits.
    pub fn next_row_with_hits(&self, forward: bool) -> Option<usize> {
        if forward {
            (self.selected + 1..self.shown.len()).find(|&r| self.shown[r].hits > 0)
        } else {
            (0..self.selected).rev().find(|&r| self.shown[r].hits > 0)
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;

    fn art(title: &str, date: Option<&str>) -> Arc<Article> {
        Arc::new(Article {
            title: title.into(),
            date: date.map(str::to_string),
            ..Article::default()
        })
    }

    fn ids(rows: &[Ranked]) -> Vec<u32> {
        rows.iter().map(|r| r.id).collect()
    }

    #[test]
    fn sorts_by_date_title_and_path() {
        let arts = vec![
            art("b", Some("2019-01-02")),
            art("C", None),
            art("a", Some("2020-05")),
        ];
        let mut rows: Vec<Ranked> = [1, 2, 0]
            .iter()
            .map(|&id| Ranked {
                id,
                hits: 0,
                score: 0,
                in_title: false,
            })
            .collect();
        sort_rows(&mut rows, &arts, Sort::Rank);
        assert_eq!(ids(&rows), vec![1, 2, 0]);
        sort_rows(&mut rows, &arts, Sort::Date);
        assert_eq!(ids(&rows), vec![2, 0, 1], "newest first, undated last");
        sort_rows(&mut rows, &arts, Sort::Title);
        assert_eq!(ids(&rows), vec![2, 0, 1], "a, b, C ignoring case");
        sort_rows(&mut rows, &arts, Sort::Path);
        assert_eq!(ids(&rows), vec![0, 1, 2]);
    }

    fn library(n: u32) -> Library {
        let mut lib = Library::default();
        let arts = (0..n).map(|i| art(&format!("t{i}"), None)).collect();
        lib.add(arts, Vec::new(), Vec::new());
        lib
    }

    fn ranked(ids: &[u32], hits: &[u32]) -> Vec<Ranked> {
        ids.iter()
            .zip(hits)
            .map(|(&id, &hits)| Ranked {
                id,
                hits,
                score: 0,
                in_title: false,
            })
            .collect()
    }

    #[test]
    fn the_selection_is_kept_clamped_and_scrolled_into_view() {
        let lib = library(20);
        let all = ranked(&(0..20).collect::<Vec<_>>(), &[0; 20]);
        let mut list = ListView::default();
        list.rebuild(&all, &lib, None, 5);
        assert_eq!((list.selected(), list.top()), (0, 0));
        list.select(12, 5);
        assert_eq!((list.selected(), list.top()), (12, 8));
        list.select(99, 5);
        assert_eq!((list.selected(), list.top()), (19, 15));
        list.select(3, 5);
        assert_eq!(list.top(), 3);
        // A shorter result keeps the article if it is still there, else the first row.
        list.rebuild(&ranked(&[7, 3], &[1, 1]), &lib, Some(3), 5);
        assert_eq!((list.selected(), list.selected_id()), (1, Some(3)));
        list.rebuild(&ranked(&[7], &[1]), &lib, Some(3), 5);
        assert_eq!((list.selected(), list.top()), (0, 0));
        list.rebuild(&[], &lib, Some(3), 5);
        assert_eq!(list.selected_id(), None);
    }

    #[test]
    fn marked_only_and_the_rows_to_step_to() {
        let mut lib = library(5);
        lib.set_state(1, |s| s.marked = true);
        lib.set_state(3, |s| s.marked = true);
        let all = ranked(&[0, 1, 2, 3, 4], &[2, 0, 0, 1, 0]);
        let mut list = ListView::default();
        list.toggle_marked_only();
        list.rebuild(&all, &lib, Some(3), 10);
        let ids: Vec<u32> = list.shown().iter().map(|r| r.id).collect();
        assert_eq!(ids, [1, 3]);
        assert_eq!(list.selected_id(), Some(3));
        list.toggle_marked_only();
        list.rebuild(&all, &lib, Some(3), 10);
        assert_eq!(list.selected(), 3);
        assert_eq!(list.next_row_with_hits(true), None);
        assert_eq!(list.next_row_with_hits(false), Some(0));
        assert_eq!(list.next_row_where(|id| id == 1), Some(1), "wraps around");
        assert_eq!(list.hits_of(0), Some(2));
        assert_eq!(list.row_at(2), Some(2));
        assert_eq!(list.row_at(5), None);
    }
}
