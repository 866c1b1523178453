//! URL states and the changes the frontier asks the store to persist.

use newscrawl_protocol::CanonicalUrl;

/// Where a URL stands. Every admitted URL ends in one of the terminal states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UrlState {
    /// Waiting for its host's lease.
    Pending,
    /// Handed to a worker under a lease.
    Leased,
    /// Fetched; an article was sent to the sink (which decides stored or duplicate).
    Article,
    /// Fetched; not an article (listing or other page).
    Page,
    /// Answered with a redirect; the target was admitted as a URL of its own.
    Redirect,
    /// robots.txt disallows it.
    Disallowed,
    /// Outside the seed sites or over the host's page budget.
    OutOfScope,
    /// A crawler trap (calendar, repeating path, query explosion), never fetched.
    Trap,
    /// A final HTTP error (e.g. 404) or a body that is not HTML.
    HttpError,
    /// Failed after its attempts (reason recorded).
    Failed,
}

impl UrlState {
    /// Every state, for status listings.
    pub const ALL: [UrlState; 10] = [
        UrlState::Pending,
        UrlState::Leased,
        UrlState::Article,
        UrlState::Page,
        UrlState::Redirect,
        UrlState::Disallowed,
        UrlState::OutOfScope,
        UrlState::Trap,
        UrlState::HttpError,
        UrlState::Failed,
    ];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            UrlState::Pending => "pending",
            UrlState::Leased => "leased",
            UrlState::Article => "article",
            UrlState::Page => "page",
            UrlState::Redirect => "redirect",
            UrlState::Disallowed => "disallowed",
            UrlState::OutOfScope => "out_of_scope",
            UrlState::Trap => "trap",
            UrlState::HttpError => "http_error",
            UrlState::Failed => "failed",
        }
    }

    /// Reads a stored name.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == name)
    }

    /// Whether the URL is done with.
    pub fn is_terminal(self) -> bool {
        !matches!(self, UrlState::Pending | UrlState::Leased)
    }
}

/// The full persisted row of one URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlRow {
    /// Canonical URL.
    pub url: CanonicalUrl,
    /// Politeness key.
    pub host_key: String,
    /// Hops from the seed.
    pub depth: u32,
    /// Redirect hops that led here.
    pub redirects: u32,
    /// State.
    pub state: UrlState,
    /// Fetch attempts made.
    pub attempts: u32,
    /// `(lease id, expiry in Unix ms)` while leased.
    pub lease: Option<(u64, i64)>,
    /// Why it ended where it did (or why its last attempt failed), as `class: detail`; the
    /// class is what `status` counts by.
    pub reason: Option<String>,
}

/// The persisted state of one origin's robots.txt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RobotsRow {
    /// `scheme://host[:port]`.
    pub origin: String,
    /// Politeness key of the origin's host.
    pub host_key: String,
    /// HTTP status, or 0 if the fetch failed without one.
    pub status: u16,
    /// The file (empty unless 2xx).
    pub body: String,
    /// Unix ms of the fetch.
    pub fetched_ms: i64,
    /// Consecutive failed fetches (5xx or unreachable).
    pub failures: u32,
}

/// One thing the store must persist, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// A site entered scope.
    Site(String),
    /// A URL's row, inserted or updated.
    Url(UrlRow),
    /// An origin's robots.txt.
    Robots(RobotsRow),
}

/// The class of a stored reason: the text before the first `: `.
pub fn reason_class(reason: &str) -> &str {
    reason.split_once(": ").map_or(reason, |(class, _)| class)
}
