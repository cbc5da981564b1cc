//! Finding a page's article the way Mozilla Readability does: page furniture (navigation,
//! asides, footers, forms, share and comment widgets, hidden parts) is set aside, paragraphs
//! are scored by their length and commas, their scores flow to the blocks that hold them, the
//! best block (less its share of link text) wins, and its siblings that read like it join it.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use scraper::{Html, Node};

use super::blocks::{NEVER, blocks};
use super::lead::{intro, lead, own_article};
use super::words::{ALWAYS, CALLS, FURNITURE, MAYBE, NEGATIVE, POSITIVE, ROLES, UNLIKELY};
use crate::corpus::paragraphs::Paragraph;

/// Per element: text length, link text length, commas.
pub(super) type Lengths = HashMap<NodeId, (usize, usize, usize)>;

/// The article's paragraphs, or `None` when the page has no block of text to speak of.
///
/// `title` is the page's title: on a page of several long `<article>`s (a series, an endless
/// scroll), the one headed by it is the page's own, else the first.
pub fn article(doc: &Html, title: Option<&str>) -> Option<Vec<Paragraph>> {
    let root = doc.tree.root();
    let whole = lengths(root, &HashSet::default());
    let removed = furniture(root, &whole);
    let lens = lengths(root, &removed);
    let mut scores = score(root, &removed, &lens);
    if let Some(own) = own_article(root, &removed, &lens, title) {
        scores.retain(|id, _| {
            *id == own
                || doc
                    .tree
                    .get(*id)
                    .is_some_and(|n| n.ancestors().any(|a| a.id() == own))
        });
    }
    let top = best(doc, &scores, &lens)?;
    let above_top: HashSet<NodeId> = doc
        .tree
        .get(top)
        .map(|t| t.ancestors().map(|a| a.id()).collect())
        .unwrap_or_default();
    let headings = link_headings(root, &lens);
    // A block of teasers is set aside beside the article, or inside it when it is less than
    // half of it; on a page that is a list of them, it is the page.
    let text_of = |id: NodeId| lens.get(&id).map_or(0, |l| l.0);
    let minor = |node: NodeRef<'_, Node>| {
        !node.ancestors().any(|a| a.id() == top) || text_of(node.id()) * 2 < text_of(top)
    };
    let skip = |node: NodeRef<'_, Node>| {
        removed.contains(&node.id())
            || is_link_list(node, &lens)
            || is_link_heading(node, &lens)
            || is_call_to_action(node, &lens)
            || node.id() != top
                && !above_top.contains(&node.id())
                && is_teaser_list(node, &headings)
                && minor(node)
    };
    let parent = doc.tree.get(top)?.parent();
    let top_score = scores.get(&top).copied().unwrap_or(0.0);
    let top_class = doc.tree.get(top).map(class_of).unwrap_or_default();
    let threshold = (top_score * 0.2).max(10.0);
    let mut out = Vec::new();
    let members: Vec<NodeRef<'_, Node>> = match parent {
        Some(parent) if parent.value().is_element() => parent.children().collect(),
        _ => doc.tree.get(top).into_iter().collect(),
    };
    let mut lead = lead(doc, top, &removed, &lens, &skip);
    if lead.is_empty() {
        lead = intro(doc, top, &removed, &lens, &skip);
    }
    out.extend(lead);
    for node in members {
        let take = node.id() == top
            || !removed.contains(&node.id()) && {
                let (text, links) = lens.get(&node.id()).map_or((0, 0), |l| (l.0, l.1));
                let density = links as f64 / text.max(1) as f64;
                let mut score = scores.get(&node.id()).copied().unwrap_or(0.0);
                if !top_class.is_empty() && class_of(node) == top_class {
                    score += top_score * 0.2;
                }
                let is_p = node.value().as_element().is_some_and(|e| {
                    e.name() == "p" || e.name() == "div" && !has_block_child(node)
                });
                score >= threshold && density < 0.5
                    || is_p && (text > 80 && density < 0.25 || text > 0 && density == 0.0)
            };
        if take {
            out.extend(blocks(node, &skip));
        }
    }
    (!out.is_empty()).then_some(out)
}

/// The class of an element, as written.
fn class_of(node: NodeRef<'_, Node>) -> String {
    node.value()
        .as_element()
        .and_then(|e| e.attr("class"))
        .unwrap_or("")
        .to_owned()
}

