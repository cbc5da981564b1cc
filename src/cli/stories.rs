//! Stories for scripts: `--stories` prints each story of two or more articles (its articles,
//! dates and sources), and `--list --json` records say which story each article is in and
//! which article it repeats. Stories and articles are numbered as `--list` numbers articles
//! (from 1); a story's number is its first article's.

use std::io::{self, IsTerminal, Write};
use std::sync::Arc;

use super::report::{self, RealPaths};
use crate::corpus::Article;
use crate::stories::{Grouping, Stories};

/// Groups the articles, on all cores.
pub fn group(articles: &[Arc<Article>]) -> Grouping {
    let mut stories = Stories::new();
    stories.add(articles);
    stories.grouping()
}

/// The ids of `order` whose articles name every one of `names` (compared without case).
pub fn naming(order: Vec<usize>, grouping: &Grouping, names: &[String]) -> Vec<usize> {
    let known = &grouping.names().names;
    let wanted: Vec<String> = names.iter().map(|n| n.to_lowercase()).collect();
    order
        .into_iter()
        .filter(|&id| {
            let have: Vec<String> = grouping
                .entities(id as u32)
                .iter()
                .filter_map(|&n| known.get(n as usize))
                .map(|n| n.to_lowercase())
                .collect();
            wanted.iter().all(|w| have.contains(w))
        })
        .collect()
}

/// Adds `"story"` and `"duplicate_of"` (a number or null) to article `id`'s JSON record.
pub fn json_fields(line: &mut serde_json::Value, grouping: &Grouping, id: u32) {
    line["story"] = grouping.story(id).unwrap_or(id).saturating_add(1).into();
    line["duplicate_of"] = grouping.duplicate_of(id).map(|d| d + 1).into();
}

/// `--stories`: a header line per story (`story 1: 2 articles, 2019-09-01`), then its
/// articles as `--list` prints them, a blank line between stories; with `json`, one line per
/// story. Returns how many stories it printed.
pub fn print(
    mut out: impl Write,
    articles: &[Arc<Article>],
    real: &RealPaths,
    json: bool,
) -> io::Result<usize> {
    let terminal = io::stdout().is_terminal();
    let grouping = group(articles);
    let stories = grouping.stories();
    for (n, members) in stories.iter().enumerate() {
        let number = members[0] + 1;
        if json {
            let list: Vec<serde_json::Value> = members
                .iter()
                .map(|&id| {
                    let a = &articles[id as usize];
                    let mut line = serde_json::json!({
                        "number": id + 1,
                        "date": a.date,
                        "source": a.source,
                        "title": a.title,
                        "duplicate_of": grouping.duplicate_of(id).map(|d| d + 1),
                    });
                    report::json_path(&mut line, &a.path, real.get(&a.path));
                    line
                })
                .collect();
            let line = serde_json::json!({ "story": number, "articles": list });
            writeln!(out, "{line}")?;
            continue;
        }
        if n > 0 {
            writeln!(out)?;
        }
        let mut dates: Vec<&str> = members
            .iter()
            .filter_map(|&id| articles[id as usize].date.as_deref())
            .collect();
        dates.sort_unstable();
        let span = match (dates.first(), dates.last()) {
            (Some(first), Some(last)) if first == last => format!(", {first}"),
            (Some(first), Some(last)) => format!(", {first} to {last}"),
            _ => String::new(),
        };
        writeln!(out, "story {number}: {} articles{span}", members.len())?;
        for &id in members.iter() {
            let a = &articles[id as usize];
            let repeat = grouping
                .duplicate_of(id)
                .map(|d| format!("\trepeats {}", d + 1))
                .unwrap_or_default();
            // Lines as --list prints them, then which article this one repeats.
            let line = report::list_line(id as usize, a, real, terminal);
            writeln!(out, "{line}{repeat}")?;
        }
    }
    out.flush()?;
    Ok(stories.len())
}
