//! Tests of building paragraphs: joining wrapped prose and quotes, keeping tables and
//! signatures line for line, and splitting huge paragraphs.

use super::*;

fn paras(text: &str) -> Vec<String> {
    let lines: Vec<String> = text.lines().map(str::to_owned).collect();
    build(&lines).into_iter().map(|p| p.text).collect()
}

const PROSE: &str = "\
It is a truth universally acknowledged, that a single man in possession
of a good fortune, must be in want of a wife.

However little known the feelings or views of such a man may be on his
first entering a neighbourhood, this truth is so well fixed in the minds
of the surrounding families, that he is considered as the rightful
property of some one or other of their daughters.";

#[test]
fn hard_wrapped_prose_is_joined() {
    let p = paras(PROSE);
    assert_eq!(p.len(), 2);
    assert!(p[0].starts_with(
        "It is a truth universally acknowledged, that a single man in possession of a good"
    ));
    assert!(p[1].ends_with("the rightful property of some one or other of their daughters."));
}

#[test]
fn short_lines_inside_wrapped_text_stay_apart() {
    let text = format!("{PROSE}\n\nGEORGE ALLEN\nPUBLISHER\n156 CHARING CROSS ROAD");
    let p = paras(&text);
    assert_eq!(
        &p[2..],
        ["GEORGE ALLEN", "PUBLISHER", "156 CHARING CROSS ROAD"]
    );
}

#[test]
fn one_paragraph_per_line_scrapes_stay_apart() {
    let long = "A sentence that goes on and on well past any wrap column anyone would choose for \
                plain text, because the page stored each paragraph on one line.";
    let text = format!("Headline here\nA standfirst line.\n{long}\n{long}");
    assert_eq!(paras(&text).len(), 4);
}

#[test]
fn ragged_short_lines_are_not_prose() {
    let text = "RLO: abc def ghi (should read ihg fed cba)\n\
                Trojan source: access_level = \"user // Check if admin\"\n\
                Isolates: one LRI English FSI ? unterminated at the end\n\
                Marks: RLM LRM ALM\nHebrew: 123 abc\nArabic: 123\nfilename-spoof: x.exe";
    assert_eq!(paras(text).len(), 7);
}

#[test]
fn uniform_short_lines_are_not_prose() {
    let text: String = (0..50).map(|i| format!("line {i:07}\n")).collect();
    assert_eq!(paras(&text).len(), 50);
}

#[test]
fn quoted_lines_are_joined_by_depth() {
    let text = "\
In article <x@y> someone writes:
>My online Bible is on a CD, but I don't own a CD-ROM system for the
>time being, so I can't search for the famous cite where Jesus said it.
>> An older quote that was wrapped at the usual column by the poster's
>> newsreader.
Who said Christians want to conform to the teachings of the prophets?";
    let p = paras(text);
    assert_eq!(
        p[1],
        "> My online Bible is on a CD, but I don't own a CD-ROM system for the time being, so I can't search for the famous cite where Jesus said it."
    );
    assert_eq!(
        p[2],
        ">> An older quote that was wrapped at the usual column by the poster's newsreader."
    );
    assert!(p[3].starts_with("Who said"));
}

#[test]
fn hand_wrapped_ragged_lines_and_indented_paragraphs() {
    let text = "\
 I am so tired about all this debate on how many of them there
are!  Such arguments are basically worthless, imho.  Would it
really matter if it were millions of people who are regularly
even only one?
As for the threats, I happen to know from personal
experience that people are far more likely to receive
them based on political views or even personal philosophies.";
    let p = paras(text);
    assert_eq!(p.len(), 2, "{p:?}");
    assert!(p[0].ends_with("regularly even only one?"));
    assert!(p[1].starts_with("As for the threats"));
}

#[test]
fn hyphenated_words_close_up() {
    let text = "This line is long enough to count as wrapped prose in a book, well-\nknown words join.\nAnother line of filler text so that the wrap column is found reliably.";
    assert!(paras(text)[0].contains("well-known"));
}

