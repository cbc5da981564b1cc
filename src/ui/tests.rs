//! Each pane rendered on its own into a buffer and compared line by line, with the styles that
//! carry meaning without colour checked cell by cell.

use std::sync::Arc;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::widgets::Widget;

use super::Context;
use super::filter_bar::FilterBar;
use super::list::ListPane;
use super::reader::ReaderPane;
use crate::action::Action;
use crate::corpus::Article;
use crate::keymap::Keymap;
use crate::model::{Effect, Model};
use crate::search::{Index, SearchOutcome};
use crate::theme::{ColorDepth, Theme};

fn article(title: &str, date: Option<&str>, body: &[&str]) -> Article {
    Article {
        title: title.into(),
        date: date.map(str::to_string),
        source: Some("Wire".into()),
        paragraphs: body.iter().map(|p| p.to_string()).collect(),
        path: format!("{}.txt", title.to_lowercase().replace(' ', "-")),
        ..Article::default()
    }
}

fn corpus() -> Vec<Arc<Article>> {
    vec![
        Arc::new(article(
            "Talks in Oslo",
            Some("2019-09-01"),
            &["Envoys met in Oslo."],
        )),
        Arc::new(article("Kabul attack", None, &["A city under fire."])),
        Arc::new(article(
            "Peace deal signed in Doha at last",
            None,
            &["Doha."],
        )),
    ]
}

/// A model of `corpus()` at `width`x`height`, after `actions` (searches answered at once).
fn model(width: u16, height: u16, actions: Vec<Action>) -> Model {
    let articles = corpus();
    let mut index = Index::new();
    index.add(&articles);
    let mut model = Model::new(articles.clone(), Vec::new());
    // The list at a third of the width, as these pictures were drawn.
    model.update(Action::Restore(crate::state::Session {
        list_width: Some(33),
        ..crate::state::Session::default()
    }));
    model.update(Action::Resize(width, height));
    for action in actions {
        for effect in model.update(action) {
            if let Effect::Search(generation, query) = effect {
                let ranked = index.search(&articles, &query);
                model.update(Action::Searched(SearchOutcome {
                    generation,
                    ranked,
                    indexed: articles.len(),
                }));
            }
        }
    }
    model
}

fn typing(text: &str) -> Vec<Action> {
    std::iter::once(Action::Filter)
        .chain(text.chars().map(Action::FilterChar))
        .collect()
}

/// Renders one pane into a buffer the size of `area` and returns its rows as text.
fn render(model: &Model, area: Rect, pane: impl Fn(&Context, Rect, &mut Buffer)) -> Buffer {
    let keymap = Keymap::default();
    let theme = Theme::new(ColorDepth::None);
    let cx = Context {
        model,
        keymap: &keymap,
        theme: &theme,
    };
    let mut buf = Buffer::empty(area);
    pane(&cx, area, &mut buf);
    buf
}

fn rows(buf: &Buffer) -> Vec<String> {
    let area = buf.area;
    (area.top()..area.bottom())
        .map(|y| {
            (area.left()..area.right())
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
        })
        .collect()
}

fn list(cx: &Context, area: Rect, buf: &mut Buffer) {
    (&ListPane { cx }).render(area, buf);
}

fn reader(cx: &Context, area: Rect, buf: &mut Buffer) {
    (&ReaderPane { cx }).render(area, buf);
}

fn filter_bar(cx: &Context, area: Rect, buf: &mut Buffer) {
    (&FilterBar { cx }).render(area, buf);
}

#[test]
fn list_rows_bullets_and_truncation() {
    let m = model(100, 8, vec![]);
    let buf = render(&m, m.layout().list, list);
    assert_eq!(
        rows(&buf),
        [
            "┌ 3/3 · 3 unread · by path ─────┐",
            "│• Talks in Oslo                │",
            "│• Kabul attack                 │",
            "│• Peace deal signed in Doha at…│",
            "│                               │",
            "│                               │",
            "└───────────────────────────────┘",
        ]
    );
    for x in 1..32 {
        assert!(buf[(x, 1)].modifier.contains(Modifier::REVERSED), "x={x}");
        assert!(!buf[(x, 2)].modifier.contains(Modifier::REVERSED), "x={x}");
    }
    assert!(
        buf[(3, 2)].modifier.contains(Modifier::BOLD),
        "unread is bold"
    );
}

