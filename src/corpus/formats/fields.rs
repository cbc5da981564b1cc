//! Dataset records (a JSON object, a CSV row) as articles: the fields found by the names news
//! datasets give them, their values turned into a title, a date, a source and paragraphs.

use serde_json::Value;

use super::html;
use crate::corpus::Parsed;
use crate::corpus::SkipReason;
use crate::corpus::date::parse_date;
use crate::corpus::paragraphs::{collapse_spaces, split_all_text};
use crate::corpus::title::first_sentence;
use crate::text::sanitize_text;

/// Field names for the title, first match wins (compared without regard to case).
const TITLE: &[&str] = &["title", "headline", "name", "subject"];
/// Field names for the body; a description is a summary, so it comes last.
const TEXT: &[&str] = &[
    "text",
    "body",
    "content",
    "article",
    "maintext",
    "story",
    "description",
];
const DATE: &[&str] = &[
    "date",
    "published",
    "published_at",
    "publish_date",
    "date_publish",
    "pubdate",
    "datetime",
    "timestamp",
];
const SOURCE: &[&str] = &[
    "source",
    "publisher",
    "site",
    "site_name",
    "source_domain",
    "outlet",
];
const URL: &[&str] = &["url", "link"];

/// Whether `name` is one of the names a body field goes by: how a CSV header is recognised.
pub fn is_text_name(name: &str) -> bool {
    TEXT.iter().any(|t| t.eq_ignore_ascii_case(name.trim()))
}

/// One record as found: its fields by name, in order.
pub type Fields<'a> = &'a serde_json::Map<String, Value>;

/// The value of the first field called one of `names` that is not empty.
fn pick<'a>(fields: Fields<'a>, names: &[&str]) -> Option<&'a Value> {
    names.iter().find_map(|name| {
        fields
            .iter()
            .find(|(k, v)| k.eq_ignore_ascii_case(name) && !is_empty(v))
            .map(|(_, v)| v)
    })
}

fn is_empty(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
        _ => false,
    }
}

/// A value as one line of text: a string, a number, a list joined with commas, an object by
/// its name (`{"source": {"name": "BBC News"}}`).
fn line(v: &Value) -> Option<String> {
    let text = match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Bool(_) | Value::Null => return None,
        Value::Array(items) => {
            let parts: Vec<String> = items.iter().filter_map(line).collect();
            parts.join(", ")
        }
        Value::Object(o) => {
            return pick(o, &["name", "title", "text", "value", "id"]).and_then(line);
        }
    };
    let text = collapse_spaces(sanitize_text(&html::inline_text(&text)));
    (!text.is_empty()).then_some(text)
}

/// A value as a body: paragraphs of text, HTML turned into text.
fn body(v: &Value) -> Vec<String> {
    match v {
        Value::String(s) => paragraphs(s),
        Value::Array(items) => items.iter().flat_map(body).collect(),
        Value::Object(o) => pick(o, TEXT).map(body).unwrap_or_default(),
        other => line(other).into_iter().collect(),
    }
}

/// Text as paragraphs: HTML by its blocks; otherwise blank lines part paragraphs, or, in text
/// with no blank line, every line break does.
pub fn paragraphs(text: &str) -> Vec<String> {
    let raw: Vec<String> = if html::looks_like_html(text) {
        html::fragment_blocks(text)
    } else if text.contains("\n\n") || text.contains("\r\n\r\n") {
        text.replace("\r\n", "\n")
            .split("\n\n")
            .map(|p| p.replace('\n', " "))
            .collect()
    } else {
        text.lines().map(str::to_owned).collect()
    };
    let mut out: Vec<String> = raw
        .into_iter()
        .map(|p| collapse_spaces(sanitize_text(&html::inline_text(&p))))
        .filter(|p| !p.is_empty())
        .collect();
    out = split_all_text(out);
    out
}

