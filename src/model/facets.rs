//! The facets window (`f`): the names (people, places, organisations) in the articles the list
//! shows, with how many of them have each; choosing one adds it to the filter as a phrase.

use crate::search::Ranked;
use crate::stories::Grouping;

/// Names listed at most.
const TOP: usize = 100;

/// The facets of the list as it was when the window opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Facets {
    /// A name and how many listed articles have it, most first.
    pub rows: Vec<(String, usize)>,
    pub selected: usize,
}

impl Facets {
    /// The names in `shown` that more than one article of the corpus has, most frequent in
    /// `shown` first (then across the corpus); `None` when there are none.
    pub fn of(shown: &[Ranked], grouping: &Grouping) -> Option<Facets> {
        let names = grouping.names();
        let mut counts = vec![0usize; names.names.len()];
        for r in shown {
            for &n in grouping.entities(r.id) {
                if let Some(c) = counts.get_mut(n as usize) {
                    *c += 1;
                }
            }
        }
        let mut rows: Vec<(usize, u32, &str)> = counts
            .iter()
            .enumerate()
            .filter(|&(n, &c)| c > 0 && names.articles.get(n).is_some_and(|&a| a > 1))
            .map(|(n, &c)| (c, names.articles[n], &*names.names[n]))
            .collect();
        rows.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(b.2)));
        rows.truncate(TOP);
        (!rows.is_empty()).then(|| Facets {
            rows: rows
                .into_iter()
                .map(|(c, _, n)| (n.to_string(), c))
                .collect(),
            selected: 0,
        })
    }

    pub fn move_choice(&mut self, delta: isize) {
        let last = self.rows.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
    }

    pub fn chosen(&self) -> Option<&str> {
        self.rows.get(self.selected).map(|(n, _)| n.as_str())
    }
}

/// `filter` with the phrase `"name"` added (once).
pub fn with_name(filter: &str, name: &str) -> String {
    let phrase = format!("\"{name}\"");
    if filter.contains(&phrase) {
        return filter.to_string();
    }
    let filter = filter.trim();
    if filter.is_empty() {
        phrase
    } else {
        format!("{filter} {phrase}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_added_once_as_a_phrase() {
        assert_eq!(with_name("", "Zalmay Khalilzad"), "\"Zalmay Khalilzad\"");
        assert_eq!(with_name("taliban ", "Doha"), "taliban \"Doha\"");
        assert_eq!(with_name("taliban \"Doha\"", "Doha"), "taliban \"Doha\"");
    }
}
