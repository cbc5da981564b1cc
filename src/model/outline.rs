//! An article's outline: the paragraphs that are headings, found by their shape, since the
//! formats keep headings as short paragraphs of their own. A heading is a Markdown `#` line,
//! a numbered section (`2.`, `3.1`, `Chapter IV`, `Part 2`, `Section 3`), or a short line
//! without closing punctuation that a longer paragraph follows.

use crate::corpus::{Article, Block};

/// One heading: its paragraph, its text and its depth (1 is the top).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub paragraph: usize,
    pub text: String,
    pub level: u8,
}

/// The article's headings, in order.
pub fn outline(article: &Article) -> Vec<Heading> {
    let ps = &article.paragraphs;
    ps.iter()
        .enumerate()
        .filter(|(i, _)| article.kind(*i) == Block::Text)
        .filter_map(|(i, p)| {
            let next = ps.get(i + 1).map(String::as_str);
            heading(p, next).map(|(text, level)| Heading {
                paragraph: i,
                text,
                level,
            })
        })
        .collect()
}

/// The words that start a numbered section, in any case.
const SECTION_WORDS: &[&str] = &["chapter", "part", "section", "book", "appendix"];

/// `Some((text, level))` when paragraph `p` (followed by `next`) is a heading.
fn heading(p: &str, next: Option<&str>) -> Option<(String, u8)> {
    let p = p.trim();
    if p.is_empty() || p.chars().count() > 100 {
        return None;
    }
    // `## Markdown`
    let hashes = p.chars().take_while(|c| *c == '#').count();
    if (1..=6).contains(&hashes) && p[hashes..].starts_with(' ') {
        let level = u8::try_from(hashes).unwrap_or(1);
        return Some((p[hashes..].trim().to_owned(), level));
    }
    let words: Vec<&str> = p.split_whitespace().collect();
    let first = words.first()?;
    // `Chapter 4`, `PART II`, `Section 3: Methods`
    if SECTION_WORDS.iter().any(|w| first.eq_ignore_ascii_case(w))
        && words
            .get(1)
            .is_some_and(|n| is_number(n.trim_end_matches(['.', ':'])))
    {
        return Some((p.to_owned(), 1));
    }
    // `2. Results`, `3.1 Method` (a list item of running text is not one: it ends a sentence)
    let number = first.trim_end_matches('.');
    if words.len() > 1
        && words.len() <= 12
        && !number.is_empty()
        && number
            .split('.')
            .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        && number.len() <= 8
        && !ends_a_sentence(p)
    {
        let level = u8::try_from(number.split('.').count()).unwrap_or(1);
        return Some((p.to_owned(), level.min(6)));
    }
    // A short line of its own before longer text.
    let next = next?;
    let starts_like_a_title = first
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    if words.len() <= 10
        && starts_like_a_title
        && !ends_a_sentence(p)
        && !p.starts_with('•')
        && next.chars().count() >= (p.chars().count() * 2).max(60)
    {
        return Some((p.to_owned(), 2));
    }
    None
}

/// Whether text ends as a sentence, a clause or a quotation does.
fn ends_a_sentence(p: &str) -> bool {
    p.ends_with(['.', '!', '?', ',', ';', ':', '…', '"', '”', '\'', '’', ')'])
}

/// Arabic or Roman numerals.
fn is_number(s: &str) -> bool {
    !s.is_empty()
        && (s.bytes().all(|b| b.is_ascii_digit())
            || s.chars().all(|c| "IVXLCDMivxlcdm".contains(c)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(paragraphs: &[&str]) -> Vec<(usize, String, u8)> {
        let article = Article {
            paragraphs: paragraphs.iter().map(|p| (*p).to_owned()).collect(),
            ..Article::default()
        };
        outline(&article)
            .into_iter()
            .map(|h| (h.paragraph, h.text, h.level))
            .collect()
    }

    const LONG: &str = "A paragraph of running text that goes on for long enough to be a body \
                        paragraph rather than a heading of any kind.";

    #[test]
    fn headings_by_their_shape() {
        let got = of(&[
            "Intro text that starts it all, before any heading, and goes on a while.",
            "## Background",
            LONG,
            "2. Results",
            LONG,
            "2.1 In detail",
            LONG,
            "CHAPTER IV",
            LONG,
            "What the minister said",
            LONG,
        ]);
        assert_eq!(
            got,
            [
                (1, "Background".to_string(), 2),
                (3, "2. Results".to_string(), 1),
                (5, "2.1 In detail".to_string(), 2),
                (7, "CHAPTER IV".to_string(), 1),
                (9, "What the minister said".to_string(), 2),
            ]
        );
    }

    #[test]
    fn sentences_list_items_and_short_lines_before_short_lines_are_not_headings() {
        let got = of(&[
            "He said so.",
            LONG,
            "1. Buy milk and eggs.",
            LONG,
            "• A point",
            LONG,
            "Short line",
            "Another short one",
            "#hashtag is not a heading",
            LONG,
        ]);
        assert!(got.is_empty(), "{got:?}");
    }
}
