//! Standard input as a corpus: read when `-` is given, or when no path is and standard input
//! is a pipe or a file (as fzf and less do), before the terminal is taken.

use std::io::{self, IsTerminal, Read};
use std::path::PathBuf;

use super::Failure;
use crate::corpus;

/// The paths to read without `-`, and standard input's bytes when it is to be read: when
/// `-` is given, or no path is and standard input is a pipe or a file.
pub(super) fn input(paths: &[PathBuf]) -> Result<(Vec<PathBuf>, Option<Vec<u8>>), Failure> {
    let dash = |p: &&PathBuf| p.as_os_str() == "-";
    let wanted = if paths.is_empty() {
        let stdin = io::stdin();
        !stdin.is_terminal()
            && std::fs::metadata("/dev/stdin")
                .is_ok_and(|m| m.file_type().is_file() || is_fifo(&m.file_type()))
    } else {
        paths.iter().any(|p| dash(&p))
    };
    let rest: Vec<PathBuf> = paths.iter().filter(|p| !dash(p)).cloned().collect();
    if !wanted {
        return Ok((rest, None));
    }
    let mut bytes = Vec::new();
    io::stdin()
        .lock()
        .take(corpus::MAX_DATASET_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Failure {
            message: format!("cannot read standard input: {e}"),
            status: 2,
        })?;
    Ok((rest, Some(bytes)))
}

#[cfg(unix)]
fn is_fifo(kind: &std::fs::FileType) -> bool {
    use std::os::unix::fs::FileTypeExt;
    kind.is_fifo()
}

#[cfg(not(unix))]
fn is_fifo(_kind: &std::fs::FileType) -> bool {
    false
}
