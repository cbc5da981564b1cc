//! Unit tests of the query parser.

use super::*;

fn terms(input: &str) -> Vec<Vec<Term>> {
    Query::parse(input).clauses
}

fn one(input: &str) -> Term {
    let mut clauses = terms(input);
    assert_eq!(clauses.len(), 1, "{input:?}");
    assert_eq!(clauses[0].len(), 1, "{input:?}");
    clauses.remove(0).remove(0)
}

#[test]
fn spaces_and_bars() {
    let q = terms("oslo|kabul taliban");
    assert_eq!(q.len(), 2);
    assert_eq!(q[0].len(), 2);
    assert_eq!(q[0][0].words, ["oslo"]);
    assert_eq!(q[0][1].words, ["kabul"]);
    assert_eq!(q[1][0].words, ["taliban"]);
    // fzf's OR, with spaces around the bar.
    assert_eq!(terms("tony | gordon"), terms("tony|gordon"));
    assert_eq!(terms("a | b | c taliban"), terms("a|b|c taliban"));
    assert_eq!(terms("a | b |c").len(), 2, "a bar next to a bar is stray");
    assert_eq!(Query::parse("oslo |").ignored(), ["|"]);
    assert_eq!(Query::parse("| oslo").ignored(), ["|"]);
    assert!(Query::parse("   ").is_empty());
    assert!(Query::parse("").ignored().is_empty());
}

#[test]
fn operators() {
    assert_eq!(one("oslo").kind, Kind::Fuzzy);
    assert_eq!(one("'oslo").kind, Kind::Exact);
    assert_eq!(one("^osl").kind, Kind::Prefix);
    assert_eq!(one("slo$").kind, Kind::Suffix);
    assert_eq!(one("^oslo$").kind, Kind::Phrase);
    let neg = one("!kunduz");
    assert!(neg.negated);
    assert_eq!(neg.kind, Kind::Exact, "exclusions are never fuzzy");
    let phrase = one("\"peace  talks\"");
    assert_eq!(phrase.kind, Kind::Phrase);
    assert_eq!(phrase.words, ["peace", "talks"]);
    assert_eq!(one("al-qaeda").kind, Kind::Phrase);
}

#[test]
fn short_words_are_prefixes() {
    assert_eq!(one("ta").kind, Kind::Prefix);
    assert_eq!(one("t").kind, Kind::Prefix);
    assert_eq!(one("tal").kind, Kind::Fuzzy);
    assert_eq!(one("東京").kind, Kind::Exact);
}

#[test]
fn fields() {
    let t = one("title:'oslo");
    assert_eq!((t.field, t.kind), (Field::Title, Kind::Exact));
    let s = one("!source:afp");
    assert_eq!((s.field, s.negated), (Field::Source, true));
    let s = one("source:!afp");
    assert_eq!((s.field, s.negated), (Field::Source, true));
    let d = one("date:2019-09");
    assert_eq!(
        (d.field, d.words.clone()),
        (Field::Date, vec!["2019-09".to_string()])
    );
    assert_eq!(one("TITLE:oslo").field, Field::Title);
    assert_eq!(one("title:\"peace talks\"").kind, Kind::Phrase);
}

#[test]
fn smart_case_and_folding() {
    assert!(!one("oslo").case_sensitive);
    assert!(one("Oslo").case_sensitive);
    assert!(one("Жук").case_sensitive);
    let wide = one("ＡＢＣ");
    assert_eq!(wide.words, ["ABC"]);
    assert!(
        !wide.case_sensitive,
        "full-width capitals do not switch case on"
    );
    assert_eq!(one("café").words, ["cafe"]);
}

#[test]
fn ignored_parts_are_reported() {
    let q = Query::parse("oslo \"peace talks");
    assert_eq!(q.ignored(), ["\""]);
    assert_eq!(q.clauses.len(), 2, "the unclosed phrase still filters");
    assert_eq!(q.clauses[1][0].words, ["peace", "talks"]);

    let q = Query::parse("taliban !");
    assert_eq!(q.ignored(), ["!"]);
    assert_eq!(q.clauses.len(), 1);

    let q = Query::parse("|");
    assert_eq!(q.ignored(), ["|"]);
    assert!(q.is_empty());

    let q = Query::parse("oslo| |kabul");
    assert_eq!(q.ignored(), ["|"]);
    assert_eq!(q.clauses.len(), 2);

    let q = Query::parse("title: date: source:afp");
    assert_eq!(q.ignored(), ["title:", "date:"]);
    assert_eq!(q.clauses.len(), 1);

    let q = Query::parse("' ^ $ ...");
    assert_eq!(q.ignored(), ["'", "^", "$", "..."]);
    assert!(q.is_empty());
}
