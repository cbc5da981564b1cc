//! Tests of `parse`: each cleaning rule, end to end, on text written here.

use super::*;

fn body(text: &str) -> Vec<String> {
    parse(text).paragraphs
}

#[test]
fn html_entities_and_mangled_forms_decode() {
    let p = parse(
        "Headline\n\nHe said ,quot;we will act,quot; and it& # 39;s final &amp; done &#39;ok&#39;.\n\
         & # 39; Cautiously optimistic & # 39;\nRobert O & # 39; Brien &quot;spoke&quot;.\n",
    );
    assert_eq!(
        p.paragraphs,
        [
            "He said \"we will act\" and it's final & done 'ok'.",
            "'Cautiously optimistic'",
            "Robert O'Brien \"spoke\"."
        ]
    );
}

#[test]
fn template_placeholders_vanish() {
    let p = parse(
        "%MINIFYHTML4f2a9c0e11b3d5aa% %MINIFYHTML4f2a9c0e11b3d5ab%\n\nHeadline\n\nText%MINIFYHTMLabcdef12% here.",
    );
    assert_eq!(p.title, "Headline");
    assert_eq!(p.paragraphs, ["Text here."]);
}

#[test]
fn odd_spaces_become_spaces_and_runs_collapse() {
    assert_eq!(
        body("Headline\n\nno\u{a0}break\u{a0}\u{a0} and  \u{202f}narrow\u{2009}thin  spaces\t tab"),
        ["no break and narrow thin spaces tab"]
    );
}

#[test]
fn curly_quotes_and_subheadings_stay() {
    let p = parse("Headline\n\n“Quoted,” she said. ‘Yes.’\n\nUS troops\n\nMore text.");
    assert_eq!(
        p.paragraphs,
        ["“Quoted,” she said. ‘Yes.’", "US troops", "More text."]
    );
}

#[test]
fn navigation_lines_are_not_the_headline() {
    let p = parse(
        "Accessibility links\n\nBreaking News\n\nSkip to content\nEnvoy Visits As Talks Begin\n\nBody text.",
    );
    assert_eq!(p.title, "Envoy Visits As Talks Begin");
    assert_eq!(p.paragraphs, ["Body text."]);
}

#[test]
fn a_repeated_headline_counts_once_and_leaves_the_body() {
    let p = parse(
        "Talks begin: US official\n\nTalks begin: US official\nStandfirst sentence here.\nBody.",
    );
    assert_eq!(p.title, "Talks begin: US official");
    assert_eq!(p.paragraphs, ["Standfirst sentence here.", "Body."]);
}

#[test]
fn doubled_captions_go_even_with_an_added_credit() {
    let p = parse(
        "Headline\n\nTroops patrol the city, May 2, 2019.\nTroops patrol the city, May 2, 2019. (Reuters)\n\nBody.",
    );
    assert_eq!(
        p.paragraphs,
        ["Troops patrol the city, May 2, 2019.", "Body."]
    );
}

#[test]
fn trailing_boilerplate_goes() {
    let p = parse(
        "Headline\n\nBody.\n\nWith reporting by AFP and AP\n  \u{2022} 16x9 Image\n\n\n    \
         RFE/RL journalists report the news in 27\u{a0}languages in 23\u{a0}countries where a free press is banned.",
    );
    assert_eq!(p.paragraphs, ["Body.", "With reporting by AFP and AP"]);
    assert_eq!(p.source, None);
}

#[test]
fn a_caption_first_line_gives_way_to_the_first_sentence() {
    let p = parse(
        " date 2019-09-01 Jane Roe, AFP | Soldiers gather in a street.\n\n\
         The Taliban attacked a second city this weekend, officials said. More followed.\n\n(FRANCE 24 with AP, AFP)",
    );
    assert_eq!(
        p.title,
        "The Taliban attacked a second city this weekend, officials said."
    );
    assert_eq!(p.date.as_deref(), Some("2019-09-01"));
    assert_eq!(p.source.as_deref(), Some("FRANCE 24"));
    assert_eq!(
        p.paragraphs,
        [
            "Jane Roe, AFP | Soldiers gather in a street.",
            "More followed."
        ]
    );
}

#[test]
fn a_placeholder_only_header_line_gives_the_date_and_nothing_else() {
    let p = parse(
        " date 2020-02-12 %MINIFYHTML721c8ffcaa48% %MINIFYHTML721c8ffcaa49%\n\nAn agreement is expected soon, the official said.\n\nMore.",
    );
    assert_eq!(p.date.as_deref(), Some("2020-02-12"));
    assert_eq!(p.title, "An agreement is expected soon, the official said.");
    assert_eq!(
        p.paragraphs,
        ["More."],
        "a title made of the whole first paragraph is not repeated"
    );
}

#[test]
fn a_source_line_is_the_source_and_not_body() {
    let p = parse("Headline\n\nBody.\n\nSource: TRTWorld and agencies");
    assert_eq!(p.source.as_deref(), Some("TRT World"));
    assert_eq!(p.paragraphs, ["Body."]);
}

