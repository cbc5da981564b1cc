//! Keys to Actions: one pure table, which the help overlay is drawn from.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::action::Action;

mod names;

pub use names::{key_name, parse_key};

/// How keys are read: as commands, or as text typed into the filter bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Keys are commands looked up in the table.
    Normal,
    /// Keys are typed into the filter bar.
    Typing,
}

/// One key, as written in the help overlay and in a config file (`q`, `ctrl-c`, `pagedown`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

/// An action, the keys bound to it and the words the help overlay shows for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub action: Action,
    pub keys: Vec<Key>,
}

/// The bindings in force.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

/// The actions a user can bind, with their config names and help text, in help order.
pub const BINDABLE: &[(Action, &str, &str)] = &[
    (Action::Down, "down", "move down / scroll down a line"),
    (Action::Up, "up", "move up / scroll up a line"),
    (Action::PageDown, "page_down", "page down"),
    (Action::PageUp, "page_up", "page up"),
    (Action::Top, "top", "first article / top of text"),
    (Action::Bottom, "bottom", "last article / end of text"),
    (
        Action::SwitchPane,
        "switch_pane",
        "switch between list and reader",
    ),
    (Action::Open, "open", "open article / reading mode"),
    (Action::Back, "back", "close overlay / leave reading mode"),
    (Action::Filter, "filter", "filter the list"),
    (Action::NextHit, "next_hit", "next hit of the filter"),
    (Action::PrevHit, "prev_hit", "previous hit of the filter"),
    (
        Action::ReadingMode,
        "reading_mode",
        "full-width reading mode",
    ),
    (Action::NextUnread, "next_unread", "next unread article"),
    (Action::ToggleRead, "toggle_read", "mark read / unread"),
    (
        Action::ToggleMark,
        "toggle_mark",
        "mark / unmark the article",
    ),
    (
        Action::MarkedOnly,
        "marked_only",
        "show only marked articles / all",
    ),
    (Action::CycleSort, "sort", "sort by rank, date, title, path"),
    (Action::Copy, "copy", "copy title and path (OSC 52)"),
    (Action::Skipped, "skipped", "files skipped while loading"),
    (Action::Help, "help", "this help"),
    (Action::Quit, "quit", "quit"),
    (Action::Suspend, "suspend", "suspend folio (fg resumes)"),
];

const DEFAULT_KEYS: &[(&str, &[&str])] = &[
    ("down", &["j", "down"]),
    ("up", &["k", "up"]),
    ("page_down", &["space", "pagedown", "ctrl-f"]),
    ("page_up", &["b", "pageup", "ctrl-b"]),
    ("top", &["g", "home"]),
    ("bottom", &["G", "end"]),
    ("switch_pane", &["tab", "backtab"]),
    ("open", &["enter"]),
    ("back", &["esc"]),
    ("filter", &["/"]),
    ("next_hit", &["n"]),
    ("prev_hit", &["N"]),
    ("reading_mode", &["z"]),
    ("next_unread", &["u"]),
    ("toggle_read", &["m"]),
    ("toggle_mark", &["M"]),
    ("marked_only", &["'"]),
    ("sort", &["s"]),
    ("copy", &["y"]),
    ("skipped", &["S"]),
    ("help", &["?"]),
    ("quit", &["q", "ctrl-c"]),
    ("suspend", &["ctrl-z"]),
];

impl Default for Keymap {
    fn default() -> Self {
        let bindings = DEFAULT_KEYS
            .iter()
            .filter_map(|(name, keys)| {
                let action = action_by_name(name)?;
                let keys = keys.iter().filter_map(|k| parse_key(k)).collect();
                Some(Binding { action, keys })
            })
            .collect();
        Keymap { bindings }
    }
}

impl Keymap {
    /// The bindings, in help order.
    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    /// Replaces the keys of one action (as a config file does).
    pub fn bind(&mut self, action: &Action, keys: Vec<Key>) {
        for b in &mut self.bindings {
            if &b.action == action {
                b.keys = keys.clone();
            } else {
                b.keys.retain(|k| !keys.contains(k));
            }
        }
    }

    /// The action for a key event in the given mode, if any. Key releases are ignored.
    pub fn action(&self, event: KeyEvent, mode: Mode) -> Option<Action> {
        if event.kind == KeyEventKind::Release {
            return None;
        }
        let key = Key::from_event(event);
        if mode == Mode::Typing
            && let Some(action) = typing_action(key)
        {
            return Some(action);
        }
        self.bindings
            .iter()
            .find(|b| b.keys.contains(&key))
            .map(|b| b.action.clone())
    }
}

