//! The words and names that tell page furniture from an article: tags, ARIA roles, and the
//! class and id words Readability weighs (with those news pages add).

/// Elements that are page furniture wherever they stand.
pub(super) const FURNITURE: &[&str] =
    &["nav", "aside", "footer", "form", "header", "menu", "dialog"];
/// ARIA roles of furniture.
pub(super) const ROLES: &[&str] = &[
    "navigation",
    "complementary",
    "contentinfo",
    "banner",
    "search",
    "dialog",
    "alertdialog",
    "menu",
    "menubar",
];
/// Class and id words of furniture (from Readability's `unlikelyCandidates`, and the widgets
/// news pages add).
pub(super) const UNLIKELY: &[&str] = &[
    "-ad-",
    "ad-break",
    "agegate",
    "banner",
    "breadcrumb",
    "combx",
    "comment",
    "community",
    "consent",
    "cookie",
    "cover-wrap",
    "disqus",
    "footer",
    "gdpr",
    "header",
    "legends",
    "menu",
    "newsletter",
    "pagination",
    "pager",
    "popup",
    "promo",
    "recommend",
    "related",
    "remark",
    "replies",
    "rss",
    "share",
    "sharing",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "social",
    "sponsor",
    "subscribe",
    "supplemental",
    "teaser",
    "toolbar",
];
/// Class and id words of furniture that no content word saves.
pub(super) const ALWAYS: &[&str] = &[
    "advert",
    "-ad-",
    "ad-unit",
    "adunit",
    "caption",
    "credit",
    "copyright",
    "newsletter",
    "share",
    "social",
    "cookie",
    "consent",
    "related",
    "promo",
    "sponsor",
    "outbrain",
    "taboola",
    "comment",
    "recommend",
];
/// Class and id words that keep an element that looks unlikely (Readability's
/// `okMaybeItsACandidate`).
pub(super) const MAYBE: &[&str] = &[
    "and", "article", "body", "column", "content", "main", "shadow",
];
pub(super) const POSITIVE: &[&str] = &[
    "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "post", "text",
    "blog", "story",
];
pub(super) const NEGATIVE: &[&str] = &[
    "-ad-",
    "hidden",
    "combx",
    "comment",
    "com-",
    "contact",
    "footer",
    "gdpr",
    "masthead",
    "media",
    "meta",
    "outbrain",
    "promo",
    "related",
    "scroll",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "tags",
    "widget",
    "caption",
];