/// A date from a string in any form [`parse_date`] reads, or from unix seconds (or
/// milliseconds) as a number or a string of digits.
fn date(v: &Value) -> Option<String> {
    match v {
        Value::Number(n) => n.as_f64().and_then(unix_date),
        Value::String(s) => {
            let s = s.trim();
            if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit() || b == b'.') && s.len() >= 9 {
                return s.parse::<f64>().ok().and_then(unix_date);
            }
            parse_date(s)
        }
        Value::Object(o) => pick(o, &["date", "$date", "value"]).and_then(date),
        _ => None,
    }
}

/// Unix seconds (or milliseconds, past the year 5138) as `YYYY-MM-DD`.
fn unix_date(t: f64) -> Option<String> {
    let secs = if t.abs() >= 1e11 { t / 1000.0 } else { t };
    if !secs.is_finite() || !(0.0..4e12).contains(&secs) {
        return None;
    }
    let days = (secs / 86_400.0).floor() as i64;
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    Some(format!("{year:04}-{month:02}-{day:02}"))
}

/// Which fields to read, by name or dotted path; the defaults are the names datasets use.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldNames {
    pub title: Option<String>,
    pub text: Option<String>,
    pub date: Option<String>,
    pub source: Option<String>,
}

impl FieldNames {
    /// Reads `title=hed,text=story.body,date=meta.ts,source=site.name`.
    pub fn parse(spec: &str) -> Result<Self, String> {
        let mut names = FieldNames::default();
        for part in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let Some((field, path)) = part.split_once('=') else {
                return Err(format!("--fields: `{part}` is not FIELD=PATH"));
            };
            let path = Some(path.trim().to_owned()).filter(|p| !p.is_empty());
            let slot = match field.trim() {
                "title" => &mut names.title,
                "text" => &mut names.text,
                "date" => &mut names.date,
                "source" => &mut names.source,
                other => {
                    return Err(format!(
                        "--fields: `{other}` is not one of title, text, date, source"
                    ));
                }
            };
            *slot = path;
        }
        Ok(names)
    }
}

/// The value at a dotted path (`story.body`), each step compared without regard to case.
fn at_path<'a>(fields: Fields<'a>, path: &str) -> Option<&'a Value> {
    let mut parts = path.split('.');
    let first = parts.next()?;
    let mut value = fields
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(first))
        .map(|(_, v)| v)?;
    for part in parts {
        let Value::Object(o) = value else {
            return None;
        };
        value = o
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(part))
            .map(|(_, v)| v)?;
    }
    (!is_empty(value)).then_some(value)
}

/// One record's parts; a record with no text field is skipped, naming the fields it has.
pub fn parse_fields(fields: Fields<'_>, names: &FieldNames) -> Result<Parsed, SkipReason> {
    let find = |given: &Option<String>, defaults: &[&str]| match given {
        Some(path) => at_path(fields, path),
        None => pick(fields, defaults),
    };
    let Some(text) = find(&names.text, TEXT) else {
        let names: Vec<String> = fields.keys().take(12).map(|k| sanitize_text(k)).collect();
        let mut list = names.join(", ");
        if fields.len() > 12 {
            list.push_str(", …");
        }
        if list.is_empty() {
            list.push_str("none");
        }
        return Err(SkipReason::NoTextField(list));
    };
    let mut paragraphs = body(text);
    let title = find(&names.title, TITLE).and_then(line);
    let title = match title {
        Some(t) => t,
        None if paragraphs.is_empty() => String::new(),
        None => first_sentence(&paragraphs[0]),
    };
    if paragraphs.first() == Some(&title) {
        paragraphs.remove(0);
    }
    if title.is_empty() && paragraphs.is_empty() {
        return Err(SkipReason::NoText);
    }
    // A source given as null says there is none (as folio's own export writes it): the
    // address's host does not stand in for it then.
    let no_source = names.source.is_none()
        && fields
            .iter()
            .any(|(k, v)| v.is_null() && SOURCE.iter().any(|s| k.eq_ignore_ascii_case(s)));
    let source = find(&names.source, SOURCE).and_then(line).or_else(|| {
        (!no_source)
            .then(|| pick(fields, URL).and_then(line).and_then(|u| host(&u)))
            .flatten()
    });
    Ok(Parsed {
        title,
        date: find(&names.date, DATE).and_then(date),
        source,
        paragraphs,
        kinds: Vec::new(),
        url: pick(fields, URL).and_then(line),
        links: Vec::new(),
    })
}

