//! Source and date stated in the body: credit lines, agency datelines and date lines.
//!
//! Only unambiguous statements count: a closing `Source: X` line, a closing `(X with AP, AFP)`
//! credit, a `CITY (Agency) —` dateline, a `Published: 12 March 2020` line. An image credit such
//! as `[AFP]` or a "with reporting by" list names no single source.

use super::date::{month_day, only_year, parse_date, with_year};
use super::paragraphs::Para;

/// How many paragraphs at the end are searched for a credit line.
const TAIL: usize = 3;

/// Finds a credit line among the last paragraphs, removes it, and returns the source it names.
pub fn take_source_credit<P: Para>(paragraphs: &mut Vec<P>) -> Option<String> {
    let from = paragraphs.len().saturating_sub(TAIL);
    let (index, source) = paragraphs
        .iter()
        .enumerate()
        .skip(from)
        .rev()
        .filter(|(_, p)| p.is_text())
        .find_map(|(i, p)| credit_line(p.text()).map(|s| (i, s)))?;
    paragraphs.remove(index);
    Some(source)
}

/// The source named by a credit paragraph: `Source: X and agencies` or `(X with AP, AFP)`.
fn credit_line(p: &str) -> Option<String> {
    let p = p.trim();
    if p.chars().count() > 100 {
        return None;
    }
    let lower = p.to_lowercase();
    let named = if let Some(rest) = ["source:", "sources:"]
        .iter()
        .find_map(|prefix| lower.starts_with(prefix).then(|| p.get(prefix.len()..)))
        .flatten()
    {
        rest
    } else {
        p.strip_prefix('(')?.strip_suffix(')')?
    };
    agency_name(named)
}

/// The first name in a credit such as `TRTWorld and agencies` or `FRANCE 24 with AP, AFP`.
fn agency_name(credit: &str) -> Option<String> {
    let credit = credit.trim();
    let lower = credit.to_lowercase();
    if lower.contains(" by ") || lower.starts_with("by ") || credit.contains(['.', ':', '!', '?']) {
        return None; // "Additional reporting by …", or a sentence
    }
    let mut end = credit.len();
    for sep in [" with ", " and ", ",", ";", "/", " & "] {
        if let Some(at) = lower.find(sep) {
            end = end.min(at);
        }
    }
    let name = credit.get(..end)?.trim();
    let words = name.split_whitespace().count();
    let capitalised = name.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
    (capitalised && (1..=5).contains(&words)).then(|| split_brand(name))
}

/// Separates a capitals run glued to a capitalised word, as in brand spellings: `TRTWorld` →
/// `TRT World`, `NYTimes` → `NY Times`. `McDonald`, `iPhone`, `IDs` and `OAuth` stay whole.
pub fn split_brand(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len() + 4);
    let mut run = 0; // length of the current run of capitals
    for (i, &c) in chars.iter().enumerate() {
        let next_lower = chars.get(i + 1).is_some_and(|n| n.is_lowercase());
        if c.is_uppercase() && next_lower && run >= 2 {
            out.push(' ');
        }
        run = if c.is_uppercase() { run + 1 } else { 0 };
        out.push(c);
    }
    out
}

/// The agency in an opening dateline: `KABUL (Reuters) - …`, `(AFP) — …`.
pub fn dateline_source(first: &str) -> Option<String> {
    let open = first.find('(')?;
    let before = first.get(..open)?.trim();
    let close = open + first.get(open..)?.find(')')?;
    let inner = first.get(open + 1..close)?;
    let after = first.get(close + 1..)?.trim_start();
    let dash = ["- ", "— ", "– ", "—", "–"]
        .iter()
        .any(|d| after.starts_with(d));
    let place_ok = before.is_empty()
        || (before.split_whitespace().count() <= 6
            && before.split_whitespace().next().is_some_and(|w| {
                w.chars().all(|c| !c.is_lowercase()) && w.chars().any(char::is_uppercase)
            }));
    if !(dash && place_ok && inner.chars().count() <= 30) {
        return None;
    }
    agency_name(inner)
}

/// Finds a date line among the first paragraphs (`Published: 12 March 2020`, `2020-03-12`),
/// removes it, and returns the date as ISO.
pub fn take_date_line<P: Para>(paragraphs: &mut Vec<P>) -> Option<String> {
    let (index, date) = paragraphs
        .iter()
        .take(3)
        .enumerate()
        .filter(|(_, p)| p.is_text())
        .find_map(|(i, p)| date_line(p.text()).map(|d| (i, d)))?;
    paragraphs.remove(index);
    Some(date)
}

/// The date of a wire dateline that gives only a month and day (`HONG KONG EXCHS 1400 - APR 7`,
/// `NEW YORK, April 7 - Prices rose`), when the article mentions one year and only one.
pub fn dateline_date<P: Para>(title: &str, paragraphs: &[P]) -> Option<String> {
    let in_title = title
        .rsplit_once(" - ")
        .and_then(|(_, tail)| month_day(tail));
    let in_text = || {
        let first = paragraphs.first().filter(|p| p.is_text())?.text();
        let (head, _) = first
            .split_once(" - ")
            .or_else(|| first.split_once(" — "))?;
        let (_, when) = head.split_once(',')?;
        month_day(when)
    };
    let month_day = in_title.or_else(in_text)?;
    let texts = std::iter::once(title).chain(paragraphs.iter().map(Para::text));
    with_year(only_year(texts)?, month_day)
}

