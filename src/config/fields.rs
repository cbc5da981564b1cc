//! The `[fields]` section: which dataset fields hold the title, text, date and source, by name
//! or dotted path, as `--fields` gives them for one run.

use toml::de::{DeTable, DeValue};

use super::Report;
use crate::corpus::FieldNames;

/// Reads the table; an unknown field or a value that is not a string is reported and left out.
pub(super) fn read(table: &DeTable<'_>, report: &mut Report<'_>) -> FieldNames {
    let mut names = FieldNames::default();
    for (key, value) in table {
        let slot = match key.get_ref().as_ref() {
            "title" => &mut names.title,
            "text" => &mut names.text,
            "date" => &mut names.date,
            "source" => &mut names.source,
            other => {
                report.at(
                    key,
                    format!("unknown field {other:?} (title, text, date or source)"),
                );
                continue;
            }
        };
        match value.get_ref() {
            DeValue::String(path) if !path.trim().is_empty() => {
                *slot = Some(path.trim().to_string());
            }
            _ => report.at(
                value,
                "a field is a name or a dotted path, e.g. \"story.body\"".into(),
            ),
        }
    }
    names
}