/// The class and id of an element, lower case.
pub(super) fn names(node: NodeRef<'_, Node>) -> String {
    let Some(el) = node.value().as_element() else {
        return String::new();
    };
    let mut s = el.attr("class").unwrap_or("").to_lowercase();
    s.push(' ');
    s.push_str(&el.attr("id").unwrap_or("").to_lowercase());
    s
}

/// Every node that is furniture or hidden, or inside such a node.
///
/// An element is never set aside for its class alone when it holds two fifths of the page's
/// text: that is the article, however it is named.
fn furniture(root: NodeRef<'_, Node>, whole: &Lengths) -> HashSet<NodeId> {
    let total = root
        .children()
        .filter_map(|c| whole.get(&c.id()))
        .map(|l| l.0)
        .sum::<usize>();
    let big = |node: NodeRef<'_, Node>| whole.get(&node.id()).is_some_and(|l| l.0 * 5 > total * 2);
    let mut out = HashSet::default();
    let mut inside = 0usize;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                if inside > 0 {
                    inside += usize::from(node.value().is_element());
                    out.insert(node.id());
                    continue;
                }
                if is_furniture(node, &big) {
                    out.insert(node.id());
                    inside = 1;
                }
            }
            Edge::Close(node) => {
                if inside > 0 && node.value().is_element() {
                    inside -= 1;
                }
            }
        }
    }
    out
}

fn is_furniture(node: NodeRef<'_, Node>, big: &dyn Fn(NodeRef<'_, Node>) -> bool) -> bool {
    let Some(el) = node.value().as_element() else {
        return false;
    };
    let name = el.name();
    if matches!(name, "html" | "body" | "article" | "main") {
        return false;
    }
    if NEVER.contains(&name) || FURNITURE.contains(&name) || matches!(name, "figure" | "figcaption")
    {
        return true;
    }
    if el.attr("hidden").is_some() || el.attr("aria-hidden") == Some("true") {
        return true;
    }
    if let Some(style) = el.attr("style") {
        let style = style.to_lowercase().replace(' ', "");
        if style.contains("display:none") || style.contains("visibility:hidden") {
            return true;
        }
    }
    if el
        .attr("role")
        .is_some_and(|r| ROLES.contains(&r.to_lowercase().as_str()))
    {
        return true;
    }
    let names = names(node);
    let unlikely = ALWAYS.iter().any(|w| names.contains(w))
        || UNLIKELY.iter().any(|w| names.contains(w)) && !MAYBE.iter().any(|w| names.contains(w));
    unlikely && !big(node)
}

/// For every element: the length of its text (in characters), of its text inside links, and
/// its number of commas; furniture left out.
fn lengths(root: NodeRef<'_, Node>, removed: &HashSet<NodeId>) -> Lengths {
    let mut out = HashMap::default();
    let mut stack: Vec<(NodeId, usize, usize, usize, bool)> = Vec::new();
    let mut skipping: Option<NodeId> = None;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                if skipping.is_some() {
                    continue;
                }
                if removed.contains(&node.id()) {
                    skipping = Some(node.id());
                    continue;
                }
                match node.value() {
                    Node::Element(el) => {
                        stack.push((node.id(), 0, 0, 0, el.name() == "a"));
                    }
                    Node::Text(text) => {
                        if let Some(top) = stack.last_mut() {
                            let (length, commas) = measure(text);
                            top.1 += length;
                            top.3 += commas;
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if skipping == Some(node.id()) {
                    skipping = None;
                    continue;
                }
                if skipping.is_some() || !node.value().is_element() {
                    continue;
                }
                if let Some((id, text, mut links, commas, is_link)) = stack.pop() {
                    if is_link {
                        links = text;
                    }
                    out.insert(id, (text, links, commas));
                    if let Some(parent) = stack.last_mut() {
                        parent.1 += text;
                        parent.2 += links;
                        parent.3 += commas;
                    }
                }
            }
        }
    }
    out
}

