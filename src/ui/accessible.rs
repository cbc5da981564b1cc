//! The accessible mode (`--accessible`, `accessible = true`): the terminal's own cursor sits
//! where the user is (the selected row, the reader's first line, the chosen line of a window,
//! a message just shown), so a screen reader follows it; borders are drawn in ASCII.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Position;

use crate::model::{Focus, Model, Overlay};

/// Where the cursor goes when nothing is being typed.
pub fn cursor(model: &Model, screen: ratatui::layout::Rect) -> Option<Position> {
    let layout = model.layout();
    if model.status().is_some() && screen.height > 0 {
        // A message just shown: read it first.
        return Some(Position::new(screen.x, screen.bottom() - 1));
    }
    if let Some((overlay, chosen)) = model.overlay() {
        let area = super::overlay_area(screen);
        // The windows to choose from have the chosen line; the link window's own address
        // comes before its lines (ui/picker.rs); the help and the skipped files scroll.
        let row = match overlay {
            Overlay::Links => {
                let noted = model.reader().article().is_some_and(|a| a.url.is_some());
                chosen + if noted && area.height > 4 { 2 } else { 0 }
            }
            Overlay::Searches | Overlay::Outline => chosen,
            Overlay::Help | Overlay::Skipped => 0,
        };
        let y = area.y + 1 + u16::try_from(row).unwrap_or(0);
        return Some(Position::new(
            area.x + 1,
            y.min(area.bottom().saturating_sub(2)),
        ));
    }
    if model.focus() == Focus::Reader || model.reading_mode() {
        let text = layout.text;
        return (text.area() > 0).then(|| Position::new(text.x, text.y));
    }
    let list = layout.list;
    if list.area() == 0 || model.shown().is_empty() {
        return None;
    }
    let row = model.selected().saturating_sub(model.list().top());
    let y = list.y + 1 + u16::try_from(row).unwrap_or(0);
    Some(Position::new(
        list.x + 1,
        y.min(list.bottom().saturating_sub(2)),
    ))
}

/// Box-drawing characters as ASCII, over the whole frame.
pub fn ascii_borders(buf: &mut Buffer) {
    let area = buf.area;
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let cell = &mut buf[(x, y)];
            let ascii = match cell.symbol() {
                "─" | "━" | "═" => "-",
                "│" | "┃" | "║" => "|",
                "┌" | "┐" | "└" | "┘" | "├" | "┤" | "┬" | "┴" | "┼" | "╭" | "╮" | "╰" | "╯" => {
                    "+"
                }
                _ => continue,
            };
            cell.set_symbol(ascii);
        }
    }
}

/// Applies the mode to a drawn frame (not while typing: the filter bar has the cursor then).
pub fn apply(frame: &mut Frame, model: &Model) {
    ascii_borders(frame.buffer_mut());
    if !model.typing()
        && let Some(at) = cursor(model, frame.area())
    {
        frame.set_cursor_position(at);
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use std::sync::Arc;

    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    use super::*;
    use crate::action::Action;
    use crate::corpus::Article;
    use crate::keymap::Keymap;
    use crate::theme::{ColorDepth, Theme};
    use crate::ui::{Context, draw};

    fn model() -> Model {
        let articles = (0..5)
            .map(|i| {
                Arc::new(Article {
                    title: format!("Article {i}"),
                    paragraphs: vec!["Text.".into()],
                    ..Article::default()
                })
            })
            .collect();
        let mut m = Model::new(articles, Vec::new());
        m.set_accessible(true);
        m.update(Action::Resize(60, 12));
        m
    }

    fn drawn(m: &Model) -> (Terminal<TestBackend>, Position) {
        let mut t = Terminal::new(TestBackend::new(60, 12)).unwrap();
        let (keymap, theme) = (Keymap::default(), Theme::new(ColorDepth::None));
        let cx = Context {
            model: m,
            keymap: &keymap,
            theme: &theme,
        };
        t.draw(|f| draw(f, &cx)).unwrap();
        let at = t.get_cursor_position().unwrap();
        (t, at)
    }

    #[test]
    fn the_cursor_follows_the_selection_the_reader_and_messages() {
        let mut m = model();
        m.update(Action::Down);
        m.update(Action::Down);
        let (t, at) = drawn(&m);
        assert_eq!(at, Position::new(1, 3), "the third row of the list");
        let row: String = (0..20)
            .map(|x| t.backend().buffer()[(x, 3)].symbol().to_string())
            .collect();
        assert!(row.contains("Article 2"), "{row}");
        m.update(Action::SwitchPane);
        let (_, at) = drawn(&m);
        assert_eq!(at, Position::new(m.layout().text.x, m.layout().text.y));
        m.update(Action::MarkedOnly);
        assert!(m.status().is_some());
        let (_, at) = drawn(&m);
        assert_eq!(at.y, 11, "a message: on the bottom row");
    }

    #[test]
    fn borders_are_ascii() {
        let m = model();
        let (t, _) = drawn(&m);
        let screen = t.backend().to_string();
        assert!(screen.starts_with("\"+ 5/5"), "{screen}");
        for glyph in ['─', '│', '┌', '┐', '└', '┘'] {
            assert!(!screen.contains(glyph), "{glyph} in {screen}");
        }
    }
}
