//! The state file's format: JSON with an app tag and a version, article hashes as hex strings.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{ArticleState, Session, Sort};

/// The value of the `app` field; a file without it is not folio's.
pub const APP: &str = "folio";

/// The format version this build writes; it reads this one and every older one. Version 2
/// added tags and saved searches (an older folio, which would take them for damage, is told
/// the file is newer and leaves it alone).
pub const VERSION: u32 = 2;

/// What is in one corpus's state file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Contents {
    pub session: Session,
    /// Only articles whose state differs from the default.
    pub articles: BTreeMap<u64, ArticleState>,
}

/// Why a file could not be read as a state file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    /// Not JSON, truncated, not folio's, or with fields that make no sense.
    Corrupt(String),
    /// folio's, but written by a newer folio in a format this one does not know.
    Newer(u32),
}

/// The file as written, field by field.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    app: String,
    version: u32,
    #[serde(default)]
    session: RawSession,
    #[serde(default)]
    articles: BTreeMap<String, ArticleState>,
}

#[derive(Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSession {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    query: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    selected: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    sort: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    history: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    list_width: Option<u16>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    searches: Vec<RawSearch>,
}

/// A saved search as written.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSearch {
    name: String,
    query: String,
}

/// A hash as the file writes it: 16 lowercase hex digits, as in the bundled file names.
pub fn hash_hex(hash: u64) -> String {
    format!("{hash:016x}")
}

fn parse_hash(text: &str) -> Result<u64, Unreadable> {
    if text.len() != 16 {
        return Err(Unreadable::Corrupt(format!("bad article hash {text:?}")));
    }
    u64::from_str_radix(text, 16)
        .map_err(|_| Unreadable::Corrupt(format!("bad article hash {text:?}")))
}

/// Reads a state file's bytes. The app tag and version are checked before anything else, so a
/// newer folio's file is told apart from a broken one.
pub fn parse(bytes: &[u8]) -> Result<Contents, Unreadable> {
    #[derive(Deserialize)]
    struct Tag {
        app: Option<String>,
        version: Option<u32>,
    }
    let tag: Tag = serde_json::from_slice(bytes).map_err(|e| Unreadable::Corrupt(e.to_string()))?;
    if tag.app.as_deref() != Some(APP) {
        return Err(Unreadable::Corrupt("not a folio state file".into()));
    }
    match tag.version {
        Some(1..=VERSION) => {}
        Some(v) if v > VERSION => return Err(Unreadable::Newer(v)),
        Some(v) => return Err(Unreadable::Corrupt(format!("unknown version {v}"))),
        None => return Err(Unreadable::Corrupt("no version".into())),
    }
    let raw: Raw = serde_json::from_slice(bytes).map_err(|e| Unreadable::Corrupt(e.to_string()))?;
    let mut articles = BTreeMap::new();
    for (hex, state) in raw.articles {
        let hash = parse_hash(&hex)?;
        if state != ArticleState::default() {
            articles.insert(hash, state);
        }
    }
    let selected = raw
        .session
        .selected
        .as_deref()
        .map(parse_hash)
        .transpose()?;
    Ok(Contents {
        session: Session {
            query: raw.session.query,
            selected,
            sort: raw.session.sort.as_deref().and_then(Sort::from_name),
            history: raw.session.history,
            list_width: raw.session.list_width,
            searches: raw
                .session
                .searches
                .into_iter()
                .map(|s| (s.name, s.query))
                .collect(),
        },
        articles,
    })
}

/// Writes the contents as pretty JSON, ending in a newline.
pub fn render(contents: &Contents) -> Result<Vec<u8>, serde_json::Error> {
    let raw = Raw {
        app: APP.into(),
        version: VERSION,
        session: RawSession {
            query: contents.session.query.clone(),
            selected: contents.session.selected.map(hash_hex),
            sort: contents.session.sort.map(|s| s.name().to_string()),
            history: contents.session.history.clone(),
            list_width: contents.session.list_width,
            searches: contents
                .session
                .searches
                .iter()
                .map(|(name, query)| RawSearch {
                    name: name.clone(),
                    query: query.clone(),
                })
                .collect(),
        },
        articles: contents
            .articles
            .iter()
            .filter(|(_, s)| **s != ArticleState::default())
            .map(|(h, s)| (hash_hex(*h), s.clone()))
            .collect(),
    };
    let mut bytes = serde_json::to_vec_pretty(&raw)?;
    bytes.push(b'\n');
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Contents {
        let mut c = Contents::default();
        c.session.query = "climate -opinion".into();
        c.session.selected = Some(0xfa3a_172f_dca6_7ea3);
        c.session.sort = Some(Sort::Date);
        c.session.searches = vec![("iran".into(), "tag:iran".into())];
        c.articles.insert(
            0x009f_ba84_ec7c_bc00,
            ArticleState {
                read: true,
                line: 42,
                marked: false,
                tags: vec!["iran".into()],
            },
        );
        c.articles.insert(
            u64::MAX,
            ArticleState {
                read: false,
                line: 0,
                marked: true,
                tags: Vec::new(),
            },
        );
        c
    }

    #[test]
    fn round_trip() {
        let c = sample();
        let bytes = render(&c).unwrap();
        assert_eq!(parse(&bytes), Ok(c));
    }

    #[test]
    fn written_form_is_stable() {
        let text = String::from_utf8(render(&sample()).unwrap()).unwrap();
        let expected = r#"{
  "app": "folio",
  "version": 2,
  "session": {
    "query": "climate -opinion",
    "selected": "fa3a172fdca67ea3",
    "sort": "date",
    "searches": [
      {
        "name": "iran",
        "query": "tag:iran"
      }
    ]
  },
  "articles": {
    "009fba84ec7cbc00": {
      "read": true,
      "line": 42,
      "tags": [
        "iran"
      ]
    },
    "ffffffffffffffff": {
      "marked": true
    }
  }
}
"#;
        assert_eq!(text, expected);
    }

    #[test]
    fn default_entries_are_not_written() {
        let mut c = Contents::default();
        c.articles.insert(7, ArticleState::default());
        let text = String::from_utf8(render(&c).unwrap()).unwrap();
        assert!(!text.contains("0000000000000007"), "{text}");
    }

    #[test]
    fn foreign_and_broken_files_are_corrupt() {
        let cases: &[&[u8]] = &[
            b"",
            b"\x00\xff garbage",
            br#"{"app": "folio", "version": 1, "articles": {"#,
            br#"{"name": "some other tool", "version": 1}"#,
            br#"{"app": "other", "version": 1}"#,
            br#"{"app": "folio"}"#,
            br#"{"app": "folio", "version": 0}"#,
            br#"{"app": "folio", "version": 1, "articles": {"xyz": {}}}"#,
            br#"{"app": "folio", "version": 1, "articles": {"00000000000000ab": {"line": -1}}}"#,
            br#"{"app": "folio", "version": 1, "extra": true}"#,
            br#"[1, 2, 3]"#,
        ];
        for bytes in cases {
            assert!(
                matches!(parse(bytes), Err(Unreadable::Corrupt(_))),
                "{:?}",
                String::from_utf8_lossy(bytes)
            );
        }
    }

    #[test]
    fn newer_version_is_told_apart() {
        let bytes = br#"{"app": "folio", "version": 7, "whatever": "new"}"#;
        assert_eq!(parse(bytes), Err(Unreadable::Newer(7)));
    }

    #[test]
    fn missing_sections_are_empty() {
        let bytes = br#"{"app": "folio", "version": 1}"#;
        assert_eq!(parse(bytes), Ok(Contents::default()));
    }
}
