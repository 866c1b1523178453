//! The pages of the fixture webs.

use std::collections::BTreeSet;
use std::time::Duration;

use super::{Expected, Response, Routes};

mod hostile;

pub(crate) use hostile::{BOMB_BYTES, faults, ssrf};

const WORDS: &[&str] = &[
    "council", "river", "minister", "harbour", "budget", "station", "festival", "school", "storm",
    "market", "league", "court", "bridge", "hospital", "election", "museum", "airport", "farmers",
    "police", "village", "energy", "coast", "trial", "club", "report", "weather", "tax", "rail",
];

/// Four paragraphs of sentences that differ for every key.
pub(crate) fn body_text(key: &str) -> Vec<String> {
    let mut state = key.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    });
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    (0..4)
        .map(|_| {
            (0..3)
                .map(|_| {
                    let words: Vec<&str> = (0..9)
                        .map(|_| WORDS[(next() % WORDS.len() as u64) as usize])
                        .collect();
                    let mut sentence = format!("The {} said the {} ", words[0], words[1]);
                    sentence.push_str(&words[2..].join(" "));
                    sentence.push('.');
                    sentence
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

pub(crate) struct ArticleSpec<'a> {
    pub site: &'a str,
    pub title: &'a str,
    pub author: &'a str,
    pub text_key: &'a str,
    pub canonical: Option<String>,
    pub related: &'a [(&'a str, &'a str)],
    pub nav: &'a [(&'a str, &'a str)],
}

pub(crate) fn article(spec: &ArticleSpec<'_>) -> Response {
    let paragraphs: String = body_text(spec.text_key)
        .iter()
        .map(|p| format!("<p>{p}</p>\n"))
        .collect();
    let canonical = spec
        .canonical
        .as_ref()
        .map(|c| format!("<link rel=\"canonical\" href=\"{c}\">"))
        .unwrap_or_default();
    let related: String = spec
        .related
        .iter()
        .map(|(href, text)| format!("<li><a href=\"{href}\">{text}</a></li>"))
        .collect();
    let html = format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title} | {site}</title>\
         <meta property=\"og:type\" content=\"article\"><meta property=\"og:title\" content=\"{title}\">\
         <meta property=\"og:site_name\" content=\"{site}\"><meta property=\"article:tag\" content=\"news\">\
         <meta name=\"author\" content=\"{author}\"><meta property=\"article:published_time\" content=\"2026-11-20T08:00:00Z\">{canonical}</head>\
         <body class=\"post-template has-sidebar\"><header class=\"site-header\">{nav}</header>\
         <main><article class=\"post\"><h1>{title}</h1><div class=\"byline\">By {author}</div>\n{paragraphs}\
         <div class=\"author-box\"><p>About {author}: {author} has written for {site} since 2010.</p></div>\
         <div class=\"related-posts\"><h3>Check Also</h3><ul>{related}</ul></div></article>\
         <aside class=\"sidebar\"><h3>Most read</h3><p>Subscribe to our newsletter.</p></aside></main>\
         <footer><p>Copyright {site}</p><a href=\"/\">Home</a></footer></body></html>",
        title = spec.title,
        site = spec.site,
        author = spec.author,
        nav = nav(spec.nav),
    );
    html_response(html)
}

pub(crate) fn listing(
    site: &str,
    heading: &str,
    nav_links: &[(&str, &str)],
    items: &[(&str, &str)],
) -> Response {
    let items: String = items
        .iter()
        .map(|(href, text)| {
            format!(
                "<li class=\"teaser\"><a href=\"{href}\">{text}</a><p>Read the full story.</p></li>"
            )
        })
        .collect();
    html_response(format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{heading} | {site}</title></head>\
         <body><header>{}</header><main><h1>{heading}</h1><ul>{items}</ul></main><footer><p>Copyright {site}</p></footer></body></html>",
        nav(nav_links)
    ))
}

fn nav(links: &[(&str, &str)]) -> String {
    let links: String = links
        .iter()
        .map(|(href, text)| format!("<a href=\"{href}\">{text}</a> "))
        .collect();
    format!("<nav class=\"menu\">{links}</nav>")
}

fn html_response(html: String) -> Response {
    Response {
        status: 200,
        headers: vec![("content-type", "text/html; charset=utf-8".into())],
        body: html.into_bytes(),
        flaky: None,
        trickle: None,
    }
}

pub(crate) fn text(status: u16, body: &str) -> Response {
    Response {
        status,
        headers: vec![("content-type", "text/plain".into())],
        body: body.as_bytes().to_vec(),
        flaky: None,
        trickle: None,
    }
}

fn redirect(to: &str) -> Response {
    Response {
        status: 301,
        headers: vec![
            ("location", to.into()),
            ("content-type", "text/html".into()),
        ],
        body: b"moved".to_vec(),
        flaky: None,
        trickle: None,
    }
}

