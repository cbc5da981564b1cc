//! The list's order and per-article flags: sort orders, read and marked articles.

use std::cmp::Ordering;

use crate::corpus::Article;
use crate::search::Ranked;

/// How the list is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
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
        [Sort::Rank, Sort::Date, Sort::Title, Sort::Path]
            .into_iter()
            .find(|s| s.name() == name)
    }
}

/// What folio remembers of one article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Flags {
    pub read: bool,
    pub marked: bool,
    /// The first line on screen when it was last read (at the width of that time).
    pub line: usize,
}

/// Orders `ranked` in place by `sort`. Rank keeps the order given (the search's, or file order).
pub fn sort_rows(ranked: &mut [Ranked], articles: &[std::sync::Arc<Article>], sort: Sort) {
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

    #[test]
    fn cycling_skips_rank_without_a_query() {
        assert_eq!(Sort::Path.next(false), Sort::Date);
        assert_eq!(Sort::Path.next(true), Sort::Rank);
        for s in [Sort::Rank, Sort::Date, Sort::Title, Sort::Path] {
            assert_eq!(Sort::from_name(s.name()), Some(s));
        }
    }
}
