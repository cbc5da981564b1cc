//! Header blocks at the top of a file: mail and Usenet headers, a URL and date line, a date line.
//!
//! A header block is metadata, not body text: what it says about the title, date and source is
//! taken, and its lines are removed before paragraphs are built.

use super::date::{iso_prefix, parse_date};

/// What a header block said; every field is optional.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Header {
    pub title: Option<String>,
    pub date: Option<String>,
    pub source: Option<String>,
}

/// Header names that mark a mail or Usenet header block.
const KNOWN: &[&str] = &[
    "from",
    "subject",
    "date",
    "organization",
    "organisation",
    "lines",
    "newsgroups",
    "message-id",
    "path",
    "reply-to",
    "sender",
    "keywords",
    "summary",
    "distribution",
    "references",
    "nntp-posting-host",
    "to",
    "cc",
    "title",
    "author",
    "article-i.d.",
    "expires",
    "followup-to",
    "mime-version",
    "content-type",
    "content-transfer-encoding",
    "approved",
];

/// Names that mark a header block even when they are its only line.
const ALONE: &[&str] = &["from", "subject", "date", "title"];

/// Removes a header block from the top of `lines` and returns what it said.
///
/// Leading blank lines go too. With no header block, `lines` keeps its text unchanged.
pub fn split_header(lines: &mut Vec<String>) -> Header {
    let start = lines
        .iter()
        .position(|l| !l.trim().is_empty())
        .unwrap_or(lines.len());
    let top = lines.get(start..).unwrap_or_default();
    let (header, used) = if let Some(found) = mail_header(top) {
        found
    } else if let Some(found) = url_header(top) {
        found
    } else if let Some((date, rest)) = top.first().and_then(|l| date_line(l)) {
        let header = Header {
            date: Some(date),
            ..Header::default()
        };
        if rest.is_empty() {
            (header, 1)
        } else {
            if let Some(first) = lines.get_mut(start) {
                *first = rest;
            }
            (header, 0)
        }
    } else {
        (Header::default(), 0)
    };
    lines.drain(..start + used);
    header
}

/// Reads a mail or Usenet header block: `Name: value` lines, folded lines indented, ending at
/// the first blank line.
fn mail_header(lines: &[String]) -> Option<(Header, usize)> {
    let mut fields: Vec<(String, String)> = Vec::new();
    let mut used = lines.len();
    // Lines folded under a field that was cut off (a `Path:` whose first line is lost) come
    // before the first field; they belong to no field we can read.
    let orphans = lines
        .iter()
        .take_while(|l| l.starts_with(' ') && !l.trim().is_empty())
        .count();
    for (i, line) in lines.iter().enumerate().skip(orphans) {
        if line.trim().is_empty() {
            used = i;
            break;
        }
        if line.starts_with(' ') {
            let (name, value) = fields.last_mut()?;
            if !is_id_list(line) || ID_FIELDS.contains(&name.as_str()) {
                value.push(' ');
                value.push_str(line.trim());
            }
            continue;
        }
        let (name, value) = field(line)?;
        fields.push((name.to_ascii_lowercase(), value.trim().to_owned()));
    }
    if orphans > 0 && fields.len() < 2 {
        return None;
    }
    let known = fields.iter().filter(|(n, _)| KNOWN.contains(&n.as_str()));
    let accepted = match fields.as_slice() {
        [(only, _)] => ALONE.contains(&only.as_str()),
        _ => known.count() >= 1,
    };
    if !accepted {
        return None;
    }
    let value = |name: &str| {
        fields
            .iter()
            .find(|(n, v)| n == name && !v.is_empty())
            .map(|(_, v)| v.clone())
    };
    let header = Header {
        title: value("subject").or_else(|| value("title")),
        date: value("date").and_then(|d| parse_date(&d)),
        source: value("from")
            .or_else(|| value("author"))
            .map(|f| sender_name(&f)),
    };
    Some((header, used))
}

/// Fields whose value is a list of message ids.
const ID_FIELDS: &[&str] = &["references", "in-reply-to", "message-id", "supersedes"];