#[test]
fn spaces_collapse() {
    assert_eq!(paras("  a   b  \u{3000}c  "), ["a b \u{3000}c"]);
}

#[test]
fn long_paragraphs_split_at_whitespace_within_the_limit() {
    let text = "word ".repeat(10_000);
    let mut out = Vec::new();
    split_long(text.trim().to_owned(), 1000, &mut out);
    assert!(
        out.iter()
            .all(|p| p.len() <= 1000 && p.starts_with("word") && p.ends_with("word"))
    );
    assert_eq!(
        out.iter().map(|p| p.split(' ').count()).sum::<usize>(),
        10_000
    );
}

#[test]
fn long_runs_without_spaces_split_at_char_boundaries() {
    let mut out = Vec::new();
    split_long("長".repeat(1000), 100, &mut out);
    assert!(out.iter().all(|p| p.len() <= 100));
    assert_eq!(out.concat(), "長".repeat(1000));
    let mut out = Vec::new();
    split_long("あいう。".repeat(100), 100, &mut out);
    assert!(out.iter().all(|p| p.ends_with('。')));
}

#[test]
fn split_all_bounds_every_paragraph() {
    let huge = "lorem ipsum ".repeat(5000);
    let text = |t: &str| Paragraph {
        text: t.into(),
        kind: Block::Text,
    };
    let p = split_all(vec![text("short"), text(huge.trim()), text("end")]);
    assert!(p.len() >= 6 && p.iter().all(|p| p.text.len() <= MAX_PARAGRAPH));
    assert_eq!(
        (p[0].text.as_str(), p[p.len() - 1].text.as_str()),
        ("short", "end")
    );
    let table = "Wheat   2.55   2.40\n".repeat(2000);
    let p = split_all(vec![Paragraph {
        text: table.trim_end().into(),
        kind: Block::Preformatted,
    }]);
    assert!(p.len() >= 2 && p.iter().all(|p| p.text.len() <= MAX_PARAGRAPH));
    assert!(
        p.iter()
            .all(|p| p.text.lines().all(|l| l == "Wheat   2.55   2.40"))
    );
}

#[test]
fn short_quoted_lines_stay_one_quote_line_for_line() {
    let text = "\
In article <1qilgnINNrko@lynx.unm.edu>, blowfish@leo.unm.edu (rON.) writes:
|> Its easy...
|> 667 >is< the neighbor of the beast (at 666)-
|> the beast lives at the end of a cul-de-sac.
I noticed this dead horse in your Keywords line. Is this the famous scarlet
horse of Babylon that the Beast (that's 666 for you illuminatti) rides on in
those wonderful mediaeval manuscripts.";
    let lines: Vec<String> = text.lines().map(str::to_owned).collect();
    let p = build(&lines);
    assert_eq!(
        p[1].text,
        "|> Its easy...\n667 >is< the neighbor of the beast (at 666)-\nthe beast lives at the end of a cul-de-sac."
    );
    assert_eq!(p[1].kind, Block::Quote { depth: 1 });
    assert_eq!(p.len(), 3);
}

#[test]
fn a_quoted_table_keeps_its_lines_and_prefixes() {
    let text = "\
> The rates they quoted were these, from the wire service, as they came in
> over the afternoon:
>   Wheat   2.55   2.40       IV     4.65     --
>   Maize   1.85   1.80       II     2.05    1.70
Thanks for the table, it was what I was looking for all along, and more.";
    let lines: Vec<String> = text.lines().map(str::to_owned).collect();
    let p = build(&lines);
    assert_eq!(p[1].kind, Block::Preformatted);
    assert_eq!(
        p[1].text,
        ">   Wheat   2.55   2.40       IV     4.65     --\n>   Maize   1.85   1.80       II     2.05    1.70"
    );
    assert_eq!(p[0].kind, Block::Quote { depth: 1 });
}
