//! The help overlay, drawn from the keymap in force so it always tells the truth.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

use super::Context;
use crate::action::Action;
use crate::keymap::{Binding, Keymap, Mode, key_name};
use crate::text;
use crate::theme::Theme;

/// The help overlay.
pub struct HelpOverlay<'a, 'b> {
    pub cx: &'a Context<'b>,
    pub scroll: usize,
}

/// The widest the column of keys gets: it is as wide as the widest list of keys up to this,
/// and a longer list goes on over more lines.
const KEYS_WIDTH: usize = 24;

/// The words side by side with the keys need at least this many columns.
const WORDS_WIDTH: usize = 30;

/// The query syntax: not keys, but what the filter bar reads.
const QUERY_SYNTAX: &[(&str, &str)] = &[
    ("word", "fuzzy, word by word"),
    ("a b", "both"),
    ("a|b  a | b", "either"),
    ("'word", "exact"),
    ("^word word$", "word prefix / suffix"),
    ("!word", "without word"),
    ("\"two words\"", "phrase"),
    ("title: source: date:", "one field (date:2019-09)"),
];

/// One row of the help: a heading before it, if it starts a section; its keys (each an item
/// that is never broken); what they do.
struct Row {
    heading: Option<&'static str>,
    keys: Vec<String>,
    what: std::borrow::Cow<'static, str>,
}

impl Row {
    fn fixed(keys: &str, what: &'static str) -> Row {
        Row {
            heading: None,
            keys: vec![keys.to_string()],
            what: what.into(),
        }
    }

    fn bound(binding: &Binding) -> Row {
        let keys = if binding.keys.is_empty() {
            vec!["(none)".to_string()]
        } else {
            binding.keys.iter().map(key_name).collect()
        };
        Row {
            heading: None,
            keys,
            what: binding.entry.help.into(),
        }
    }
}

/// The rows of every mode's keys from `keymap`, then the query syntax.
fn rows(keymap: &Keymap) -> Vec<Row> {
    let mut rows: Vec<Row> = keymap.bindings_in(Mode::Normal).map(Row::bound).collect();
    let mut section = |heading: &'static str, mut section: Vec<Row>| {
        if let Some(first) = section.first_mut() {
            first.heading = Some(heading);
        }
        rows.append(&mut section);
    };
    let mine: Vec<Row> = keymap
        .user_actions()
        .iter()
        .map(|(key, name)| Row {
            heading: None,
            keys: vec![key_name(key)],
            what: format!("{name} (pipes the article, or the marked)").into(),
        })
        .collect();
    section("Your actions", mine);
    let mut typing = vec![Row::fixed("text", "filter as you type")];
    typing.extend(keymap.bindings_in(Mode::Typing).map(Row::bound));
    typing.push(Row::fixed("other keys", "as above"));
    section("In the filter bar", typing);
    let mut overlay: Vec<Row> = keymap.bindings_in(Mode::Overlay).map(Row::bound).collect();
    overlay.push(Row::fixed("other keys", "close the window"));
    section(
        "In this window and the others (skipped files, links, searches, outline)",
        overlay,
    );
    let query = QUERY_SYNTAX.iter().map(|(k, w)| Row::fixed(k, w)).collect();
    section("Query syntax", query);
    rows
}

/// The help text: every mode's keys, then the query syntax. Keys and words side by side when
/// `width` allows, else the words under the keys.
pub fn help_lines(keymap: &Keymap, theme: &Theme, width: u16) -> Vec<Line<'static>> {
    let rows = rows(keymap);
    let key_width = rows
        .iter()
        .map(|r| text::width(&r.keys.join(", ")))
        .filter(|&w| w <= KEYS_WIDTH)
        .max()
        .unwrap_or(KEYS_WIDTH);
    let width = usize::from(width);
    let side_by_side = width >= key_width + 2 + WORDS_WIDTH;
    let mut lines = Vec::new();
    for row in rows {
        if let Some(h) = row.heading {
            lines.push(Line::raw(""));
            lines.push(Line::styled(h, theme.title));
        }
        if side_by_side {
            for (i, keys) in key_lines(&row.keys, key_width).into_iter().enumerate() {
                let pad = " ".repeat(key_width.saturating_sub(text::width(&keys)));
                let mut spans = vec![Span::styled(format!("{pad}{keys}"), theme.title)];
                if i == 0 {
                    spans.push(Span::raw(format!("  {}", row.what)));
                }
                lines.push(Line::from(spans));
            }
        } else {
            for keys in key_lines(&row.keys, width) {
                lines.push(Line::styled(keys, theme.title));
            }
            lines.push(Line::raw(format!("  {}", row.what)));
        }
    }
    lines
}

