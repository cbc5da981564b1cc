//! Colours and modifiers as a config file writes them, and fitting a colour to the terminal's depth.

use ratatui::style::{Color, Modifier};

use crate::theme::ColorDepth;

/// The sixteen ANSI colours by config name, with xterm's default RGB values (used to find the
/// nearest one for a colour the terminal cannot show).
const ANSI: [(&str, Color, [u8; 3]); 16] = [
    ("black", Color::Black, [0, 0, 0]),
    ("red", Color::Red, [205, 0, 0]),
    ("green", Color::Green, [0, 205, 0]),
    ("yellow", Color::Yellow, [205, 205, 0]),
    ("blue", Color::Blue, [0, 0, 238]),
    ("magenta", Color::Magenta, [205, 0, 205]),
    ("cyan", Color::Cyan, [0, 205, 205]),
    ("gray", Color::Gray, [229, 229, 229]),
    ("darkgray", Color::DarkGray, [127, 127, 127]),
    ("lightred", Color::LightRed, [255, 0, 0]),
    ("lightgreen", Color::LightGreen, [0, 255, 0]),
    ("lightyellow", Color::LightYellow, [255, 255, 0]),
    ("lightblue", Color::LightBlue, [92, 92, 255]),
    ("lightmagenta", Color::LightMagenta, [255, 0, 255]),
    ("lightcyan", Color::LightCyan, [0, 255, 255]),
    ("white", Color::White, [255, 255, 255]),
];

/// The modifiers a config file may name.
pub const MODIFIERS: &[(&str, Modifier)] = &[
    ("bold", Modifier::BOLD),
    ("dim", Modifier::DIM),
    ("italic", Modifier::ITALIC),
    ("underlined", Modifier::UNDERLINED),
    ("reversed", Modifier::REVERSED),
    ("crossed_out", Modifier::CROSSED_OUT),
];

/// Reads a colour name (`yellow`, `darkgray`, `reset`; case, `-`, `_` and `grey` are forgiven)
/// or `#rrggbb`.
pub fn parse_color(text: &str) -> Option<Color> {
    if let Some(hex) = text.strip_prefix('#') {
        if hex.len() != 6 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        let n = u32::from_str_radix(hex, 16).ok()?;
        let [_, r, g, b] = n.to_be_bytes();
        return Some(Color::Rgb(r, g, b));
    }
    let name: String = text
        .chars()
        .filter(|c| !matches!(c, '-' | '_' | ' '))
        .flat_map(char::to_lowercase)
        .collect::<String>()
        .replace("grey", "gray");
    if name == "reset" || name == "default" {
        return Some(Color::Reset);
    }
    ANSI.iter().find(|(n, _, _)| *n == name).map(|(_, c, _)| *c)
}

/// A palette index, 0–255.
pub fn indexed(n: i64) -> Option<Color> {
    u8::try_from(n).ok().map(Color::Indexed)
}

/// Reads a modifier name.
pub fn parse_modifier(text: &str) -> Option<Modifier> {
    let name = text.to_ascii_lowercase().replace('-', "_");
    MODIFIERS.iter().find(|(n, _)| *n == name).map(|(_, m)| *m)
}

/// The colour the terminal can show that is closest to `color`: 24-bit colours become palette
/// entries on a 256-colour terminal and ANSI colours on a 16-colour one. `None` when the terminal
/// shows no colour.
pub fn fit(color: Color, depth: ColorDepth) -> Option<Color> {
    match (depth, color) {
        (ColorDepth::None, _) => None,
        (ColorDepth::TrueColor, c) => Some(c),
        (ColorDepth::Indexed256, Color::Rgb(r, g, b)) => {
            Some(Color::Indexed(nearest_256([r, g, b])))
        }
        (ColorDepth::Indexed256, c) => Some(c),
        (ColorDepth::Ansi16, Color::Rgb(r, g, b)) => Some(nearest_ansi([r, g, b])),
        (ColorDepth::Ansi16, Color::Indexed(n)) => Some(match ANSI.get(usize::from(n)) {
            Some((_, c, _)) => *c,
            None => nearest_ansi(palette_rgb(n)),
        }),
        (ColorDepth::Ansi16, c) => Some(c),
    }
}

const CUBE: [u8; 6] = [0, 95, 135, 175, 215, 255];

