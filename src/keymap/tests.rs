//! Unit tests of the keymap: the table, each mode's keys, rebinding, and the README's table.

use std::collections::HashSet;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers, ModifierKeyCode};

use super::*;
use crate::action::Edit;

const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;
const ALT: KeyModifiers = KeyModifiers::ALT;
const ALL_MODES: [Mode; 3] = [Mode::Normal, Mode::Typing, Mode::Overlay];

fn press(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, mods)
}

fn ch(c: char) -> KeyEvent {
    press(KeyCode::Char(c), NONE)
}

fn key(name: &str) -> Key {
    parse_key(name).expect(name)
}

#[test]
fn the_default_keymap_is_the_table_with_every_key_understood() {
    let map = Keymap::default();
    assert_eq!(map.bindings().len(), TABLE.len());
    let mut names = HashSet::new();
    for (b, e) in map.bindings().iter().zip(TABLE) {
        assert_eq!(b.entry, e);
        assert!(names.insert(e.name), "{} is in the table twice", e.name);
        assert!(!e.help.is_empty() && !e.modes.is_empty(), "{}", e.name);
        let written: Vec<String> = b.keys.iter().map(key_name).collect();
        assert_eq!(
            written, e.keys,
            "{}: every default key parses as written",
            e.name
        );
        assert!(!b.keys.is_empty(), "{} has no key", e.name);
        assert_eq!(entry_named(e.name), Some(e));
    }
}

#[test]
fn no_two_entries_share_a_default_key_in_one_mode() {
    for mode in ALL_MODES {
        let mut seen: Vec<(Key, &str)> = Vec::new();
        for b in Keymap::default().bindings_in(mode) {
            for k in &b.keys {
                if let Some((_, first)) = seen.iter().find(|(s, _)| s == k) {
                    panic!("{mode:?}: {} is {first} and {}", key_name(k), b.entry.name);
                }
                seen.push((*k, b.entry.name));
            }
        }
    }
}

#[test]
fn normal_keys() {
    let map = Keymap::default();
    let n = Mode::Normal;
    assert_eq!(map.action(ch('j'), n), Some(Action::Down));
    assert_eq!(
        map.action(press(KeyCode::Down, NONE), n),
        Some(Action::Down)
    );
    let shift_g = press(KeyCode::Char('G'), KeyModifiers::SHIFT);
    assert_eq!(map.action(shift_g, n), Some(Action::Bottom));
    let ctrl_c = press(KeyCode::Char('c'), CTRL);
    assert_eq!(map.action(ctrl_c, n), Some(Action::Quit));
    let ctrl_z = press(KeyCode::Char('z'), CTRL);
    assert_eq!(map.action(ctrl_z, n), Some(Action::Suspend));
    assert_eq!(map.action(ch(' '), n), Some(Action::PageDown));
    assert_eq!(map.action(press(KeyCode::Esc, NONE), n), Some(Action::Back));
    assert_eq!(map.action(ch('x'), n), None);
    assert_eq!(map.action(press(KeyCode::Backspace, NONE), n), None);
}

