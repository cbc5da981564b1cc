//! The `[searches]` section: saved searches for every corpus, `name = "query"`, listed in the
//! saved searches' window after the corpus's own.

use toml::de::{DeTable, DeValue};

use super::Report;
use crate::text::sanitize_text;

/// Reads the table, in its order; a value that is not a string is reported and left out.
pub(super) fn read(table: &DeTable<'_>, report: &mut Report<'_>) -> Vec<(String, String)> {
    let mut out = Vec::new();
    // The table is sorted by name: back to the file's order.
    let mut entries: Vec<_> = table.iter().collect();
    entries.sort_by_key(|(key, _)| key.span().start);
    for (key, value) in entries {
        match value.get_ref() {
            DeValue::String(query) if !query.trim().is_empty() => {
                out.push((
                    sanitize_text(key.get_ref().as_ref()),
                    sanitize_text(query.trim()),
                ));
            }
            _ => report.at(value, "a saved search is a query, e.g. \"tag:iran\"".into()),
        }
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use crate::config::Config;

    #[test]
    fn searches_by_name_in_file_order() {
        let (config, problems) = Config::parse(
            "[searches]\nworld = \"!sport\"\niran = \"tag:iran\"\nbad = 3\n",
            "config.toml",
        );
        assert_eq!(
            config.searches,
            [
                ("world".to_string(), "!sport".to_string()),
                ("iran".to_string(), "tag:iran".to_string())
            ]
        );
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].contains("line 4"), "{problems:?}");
    }
}
