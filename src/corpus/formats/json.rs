//! JSON Lines (one record a line, keyed by line number) and JSON (an array of records, or an
//! object holding one array of records, keyed by position; a `.json` file that is really JSON
//! Lines is read as such).

use std::borrow::Cow;

use serde_json::Value;

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
    fn records<'a>(&self, bytes: &'a [u8]) -> Vec<Result<Record<'a>, BadRecord>> {
        let text = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
        let value: Value = match serde_json::from_slice(text) {
            Ok(value) => value,
            Err(e) if e.classify() == serde_json::error::Category::Syntax && is_lines(text) => {
                return lines(bytes);
            }
            Err(e) => {
                return vec![Err(BadRecord {
                    key: String::new(),
                    reason: invalid(e),
                })];
            }
        };
        let items = match value {
            Value::Array(items) => items,
            Value::Object(mut o) => match records_in(&o) {
                Some(key) => match o.remove(&key) {
                    Some(Value::Array(items)) => items,
                    _ => Vec::new(),
                },
                None => vec![Value::Object(o)],
            },
            _ => Vec::new(),
        };
        items
            .into_iter()
            .enumerate()
            .map(|(i, item)| {
                let key = (i + 1).to_string();
                match serde_json::to_vec(&item) {
                    Ok(bytes) if bytes.len() > MAX_RECORD_BYTES => Err(BadRecord {
                        key,
                        reason: SkipReason::RecordTooLarge(bytes.len() as u64),
                    }),
                    Ok(bytes) => Ok(Record {
                        key,
                        bytes: Cow::Owned(bytes),
                    }),
                    Err(e) => Err(BadRecord {
                        key,
                        reason: invalid(e),
                    }),
                }
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

/// The key of the one array of objects an object holds (`{"articles": [...]}`).
fn records_in(o: &serde_json::Map<String, Value>) -> Option<String> {
    let mut arrays = o.iter().filter(|(_, v)| {
        v.as_array()
            .is_some_and(|a| !a.is_empty() && a.iter().all(Value::is_object))
    });
    let (key, _) = arrays.next()?;
    arrays.next().is_none().then(|| key.clone())
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
