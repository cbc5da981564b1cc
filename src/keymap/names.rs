//! Key names as the config file and the help overlay write them (`q`, `ctrl-c`, `pagedown`).

use ratatui::crossterm::event::KeyCode;

use super::Key;

/// The named keys other than single characters, as `parse_key` reads them and `key_name`
/// writes them.
const NAMED: &[(&str, KeyCode)] = &[
    ("down", KeyCode::Down),
    ("up", KeyCode::Up),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("pagedown", KeyCode::PageDown),
    ("pageup", KeyCode::PageUp),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("enter", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("backtab", KeyCode::BackTab),
    ("backspace", KeyCode::Backspace),
    ("delete", KeyCode::Delete),
    ("space", KeyCode::Char(' ')),
];

/// Parses a key name: a single character (`q`, `G`, `?`), a named key (`down`, `pagedown`,
/// `space`, `enter`, `esc`, `tab`), optionally prefixed by `ctrl-` and/or `alt-`.
pub fn parse_key(name: &str) -> Option<Key> {
    let mut rest = name;
    let (mut ctrl, mut alt) = (false, false);
    loop {
        if let Some(r) = rest.strip_prefix("ctrl-").filter(|r| !r.is_empty()) {
            ctrl = true;
            rest = r;
        } else if let Some(r) = rest.strip_prefix("alt-").filter(|r| !r.is_empty()) {
            alt = true;
            rest = r;
        } else {
            break;
        }
    }
    let mut chars = rest.chars();
    let code = match (chars.next(), chars.next()) {
        (Some(c), None) => KeyCode::Char(c),
        _ => {
            let lower = rest.to_ascii_lowercase();
            NAMED.iter().find(|(n, _)| *n == lower).map(|(_, c)| *c)?
        }
    };
    Some(Key { code, ctrl, alt })
}

/// The name of a key as `parse_key` reads it back.
pub fn key_name(key: &Key) -> String {
    let base = match NAMED.iter().find(|(_, c)| *c == key.code) {
        Some((name, _)) => (*name).to_string(),
        None => match key.code {
            KeyCode::Char(c) => c.to_string(),
            other => format!("{other:?}").to_lowercase(),
        },
    };
    let mut name = String::new();
    if key.ctrl {
        name.push_str("ctrl-");
    }
    if key.alt {
        name.push_str("alt-");
    }
    name.push_str(&base);
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_names_round_trip() {
        for name in [
            "q",
            "ctrl-c",
            "pagedown",
            "space",
            "G",
            "?",
            "alt-x",
            "esc",
            "ctrl-alt-x",
            "alt-backspace",
            "backtab",
        ] {
            let key = parse_key(name).expect(name);
            assert_eq!(key_name(&key), name);
        }
        for (name, _) in NAMED {
            assert_eq!(
                parse_key(name).map(|k| key_name(&k)).as_deref(),
                Some(*name)
            );
        }
    }

    #[test]
    fn names_are_read_loosely_and_unknown_ones_refused() {
        assert_eq!(parse_key("PageDown"), parse_key("pagedown"));
        assert_eq!(parse_key("alt-ctrl-x"), parse_key("ctrl-alt-x"));
        let dash = Key {
            code: KeyCode::Char('-'),
            ctrl: true,
            alt: false,
        };
        assert_eq!(parse_key("ctrl--"), Some(dash));
        for bad in ["nonsense", "", "ctrl-", "ctrl-nonsense", "F1"] {
            assert_eq!(parse_key(bad), None, "{bad}");
        }
    }
}
