//! The parts of a page's article outside the block that scores best: a standfirst after the
//! headline or set apart by its class, and, on a page of several articles, which is its own.

use rustc_hash::FxHashSet as HashSet;

use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use scraper::{Html, Node};

use super::blocks::blocks;
use super::extract::{Lengths, has_block_child, names};
use crate::corpus::paragraphs::Paragraph;

/// The paragraphs that follow the page's headline (`<h1>`) before the branch that holds the
/// article: a standfirst set above the article's body.
pub(super) fn lead(
    doc: &Html,
    top: NodeId,
    removed: &HashSet<NodeId>,
    lens: &Lengths,
    skip: &dyn Fn(NodeRef<'_, Node>) -> bool,
) -> Vec<Paragraph> {
    let Some(top_node) = doc.tree.get(top) else {
        return Vec::new();
    };
    let h1 = doc.tree.root().descendants().find(|n| {
        n.value().as_element().is_some_and(|e| e.name() == "h1") && !removed.contains(&n.id())
    });
    let Some(h1) = h1 else {
        return Vec::new();
    };
    // A headline inside the article, or beside it (its siblings join it anyway), adds nothing.
    if h1.ancestors().any(|a| a.id() == top)
        || h1.parent().map(|p| p.id()) == top_node.parent().map(|p| p.id())
    {
        return Vec::new();
    }
    // Only when the headline and the article share a parent within three levels.
    let shared = h1
        .ancestors()
        .take(3)
        .find(|a| top_node.ancestors().any(|t| t.id() == a.id()));
    if shared.is_none() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for sibling in h1.next_siblings() {
        if sibling.id() == top || sibling.descendants().any(|d| d.id() == top) {
            break;
        }
        if removed.contains(&sibling.id()) {
            continue;
        }
        let is_p = sibling
            .value()
            .as_element()
            .is_some_and(|e| e.name() == "p" || e.name() == "div" && !has_block_child(sibling));
        let (text, links) = lens.get(&sibling.id()).map_or((0, 0), |l| (l.0, l.1));
        if is_p && text >= 80 && links * 4 < text {
            out.extend(blocks(sibling, skip));
        }
    }
    out
}

/// Class words of a standfirst.
const INTRO: &[&str] = &[
    "intro",
    "lead",
    "standfirst",
    "summary",
    "dek",
    "vorspann",
    "chapo",
];

/// A standfirst set apart from the article's body by its class (`<p class="intro">`), before
/// the article and within three levels above it.
pub(super) fn intro(
    doc: &Html,
    top: NodeId,
    removed: &HashSet<NodeId>,
    lens: &Lengths,
    skip: &dyn Fn(NodeRef<'_, Node>) -> bool,
) -> Vec<Paragraph> {
    let Some(above) = doc.tree.get(top).and_then(|t| t.ancestors().nth(2)) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut inside: Option<NodeId> = None;
    for edge in above.traverse() {
        let Edge::Open(node) = edge else {
            if let Edge::Close(node) = edge
                && inside == Some(node.id())
            {
                inside = None;
            }
            continue;
        };
        if node.id() == top {
            break;
        }
        if inside.is_some() || removed.contains(&node.id()) {
            continue;
        }
        let is_p = node
            .value()
            .as_element()
            .is_some_and(|e| e.name() == "p" || e.name() == "div" && !has_block_child(node));
        let (text, links) = lens.get(&node.id()).map_or((0, 0), |l| (l.0, l.1));
        let names = names(node);
        if is_p && text >= 80 && links * 4 < text && INTRO.iter().any(|w| names.contains(w)) {
            out.extend(blocks(node, skip));
            inside = Some(node.id());
        }
    }
    out
}

/// On a page of two or more long `<article>`s, none inside another: the one with a heading
/// that reads as the title, else the first.
pub(super) fn own_article(
    root: NodeRef<'_, Node>,
    removed: &HashSet<NodeId>,
    lens: &Lengths,
    title: Option<&str>,
) -> Option<NodeId> {
    let is_article = |n: &NodeRef<'_, Node>| {
        n.value()
            .as_element()
            .is_some_and(|e| e.name() == "article")
    };
    let articles: Vec<NodeRef<'_, Node>> = root
        .descendants()
        .filter(|n| {
            is_article(n)
                && !removed.contains(&n.id())
                && lens.get(&n.id()).is_some_and(|l| l.0 >= 500)
                && !n.ancestors().any(|a| is_article(&a))
        })
        .collect();
    if articles.len() < 2 {
        return None;
    }
    let squash = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let title = title.map(squash).filter(|t| t.len() >= 8);
    let headed = title.and_then(|title| {
        articles.iter().find(|a| {
            a.descendants().any(|h| {
                let heading = h
                    .value()
                    .as_element()
                    .is_some_and(|e| matches!(e.name(), "h1" | "h2" | "h3"));
                heading && {
                    let text: String = h
                        .descendants()
                        .filter_map(|t| t.value().as_text().map(|t| t.to_string()))
                        .collect();
                    let text = squash(&text);
                    text.len() >= 8 && (title.contains(&text) || text.contains(&title))
                }
            })
        })
    });
    headed.or(articles.first()).map(|a| a.id())
}