/// Keys while typing into the filter bar; `None` falls through to the table (for `ctrl-c`).
fn typing_action(key: Key) -> Option<Action> {
    match (key.code, key.ctrl, key.alt) {
        (KeyCode::Esc, _, _) => Some(Action::FilterClear),
        (KeyCode::Enter, _, _) => Some(Action::FilterAccept),
        (KeyCode::Backspace, false, false) => Some(Action::FilterBackspace),
        (KeyCode::Backspace, _, _) | (KeyCode::Char('w'), true, false) => {
            Some(Action::FilterDeleteWord)
        }
        (KeyCode::Down, _, _) | (KeyCode::Char('n'), true, false) => Some(Action::Down),
        (KeyCode::Up, _, _) | (KeyCode::Char('p'), true, false) => Some(Action::Up),
        (KeyCode::Tab, _, _) => Some(Action::FilterAccept),
        (KeyCode::Char(c), false, false) => Some(Action::FilterChar(c)),
        _ => None,
    }
}

/// Looks up a bindable action by its config name.
pub fn action_by_name(name: &str) -> Option<Action> {
    BINDABLE
        .iter()
        .find(|(_, n, _)| *n == name)
        .map(|(a, _, _)| a.clone())
}

/// The config name of a bindable action.
pub fn action_name(action: &Action) -> Option<&'static str> {
    BINDABLE
        .iter()
        .find(|(a, _, _)| a == action)
        .map(|(_, n, _)| *n)
}

/// The help text of a bindable action.
pub fn action_help(action: &Action) -> &'static str {
    BINDABLE
        .iter()
        .find(|(a, _, _)| a == action)
        .map_or("", |(_, _, h)| *h)
}

impl Key {
    /// The key of a terminal key event; Shift is folded into the character.
    pub fn from_event(event: KeyEvent) -> Key {
        Key {
            code: event.code,
            ctrl: event.modifiers.contains(KeyModifiers::CONTROL),
            alt: event.modifiers.contains(KeyModifiers::ALT),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn default_table_covers_every_bindable_action() {
        let map = Keymap::default();
        for (action, name, _) in BINDABLE {
            let b = map.bindings().iter().find(|b| &b.action == action);
            assert!(b.is_some_and(|b| !b.keys.is_empty()), "{name} has no key");
        }
    }

    #[test]
    fn every_default_key_names_a_bindable_action() {
        for (name, _) in DEFAULT_KEYS {
            assert!(action_by_name(name).is_some(), "{name} is not bindable");
        }
        assert_eq!(DEFAULT_KEYS.len(), BINDABLE.len());
    }

    #[test]
    fn normal_keys() {
        let map = Keymap::default();
        let n = Mode::Normal;
        assert_eq!(
            map.action(press(KeyCode::Char('j'), KeyModifiers::NONE), n),
            Some(Action::Down)
        );
        assert_eq!(
            map.action(press(KeyCode::Down, KeyModifiers::NONE), n),
            Some(Action::Down)
        );
        assert_eq!(
            map.action(press(KeyCode::Char('G'), KeyModifiers::SHIFT), n),
            Some(Action::Bottom)
        );
        assert_eq!(
            map.action(press(KeyCode::Char('c'), KeyModifiers::CONTROL), n),
            Some(Action::Quit)
        );
        assert_eq!(
            map.action(press(KeyCode::Char(' '), KeyModifiers::NONE), n),
            Some(Action::PageDown)
        );
        assert_eq!(
            map.action(press(KeyCode::Char('x'), KeyModifiers::NONE), n),
            None
        );
    }

    #[test]
    fn typing_keys_are_text_but_ctrl_c_still_quits() {
        let map = Keymap::default();
        let t = Mode::Typing;
        assert_eq!(
            map.action(press(KeyCode::Char('q'), KeyModifiers::NONE), t),
            Some(Action::FilterChar('q'))
        );
        assert_eq!(
            map.action(press(KeyCode::Char('c'), KeyModifiers::CONTROL), t),
            Some(Action::Quit)
        );
        assert_eq!(
            map.action(press(KeyCode::Esc, KeyModifiers::NONE), t),
            Some(Action::FilterClear)
        );
        assert_eq!(
            map.action(press(KeyCode::Enter, KeyModifiers::NONE), t),
            Some(Action::FilterAccept)
        );
    }

    #[test]
    fn releases_are_ignored() {
        let map = Keymap::default();
        let mut ev = press(KeyCode::Char('j'), KeyModifiers::NONE);
        ev.kind = KeyEventKind::Release;
        assert_eq!(map.action(ev, Mode::Normal), None);
    }

    #[test]
    fn rebinding_moves_a_key() {
        let mut map = Keymap::default();
        let x = parse_key("x").expect("x");
        map.bind(&Action::Quit, vec![x]);
        let n = Mode::Normal;
        assert_eq!(
            map.action(press(KeyCode::Char('x'), KeyModifiers::NONE), n),
            Some(Action::Quit)
        );
        assert_eq!(
            map.action(press(KeyCode::Char('q'), KeyModifiers::NONE), n),
            None
        );
    }
}