/// A text's length as the scores count it (its characters outside whitespace, and one for
/// each word: the words' lengths with a space after each) and its commas, in one pass.
fn measure(text: &str) -> (usize, usize) {
    let (mut length, mut commas, mut in_word) = (0, 0, false);
    let mut step = |blank: bool, comma: bool| {
        if blank {
            in_word = false;
        } else {
            length += 1 + usize::from(!in_word);
            in_word = true;
            commas += usize::from(comma);
        }
    };
    if text.is_ascii() {
        for &b in text.as_bytes() {
            step(matches!(b, b' ' | b'\t'..=b'\r'), b == b',');
        }
    } else {
        for c in text.chars() {
            step(c.is_whitespace(), matches!(c, ',' | '，' | '、'));
        }
    }
    (length, commas)
}

/// The class weight Readability gives: +25 for words of content, -25 for words of furniture.
fn class_weight(node: NodeRef<'_, Node>) -> f64 {
    let names = names(node);
    let mut weight = 0.0;
    if POSITIVE.iter().any(|w| names.contains(w)) {
        weight += 25.0;
    }
    if NEGATIVE.iter().any(|w| names.contains(w)) {
        weight -= 25.0;
    }
    weight
}

/// The score of every block that holds a paragraph.
fn score(
    root: NodeRef<'_, Node>,
    removed: &HashSet<NodeId>,
    lens: &Lengths,
) -> HashMap<NodeId, f64> {
    let mut scores: HashMap<NodeId, f64> = HashMap::default();
    for node in root.descendants() {
        let Some(el) = node.value().as_element() else {
            continue;
        };
        let paragraph = matches!(el.name(), "p" | "pre" | "td" | "blockquote")
            || el.name() == "div" && !has_block_child(node);
        if !paragraph {
            continue;
        }
        if removed.contains(&node.id()) {
            continue;
        }
        let Some(&(text, links, commas)) = lens.get(&node.id()) else {
            continue;
        };
        if text < 25 || links * 2 > text {
            continue;
        }
        let points = 1.0 + commas as f64 + (text as f64 / 100.0).min(3.0);
        for (level, ancestor) in node.ancestors().take(5).enumerate() {
            let Some(a) = ancestor.value().as_element() else {
                break;
            };
            let entry = scores.entry(ancestor.id()).or_insert_with(|| {
                let base = match a.name() {
                    "div" | "article" | "section" | "main" => 5.0,
                    "pre" | "td" | "blockquote" => 3.0,
                    "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
                    "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
                    _ => 0.0,
                };
                base + class_weight(ancestor)
            });
            let share = match level {
                0 => 1.0,
                1 => 0.5,
                n => 1.0 / (n as f64 * 3.0),
            };
            *entry += points * share;
        }
    }
    for (id, score) in &mut scores {
        let (text, links) = lens.get(id).map_or((0, 0), |l| (l.0, l.1));
        *score *= 1.0 - links as f64 / text.max(1) as f64;
    }
    scores
}

/// The best-scored block; a parent that scores higher still takes its place.
fn best(doc: &Html, scores: &HashMap<NodeId, f64>, _lens: &Lengths) -> Option<NodeId> {
    let mut ranked: Vec<(NodeId, f64)> = scores.iter().map(|(&id, &s)| (id, s)).collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let &(mut top, top_score) = ranked.first()?;
    // Readability's alternative candidates: an ancestor holding three of the next best
    // blocks (each within three quarters of the best) holds the article.
    let close: Vec<NodeId> = ranked
        .iter()
        .skip(1)
        .take(4)
        .filter(|(_, s)| *s >= top_score * 0.75)
        .map(|(id, _)| *id)
        .collect();
    if close.len() >= 3 {
        let node = doc.tree.get(top)?;
        for ancestor in node.ancestors() {
            if ancestor
                .value()
                .as_element()
                .is_none_or(|e| e.name() == "body")
            {
                break;
            }
            let held = close
                .iter()
                .filter(|id| {
                    doc.tree
                        .get(**id)
                        .is_some_and(|n| n.ancestors().any(|a| a.id() == ancestor.id()))
                })
                .count();
            if held >= 3 {
                top = ancestor.id();
                break;
            }
        }
    }
    let top_score = scores.get(&top).copied().unwrap_or(top_score);
    let mut node = doc.tree.get(top)?;
    let mut last = top_score;
    let threshold = top_score / 3.0;
    while let Some(parent) = node.parent() {
        if parent
            .value()
            .as_element()
            .is_none_or(|e| e.name() == "body")
        {
            break;
        }
        let Some(&score) = scores.get(&parent.id()) else {
            break;
        };
        if score < threshold {
            break;
        }
        if score > last {
            return Some(parent.id());
        }
        last = score;
        node = parent;
    }
    Some(top)
}