#[test]
fn typing_keys_are_text_and_the_rest_fall_through_to_commands() {
    let map = Keymap::default();
    let t = Mode::Typing;
    let cases = [
        (ch('q'), Some(Action::FilterChar('q'))),
        (ch('?'), Some(Action::FilterChar('?'))),
        (ch(' '), Some(Action::FilterChar(' '))),
        (
            press(KeyCode::Char('Q'), KeyModifiers::SHIFT),
            Some(Action::FilterChar('Q')),
        ),
        (press(KeyCode::Esc, NONE), Some(Action::FilterClear)),
        (press(KeyCode::Enter, NONE), Some(Action::FilterAccept)),
        (press(KeyCode::Tab, NONE), Some(Action::FilterAccept)),
        (
            press(KeyCode::Backspace, NONE),
            Some(Action::FilterBackspace),
        ),
        (
            press(KeyCode::Backspace, ALT),
            Some(Action::FilterDeleteWord),
        ),
        (
            press(KeyCode::Backspace, CTRL),
            Some(Action::FilterDeleteWord),
        ),
        (
            press(KeyCode::Char('w'), CTRL),
            Some(Action::FilterDeleteWord),
        ),
        (press(KeyCode::Down, NONE), Some(Action::FilterNewer)),
        (press(KeyCode::Char('n'), CTRL), Some(Action::FilterNewer)),
        (press(KeyCode::Up, NONE), Some(Action::FilterOlder)),
        (press(KeyCode::Char('p'), CTRL), Some(Action::FilterOlder)),
        (
            press(KeyCode::Left, NONE),
            Some(Action::FilterEdit(Edit::Left)),
        ),
        (
            press(KeyCode::Char('b'), CTRL),
            Some(Action::FilterEdit(Edit::Left)),
        ),
        (
            press(KeyCode::Right, NONE),
            Some(Action::FilterEdit(Edit::Right)),
        ),
        (
            press(KeyCode::Char('f'), CTRL),
            Some(Action::FilterEdit(Edit::Right)),
        ),
        (
            press(KeyCode::Char('b'), ALT),
            Some(Action::FilterEdit(Edit::WordLeft)),
        ),
        (
            press(KeyCode::Char('f'), ALT),
            Some(Action::FilterEdit(Edit::WordRight)),
        ),
        (
            press(KeyCode::Home, NONE),
            Some(Action::FilterEdit(Edit::Home)),
        ),
        (
            press(KeyCode::Char('a'), CTRL),
            Some(Action::FilterEdit(Edit::Home)),
        ),
        (
            press(KeyCode::End, NONE),
            Some(Action::FilterEdit(Edit::End)),
        ),
        (
            press(KeyCode::Char('e'), CTRL),
            Some(Action::FilterEdit(Edit::End)),
        ),
        (
            press(KeyCode::Delete, NONE),
            Some(Action::FilterEdit(Edit::Delete)),
        ),
        (
            press(KeyCode::Char('d'), CTRL),
            Some(Action::FilterEdit(Edit::Delete)),
        ),
        (
            press(KeyCode::Char('u'), CTRL),
            Some(Action::FilterEdit(Edit::KillStart)),
        ),
        (
            press(KeyCode::Char('k'), CTRL),
            Some(Action::FilterEdit(Edit::KillEnd)),
        ),
        // Not the filter bar's: commands, as in normal mode.
        (press(KeyCode::Char('c'), CTRL), Some(Action::Quit)),
        (press(KeyCode::Char('z'), CTRL), Some(Action::Suspend)),
        (press(KeyCode::BackTab, NONE), Some(Action::SwitchPane)),
        (press(KeyCode::PageDown, NONE), Some(Action::PageDown)),
        (press(KeyCode::Char('x'), CTRL), None),
        (press(KeyCode::Char('x'), ALT), None),
    ];
    for (event, want) in cases {
        assert_eq!(map.action(event, t), want, "{event:?}");
    }
}

#[test]
fn in_an_overlay_commands_that_work_there_act_and_any_other_key_closes() {
    let map = Keymap::default();
    let o = Mode::Overlay;
    let cases = [
        (ch('j'), Some(Action::Down)),
        (ch('k'), Some(Action::Up)),
        (press(KeyCode::Down, NONE), Some(Action::Down)),
        (ch(' '), Some(Action::PageDown)),
        (ch('b'), Some(Action::PageUp)),
        (ch('g'), Some(Action::Top)),
        (ch('?'), Some(Action::Help)),
        (ch('S'), Some(Action::Skipped)),
        // q and Esc close the window, as in less; they do not quit.
        (ch('q'), Some(Action::Back)),
        (press(KeyCode::Esc, NONE), Some(Action::Back)),
        (press(KeyCode::Char('z'), CTRL), Some(Action::Suspend)),
        // Any other key, bound elsewhere or not at all, closes the window.
        (ch('x'), Some(Action::Back)),
        (ch('G'), Some(Action::Back)),
        (ch('/'), Some(Action::Back)),
        // Enter takes the chosen line of a window (the link window's).
        (press(KeyCode::Enter, NONE), Some(Action::Pick)),
        (press(KeyCode::Char('c'), CTRL), Some(Action::Quit)),
        (press(KeyCode::Char('x'), CTRL), Some(Action::Back)),
        // A modifier on its own is not a key press to act on.
        (
            press(
                KeyCode::Modifier(ModifierKeyCode::LeftShift),
                KeyModifiers::SHIFT,
            ),
            None,
        ),
        (press(KeyCode::CapsLock, NONE), None),
    ];
    for (event, want) in cases {
        assert_eq!(map.action(event, o), want, "{event:?}");
    }
}

#[test]
fn releases_are_ignored() {
    let map = Keymap::default();
    for mode in ALL_MODES {
        for kind in [KeyEventKind::Release, KeyEventKind::Repeat] {
            for code in [KeyCode::Char('j'), KeyCode::Char('x'), KeyCode::Esc] {
                let mut ev = press(code, NONE);
                ev.kind = kind;
                assert_eq!(map.action(ev, mode), None, "{kind:?} {code:?} in {mode:?}");
            }
        }
    }
}

