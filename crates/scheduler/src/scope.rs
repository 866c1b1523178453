//! Which URLs belong to the crawl, and which politeness key a URL falls under.

use std::collections::HashSet;
use std::net::IpAddr;

use newscrawl_protocol::CanonicalUrl;

use crate::HostKeyMode;

/// The set of seed sites; a URL is in scope if its site is one of them or a subdomain of one.
#[derive(Debug, Default)]
pub(crate) struct Scope {
    sites: HashSet<String>,
}

impl Scope {
    /// Adds a site; true if it was new.
    pub fn add(&mut self, site: &str) -> bool {
        self.sites.insert(site.to_owned())
    }

    pub fn contains(&self, url: &CanonicalUrl) -> bool {
        let site = url.site();
        if self.sites.contains(site) {
            return true;
        }
        if site.parse::<IpAddr>().is_ok() || site.starts_with('[') {
            return false;
        }
        site.match_indices('.')
            .any(|(i, _)| self.sites.contains(&site[i + 1..]))
    }
}

/// The politeness key of a URL.
pub(crate) fn host_key(url: &CanonicalUrl, mode: HostKeyMode) -> String {
    let host = url.host();
    match mode {
        HostKeyMode::Host => host.to_owned(),
        HostKeyMode::Domain if host.parse::<IpAddr>().is_ok() || host.starts_with('[') => {
            host.to_owned()
        }
        HostKeyMode::Domain => psl::domain_str(host).unwrap_or(host).to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u(s: &str) -> CanonicalUrl {
        CanonicalUrl::parse(s).expect("valid")
    }

    #[test]
    fn scope_covers_the_site_and_its_subdomains_only() {
        let mut scope = Scope::default();
        scope.add(u("https://www.news.example/").site());
        scope.add(u("http://127.0.0.2:8080/").site());
        assert!(scope.contains(&u("https://news.example/a")));
        assert!(scope.contains(&u("https://sport.news.example/a")));
        assert!(scope.contains(&u("http://127.0.0.2:9999/x")));
        assert!(!scope.contains(&u("https://othernews.example/a")));
        assert!(!scope.contains(&u("https://example/a")));
        assert!(!scope.contains(&u("http://127.0.0.3:8080/")));
    }

    #[test]
    fn host_keys() {
        assert_eq!(
            host_key(&u("https://www.bbc.co.uk/x"), HostKeyMode::Host),
            "www.bbc.co.uk"
        );
        assert_eq!(
            host_key(&u("https://news.bbc.co.uk/x"), HostKeyMode::Domain),
            "bbc.co.uk"
        );
        assert_eq!(
            host_key(&u("http://127.0.0.5:81/"), HostKeyMode::Domain),
            "127.0.0.5"
        );
    }
}
