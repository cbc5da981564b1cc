//! The `[actions]` section: the user's own commands, each with a key, that the article (or the
//! marked ones) is piped to, as television and newsboat allow:
//! `summarize = { key = "X", run = "llm -s 'summarize'" }`.

use std::collections::HashSet;

use toml::de::{DeTable, DeValue};

use super::Report;
use crate::keymap::{Keymap, parse_key};
use crate::text::sanitize_text;

/// Reads the table in file order, giving each action its key in `keymap`; the actions, as name
/// and command, numbered as the keymap numbers them. A bad entry is reported and left out.
pub(super) fn read(
    table: &DeTable<'_>,
    keymap: &mut Keymap,
    report: &mut Report<'_>,
) -> Vec<(String, String)> {
    let mut entries: Vec<_> = table.iter().collect();
    entries.sort_by_key(|(k, _)| k.span().start);
    let mut out = Vec::new();
    let mut keys = HashSet::new();
    for (name, value) in entries {
        let name = sanitize_text(name.get_ref().as_ref());
        let DeValue::Table(fields) = value.get_ref() else {
            report.at(
                value,
                format!("action {name:?} must be {{ key = \"X\", run = \"command\" }}"),
            );
            continue;
        };
        let field = |want: &str| {
            fields
                .iter()
                .find(|(k, _)| k.get_ref().as_ref() == want)
                .and_then(|(_, v)| v.get_ref().as_str().map(str::to_owned))
        };
        let unknown = fields
            .iter()
            .map(|(k, _)| k.get_ref().as_ref())
            .find(|k| *k != "key" && *k != "run");
        if let Some(other) = unknown {
            report.at(
                value,
                format!("action {name:?}: unknown field {other:?} (key, run)"),
            );
            continue;
        }
        let Some(key) = field("key").as_deref().and_then(parse_key) else {
            report.at(
                value,
                format!("action {name:?} needs a key, e.g. key = \"X\""),
            );
            continue;
        };
        let Some(run) = field("run").filter(|r| !r.trim().is_empty()) else {
            report.at(
                value,
                format!("action {name:?} needs a command, e.g. run = \"wc -w\""),
            );
            continue;
        };
        if !keys.insert(key) {
            report.at(
                value,
                format!("action {name:?}: its key is another action's"),
            );
            continue;
        }
        keymap.bind_user_action(&name, key);
        out.push((name, run));
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    use crate::action::Action;
    use crate::config::Config;
    use crate::keymap::Mode;

    #[test]
    fn actions_get_their_keys_from_the_commands_that_had_them() {
        let (config, problems) = Config::parse(
            "[actions]\nsummarize = { key = \"m\", run = \"llm -s 'summarize'\" }\n\
             count = { key = \"W\", run = \"wc -w\" }\n\
             twice = { key = \"W\", run = \"x\" }\nbad = { key = \"W\" }\nodd = 3\n",
            "config.toml",
        );
        assert_eq!(
            config.actions,
            [
                ("summarize".to_string(), "llm -s 'summarize'".to_string()),
                ("count".to_string(), "wc -w".to_string())
            ]
        );
        assert_eq!(problems.len(), 3, "{problems:?}");
        let key = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        let keymap = &config.keymap;
        assert_eq!(
            keymap.action(key('m'), Mode::Normal),
            Some(Action::RunUserAction(0))
        );
        assert_eq!(
            keymap.action(key('W'), Mode::Normal),
            Some(Action::RunUserAction(1))
        );
        assert!(
            keymap
                .keys_for(&Action::ToggleRead, Mode::Normal)
                .is_empty(),
            "m was toggle_read's"
        );
        assert_eq!(
            keymap.action(key('m'), Mode::Typing),
            Some(Action::FilterChar('m'))
        );
    }
}
