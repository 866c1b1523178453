//! Exact-duplicate keys.

use sha2::{Digest, Sha256};

/// SHA-256 (hex) of the normalised text: lowercase words, punctuation and whitespace ignored,
/// so a copy that differs only in markup, spacing or quotes is the same text.
pub fn text_hash(text: &str) -> String {
    let mut hasher = Sha256::new();
    let mut first = true;
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !first {
            hasher.update(b" ");
        }
        first = false;
        hasher.update(word.to_lowercase().as_bytes());
    }
    hex::encode(hasher.finalize())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalisation_ignores_case_spacing_and_punctuation_only() {
        let a = text_hash("The storm hit.\n\nIt was \"big\".");
        assert_eq!(a, text_hash("the storm hit —  it was big"));
        assert_ne!(a, text_hash("The storm hit. It was small."));
        assert_eq!(text_hash("Ünïcode Straße"), text_hash("ünïcode straße"));
    }
}
