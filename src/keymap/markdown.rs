//! The README's key table, written from the one bindings table (and checked against the README
//! by a test).

use super::Mode;
use super::table::{Entry, TABLE};

/// The README's prose is wrapped at this many columns.
const README_WIDTH: usize = 100;

/// The README's key table (its "## Keys" section shows exactly this): the commands, the filter
/// bar's keys, and what works while the help or the skipped files are shown.
pub fn markdown_table() -> String {
    let mut out = String::new();
    let rows = |out: &mut String, keep: &dyn Fn(&Entry) -> bool| {
        out.push_str("| keys | what |\n| --- | --- |\n");
        for e in TABLE.iter().filter(|e| keep(e)) {
            let keys: Vec<String> = e.keys.iter().map(|k| format!("`{k}`")).collect();
            out.push_str(&format!("| {} | {} |\n", keys.join(" "), e.help));
        }
    };
    rows(&mut out, &|e| e.modes.contains(&Mode::Normal));
    let typing = "In the filter bar, a character is typed into the filter and these keys do what \
                  they say; any other key works as above.";
    out.push_str(&format!("\n{}\n\n", textwrap::fill(typing, README_WIDTH)));
    rows(&mut out, &|e| e.modes.contains(&Mode::Typing));
    let overlay: Vec<String> = TABLE
        .iter()
        .filter(|e| e.modes.contains(&Mode::Overlay) && e.modes.contains(&Mode::Normal))
        .map(|e| e.name.replace('_', " "))
        .collect();
    let overlay = match overlay.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => String::new(),
    };
    let overlay = format!(
        "While a window (the help, the skipped files, the links, the saved searches, the outline) is shown, the keys of {overlay} work as above, \
         these keys do what they say, and any other key closes the window."
    );
    out.push_str(&format!("\n{}\n\n", textwrap::fill(&overlay, README_WIDTH)));
    rows(&mut out, &|e| e.modes == [Mode::Overlay]);
    out
}
