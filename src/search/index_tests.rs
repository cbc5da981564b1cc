//! Unit tests of the index and search: every operator, field, folding rule and ranking rule on
//! small corpora written here.

use std::sync::Arc;

use super::*;
use crate::corpus::Article;
use crate::search::{Highlighter, Query};

fn art(title: &str, body: &str) -> Arc<Article> {
    Arc::new(Article {
        title: title.into(),
        paragraphs: body.split('\n').map(String::from).collect(),
        path: format!("{title}.txt"),
        ..Article::default()
    })
}

fn with(
    title: &str,
    body: &str,
    date: Option<&str>,
    source: Option<&str>,
    path: &str,
) -> Arc<Article> {
    Arc::new(Article {
        title: title.into(),
        paragraphs: vec![body.into()],
        date: date.map(String::from),
        source: source.map(String::from),
        path: path.into(),
        ..Article::default()
    })
}

fn search(articles: &[Arc<Article>], input: &str) -> Vec<u32> {
    let mut index = Index::new();
    index.add(articles);
    index
        .search(articles, &Query::parse(input))
        .iter()
        .map(|r| r.id)
        .collect()
}

fn sorted(mut v: Vec<u32>) -> Vec<u32> {
    v.sort_unstable();
    v
}

fn corpus() -> Vec<Arc<Article>> {
    vec![
        art("Talks in Oslo", "Envoys met in the Norwegian capital."),
        art(
            "Kabul report",
            "Fighting near Kunduz and Kabulistan; the talks stalled.",
        ),
        art("Market news", "Prices rose at the café. Osloer prices too."),
        art(
            "Weather",
            "Rain in the CAFE district, snow in the hills; peace talks resumed.",
        ),
    ]
}

#[test]
fn plain_terms_are_fuzzy_and_all_must_match() {
    let c = corpus();
    assert_eq!(sorted(search(&c, "kbul")), [1]);
    assert_eq!(sorted(search(&c, "talks")), [0, 1, 3]);
    assert_eq!(sorted(search(&c, "talks kabul")), [1]);
    assert_eq!(search(&c, "talks zebra"), Vec::<u32>::new());
}

#[test]
fn or_binds_tighter_than_space() {
    let c = corpus();
    assert_eq!(sorted(search(&c, "oslo|kunduz")), [0, 1, 2]);
    assert_eq!(sorted(search(&c, "oslo|kunduz talks")), [0, 1]);
    assert_eq!(sorted(search(&c, "talks oslo|rain")), [0, 3]);
}

#[test]
fn exact_prefix_suffix_and_whole_words() {
    let c = corpus();
    assert_eq!(sorted(search(&c, "'bul")), [1]);
    assert_eq!(search(&c, "'kbul"), Vec::<u32>::new(), "exact is not fuzzy");
    assert_eq!(sorted(search(&c, "^kabul")), [1]);
    assert_eq!(search(&c, "^abul"), Vec::<u32>::new());
    assert_eq!(sorted(search(&c, "istan$")), [1]);
    assert_eq!(sorted(search(&c, "^oslo$")), [0], "whole word: not Osloer");
    assert_eq!(sorted(search(&c, "'oslo")), [0, 2]);
}

#[test]
fn exclusions_are_exact() {
    let c = corpus();
    assert_eq!(sorted(search(&c, "talks !kunduz")), [0, 3]);
    // `!kbul` is not fuzzy: nothing holds "kbul", so nothing is excluded.
    assert_eq!(sorted(search(&c, "talks !kbul")), [0, 1, 3]);
    assert_eq!(sorted(search(&c, "!'oslo")), [1, 3]);
}

#[test]
fn phrases_are_consecutive_words() {
    let c = corpus();
    assert_eq!(sorted(search(&c, "\"peace talks\"")), [3]);
    assert_eq!(search(&c, "\"talks peace\""), Vec::<u32>::new());
    assert_eq!(
        sorted(search(&c, "\"the talks\"")),
        [1],
        "across punctuation, within a paragraph"
    );
    assert_eq!(sorted(search(&c, "!\"peace talks\" talks")), [0, 1]);
    // A phrase never spans the title and the first paragraph.
    assert_eq!(search(&c, "\"oslo envoys\""), Vec::<u32>::new());
}

#[test]
fn fields_restrict_terms() {
    let c = vec![
        with(
            "Oslo talks",
            "Nothing here.",
            Some("2019-09-01"),
            Some("AFP"),
            "a",
        ),
        with(
            "Kabul",
            "Talks in Oslo.",
            Some("2020-02-12"),
            Some("Reuters"),
            "b",
        ),
        with("Doha", "Quiet.", None, None, "c"),
    ];
    assert_eq!(sorted(search(&c, "title:oslo")), [0]);
    assert_eq!(sorted(search(&c, "title:'oslo")), [0]);
    assert_eq!(sorted(search(&c, "oslo")), [0, 1]);
    assert_eq!(sorted(search(&c, "source:afp")), [0]);
    assert_eq!(sorted(search(&c, "!source:afp")), [1, 2]);
    assert_eq!(sorted(search(&c, "date:2019")), [0]);
    assert_eq!(sorted(search(&c, "date:2020-02")), [1]);
    assert_eq!(search(&c, "date:2020-03"), Vec::<u32>::new());
    assert_eq!(sorted(search(&c, "!date:2019")), [1, 2]);
    assert_eq!(sorted(search(&c, "oslo !title:oslo")), [1]);
}

