//! The shortcuts against the plain path, on generated corpora: the same articles, in the same
//! order, with the same hits and scores.

use std::sync::Arc;

use proptest::prelude::*;

use super::plain;
use crate::corpus::Article;
use crate::search::{Index, Query, SearchCache};

/// Words that share first letters, in both cases, with digits and a non-ASCII one.
const WORDS: &[&str] = &[
    "the", "The", "then", "to", "ta", "talks", "Taliban", "t", "a", "an", "of", "Of", "k", "kabul",
    "Kabul", "ok", "peace", "pe", "said", "sai", "2019", "20", "über", "tä", "x", "ax", "kk",
];

fn corpus(picks: &[Vec<usize>]) -> Vec<Arc<Article>> {
    picks
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let word = |k: &usize| WORDS[k % WORDS.len()];
            let title: Vec<&str> = p.iter().take(3).map(word).collect();
            let body: Vec<&str> = p.iter().skip(3).map(word).collect();
            let (first, second) = body.split_at(body.len() / 2);
            Arc::new(Article {
                title: title.join(" "),
                paragraphs: vec![first.join(" "), second.join(" ")],
                path: format!("a/{:03}.txt", (i * 7) % 11),
                date: Some(format!("2019-0{}-01", 1 + i % 3)),
                ..Article::default()
            })
        })
        .collect()
}

/// Queries whose terms the shortcuts answer, alone and mixed with others.
const QUERIES: &[&str] = &[
    "t",
    "T",
    "a",
    "k",
    "2",
    "ü",
    "ta",
    "th",
    "Ta",
    "20",
    "!k",
    "!t",
    "!^t",
    "!title:t",
    "!title:^k",
    "title:t",
    "title:ta",
    "t ta",
    "ta t",
    "t tal",
    "t|k",
    "t !k",
    "said !k",
    "\"the peace\"",
    "\"of the\"",
    "\"the t\"",
    "^the$",
    "\"ta",
    "^tal",
    "'k",
    "k$",
    "t \"of the\"",
    "!K",
    "x",
    "!x",
    "ax !a",
];

fn same_answers(articles: &[Arc<Article>]) {
    let mut index = Index::new();
    index.add(articles);
    for q in QUERIES {
        let query = Query::parse(q);
        let fast = index.search(articles, &query);
        let slow = plain(|| index.search(articles, &query));
        assert_eq!(fast, slow, "{q}");
    }
    // Typing through the narrowing cache, with and without shortcuts.
    for typed in ["talks", "said !kabul", "\"the peace\"", "ta said", "the|ok"] {
        let (mut fast_cache, mut slow_cache) = (SearchCache::default(), SearchCache::default());
        for (i, c) in typed.char_indices() {
            let query = Query::parse(&typed[..i + c.len_utf8()]);
            let fast = index.search_cached(articles, &query, &mut fast_cache);
            let slow = plain(|| index.search_cached(articles, &query, &mut slow_cache));
            assert_eq!(fast, slow, "{}", &typed[..i + c.len_utf8()]);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn shortcuts_answer_as_the_plain_path(
        picks in prop::collection::vec(prop::collection::vec(0usize..100, 3..30), 1..40),
    ) {
        same_answers(&corpus(&picks));
    }
}

#[test]
fn summaries_follow_articles_added_later() {
    let picks: Vec<Vec<usize>> = (0..30).map(|i| (i..i + 12).collect()).collect();
    let articles = corpus(&picks);
    let mut index = Index::new();
    index.add(&articles[..10]);
    let (t, not_k) = (Query::parse("t"), Query::parse("!k"));
    let early = index.search(&articles[..10], &t);
    assert_eq!(early, plain(|| index.search(&articles[..10], &t)));
    assert_eq!(
        index.search(&articles[..10], &not_k),
        plain(|| index.search(&articles[..10], &not_k))
    );
    index.add(&articles[10..]);
    let late = index.search(&articles, &t);
    assert_eq!(late, plain(|| index.search(&articles, &t)));
    assert_eq!(
        index.search(&articles, &not_k),
        plain(|| index.search(&articles, &not_k))
    );
    assert!(late.len() > early.len());
}
