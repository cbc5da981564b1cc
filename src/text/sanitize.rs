//! Placeholder sanitiser, replaced by the corpus module's.

/// Removes control characters.
pub fn sanitize(s: &str) -> String {
    s.chars().filter(|c| !c.is_control()).collect()
}
