//! The timeline window (`t`): how many of the articles the list shows fall in each month (each
//! day, when they all fall in one month), one bar each, one of them chosen; choosing one narrows
//! the filter to it (`date:2019-09`).

use crate::corpus::Article;
use crate::search::Ranked;

/// The timeline of the list as it was when the window opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timeline {
    /// `YYYY-MM` (or `YYYY-MM-DD`) and how many articles, oldest first.
    pub bars: Vec<(String, u64)>,
    /// Articles shown without a date precise enough for a bar.
    pub undated: usize,
    /// The chosen bar.
    pub selected: usize,
}

impl Timeline {
    /// The timeline of `shown`; `None` when none of them is dated to the month.
    pub fn of(shown: &[Ranked], articles: &[std::sync::Arc<Article>]) -> Option<Timeline> {
        let dates: Vec<&str> = shown
            .iter()
            .filter_map(|r| articles.get(r.id as usize)?.date.as_deref())
            .filter(|d| d.len() >= 7 && d.is_char_boundary(7))
            .collect();
        let first_month = dates.first().map(|d| &d[..7]);
        let one_month = dates.iter().all(|d| Some(&d[..7]) == first_month);
        let by_day = one_month
            && dates
                .iter()
                .all(|d| d.len() >= 10 && d.is_char_boundary(10));
        let mut keys: Vec<&str> = dates
            .iter()
            .map(|d| if by_day { &d[..10] } else { &d[..7] })
            .collect();
        if keys.is_empty() {
            return None;
        }
        keys.sort_unstable();
        let mut bars: Vec<(String, u64)> = Vec::new();
        for key in keys {
            match bars.last_mut() {
                Some((last, n)) if last == key => *n += 1,
                _ => bars.push((key.to_string(), 1)),
            }
        }
        let selected = bars.len() - 1;
        Some(Timeline {
            undated: shown.len() - dates.len(),
            bars,
            selected,
        })
    }

    /// Moves the choice by `delta` bars, within the chart.
    pub fn move_choice(&mut self, delta: isize) {
        let last = self.bars.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
    }

    /// The chosen bar's period (`2019-09`).
    pub fn chosen(&self) -> Option<&str> {
        self.bars.get(self.selected).map(|(k, _)| k.as_str())
    }
}

/// `filter` narrowed to `period`: its `date:` terms replaced by `date:PERIOD`.
pub fn narrowed(filter: &str, period: &str) -> String {
    let mut words: Vec<&str> = filter
        .split_whitespace()
        .filter(|w| !w.starts_with("date:"))
        .collect();
    let term = format!("date:{period}");
    words.push(&term);
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn dated(dates: &[Option<&str>]) -> (Vec<Ranked>, Vec<Arc<Article>>) {
        let articles: Vec<Arc<Article>> = dates
            .iter()
            .map(|d| {
                Arc::new(Article {
                    date: d.map(str::to_string),
                    ..Article::default()
                })
            })
            .collect();
        let shown = Ranked::every(dates.len());
        (shown, articles)
    }

    #[test]
    fn months_are_counted_oldest_first_and_the_newest_is_chosen() {
        let (shown, articles) = dated(&[
            Some("2019-09-01"),
            Some("2020-02-12"),
            None,
            Some("2019-09-14"),
            Some("2019"),
        ]);
        let t = Timeline::of(&shown, &articles).expect("dated articles");
        assert_eq!(
            t.bars,
            [("2019-09".to_string(), 2), ("2020-02".to_string(), 1)]
        );
        assert_eq!((t.undated, t.selected), (2, 1));
        assert_eq!(t.chosen(), Some("2020-02"));
    }

    #[test]
    fn one_month_is_shown_by_day() {
        let (shown, articles) =
            dated(&[Some("2019-09-01"), Some("2019-09-14"), Some("2019-09-01")]);
        let t = Timeline::of(&shown, &articles).expect("dated articles");
        assert_eq!(
            t.bars,
            [("2019-09-01".to_string(), 2), ("2019-09-14".to_string(), 1)]
        );
    }

    #[test]
    fn nothing_dated_has_no_timeline() {
        let (shown, articles) = dated(&[None, Some("2019")]);
        assert_eq!(Timeline::of(&shown, &articles), None);
    }

    #[test]
    fn the_choice_stays_on_the_chart() {
        let (shown, articles) = dated(&[Some("2019-09-01"), Some("2019-10-01")]);
        let mut t = Timeline::of(&shown, &articles).expect("dated");
        t.move_choice(-5);
        assert_eq!(t.chosen(), Some("2019-09"));
        t.move_choice(9);
        assert_eq!(t.chosen(), Some("2019-10"));
    }

    #[test]
    fn narrowing_replaces_the_date_term() {
        assert_eq!(narrowed("", "2019-09"), "date:2019-09");
        assert_eq!(
            narrowed("taliban  date:2020", "2019-09"),
            "taliban date:2019-09"
        );
    }
}