/// Whether a folded line holds only message ids (`<1r1ko8$6b1@horus.ap.mchp.sni.de> <…>`):
/// news software that glued the `References:` of a post onto the field above it.
fn is_id_list(line: &str) -> bool {
    let mut words = line.split_whitespace().peekable();
    words.peek().is_some()
        && words.all(|w| w.starts_with('<') && w.ends_with('>') && w.contains('@'))
}

/// Splits `Name: value`. The name starts with a letter and, as mail allows, holds any
/// printable ASCII but spaces and colons (`Article-I.D.`, `Nntp-Posting-Host-[nntpd-28159]`).
fn field(line: &str) -> Option<(&str, &str)> {
    let (name, value) = line.split_once(':')?;
    let name_ok = name.len() <= 40
        && name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name.bytes().all(|b| b.is_ascii_graphic());
    (name_ok && (value.is_empty() || value.starts_with(' '))).then_some((name, value))
}

/// The person in a `From:` value: `addr (Name)`, `Name <addr>`, `"Name" <addr>` or `addr`.
fn sender_name(from: &str) -> String {
    let from = from.trim();
    let name = if let (Some(open), true) = (from.find('('), from.ends_with(')')) {
        from.get(open + 1..from.len() - 1)
    } else if let Some(open) = from.find('<') {
        from.get(..open)
    } else {
        None
    };
    let name = name
        .map(|n| n.trim().trim_matches('"').trim())
        .unwrap_or("");
    if name.is_empty() {
        from.trim_start_matches('<')
            .trim_end_matches('>')
            .to_owned()
    } else {
        name.to_owned()
    }
}

/// Reads a URL line, optionally followed by an ISO date line and then the title line.
fn url_header(lines: &[String]) -> Option<(Header, usize)> {
    let url = lines.first()?.trim();
    let host = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .filter(|_| !url.contains(char::is_whitespace))?;
    let host = host.split(['/', '?', '#']).next().unwrap_or_default();
    let host = host.strip_prefix("www.").unwrap_or(host);
    let mut header = Header {
        source: (!host.is_empty()).then(|| host.to_owned()),
        ..Header::default()
    };
    let date = lines
        .get(1)
        .and_then(|l| iso_prefix(l.trim()))
        .filter(|(_, rest)| rest.trim().is_empty());
    let Some((date, _)) = date else {
        return Some((header, 1));
    };
    header.date = Some(date);
    match lines.get(2).map(|l| l.trim()) {
        Some(title) if !title.is_empty() => {
            header.title = Some(title.to_owned());
            Some((header, 3))
        }
        _ => Some((header, 2)),
    }
}