#[test]
fn rebinding_moves_a_key() {
    let mut map = Keymap::default();
    assert!(map.bind("quit", vec![key("x")]));
    let n = Mode::Normal;
    assert_eq!(map.action(ch('x'), n), Some(Action::Quit));
    assert_eq!(map.action(ch('q'), n), None);
    // Quitting is not a key of the windows: there x closes, as any key does, and so does q.
    assert_eq!(map.action(ch('x'), Mode::Overlay), Some(Action::Back));
    assert_eq!(map.action(ch('q'), Mode::Overlay), Some(Action::Back));
    assert!(!map.bind("qiut", vec![key("y")]));
    assert_eq!(map.action(ch('y'), n), Some(Action::Copy));
}

#[test]
fn a_key_is_taken_only_from_actions_of_the_same_mode() {
    let esc = press(KeyCode::Esc, NONE);
    let mut map = Keymap::default();
    map.bind("quit", vec![key("esc")]);
    assert_eq!(map.action(esc, Mode::Normal), Some(Action::Quit));
    assert_eq!(map.keys_for(&Action::Back, Mode::Normal), &[]);
    assert_eq!(map.action(esc, Mode::Typing), Some(Action::FilterClear));

    let mut map = Keymap::default();
    map.bind("filter_clear", vec![key("ctrl-g")]);
    assert_eq!(map.action(esc, Mode::Normal), Some(Action::Back));
    let ctrl_g = press(KeyCode::Char('g'), CTRL);
    assert_eq!(map.action(ctrl_g, Mode::Typing), Some(Action::FilterClear));
    // Esc is no longer the filter bar's, so it falls through to the command.
    assert_eq!(map.action(esc, Mode::Typing), Some(Action::Back));

    let mut map = Keymap::default();
    map.bind("filter_newer", vec![key("ctrl-j")]);
    let down = press(KeyCode::Down, NONE);
    assert_eq!(
        map.keys_for(&Action::FilterNewer, Mode::Typing),
        &[key("ctrl-j")]
    );
    assert_eq!(
        map.keys_for(&Action::Down, Mode::Normal),
        &[key("j"), key("down")]
    );
    assert_eq!(map.action(down, Mode::Normal), Some(Action::Down));
    assert_eq!(
        map.action(down, Mode::Typing),
        Some(Action::Down),
        "falls through to the command"
    );
    assert_eq!(
        map.action(ch('j'), Mode::Typing),
        Some(Action::FilterChar('j'))
    );
}

#[test]
fn keys_for_an_action_in_a_mode() {
    let map = Keymap::default();
    assert_eq!(
        map.keys_for(&Action::Down, Mode::Overlay),
        &[key("j"), key("down")]
    );
    assert_eq!(
        map.keys_for(&Action::FilterOlder, Mode::Typing),
        &[key("up"), key("ctrl-p")]
    );
    assert_eq!(map.keys_for(&Action::Down, Mode::Typing), &[]);
    assert_eq!(map.keys_for(&Action::Bottom, Mode::Overlay), &[]);
    assert_eq!(map.keys_for(&Action::FilterClear, Mode::Normal), &[]);
}

#[test]
fn the_markdown_table_has_a_row_per_entry() {
    let md = markdown_table();
    for e in TABLE {
        let keys: Vec<String> = e.keys.iter().map(|k| format!("`{k}`")).collect();
        let row = format!("| {} | {} |\n", keys.join(" "), e.help);
        assert_eq!(md.matches(&row).count(), 1, "{row}");
    }
    let prose = md.replace('\n', " ");
    assert!(prose.contains(
        "page down, page up, top, skipped, help, interrupt, suspend, links, saved searches and outline work"
    ));
}

#[test]
fn the_readme_shows_the_table() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    let readme = std::fs::read_to_string(path).expect("README.md");
    let section = readme
        .split_once("\n## Keys\n")
        .map(|(_, rest)| rest.split_once("\n## ").map_or(rest, |(keys, _)| keys))
        .expect("a \"## Keys\" section");
    let table = markdown_table();
    assert!(
        section.contains(&format!("\n\n{table}\n")),
        "README.md's \"## Keys\" section should show, between blank lines, exactly:\n\n{table}"
    );
    let rest = section.replace(&table, "");
    assert!(
        !rest.lines().any(|l| l.starts_with('|')),
        "README.md's \"## Keys\" section has a table row of its own:\n{rest}"
    );
}
