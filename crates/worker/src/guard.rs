//! Refuses private, loopback and link-local addresses unless allowed, on the addresses actually
//! connected to: names are resolved here, so a name that resolves to 127.0.0.1 is caught too,
//! and the client connects only to the addresses this check let through (no DNS rebinding
//! between check and connect).

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use ipnet::IpNet;
use reqwest::dns::{Addrs, Name, Resolve, Resolving};

/// The target address is not a public one.
#[derive(Debug, thiserror::Error)]
#[error("address {0} is private, loopback or link-local (not in worker.allow_addresses)")]
pub struct Refused(pub String);

/// Which addresses may be fetched.
#[derive(Debug, Clone, Default)]
pub struct Guard {
    /// Everything (tests and local demos).
    pub allow_private: bool,
    /// Non-public networks allowed anyway (internal crawls, tests).
    pub allow: Vec<IpNet>,
}

impl Guard {
    /// Whether `ip` may be connected to.
    pub fn permits(&self, ip: IpAddr) -> bool {
        self.allow_private || !is_forbidden(ip) || self.allow.iter().any(|net| net.contains(&ip))
    }

    /// The host of a URL, if it is an IP literal that may not be fetched.
    pub fn refused_literal(&self, url: &url::Url) -> Option<IpAddr> {
        let ip = match url.host()? {
            url::Host::Ipv4(v4) => IpAddr::V4(v4),
            url::Host::Ipv6(v6) => IpAddr::V6(v6),
            url::Host::Domain(_) => return None,
        };
        (!self.permits(ip)).then_some(ip)
    }
}

/// True for addresses a crawler on the public web must never reach.
pub fn is_forbidden(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            let [a, b, ..] = v4.octets();
            v4.is_private()
                || v4.is_loopback()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.is_broadcast()
                || v4.is_multicast()
                || v4.is_documentation()
                || (a == 100 && (64..128).contains(&b)) // carrier-grade NAT
                || a == 0
        }
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return is_forbidden(IpAddr::V4(v4));
            }
            let first = v6.segments()[0];
            v6.is_loopback()
                || v6.is_unspecified()
                || v6.is_multicast()
                || (first & 0xfe00) == 0xfc00 // unique local
                || (first & 0xffc0) == 0xfe80 // link local
        }
    }
}

/// A resolver that drops the addresses its guard refuses (and fails if none are left).
pub struct GuardedResolver(pub Arc<Guard>);

impl Resolve for GuardedResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let host = name.as_str().to_owned();
        let guard = Arc::clone(&self.0);
        Box::pin(async move {
            let resolved: Vec<SocketAddr> =
                tokio::net::lookup_host((host.as_str(), 0)).await?.collect();
            let allowed: Vec<SocketAddr> = resolved
                .iter()
                .copied()
                .filter(|a| guard.permits(a.ip()))
                .collect();
            if allowed.is_empty() {
                let shown = resolved
                    .first()
                    .map_or_else(|| host.clone(), |a| format!("{host} ({})", a.ip()));
                return Err(Box::new(Refused(shown)) as Box<dyn std::error::Error + Send + Sync>);
            }
            Ok(Box::new(allowed.into_iter()) as Addrs)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn private_and_special_addresses_are_forbidden() {
        for ip in [
            "10.0.0.1",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "127.0.0.1",
            "0.0.0.0",
            "100.64.0.1",
            "fd00::1",
            "::1",
            "fe80::1",
            "::ffff:127.0.0.1",
            "224.0.0.1",
        ] {
            assert!(is_forbidden(ip.parse().expect("ip")), "{ip}");
        }
        for ip in ["93.184.216.34", "8.8.8.8", "2606:4700::1111", "172.32.0.1"] {
            assert!(!is_forbidden(ip.parse().expect("ip")), "{ip}");
        }
    }

    #[test]
    fn literals_in_urls_and_the_allow_list() {
        let url = |s: &str| url::Url::parse(s).expect("url");
        let strict = Guard::default();
        assert!(
            strict
                .refused_literal(&url("http://127.0.0.2:8080/x"))
                .is_some()
        );
        assert!(strict.refused_literal(&url("http://[::1]/")).is_some());
        assert!(
            strict
                .refused_literal(&url("http://169.254.169.254/latest/"))
                .is_some()
        );
        assert!(
            strict
                .refused_literal(&url("http://example.com/"))
                .is_none()
        );
        assert!(
            strict
                .refused_literal(&url("http://93.184.216.34/"))
                .is_none()
        );
        let listed = Guard {
            allow_private: false,
            allow: vec![
                "127.0.0.10/32".parse().expect("net"),
                "fd00::/8".parse().expect("net"),
            ],
        };
        assert!(
            listed
                .refused_literal(&url("http://127.0.0.10:81/"))
                .is_none()
        );
        assert!(listed.refused_literal(&url("http://[fd00::1]/")).is_none());
        assert!(listed.refused_literal(&url("http://127.0.0.11/")).is_some());
        assert!(listed.refused_literal(&url("http://10.0.0.1/")).is_some());
        let open = Guard {
            allow_private: true,
            allow: Vec::new(),
        };
        assert!(open.refused_literal(&url("http://10.0.0.1/")).is_none());
    }
}
