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

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use crate::config::{Config, DEFAULT_CONFIG};

    #[test]
    fn dataset_fields_by_name_or_path() {
        let (config, problems) = Config::parse(
            "[fields]\ntitle = \"hed\"\ntext = \"story.body\"\nbody = \"x\"\ndate = 3\n",
            "config.toml",
        );
        assert_eq!(config.fields.title.as_deref(), Some("hed"));
        assert_eq!(config.fields.text.as_deref(), Some("story.body"));
        assert_eq!(config.fields.date, None);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].contains("line 4") && problems[0].contains("unknown field"));
        assert!(problems[1].contains("line 5"));
        let (_, problems) = Config::parse("fields = 1\n", "config.toml");
        assert!(problems[0].contains("[fields]"), "{problems:?}");
        assert_eq!(
            Config::default().fields,
            crate::corpus::FieldNames::default()
        );
    }

    #[test]
    fn the_fields_example_reads_when_uncommented() {
        let start = DEFAULT_CONFIG.find("# [fields]").unwrap();
        let example: String = DEFAULT_CONFIG[start..]
            .lines()
            .take_while(|l| l.starts_with("# "))
            .map(|l| l.strip_prefix("# ").unwrap_or(l))
            .collect::<Vec<_>>()
            .join("\n");
        let (config, problems) = Config::parse(&example, "config.toml");
        assert_eq!(problems, Vec::<String>::new());
        assert_eq!(config.fields.source.as_deref(), Some("site.name"));
    }
}
