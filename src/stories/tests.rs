//! The grouping engine on the bundled articles and on made-up copies and reports.

use std::sync::Arc;

use super::*;
use crate::corpus::{bundled, load_all};

fn bundled_five() -> Vec<Arc<Article>> {
    load_all(&bundled()).0.into_iter().map(Arc::new).collect()
}

fn grouped(articles: &[Arc<Article>]) -> Grouping {
    let mut stories = Stories::new();
    stories.add(articles);
    stories.grouping()
}

#[test]
fn the_bundled_five_are_four_stories() {
    let articles = bundled_five();
    assert_eq!(articles.len(), 5);
    let g = grouped(&articles);
    assert_eq!(
        g.others(0),
        [1],
        "TRT World and FRANCE 24 report one attack"
    );
    assert_eq!(g.others(1), [0]);
    for id in 2..5 {
        assert_eq!(
            g.others(id),
            Vec::<u32>::new(),
            "article {id} is a story of its own"
        );
    }
    assert_eq!(g.stories(), [[0u32, 1].as_slice()]);
    assert_eq!(g.repeats(), 0);
}

#[test]
fn batches_group_as_one_add_does() {
    let articles = bundled_five();
    let mut stories = Stories::new();
    for one in articles.chunks(2) {
        stories.add(one);
    }
    assert_eq!(stories.len(), 5);
    assert_eq!(stories.grouping(), grouped(&articles));
}

/// A made-up report: `n` sentences of words numbered from `seed`, so two seeds share no words.
fn report(title: &str, date: Option<&str>, seed: usize, n: usize) -> Article {
    let paragraphs = (0..n)
        .map(|s| {
            let words: Vec<String> = (0..12)
                .map(|w| format!("w{}x{}", seed, s * 12 + w))
                .collect();
            words.join(" ") + "."
        })
        .collect();
    Article {
        title: title.into(),
        date: date.map(str::to_string),
        paragraphs,
        ..Article::default()
    }
}

fn arcs(articles: Vec<Article>) -> Vec<Arc<Article>> {
    articles.into_iter().map(Arc::new).collect()
}

#[test]
fn a_copy_with_a_word_changed_repeats_the_original() {
    let original = report("Original", None, 1, 20);
    let mut copy = original.clone();
    copy.title = "Copy".into();
    copy.paragraphs[3] = copy.paragraphs[3].replace("w1x40", "changed");
    let g = grouped(&arcs(vec![report("Other", None, 2, 20), original, copy]));
    assert_eq!(g.duplicate_of(2), Some(1));
    assert_eq!(g.duplicate_of(1), None, "the first copy repeats nothing");
    assert_eq!(g.duplicate_of(0), None);
    assert_eq!(g.repeats(), 1);
    assert_eq!(g.others(2), [1], "a repeat is in the story it repeats");
}

#[test]
fn a_shortened_copy_is_a_repeat_and_a_fragment_is_not() {
    let original = report("Original", None, 1, 20);
    let mut shortened = original.clone();
    shortened.paragraphs.truncate(17);
    let mut fragment = original.clone();
    fragment.paragraphs.truncate(8);
    let g = grouped(&arcs(vec![original, shortened, fragment]));
    assert_eq!(g.duplicate_of(1), Some(0));
    assert_eq!(g.duplicate_of(2), None);
}

#[test]
fn a_copy_points_at_the_article_it_is_most_like() {
    // 1 is a corrected 0, 2 is an exact copy of 1: 2 repeats 1, not 0.
    let first = report("First", None, 1, 20);
    let mut corrected = first.clone();
    for p in [2, 9, 15] {
        corrected.paragraphs[p] = format!("corrected sentence number {p} here.");
    }
    let again = corrected.clone();
    let g = grouped(&arcs(vec![first, corrected, again]));
    assert_eq!(g.duplicate_of(1), Some(0));
    assert_eq!(g.duplicate_of(2), Some(1));
}

#[test]
fn reports_far_apart_in_time_are_different_stories() {
    let a = report("One", Some("2019-09-01"), 1, 20);
    let mut near = report("Two", Some("2019-09-03"), 3, 20);
    let mut far = report("Three", Some("2019-10-20"), 4, 20);
    // Half of each is half of the first one's words (not a repeat, but the same event).
    for p in 0..10 {
        near.paragraphs[p] = a.paragraphs[p * 2].replace('.', " today.");
        far.paragraphs[p] = a.paragraphs[p * 2 + 1].replace('.', " today.");
    }
    let mut undated = far.clone();
    undated.date = None;
    let again = arcs(vec![a.clone(), near.clone(), undated]);
    let articles = arcs(vec![a, near, far, report("Other", None, 5, 20)]);
    let g = grouped(&articles);
    assert_eq!(g.repeats(), 0);
    assert_eq!(g.others(0), [1]);
    assert_eq!(g.others(2), Vec::<u32>::new());
    assert_eq!(g.story(1), Some(0), "a story is named by its first article");
    assert_eq!(g.others(3), Vec::<u32>::new());
    // Undated, the third report is near enough to any date.
    assert_eq!(grouped(&again).others(0), [1, 2]);
}

#[test]
fn empty_and_wordless_articles_are_alone() {
    let g = grouped(&arcs(vec![Article::default(), Article::default()]));
    assert_eq!((g.len(), g.repeats()), (2, 0));
    assert_eq!(g.others(0), Vec::<u32>::new());
    assert!(Stories::new().grouping().is_empty());
}

#[test]
fn many_articles_keep_their_strongest_terms_and_still_group() {
    // Past the point where terms are cut to the strongest, a copy and a report are still found.
    let mut articles: Vec<Article> = (0..terms::SETTLED + 10)
        .map(|i| report("Filler", None, 100 + i, 6))
        .collect();
    let original = report("Original", Some("2020-01-01"), 1, 20);
    articles.push(original.clone());
    articles.push(original);
    let articles = arcs(articles);
    let mut stories = Stories::new();
    for batch in articles.chunks(500) {
        stories.add(batch);
    }
    let g = stories.grouping();
    let last = articles.len() as u32 - 1;
    assert_eq!(g.duplicate_of(last), Some(last - 1));
    assert_eq!(g.repeats(), 1);
    assert_eq!(g.stories().len(), 1);
}

#[test]
fn names_are_counted_by_the_articles_that_have_them() {
    let g = grouped(&bundled_five());
    let names = g.names();
    let count = |name: &str| {
        names
            .names
            .iter()
            .position(|n| &**n == name)
            .map(|i| names.articles[i])
    };
    assert!(
        count("Zalmay Khalilzad").is_some_and(|n| n >= 2),
        "{names:?}"
    );
    assert!(count("Kunduz").is_some_and(|n| n >= 2));
    assert_eq!(count("The"), None);
    let kunduz = names
        .names
        .iter()
        .position(|n| &**n == "Kunduz")
        .map(|i| i as u32);
    assert!(kunduz.is_some_and(|k| g.entities(0).contains(&k)));
}