/// A list, table or section that is mostly links: a menu or a list of other articles.
fn is_link_list(node: NodeRef<'_, Node>, lens: &Lengths) -> bool {
    let Some(el) = node.value().as_element() else {
        return false;
    };
    if !matches!(
        el.name(),
        "ul" | "ol" | "div" | "section" | "table" | "p" | "li"
    ) {
        return false;
    }
    let (text, links) = lens.get(&node.id()).map_or((0, 0), |l| (l.0, l.1));
    text > 0 && links * 2 > text
}

/// A heading that is all link: the headline of another article (a teaser), not a heading of
/// this one.
fn is_link_heading(node: NodeRef<'_, Node>, lens: &Lengths) -> bool {
    let heading = node
        .value()
        .as_element()
        .is_some_and(|e| matches!(e.name(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6"));
    let (text, links) = lens.get(&node.id()).map_or((0, 0), |l| (l.0, l.1));
    heading && text > 0 && links * 10 >= text * 9
}

/// For every element, how many headings that are all link it holds.
fn link_headings(root: NodeRef<'_, Node>, lens: &Lengths) -> HashMap<NodeId, usize> {
    let mut out = HashMap::default();
    let mut stack: Vec<usize> = Vec::new();
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) if node.value().is_element() => stack.push(0),
            Edge::Close(node) if node.value().is_element() => {
                let count = stack.pop().unwrap_or(0) + usize::from(is_link_heading(node, lens));
                if count > 0 {
                    out.insert(node.id(), count);
                }
                if let Some(parent) = stack.last_mut() {
                    *parent += count;
                }
            }
            _ => {}
        }
    }
    out
}

/// A block of teasers for other articles: two or more headings that are all link, each with
/// its summary (next stories, more from the site).
fn is_teaser_list(node: NodeRef<'_, Node>, headings: &HashMap<NodeId, usize>) -> bool {
    let block = node
        .value()
        .as_element()
        .is_some_and(|e| matches!(e.name(), "div" | "section" | "ul" | "ol"));
    block && headings.get(&node.id()).is_some_and(|&n| n >= 2)
}

/// A short paragraph with a link that asks the reader to do something (submit a letter,
/// subscribe, follow, sign up): the site speaking, not the article.
fn is_call_to_action(node: NodeRef<'_, Node>, lens: &Lengths) -> bool {
    let paragraph = node.value().as_element().is_some_and(|e| {
        matches!(e.name(), "p" | "li") || e.name() == "div" && !has_block_child(node)
    });
    let (text, links) = lens.get(&node.id()).map_or((0, 0), |l| (l.0, l.1));
    if !paragraph || links == 0 || text > 240 {
        return false;
    }
    let words: String = node
        .descendants()
        .filter_map(|d| d.value().as_text().map(|t| t.to_string()))
        .collect::<String>()
        .split_whitespace()
        .take(4)
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    let words = words.trim_start_matches(|c: char| !c.is_alphanumeric());
    CALLS.iter().any(|call| {
        words
            .strip_prefix(call)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(|c: char| !c.is_alphanumeric()))
    })
}

/// Whether an element holds a block (and so is not a paragraph itself).
pub(super) fn has_block_child(node: NodeRef<'_, Node>) -> bool {
    node.children().any(|c| {
        c.value().as_element().is_some_and(|e| {
            matches!(
                e.name(),
                "p" | "div"
                    | "section"
                    | "article"
                    | "table"
                    | "ul"
                    | "ol"
                    | "blockquote"
                    | "pre"
                    | "h1"
                    | "h2"
                    | "h3"
                    | "h4"
                    | "h5"
                    | "h6"
                    | "figure"
            )
        })
    })
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::measure;

    proptest! {
        #[test]
        fn measure_counts_as_words_and_commas_do(text in "[a-z ,\t\n\r\u{b}\u{c}\u{1c}\u{85}\u{a0}\u{3000}，、é日]{0,40}") {
            let length: usize = text.split_whitespace().map(|w| w.chars().count() + 1).sum();
            let commas = text.matches([',', '，', '、']).count();
            prop_assert_eq!(measure(&text), (length, commas));
        }
    }
}