#[test]
fn an_image_credit_is_not_the_source_and_nothing_is_invented() {
    let p = parse(
        "Headline\n\nThe US hopes to pressure them [AFP]\n\nOn August 31, 2019 the city fell.",
    );
    assert_eq!((p.source, p.date), (None, None));
}

#[test]
fn an_agency_dateline_names_the_source() {
    let p = parse("Headline\n\nKABUL (Reuters) - The Taliban said on Sunday.\n\nMore.");
    assert_eq!(p.source.as_deref(), Some("Reuters"));
}

#[test]
fn usenet_headers_are_metadata() {
    let p = parse(
        "From: jd@example.org (Jane Doe)\nSubject: Re: Switch-mode supplies\nDate: 8 Apr 93 22:50:09 GMT\n\
         Lines: 3\n\nIn article <x@y> bob@example.org writes:\n>Is there a typical component that fails when a switch\n\
         >mode power supply goes south? I have seen several of them go.\n\nUsually the capacitors.\n",
    );
    assert_eq!(p.title, "Re: Switch-mode supplies");
    assert_eq!(p.date.as_deref(), Some("1993-04-08"));
    assert_eq!(p.source.as_deref(), Some("Jane Doe"));
    assert_eq!(
        p.paragraphs,
        [
            "In article <x@y> bob@example.org writes:",
            "> Is there a typical component that fails when a switch mode power supply goes south? I have seen several of them go.",
            "Usually the capacitors."
        ]
    );
}

#[test]
fn url_date_title_headers_are_metadata() {
    let p = parse(
        "http://news.example.jp/article/detail/1/\n2012-02-20T13:00:00+0900\nウェブのワザ【知っ得】\n\u{3000}会社概要に貼り付けたい。\n",
    );
    assert_eq!(p.title, "ウェブのワザ【知っ得】");
    assert_eq!(p.date.as_deref(), Some("2012-02-20"));
    assert_eq!(p.source.as_deref(), Some("news.example.jp"));
    assert_eq!(p.paragraphs, ["会社概要に貼り付けたい。"]);
}

#[test]
fn a_date_line_near_the_top_is_metadata() {
    let p = parse("Headline\n\nPublished: 12 March 2020\n\nBody.");
    assert_eq!(p.date.as_deref(), Some("2020-03-12"));
    assert_eq!(p.paragraphs, ["Body."]);
}

#[test]
fn without_a_headline_the_first_sentence_is_cut_near_100() {
    let p = parse(
        "The spokesman for the province police chief says gun battles continue on the outskirts of its \
         capital, a day after insurgent forces stormed the city.\n\nMore.",
    );
    assert!(
        p.title.ends_with('…') && p.title.chars().count() <= 101,
        "{}",
        p.title
    );
    // Nothing is read twice: the body goes on where the cut title stopped.
    let stem = p.title.trim_end_matches('…');
    assert!(p.paragraphs[0].starts_with('…'), "{:?}", p.paragraphs[0]);
    assert!(!p.paragraphs[0].contains(stem), "{:?}", p.paragraphs[0]);
    assert!(p.paragraphs[0].ends_with("stormed the city."));
}

#[test]
fn line_ends_boms_and_separators_normalise() {
    for text in [
        "Head\r\n\r\nBody one.\r\n",
        "Head\r\rBody one.\r",
        "\u{feff}Head\n\n\u{feff}Body one.",
        "Head\u{2029}Body one.",
    ] {
        let p = parse(text);
        assert_eq!(
            (p.title.as_str(), p.paragraphs.as_slice()),
            ("Head", ["Body one.".to_string()].as_slice()),
            "{text:?}"
        );
    }
}

#[test]
fn escape_sequences_never_survive_even_in_the_headline() {
    let p = parse(
        "\x1b]0;Title via first line\x07\x1b[2JReal headline\n\n\x1b[31mred\x1b[0m b\x08bold \u{202e}abc\u{9b}1m\x07.",
    );
    assert_eq!(p.title, "Real headline");
    assert_eq!(p.paragraphs, ["red bold abc."]);
}

#[test]
fn paragraphs_hold_no_controls_and_no_line_breaks() {
    let hostile = "Head\n\na\x0bb\x0cc\u{85}d\u{2028}e\u{7}f\u{0}g\u{9f}h&#27;[31m&#10;i\n";
    for p in parse(hostile).paragraphs {
        assert!(!p.chars().any(|c| c.is_control()), "{p:?}");
    }
}

#[test]
fn text_is_nfc() {
    let p = parse("Cafe\u{301}\n\nか\u{3099}ん\n\nMore.");
    assert_eq!(p.title, "Café");
    assert_eq!(p.paragraphs[0], "がん");
}

