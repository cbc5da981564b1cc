//! The windows and the prompt of acting on articles, drawn whole through ratatui's
//! TestBackend and pinned with insta snapshots, at a roomy and a tiny size.

mod common;

use common::Harness;
use folio::action::Action;
use folio::corpus::Article;
use ratatui::style::Modifier;

fn article() -> Article {
    let long = "The works on the north quay went on all year and will end in the spring, when \
                the new cranes arrive from the yards.";
    Article {
        title: "Annual report".into(),
        paragraphs: vec![
            "The port authority[1] said the harbour would reopen on Monday[2].".into(),
            "Finances".into(),
            long.into(),
            "2.1 Fees".into(),
            long.into(),
        ],
        url: Some("https://news.example/annual-report".into()),
        links: vec![
            "https://ok.example/authority".into(),
            "https://ok.example/a/very/long/address/that/does/not/fit/in/a/narrow/window".into(),
        ],
        path: "report.html".into(),
        ..Article::default()
    }
}

fn at(width: u16, height: u16) -> Harness {
    Harness::new(vec![article()], width, height)
}

#[test]
fn the_link_window_100x30_and_40x12() {
    for (w, h) in [(100, 30), (40, 12)] {
        let mut harness = at(w, h);
        harness.act(Action::Links);
        harness.act(Action::Down);
        insta::assert_snapshot!(format!("links_{w}x{h}"), harness.screen());
        // The chosen link, the second, is drawn reversed; the first is not.
        let terminal = harness.render();
        let buffer = terminal.backend().buffer();
        let row_of = |text: &str| {
            (0..h)
                .find(|&y| {
                    let line: String = (0..w)
                        .map(|x| buffer[(x, y)].symbol().to_string())
                        .collect();
                    line.contains(text)
                })
                .unwrap_or_else(|| panic!("{text} not on screen"))
        };
        let reversed =
            |y: u16| (0..w).any(|x| buffer[(x, y)].modifier.contains(Modifier::REVERSED));
        assert!(reversed(row_of("[2] https")));
        assert!(!reversed(row_of("[1] https")));
    }
}

#[test]
fn the_outline_40x12() {
    let mut h = at(40, 12);
    h.act(Action::Outline);
    insta::assert_snapshot!(h.screen());
}

#[test]
fn a_prompt_on_the_bottom_row_40x12() {
    let mut h = at(40, 12);
    h.act(Action::PipeArticle);
    for c in "wc -w".chars() {
        h.act(Action::FilterChar(c));
    }
    insta::assert_snapshot!(h.screen());
}

#[test]
fn the_reader_shows_the_articles_tags() {
    let mut h = at(100, 30);
    h.act(Action::Tag);
    for c in "iran".chars() {
        h.act(Action::FilterChar(c));
    }
    h.act(Action::FilterAccept);
    let screen = h.screen();
    let bottom = screen.lines().nth(28).unwrap_or_default();
    assert!(bottom.contains(" #iran · 100% "), "{bottom}");
}