fn host_of(base: &str) -> String {
    base.trim_start_matches("http://")
        .rsplit_once(':')
        .map_or(base, |(h, _)| h)
        .to_owned()
}

/// Three hosts:
/// 0. "The Daily Fixture": Disallow /private/, a 301, a 404, a print copy of a story (canonical
///    to the original), and a link to an out-of-scope host;
/// 1. "The Herald": Crawl-delay 1 s, Disallow /admin, republishes one story of host 0;
/// 2. "The Gazette": no robots.txt (404: allow all).
pub(crate) fn news(bases: &[String]) -> (Routes, Expected) {
    let (a, b, c) = (&bases[0], &bases[1], &bases[2]);
    let mut r = Routes::new();
    let mut put = |host: usize, path: &str, resp: Response| {
        r.insert((host, path.to_owned()), resp);
    };
    let times = "The Daily Fixture";
    let nav0: &[(&str, &str)] = &[
        ("/", "Home"),
        ("/section/world", "World"),
        ("/section/sport", "Sport"),
    ];
    put(
        0,
        "/robots.txt",
        text(200, "User-agent: *\nDisallow: /private/\n"),
    );
    let herald_home = format!("{b}/");
    let outside = "http://127.0.0.9:9/elsewhere".to_owned();
    put(
        0,
        "/",
        listing(
            times,
            "Front page",
            nav0,
            &[
                ("/section/world", "World news"),
                ("/section/sport", "Sport"),
                ("/private/archive", "Archive"),
                ("/old/story", "An old link"),
                ("/missing", "A dead link"),
                (&herald_home, "Our partner"),
                (&outside, "Elsewhere"),
            ],
        ),
    );
    put(
        0,
        "/section/world",
        listing(
            times,
            "World",
            nav0,
            &[
                ("/world/storm", "Storm"),
                ("/world/election", "Election"),
                ("/print/storm", "Print: storm"),
            ],
        ),
    );
    put(
        0,
        "/section/sport",
        listing(
            times,
            "Sport",
            nav0,
            &[("/sport/final", "Final"), ("/sport/transfer", "Transfer")],
        ),
    );
    let art = |title, author, key, canonical: Option<String>| {
        article(&ArticleSpec {
            site: times,
            title,
            author,
            text_key: key,
            canonical,
            related: &[("/world/election", "Election")],
            nav: nav0,
        })
    };
    put(
        0,
        "/world/storm",
        art(
            "Storm closes the coast",
            "Jane Roe",
            "storm",
            Some(format!("{a}/world/storm")),
        ),
    );
    put(
        0,
        "/print/storm",
        art(
            "Storm closes the coast",
            "Jane Roe",
            "storm",
            Some(format!("{a}/world/storm")),
        ),
    );
    put(
        0,
        "/world/election",
        art("Council election called", "John Doe", "election", None),
    );
    put(
        0,
        "/sport/final",
        art("Harbour club wins the final", "Ann Lee", "final", None),
    );
    put(
        0,
        "/sport/transfer",
        art(
            "Record transfer for the league",
            "Ann Lee",
            "transfer",
            None,
        ),
    );
    put(
        0,
        "/private/archive",
        art("Private archive", "Nobody", "private", None),
    );
    put(0, "/old/story", redirect("/world/election"));

    let herald = "The Herald";
    let nav1: &[(&str, &str)] = &[("/", "Home"), ("/news/local", "Local")];
    put(
        1,
        "/robots.txt",
        text(200, "User-agent: *\nCrawl-delay: 1\nDisallow: /admin\n"),
    );
    put(
        1,
        "/",
        listing(
            herald,
            "Herald home",
            nav1,
            &[
                ("/news/local", "Local news"),
                ("/news/syndicated", "From our partners"),
                ("/admin/login", "Staff"),
            ],
        ),
    );
    let art1 = |title, key| {
        article(&ArticleSpec {
            site: herald,
            title,
            author: "Herald staff",
            text_key: key,
            canonical: None,
            related: &[("/news/local", "Local")],
            nav: nav1,
        })
    };
    put(1, "/news/local", art1("Village festival returns", "local"));
    put(
        1,
        "/news/syndicated",
        art1("Harbour club wins the final (via partner)", "final"),
    );
    put(1, "/admin/login", art1("Admin", "admin"));

    let gazette = "The Gazette";
    let nav2: &[(&str, &str)] = &[("/", "Home")];
    put(
        2,
        "/",
        listing(
            gazette,
            "Gazette",
            nav2,
            &[("/a/one", "One"), ("/a/two", "Two")],
        ),
    );
    let art2 = |title, key| {
        article(&ArticleSpec {
            site: gazette,
            title,
            author: "G. Writer",
            text_key: key,
            canonical: None,
            related: &[("/a/one", "One")],
            nav: nav2,
        })
    };
    put(2, "/a/one", art2("Bridge reopens", "bridge"));
    put(2, "/a/two", art2("Museum expands", "museum"));

    let set = |urls: &[String]| urls.iter().cloned().collect::<BTreeSet<_>>();
    let articles = [
        format!("{a}/world/storm"),
        format!("{a}/print/storm"),
        format!("{a}/world/election"),
        format!("{a}/sport/final"),
        format!("{a}/sport/transfer"),
        format!("{b}/news/local"),
        format!("{b}/news/syndicated"),
        format!("{c}/a/one"),
        format!("{c}/a/two"),
    ];
    let expected = Expected {
        articles: set(&articles),
        same_article: vec![
            set(&[format!("{a}/world/storm"), format!("{a}/print/storm")]),
            set(&[format!("{a}/sport/final"), format!("{b}/news/syndicated")]),
        ],
        disallowed: vec![
            (host_of(a), "/private/".into()),
            (host_of(b), "/admin".into()),
        ],
        crawl_delay: [(host_of(b), Duration::from_secs(1))].into_iter().collect(),
        never: vec![outside],
    };
    (r, expected)
}

