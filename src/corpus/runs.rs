//! Cutting a text's lines into runs of one kind before paragraphs are built: prose, quoted
//! text, preformatted text (kept line for line) and the signature after a closing `-- `.

use super::shape::{Shape, column_starts, is_signature_separator, quote_level, quote_split, shape};

/// A signature is at most this many non-blank lines after its `-- `.
const SIGNATURE_LINES: usize = 20;

/// Consecutive lines of one kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Run<'a> {
    Prose(&'a [String]),
    Quote(&'a [String]),
    Preformatted(&'a [String]),
    Signature(&'a [String]),
}

/// The runs of `lines`, in order; blank lines separate runs and belong to none.
pub fn runs(lines: &[String]) -> Vec<Run<'_>> {
    let (body, signature) = match signature_start(lines) {
        Some(at) => (
            lines.get(..at).unwrap_or_default(),
            lines.get(at + 1..).unwrap_or_default(),
        ),
        None => (lines, &[][..]),
    };
    let mut out = Vec::new();
    for block in body.split(|l| l.trim().is_empty()) {
        let mut rest = block;
        while !rest.is_empty() {
            let quoted = quote_level(rest.first().map_or("", String::as_str)).0 > 0;
            let len = rest
                .iter()
                .position(|l| (quote_level(l).0 > 0) != quoted)
                .unwrap_or(rest.len());
            let (run, tail) = rest.split_at(len);
            if quoted {
                let bodies: Vec<&str> = run.iter().map(|l| quote_split(l).1).collect();
                split_fixed(run, &bodies, Run::Quote, &mut out);
            } else {
                split_fixed(run, run, Run::Prose, &mut out);
            }
            rest = tail;
        }
    }
    for block in signature.split(|l| l.trim().is_empty()) {
        if !block.is_empty() {
            out.push(Run::Signature(block));
        }
    }
    out
}

/// Where the signature separator is: the last `-- ` line with only a few lines after it.
fn signature_start(lines: &[String]) -> Option<usize> {
    let at = lines.iter().rposition(|l| is_signature_separator(l))?;
    let after = lines
        .get(at + 1..)?
        .iter()
        .filter(|l| !l.trim().is_empty())
        .count();
    (1..=SIGNATURE_LINES).contains(&after).then_some(at)
}

/// Splits lines into running text (`text`: prose or quotes) and preformatted runs, judging
/// each line by its `bodies` (the lines, or what follows their quote prefixes). The lines
/// from the first preformatted-looking line to the last are one preformatted run when most of
/// them look so; otherwise each stretch of such lines is.
fn split_fixed<'a, S: AsRef<str>>(
    lines: &'a [String],
    bodies: &[S],
    text: fn(&'a [String]) -> Run<'a>,
    out: &mut Vec<Run<'a>>,
) {
    let fixed = fixed_lines(bodies);
    let (Some(mut first), Some(mut last)) = (
        fixed.iter().position(|&f| f),
        fixed.iter().rposition(|&f| f),
    ) else {
        out.push(text(lines));
        return;
    };
    // A heading row above a table, or a total below it, has gaps but maybe no figures.
    let spaced = |i: usize| {
        bodies
            .get(i)
            .is_some_and(|l| shape(l.as_ref()) != Shape::Prose)
    };
    if first > 0 && spaced(first - 1) {
        first -= 1;
    }
    if spaced(last + 1) {
        last += 1;
    }
    let span = last - first + 1;
    let inside = (first..=last)
        .filter(|&i| fixed.get(i).copied().unwrap_or(true))
        .count();
    let push = |range: Option<&'a [String]>, out: &mut Vec<Run<'a>>| {
        if let Some(lines) = range.filter(|l| !l.is_empty()) {
            out.push(text(lines));
        }
    };
    if inside * 10 >= span * 6 && keeps(bodies.get(first..=last).unwrap_or_default()) {
        push(lines.get(..first), out);
        out.push(Run::Preformatted(
            lines.get(first..=last).unwrap_or_default(),
        ));
        push(lines.get(last + 1..), out);
        return;
    }
    let mut start = 0;
    let mut i = 0;
    while i < lines.len() {
        if !fixed.get(i).copied().unwrap_or(false) {
            i += 1;
            continue;
        }
        let end = i + fixed.iter().skip(i).take_while(|&&f| f).count();
        if keeps(bodies.get(i..end).unwrap_or_default()) {
            push(lines.get(start..i), out);
            out.push(Run::Preformatted(lines.get(i..end).unwrap_or_default()));
            start = end;
        }
        i = end;
    }
    push(lines.get(start..), out);
}

/// Whether a stretch of preformatted-looking lines is worth keeping as it stands: two lines
/// or more, or one line with several columns or no letters (a rule, a drawing).
fn keeps<S: AsRef<str>>(lines: &[S]) -> bool {
    match lines {
        [] => false,
        [one] => {
            let one = one.as_ref();
            column_starts(one).len() >= 2 || !one.chars().any(char::is_alphabetic)
        }
        _ => true,
    }
}

/// Which lines look preformatted: fixed shapes, and spaced lines whose columns line up with
/// a neighbour's.
fn fixed_lines<S: AsRef<str>>(lines: &[S]) -> Vec<bool> {
    let shapes: Vec<Shape> = lines.iter().map(|l| shape(l.as_ref())).collect();
    let starts: Vec<Vec<usize>> = lines
        .iter()
        .zip(&shapes)
        .map(|(l, s)| {
            if *s == Shape::Prose {
                Vec::new()
            } else {
                column_starts(l.as_ref())
            }
        })
        .collect();
    // Columns line up when the two lines share a field start, or two when both have two.
    let lines_up = |i: usize, j: usize| match (starts.get(i), starts.get(j)) {
        (Some(a), Some(b)) => {
            let shared = a.iter().filter(|c| b.contains(c)).count();
            shared >= 1 && shared >= a.len().min(b.len()).min(2)
        }
        _ => false,
    };
    shapes
        .iter()
        .enumerate()
        .map(|(i, s)| match s {
            Shape::Fixed => true,
            Shape::Spaced => (i > 0 && lines_up(i, i - 1)) || lines_up(i, i + 1),
            Shape::Prose => false,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<String> {
        text.lines().map(str::to_owned).collect()
    }

    fn kinds(runs: &[Run<'_>]) -> Vec<(char, usize)> {
        runs.iter()
            .map(|r| match r {
                Run::Prose(l) => ('p', l.len()),
                Run::Quote(l) => ('q', l.len()),
                Run::Preformatted(l) => ('f', l.len()),
                Run::Signature(l) => ('s', l.len()),
            })
            .collect()
    }

    #[test]
    fn a_wire_price_table_is_one_preformatted_run_after_its_prose() {
        let l = lines(
            "HONG KONG EXCHS 1400 - APR 7\n\
             Following are the closing prices of grains at the exchange today, in dollars.\n\
             \x20          Last   Prev    Grade  High     Low\n\
             \x20 Wheat   2.55   2.40       IV     4.65     --\n\
             \x20 Maize   1.85   1.80       II     2.05    1.70\n\
             \x20 Barley  1.50   1.52       --     1.60    1.45",
        );
        assert_eq!(kinds(&runs(&l)), [('p', 2), ('f', 4)]);
    }

    #[test]
    fn quotes_prose_and_a_signature() {
        let l = lines(
            "In article <1qilgnINNrko@lynx.unm.edu>, blowfish@leo.unm.edu (rON.) writes:\n\
             |> Its easy...\n|> 667 is the neighbor of the beast\n\
             Not quite.\n\n--\nNinja Gourmet\npeavler@fingal.plk.af.mil",
        );
        assert_eq!(kinds(&runs(&l)), [('p', 1), ('q', 2), ('p', 1), ('s', 2)]);
    }

    #[test]
    fn a_dash_line_far_from_the_end_is_no_signature() {
        let mut text = String::from("Top.\n--\n");
        for i in 0..30 {
            text.push_str(&format!("Line {i} of a long text.\n"));
        }
        assert!(
            runs(&lines(&text))
                .iter()
                .all(|r| !matches!(r, Run::Signature(_)))
        );
    }

    #[test]
    fn aligned_two_space_columns_are_kept_but_prose_is_not() {
        let l = lines("Name      Age  City\nAnn       34   Oslo\nBob       7    Rome");
        assert_eq!(kinds(&runs(&l)), [('f', 3)]);
        let l = lines(
            "I have run Castrol 20W50 exclusively in these cars.  I've never had\n\
             an oil-related problem.  The cars were all driven hard, year round.",
        );
        assert_eq!(kinds(&runs(&l)), [('p', 2)]);
    }

    #[test]
    fn a_quoted_table_is_kept_with_its_prefixes() {
        let l = lines(
            "> The rates they quoted were these, from the wire service, as they came:\n\
             >   Wheat   2.55   2.40       IV     4.65     --\n\
             >   Maize   1.85   1.80       II     2.05    1.70\n\
             > That was the whole table.",
        );
        assert_eq!(kinds(&runs(&l)), [('q', 1), ('f', 2), ('q', 1)]);
    }

    #[test]
    fn justified_prose_is_prose() {
        let l = lines(
            "JOH 20:1  The first day of the week cometh Mary Magdalene  early, when  it\n\
             was  yet  dark, unto the sepulchre, and seeth the stone taken away from the\n\
             sepulchre.  Then she runneth, and cometh to Simon Peter, and to the  other",
        );
        assert_eq!(kinds(&runs(&l)), [('p', 3)]);
    }

    #[test]
    fn ascii_art_in_prose() {
        let l = lines("See the drawing:\n   /\\_/\\\n  ( o.o )\n   (   )\nCute.");
        assert_eq!(kinds(&runs(&l)), [('p', 1), ('f', 3), ('p', 1)]);
    }
}