/// The host of a URL, without `www.`.
pub(super) fn host(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then(|| host.to_owned())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn parsed(json: &str) -> Result<Parsed, SkipReason> {
        let value: Value = serde_json::from_str(json).unwrap();
        parse_fields(value.as_object().unwrap(), &FieldNames::default())
    }

    #[test]
    fn fields_are_found_by_the_names_datasets_use() {
        let p = parsed(
            r#"{"headline":"Rates rise","story":"First.\n\nSecond <b>bold</b>.","pubDate":"Mon, 15 Feb 1993 18:35:05 -0500","source":{"id":"bbc","name":"BBC News"}}"#,
        )
        .unwrap();
        assert_eq!(p.title, "Rates rise");
        assert_eq!(p.date.as_deref(), Some("1993-02-15"));
        assert_eq!(p.source.as_deref(), Some("BBC News"));
        assert_eq!(p.paragraphs, ["First.", "Second bold."]);
    }

    #[test]
    fn html_in_a_text_field_becomes_paragraphs() {
        let p = parsed(r#"{"title":"T","content":"<p>One &amp; two</p><p>Three<br>four</p>"}"#)
            .unwrap();
        assert_eq!(p.paragraphs, ["One & two", "Three", "four"]);
    }

    #[test]
    fn dates_from_unix_seconds_and_milliseconds() {
        assert_eq!(unix_date(0.0).as_deref(), Some("1970-01-01"));
        assert_eq!(unix_date(1_700_000_000.0).as_deref(), Some("2023-11-14"));
        assert_eq!(
            unix_date(1_700_000_000_000.0).as_deref(),
            Some("2023-11-14")
        );
        let p = parsed(r#"{"text":"Body.","timestamp":951782400}"#).unwrap();
        assert_eq!(p.date.as_deref(), Some("2000-02-29"));
        assert_eq!(p.title, "Body.");
    }

    #[test]
    fn a_record_without_text_names_its_fields() {
        let e = parsed(r#"{"id":1,"url":"https://x.org/a"}"#).unwrap_err();
        assert_eq!(e.to_string(), "no text field (fields: id, url)");
    }

    #[test]
    fn dotted_paths_override_the_names() {
        let value: Value =
            serde_json::from_str(r#"{"hed":"H","story":{"body":"B."},"meta":{"ts":"2020-01-02"}}"#)
                .unwrap();
        let names = FieldNames {
            title: Some("hed".into()),
            text: Some("story.body".into()),
            date: Some("meta.ts".into()),
            source: None,
        };
        let p = parse_fields(value.as_object().unwrap(), &names).unwrap();
        assert_eq!(
            (p.title.as_str(), p.date.as_deref()),
            ("H", Some("2020-01-02"))
        );
        assert_eq!(p.paragraphs, ["B."]);
    }

    #[test]
    fn field_names_are_read_from_a_spec() {
        let names = FieldNames::parse("title=hed, text=story.body,date=meta.ts").unwrap();
        assert_eq!(names.text.as_deref(), Some("story.body"));
        assert_eq!(names.source, None);
        assert!(FieldNames::parse("body=x").is_err());
        assert!(FieldNames::parse("title").is_err());
    }

    #[test]
    fn the_source_falls_back_to_the_host() {
        let p = parsed(r#"{"text":"x","url":"https://www.bbc.co.uk/news/1"}"#).unwrap();
        assert_eq!(p.source.as_deref(), Some("bbc.co.uk"));
        assert_eq!(p.url.as_deref(), Some("https://www.bbc.co.uk/news/1"));
        let p = parsed(r#"{"text":"x","link":"https://a.org/b"}"#).unwrap();
        assert_eq!(p.url.as_deref(), Some("https://a.org/b"));
        let p = parsed(r#"{"text":"x","source":null,"url":"https://a.org/b"}"#).unwrap();
        assert_eq!(p.source, None, "an explicit null is no source");
    }
}