#[test]
fn list_marks_read_and_marked_articles_and_counts_hits() {
    let mut actions = vec![Action::ToggleRead, Action::ToggleMark];
    actions.extend(typing("oslo"));
    let m = model(100, 6, actions);
    let buf = render(&m, m.layout().list, list);
    assert_eq!(
        rows(&buf),
        [
            "┌ 1/3 · 2 unread · by rank ─────┐",
            "│ *Talks in Oslo               2│",
            "│                               │",
            "│                               │",
            "└───────────────────────────────┘",
        ]
    );
    // The hit in the title is underlined.
    assert!(buf[(12, 1)].modifier.contains(Modifier::UNDERLINED));
    assert!(!buf[(4, 1)].modifier.contains(Modifier::UNDERLINED));
}

#[test]
fn list_says_why_it_is_empty() {
    let m = model(100, 5, typing("zzqx"));
    let buf = render(&m, m.layout().list, list);
    assert_eq!(rows(&buf)[1], "│ no match                      │");
    let empty = Model::new(Vec::new(), Vec::new());
    let buf = render(&empty, Rect::new(0, 0, 20, 3), list);
    assert_eq!(rows(&buf)[1], "│ no articles      │");
}

#[test]
fn a_narrow_list_header_keeps_the_counts_and_the_skipped_files() {
    let skipped = crate::corpus::Skipped {
        path: "bad.bin".into(),
        record: String::new(),
        reason: crate::corpus::SkipReason::other("binary"),
        line: false,
    };
    let m = Model::new(corpus(), vec![skipped]);
    let buf = render(&m, Rect::new(0, 0, 24, 3), list);
    assert_eq!(rows(&buf)[0], "┌ 3/3 · 1 skipped ─────┐");
    let buf = render(&m, Rect::new(0, 0, 34, 3), list);
    assert_eq!(rows(&buf)[0], "┌ 3/3 · 3 unread · 1 skipped ────┐");
    let buf = render(&m, Rect::new(0, 0, 44, 3), list);
    assert_eq!(
        rows(&buf)[0],
        "┌ 3/3 · 3 unread · by path · 1 skipped ────┐"
    );
}

#[test]
fn a_wide_list_shows_date_and_source_columns() {
    let m = model(200, 6, vec![]);
    let buf = render(&m, m.layout().list, list);
    let first = &rows(&buf)[1];
    assert!(first.contains("Talks in Oslo"), "{first}");
    assert!(first.ends_with("2019-09-01  Wire          │"), "{first}");
    let narrow = model(100, 6, vec![]);
    let buf = render(&narrow, narrow.layout().list, list);
    assert!(!rows(&buf)[1].contains("Wire"));
}

#[test]
fn reader_title_meta_text_and_position() {
    let m = model(70, 9, vec![]);
    let area = m.layout().reader;
    let buf = render(&m, area, reader);
    assert_eq!(
        rows(&buf),
        [
            "┌ talks-in-oslo.txt ───────────────────┐",
            "│ Talks in Oslo                        │",
            "│                                      │",
            "│ 2019-09-01 · Wire · 4 words · 1 min  │",
            "│ read                                 │",
            "│                                      │",
            "│ Envoys met in Oslo.                  │",
            "└──────────────────────────────── 100% ┘",
        ]
    );
    assert!(
        buf[(area.x + 2, 1)].modifier.contains(Modifier::BOLD),
        "the title is bold"
    );
}

#[test]
fn reader_shows_hits_and_the_current_one() {
    let m = model(70, 9, typing("oslo"));
    let area = m.layout().reader;
    let buf = render(&m, area, reader);
    let text = rows(&buf);
    assert!(text[7].ends_with("hit 1/2 · 100% ┘"), "{text:?}");
    // "Oslo" in the title is the current hit (reverse video), in the text a plain hit.
    let title_hit = &buf[(area.x + 11, 1)];
    assert!(
        title_hit.modifier.contains(Modifier::REVERSED),
        "{title_hit:?}"
    );
    let body_hit = &buf[(area.x + 16, 6)];
    assert!(body_hit.modifier.contains(Modifier::UNDERLINED));
    assert!(!body_hit.modifier.contains(Modifier::REVERSED));
}

