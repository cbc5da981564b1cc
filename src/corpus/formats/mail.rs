//! Mail and Usenet: mbox files (one record a message, keyed by its number, `>From` lines
//! unescaped) and single RFC 5322 messages. MIME is undone by `mailparse` (folded headers,
//! encoded words, multipart, quoted-printable, base64, charsets); the message is then read by
//! the text cleaner as a header block and a body, so a post reads the same either way.

use std::borrow::Cow;

use mailparse::{MailHeaderMap, ParsedMail};

use super::html;
use crate::corpus::date::parse_date;
use crate::corpus::record::{BadRecord, Format, Record};
use crate::corpus::{MAX_RECORD_BYTES, Parsed, SkipReason, decode, parse};
use crate::text::sanitize_text;

/// One message.
#[derive(Debug, Clone, Copy, Default)]
pub struct Message;

/// Messages one after another, each after a `From ` line.
#[derive(Debug, Clone, Copy, Default)]
pub struct Mbox;

impl Format for Message {
    fn records<'a>(&self, bytes: &'a [u8]) -> Vec<Result<Record<'a>, BadRecord>> {
        vec![Ok(Record {
            key: String::new(),
            bytes: Cow::Borrowed(bytes),
        })]
    }

    fn parse(&self, bytes: &[u8]) -> Result<Parsed, SkipReason> {
        message(bytes)
    }
}

impl Format for Mbox {
    fn records<'a>(&self, bytes: &'a [u8]) -> Vec<Result<Record<'a>, BadRecord>> {
        let mut starts = Vec::new();
        let mut at = 0;
        let mut blank_before = true;
        for line in bytes.split_inclusive(|&b| b == b'\n') {
            if blank_before && line.starts_with(b"From ") {
                starts.push((at, at + line.len()));
            }
            blank_before = line.trim_ascii().is_empty();
            at += line.len();
        }
        if starts.is_empty() {
            starts.push((0, 0));
        }
        let ends = starts.iter().skip(1).map(|s| s.0).chain([bytes.len()]);
        starts
            .iter()
            .zip(ends)
            .enumerate()
            .map(|(i, (&(_, body), end))| {
                let key = (i + 1).to_string();
                let bytes = bytes.get(body..end).unwrap_or_default();
                if bytes.len() > MAX_RECORD_BYTES {
                    let reason = SkipReason::RecordTooLarge(bytes.len() as u64);
                    return Err(BadRecord { key, reason });
                }
                Ok(Record {
                    key,
                    bytes: Cow::Borrowed(bytes),
                })
            })
            .collect()
    }

    fn parse(&self, bytes: &[u8]) -> Result<Parsed, SkipReason> {
        message(&unescape(bytes))
    }
}

/// mboxrd quoting undone: `>From ` becomes `From `, `>>From ` becomes `>From `.
fn unescape(bytes: &[u8]) -> Cow<'_, [u8]> {
    let quoted = |line: &[u8]| {
        let rest = line.iter().position(|&b| b != b'>').map(|n| &line[n..]);
        line.first() == Some(&b'>') && rest.is_some_and(|r| r.starts_with(b"From "))
    };
    if !bytes.split(|&b| b == b'\n').any(quoted) {
        return Cow::Borrowed(bytes);
    }
    let mut out = Vec::with_capacity(bytes.len());
    for line in bytes.split_inclusive(|&b| b == b'\n') {
        out.extend_from_slice(if quoted(line) { &line[1..] } else { line });
    }
    Cow::Owned(out)
}

/// Headers the cleaner reads, in the order written out for it.
const HEADERS: [&str; 5] = ["Subject", "From", "Date", "Newsgroups", "Organization"];

/// A message: its headers decoded, its text part (or its HTML part as text), read as text.
fn message(bytes: &[u8]) -> Result<Parsed, SkipReason> {
    if bytes.trim_ascii().is_empty() {
        return Err(SkipReason::Empty);
    }
    let mail = mailparse::parse_mail(bytes)
        .map_err(|e| SkipReason::Invalid("message", crate::text::sanitize(&e.to_string())))?;
    let mut text = String::new();
    for name in HEADERS {
        if let Some(value) = mail.headers.get_first_value(name) {
            let value = sanitize_text(&value);
            if !value.trim().is_empty() {
                text.push_str(&format!("{name}: {}\n", value.trim()));
            }
        }
    }
    text.push('\n');
    text.push_str(&body(&mail)?);
    let mut parsed = parse(&text);
    let subject = mail
        .headers
        .get_first_value("Subject")
        .map(|s| sanitize_text(&s));
    if parsed.title.is_empty()
        && let Some(subject) = subject.filter(|s| !s.trim().is_empty())
    {
        parsed.title = subject.trim().to_owned();
    }
    if parsed.date.is_none() {
        parsed.date = mail
            .headers
            .get_first_value("Date")
            .and_then(|d| parse_date(&d));
    }
    if parsed.title.is_empty() && parsed.paragraphs.is_empty() {
        return Err(SkipReason::NoText);
    }
    // The message's own address: where its archive keeps it (RFC 5064), kept when it is a
    // web address (`corpus/links.rs`).
    parsed.url = mail.headers.get_first_value("Archived-At").map(|v| {
        v.trim()
            .trim_start_matches('<')
            .trim_end_matches('>')
            .to_owned()
    });
    Ok(parsed)
}