/// The RGB value of a palette entry from 16 up (the colour cube and the grey ramp).
fn palette_rgb(n: u8) -> [u8; 3] {
    if n >= 232 {
        let v = 8 + 10 * (n - 232);
        return [v, v, v];
    }
    let i = usize::from(n.saturating_sub(16));
    [CUBE[i / 36], CUBE[(i / 6) % 6], CUBE[i % 6]]
}

fn distance(a: [u8; 3], b: [u8; 3]) -> u32 {
    a.iter()
        .zip(b)
        .map(|(&x, y)| u32::from(x.abs_diff(y)).pow(2))
        .sum()
}

/// The nearest palette entry from 16 up; entries 0–15 vary between terminals and are avoided.
fn nearest_256(rgb: [u8; 3]) -> u8 {
    (16..=255u8)
        .min_by_key(|&n| distance(rgb, palette_rgb(n)))
        .unwrap_or(16)
}

fn nearest_ansi(rgb: [u8; 3]) -> Color {
    ANSI.iter()
        .min_by_key(|(_, _, v)| distance(rgb, *v))
        .map_or(Color::Reset, |(_, c, _)| *c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_hex() {
        assert_eq!(parse_color("yellow"), Some(Color::Yellow));
        assert_eq!(parse_color("DarkGray"), Some(Color::DarkGray));
        assert_eq!(parse_color("dark_grey"), Some(Color::DarkGray));
        assert_eq!(parse_color("light-blue"), Some(Color::LightBlue));
        assert_eq!(parse_color("reset"), Some(Color::Reset));
        assert_eq!(parse_color("#ffaf00"), Some(Color::Rgb(0xff, 0xaf, 0x00)));
        assert_eq!(parse_color("#FFAF00"), Some(Color::Rgb(0xff, 0xaf, 0x00)));
        for bad in ["yelow", "#fff", "#ffaf0g", "#ffaf000", "", "#", "12"] {
            assert_eq!(parse_color(bad), None, "{bad}");
        }
    }

    #[test]
    fn indexes() {
        assert_eq!(indexed(0), Some(Color::Indexed(0)));
        assert_eq!(indexed(255), Some(Color::Indexed(255)));
        assert_eq!(indexed(256), None);
        assert_eq!(indexed(-1), None);
    }

    #[test]
    fn modifiers() {
        assert_eq!(parse_modifier("bold"), Some(Modifier::BOLD));
        assert_eq!(parse_modifier("Crossed-Out"), Some(Modifier::CROSSED_OUT));
        assert_eq!(parse_modifier("blinky"), None);
    }

    #[test]
    fn fitting_to_the_depth() {
        let orange = Color::Rgb(0xff, 0xaf, 0x00);
        assert_eq!(fit(orange, ColorDepth::TrueColor), Some(orange));
        assert_eq!(
            fit(orange, ColorDepth::Indexed256),
            Some(Color::Indexed(214))
        );
        assert_eq!(fit(orange, ColorDepth::Ansi16), Some(Color::Yellow));
        assert_eq!(fit(orange, ColorDepth::None), None);
        assert_eq!(
            fit(Color::Rgb(0x80, 0x80, 0x80), ColorDepth::Indexed256),
            Some(Color::Indexed(244))
        );
        assert_eq!(fit(Color::Indexed(1), ColorDepth::Ansi16), Some(Color::Red));
        assert_eq!(
            fit(Color::Indexed(21), ColorDepth::Ansi16),
            Some(Color::Blue)
        );
        assert_eq!(
            fit(Color::Indexed(250), ColorDepth::Ansi16),
            Some(Color::Gray)
        );
        assert_eq!(fit(Color::Cyan, ColorDepth::Ansi16), Some(Color::Cyan));
        assert_eq!(
            fit(Color::Reset, ColorDepth::Indexed256),
            Some(Color::Reset)
        );
    }

    #[test]
    fn palette_values() {
        assert_eq!(palette_rgb(16), [0, 0, 0]);
        assert_eq!(palette_rgb(214), [255, 175, 0]);
        assert_eq!(palette_rgb(231), [255, 255, 255]);
        assert_eq!(palette_rgb(232), [8, 8, 8]);
        assert_eq!(palette_rgb(255), [238, 238, 238]);
    }
}
