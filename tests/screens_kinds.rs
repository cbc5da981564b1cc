//! Whole screens of a Usenet post with quotes, a table and a signature, pinned with insta
//! snapshots at 100x30 and 40x12, before and after scrolling the table sideways.

mod common;

use common::Harness;
use folio::action::Action;
use folio::corpus::{Article, parse};

const POST: &str = "\
From: trader@grain.example.com (Pat Trader)
Subject: Re: Grain prices this week
Organization: Example Grain Exchange
Lines: 20

In article <1993Apr7.1400@wire.example.com> clerk@wire.example.com writes:
>The closing prices came in higher than the exchange expected, which surprised
>nearly everyone who had been following the market through the spring.
>> Did anyone keep the table from last week's wire? It had the grades in it.

Here it is, as the wire sent it:

  Grain    Last   Prev    Grade  High     Low
  Wheat    2.55   2.40       IV  4.65      --
  Maize    1.85   1.80       II  2.05    1.70

Prices are in dollars a bushel, and the grades are the exchange's own.

-- 
Pat Trader                      trader@grain.example.com
\"Buy low, sell high.\"
";

fn post() -> Article {
    let parsed = parse(POST);
    Article {
        title: parsed.title,
        date: parsed.date,
        source: parsed.source,
        paragraphs: parsed.paragraphs,
        kinds: parsed.kinds,
        path: "grain-prices.txt".into(),
        ..Article::default()
    }
}

fn reading(width: u16, height: u16) -> Harness {
    let mut h = Harness::new(vec![post()], width, height);
    h.act(Action::Open);
    h
}

#[test]
fn a_post_with_quotes_a_table_and_a_signature_100x30() {
    let h = reading(100, 30);
    insta::assert_snapshot!(h.screen());
}

#[test]
fn a_post_with_quotes_a_table_and_a_signature_40x12() {
    let mut h = reading(40, 12);
    h.act(Action::Bottom);
    insta::assert_snapshot!(h.screen());
}

#[test]
fn the_table_scrolled_sideways_40x12() {
    let mut h = reading(40, 12);
    h.act(Action::Bottom);
    h.act(Action::ScrollRight);
    h.act(Action::ScrollRight);
    insta::assert_snapshot!(h.screen());
}
