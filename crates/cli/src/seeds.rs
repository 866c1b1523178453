//! Reading seed lists.

use std::io::BufRead;

use newscrawl_protocol::{CanonicalUrl, UrlError};

/// A line that is not a crawlable URL.
#[derive(Debug)]
pub struct BadLine {
    /// 1-based line number.
    pub line: usize,
    /// The line as written.
    pub text: String,
    /// Why it was refused.
    pub error: UrlError,
}

/// Reads one URL per line; blank lines and `#` comments are skipped. Returns the valid URLs
/// (deduplicated, in order) and every bad line; an I/O error stops the read.
pub fn read(input: impl BufRead) -> std::io::Result<(Vec<CanonicalUrl>, Vec<BadLine>)> {
    let mut urls = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut bad = Vec::new();
    for (i, line) in input.lines().enumerate() {
        let line = line?;
        let text = line.trim();
        if text.is_empty() || text.starts_with('#') {
            continue;
        }
        match CanonicalUrl::parse(text) {
            Ok(url) => {
                if seen.insert(url.clone()) {
                    urls.push(url);
                }
            }
            Err(error) => bad.push(BadLine {
                line: i + 1,
                text: text.to_owned(),
                error,
            }),
        }
    }
    Ok((urls, bad))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_lines_are_named_and_good_ones_kept() {
        let input = "# news\nhttps://a.example/\n\nnot a url\nftp://b.example/\nhttps://a.example/#dup\nhttp://c.example/x?utm_source=y\n";
        let (urls, bad) = read(input.as_bytes()).expect("reads");
        assert_eq!(
            urls.iter().map(CanonicalUrl::as_str).collect::<Vec<_>>(),
            vec!["https://a.example/", "http://c.example/x"]
        );
        assert_eq!(bad.iter().map(|b| b.line).collect::<Vec<_>>(), vec![4, 5]);
        assert!(bad[1].error.to_string().contains("scheme `ftp`"));
    }
}