#[test]
fn huge_single_lines_split_into_bounded_paragraphs() {
    let text = "The quick brown fox jumps over the lazy dog. ".repeat(2000);
    let p = parse(&text);
    assert!(p.paragraphs.len() >= 5);
    assert!(
        p.paragraphs
            .iter()
            .all(|p| p.len() <= paragraphs::MAX_PARAGRAPH)
    );
    assert_eq!(p.title, "The quick brown fox jumps over the lazy dog.");
}

#[test]
fn empty_text_gives_nothing() {
    assert_eq!(parse(""), Parsed::default());
    assert_eq!(parse("\n\n   \n\x1b[0m"), Parsed::default());
}

#[test]
fn a_wire_table_keeps_its_rows_and_the_headline_its_place() {
    let p = parse(
        "HONG KONG EXCHS 1400 - APR 7\n\
         \x20 Following are the closing prices of grains on the exchange, in dollars a bushel.\n\
         \x20 Wheat   2.55   2.40       IV     4.65     --\n\
         \x20 Maize   1.85   1.80       II     2.05    1.70\n\n\
         \x20 REUTER\n",
    );
    assert_eq!(p.title, "HONG KONG EXCHS 1400 - APR 7");
    assert_eq!(p.date, None);
    let table = p.paragraphs.iter().position(|t| t.contains("Wheat"));
    let table = table.expect("the table is kept");
    assert_eq!(
        p.paragraphs[table],
        "Wheat   2.55   2.40       IV     4.65     --\nMaize   1.85   1.80       II     2.05    1.70"
    );
    assert_eq!(p.kinds[table], Block::Preformatted);
    assert_eq!(p.kinds.first(), Some(&Block::Text));
}

#[test]
fn a_post_keeps_its_quotes_quoted_and_its_signature_apart() {
    let p = parse(
        "From: peavler@fingal.plk.af.mil (Ninja Gourmet)\n\
         Subject: Scarlet Horse of Babylon (was Daemons)\n\
         Lines: 20\n\n\
         In article <1qilgnINNrko@lynx.unm.edu>, blowfish@leo.unm.edu (rON.) writes:\n\
         |> Its easy... 667 is the neighbor of the beast (at 666), and the beast\n\
         |> lives at the end of a cul-de-sac, as everybody on the street knows.\n\
         |> |> Older text that someone else wrote in an earlier post, wrapped by\n\
         |> |> the newsreader at the usual column for posts.\n\n\
         Actually, 668 is the neighbor of the beast, and always has been, friend.\n\n\
         -- \n\
         Ninja Gourmet                 peavler@fingal.plk.af.mil\n\
         \"Shoot first, ask questions later.\"\n",
    );
    assert_eq!(p.title, "Scarlet Horse of Babylon (was Daemons)");
    let kinds: Vec<Block> = (0..p.paragraphs.len())
        .map(|i| p.kinds.get(i).copied().unwrap_or_default())
        .collect();
    assert_eq!(
        kinds,
        [
            Block::Text,
            Block::Quote { depth: 1 },
            Block::Quote { depth: 2 },
            Block::Text,
            Block::Signature
        ]
    );
    assert_eq!(
        p.paragraphs[1],
        "|> Its easy... 667 is the neighbor of the beast (at 666), and the beast lives at the end of a cul-de-sac, as everybody on the street knows.",
        "the quote keeps the prefix it was written with"
    );
    assert!(
        p.paragraphs[2].starts_with("|> |> Older text"),
        "{:?}",
        p.paragraphs[2]
    );
    assert_eq!(
        p.paragraphs[4],
        "Ninja Gourmet                 peavler@fingal.plk.af.mil\n\"Shoot first, ask questions later.\""
    );
}

#[test]
fn blank_quoted_lines_end_quoted_paragraphs() {
    let p = parse(
        "Subject: x\n\n>First quoted paragraph, which the poster wrapped at the usual column\n\
         >of seventy or so characters, as newsreaders did when this was written\n\
         >down.\n>\n>Second quoted paragraph, also wrapped by the newsreader at the column\n\
         >it always used.\nA reply that is long enough to be wrapped at the column too, like\n\
         the rest of the post.",
    );
    assert_eq!(
        p.paragraphs,
        [
            "> First quoted paragraph, which the poster wrapped at the usual column of seventy or so characters, as newsreaders did when this was written down.",
            "> Second quoted paragraph, also wrapped by the newsreader at the column it always used.",
            "A reply that is long enough to be wrapped at the column too, like the rest of the post."
        ]
    );
}

#[test]
fn a_wire_dateline_takes_the_one_year_the_story_gives() {
    let p = parse(
        "HONG KONG EXCHS 1400 - APR 7\n\
         \x20 US DLR    7.8030/40    7.8035/45\n\
         \x20 STG      12.5100/50   12.4900/50\n\n\
         Rates fixed at 1400 local time on 7-APR-1987.\n",
    );
    assert_eq!(p.title, "HONG KONG EXCHS 1400 - APR 7");
    assert_eq!(p.date.as_deref(), Some("1987-04-07"));
}
