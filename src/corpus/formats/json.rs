//! JSON Lines (one record a line, keyed by line number) and JSON (an array of records, or an
//! object holding one array of records, keyed by position; a `.json` file that is really JSON
//! Lines is read as such).

use std::borrow::Cow;
use std::collections::HashMap;

use serde_json::Value;
use serde_json::error::Category;
use serde_json::value::RawValue;

use super::fields::{FieldNames, parse_fields};
use crate::corpus::record::{BadRecord, Format, Record};
use crate::corpus::{MAX_RECORD_BYTES, Parsed, SkipReason};

/// A file of JSON Lines.
#[derive(Debug, Clone, Default)]
pub struct JsonLines {
    pub names: FieldNames,
}

impl Format for JsonLines {
    fn records<'a>(&self, bytes: &'a [u8]) -> Vec<Result<Record<'a>, BadRecord>> {
        lines(bytes)
    }

    fn keys_are_lines(&self) -> bool {
        true
    }

    fn parse(&self, bytes: &[u8]) -> Result<Parsed, SkipReason> {
        let value: Value = serde_json::from_slice(bytes).map_err(invalid)?;
        record(&value, &self.names)
    }
}

/// The lines of a file that are not blank, keyed by line number (from 1).
pub fn lines(bytes: &[u8]) -> Vec<Result<Record<'_>, BadRecord>> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    bytes
        .split(|&b| b == b'\n')
        .enumerate()
        .filter(|(_, line)| !line.trim_ascii().is_empty())
        .map(|(i, line)| {
            let key = (i + 1).to_string();
            if line.len() > MAX_RECORD_BYTES {
                let reason = SkipReason::RecordTooLarge(line.len() as u64);
                return Err(BadRecord { key, reason });
            }
            Ok(Record {
                key,
                bytes: Cow::Borrowed(line.trim_ascii()),
            })
        })
        .collect()
}

/// A JSON file: its records, each kept as its own JSON text.
#[derive(Debug, Clone, Default)]
pub struct Json {
    pub names: FieldNames,
}

impl Format for Json {
    /// The records as slices of the file (never a tree of the whole file): each is checked for
    /// size and read on its own, in parallel, as JSON Lines are.
    fn records<'a>(&self, bytes: &'a [u8]) -> Vec<Result<Record<'a>, BadRecord>> {
        let text = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
        let whole = |e: serde_json::Error| {
            vec![Err(BadRecord {
                key: String::new(),
                reason: invalid(e),
            })]
        };
        let items: Vec<&'a RawValue> = match serde_json::from_slice::<Vec<&RawValue>>(text) {
            Ok(items) => items,
            // Not an array: an object holding one array of records, or one record.
            Err(e) if e.classify() == Category::Data => match records_in(text) {
                Some(items) => items,
                None => match serde_json::from_slice::<&RawValue>(text) {
                    Ok(one) => vec![one],
                    Err(e) if e.classify() == Category::Syntax && is_lines(text) => {
                        return lines(bytes);
                    }
                    Err(e) => return whole(e),
                },
            },
            Err(e) if e.classify() == Category::Syntax && is_lines(text) => return lines(bytes),
            Err(e) => return whole(e),
        };
        items
            .into_iter()
            .enumerate()
            .map(|(i, item)| {
                let key = (i + 1).to_string();
                let raw = item.get().as_bytes();
                if raw.len() > MAX_RECORD_BYTES {
                    return Err(BadRecord {
                        key,
                        reason: SkipReason::RecordTooLarge(raw.len() as u64),
                    });
                }
                Ok(Record {
                    key,
                    bytes: Cow::Borrowed(raw),
                })
            })
            .collect()
    }

    fn parse(&self, bytes: &[u8]) -> Result<Parsed, SkipReason> {
        let value: Value = serde_json::from_slice(bytes).map_err(invalid)?;
        record(&value, &self.names)
    }
}

/// Whether text is JSON Lines: its first line is one whole JSON value, and more follow.
fn is_lines(text: &[u8]) -> bool {
    let first = text
        .split(|&b| b == b'\n')
        .find(|l| !l.trim_ascii().is_empty());
    first.is_some_and(|l| serde_json::from_slice::<Value>(l).is_ok())
}

/// The records of the one array of objects an object holds (`{"articles": [...]}`); `None`
/// when it holds none, or more than one.
fn records_in(text: &[u8]) -> Option<Vec<&RawValue>> {
    let members: HashMap<String, &RawValue> = serde_json::from_slice(text).ok()?;
    let mut arrays = members.into_values().filter_map(|v| {
        let items: Vec<&RawValue> = serde_json::from_str(v.get()).ok()?;
        let objects = !items.is_empty() && items.iter().all(|i| i.get().starts_with('{'));
        objects.then_some(items)
    });
    let items = arrays.next()?;
    arrays.next().is_none().then_some(items)
}