/// The text of a message: its first text/plain part that is not an attachment, else its
/// first text/html part as text.
fn body(mail: &ParsedMail<'_>) -> Result<String, SkipReason> {
    let mut parts = vec![mail];
    let mut html_part = None;
    let mut seen = 0usize;
    while let Some(part) = parts.pop() {
        seen += 1;
        if seen > 10_000 {
            break;
        }
        let kind = part.ctype.mimetype.to_lowercase();
        let attachment =
            part.get_content_disposition().disposition == mailparse::DispositionType::Attachment;
        if kind.starts_with("multipart/") {
            parts.extend(part.subparts.iter().rev());
        } else if attachment {
            continue;
        } else if kind == "text/plain" || kind.is_empty() {
            return Ok(part_text(part));
        } else if kind == "text/html" && html_part.is_none() {
            html_part = Some(part);
        }
    }
    match html_part {
        Some(part) => Ok(html::page_paragraphs(&part_text(part)).join("\n\n")),
        None if mail.subparts.is_empty() => Ok(part_text(mail)),
        None => Ok(String::new()),
    }
}

/// A part's text: transfer encoding undone, then its charset; without one, decoded as any
/// text file is (UTF-8, else Windows-1252).
fn part_text(part: &ParsedMail<'_>) -> String {
    let raw = part
        .get_body_raw()
        .unwrap_or_else(|_| part.raw_bytes.to_vec());
    let charset = part.ctype.charset.to_lowercase();
    if !matches!(
        charset.as_str(),
        "" | "us-ascii" | "ascii" | "utf-8" | "utf8"
    ) && let Some(encoding) = encoding_rs::Encoding::for_label(charset.as_bytes())
    {
        return encoding.decode_without_bom_handling(&raw).0.into_owned();
    }
    decode(&raw).unwrap_or_default()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    const MBOX: &str = "From alice@example.org Mon Jan  1 00:00:00 2001\n\
Subject: =?utf-8?q?Caf=C3=A9_prices?=\n\
\x20rise again\n\
From: Alice <alice@example.org>\n\
Date: Mon, 15 Feb 1993 18:35:05 -0500\n\
\n\
Prices rose in every caf\u{e9} in town this week.\n\
>From the start of the year, they doubled.\n\
\n\
From bob@example.org Tue Jan  2 00:00:00 2001\n\
Subject: Second\n\
MIME-Version: 1.0\n\
Content-Type: multipart/alternative; boundary=\"b\"\n\
\n\
--b\n\
Content-Type: text/html; charset=iso-8859-1\n\
Content-Transfer-Encoding: quoted-printable\n\
\n\
<p>Caf=E9 society met on Tuesday.</p>\n\
--b--\n";

    #[test]
    fn the_archive_address_is_the_messages_own() {
        let mail =
            "Subject: Hello\nArchived-At: <https://lists.example.org/arch/42>\n\nBody text.\n";
        let p = Mbox.parse(mail.as_bytes()).unwrap();
        assert_eq!(p.url.as_deref(), Some("https://lists.example.org/arch/42"));
        let p = crate::corpus::links::finish(p);
        assert_eq!(p.url.as_deref(), Some("https://lists.example.org/arch/42"));
        let bad = "Subject: Hello\nArchived-At: <javascript:x>\n\nBody text.\n";
        let p = crate::corpus::links::finish(Mbox.parse(bad.as_bytes()).unwrap());
        assert_eq!(p.url, None);
    }

    #[test]
    fn an_mbox_is_one_article_a_message() {
        let records = Mbox.records(MBOX.as_bytes());
        assert_eq!(records.len(), 2);
        let first = records[0].as_ref().unwrap();
        assert_eq!(first.key, "1");
        let p = Mbox.parse(&first.bytes).unwrap();
        assert_eq!(p.title, "Café prices rise again");
        assert_eq!(p.date.as_deref(), Some("1993-02-15"));
        let body = p.paragraphs.join("\n");
        assert!(body.contains("From the start of the year"), "{body}");
        assert!(!body.contains(">From"), "{body}");
        let second = records[1].as_ref().unwrap();
        let p = Mbox.parse(&second.bytes).unwrap();
        assert_eq!(p.title, "Second");
        assert_eq!(p.paragraphs, ["Café society met on Tuesday."]);
    }

    #[test]
    fn base64_parts_are_decoded() {
        let msg = "Subject: B\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\nSGVsbG8sIHfDtnJsZCBvZiBuZXdzLg==\n";
        let p = Message.parse(msg.as_bytes()).unwrap();
        assert_eq!(p.paragraphs, ["Hello, wörld of news."]);
    }
}
