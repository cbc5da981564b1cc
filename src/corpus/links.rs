//! Links: the addresses an article points to, and its own. A web page's `<a href>` leaves a
//! placeholder after its text while the page is read; once the paragraphs are final, each
//! placeholder becomes a `[n]` marker (as newsboat shows them) and its address joins
//! [`Parsed::links`], numbered in reading order, one number per address. In text without
//! markup, bare `http(s)://` addresses are the links.
//!
//! Only `http`, `https` and `mailto` addresses are kept, and only when every character is
//! printable ASCII: nothing an address holds can reach a terminal as a control or an escape.

use super::Parsed;

/// Opens a placeholder in paragraph text (a private-use character, which no text cleaning
/// removes and no article holds once loaded).
const OPEN: char = '\u{e000}';
/// Closes a placeholder.
const CLOSE: char = '\u{e001}';

/// The placeholder an anchor with this `href` leaves after its text; nothing for an address
/// that is only a place on the same page.
pub fn placeholder(href: &str) -> Option<String> {
    let href: String = href
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control() && *c != OPEN && *c != CLOSE)
        .collect();
    if href.is_empty() || href.starts_with('#') {
        return None;
    }
    Some(format!("{OPEN}{href}{CLOSE}"))
}

/// An address as folio lets it out (to a browser, the clipboard, an OSC 8 hyperlink): an
/// `http`, `https` or `mailto` address of printable ASCII, no spaces; `None` for anything else.
pub fn safe_url(url: &str) -> Option<&str> {
    let url = url.trim();
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let scheme_ok = lower.starts_with("http://")
        || lower.starts_with("https://")
        || lower.starts_with("mailto:");
    let chars_ok = url.bytes().all(|b| (0x21..0x7f).contains(&b));
    let has_more = url.len() > lower.find(':').map_or(0, |i| i + 1) + 2;
    (scheme_ok && chars_ok && has_more).then_some(url)
}

/// `href` made absolute against the page's own address, when it is relative.
fn resolve(href: &str, base: Option<&str>) -> Option<String> {
    if safe_url(href).is_some() {
        return Some(href.to_owned());
    }
    if href.contains(':') && !href.starts_with("//") && !href.starts_with('/') {
        // Another scheme (javascript:, data:, file:): never kept.
        if href.find(':') < href.find('/') || !href.contains('/') {
            return None;
        }
    }
    let base = base.and_then(safe_url)?;
    let (scheme, rest) = base.split_once("://")?;
    let host = rest.split(['/', '?', '#']).next()?;
    let joined = if let Some(net) = href.strip_prefix("//") {
        format!("{scheme}://{net}")
    } else if href.starts_with('/') {
        format!("{scheme}://{host}{href}")
    } else if href.starts_with('?') {
        let path = rest.split(['?', '#']).next().unwrap_or(rest);
        format!("{scheme}://{path}{href}")
    } else {
        let path = rest.split(['?', '#']).next().unwrap_or(rest);
        let dir = path.rsplit_once('/').map_or(host, |(dir, _)| dir);
        let dir = if dir.is_empty() { host } else { dir };
        format!("{scheme}://{dir}/{href}")
    };
    safe_url(&joined).map(str::to_owned)
}

/// Turns the placeholders into `[n]` markers and collects the addresses; text with none gets
/// its bare addresses as links. The title keeps no placeholder. The own address is kept only
/// when it is safe.
pub fn finish(mut parsed: Parsed) -> Parsed {
    parsed.url = parsed.url.as_deref().and_then(safe_url).map(str::to_owned);
    let base = parsed.url.clone();
    let mut links = Numbered::default();
    let mut any = false;
    for p in &mut parsed.paragraphs {
        if p.contains(OPEN) {
            any = true;
            *p = number(p, base.as_deref(), &mut links);
        }
    }
    parsed.paragraphs.retain(|p| !p.trim().is_empty());
    if parsed.title.contains(OPEN) {
        parsed.title = strip_markers(&number(&parsed.title, None, &mut Numbered::default()));
    }
    if !any {
        for p in &parsed.paragraphs {
            for url in bare_links(p) {
                links.number(url);
            }
        }
    }
    parsed.links = links.list;
    parsed
}

/// The addresses an article links to, in order, each once; found by a map, so that an article
/// of a hundred thousand links is numbered in one pass.
#[derive(Default)]
struct Numbered {
    list: Vec<String>,
    index: rustc_hash::FxHashMap<String, usize>,
}

impl Numbered {
    /// The number of `url` (from 1), adding it when it is new.
    fn number(&mut self, url: &str) -> usize {
        if let Some(&n) = self.index.get(url) {
            return n;
        }
        self.list.push(url.to_owned());
        self.index.insert(url.to_owned(), self.list.len());
        self.list.len()
    }
}

/// `text` with each placeholder replaced by its link's marker (or by nothing, for an address
/// folio does not keep).
fn number(text: &str, base: Option<&str>, links: &mut Numbered) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(OPEN) {
        out.push_str(&rest[..at]);
        let after = &rest[at + OPEN.len_utf8()..];
        let (href, tail) = after.split_once(CLOSE).unwrap_or((after, ""));
        if let Some(url) = resolve(href, base) {
            out.push_str(&format!("[{}]", links.number(&url)));
        }
        rest = tail;
    }
    out.push_str(rest);
    out
}

