//! Loading the settings file from disk: missing, broken, partly wrong, and never written.

use std::fs;

use folio::action::Action;
use folio::config::{Config, DEFAULT_CONFIG, load};
use folio::keymap::{Keymap, Mode};
use folio::theme::{ColorDepth, Theme};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Color;

fn press(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

#[test]
fn a_missing_file_is_the_defaults_silently() {
    let dir = tempfile::tempdir().unwrap();
    let (config, problems) = load(&dir.path().join("folio").join("config.toml"));
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(config, Config::default());
    assert_eq!(config.keymap, Keymap::default());
    assert_eq!(
        config.theme(ColorDepth::Ansi16),
        Theme::new(ColorDepth::Ansi16)
    );
    assert!(!dir.path().join("folio").exists(), "nothing is created");
}

#[test]
fn the_printed_defaults_load_as_the_defaults() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    fs::write(&path, DEFAULT_CONFIG).unwrap();
    let (config, problems) = load(&path);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(config, Config::default());
}

#[test]
fn a_file_with_mistakes_applies_the_rest_and_is_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    let text = "\
# my settings
reading_width = 100

[keys]
quit = \"x\"
qiut = [\"q\"]
help = [\"F1\"]

[theme]
unread = \"lightgreen\"
match = \"chartreuse\"
";
    fs::write(&path, text).unwrap();
    let (config, problems) = load(&path);
    assert_eq!(
        problems,
        vec![
            r#"config.toml line 6: unknown action "qiut""#,
            r#"config.toml line 7: unknown key "F1""#,
            r#"config.toml line 11: unknown colour "chartreuse""#,
        ]
    );
    let n = Mode::Normal;
    assert_eq!(config.keymap.action(press('x'), n), Some(Action::Quit));
    assert_eq!(config.keymap.action(press('q'), n), None);
    assert_eq!(config.keymap.action(press('?'), n), Some(Action::Help));
    assert_eq!(config.reading_width, 100);
    let theme = config.theme(ColorDepth::Ansi16);
    assert_eq!(theme.unread.fg, Some(Color::LightGreen));
    assert_eq!(theme.matched, Theme::new(ColorDepth::Ansi16).matched);
    assert_eq!(fs::read_to_string(&path).unwrap(), text, "never written");
}

#[test]
fn invalid_toml_is_reported_once_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    fs::write(&path, "[keys]\nquit = \"x\"\n\n[theme\nmatch = \"red\"\n").unwrap();
    let (config, problems) = load(&path);
    assert_eq!(config, Config::default());
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with("config.toml line 4: invalid TOML: "),
        "{problems:?}"
    );
    assert!(problems[0].ends_with("; using the default settings"));
}

#[test]
fn an_unreadable_file_is_one_problem() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    fs::write(&path, b"reading_width = 90\n\xff\xfe\n").unwrap();
    let (config, problems) = load(&path);
    assert_eq!(config, Config::default());
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("cannot read"), "{problems:?}");
    // A folder where the file should be.
    let (_, problems) = load(dir.path());
    assert_eq!(problems.len(), 1, "{problems:?}");
}

#[test]
fn a_file_rebinds_the_filter_bars_keys_apart_from_the_commands() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    let text =
        "[keys]\nback = \"x\"\nfilter_clear = [\"esc\", \"ctrl-g\"]\nfilter_accept = \"x\"\n";
    fs::write(&path, text).unwrap();
    let (config, problems) = load(&path);
    assert!(problems.is_empty(), "{problems:?}");
    let map = &config.keymap;
    let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
    let ctrl_g = KeyEvent::new(KeyCode::Char('g'), KeyModifiers::CONTROL);
    assert_eq!(map.action(esc, Mode::Typing), Some(Action::FilterClear));
    assert_eq!(map.action(ctrl_g, Mode::Typing), Some(Action::FilterClear));
    assert_eq!(
        map.action(press('x'), Mode::Typing),
        Some(Action::FilterAccept)
    );
    assert_eq!(map.action(press('x'), Mode::Normal), Some(Action::Back));
    assert_eq!(map.action(esc, Mode::Normal), None, "esc was back's only");
    assert_eq!(map.action(ctrl_g, Mode::Normal), None);
}
