//! The reader pane drawing each kind of paragraph: quotes under their prefix on every line,
//! preformatted lines clipped with markers and scrolled sideways, signatures dimmed.

use std::sync::Arc;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::ReaderPane;
use crate::action::Action;
use crate::corpus::{Article, Block};
use crate::keymap::Keymap;
use crate::model::Model;
use crate::theme::{ColorDepth, Theme};
use crate::ui::Context;

fn post() -> Article {
    Article {
        title: "Re: Wheat".into(),
        paragraphs: vec![
            "Someone wrote:".into(),
            "> the price of wheat rose again this week, as the exchange had said it would".into(),
            ">> older text".into(),
            "Wheat   2.55   2.40       IV     4.65     --\nMaize   1.85   1.80       II     2.05    1.70"
                .into(),
            "Jim Peavler          peavler@plk.af.mil".into(),
        ],
        kinds: vec![
            Block::Text,
            Block::Quote { depth: 1 },
            Block::Quote { depth: 2 },
            Block::Preformatted,
            Block::Signature,
        ],
        path: "post.txt".into(),
        ..Article::default()
    }
}

/// The reader in reading mode (no border) at `width`x`height`, after `actions`.
fn draw(width: u16, height: u16, actions: &[Action]) -> (Vec<String>, Buffer, Theme) {
    let mut model = Model::new(vec![Arc::new(post())], Vec::new());
    model.update(Action::Resize(width, height));
    model.update(Action::ReadingMode);
    for a in actions {
        model.update(a.clone());
    }
    let keymap = Keymap::default();
    let theme = Theme::new(ColorDepth::Ansi16);
    let cx = Context {
        model: &model,
        keymap: &keymap,
        theme: &theme,
    };
    let area = Rect::new(0, 0, width, height);
    let mut buf = Buffer::empty(area);
    (&ReaderPane { cx: &cx }).render(area, &mut buf);
    let rows = (0..height)
        .map(|y| {
            (0..width)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
                .trim_end()
                .to_owned()
        })
        .collect();
    (rows, buf, theme)
}

fn row_of<'a>(rows: &'a [String], start: &str) -> (usize, &'a str) {
    let i = rows
        .iter()
        .position(|r| r.trim_start().starts_with(start))
        .unwrap_or_else(|| panic!("no row starting {start:?} in {rows:#?}"));
    (i, rows[i].as_str())
}

#[test]
fn quotes_keep_their_prefix_on_every_wrapped_line() {
    let (rows, _, _) = draw(40, 30, &[]);
    let (at, first) = row_of(&rows, "> the price");
    let quote: Vec<&str> = rows[at..]
        .iter()
        .take_while(|r| !r.trim().is_empty())
        .map(|r| r.trim_start())
        .collect();
    assert!(quote.len() >= 2, "{rows:#?}");
    assert!(quote.iter().all(|l| l.starts_with("> ")), "{quote:#?}");
    assert!(first.len() <= 40);
    let (_, older) = row_of(&rows, ">>");
    assert_eq!(older.trim_start(), ">> older text");
}

#[test]
fn preformatted_lines_are_clipped_with_a_marker_and_scroll_sideways() {
    let (rows, _, _) = draw(30, 30, &[]);
    let (_, wheat) = row_of(&rows, "Wheat");
    assert!(wheat.ends_with('›'), "{wheat:?}");
    assert!(
        wheat.trim_start().starts_with("Wheat   2.55   2.40"),
        "{wheat:?}"
    );
    let (_, maize) = row_of(&rows, "Maize");
    assert!(maize.trim_start().starts_with("Maize   1.85   1.80"));

    let (rows, _, _) = draw(30, 30, &[Action::ScrollRight]);
    let (_, wheat) = row_of(&rows, "‹");
    assert!(!wheat.contains("Wheat"), "{wheat:?}");
    assert!(wheat.contains("2.40"), "{wheat:?}");
    // Running text does not move.
    row_of(&rows, "Someone wrote:");

    let (rows, _, _) = draw(30, 30, &[Action::ScrollRight, Action::ScrollLeft]);
    row_of(&rows, "Wheat   2.55");
}

#[test]
fn a_wide_pane_shows_the_whole_table_row() {
    let (rows, _, _) = draw(100, 30, &[]);
    let (_, wheat) = row_of(&rows, "Wheat");
    assert_eq!(wheat.trim(), "Wheat   2.55   2.40       IV     4.65     --");
    // Nothing to scroll to: the row stays put.
    let (rows, _, _) = draw(100, 30, &[Action::ScrollRight]);
    let (_, wheat) = row_of(&rows, "Wheat");
    assert_eq!(wheat.trim(), "Wheat   2.55   2.40       IV     4.65     --");
}

#[test]
fn signatures_are_dimmed() {
    let (rows, buf, theme) = draw(60, 30, &[]);
    let (y, sig) = row_of(&rows, "Jim Peavler");
    let x = sig.len() - sig.trim_start().len();
    let cell = &buf[(u16::try_from(x).unwrap_or(0), u16::try_from(y).unwrap_or(0))];
    assert_eq!(cell.fg, theme.muted.fg.unwrap_or_default());
    let (y, text) = row_of(&rows, "Someone");
    let x = text.len() - text.trim_start().len();
    let cell = &buf[(u16::try_from(x).unwrap_or(0), u16::try_from(y).unwrap_or(0))];
    assert_ne!(cell.fg, theme.muted.fg.unwrap_or_default());
}
