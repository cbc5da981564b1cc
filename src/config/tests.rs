//! Unit tests of settings parsing: defaults, keys, theme, widths and problem lines.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::{Color, Modifier};

use super::*;
use crate::action::Action;
use crate::keymap::{Mode, TABLE};

fn parse(text: &str) -> (Config, Vec<String>) {
    Config::parse(text, "config.toml")
}

fn press(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

#[test]
fn defaults_parse_cleanly_and_equal_the_built_in_keymap() {
    // Config::default() is the asset read over the bare settings: cleanly, restating them.
    let (default, problems) = Config::bare().read_text(DEFAULT_CONFIG, "config.toml");
    assert_eq!(problems, Vec::<String>::new());
    assert_eq!(default, Config::default());
    let (config, problems) = parse(DEFAULT_CONFIG);
    assert_eq!(problems, Vec::<String>::new());
    assert_eq!(config, Config::default());
    assert_eq!(default.keymap, Keymap::default());
    assert_eq!(default.reading_width, READING_WIDTH);
    assert_eq!(default.theme_overrides, ThemeOverrides::default());
    assert_eq!(default, Config::bare());
}

#[test]
fn defaults_list_every_action_with_its_built_in_keys_in_table_order() {
    // Not only equal after loading (which missing entries would also give): listed, live.
    let table = DeTable::parse(DEFAULT_CONFIG).unwrap();
    let Some(DeValue::Table(keys)) = table.get_ref().get("keys").map(|v| v.get_ref()) else {
        panic!("no [keys] table");
    };
    let mut listed: Vec<_> = keys.iter().collect();
    listed.sort_by_key(|(name, _)| name.span().start);
    let names: Vec<&str> = listed.iter().map(|(n, _)| n.get_ref().as_ref()).collect();
    let want: Vec<&str> = TABLE.iter().map(|e| e.name).collect();
    assert_eq!(names, want, "[keys] lists the table's actions in its order");
    for ((name, value), entry) in listed.iter().zip(TABLE) {
        let DeValue::Array(items) = value.get_ref() else {
            panic!("{} is not a list", name.get_ref());
        };
        let file: Vec<&str> = items
            .iter()
            .map(|v| v.get_ref().as_str().unwrap())
            .collect();
        assert_eq!(file, entry.keys, "{}", entry.name);
    }
}

#[test]
fn the_defaults_comment_names_the_actions_that_work_in_overlays() {
    let names: Vec<&str> = TABLE
        .iter()
        .filter(|e| e.modes.contains(&Mode::Overlay) && e.modes.contains(&Mode::Normal))
        .map(|e| e.name)
        .collect();
    let (last, rest) = names.split_last().unwrap();
    let want = format!("{} and {last} work", rest.join(", "));
    let closing: Vec<&str> = TABLE
        .iter()
        .filter(|e| e.modes == [Mode::Overlay] && e.action == Action::Back)
        .map(|e| e.name)
        .collect();
    let want = format!("{want} there too, {} closes the window", closing.join(", "));
    let comment: String = DEFAULT_CONFIG
        .lines()
        .filter_map(|l| l.strip_prefix("# "))
        .collect::<Vec<_>>()
        .join(" ");
    assert!(comment.contains(&want), "config.toml should say: {want}");
}

#[test]
fn default_theme_examples_are_valid_when_uncommented() {
    let uncommented: String = DEFAULT_CONFIG
        .split_once("[theme]")
        .unwrap()
        .1
        .lines()
        .map(|l| l.strip_prefix("# ").unwrap_or(l))
        .collect::<Vec<_>>()
        .join("\n");
    let (config, problems) = parse(&format!("[theme]\n{uncommented}"));
    assert_eq!(problems, Vec::<String>::new());
    assert_eq!(config.theme_overrides.roles.len(), Role::ALL.len());
    // Commented out, they change nothing: the built-in theme holds.
    assert_eq!(
        parse(DEFAULT_CONFIG).0.theme(ColorDepth::Ansi16),
        Theme::new(ColorDepth::Ansi16)
    );
}

#[test]
fn binding_quit_to_x_frees_q() {
    let (config, problems) = parse("[keys]\nquit = \"x\"\n");
    assert!(problems.is_empty(), "{problems:?}");
    let n = Mode::Normal;
    assert_eq!(config.keymap.action(press('x'), n), Some(Action::Quit));
    assert_eq!(config.keymap.action(press('q'), n), None);
    assert_eq!(config.keymap.action(press('j'), n), Some(Action::Down));
}

#[test]
fn a_key_taken_from_another_action() {
    let (config, _) = parse("[keys]\nquit = [\"j\"]\n");
    let n = Mode::Normal;
    assert_eq!(config.keymap.action(press('j'), n), Some(Action::Quit));
    let down = KeyEvent::new(KeyCode::Down, KeyModifiers::NONE);
    assert_eq!(config.keymap.action(down, n), Some(Action::Down));
}

#[test]
fn a_key_given_twice_stays_with_the_first() {
    let text = "[keys]\nhelp = [\"h\"]\nquit = [\"x\", \"h\"]\n";
    let (config, problems) = parse(text);
    assert_eq!(
        problems,
        vec![r#"config.toml line 3: key "h" is already bound to help; not bound to quit"#]
    );
    let n = Mode::Normal;
    assert_eq!(config.keymap.action(press('h'), n), Some(Action::Help));
    assert_eq!(config.keymap.action(press('x'), n), Some(Action::Quit));
    let (config, problems) = parse("[keys]\nhelp = \"h\"\nquit = \"h\"\n");
    assert_eq!(problems.len(), 1);
    assert_eq!(
        config.keymap.action(press('q'), n),
        Some(Action::Quit),
        "quit keeps its defaults"
    );
    assert_eq!(config.keymap.action(press('h'), n), Some(Action::Help));
}

#[test]
fn an_empty_list_unbinds() {
    let (config, problems) = parse("[keys]\nskipped = []\n");
    assert!(problems.is_empty());
    assert_eq!(config.keymap.action(press('S'), Mode::Normal), None);
}

#[test]
fn the_filter_bars_keys_can_be_rebound() {
    let text = "[keys]\nfilter_delete_word = \"ctrl-h\"\nfilter_accept = [\"enter\"]\n\
                filter_newer = \"ctrl-j\"\nfilter_older = \"ctrl-o\"\nfilter_backspace = \"ctrl-d\"\n";
    let (config, problems) = parse(text);
    assert!(problems.is_empty(), "{problems:?}");
    let t = Mode::Typing;
    let ctrl = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
    let map = &config.keymap;
    assert_eq!(map.action(ctrl('h'), t), Some(Action::FilterDeleteWord));
    assert_eq!(
        map.action(ctrl('w'), t),
        None,
        "ctrl-w is no longer the filter bar's"
    );
    assert_eq!(map.action(ctrl('j'), t), Some(Action::FilterNewer));
    assert_eq!(map.action(ctrl('o'), t), Some(Action::FilterOlder));
    assert_eq!(
        map.action(ctrl('d'), t),
        Some(Action::FilterBackspace),
        "taken from filter_delete"
    );
    let tab = KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE);
    assert_eq!(
        map.action(tab, t),
        Some(Action::SwitchPane),
        "tab no longer accepts, so it is the command"
    );
    assert_eq!(map.action(ctrl('j'), Mode::Normal), None);
}

#[test]
fn a_key_is_taken_from_an_action_of_the_same_mode_only() {
    let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
    let (config, problems) = parse("[keys]\nhelp = \"esc\"\n");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(config.keymap.action(esc, Mode::Normal), Some(Action::Help));
    assert_eq!(config.keymap.action(esc, Mode::Overlay), Some(Action::Help));
    assert_eq!(
        config.keymap.action(esc, Mode::Typing),
        Some(Action::FilterClear)
    );

    let (config, problems) = parse("[keys]\nfilter_newer = \"x\"\nquit = \"x\"\n");
    assert!(
        problems.is_empty(),
        "two modes may share a key: {problems:?}"
    );
    assert_eq!(
        config.keymap.action(press('x'), Mode::Typing),
        Some(Action::FilterNewer)
    );
    assert_eq!(
        config.keymap.action(press('x'), Mode::Normal),
        Some(Action::Quit)
    );

    let (config, problems) = parse("[keys]\nfilter_accept = \"enter\"\nfilter_clear = \"enter\"\n");
    assert_eq!(
        problems,
        vec![
            r#"config.toml line 3: key "enter" is already bound to filter_accept; not bound to filter_clear"#
        ]
    );
    let enter = KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(
        config.keymap.action(enter, Mode::Typing),
        Some(Action::FilterAccept)
    );
    assert_eq!(
        config.keymap.action(esc, Mode::Typing),
        Some(Action::FilterClear)
    );
    assert_eq!(
        config.keymap.action(enter, Mode::Normal),
        Some(Action::Open)
    );
}

#[test]
fn problems_name_their_line_and_the_rest_applies() {
    let text = "\
reading_width = 72
colour = 1
[keys]
qiut = [\"q\"]
help = [\"h\", \"ctlr-x\"]
top = [\"t\"]

[theme]
match = \"yelow\"
muted = 300
title = { fg = \"cyan\", modifiers = [\"blinky\"] }
border = { fgg = \"red\" }
unread = \"red\"
slection = \"red\"
";
    let (config, problems) = parse(text);
    assert_eq!(
        problems,
        vec![
            r#"config.toml line 2: unknown setting "colour""#,
            r#"config.toml line 4: unknown action "qiut""#,
            r#"config.toml line 5: unknown key "ctlr-x""#,
            r#"config.toml line 9: unknown colour "yelow""#,
            "config.toml line 10: unknown colour 300",
            r#"config.toml line 11: unknown modifier "blinky" (bold, dim, italic, underlined, reversed, crossed_out)"#,
            r#"config.toml line 12: unknown field "fgg" in theme.border (fg, bg, modifiers)"#,
            r#"config.toml line 14: unknown theme role "slection""#,
        ]
    );
    let n = Mode::Normal;
    assert_eq!(config.reading_width, 72);
    assert_eq!(
        config.keymap.action(press('?'), n),
        Some(Action::Help),
        "help keeps its default"
    );
    assert_eq!(
        config.keymap.action(press('h'), n),
        Some(Action::ScrollLeft),
        "h keeps its default"
    );
    assert_eq!(
        config.keymap.action(press('t'), n),
        Some(Action::Top),
        "the rest applies"
    );
    let theme = config.theme(ColorDepth::Ansi16);
    let built_in = Theme::new(ColorDepth::Ansi16);
    assert_eq!(theme.matched, built_in.matched);
    assert_eq!(theme.muted, built_in.muted);
    assert_eq!(theme.title, built_in.title);
    assert_eq!(theme.border, built_in.border);
    assert_eq!(theme.unread.fg, Some(Color::Red));
}

#[test]
fn invalid_toml_is_one_problem_and_all_defaults() {
    let text = "reading_width = 60\n[keys]\nquit = [\"x\"\nhelp = \"h\"\n";
    let (config, problems) = parse(text);
    assert_eq!(config, Config::default());
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with("config.toml line 4: invalid TOML: "),
        "{problems:?}"
    );
    let (_, dup) = parse("[keys]\nquit = \"x\"\nquit = \"y\"\n");
    assert!(
        dup[0].starts_with("config.toml line 3: invalid TOML"),
        "{dup:?}"
    );
}

#[test]
fn wrong_types_are_reported() {
    let text = "keys = 3\nreading_width = \"wide\"\n[theme]\nmatch = true\nmuted = { modifiers = \"bold\" }\n";
    let (config, problems) = parse(text);
    assert_eq!(
        problems,
        vec![
            "config.toml line 1: keys must be a table ([keys])",
            "config.toml line 2: reading_width must be a whole number from 20 to 1000",
            "config.toml line 4: unknown colour (boolean)",
            r#"config.toml line 5: modifiers must be a list, e.g. ["bold"]"#,
        ]
    );
    assert_eq!(config, Config::default());
    let (_, bad_key_list) = parse("[keys]\nquit = 1\n");
    assert_eq!(bad_key_list.len(), 1);
    assert!(bad_key_list[0].starts_with("config.toml line 2: keys must be"));
}

#[test]
fn reading_width_bounds() {
    for (text, want) in [
        ("20", 20),
        ("1000", 1000),
        ("19", 80),
        ("1001", 80),
        ("-5", 80),
        ("0x40", 64),
    ] {
        let (config, _) = parse(&format!("reading_width = {text}"));
        assert_eq!(config.reading_width, want, "{text}");
    }
}

#[test]
fn user_colours_lie_over_the_theme_for_each_depth() {
    let text = "[theme]\nmatch = \"#ffaf00\"\nselection = { bg = 18, modifiers = [\"bold\"] }\n";
    let (config, problems) = parse(text);
    assert!(problems.is_empty(), "{problems:?}");
    let rich = config.theme(ColorDepth::TrueColor);
    assert_eq!(rich.matched.fg, Some(Color::Rgb(0xff, 0xaf, 0)));
    assert_eq!(
        rich.matched.add_modifier,
        Theme::new(ColorDepth::TrueColor).matched.add_modifier,
        "modifiers not given are kept"
    );
    assert_eq!(rich.selection.bg, Some(Color::Indexed(18)));
    assert_eq!(
        rich.selection.add_modifier,
        Modifier::BOLD,
        "given modifiers replace"
    );
    assert_eq!(
        config.theme(ColorDepth::Indexed256).matched.fg,
        Some(Color::Indexed(214))
    );
    assert_eq!(
        config.theme(ColorDepth::Ansi16).matched.fg,
        Some(Color::Yellow)
    );
    assert_eq!(
        config.theme(ColorDepth::Ansi16).selection.bg,
        Some(Color::Blue)
    );
    assert_eq!(
        config.theme(ColorDepth::None),
        Theme::new(ColorDepth::None),
        "NO_COLOR ignores the user's colours"
    );
}

#[test]
fn lines_of_offsets() {
    assert_eq!(line_of("a\nb\nc", 0), 1);
    assert_eq!(line_of("a\nb\nc", 2), 2);
    assert_eq!(line_of("a\nb\nc", 4), 3);
    assert_eq!(line_of("a\nb\nc", 99), 3);
}
