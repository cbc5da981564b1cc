//! What the scripting modes write besides the articles: the summary of skipped files on
//! standard error, the full list for `--skipped`, and paths as they really are (in JSON, and
//! escaped on a pipe).

use std::collections::{BTreeMap, HashMap};
use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

use base64::Engine;

use crate::corpus::{Candidate, Skipped};

/// How many skipped files the summary names.
const NAMED: usize = 3;

/// The real path of each loaded file, by the path shown for it (bundled articles have none).
#[derive(Debug, Default)]
pub struct RealPaths(HashMap<String, PathBuf>);

impl RealPaths {
    pub fn of(candidates: &[Candidate]) -> RealPaths {
        let mut map = HashMap::new();
        for c in candidates {
            if let Some(path) = c.path() {
                map.entry(c.display.clone())
                    .or_insert_with(|| path.to_path_buf());
            }
        }
        RealPaths(map)
    }

    /// The real path shown as `display`, if it is a file on disk.
    pub fn get(&self, display: &str) -> Option<&Path> {
        self.0.get(display).map(PathBuf::as_path)
    }
}

/// One line for standard error: how many files were skipped, how many for each reason, the
/// first few names, and where to see them all. `None` when nothing was skipped.
pub fn skipped_summary(skipped: &[Skipped]) -> Option<String> {
    if skipped.is_empty() {
        return None;
    }
    let mut reasons: BTreeMap<&str, usize> = BTreeMap::new();
    for s in skipped {
        *reasons.entry(s.reason.name()).or_default() += 1;
    }
    let reasons: Vec<String> = reasons
        .iter()
        .map(|(name, n)| format!("{n} {}", name.replace('_', " ")))
        .collect();
    let mut names: Vec<String> = skipped.iter().take(NAMED).map(Skipped::place).collect();
    if skipped.len() > NAMED {
        names.push(format!("and {} more", skipped.len() - NAMED));
    }
    let records = skipped.iter().filter(|s| !s.record.is_empty()).count();
    let count = |n: usize, one: &str, many: &str| match n {
        0 => None,
        1 => Some(format!("1 {one}")),
        n => Some(format!("{n} {many}")),
    };
    let what: Vec<String> = [
        count(skipped.len() - records, "file", "files"),
        count(records, "record", "records"),
    ]
    .into_iter()
    .flatten()
    .collect();
    Some(format!(
        "folio: skipped {} ({}): {}; `folio --skipped` lists them all",
        what.join(" and "),
        reasons.join(", "),
        names.join(", ")
    ))
}

/// The summary as one JSON line: `{"skipped": 3, "reasons": {"binary": 1, …}, "first": […]}`.
pub fn skipped_summary_json(skipped: &[Skipped]) -> Option<String> {
    if skipped.is_empty() {
        return None;
    }
    let mut reasons: BTreeMap<&str, usize> = BTreeMap::new();
    for s in skipped {
        *reasons.entry(s.reason.name()).or_default() += 1;
    }
    let first: Vec<String> = skipped.iter().take(NAMED).map(Skipped::place).collect();
    let line = serde_json::json!({
        "skipped": skipped.len(),
        "reasons": reasons,
        "first": first,
    });
    Some(line.to_string())
}

/// One line of `--skipped`: `PATH<tab>MESSAGE`, or a JSON object with the path, the reason's
/// machine name and its message.
pub fn skipped_line(s: &Skipped, json: bool) -> String {
    if !json {
        return format!("{}\t{}", s.place(), s.reason);
    }
    let mut line = serde_json::json!({
        "path": s.path,
        "reason": s.reason.name(),
        "message": s.reason.to_string(),
    });
    if !s.record.is_empty() {
        line["record"] = s.record.as_str().into();
        if let (true, Ok(n)) = (s.line, s.record.parse::<u64>()) {
            line["line"] = n.into();
        }
    }
    line.to_string()
}

/// A path's fields for JSON: `"path"` as a string (JSON escapes control characters), and for a
/// name that is not UTF-8 also `"path_base64"`, its bytes exactly.
pub fn json_path(line: &mut serde_json::Value, shown: &str, real: Option<&Path>) {
    let Some(real) = real else {
        line["path"] = shown.into();
        return;
    };
    let os: &OsStr = real.as_os_str();
    match os.to_str() {
        Some(text) => line["path"] = text.into(),
        None => {
            line["path"] = os.to_string_lossy().into_owned().into();
            let bytes = base64::engine::general_purpose::STANDARD.encode(os.as_bytes());
            line["path_base64"] = bytes.into();
        }
    }
}