fn date_line(p: &str) -> Option<String> {
    if p.chars().count() > 60 {
        return None;
    }
    let lower = p.to_lowercase();
    let mut rest = p;
    for prefix in ["published on", "published", "posted on", "posted", "date"] {
        if lower.starts_with(prefix) {
            rest = p.get(prefix.len()..)?;
            break;
        }
    }
    let rest = rest.trim_start_matches([':', ' ']);
    parse_date(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn closing_credit_lines_name_the_source_and_leave_the_body() {
        let mut p = strings(&["Body.", "More.", "Source: TRTWorld and agencies"]);
        assert_eq!(take_source_credit(&mut p).as_deref(), Some("TRT World"));
        assert_eq!(p, strings(&["Body.", "More."]));
        let mut p = strings(&["Body.", "(FRANCE 24 with AP, AFP)"]);
        assert_eq!(take_source_credit(&mut p).as_deref(), Some("FRANCE 24"));
        assert_eq!(p, strings(&["Body."]));
        let mut p = strings(&["Body.", "(AFP)"]);
        assert_eq!(take_source_credit(&mut p).as_deref(), Some("AFP"));
    }

    #[test]
    fn non_credits_are_left_alone() {
        for last in [
            "With reporting by AFP, AP, and Reuters",
            "(Additional reporting by Jane Doe)",
            "(This is a sentence. It has stops.)",
            "The US hopes to pressure the Taliban into a peace deal [AFP]",
            "(see the table below for the full list of the results)",
        ] {
            let mut p = strings(&["Body.", last]);
            assert_eq!(take_source_credit(&mut p), None, "{last}");
            assert_eq!(p.len(), 2);
        }
    }

    #[test]
    fn credits_far_from_the_end_do_not_count() {
        let mut p = strings(&["(AFP)", "a", "b", "c"]);
        assert_eq!(take_source_credit(&mut p), None);
    }

    #[test]
    fn brand_runs_split() {
        assert_eq!(split_brand("TRTWorld"), "TRT World");
        assert_eq!(split_brand("NYTimes"), "NY Times");
        for same in [
            "McDonald",
            "iPhone",
            "IDs",
            "OAuth",
            "FRANCE 24",
            "Reuters",
            "RFE/RL",
        ] {
            assert_eq!(split_brand(same), same);
        }
    }

    #[test]
    fn datelines_name_the_agency() {
        assert_eq!(
            dateline_source("KABUL (Reuters) - The Taliban said").as_deref(),
            Some("Reuters")
        );
        assert_eq!(
            dateline_source("WASHINGTON, Sept 2 (AP) — Officials").as_deref(),
            Some("AP")
        );
        assert_eq!(dateline_source("(AFP) — Text").as_deref(), Some("AFP"));
        assert_eq!(dateline_source("He said (quietly) - then left"), None);
        assert_eq!(dateline_source("KABUL (Reuters) The Taliban"), None);
    }

    #[test]
    fn date_lines_near_the_top() {
        let mut p = strings(&["Headline", "Published: 12 March 2020", "Body."]);
        assert_eq!(take_date_line(&mut p).as_deref(), Some("2020-03-12"));
        assert_eq!(p, strings(&["Headline", "Body."]));
        let mut p = strings(&["Headline", "On August 31, 2019 fighting began.", "Body."]);
        assert_eq!(take_date_line(&mut p), None);
        let mut p = strings(&["a", "b", "c", "2020-03-12"]);
        assert_eq!(take_date_line(&mut p), None);
    }

    #[test]
    fn a_dateline_takes_its_year_from_the_article_when_there_is_one() {
        let title = "HONG KONG EXCHS 1400 - APR 7";
        let body = strings(&["US DLR 7.8030/40 7.8035/45", "Rates as of 7-APR-1987."]);
        assert_eq!(dateline_date(title, &body).as_deref(), Some("1987-04-07"));
        let none = strings(&["US DLR 7.8030/40 7.8035/45"]);
        assert_eq!(dateline_date(title, &none), None);
        let two = strings(&["Up from 1986.", "Rates as of 7-APR-1987."]);
        assert_eq!(dateline_date(title, &two), None);
        let text = strings(&["NEW YORK, April 7 - Prices rose, the most since 1987."]);
        assert_eq!(
            dateline_date("Prices rise", &text).as_deref(),
            Some("1987-04-07")
        );
        let plain = strings(&["In 1987 prices rose, and then fell back again."]);
        assert_eq!(dateline_date("Talks - a view", &plain), None);
    }

    #[test]
    fn a_wire_dateline_is_not_a_date() {
        let mut p = strings(&[
            "HONG KONG EXCHS 1400 - APR 7",
            "US DLR 7.8030/40 7.8035/45",
            "Body.",
        ]);
        assert_eq!(take_date_line(&mut p), None);
        assert_eq!(p.len(), 3);
    }
}