#[test]
fn smart_case() {
    let c = vec![art("one", "Oslo"), art("two", "oslo"), art("three", "OSLO")];
    assert_eq!(sorted(search(&c, "oslo")), [0, 1, 2]);
    assert_eq!(sorted(search(&c, "Oslo")), [0]);
    assert_eq!(sorted(search(&c, "'OSLO")), [2]);
}

#[test]
fn accents_and_widths_fold() {
    let c = vec![
        art("one", "café"),
        art("two", "cafe"),
        art("three", "ａｂｃ"),
        art("four", "abc"),
    ];
    assert_eq!(sorted(search(&c, "cafe")), [0, 1]);
    assert_eq!(sorted(search(&c, "café")), [0, 1]);
    assert_eq!(sorted(search(&c, "ＡＢＣ")), [2, 3]);
    assert_eq!(sorted(search(&c, "'abc")), [2, 3]);
}

#[test]
fn short_terms_are_word_prefixes() {
    let c = vec![
        art("a", "taliban"),
        art("b", "attack"),
        art("c", "xylophone quiz"),
    ];
    assert_eq!(sorted(search(&c, "ta")), [0]);
    assert_eq!(sorted(search(&c, "t")), [0]);
    assert_eq!(search(&c, "xq"), Vec::<u32>::new());
}

#[test]
fn cjk_runs_are_words() {
    let c = vec![art("one", "東京都に行く"), art("two", "大阪")];
    assert_eq!(
        sorted(search(&c, "東京")),
        [0],
        "short non-ASCII terms are substrings"
    );
    assert_eq!(sorted(search(&c, "東京都")), [0]);
}

#[test]
fn unusable_parts_never_empty_the_list() {
    let c = corpus();
    assert_eq!(search(&c, "!"), [0, 1, 2, 3]);
    assert_eq!(search(&c, "title:"), [0, 1, 2, 3]);
    assert_eq!(search(&c, "|"), [0, 1, 2, 3]);
    assert_eq!(sorted(search(&c, "kabul |")), [1]);
    assert_eq!(
        sorted(search(&c, "\"peace tal")),
        Vec::<u32>::new(),
        "an unclosed phrase filters by what is typed"
    );
    assert_eq!(sorted(search(&c, "\"peace talks")), [3]);
}

#[test]
fn empty_query_lists_everything_in_order() {
    let c = corpus();
    assert_eq!(search(&c, ""), [0, 1, 2, 3]);
    assert_eq!(search(&c, "   "), [0, 1, 2, 3]);
}

#[test]
fn title_matches_rank_first_then_score_hits_date_path() {
    let c = vec![
        with("Weather", "oslo oslo oslo", None, None, "a"),
        with("Oslo", "nothing", None, None, "b"),
        with("News", "oslo", Some("2020-01-01"), None, "c"),
        with("More", "oslo", Some("2021-01-01"), None, "e"),
        with("Other", "oslo", Some("2021-01-01"), None, "d"),
        with("Far", "osloish", Some("2022-01-01"), None, "f"),
    ];
    // Title first; then exact word before the weaker "osloish"? No: score first, so
    // "osloish" (a worse match) comes last; among equal scores more hits first, then newer,
    // then path.
    assert_eq!(search(&c, "'oslo"), [1, 0, 4, 3, 2, 5]);
}

#[test]
fn batches_continue_ids() {
    let c = corpus();
    let mut index = Index::new();
    index.add(&c[..1]);
    index.add(&c[1..3]);
    index.add(&[]);
    index.add(&c[3..]);
    assert_eq!(index.len(), 4);
    let ids: Vec<u32> = index
        .search(&c, &Query::parse("talks"))
        .iter()
        .map(|r| r.id)
        .collect();
    assert_eq!(sorted(ids), [0, 1, 3]);
}

#[test]
fn hits_equal_highlighted_spans() {
    let c = vec![
        art(
            "Peace talks in Oslo",
            "Peace talks, talks and more talks.\nThe peace talks peace talks went on; Oslo.",
        ),
        art("Nothing", "talks"),
    ];
    let mut index = Index::new();
    index.add(&c);
    for input in [
        "talks",
        "\"peace talks\"",
        "\"peace talks\" talks|oslo",
        "title:oslo",
        "tal !nothing",
        "source:x|talks",
    ] {
        let query = Query::parse(input);
        let h = Highlighter::new(&query);
        for r in index.search(&c, &query) {
            let a = &c[r.id as usize];
            let spans: usize = std::iter::once(&a.title)
                .chain(&a.paragraphs)
                .map(|p| h.spans(p).len())
                .sum();
            assert_eq!(r.hits as usize, spans, "{input:?}, article {}", r.id);
        }
    }
    let r = index.search(&c, &Query::parse("talks"));
    assert_eq!((r[0].id, r[0].hits), (0, 6));
    // "Peace talks" is one hit, and so is a "talks" inside it.
    let r = index.search(&c, &Query::parse("\"peace talks\" talks"));
    assert_eq!((r[0].id, r[0].hits), (0, 6));
    let r = index.search(&c, &Query::parse("\"talks peace\"|more"));
    assert_eq!((r[0].id, r[0].hits), (0, 2));
}

#[test]
fn exclusions_produce_no_hits() {
    let c = vec![art("Kabul", "kunduz kunduz")];
    let mut index = Index::new();
    index.add(&c);
    let r = index.search(&c, &Query::parse("kabul !oslo"));
    assert_eq!(r[0].hits, 1);
}
