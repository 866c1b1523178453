//! What a URL's path says of a page: a site's own pages and sections, sections and pages
//! that hold no story, writers' pages, sections of events.

use url::Url;

/// The last path segments of a site's own pages (`is_site_page`), lowercase.
const SITE_PAGES: &[&str] = &[
    "about",
    "about-us",
    "aboutus",
    "ueber-uns",
    "uber-uns",
    "%c3%bcber-uns",
    "impressum",
    "imprint",
    "privacy",
    "privacy-policy",
    "privacy-notice",
    "datenschutz",
    "datenschutzerklaerung",
    "terms",
    "terms-of-use",
    "terms-of-service",
    "terms-and-conditions",
    "cookie-policy",
    "cookies",
    "contact",
    "contact-us",
    "kontakt",
    "legal",
    "legal-notice",
    "mentions-legales",
    "aviso-legal",
    "politica-de-privacidad",
    "politica-de-privacidade",
    "quienes-somos",
    "quem-somos",
    "qui-sommes-nous",
    "chi-siamo",
    "sobre-nosotros",
    "over-ons",
    "disclaimer",
    "accessibility",
    "advertise",
    "careers",
    "newsletters",
    "newsletter",
    "subscribe",
    "subscriptions",
    "login",
    "signin",
    "sign-in",
    "register",
    "signup",
    "sign-up",
    "account",
    "sitemap",
    "faq",
    "help",
    "editorial-standards",
    "editorial-guidelines",
    "editorial-policy",
    "ethics-policy",
    "corrections-policy",
    "code-of-conduct",
    "community-guidelines",
    "comment-policy",
    "terms-of-sale",
    "donate",
    "support-us",
];

/// First path segments of a site's own sections, lowercase: about the paper, its legal
/// pages, its subscription offers, its job advertisements ("/about/editorial-standards/",
/// "/offers/black-friday/", "/jobs/senior-reporter/"; a jobs beat's stories sit under a
/// section, "/business/jobs/...").
const SITE_SECTIONS: &[&str] = &[
    "about",
    "jobs",
    "careers",
    "about-us",
    "legal",
    "policies",
    "help",
    "offers",
    "offer",
    "subscribe",
    "subscriptions",
    "checkout",
    "account",
];

/// Whether a URL names one of a site's own pages rather than a story: about, contact, privacy,
/// terms, imprint ("/privacy-policy", "/ueber-uns", "/p/about.html"), its standards, its
/// newsletters and each newsletter's sign-up page, sign-in and help pages, and anything in its
/// own sections (`SITE_SECTIONS`: "/about/...", "/offers/..."), whose prose a crawler
/// following every link meets on every site.
pub(super) fn is_site_page(url: &Url) -> bool {
    let segments = path_segments(url);
    // A newsletter's sign-up page, "/newsletters/morning-brief/"; its editions go deeper.
    let newsletter = matches!(segments.as_slice(), [first, _] if first == "newsletters");
    let section = segments
        .first()
        .is_some_and(|first| SITE_SECTIONS.contains(&first.as_str()));
    newsletter
        || section
        || segments
            .last()
            .map(|last| last.split('.').next().unwrap_or(last))
            .is_some_and(|name| SITE_PAGES.contains(&name))
}

/// A URL's path segments, lowercase, without empty ones ("/News//a/" -> ["news", "a"]).
fn path_segments(url: &Url) -> Vec<String> {
    url.path_segments()
        .map(|s| {
            s.filter(|s| !s.is_empty())
                .map(str::to_ascii_lowercase)
                .collect()
        })
        .unwrap_or_default()
}

/// Path segments of a site's sections whose pages are never stories, however dated their URLs
/// ("/games/crossword/2026-11-28/"), lowercase: puzzles, TV listings, draws' results, public
/// and legal notices, classified advertisements, readers' contests. (Not "games": a games
/// desk's reviews are stories; nor "lottery": a winner's story may sit there.)
const NON_STORY_SECTIONS: &[&str] = &[
    "lotto-results",
    "lottery-results",
    "public-notices",
    "legal-notices",
    "classifieds",
    "contests",
    "competitions",
    "sweepstakes",
    "puzzles",
    "crossword",
    "crosswords",
    "sudoku",
    "wordle",
    "tv-guide",
    "tvguide",
    "tv-listings",
];

/// Last path segments of a story's page of readers' comments ("/news/2026/11/25/tower/comments/"),
/// lowercase. (Not "comment", an opinion section's name.)
const COMMENT_PAGES: &[&str] = &[
    "comments",
    "kommentare",
    "commentaires",
    "comentarios",
    "commenti",
    "reacties",
];

/// Whether a URL is in a section of the site that holds no stories (`NON_STORY_SECTIONS`), is
/// a TV guide ("/tv/guide/..."), a story's page of readers' comments (`COMMENT_PAGES`), or
/// WordPress's page of one uploaded file ("/story/attachment/photo-1/").
pub(super) fn is_non_story_section(url: &Url) -> bool {
    let segments = path_segments(url);
    segments
        .iter()
        .any(|s| NON_STORY_SECTIONS.contains(&s.as_str()) || s == "attachment")
        || segments.windows(2).any(|w| w[0] == "tv" && w[1] == "guide")
        || segments
            .last()
            .is_some_and(|last| COMMENT_PAGES.contains(&last.as_str()))
}

/// First path segments of writers' pages, lowercase ("/people/ruth-okonkwo/").
const WRITER_SECTIONS: &[&str] = &[
    "author",
    "authors",
    "people",
    "staff",
    "profile",
    "profiles",
    "journalist",
    "journalists",
    "writer",
    "writers",
    "contributor",
    "contributors",
    "reporter",
    "reporters",
    "columnist",
    "columnists",
    "autor",
    "autores",
    "autore",
    "autori",
    "auteur",
    "auteurs",
];

/// Whether a URL is a writer's page: a name under a writers' section, and nothing more
/// ("/people/ruth-okonkwo/"; not "/people/2026/11/28/star-weds", a People desk's story).
pub(super) fn is_writer_page(url: &Url) -> bool {
    matches!(path_segments(url).as_slice(),
        [first, _] if WRITER_SECTIONS.contains(&first.as_str()))
}

/// Path segments of sections of events' pages, lowercase.
const EVENT_SECTIONS: &[&str] = &["events", "event", "calendar", "whats-on"];

/// Whether a URL is in a section of events' pages ("/events/christmas-market"), where the date
/// under a page's headline is the event's.
pub(super) fn is_events_section(url: &Url) -> bool {
    path_segments(url)
        .iter()
        .any(|s| EVENT_SECTIONS.contains(&s.as_str()))
}
