//! The canonical form every role keys a URL by.

use std::fmt;

use serde::{Deserialize, Serialize};
use url::Url;

/// Query parameters that only track the reader and never change the page.
const TRACKING_PARAMS: &[&str] = &[
    "fbclid", "gclid", "gclsrc", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "_hsenc",
    "_hsmi", "yclid",
];

/// Query (and `;` path) parameters that carry a session id: every visit would otherwise
/// see its own copy of every page, a crawler trap without end. Matched case-insensitively.
const SESSION_PARAMS: &[&str] = &[
    "jsessionid",
    "phpsessid",
    "aspsessionid",
    "sessionid",
    "session_id",
    "sessid",
    "cfid",
    "cftoken",
    "zenid",
    "oscsid",
];

/// Why a string is not a crawlable URL.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum UrlError {
    /// The text does not parse as a URL at all.
    #[error("not a URL: {0}")]
    Parse(#[from] url::ParseError),
    /// Only `http` and `https` are crawled.
    #[error("unsupported scheme `{0}` (only http and https are crawled)")]
    Scheme(String),
    /// An http(s) URL always has a host; this guards the invariant.
    #[error("URL has no host")]
    NoHost,
}

/// An absolute http(s) URL in canonical form: lowercase scheme and host, no default port, no
/// fragment, no tracking parameters (`utm_*`, `fbclid`, `gclid`, ...), no session ids
/// (`?PHPSESSID=`, `;jsessionid=`, a long token in `sid`); everything else as given.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CanonicalUrl(Url);

impl CanonicalUrl {
    /// Parses and canonicalises an absolute URL.
    pub fn parse(input: &str) -> Result<Self, UrlError> {
        Self::from_url(Url::parse(input.trim())?)
    }

    /// Resolves `href` against `self` (or a `<base>`) and canonicalises the result.
    pub fn join(&self, href: &str) -> Result<Self, UrlError> {
        Self::from_url(self.0.join(href.trim())?)
    }

    /// Canonicalises an already parsed URL.
    pub fn from_url(mut url: Url) -> Result<Self, UrlError> {
        match url.scheme() {
            "http" | "https" => {}
            other => return Err(UrlError::Scheme(other.to_owned())),
        }
        if url.host_str().is_none_or(str::is_empty) {
            return Err(UrlError::NoHost);
        }
        // The url crate already lowercases the scheme and host and drops default ports.
        url.set_fragment(None);
        if url.path().contains(';') {
            let path = strip_path_sessions(url.path());
            url.set_path(&path);
        }
        if url.query().is_some() {
            let kept: Vec<(String, String)> = url
                .query_pairs()
                .filter(|(k, v)| !is_tracking_param(k) && !is_session_param(k, v))
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect();
            let removed_any = kept.len() != url.query_pairs().count();
            if kept.is_empty() {
                url.set_query(None);
            } else if removed_any {
                url.query_pairs_mut().clear().extend_pairs(kept);
            }
        }
        Ok(Self(url))
    }

    /// The URL as a string.
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }

    /// The parsed URL.
    pub fn as_url(&self) -> &Url {
        &self.0
    }

    /// The host, lowercase, without port.
    pub fn host(&self) -> &str {
        self.0.host_str().expect("a CanonicalUrl always has a host")
    }

    /// The robots.txt origin: `scheme://host[:port]`.
    pub fn origin(&self) -> String {
        self.0.origin().ascii_serialization()
    }

    /// The origin's `/robots.txt`.
    pub fn robots_url(&self) -> CanonicalUrl {
        let mut url = self.0.clone();
        url.set_path("/robots.txt");
        url.set_query(None);
        Self(url)
    }

    /// The site a URL belongs to for scoping: the host without a leading `www.`.
    pub fn site(&self) -> &str {
        let host = self.host();
        host.strip_prefix("www.").unwrap_or(host)
    }
}

fn is_tracking_param(key: &str) -> bool {
    key.starts_with("utm_") || TRACKING_PARAMS.contains(&key)
}

