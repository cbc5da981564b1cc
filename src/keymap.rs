//! Keys to Actions: one pure function over the one bindings table ([`TABLE`]), which the help
//! overlay, the default config and the README are derived from.

mod markdown;
mod names;
mod table;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::action::Action;

pub use markdown::markdown_table;
pub use names::{key_name, parse_key};
pub use table::{Entry, TABLE, entry_named};

/// How keys are read: as commands, as text typed into the filter bar, or in an overlay.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    /// Keys are commands looked up in the table.
    Normal,
    /// The filter bar has focus: its own keys, then a plain character is text, then any other
    /// key is a command as in [`Mode::Normal`].
    Typing,
    /// The help or the skipped files are shown: the commands that work there, and any other
    /// key closes the window ([`Action::Back`]).
    Overlay,
}

/// One key, as written in the help overlay and in a config file (`q`, `ctrl-c`, `pagedown`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

/// An entry of the table and the keys it has now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub entry: &'static Entry,
    pub keys: Vec<Key>,
}

/// The bindings in force: the table's, with the user's keys laid over them, and the keys of
/// the user's own actions (`[actions]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    bindings: Vec<Binding>,
    /// The user's actions: key and name, numbered as [`Action::RunUserAction`] numbers them.
    user: Vec<(Key, String)>,
}

impl Default for Keymap {
    fn default() -> Self {
        let bindings = TABLE
            .iter()
            .map(|entry| Binding {
                entry,
                keys: entry.keys.iter().filter_map(|k| parse_key(k)).collect(),
            })
            .collect();
        Keymap {
            bindings,
            user: Vec::new(),
        }
    }
}

impl Keymap {
    /// The bindings, in help order.
    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    /// The bindings whose keys work in `mode`, in help order.
    pub fn bindings_in(&self, mode: Mode) -> impl Iterator<Item = &Binding> {
        self.bindings
            .iter()
            .filter(move |b| b.entry.modes.contains(&mode))
    }

    /// The keys that ask for `action` in `mode` (none if no binding there does).
    pub fn keys_for(&self, action: &Action, mode: Mode) -> &[Key] {
        self.bindings_in(mode)
            .find(|b| &b.entry.action == action)
            .map_or(&[], |b| b.keys.as_slice())
    }

    /// Gives the action with config name `name` these keys (as a config file does), taking them
    /// from any other action whose keys work in the same mode. False for an unknown name.
    pub fn bind(&mut self, name: &str, keys: Vec<Key>) -> bool {
        let Some(entry) = entry_named(name) else {
            return false;
        };
        for b in &mut self.bindings {
            if b.entry.name == name {
                b.keys.clone_from(&keys);
            } else if b.entry.shares_a_mode(entry) {
                b.keys.retain(|k| !keys.contains(k));
            }
        }
        true
    }

    /// Gives the user's action `name` (the next number) this key in the list and the reader,
    /// taking it from the command that had it there.
    pub fn bind_user_action(&mut self, name: &str, key: Key) {
        for b in &mut self.bindings {
            if b.entry.modes.contains(&Mode::Normal) {
                b.keys.retain(|k| *k != key);
            }
        }
        self.user.push((key, name.to_owned()));
    }

    /// The user's actions: key and name.
    pub fn user_actions(&self) -> &[(Key, String)] {
        &self.user
    }

    /// The action for a key event in `mode`, if any. Only presses act: releases and
    /// auto-repeats (where the terminal reports them) give nothing, so each key acts once.
    pub fn action(&self, event: KeyEvent, mode: Mode) -> Option<Action> {
        if event.kind != KeyEventKind::Press {
            return None;
        }
        let key = Key::from_event(event);
        if let Some(action) = self.bound(key, mode) {
            return Some(action);
        }
        match mode {
            Mode::Normal => None,
            Mode::Typing => match key {
                Key {
                    code: KeyCode::Char(c),
                    ctrl: false,
                    alt: false,
                } => Some(Action::FilterChar(c)),
                _ => self.bound(key, Mode::Normal),
            },
            Mode::Overlay => closes(key.code).then_some(Action::Back),
        }
    }

    fn bound(&self, key: Key, mode: Mode) -> Option<Action> {
        if mode == Mode::Normal
            && let Some(i) = self.user.iter().position(|(k, _)| *k == key)
        {
            return Some(Action::RunUserAction(i));
        }
        self.bindings_in(mode)
            .find(|b| b.keys.contains(&key))
            .map(|b| b.entry.action.clone())
    }
}

/// Whether pressing this key closes an overlay: any key but a modifier or a lock on its own
/// (which only terminals reporting every key event send).
fn closes(code: KeyCode) -> bool {
    !matches!(
        code,
        KeyCode::Modifier(_) | KeyCode::CapsLock | KeyCode::NumLock | KeyCode::ScrollLock
    )
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
mod tests;
