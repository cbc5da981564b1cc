//! The query language on the five bundled articles: the checks the filter bar is accepted on.
//!
//! The first set of tests builds small articles from sentences copied out of the bundled files
//! (so they do not depend on the corpus cleaner); the last runs the same queries over the raw
//! bundled files, split into paragraphs at blank lines.

use std::sync::Arc;

use folio::corpus::Article;
use folio::search::{Highlighter, Index, Query};

fn article(path: &str, title: &str, paragraphs: &[&str]) -> Arc<Article> {
    Arc::new(Article {
        title: title.to_string(),
        paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
        path: path.to_string(),
        ..Article::default()
    })
}

/// Sentences from the five bundled articles, in file order (ids 0 to 4).
fn bundled_sentences() -> Vec<Arc<Article>> {
    vec![
        article(
            "000",
            "The spokesman for the Baghlan province police chief Jawed Basharat says gun battles continue on the outskirts of its capital Puli Khumri, a day after insurgent forces stormed the strategic northern city of Kunduz.",
            &[
                "Afghan security forces patrol an area during a Taliban attack in the downtown of Kunduz city, Afghanistan, August 31, 2019.",
                "The attacks are seen as strengthening the Taliban's negotiating position in the talks with US envoy Zalmay Khalilzad.",
                "Khalilzad, the Afghan-born US diplomat overseeing negotiations for Washington, said he would travel to the Afghan capital of Kabul on Sunday for consultations after wrapping up the ninth round of talks with Taliban officials in Qatar.",
                "The agreement would not on its own end the fighting between the Taliban and Afghan security forces, but would allow the start of so-called \"intra-Afghan\" peace talks, which are expected to be held in the Norwegian capital of Oslo.",
                "Suicide bombings and combat operations have continued throughout the talks and the fighting in Kunduz underlined the vulnerability of large parts of Afghanistan.",
            ],
        ),
        article(
            "001",
            "Bashir Khan Safi, AFP | Afghan soldiers gather at a street in Kunduz on August 31, 2019.",
            &[
                "The attack on the capital of Baghlan province came hours after US envoy Zalmay Khalilzad said he warned the Taliban during talks in Qatar that \u{201c}violence like this must stop.\u{201d}",
                "\u{201c}Kunduz city has been cleared, Taliban pushed back from areas they had taken,\u{201d} Rahimi said.",
                "Few details have emerged from this latest round of peace talks. The Taliban spokesman in Qatar, Suhail Shaheen, said technical issues would be discussed on Sunday.",
            ],
        ),
        article(
            "002",
            "Taliban in ceasefire talks with Afghan government: US official",
            &[
                "Among the dead was the number two Taliban leader in Helmand, Abdul Manan, and several district governors and local leaders in Kandahar, Kunduz, Herat, Farah, Uruzgan and Helmand provinces.",
                "But Nicholson likened the situation in Afghanistan to that of Colombia where the fighting continued up until the FARC guerrilla group and the government signed a peace accord in 2016.",
                "The Islamic State group claimed responsibility for the attack, who have also scaled up their attacks on civilian areas in the Afghan capital.",
            ],
        ),
        article(
            "003",
            "U.S. Envoy In Pakistan As Afghan-Taliban Talks Begin With Calls For Truce",
            &[
                "U.S. special envoy for Afghanistan Zalmay Khalilzad is visiting Pakistan.",
                "The U.S. team met with Pakistan's army chief, General Qamar Javed Bajwa, in the garrison city of Rawalpindi.",
                "Pakistan claims its influence over the Taliban is overstated, but it says it is willing to do whatever is possible for peace in Afghanistan.",
            ],
        ),
        article(
            "004",
            "An agreement between the United States and the Taliban on the \"reduction of violence\" in Afghanistan is expected to be announced \"very soon,\" the group official said.",
            &[
                "On Tuesday, Afghan President Ashraf Ghani said he was informed by US Secretary of State Mike Pompeo of \"remarkable progress\" in the continuing talks.",
                "Today I was pleased to receive a call from @SecPompeo, informing me of the remarkable progress made in the ongoing peace talks with the Taliban.",
                "The Taliban maintain a political office in Doha, where the US peace envoy, Zalmay Khalilzad, often meets with representatives of the group in talks seeking to find a solution to the Afghan war.",
            ],
        ),
    ]
}

fn ids(index: &Index, articles: &[Arc<Article>], input: &str) -> Vec<u32> {
    let mut ids: Vec<u32> = index
        .search(articles, &Query::parse(input))
        .iter()
        .map(|r| r.id)
        .collect();
    ids.sort_unstable();
    ids
}

fn check_bundled_queries(articles: &[Arc<Article>]) {
    let mut index = Index::new();
    index.add(articles);
    assert_eq!(ids(&index, articles, "oslo"), [0]);
    assert_eq!(ids(&index, articles, "khalilzd"), [0, 1, 3, 4]);
    assert_eq!(ids(&index, articles, "xq"), Vec::<u32>::new());
    assert_eq!(ids(&index, articles, "taliban !kunduz"), [3, 4]);
    assert_eq!(ids(&index, articles, "oslo|rawalpindi"), [0, 3]);
    assert_eq!(ids(&index, articles, "pompeo"), [4]);
    assert_eq!(ids(&index, articles, ""), [0, 1, 2, 3, 4]);
}

#[test]
fn bundled_sentences_answer_the_done_criteria() {
    check_bundled_queries(&bundled_sentences());
}

#[test]
fn hits_match_the_highlighter_on_bundled_sentences() {
    let articles = bundled_sentences();
    let mut index = Index::new();
    index.add(&articles);
    for input in [
        "taliban",
        "khalilzd kabul",
        "oslo|rawalpindi",
        "\"peace talks\" talks",
        "title:taliban",
        "^afgh !kunduz",
        "pompeo",
    ] {
        let query = Query::parse(input);
        let highlighter = Highlighter::new(&query);
        let ranked = index.search(&articles, &query);
        assert!(!ranked.is_empty(), "{input}");
        for r in ranked {
            let a = &articles[r.id as usize];
            let spans = highlighter.spans(&a.title).len()
                + a.paragraphs
                    .iter()
                    .map(|p| highlighter.spans(p).len())
                    .sum::<usize>();
            assert_eq!(r.hits as usize, spans, "{input:?} on article {}", r.id);
        }
    }
}

/// The raw bundled files, split into paragraphs at blank lines; the first paragraph is the title.
fn bundled_files() -> Vec<Arc<Article>> {
    let raw = [
        include_str!("../assets/articles/000_fa3a172fdca67ea3.txt"),
        include_str!("../assets/articles/001_009fba84ec7cbc00.txt"),
        include_str!("../assets/articles/002_c6dc9904ae642ca3.txt"),
        include_str!("../assets/articles/003_52d8e2bfa1f724e8.txt"),
        include_str!("../assets/articles/004_8da5c2bbc2bd8093.txt"),
    ];
    raw.iter()
        .enumerate()
        .map(|(i, text)| {
            let mut paragraphs = text.split("\n\n").map(str::trim).filter(|p| !p.is_empty());
            let title = paragraphs.next().unwrap_or_default();
            let rest: Vec<&str> = paragraphs.collect();
            article(&format!("{i:03}"), title, &rest)
        })
        .collect()
}

#[test]
fn bundled_files_answer_the_done_criteria() {
    check_bundled_queries(&bundled_files());
}