/// A real path for a tab-separated line on a pipe: `\` as `\\`, tab as `\t`, newline as `\n`,
/// carriage return as `\r`, any other control character as `\xNN`; a name that is not UTF-8
/// has its stray bytes as `\xNN` too.
pub fn escaped_path(real: &Path) -> String {
    let mut out = String::new();
    for chunk in real.as_os_str().as_bytes().utf8_chunks() {
        for c in chunk.valid().chars() {
            match c {
                '\\' => out.push_str("\\\\"),
                '\t' => out.push_str("\\t"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                c if c.is_control() => {
                    for b in c.to_string().bytes() {
                        out.push_str(&format!("\\x{b:02x}"));
                    }
                }
                c => out.push(c),
            }
        }
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02x}"));
        }
    }
    out
}

/// One `--list` line for article `id` (0-based): number, date, source, title and path,
/// tab-separated; the path as the interface shows it on a terminal, else the real one, escaped.
pub fn list_line(
    id: usize,
    a: &crate::corpus::Article,
    real: &RealPaths,
    terminal: bool,
) -> String {
    let path = match real.get(&a.path) {
        Some(path) if !terminal => escaped_path(path),
        _ => a.path.clone(),
    };
    format!(
        "{}\t{}\t{}\t{}\t{path}",
        id + 1,
        a.date.as_deref().unwrap_or("-"),
        a.source.as_deref().unwrap_or("-"),
        a.title,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::SkipReason;

    fn skipped(path: &str, reason: SkipReason) -> Skipped {
        Skipped {
            path: path.into(),
            record: String::new(),
            reason,
            line: false,
        }
    }

    #[test]
    fn the_summary_counts_reasons_and_names_the_first_few() {
        assert_eq!(skipped_summary(&[]), None);
        let many: Vec<Skipped> = (0..5)
            .map(|i| {
                skipped(
                    &format!("f{i}"),
                    if i < 3 {
                        SkipReason::Empty
                    } else {
                        SkipReason::Blank
                    },
                )
            })
            .collect();
        assert_eq!(
            skipped_summary(&many).as_deref(),
            Some(
                "folio: skipped 5 files (3 empty file, 2 only whitespace): f0, f1, f2, and 2 \
                 more; `folio --skipped` lists them all"
            )
        );
        let json: serde_json::Value =
            serde_json::from_str(&skipped_summary_json(&many).unwrap_or_default())
                .unwrap_or_default();
        assert_eq!(json["skipped"], 5);
        assert_eq!(json["reasons"]["empty_file"], 3);
        assert_eq!(json["first"][2], "f2");
        let mut record = skipped("news.jsonl", SkipReason::NoText);
        record.record = "701".to_owned();
        let mixed = [skipped("a.txt", SkipReason::Empty), record.clone(), record];
        assert!(
            skipped_summary(&mixed)
                .unwrap_or_default()
                .starts_with("folio: skipped 1 file and 2 records ("),
            "{:?}",
            skipped_summary(&mixed)
        );
    }

    #[test]
    fn paths_as_they_really_are() {
        let odd = Path::new(OsStr::from_bytes(b"news/a\tb\nc\\d\x1b\xff.txt"));
        assert_eq!(escaped_path(odd), "news/a\\tb\\nc\\\\d\\x1b\\xff.txt");
        let mut line = serde_json::json!({});
        json_path(&mut line, "shown", Some(odd));
        assert_eq!(line["path"], "news/a\tb\nc\\d\u{1b}\u{fffd}.txt");
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(line["path_base64"].as_str().unwrap_or_default())
            .unwrap_or_default();
        assert_eq!(bytes, b"news/a\tb\nc\\d\x1b\xff.txt");
        let mut plain = serde_json::json!({});
        json_path(&mut plain, "shown", Some(Path::new("news/\u{1b}[31m.txt")));
        assert_eq!(plain.to_string(), r#"{"path":"news/\u001b[31m.txt"}"#);
        let mut bundled = serde_json::json!({});
        json_path(&mut bundled, "000.txt", None);
        assert_eq!(bundled["path"], "000.txt");
    }
}
