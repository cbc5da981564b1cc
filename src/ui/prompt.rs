//! The question on the bottom row (`pipe to command: wc -w`), drawn over whatever is there,
//! with the cursor in the answer.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Widget};

use crate::model::Prompt;
use crate::text::width;

/// Draws the prompt in `row`; the column of its cursor.
pub fn draw(buf: &mut Buffer, row: Rect, prompt: &Prompt) -> u16 {
    Clear.render(row, buf);
    let label = prompt.kind.label();
    let chars: Vec<char> = prompt.text.as_str().chars().collect();
    let cursor = prompt.text.cursor().min(chars.len());
    let room = usize::from(row.width)
        .saturating_sub(width(label))
        .saturating_sub(1);
    // Scrolled so the cursor stays in view: as much before it as fits.
    let mut start = 0;
    while start < cursor && width(&chars[start..cursor].iter().collect::<String>()) > room {
        start += 1;
    }
    let mut shown = String::new();
    for c in &chars[start..] {
        if width(&shown) + width(&c.to_string()) > room {
            break;
        }
        shown.push(*c);
    }
    Line::raw(format!("{label}{shown}")).render(row, buf);
    let before: String = chars[start..cursor].iter().collect();
    let x = width(label) + width(&before);
    row.x
        + u16::try_from(x)
            .unwrap_or(u16::MAX)
            .min(row.width.saturating_sub(1))
}
