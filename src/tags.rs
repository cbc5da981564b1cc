//! Tags in a query: `tag:name` terms (`!tag:name` or `-tag:name` for articles without it) are
//! taken out of the filter text before the rest is searched, and the ranked list is then kept
//! to the articles whose reading state has (or lacks) every tag named. Several tag terms all
//! have to hold.

use crate::state::ArticleState;

/// The tag terms of a query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TagFilter {
    /// Tags an article must have.
    pub with: Vec<String>,
    /// Tags it must not have.
    pub without: Vec<String>,
}

impl TagFilter {
    pub fn is_empty(&self) -> bool {
        self.with.is_empty() && self.without.is_empty()
    }

    /// Whether an article in this state passes.
    pub fn matches(&self, state: &ArticleState) -> bool {
        self.with.iter().all(|t| state.has_tag(t)) && !self.without.iter().any(|t| state.has_tag(t))
    }
}

/// Splits the filter text into what is searched and the tag terms (words outside quotes that
/// start with `tag:`, after an optional `!` or `-`).
pub fn split_tags(text: &str) -> (String, TagFilter) {
    let mut rest = String::with_capacity(text.len());
    let mut tags = TagFilter::default();
    let mut quoted = false;
    for word in text.split(' ') {
        let starts_quoted = quoted;
        quoted ^= word.matches('"').count() % 2 == 1;
        if !starts_quoted {
            let (negated, bare) = match word.strip_prefix(['!', '-']) {
                Some(bare) => (true, bare),
                None => (false, word),
            };
            if let Some(tag) = bare
                .get(..4)
                .filter(|p| p.eq_ignore_ascii_case("tag:"))
                .and_then(|_| clean_tag(&bare[4..]))
            {
                if negated {
                    tags.without.push(tag);
                } else {
                    tags.with.push(tag);
                }
                continue;
            }
        }
        if !rest.is_empty() {
            rest.push(' ');
        }
        rest.push_str(word);
    }
    (rest, tags)
}

/// A tag as typed, made one word: trimmed, lower case, spaces and colons as `-`, no control
/// characters; `None` when nothing is left.
pub fn clean_tag(typed: &str) -> Option<String> {
    let tag: String = crate::text::sanitize_text(typed.trim())
        .chars()
        .map(|c| {
            if c.is_whitespace() || c == ':' || c == '"' {
                '-'
            } else {
                c
            }
        })
        .flat_map(char::to_lowercase)
        .collect();
    let tag = tag.trim_matches('-').to_owned();
    (!tag.is_empty()).then_some(tag)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(tags: &[&str]) -> ArticleState {
        ArticleState {
            tags: tags.iter().map(|t| (*t).to_owned()).collect(),
            ..ArticleState::default()
        }
    }

    #[test]
    fn tag_terms_come_out_of_the_query() {
        let (rest, tags) = split_tags("oslo tag:Iran !tag:old -tag:x \"tag:quoted words\" Tag:y");
        assert_eq!(rest, "oslo \"tag:quoted words\"");
        assert_eq!(tags.with, ["iran", "y"]);
        assert_eq!(tags.without, ["old", "x"]);
        let (rest, tags) = split_tags("tag:");
        assert_eq!((rest.as_str(), tags.is_empty()), ("tag:", true));
    }

    #[test]
    fn every_term_must_hold() {
        let (_, tags) = split_tags("tag:iran !tag:old");
        assert!(tags.matches(&state(&["iran"])));
        assert!(!tags.matches(&state(&["iran", "old"])));
        assert!(!tags.matches(&state(&[])));
        assert!(TagFilter::default().matches(&state(&[])));
    }

    #[test]
    fn tags_are_one_clean_word() {
        assert_eq!(clean_tag("  Middle East ").as_deref(), Some("middle-east"));
        assert_eq!(clean_tag("a:b\u{1b}[31m").as_deref(), Some("a-b"));
        assert_eq!(clean_tag(" - "), None);
        assert_eq!(clean_tag("日本").as_deref(), Some("日本"));
    }
}
