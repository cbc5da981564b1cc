//! The query language: one parser for the filter bar, `folio --filter` and in-article hit finding.
//!
//! Grammar, informally: terms separated by spaces must all match; `a|b` (or `a | b`, as fzf
//! writes it) matches either side and binds tighter than the space. A term is `[!][field:][!]body` where `field` is `title`,
//! `source` or `date`, and `body` is a plain (fuzzy) word, `'exact`, `^prefix`, `suffix$`,
//! `^whole$` or a `"quoted phrase"`. Plain words of one or two characters are word prefixes
//! (exact substrings for non-ASCII ones) so that a first keystroke does not fuzzily match almost
//! every word. A body containing punctuation (`al-qaeda`, `u.s.`) is the exact phrase of its
//! words. `!` always matches exactly, never fuzzily. Anything that cannot be used is left out and
//! listed by [`Query::ignored`]: parsing never fails.

use super::words::{fold, words};

/// Where a term looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Field {
    /// Title and paragraphs.
    Text,
    Title,
    Source,
    /// A prefix of the ISO date (`2019`, `2019-09`).
    Date,
}

/// How a term's word is compared with a word of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// SkimMatcherV2, with a threshold relative to the term's own perfect score.
    Fuzzy,
    /// A substring of the word.
    Exact,
    Prefix,
    Suffix,
    /// Consecutive whole words (one word: the whole word).
    Phrase,
}

/// One term of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Term {
    pub negated: bool,
    pub field: Field,
    pub kind: Kind,
    /// Folded words; exactly one unless the kind is `Phrase`. For `Field::Date`, the raw value.
    pub words: Vec<String>,
    /// Smart case: the term as typed holds a capital letter (full-width letters excepted).
    pub case_sensitive: bool,
}

/// A parsed query: clauses that must all match, each a list of alternatives.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub(crate) clauses: Vec<Vec<Term>>,
    ignored: Vec<String>,
}

impl Query {
    /// Parses `input`, keeping what it can use and listing the rest in [`Query::ignored`].
    pub fn parse(input: &str) -> Query {
        let mut query = Query::default();
        let (chunks, unclosed) = split_outside_quotes(input, char::is_whitespace);
        for chunk in join_spaced_bars(chunks) {
            let (alternatives, _) = split_outside_quotes(&chunk, |c| c == '|');
            let mut clause = Vec::new();
            if alternatives.iter().any(String::is_empty) {
                // `a|`, `|b`, `a||b` or a lone `|`: the stray bar is reported once.
                query.ignored.push("|".to_string());
            }
            for alt in alternatives.iter().filter(|a| !a.is_empty()) {
                match parse_term(alt) {
                    Some(term) => clause.push(term),
                    None => query.ignored.push(alt.clone()),
                }
            }
            if !clause.is_empty() {
                query.clauses.push(clause);
            }
        }
        if unclosed {
            query.ignored.push("\"".to_string());
        }
        query.ignored.dedup();
        query
    }

    /// True when the query filters nothing (it may still have ignored parts).
    pub fn is_empty(&self) -> bool {
        self.clauses.is_empty()
    }

    /// The parts of the input that were ignored, as typed, for the filter bar to show.
    pub fn ignored(&self) -> &[String] {
        &self.ignored
    }

    /// The terms that produce hits: positive ones on the title or the text.
    pub(crate) fn hit_terms(&self) -> impl Iterator<Item = &Term> {
        self.clauses
            .iter()
            .flatten()
            .filter(|t| !t.negated && matches!(t.field, Field::Text | Field::Title))
    }
}

/// fzf's OR with spaces around the bar: `a | b` is read as `a|b` (and `a | b | c` as
/// `a|b|c`). A bar with nothing to join on one side is left alone, to be reported as stray.
fn join_spaced_bars(chunks: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(chunks.len());
    let mut chunks = chunks.into_iter().peekable();
    while let Some(chunk) = chunks.next() {
        let joins = chunk == "|"
            && out.last().is_some_and(|l| !l.ends_with('|'))
            && chunks.peek().is_some_and(|n| !n.starts_with('|'));
        match (joins, out.last_mut(), chunks.next_if(|_| joins)) {
            (true, Some(last), Some(next)) => {
                last.push('|');
                last.push_str(&next);
            }
            _ => out.push(chunk),
        }
    }
    out
}

/// Splits `input` at characters for which `sep` holds, except inside double quotes. Empty pieces
/// between two separators are kept when the separator is not whitespace (they report stray
/// bars). Returns whether a quote was left open.
fn split_outside_quotes(input: &str, sep: impl Fn(char) -> bool) -> (Vec<String>, bool) {
    let keep_empty = !sep(' ');
    let mut pieces = Vec::new();
    let mut current = String::new();
    let mut in_quote = false;
    for c in input.chars() {
        if c == '"' {
            in_quote = !in_quote;
        }
        if !in_quote && sep(c) {
            if keep_empty || !current.is_empty() {
                pieces.push(std::mem::take(&mut current));
            }
        } else {
            current.push(c);
        }
    }
    if keep_empty || !current.is_empty() {
        pieces.push(current);
    }
    (pieces, in_quote)
}

/// Parses one alternative; `None` when nothing usable is left.
fn parse_term(raw: &str) -> Option<Term> {
    let mut body = raw;
    let mut negated = false;
    if let Some(rest) = body.strip_prefix('!') {
        negated = true;
        body = rest;
    }
    let mut field = Field::Text;
    for (name, f) in [
        ("title:", Field::Title),
        ("source:", Field::Source),
        ("date:", Field::Date),
    ] {
        if body.len() >= name.len() && body.is_char_boundary(name.len()) {
            let (head, rest) = body.split_at(name.len());
            if head.eq_ignore_ascii_case(name) {
                field = f;
                body = rest;
                break;
            }
        }
    }
    if let Some(rest) = body.strip_prefix('!') {
        negated = true;
        body = rest;
    }
    let mut kind = Kind::Fuzzy;
    if let Some(rest) = body.strip_prefix('"') {
        kind = Kind::Phrase;
        body = rest.strip_suffix('"').unwrap_or(rest);
    } else {
        if let Some(rest) = body.strip_prefix('\'') {
            kind = Kind::Exact;
            body = rest;
        } else if let Some(rest) = body.strip_prefix('^') {
            kind = Kind::Prefix;
            body = rest;
        }
        if let Some(rest) = body.strip_suffix('$') {
            kind = if kind == Kind::Prefix {
                Kind::Phrase
            } else {
                Kind::Suffix
            };
            body = rest;
        }
    }
    if field == Field::Date {
        let value = body.trim();
        return (!value.is_empty()).then(|| Term {
            negated,
            field,
            kind: Kind::Prefix,
            words: vec![value.to_string()],
            case_sensitive: false,
        });
    }
    let folded: Vec<String> = words(body).map(|(_, w)| fold(w).into_owned()).collect();
    let first = folded.first()?;
    if folded.len() > 1 {
        kind = Kind::Phrase;
    } else if kind == Kind::Fuzzy {
        if negated {
            kind = Kind::Exact;
        } else if first.chars().count() <= 2 {
            kind = if first.is_ascii() {
                Kind::Prefix
            } else {
                Kind::Exact
            };
        }
    }
    let case_sensitive = body
        .chars()
        .any(|c| c.is_uppercase() && !('\u{FF00}'..='\u{FFEF}').contains(&c));
    Some(Term {
        negated,
        field,
        kind,
        words: folded,
        case_sensitive,
    })
}

#[cfg(test)]
#[path = "query_tests.rs"]
mod tests;