/// Reads a leading date line, `date 2019-09-01 …` or `2019-09-01 …`; returns the date and the
/// text after it on the same line.
fn date_line(line: &str) -> Option<(String, String)> {
    let trimmed = line.trim_start();
    let after_word = trimmed
        .get(..4)
        .filter(|w| w.eq_ignore_ascii_case("date"))
        .and_then(|_| trimmed.get(4..))
        .map(|r| r.strip_prefix(':').unwrap_or(r).trim_start())
        .filter(|r| r.len() + 4 < trimmed.len())
        .unwrap_or(trimmed);
    let (date, rest) = iso_prefix(after_word)?;
    if !rest.is_empty() && !rest.starts_with(char::is_whitespace) {
        return None;
    }
    Some((date, rest.trim().to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<String> {
        text.lines().map(str::to_owned).collect()
    }

    #[test]
    fn usenet_headers_give_title_date_and_sender() {
        let mut l = lines(
            "From: pharvey@quack.kfu.com (Paul Harvey)\nSubject: Christians above the Law\n\
             Organization: The Duck Pond\n        <sandvik@apple.com>\nDate: Mon, 15 Feb 1993 18:35:05 -0500\n\
             Lines: 24\n\nIn article <x> someone writes:",
        );
        let h = split_header(&mut l);
        assert_eq!(h.title.as_deref(), Some("Christians above the Law"));
        assert_eq!(h.date.as_deref(), Some("1993-02-15"));
        assert_eq!(h.source.as_deref(), Some("Paul Harvey"));
        assert_eq!(l, ["", "In article <x> someone writes:"]);
    }

    #[test]
    fn a_header_whose_first_field_was_cut_off_is_still_read() {
        let mut l = lines(
            " cs.utexas.edu!geraldo.cc.utexas.edu!portal.austin.ibm.com!zazen\n\
             Subject: Re: Radical Agnostic... NOT!\nFrom: zazen@austin.ibm.com (E. H. Welbon)\n\
             Lines: 34\n\nThe One and Only wrote:",
        );
        let h = split_header(&mut l);
        assert_eq!(h.title.as_deref(), Some("Re: Radical Agnostic... NOT!"));
        assert_eq!(l, ["", "The One and Only wrote:"]);
    }

    #[test]
    fn field_names_with_dots_and_brackets() {
        let mut l = lines(
            "From: finnegan@invader.navo.navy.mil (Kenneth Finnegan)\nSubject: Re: 5W30, 10W40\n\
             Article-I.D.: cs.1993Apr6.130550.13550\nNntp-Posting-Host-[nntpd-8755]: invader\n\
             Lines: 9\n\nAs an additional data point",
        );
        let h = split_header(&mut l);
        assert_eq!(h.title.as_deref(), Some("Re: 5W30, 10W40"));
        assert_eq!(h.source.as_deref(), Some("Kenneth Finnegan"));
    }

    #[test]
    fn message_ids_folded_under_a_subject_are_not_the_title() {
        let mut l = lines(
            "From: John A. Johnson <J5J@psuvm.psu.edu>\n\
             Subject: Re: After 2000 years, can we say that Christian Morality is\n\
             \x20<1r1ko8$6b1@horus.ap.mchp.sni.de>\n <sandvik-2004@sandvik-kent.apple.com>\n\
             References: <a@b>\n <c@d>\nLines: 63\n\nBody",
        );
        let h = split_header(&mut l);
        assert_eq!(
            h.title.as_deref(),
            Some("Re: After 2000 years, can we say that Christian Morality is")
        );
        assert_eq!(h.source.as_deref(), Some("John A. Johnson"));
    }

    #[test]
    fn sender_forms() {
        assert_eq!(sender_name("\"Jane Doe\" <jd@x.org>"), "Jane Doe");
        assert_eq!(sender_name("jd@x.org"), "jd@x.org");
        assert_eq!(sender_name("<jd@x.org>"), "jd@x.org");
        assert_eq!(sender_name("b@x.uk ((super) bill)"), "(super) bill");
        assert_eq!(sender_name("jd@x.org ()"), "jd@x.org ()");
    }

    #[test]
    fn text_that_only_looks_like_a_header_stays() {
        for text in [
            "Source: TRTWorld and agencies",
            "Note: read this\nWhy: because",
            "Subject:x",
        ] {
            let mut l = lines(text);
            assert_eq!(split_header(&mut l), Header::default(), "{text}");
            assert_eq!(l, lines(text));
        }
    }

    #[test]
    fn url_then_date_then_title() {
        let mut l =
            lines("http://news.example.com/article/1/\n2011-10-15T10:30:00+0900\nThe title\nBody");
        let h = split_header(&mut l);
        assert_eq!(h.source.as_deref(), Some("news.example.com"));
        assert_eq!(h.date.as_deref(), Some("2011-10-15"));
        assert_eq!(h.title.as_deref(), Some("The title"));
        assert_eq!(l, ["Body"]);
    }

    #[test]
    fn leading_date_line_keeps_the_rest_of_its_line() {
        let mut l = lines(" date 2019-09-01 Name, AFP | Soldiers gather\n\nBody");
        let h = split_header(&mut l);
        assert_eq!(h.date.as_deref(), Some("2019-09-01"));
        assert_eq!(l, ["Name, AFP | Soldiers gather", "", "Body"]);
        let mut l = lines("\n date 2020-02-12 \n\nBody");
        assert_eq!(split_header(&mut l).date.as_deref(), Some("2020-02-12"));
        assert_eq!(l, ["", "Body"]);
    }

    #[test]
    fn a_date_inside_a_first_line_is_not_a_header() {
        let mut l = lines("dates 2019-09-01 x\n2019-09-01x");
        assert_eq!(split_header(&mut l), Header::default());
        assert_eq!(l.len(), 2);
    }
}
