//! What a page says about itself: its title (OpenGraph, JSON-LD, `<h1>`, `<title>`, less the
//! site's name), date, publisher and JSON-LD `articleBody`.

use scraper::{Html, Node};
use serde_json::Value;

use crate::corpus::date::parse_date;
use crate::corpus::entities::decode_entities;
use crate::corpus::paragraphs::collapse_spaces;
use crate::text::sanitize_text;

/// What a page says about itself.
#[derive(Debug, Default)]
pub(super) struct Meta {
    /// JSON-LD's `articleBody`.
    pub body: Option<String>,
    pub title: Option<String>,
    pub date: Option<String>,
    pub site: Option<String>,
    /// The page's own address: its canonical link, else `og:url`.
    pub url: Option<String>,
}

impl Meta {
    pub fn of(doc: &Html) -> Self {
        let mut metas: Vec<(String, String)> = Vec::new();
        let mut json_ld: Vec<Value> = Vec::new();
        let (mut h1, mut title_tag, mut time) = (None, None, None);
        let mut canonical: Option<String> = None;
        for node in doc.tree.root().descendants() {
            let Some(el) = node.value().as_element() else {
                continue;
            };
            match el.name() {
                "meta" => {
                    let key = el
                        .attr("property")
                        .or_else(|| el.attr("name"))
                        .or_else(|| el.attr("itemprop"));
                    if let (Some(key), Some(content)) = (key, el.attr("content")) {
                        metas.push((key.to_lowercase(), content.to_owned()));
                    }
                }
                "script" if el.attr("type").is_some_and(|t| t.contains("ld+json")) => {
                    let text: String = node
                        .children()
                        .filter_map(|c| c.value().as_text().map(|t| t.to_string()))
                        .collect();
                    if let Ok(value) = serde_json::from_str::<Value>(&text) {
                        json_ld.push(value);
                    }
                }
                "h1" if h1.is_none() => h1 = Some(text_of(node)).filter(|t| !t.contains("{{")),
                "title" if title_tag.is_none() => {
                    title_tag = Some(text_of(node)).filter(|t| !t.contains("{{"));
                }
                "link"
                    if canonical.is_none()
                        && el
                            .attr("rel")
                            .is_some_and(|r| r.eq_ignore_ascii_case("canonical")) =>
                {
                    canonical = el.attr("href").map(|h| h.trim().to_owned());
                }
                "time" if time.is_none() => time = el.attr("datetime").map(str::to_owned),
                _ => {}
            }
        }
        // A value still holding template syntax (`{{headline}}`) was never filled in.
        let meta = |names: &[&str]| {
            names.iter().find_map(|n| {
                metas
                    .iter()
                    .find(|(k, v)| k == n && !v.trim().is_empty() && !v.contains("{{"))
                    .map(|(_, v)| clean(v))
            })
        };
        let ld = LdArticle::find(&json_ld);
        let h1 = h1.filter(|t| !t.is_empty());
        let title = meta(&["og:title", "twitter:title"])
            .or(ld.headline)
            .or_else(|| h1.clone())
            .or(title_tag.filter(|t| !t.is_empty()));
        // `Headline | Site | Date`: the page's own headline, when the title starts with it.
        let title = match (title, h1) {
            (Some(t), Some(h)) if t.len() > h.len() && t.starts_with(&h) => {
                let rest = t.get(h.len()..).unwrap_or_default().trim_start();
                Some(if rest.starts_with(['|', '-', '–', '—', ':', '·']) {
                    h
                } else {
                    t
                })
            }
            (t, _) => t,
        };
        let date = meta(&["article:published_time", "og:published_time"])
            .and_then(|d| parse_date(&d))
            .or_else(|| ld.published.and_then(|d| parse_date(&d)))
            .or_else(|| time.and_then(|d| parse_date(&d)))
            .or_else(|| {
                meta(&[
                    "date",
                    "pubdate",
                    "publish-date",
                    "dc.date",
                    "datepublished",
                ])
                .and_then(|d| parse_date(&d))
            });
        let site = meta(&["og:site_name", "application-name"]).or(ld.publisher);
        let url = canonical.or_else(|| meta(&["og:url"]));
        Meta {
            body: ld.body,
            title,
            date,
            site,
            url,
        }
    }
}

