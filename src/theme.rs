//! Colours and text attributes for each role on screen, chosen for the terminal's colour depth.

use ratatui::style::{Color, Modifier, Style};

/// How many colours the terminal shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColorDepth {
    /// No colour at all (NO_COLOR): meaning is carried by bold, underline and reverse video.
    None,
    /// The 16 ANSI colours.
    Ansi16,
    /// The xterm 256-colour palette.
    Indexed256,
    /// 24-bit colour.
    TrueColor,
}

impl ColorDepth {
    /// The depth from the environment: NO_COLOR, COLORTERM and TERM.
    pub fn from_env(no_color: Option<&str>, colorterm: Option<&str>, term: Option<&str>) -> Self {
        if no_color.is_some_and(|v| !v.is_empty()) {
            return ColorDepth::None;
        }
        let colorterm = colorterm.unwrap_or("").to_ascii_lowercase();
        if colorterm == "truecolor" || colorterm == "24bit" {
            return ColorDepth::TrueColor;
        }
        if term.unwrap_or("").ends_with("-256color") {
            return ColorDepth::Indexed256;
        }
        ColorDepth::Ansi16
    }
}

/// The style of each role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    /// The selected list row.
    pub selection: Style,
    /// A hit of the query (list titles and reader text).
    pub matched: Style,
    /// The current hit in the reader.
    pub current_hit: Style,
    /// Secondary text: metadata, hints, counts.
    pub muted: Style,
    /// Pane borders.
    pub border: Style,
    /// The border of the pane with focus.
    pub focused_border: Style,
    /// The article title in the reader.
    pub title: Style,
    /// Unread articles in the list.
    pub unread: Style,
}

impl Theme {
    /// The built-in theme for a colour depth. Every role keeps its meaning without colour.
    pub fn new(depth: ColorDepth) -> Theme {
        let base = Theme {
            selection: Style::new().add_modifier(Modifier::REVERSED),
            matched: Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
            current_hit: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            muted: Style::new(),
            border: Style::new(),
            focused_border: Style::new().add_modifier(Modifier::BOLD),
            title: Style::new().add_modifier(Modifier::BOLD),
            unread: Style::new().add_modifier(Modifier::BOLD),
        };
        let (accent, hit, muted) = match depth {
            ColorDepth::None => return base,
            ColorDepth::Ansi16 => (Color::Cyan, Color::Yellow, Color::DarkGray),
            ColorDepth::Indexed256 => {
                (Color::Indexed(38), Color::Indexed(214), Color::Indexed(244))
            }
            ColorDepth::TrueColor => (
                Color::Rgb(0x5f, 0xaf, 0xd7),
                Color::Rgb(0xff, 0xaf, 0x00),
                Color::Rgb(0x80, 0x80, 0x80),
            ),
        };
        Theme {
            matched: base.matched.fg(hit),
            current_hit: base.current_hit.fg(hit),
            muted: base.muted.fg(muted),
            focused_border: base.focused_border.fg(accent),
            title: base.title.fg(accent),
            ..base
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_from_env() {
        assert_eq!(
            ColorDepth::from_env(Some("1"), Some("truecolor"), Some("xterm-256color")),
            ColorDepth::None
        );
        assert_eq!(
            ColorDepth::from_env(Some(""), None, Some("xterm")),
            ColorDepth::Ansi16
        );
        assert_eq!(
            ColorDepth::from_env(None, Some("24bit"), Some("xterm")),
            ColorDepth::TrueColor
        );
        assert_eq!(
            ColorDepth::from_env(None, None, Some("screen-256color")),
            ColorDepth::Indexed256
        );
        assert_eq!(ColorDepth::from_env(None, None, None), ColorDepth::Ansi16);
    }

    #[test]
    fn no_color_theme_has_no_colours() {
        let t = Theme::new(ColorDepth::None);
        for s in [
            t.selection,
            t.matched,
            t.current_hit,
            t.muted,
            t.border,
            t.focused_border,
            t.title,
            t.unread,
        ] {
            assert_eq!((s.fg, s.bg), (None, None));
        }
        assert_ne!(
            t.matched, t.current_hit,
            "hits stay distinct without colour"
        );
    }
}