/// `text` without `[n]` markers.
fn strip_markers(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('[') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 && after.as_bytes().get(digits) == Some(&b']') {
            rest = &after[digits + 1..];
        } else {
            out.push('[');
            rest = after;
        }
    }
    out.push_str(rest);
    out.trim().to_owned()
}

/// The bare `http://` and `https://` addresses in `text`, in order, without the punctuation
/// that ends a sentence or closes a bracket around them.
pub fn bare_links(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(found) = find_scheme(&text[from..]) {
        let start = from + found;
        let len = text[start..]
            .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '`'))
            .unwrap_or(text.len() - start);
        let mut url = &text[start..start + len];
        loop {
            let trimmed = url.trim_end_matches(['.', ',', ';', ':', '!', '?', '\'']);
            let unbalanced = (trimmed.ends_with(')') && !trimmed.contains('('))
                || (trimmed.ends_with(']') && !trimmed.contains('['));
            let trimmed = if unbalanced {
                &trimmed[..trimmed.len() - 1]
            } else {
                trimmed
            };
            if trimmed.len() == url.len() {
                break;
            }
            url = trimmed;
        }
        if let Some(url) = safe_url(url).filter(|u| u.starts_with("http")) {
            out.push(url);
        }
        from = start + len.max(1);
    }
    out
}

/// Where the next `http://` or `https://` starts.
fn find_scheme(text: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(at) = text[from..].find("http") {
        let start = from + at;
        let rest = &text[start..];
        if rest.starts_with("http://") || rest.starts_with("https://") {
            return Some(start);
        }
        from = start + 4;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(paragraphs: &[&str], url: Option<&str>) -> Parsed {
        finish(Parsed {
            title: "T".into(),
            paragraphs: paragraphs.iter().map(|p| (*p).to_owned()).collect(),
            url: url.map(str::to_owned),
            ..Parsed::default()
        })
    }

    fn anchor(text: &str, href: &str) -> String {
        format!("{text}{}", placeholder(href).unwrap_or_default())
    }

    #[test]
    fn anchors_become_numbered_markers_in_reading_order() {
        let one = format!(
            "See {} and {}.",
            anchor("this", "https://a.org/x"),
            anchor("that", "/y")
        );
        let two = format!("Again {}.", anchor("this", "https://a.org/x"));
        let p = with(&[&one, &two], Some("https://site.net/news/page.html"));
        assert_eq!(p.paragraphs, ["See this[1] and that[2].", "Again this[1]."]);
        assert_eq!(p.links, ["https://a.org/x", "https://site.net/y"]);
    }

    #[test]
    fn unsafe_and_local_addresses_leave_no_marker() {
        let text = format!(
            "{} {} {} {}",
            anchor("js", "javascript:alert(1)"),
            anchor("top", "#top"),
            anchor("data", "data:text/html,x"),
            anchor("mail", "mailto:ed@news.org"),
        );
        let p = with(&[&text], None);
        assert_eq!(p.paragraphs, ["js top data mail[1]"]);
        assert_eq!(p.links, ["mailto:ed@news.org"]);
    }

    #[test]
    fn relative_addresses_resolve_against_the_page() {
        let base = Some("https://site.net/news/page.html?id=1");
        assert_eq!(
            resolve("other.html", base).as_deref(),
            Some("https://site.net/news/other.html")
        );
        assert_eq!(
            resolve("//cdn.net/a", base).as_deref(),
            Some("https://cdn.net/a")
        );
        assert_eq!(resolve("other.html", None), None);
    }

    #[test]
    fn bare_addresses_in_plain_text() {
        let p = with(
            &["Read https://a.org/x. Or (http://b.org/y) and https://a.org/x again."],
            None,
        );
        assert_eq!(p.links, ["https://a.org/x", "http://b.org/y"]);
        assert_eq!(
            bare_links("no links, just http and https words"),
            Vec::<&str>::new()
        );
        assert_eq!(bare_links("日本 https://例え.jp/ x"), Vec::<&str>::new());
    }

    #[test]
    fn only_printable_web_and_mail_addresses_are_safe() {
        assert_eq!(
            safe_url("https://a.org/?q=1;x"),
            Some("https://a.org/?q=1;x")
        );
        assert_eq!(safe_url("HTTPS://A.ORG"), Some("HTTPS://A.ORG"));
        assert_eq!(safe_url("https://a.org/\u{1b}]0;x\u{7}"), None);
        assert_eq!(safe_url("https://a.org/\u{9d}x"), None);
        assert_eq!(safe_url("https://a.org/ x"), None);
        assert_eq!(safe_url("file:///etc/passwd"), None);
        assert_eq!(safe_url("https://"), None);
        assert_eq!(safe_url("javascript:alert(1)"), None);
    }

    #[test]
    fn the_title_keeps_no_marker_and_a_bad_own_address_is_dropped() {
        let p = finish(Parsed {
            title: anchor("Head", "https://a.org"),
            paragraphs: vec!["Body.".into()],
            url: Some("javascript:x".into()),
            ..Parsed::default()
        });
        assert_eq!(p.title, "Head");
        assert_eq!(p.url, None);
        assert!(p.links.is_empty());
    }
}
