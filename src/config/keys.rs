//! The `[keys]` section: the keys of each action, by the names of `crate::keymap::TABLE`.

use std::collections::HashMap;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::Report;
use super::theme::shown;
use crate::keymap::{Entry, Key, Keymap, entry_named, parse_key};

/// Binds the keys the table gives, in file order, over `keymap`. An entry with an unknown action
/// or key keeps its default keys. A key given to two actions that work in the same mode stays
/// with the first (and an action left with none of the keys it was given keeps its defaults);
/// actions of different modes may share a key (`esc` is `back` and `filter_clear`).
pub(super) fn read(table: &DeTable<'_>, keymap: &mut Keymap, report: &mut Report<'_>) {
    let mut entries: Vec<_> = table.iter().collect();
    entries.sort_by_key(|(k, _)| k.span().start);
    let mut claimed: HashMap<Key, Vec<&'static Entry>> = HashMap::new();
    for (name, value) in entries {
        let name_text: &str = name.get_ref();
        let Some(entry) = entry_named(name_text) else {
            report.at(name, format!("unknown action {name_text:?}"));
            continue;
        };
        let Some(keys) = read_keys(value, report) else {
            continue;
        };
        let given = keys.len();
        let mut kept = Vec::new();
        for (key, span) in keys {
            let owners = claimed.entry(key).or_default();
            match owners
                .iter()
                .find(|o| o.name != entry.name && o.shares_a_mode(entry))
            {
                Some(first) => {
                    let msg = format!(
                        "key {} is already bound to {}; not bound to {name_text}",
                        shown(span.get_ref()),
                        first.name
                    );
                    report.at(span, msg);
                }
                None => {
                    owners.push(entry);
                    if !kept.contains(&key) {
                        kept.push(key);
                    }
                }
            }
        }
        if kept.is_empty() && given > 0 {
            // Every key it was given belongs to another action: keep its defaults.
            continue;
        }
        keymap.bind(entry.name, kept);
    }
}

/// The keys of one entry (a key name or a list of them), or `None` after reporting any problem.
fn read_keys<'a, 'i>(
    value: &'a Spanned<DeValue<'i>>,
    report: &mut Report<'_>,
) -> Option<Vec<(Key, &'a Spanned<DeValue<'i>>)>> {
    let items: Vec<&Spanned<DeValue<'i>>> = match value.get_ref() {
        DeValue::String(_) => vec![value],
        DeValue::Array(items) => items.iter().collect(),
        _ => {
            report.at(
                value,
                "keys must be a key name or a list of them, e.g. [\"q\", \"ctrl-c\"]".into(),
            );
            return None;
        }
    };
    let mut keys = Vec::new();
    let mut ok = true;
    for item in items {
        match item.get_ref().as_str().and_then(parse_key) {
            Some(key) => keys.push((key, item)),
            None => {
                report.at(item, format!("unknown key {}", shown(item.get_ref())));
                ok = false;
            }
        }
    }
    ok.then_some(keys)
}
