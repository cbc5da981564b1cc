//! The escape sequences the backend writes, each as short as it can be: cursor moves, styles,
//! scroll regions.

use std::io::{self, Write};
use std::ops::Range;

use ratatui::buffer::Cell;
use ratatui::layout::Position;
use ratatui::style::{Color, Modifier};

/// What the terminal's cursor and pen are known to be while drawing.
pub(super) struct Pen {
    /// Where the cursor is, when known for sure.
    pub(super) at: Option<Position>,
    pub(super) style: (Color, Color, Modifier),
}

pub(super) const PLAIN: (Color, Color, Modifier) = (Color::Reset, Color::Reset, Modifier::empty());

/// Sets a scroll region, scrolls it, and resets the region (which homes the cursor).
pub(super) fn scroll(
    w: &mut impl Write,
    region: Range<u16>,
    lines: u16,
    dir: char,
) -> io::Result<()> {
    if region.is_empty() || lines == 0 {
        return Ok(());
    }
    write!(
        w,
        "\x1b[{};{}r\x1b[{lines}{dir}\x1b[r",
        region.start + 1,
        region.end
    )
}

/// A blank cell in the default style: what an erase leaves.
pub(super) fn is_plain_blank(c: &Cell) -> bool {
    c.symbol() == " " && (c.fg, c.bg, c.modifier) == PLAIN
}

/// Moves the cursor with the fewest bytes: nothing, forward or back on the row, down to the
/// next row (`\r\n` or `\n`) and along it, or absolute.
pub(super) fn move_to(out: &mut Vec<u8>, pen: &mut Pen, x: u16, y: u16) {
    let target = Position { x, y };
    let absolute = if x == 0 {
        format!("\x1b[{}H", y + 1)
    } else {
        format!("\x1b[{};{}H", y + 1, x + 1)
    };
    let relative = pen.at.and_then(|at| {
        let along = |from: u16| match x.cmp(&from) {
            std::cmp::Ordering::Equal => String::new(),
            std::cmp::Ordering::Greater if x - from == 1 => "\x1b[C".to_string(),
            std::cmp::Ordering::Greater => format!("\x1b[{}C", x - from),
            std::cmp::Ordering::Less if from - x == 1 => "\x1b[D".to_string(),
            std::cmp::Ordering::Less => format!("\x1b[{}D", from - x),
        };
        if at.y == y {
            Some(along(at.x))
        } else if y == at.y + 1 {
            // Raw mode: `\n` moves down and keeps the column, `\r` goes to column 0.
            let via_cr = format!("\r\n{}", along(0));
            let via_lf = format!("\n{}", along(at.x));
            Some(if via_lf.len() < via_cr.len() {
                via_lf
            } else {
                via_cr
            })
        } else {
            None
        }
    });
    let best = match relative {
        Some(r) if r.len() <= absolute.len() => r,
        _ => absolute,
    };
    out.extend_from_slice(best.as_bytes());
    pen.at = Some(target);
}

/// One SGR sequence that sets the whole style from scratch.
pub(super) fn sgr(
    out: &mut Vec<u8>,
    (fg, bg, modifier): (Color, Color, Modifier),
) -> io::Result<()> {
    out.extend_from_slice(b"\x1b[0");
    for (flag, code) in [
        (Modifier::BOLD, 1),
        (Modifier::DIM, 2),
        (Modifier::ITALIC, 3),
        (Modifier::UNDERLINED, 4),
        (Modifier::SLOW_BLINK, 5),
        (Modifier::RAPID_BLINK, 6),
        (Modifier::REVERSED, 7),
        (Modifier::HIDDEN, 8),
        (Modifier::CROSSED_OUT, 9),
    ] {
        if modifier.contains(flag) {
            write!(out, ";{code}")?;
        }
    }
    color(out, fg, 30)?;
    color(out, bg, 40)?;
    out.push(b'm');
    Ok(())
}

pub(super) fn color(out: &mut Vec<u8>, color: Color, base: u8) -> io::Result<()> {
    let bright = base + 60;
    match color {
        Color::Reset => Ok(()),
        Color::Black => write!(out, ";{base}"),
        Color::Red => write!(out, ";{}", base + 1),
        Color::Green => write!(out, ";{}", base + 2),
        Color::Yellow => write!(out, ";{}", base + 3),
        Color::Blue => write!(out, ";{}", base + 4),
        Color::Magenta => write!(out, ";{}", base + 5),
        Color::Cyan => write!(out, ";{}", base + 6),
        Color::Gray => write!(out, ";{}", base + 7),
        Color::DarkGray => write!(out, ";{bright}"),
        Color::LightRed => write!(out, ";{}", bright + 1),
        Color::LightGreen => write!(out, ";{}", bright + 2),
        Color::LightYellow => write!(out, ";{}", bright + 3),
        Color::LightBlue => write!(out, ";{}", bright + 4),
        Color::LightMagenta => write!(out, ";{}", bright + 5),
        Color::LightCyan => write!(out, ";{}", bright + 6),
        Color::White => write!(out, ";{}", bright + 7),
        Color::Indexed(n) => write!(out, ";{};5;{n}", base + 8),
        Color::Rgb(r, g, b) => write!(out, ";{};2;{r};{g};{b}", base + 8),
    }
}
