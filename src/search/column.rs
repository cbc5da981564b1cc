//! Where the index's arrays live: in memory, as vectors that grow while articles are added, or
//! in a cache file opened by memory mapping, read where they lie without being parsed or copied.
//!
//! A [`Column`] is a run of plain values (`u8`, `u32`, [`super::index::Posting`]…); [`Lists`] is
//! one list per word (postings), nested while built and flat (one array and offsets) when mapped.
//! Both read as slices; writing to a mapped one first copies it into memory.

use std::fmt;
use std::ops::{Deref, Range};
use std::sync::Arc;

use bytemuck::Pod;

/// A window on a file mapped into memory.
#[derive(Clone)]
pub(crate) struct Window {
    pub map: Arc<memmap2::Mmap>,
    pub bytes: Range<usize>,
}

impl fmt::Debug for Window {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Window({:?})", self.bytes)
    }
}

/// A read-mostly array: owned, or a window on a mapped file (aligned and sized for `T`, which
/// [`Column::mapped`] checks once).
#[derive(Clone)]
pub(crate) enum Column<T: Pod> {
    Owned(Vec<T>),
    Mapped(Window),
}

impl<T: Pod> Default for Column<T> {
    fn default() -> Self {
        Column::Owned(Vec::new())
    }
}

impl<T: Pod + fmt::Debug> fmt::Debug for Column<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Column::Owned(v) => write!(f, "Owned({} items)", v.len()),
            Column::Mapped(w) => write!(f, "Mapped({w:?})"),
        }
    }
}

impl<T: Pod> Column<T> {
    /// A window of `window.bytes` read as `T`s; `None` when it is not aligned or sized for
    /// them (a damaged file).
    pub(crate) fn mapped(window: Window) -> Option<Column<T>> {
        let bytes = window.map.get(window.bytes.clone())?;
        bytemuck::try_cast_slice::<u8, T>(bytes).ok()?;
        Some(Column::Mapped(window))
    }

    /// The values, to change: a mapped column is copied into memory first.
    pub(crate) fn to_mut(&mut self) -> &mut Vec<T> {
        if let Column::Mapped(_) = self {
            *self = Column::Owned(self.to_vec());
        }
        match self {
            Column::Owned(v) => v,
            Column::Mapped(_) => unreachable!("a mapped column was just copied"),
        }
    }
}

impl<T: Pod> Deref for Column<T> {
    type Target = [T];

    #[inline]
    fn deref(&self) -> &[T] {
        match self {
            Column::Owned(v) => v,
            // Checked when the column was made: the window is in the map, aligned and sized.
            Column::Mapped(w) => w
                .map
                .get(w.bytes.clone())
                .and_then(|b| bytemuck::try_cast_slice(b).ok())
                .unwrap_or(&[]),
        }
    }
}

impl<T: Pod> From<Vec<T>> for Column<T> {
    fn from(v: Vec<T>) -> Self {
        Column::Owned(v)
    }
}

/// One list of values per word: nested vectors while the index is built, or one flat array
/// with offsets (`offsets[w]..offsets[w + 1]`) when it is read from a cache file.
#[derive(Debug, Clone)]
pub(crate) enum Lists<T: Pod> {
    Nested(Vec<Vec<T>>),
    Flat {
        offsets: Column<u64>,
        data: Column<T>,
    },
}

impl<T: Pod> Default for Lists<T> {
    fn default() -> Self {
        Lists::Nested(Vec::new())
    }
}

impl<T: Pod> Lists<T> {
    /// The list of word `w`; empty past the end.
    #[inline]
    pub(crate) fn get(&self, w: usize) -> &[T] {
        match self {
            Lists::Nested(v) => v.get(w).map_or(&[], Vec::as_slice),
            Lists::Flat { offsets, data } => match (offsets.get(w), offsets.get(w + 1)) {
                (Some(&s), Some(&e)) => data.get(s as usize..e as usize).unwrap_or(&[]),
                _ => &[],
            },
        }
    }

    /// How many lists there are.
    pub(crate) fn len(&self) -> usize {
        match self {
            Lists::Nested(v) => v.len(),
            Lists::Flat { offsets, .. } => offsets.len().saturating_sub(1),
        }
    }

    /// The lists, to change: flat ones are copied into nested vectors first.
    pub(crate) fn to_mut(&mut self) -> &mut Vec<Vec<T>> {
        if let Lists::Flat { .. } = self {
            *self = Lists::Nested((0..self.len()).map(|w| self.get(w).to_vec()).collect());
        }
        match self {
            Lists::Nested(v) => v,
            Lists::Flat { .. } => unreachable!("flat lists were just copied"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_and_flat_lists_read_alike() {
        let nested = Lists::Nested(vec![vec![1u32, 2], vec![], vec![3]]);
        let flat = Lists::Flat {
            offsets: vec![0u64, 2, 2, 3].into(),
            data: vec![1u32, 2, 3].into(),
        };
        for w in 0..4 {
            assert_eq!(nested.get(w), flat.get(w), "list {w}");
        }
        assert_eq!(flat.len(), 3);
        let mut copied = flat.clone();
        copied.to_mut()[2].push(4);
        assert_eq!(copied.get(2), [3, 4]);
        assert_eq!(flat.get(2), [3]);
    }

    #[test]
    fn an_owned_column_changes_in_place() {
        let mut c: Column<u32> = vec![1, 2].into();
        c.to_mut().push(3);
        assert_eq!(&c[..], [1, 2, 3]);
    }
}
