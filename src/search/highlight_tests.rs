//! Unit tests of the highlighter, and the property that nothing in search panics.

use proptest::prelude::*;

use super::*;
use crate::search::Index;

fn texts(h: &Highlighter, text: &str) -> Vec<String> {
    h.spans(text)
        .into_iter()
        .map(|r| text[r].to_string())
        .collect()
}

#[test]
fn whole_words_and_phrases() {
    let h = Highlighter::new(&Query::parse("^oslo$ \"peace talks\""));
    assert_eq!(
        texts(&h, "Peace talks in Oslo; Osloer peace."),
        ["Peace talks", "Oslo"]
    );
    let h = Highlighter::new(&Query::parse("'osl"));
    assert_eq!(
        texts(&h, "Peace talks in Oslo; Osloer peace."),
        ["Oslo", "Osloer"]
    );
}

#[test]
fn exclusions_and_meta_fields_highlight_nothing() {
    let h = Highlighter::new(&Query::parse("!oslo source:oslo date:2019"));
    assert!(h.is_empty());
    assert!(h.spans("Oslo Oslo").is_empty());
}

#[test]
fn folding_applies_to_the_text_on_screen() {
    let h = Highlighter::new(&Query::parse("cafe ＡＢＣ"));
    assert_eq!(
        texts(&h, "Le Café, l'abc, ａｂｃ."),
        ["Café", "abc", "ａｂｃ"]
    );
}

#[test]
fn spans_are_char_aligned_in_mixed_scripts() {
    let h = Highlighter::new(&Query::parse("東京 naïve"));
    let text = "🙂 東京都へ naïve e\u{301}";
    assert_eq!(texts(&h, text), ["東京都へ", "naïve"]);
}

#[test]
fn title_spans_show_fuzzy_characters() {
    let h = Highlighter::new(&Query::parse("khalilzd"));
    let title = "Envoy Khalilzad visits";
    let parts: Vec<&str> = h
        .title_spans(title)
        .into_iter()
        .map(|r| &title[r])
        .collect();
    assert_eq!(parts.concat(), "Khalilzd");
    assert!(
        parts.len() >= 2,
        "the skipped 'a' is not highlighted: {parts:?}"
    );
    // Other kinds highlight whole words.
    let h = Highlighter::new(&Query::parse("'khal"));
    assert_eq!(h.title_spans(title), std::slice::from_ref(&(6..15)));
    // Accented words map back onto their own characters.
    let h = Highlighter::new(&Query::parse("cafe"));
    assert_eq!(h.title_spans("Un café"), std::slice::from_ref(&(3..8)));
}

fn check_spans(text: &str, spans: &[std::ops::Range<usize>]) {
    let mut end = 0;
    for r in spans {
        assert!(
            r.start >= end && r.start < r.end && r.end <= text.len(),
            "{spans:?}"
        );
        assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        end = r.end;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn nothing_panics_and_spans_are_well_formed(
        input in "\\PC{0,24}",
        quirky in "[a-c'^$!|\" :é東ａ]{0,12}",
        body in proptest::collection::vec("\\PC{0,40}", 1..4),
        title in "\\PC{0,20}",
    ) {
        let article = std::sync::Arc::new(crate::corpus::Article {
            title: title.clone(),
            paragraphs: body.clone(),
            ..Default::default()
        });
        let mut index = Index::new();
        index.add(std::slice::from_ref(&article));
        for q in [input.as_str(), quirky.as_str()] {
            let query = Query::parse(q);
            let ranked = index.search(std::slice::from_ref(&article), &query);
            let h = Highlighter::new(&query);
            let mut spans = 0;
            for text in std::iter::once(&title).chain(&body) {
                let s = h.spans(text);
                check_spans(text, &s);
                spans += s.len();
            }
            check_spans(&title, &h.title_spans(&title));
            if let Some(r) = ranked.first() {
                prop_assert_eq!(r.hits as usize, spans);
            }
        }
    }
}