/// An element's text, on one line.
pub(super) fn text_of(node: ego_tree::NodeRef<'_, Node>) -> String {
    let text: String = node
        .descendants()
        .filter_map(|n| n.value().as_text().map(|t| t.to_string()))
        .collect();
    clean(&text)
}

/// One line of page text: entities decoded, controls gone, spaces collapsed.
pub(super) fn clean(s: &str) -> String {
    collapse_spaces(sanitize_text(&decode_entities(s)))
}

/// What the page's JSON-LD says of its article.
#[derive(Debug, Default)]
pub(super) struct LdArticle {
    body: Option<String>,
    headline: Option<String>,
    published: Option<String>,
    publisher: Option<String>,
}

impl LdArticle {
    /// The first object with a headline (in a list or an `@graph` too), and a publisher's name.
    fn find(values: &[Value]) -> Self {
        let mut found = LdArticle::default();
        let mut queue: Vec<&Value> = values.iter().collect();
        while let Some(value) = queue.pop() {
            match value {
                Value::Array(items) => queue.extend(items.iter().rev()),
                Value::Object(o) => {
                    if let Some(graph) = o.get("@graph") {
                        queue.push(graph);
                    }
                    let text = |k: &str| o.get(k).and_then(Value::as_str).map(clean);
                    if found.headline.is_none() {
                        found.headline = text("headline").filter(|t| !t.is_empty());
                        if found.headline.is_some() {
                            found.published = text("datePublished");
                            found.body = o
                                .get("articleBody")
                                .and_then(Value::as_str)
                                .map(str::to_owned);
                        }
                    }
                    if found.publisher.is_none() {
                        found.publisher = o
                            .get("publisher")
                            .and_then(|p| p.get("name").or(Some(p)))
                            .and_then(Value::as_str)
                            .map(clean);
                    }
                }
                _ => {}
            }
        }
        found
    }
}

/// Compares two lines without regard to case, spaces and punctuation.
pub(super) fn same(a: &str, b: &str) -> bool {
    squash(a) == squash(b)
}

pub(super) fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A title without the site's name after (or before) it: `Headline | Site`, `Headline - Site`.
pub(super) fn strip_site(title: &str, site: Option<&str>) -> String {
    strip_part(title, &|part| names_site(part, site))
}

/// `title` without a first or last part that is the name of the page's host (`… › Meedia`
/// on meedia.de), when the page names no site; the whole name only, never a piece of it.
pub(super) fn strip_host(title: &str, host: &str) -> String {
    let label = host.split('.').next().map(squash).unwrap_or_default();
    if label.is_empty() {
        return title.to_owned();
    }
    strip_part(title, &|part| {
        squash(part) == label || squash(part) == squash(host)
    })
}

/// `title` without its first or last part (parted by ` | `, ` - `, ` › ` and the like) when
/// `is_site` says that part names the site.
fn strip_part(title: &str, is_site: &dyn Fn(&str) -> bool) -> String {
    const SEPARATORS: [&str; 8] = [" | ", " - ", " – ", " — ", " :: ", " · ", " › ", " » "];
    for sep in SEPARATORS {
        if let Some((head, tail)) = title.rsplit_once(sep)
            && is_site(tail)
            && !head.trim().is_empty()
        {
            return head.trim().to_owned();
        }
        if let Some((head, tail)) = title.split_once(sep)
            && is_site(head)
            && !tail.trim().is_empty()
        {
            return tail.trim().to_owned();
        }
    }
    title.to_owned()
}

/// Whether a part of a title names the site.
pub(super) fn names_site(part: &str, site: Option<&str>) -> bool {
    let part = squash(part);
    if part.is_empty() {
        return false;
    }
    match site.map(squash) {
        Some(site) if !site.is_empty() => site.contains(&part) || part.contains(&site),
        _ => false,
    }
}