fn is_session_param(key: &str, value: &str) -> bool {
    let key = key.to_ascii_lowercase();
    // `sid` is a story id on some sites: only a long opaque token counts as a session.
    SESSION_PARAMS.iter().any(|p| key.starts_with(p))
        || (key == "sid" && value.len() >= 16 && value.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Drops `;jsessionid=...`-style parameters from every path segment.
fn strip_path_sessions(path: &str) -> String {
    path.split('/')
        .map(|segment| {
            let mut parts = segment.split(';');
            let mut kept = parts.next().unwrap_or_default().to_owned();
            for part in parts {
                let (key, value) = part.split_once('=').unwrap_or((part, ""));
                if !is_session_param(key, value) {
                    kept.push(';');
                    kept.push_str(part);
                }
            }
            kept
        })
        .collect::<Vec<_>>()
        .join("/")
}

impl fmt::Display for CanonicalUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.as_str())
    }
}

impl fmt::Debug for CanonicalUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CanonicalUrl({})", self.0.as_str())
    }
}

impl TryFrom<String> for CanonicalUrl {
    type Error = UrlError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<CanonicalUrl> for String {
    fn from(value: CanonicalUrl) -> Self {
        value.0.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_forms() {
        let cases = [
            (
                "HTTP://Example.COM/a/B?x=1#frag",
                "http://example.com/a/B?x=1",
            ),
            ("https://example.com:443/", "https://example.com/"),
            ("http://example.com:80", "http://example.com/"),
            ("http://example.com:8080/p", "http://example.com:8080/p"),
            (
                "https://e.com/a?utm_source=x&id=7&utm_medium=y",
                "https://e.com/a?id=7",
            ),
            ("https://e.com/a?fbclid=abc", "https://e.com/a"),
            ("https://e.com/a?gclid=1&b=2&a=1", "https://e.com/a?b=2&a=1"),
            ("https://e.com/a?b=%20x&c", "https://e.com/a?b=%20x&c"),
            ("  https://e.com/x  ", "https://e.com/x"),
            (
                "https://e.com/story;jsessionid=A1B2C3?x=1",
                "https://e.com/story?x=1",
            ),
            (
                "https://e.com/a;v=2;JSESSIONID=f00/b",
                "https://e.com/a;v=2/b",
            ),
            (
                "https://e.com/a?PHPSESSID=abc123&p=2",
                "https://e.com/a?p=2",
            ),
            ("https://e.com/a?ASPSESSIONIDQQ=xyz", "https://e.com/a"),
            (
                "https://e.com/a?sid=0123456789abcdef0123",
                "https://e.com/a",
            ),
            ("https://e.com/a?sid=42", "https://e.com/a?sid=42"),
        ];
        for (input, want) in cases {
            assert_eq!(
                CanonicalUrl::parse(input).map(|u| u.to_string()),
                Ok(want.to_owned()),
                "{input}"
            );
        }
    }

    #[test]
    fn rejects_what_cannot_be_crawled() {
        assert!(matches!(
            CanonicalUrl::parse("ftp://e.com/"),
            Err(UrlError::Scheme(_))
        ));
        assert!(matches!(
            CanonicalUrl::parse("mailto:a@b.c"),
            Err(UrlError::Scheme(_))
        ));
        assert!(matches!(
            CanonicalUrl::parse("/relative"),
            Err(UrlError::Parse(_))
        ));
        assert!(matches!(
            CanonicalUrl::parse("http://"),
            Err(UrlError::Parse(_))
        ));
    }

    #[test]
    fn join_resolves_relative_links() {
        let base = CanonicalUrl::parse("https://news.example/section/page.html").expect("valid");
        assert_eq!(
            base.join("../a.html#c").expect("valid").as_str(),
            "https://news.example/a.html"
        );
        assert_eq!(
            base.join("//other.example/x").expect("valid").as_str(),
            "https://other.example/x"
        );
        assert!(base.join("javascript:void(0)").is_err());
    }

    #[test]
    fn origin_robots_and_site() {
        let u = CanonicalUrl::parse("https://www.news.example:8443/a?b=1").expect("valid");
        assert_eq!(u.origin(), "https://www.news.example:8443");
        assert_eq!(
            u.robots_url().as_str(),
            "https://www.news.example:8443/robots.txt"
        );
        assert_eq!(u.site(), "news.example");
        assert_eq!(u.host(), "www.news.example");
    }

    #[test]
    fn serde_round_trip_validates() {
        let u: CanonicalUrl = serde_json::from_str("\"HTTP://A.example/x#y\"").expect("valid");
        assert_eq!(u.as_str(), "http://a.example/x");
        assert!(serde_json::from_str::<CanonicalUrl>("\"file:///etc/passwd\"").is_err());
    }
}