#[test]
fn reader_with_nothing_selected() {
    let m = model(70, 6, typing("zzqx"));
    let buf = render(&m, m.layout().reader, reader);
    assert_eq!(rows(&buf)[1], "│ nothing selected                     │");
}

#[test]
fn filter_bar_hint_typing_and_status() {
    let idle = model(40, 10, vec![]);
    let buf = render(&idle, idle.layout().filter, filter_bar);
    assert_eq!(rows(&buf), ["/ filter  ? help  q quit                "]);

    let typed = model(40, 10, typing("oslo !"));
    let buf = render(&typed, typed.layout().filter, filter_bar);
    assert_eq!(rows(&buf), ["/oslo !  ignored: !                     "]);

    let status = model(40, 10, vec![Action::CycleSort]);
    let buf = render(&status, status.layout().filter, filter_bar);
    assert_eq!(rows(&buf), ["sorted by date                          "]);
}

#[test]
fn filter_bar_scrolls_a_long_query_to_its_end() {
    let long = "a".repeat(30) + "xyz";
    let m = model(20, 10, typing(&long));
    let buf = render(&m, m.layout().filter, filter_bar);
    let row = &rows(&buf)[0];
    assert!(row.starts_with('/'), "{row}");
    assert!(row.trim_end().ends_with("xyz"), "{row}");
    assert_eq!(crate::text::width(row), 20);
}

#[test]
fn skipped_overlay_lists_each_file_with_its_reason() {
    use crate::corpus::{SkipReason, Skipped};
    let skipped = vec![
        Skipped {
            path: "pics/a.png".into(),
            record: String::new(),
            reason: SkipReason::Binary("PNG image"),
            line: false,
        },
        Skipped {
            path: "fifo".into(),
            record: String::new(),
            reason: SkipReason::NamedPipe,
            line: false,
        },
    ];
    let m = Model::new(corpus(), skipped);
    let keymap = Keymap::default();
    let theme = Theme::new(ColorDepth::None);
    let cx = Context {
        model: &m,
        keymap: &keymap,
        theme: &theme,
    };
    let area = Rect::new(0, 0, 40, 5);
    let mut buf = Buffer::empty(area);
    (&super::skipped::SkippedOverlay { cx: &cx, scroll: 0 }).render(area, &mut buf);
    let text = rows(&buf);
    assert_eq!(text[0], "┌ 2 skipped ───────────────────────────┐");
    assert_eq!(text[1], "│pics/a.png: binary file (PNG image)   │");
    assert_eq!(text[2], "│fifo: named pipe                      │");
    assert!(
        buf[(1, 1)].modifier.contains(Modifier::BOLD),
        "the path stands out"
    );

    let none = Model::new(corpus(), Vec::new());
    let cx = Context { model: &none, ..cx };
    let mut buf = Buffer::empty(area);
    (&super::skipped::SkippedOverlay { cx: &cx, scroll: 0 }).render(area, &mut buf);
    assert_eq!(rows(&buf)[1], "│No file was skipped.                  │");
}

#[test]
fn a_partial_answer_says_how_much_it_covers() {
    use crate::action::Batch;
    let articles = corpus();
    let mut model = Model::default();
    model.update(Action::Resize(100, 8));
    model.update(Action::Filter);
    let mut asked = Vec::new();
    for c in "oslo".chars() {
        asked = model.update(Action::FilterChar(c));
    }
    let Some(Effect::Search(generation, query)) = asked.pop() else {
        panic!("no search");
    };
    let buf = render(&model, model.layout().list, list);
    assert!(rows(&buf)[6].contains("searching…"), "{:?}", rows(&buf));
    // Two of the three articles were indexed when the answer was made; the third came since.
    model.update(Action::Loaded(Batch {
        articles: articles.clone(),
        ..Batch::default()
    }));
    let mut index = Index::new();
    index.add(&articles[..2]);
    let ranked = index.search(&articles[..2], &query);
    model.update(Action::Searched(SearchOutcome {
        generation,
        ranked,
        indexed: 2,
    }));
    let buf = render(&model, model.layout().list, list);
    let text = rows(&buf);
    assert!(text[1].contains("Talks in Oslo"), "{text:?}");
    assert!(text[6].contains("searching · 2/3 indexed"), "{text:?}");
}
