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

/// The filter text without its `entity:"Name"` (or `entity:Name`) terms, and those names: they
/// are applied to the search's result by the model, outside the search index.
pub fn split_entities(filter: &str) -> (String, Vec<String>) {
    let mut rest = String::new();
    let mut names = Vec::new();
    let mut text = filter;
    while let Some(at) = text.find("entity:") {
        let starts_word = text[..at]
            .chars()
            .next_back()
            .is_none_or(char::is_whitespace);
        if !starts_word {
            rest.push_str(&text[..at + "entity:".len()]);
            text = &text[at + "entity:".len()..];
            continue;
        }
        rest.push_str(&text[..at]);
        let value = &text[at + "entity:".len()..];
        let (name, after) = match value.strip_prefix('"') {
            Some(quoted) => match quoted.find('"') {
                Some(end) => (&quoted[..end], &quoted[end + 1..]),
                None => (quoted, ""),
            },
            None => {
                let end = value.find(char::is_whitespace).unwrap_or(value.len());
                (&value[..end], &value[end..])
            }
        };
        let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
        if !name.is_empty() {
            names.push(name);
        }
        text = after;
    }
    rest.push_str(text);
    (rest, names)
}

/// `filter` with the term `entity:"name"` added (once).
pub fn with_name(filter: &str, name: &str) -> String {
    let phrase = format!("entity:\"{name}\"");
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
    fn a_name_is_added_once_as_an_entity_term() {
        assert_eq!(
            with_name("", "Zalmay Khalilzad"),
            "entity:\"Zalmay Khalilzad\""
        );
        assert_eq!(with_name("taliban ", "Doha"), "taliban entity:\"Doha\"");
        assert_eq!(
            with_name("taliban entity:\"Doha\"", "Doha"),
            "taliban entity:\"Doha\""
        );
    }

    #[test]
    fn entity_terms_are_taken_out_of_the_filter() {
        let split = |s: &str| split_entities(s);
        assert_eq!(split("taliban"), ("taliban".into(), vec![]));
        assert_eq!(
            split("taliban entity:\"Zalmay  Khalilzad\" talks"),
            (
                "taliban  talks".into(),
                vec!["Zalmay Khalilzad".to_string()]
            )
        );
        assert_eq!(
            split("entity:Kabul entity:\"Doha"),
            (" ".into(), vec!["Kabul".to_string(), "Doha".to_string()])
        );
        assert_eq!(split("nonentity:x"), ("nonentity:x".into(), vec![]));
    }
}