/// One record: an object's fields; anything else is not a record.
fn record(value: &Value, names: &FieldNames) -> Result<Parsed, SkipReason> {
    match value {
        Value::Object(fields) => parse_fields(fields, names),
        _ => Err(SkipReason::Invalid(
            "record",
            format!("a JSON {}, not an object", kind(value)),
        )),
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// serde_json's message, as a reason (`EOF while parsing a string at column 28`).
fn invalid(e: serde_json::Error) -> SkipReason {
    let message = e.to_string();
    let message = message
        .strip_suffix(&format!(" at line {} column {}", e.line(), e.column()))
        .map_or(message.clone(), |m| format!("{m} at column {}", e.column()));
    SkipReason::Invalid("JSON", crate::text::sanitize(&message))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn keys_and_titles(format: &dyn Format, bytes: &[u8]) -> Vec<(String, Result<String, String>)> {
        format
            .records(bytes)
            .into_iter()
            .map(|r| match r {
                Ok(r) => (
                    r.key.clone(),
                    format
                        .parse(&r.bytes)
                        .map(|p| p.title)
                        .map_err(|e| e.to_string()),
                ),
                Err(b) => (b.key, Err(b.reason.to_string())),
            })
            .collect()
    }

    #[test]
    fn json_lines_keep_going_past_a_broken_line() {
        let file = b"{\"title\":\"One\",\"text\":\"A.\"}\n\n{\"title\":\"Two\",\"text\":\"B\n{\"title\":\"Three\",\"body\":\"C.\"}\n[1]\n{\"id\":7}\n";
        let got = keys_and_titles(&JsonLines::default(), file);
        let want: Vec<(String, Result<String, String>)> = vec![
            ("1".into(), Ok("One".into())),
            (
                "3".into(),
                Err("invalid JSON (EOF while parsing a string at column 24)".into()),
            ),
            ("4".into(), Ok("Three".into())),
            (
                "5".into(),
                Err("invalid record (a JSON array, not an object)".into()),
            ),
            ("6".into(), Err("no text field (fields: id)".into())),
        ];
        assert_eq!(got, want);
    }

    #[test]
    fn a_json_array_or_an_object_holding_one() {
        let array = br#"[{"title":"A","text":"x"},{"headline":"B","content":"y"}]"#;
        let object = br#"{"status":"ok","articles":[{"title":"A","text":"x"},{"headline":"B","content":"y"}]}"#;
        for file in [&array[..], &object[..]] {
            let got = keys_and_titles(&Json::default(), file);
            assert_eq!(
                got,
                [("1".into(), Ok("A".into())), ("2".into(), Ok("B".into()))]
            );
        }
        let one = br#"{"title":"Only","text":"x"}"#;
        assert_eq!(
            keys_and_titles(&Json::default(), one),
            [("1".into(), Ok("Only".into()))]
        );
        let scalar = keys_and_titles(&Json::default(), br#""just a string""#);
        assert_eq!(
            scalar,
            [(
                "1".into(),
                Err("invalid record (a JSON string, not an object)".into())
            )]
        );
        let broken = keys_and_titles(&Json::default(), br#"{"title": "cut"#);
        assert_eq!(broken.len(), 1);
        assert!(
            broken[0].1.as_ref().is_err_and(|e| e.contains("EOF")),
            "{broken:?}"
        );
    }

    #[test]
    fn each_element_of_an_array_is_its_own_record_and_held_to_the_record_limit() {
        let big = "w ".repeat(MAX_RECORD_BYTES / 2 + 10);
        let file = format!(
            r#"[{{"title":"A","text":"x"}}, {{"title":"big","text":"{big}"}}, 7, {{"title":"C","text":"z"}}]"#
        );
        let got = keys_and_titles(&Json::default(), file.as_bytes());
        assert_eq!(got[0], ("1".into(), Ok("A".into())));
        assert!(
            got[1]
                .1
                .as_ref()
                .is_err_and(|e| e.starts_with("record too large")),
            "{:?}",
            got[1].1
        );
        assert_eq!(
            got[2],
            (
                "3".into(),
                Err("invalid record (a JSON number, not an object)".into())
            )
        );
        assert_eq!(got[3], ("4".into(), Ok("C".into())));
        // Records are slices of the file, not copies.
        let records = Json::default().records(file.as_bytes());
        assert!(
            records
                .iter()
                .flatten()
                .all(|r| matches!(r.bytes, Cow::Borrowed(_)))
        );
    }

    #[test]
    fn a_json_file_of_lines_is_read_as_lines() {
        let file = b"{\"title\":\"A\",\"text\":\"x\"}\n{\"title\":\"B\",\"text\":\"y\"}\n";
        let got = keys_and_titles(&Json::default(), file);
        assert_eq!(
            got,
            [("1".into(), Ok("A".into())), ("2".into(), Ok("B".into()))]
        );
    }

    #[test]
    fn deep_nesting_is_an_invalid_record_not_a_crash() {
        let line = format!("{}{}", "[".repeat(200_000), "]".repeat(200_000));
        let got = keys_and_titles(&JsonLines::default(), line.as_bytes());
        assert_eq!(got.len(), 1);
        assert!(
            got[0].1.as_ref().unwrap_err().contains("recursion limit"),
            "{got:?}"
        );
        let got = keys_and_titles(&Json::default(), line.as_bytes());
        assert!(got[0].1.is_err());
    }
}