/// The keys `a, b, c` over as few lines of at most `limit` columns as they fit, never breaking
/// a key.
fn key_lines(keys: &[String], limit: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for (i, key) in keys.iter().enumerate() {
        let item = if i + 1 < keys.len() {
            format!("{key},")
        } else {
            key.clone()
        };
        if !line.is_empty() && text::width(&line) + 1 + text::width(&item) > limit {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&item);
    }
    lines.push(line);
    lines
}

/// The bottom line of an overlay, with the scrolling keys in force.
pub fn overlay_footer(keymap: &Keymap) -> String {
    let first = |action| {
        keymap
            .keys_for(&action, Mode::Overlay)
            .first()
            .map(key_name)
    };
    match (first(Action::Down), first(Action::Up)) {
        (Some(down), Some(up)) => format!(" any key closes · {down}/{up} scroll "),
        (Some(key), None) | (None, Some(key)) => format!(" any key closes · {key} scrolls "),
        (None, None) => " any key closes ".to_string(),
    }
}

impl Widget for &HelpOverlay<'_, '_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(self.cx.theme.focused_border)
            .title(" keys ")
            .title_bottom(Line::from(overlay_footer(self.cx.keymap)).right_aligned());
        let inner = block.inner(area);
        let lines = help_lines(self.cx.keymap, self.cx.theme, inner.width);
        let max = lines.len().saturating_sub(usize::from(inner.height));
        let scroll = u16::try_from(self.scroll.min(max)).unwrap_or(0);
        Paragraph::new(lines)
            .block(block)
            .scroll((scroll, 0))
            .render(area, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::theme::ColorDepth;

    fn text(keymap: &Keymap, width: u16) -> Vec<String> {
        let theme = Theme::new(ColorDepth::None);
        help_lines(keymap, &theme, width)
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }

    /// The lines of the section under `heading` (the commands' for `None`).
    fn section(lines: &[String], heading: Option<&str>) -> Vec<String> {
        let start = heading.map_or(0, |h| lines.iter().position(|l| l == h).expect(h) + 1);
        lines[start..]
            .iter()
            .take_while(|l| !l.is_empty())
            .cloned()
            .collect()
    }

    const TYPING: Option<&str> = Some("In the filter bar");
    const OVERLAY: Option<&str> =
        Some("In this window and the others (skipped files, links, searches, outline)");

    #[test]
    fn the_users_actions_have_a_section_of_their_own() {
        let mut keymap = Keymap::default();
        assert!(!text(&keymap, 80).iter().any(|l| l == "Your actions"));
        let key = crate::keymap::parse_key("W").unwrap_or_else(|| panic!("a key"));
        keymap.bind_user_action("words", key);
        let lines = text(&keymap, 80);
        let mine = section(&lines, Some("Your actions"));
        assert_eq!(mine.len(), 1, "{mine:?}");
        assert!(mine[0].trim_start().starts_with("W  words"), "{mine:?}");
    }

    #[test]
    fn every_mode_shows_its_keys_from_the_keymap() {
        let map = Keymap::default();
        let lines = text(&map, 78);
        for (heading, mode) in [
            (None, Mode::Normal),
            (TYPING, Mode::Typing),
            (OVERLAY, Mode::Overlay),
        ] {
            let shown = section(&lines, heading);
            let bindings: Vec<&Binding> = map.bindings_in(mode).collect();
            assert!(!bindings.is_empty());
            for b in bindings {
                // The row's keys, over as many lines as it takes, the words on its first.
                let keys: Vec<String> = b.keys.iter().map(key_name).collect();
                let what = format!("  {}", b.entry.help);
                let at = shown.iter().position(|l| {
                    l.ends_with(&what) && l.trim_start().starts_with(keys[0].as_str())
                });
                let at = at
                    .unwrap_or_else(|| panic!("{heading:?} lacks {what:?}:\n{}", shown.join("\n")));
                let mut written = shown[at].trim_start().replace(&what, "");
                for more in &shown[at + 1..] {
                    if written.len() >= keys.join(", ").len() {
                        break;
                    }
                    written = format!("{written} {}", more.trim_start());
                }
                assert_eq!(written, keys.join(", "), "{heading:?}");
            }
        }
        assert!(
            section(&lines, TYPING)
                .iter()
                .any(|l| l.ends_with("text  filter as you type"))
        );
        assert!(
            section(&lines, OVERLAY)
                .iter()
                .any(|l| l.ends_with("other keys  close the window"))
        );
    }

    #[test]
    fn the_filter_bar_section_follows_rebinding() {
        let mut map = Keymap::default();
        let ctrl_g = crate::keymap::parse_key("ctrl-g").expect("ctrl-g");
        map.bind("filter_clear", vec![ctrl_g]);
        let lines = text(&map, 78);
        let typing = section(&lines, TYPING);
        assert!(
            typing
                .iter()
                .any(|l| l.trim_start() == "ctrl-g  clear the filter"),
            "{typing:?}"
        );
        assert!(
            !typing.iter().any(|l| l.trim_start().starts_with("esc")),
            "{typing:?}"
        );
        let normal = section(&lines, None);
        assert!(
            normal
                .iter()
                .any(|l| l.trim_start() == "esc  close overlay / leave reading mode")
        );
        map.bind("filter_older", Vec::new());
        let typing = section(&text(&map, 78), TYPING);
        assert!(
            typing
                .iter()
                .any(|l| l.trim_start() == "(none)  earlier query (history)"),
            "{typing:?}"
        );
    }

    #[test]
    fn a_long_list_of_keys_goes_on_over_lines() {
        let keys: Vec<String> = ["ctrl-w", "alt-backspace", "ctrl-backspace"]
            .map(String::from)
            .into();
        assert_eq!(
            key_lines(&keys, 24),
            ["ctrl-w, alt-backspace,", "ctrl-backspace"]
        );
        assert_eq!(
            key_lines(&keys, 80),
            ["ctrl-w, alt-backspace, ctrl-backspace"]
        );
        assert_eq!(
            key_lines(&keys, 3),
            ["ctrl-w,", "alt-backspace,", "ctrl-backspace"]
        );
        let lines = text(&Keymap::default(), 78);
        let at = lines
            .iter()
            .position(|l| l.ends_with("ctrl-w, alt-backspace,  delete a word"));
        let at = at.expect("delete a word");
        assert_eq!(lines[at + 1].trim_start(), "ctrl-backspace");
        assert_eq!(
            text::width(&lines[at]),
            text::width(&lines[at + 1]) + "  delete a word".len()
        );
    }

    #[test]
    fn narrow_help_puts_the_words_under_the_keys() {
        let lines = text(&Keymap::default(), 20);
        let at = lines.iter().position(|l| l == "j, down").expect("j, down");
        assert_eq!(lines[at + 1], "  move down / scroll down a line");
        assert!(lines.iter().any(|l| l == "ctrl-w,"));
    }

    #[test]
    fn the_footer_names_the_scrolling_keys_in_force() {
        let mut map = Keymap::default();
        assert_eq!(overlay_footer(&map), " any key closes · j/k scroll ");
        let e = crate::keymap::parse_key("e").expect("e");
        map.bind("down", vec![e]);
        assert_eq!(overlay_footer(&map), " any key closes · e/k scroll ");
        map.bind("down", Vec::new());
        assert_eq!(overlay_footer(&map), " any key closes · k scrolls ");
        map.bind("up", Vec::new());
        assert_eq!(overlay_footer(&map), " any key closes ");
    }
}