/// A larger web: every host has a home page, `sections` sections and `per_section` articles per
/// section, a robots.txt disallowing /private/, and realistic navigation on every page.
pub(crate) fn generated(
    bases: &[String],
    sections: usize,
    per_section: usize,
) -> (Routes, Expected) {
    let mut r = Routes::new();
    let mut expected = Expected::default();
    for (host, base) in bases.iter().enumerate() {
        let site = format!("Site {host}");
        let section_paths: Vec<String> = (0..sections).map(|s| format!("/section/{s}")).collect();
        let mut nav: Vec<(&str, &str)> = vec![("/", "Home")];
        nav.extend(section_paths.iter().map(|p| (p.as_str(), "Section")));
        r.insert(
            (host, "/robots.txt".into()),
            text(200, "User-agent: *\nDisallow: /private/\n"),
        );
        let home_items: Vec<(&str, &str)> = section_paths
            .iter()
            .map(|p| (p.as_str(), "Section"))
            .collect();
        r.insert(
            (host, "/".into()),
            listing(&site, "Home", &nav, &home_items),
        );
        for (s, section) in section_paths.iter().enumerate() {
            let paths: Vec<String> = (0..per_section)
                .map(|i| format!("/story/{s}/{i}"))
                .collect();
            let items: Vec<(&str, &str)> = paths.iter().map(|p| (p.as_str(), "Story")).collect();
            r.insert(
                (host, section.clone()),
                listing(&site, "Section", &nav, &items),
            );
            for (i, path) in paths.iter().enumerate() {
                let key = format!("{host}/{s}/{i}");
                let related = &items[(i + 1) % items.len()..=(i + 1) % items.len()];
                let spec = ArticleSpec {
                    site: &site,
                    title: "A story",
                    author: "Staff",
                    text_key: &key,
                    canonical: None,
                    related,
                    nav: &nav,
                };
                r.insert((host, path.clone()), article(&spec));
                expected.articles.insert(format!("{base}{path}"));
            }
        }
    }
    (r, expected)
}

/// One host: home links to `/a`, `/b` and `/flaky`; `/flaky` answers 503 with `Retry-After: 2`
/// the first time, then the article.
pub(crate) fn flaky(bases: &[String]) -> (Routes, Expected) {
    let base = &bases[0];
    let site = "The Flaky Times";
    let nav: &[(&str, &str)] = &[("/", "Home")];
    let mut r = Routes::new();
    r.insert(
        (0, "/".into()),
        listing(
            site,
            "Home",
            nav,
            &[("/a", "A"), ("/flaky", "Flaky"), ("/b", "B")],
        ),
    );
    let art = |title, key| {
        article(&ArticleSpec {
            site,
            title,
            author: "F. Writer",
            text_key: key,
            canonical: None,
            related: &[],
            nav,
        })
    };
    r.insert((0, "/a".into()), art("Ferry timetable changes", "ferry"));
    r.insert((0, "/b".into()), art("Library opens late", "library"));
    let mut busy = text(503, "busy, come back later");
    busy.headers.push(("retry-after", "2".into()));
    r.insert(
        (0, "/flaky".into()),
        busy.failing_before(1, art("Flood defences tested", "flood")),
    );
    let expected = Expected {
        articles: ["/a", "/b", "/flaky"]
            .iter()
            .map(|p| format!("{base}{p}"))
            .collect(),
        ..Expected::default()
    };
    (r, expected)
}
