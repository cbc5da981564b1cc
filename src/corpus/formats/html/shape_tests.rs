//! A page's article keeps its shape (tables, preformatted text, quotes) and loses the site's
//! teasers for other articles and its calls to the reader.

use super::Page;
use crate::corpus::Block;
use crate::corpus::record::Format;

const PAGE: &str = r#"<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Wheat prices climb again | Farm Wire</title>
<meta property="og:site_name" content="Farm Wire">
</head><body>
<main><article><h1>Wheat prices climb again</h1>
<p>Wheat prices rose for a third week on the Chicago exchange, traders said on Monday, as dry weather cut the outlook.</p>
<p class="editors-note">This story first appeared in <a href="https://grain.example/x">Grain Weekly</a>.</p>
<p><strong>Sign up for our <a href="/news">morning newsletter</a> to get the markets first.</strong></p>
<table><caption>Closing prices</caption>
<tr><th>Grain</th><th>Friday</th></tr>
<tr><td>Wheat</td><td>5.41</td></tr>
<tr><td>Soybeans</td><td>8.91</td></tr>
</table>
<h3><a href="/other">Corn growers fear a dry summer</a></h3>
<p>Analysts expect the rise to slow, though several said the weather, as every spring, would decide it.</p>
<blockquote><p>We have not seen a spring this dry since 2012, said one trader, who asked not to be named.</p></blockquote>
<pre>
  price = base * (1 + risk)
  risk  = drought + demand
</pre>
<p>The next report comes on Thursday, when the department gives its estimate, which traders watch closely.</p>
</article>
<div class="next">
 <div><h2><a href="/a">Corn growers fear a dry summer</a></h2><p>Farmers in Iowa are watching the sky, and the forecasts, with some worry after a winter with little snow.</p></div>
 <div><h2><a href="/b">Soy exports to China rise</a></h2><p>Shipments of soybeans rose in January, the first rise in months, as buyers in China returned, exporters said.</p></div>
</div>
</main></body></html>"#;

#[test]
fn tables_preformatted_text_and_quotes_keep_their_kind() {
    let p = Page
        .parse(PAGE.as_bytes())
        .unwrap_or_else(|e| panic!("{e}"));
    let kind_of = |start: &str| {
        let at = p.paragraphs.iter().position(|t| t.starts_with(start));
        let at = at.unwrap_or_else(|| panic!("no {start:?} in {:?}", p.paragraphs));
        (
            p.kinds.get(at).copied().unwrap_or_default(),
            &p.paragraphs[at],
        )
    };
    let (kind, table) = kind_of("Grain");
    assert_eq!(kind, Block::Preformatted);
    assert_eq!(table, "Grain    | Friday\nWheat    | 5.41\nSoybeans | 8.91");
    assert_eq!(kind_of("Closing prices").0, Block::Text);
    let (kind, pre) = kind_of("  price");
    assert_eq!(kind, Block::Preformatted);
    assert_eq!(
        pre,
        "  price = base * (1 + risk)\n  risk  = drought + demand"
    );
    assert_eq!(kind_of("> We have not").0, Block::Quote { depth: 1 });
    assert_eq!(kind_of("Wheat prices rose").0, Block::Text);
    assert_eq!(p.kinds.len(), p.paragraphs.len());
}

#[test]
fn teasers_and_calls_to_the_reader_are_not_the_article() {
    let p = Page
        .parse(PAGE.as_bytes())
        .unwrap_or_else(|e| panic!("{e}"));
    let all = p.paragraphs.join("\n");
    for furniture in [
        "Corn growers",
        "Farmers in Iowa",
        "Soy exports",
        "Sign up",
        "newsletter",
    ] {
        assert!(!all.contains(furniture), "{furniture} in {all}");
    }
    for text in [
        "This story first appeared in Grain Weekly",
        "Analysts expect",
        "The next report comes",
    ] {
        assert!(all.contains(text), "{text} not in {all}");
    }
}

#[test]
fn a_page_of_teasers_alone_still_gives_its_text() {
    // A listing page: its teasers are all it has, so they are what it shows.
    let teaser = |n: usize| {
        format!(
            "<div><h2><a href=\"/{n}\">Story {n} of the week</a></h2><p>Farmers in county {n} \
             are watching the sky, and the forecasts, with some worry after a winter with \
             little snow, growers said on Monday.</p></div>"
        )
    };
    let page = format!(
        "<html><body><main><p>This week's stories from the farms, with the prices, the \
         weather, and the people.</p><div class=\"list\">{}</div></main></body></html>",
        (1..=4).map(teaser).collect::<String>()
    );
    let p = Page
        .parse(page.as_bytes())
        .unwrap_or_else(|e| panic!("{e}"));
    let all = format!("{}\n{}", p.title, p.paragraphs.join("\n"));
    for n in 1..=4 {
        assert!(all.contains(&format!("Farmers in county {n} ")), "{all}");
    }
}

#[test]
fn teasers_beside_a_short_article_go_even_when_they_are_longer() {
    // The article scores by its commas; the teasers, long and without commas, score enough to
    // be taken beside it, and hold more text than it does.
    let teaser = |n: usize| {
        format!(
            "<div><h3><a href=\"/{n}\">Other story {n}</a></h3><p>Teaser number {n} tells of \
             a different thing entirely and goes on for a long while about it in words that \
             never stop for breath so that the summary runs to two hundred characters or so</p>\
             </div>"
        )
    };
    let para =
        "<p>The council met, and voted, and argued, and voted again, on Monday, she said.</p>";
    let page = format!(
        "<html><body><main><article><h1>Short one</h1>{}</article>\
         <section>{}</section></main></body></html>",
        para.repeat(4),
        (1..=6).map(teaser).collect::<String>()
    );
    let p = Page
        .parse(page.as_bytes())
        .unwrap_or_else(|e| panic!("{e}"));
    let all = p.paragraphs.join("\n");
    assert!(all.contains("The council met"), "{all}");
    assert!(!all.contains("Teaser number"), "{all}");
}
