//! The pages of the fixture webs.

use std::collections::BTreeSet;
use std::time::Duration;

use super::{Expected, Response, Routes};

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

/// Sizes of the fault suite's oversized bodies.
pub(crate) const BOMB_BYTES: usize = 256 << 20;
const HUGE_BYTES: usize = 12 << 20;

/// The current `(year, month)`, UTC.
fn this_month() -> (i32, u32) {
    // "Fri, 27 Nov 2026 12:00:00 GMT"
    let now = httpdate::fmt_http_date(std::time::SystemTime::now());
    let mut parts = now.split_whitespace().skip(2);
    let month = parts.next().unwrap_or("Jan");
    let year = parts.next().and_then(|y| y.parse().ok()).unwrap_or(2026);
    let months = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let index = months.iter().position(|m| *m == month).unwrap_or(0);
    (year, u32::try_from(index).unwrap_or(0) + 1)
}

fn add_months((year, month): (i32, u32), delta: i32) -> (i32, u32) {
    let index = year * 12 + i32::try_from(month).unwrap_or(1) - 1 + delta;
    (
        index.div_euclid(12),
        u32::try_from(index.rem_euclid(12)).unwrap_or(0) + 1,
    )
}

/// Three hosts serving what the open web throws at a crawler (the fault suite):
/// 0. "The Hostile Herald": a PDF and a zip served as text/html, a PDF with its own content
///    type, a gzip bomb (256 MiB of zeros), a 12 MiB page, a windows-1252 article labelled
///    UTF-8, a redirect loop, a redirect chain longer than the limit, links carrying session
///    ids, an endless events calendar around the current month, a faceted shop (3 x 3 query
///    combinations), a relative-link loop (`/dir/dir/...`), and one ordinary article;
/// 1. "The Storm Tribune": two articles answer 429 (`Retry-After: 1`) once, a third always;
/// 2. "The Slow Post": `/trickle` sends 16 bytes every 100 ms for a minute; `/fine` is fine.
pub(crate) fn faults(bases: &[String]) -> (Routes, Expected) {
    use std::io::Write;

    let mut r = Routes::new();
    let html = |body: Vec<u8>| Response {
        status: 200,
        headers: vec![("content-type", "text/html".into())],
        body,
        flaky: None,
        trickle: None,
    };
    let story = |site: &str, title: &str, key: &str| {
        article(&ArticleSpec {
            site,
            title,
            author: "H. Writer",
            text_key: key,
            canonical: None,
            related: &[],
            nav: &[("/", "Home")],
        })
    };
    let redirect_to = |to: &str| {
        let mut resp = redirect(to);
        resp.status = 302;
        resp
    };

    // Host 0.
    let site = "The Hostile Herald";
    let (year, month) = this_month();
    let calendar_start = format!("/events/{year}/{month:02}");
    let home_links = [
        ("/report.pdf", "Report"),
        ("/archive.zip", "Archive"),
        ("/paper", "Paper"),
        ("/bomb", "Bomb"),
        ("/huge", "Huge"),
        ("/latin", "Café"),
        ("/loop-a", "Loop"),
        ("/hop/1", "Hops"),
        ("/story;jsessionid=A1B2C3D4", "Story"),
        ("/story?PHPSESSID=0f0f0f0f", "Story again"),
        (calendar_start.as_str(), "Events"),
        ("/shop?color=red&size=s", "Shop"),
        ("/dir/", "Directory"),
        ("/ok", "Fine"),
    ];
    r.insert(
        (0, "/".into()),
        listing(site, "Home", &[("/", "Home")], &home_links),
    );
    r.insert(
        (0, "/report.pdf".into()),
        html(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n".to_vec()),
    );
    r.insert(
        (0, "/archive.zip".into()),
        html(b"PK\x03\x04\x14\x00\x00\x00\x08\x00archive contents".to_vec()),
    );
    let mut paper = html(b"%PDF-1.4 a paper".to_vec());
    paper.headers = vec![("content-type", "application/pdf".into())];
    r.insert((0, "/paper".into()), paper);
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    let zeros = vec![0u8; 1 << 20];
    for _ in 0..(BOMB_BYTES >> 20) {
        gz.write_all(&zeros).expect("writing to memory");
    }
    let mut bomb = html(gz.finish().expect("writing to memory"));
    bomb.headers.push(("content-encoding", "gzip".into()));
    r.insert((0, "/bomb".into()), bomb);
    r.insert(
        (0, "/huge".into()),
        html(b"<p>filler text</p>".repeat(HUGE_BYTES / 18)),
    );
    // windows-1252 bytes under a UTF-8 label.
    let mut latin = story(site, "Cafe owners meet", "latin");
    let utf8 = String::from_utf8(latin.body).expect("fixture pages are UTF-8");
    let with_accents = utf8.replace(
        "<div class=\"byline\">",
        "<p>Le café crème coûte deux euros à Montréal, déjà trop cher.</p><div class=\"byline\">",
    );
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&with_accents);
    latin.body = bytes.into_owned();
    r.insert((0, "/latin".into()), latin);
    r.insert((0, "/loop-a".into()), redirect_to("/loop-b"));
    r.insert((0, "/loop-b".into()), redirect_to("/loop-a"));
    for hop in 1..=9 {
        r.insert(
            (0, format!("/hop/{hop}")),
            redirect_to(&format!("/hop/{}", hop + 1)),
        );
    }
    let mut session_story = story(site, "Sessions everywhere", "session");
    let page = String::from_utf8(session_story.body).expect("fixture pages are UTF-8");
    session_story.body = page
        .replace(
            "</footer>",
            "<a href=\"/story;jsessionid=E5F6A7B8\">This story</a></footer>",
        )
        .into_bytes();
    r.insert((0, "/story".into()), session_story);
    for delta in -36..=36 {
        let (y, m) = add_months((year, month), delta);
        let (py, pm) = add_months((y, m), -1);
        let (ny, nm) = add_months((y, m), 1);
        let prev = format!("/events/{py}/{pm:02}");
        let next = format!("/events/{ny}/{nm:02}");
        r.insert(
            (0, format!("/events/{y}/{m:02}")),
            listing(
                site,
                &format!("Events {y}-{m:02}"),
                &[("/", "Home")],
                &[
                    (prev.as_str(), "Previous month"),
                    (next.as_str(), "Next month"),
                ],
            ),
        );
    }
    let colors = ["red", "green", "blue"];
    let sizes = ["s", "m", "l"];
    let shop_links: Vec<(String, String)> = colors
        .iter()
        .flat_map(|c| {
            sizes
                .iter()
                .map(move |s| (format!("/shop?color={c}&size={s}"), format!("{c} {s}")))
        })
        .collect();
    let shop_links: Vec<(&str, &str)> = shop_links
        .iter()
        .map(|(h, t)| (h.as_str(), t.as_str()))
        .collect();
    for (href, _) in &shop_links {
        r.insert(
            (0, (*href).to_owned()),
            listing(site, "Shop", &[("/", "Home")], &shop_links),
        );
    }
    for path in ["/dir/", "/dir/dir/"] {
        r.insert(
            (0, path.into()),
            listing(site, "Directory", &[], &[("dir/", "Deeper")]),
        );
    }
    r.insert(
        (0, "/ok".into()),
        story(site, "An ordinary story", "ordinary"),
    );

    // Host 1.
    let site = "The Storm Tribune";
    r.insert(
        (1, "/robots.txt".into()),
        text(200, "User-agent: *\nAllow: /\n"),
    );
    r.insert(
        (1, "/".into()),
        listing(
            site,
            "Home",
            &[("/", "Home")],
            &[("/s1", "One"), ("/s2", "Two"), ("/gone", "Gone")],
        ),
    );
    let mut busy = text(429, "slow down");
    busy.headers.push(("retry-after", "1".into()));
    r.insert(
        (1, "/s1".into()),
        busy.clone()
            .failing_before(1, story(site, "Storm warning", "storm1")),
    );
    r.insert(
        (1, "/s2".into()),
        busy.clone()
            .failing_before(1, story(site, "Storm passes", "storm2")),
    );
    r.insert((1, "/gone".into()), busy);

    // Host 2.
    let site = "The Slow Post";
    r.insert(
        (2, "/".into()),
        listing(
            site,
            "Home",
            &[("/", "Home")],
            &[("/trickle", "Slow"), ("/fine", "Fine")],
        ),
    );
    let mut slow = story(site, "A slow story", "slow");
    slow.trickle = Some(Duration::from_millis(100));
    r.insert((2, "/trickle".into()), slow);
    r.insert((2, "/fine".into()), story(site, "A quick story", "quick"));

    let (a, b, c) = (&bases[0], &bases[1], &bases[2]);
    let expected = Expected {
        articles: [
            format!("{a}/latin"),
            format!("{a}/story"),
            format!("{a}/ok"),
            format!("{b}/s1"),
            format!("{b}/s2"),
            format!("{c}/fine"),
        ]
        .into_iter()
        .collect(),
        ..Expected::default()
    };
    (r, expected)
}

/// Three hosts for the address guard: 0 is the crawled site; its home links to an article on
/// host 1 (another loopback address), to host 2 by the name `localhost`, and to `/go`, which
/// redirects to host 1. Every page there is an article.
pub(crate) fn ssrf(bases: &[String]) -> (Routes, Expected) {
    let (b, c) = (&bases[1], &bases[2]);
    let by_name = c.replace("127.0.0.1", "localhost");
    let site = "The Open Door";
    let nav: &[(&str, &str)] = &[("/", "Home")];
    let story = |title: &str, key: &str| {
        article(&ArticleSpec {
            site,
            title,
            author: "S. Writer",
            text_key: key,
            canonical: None,
            related: &[],
            nav,
        })
    };
    let mut r = Routes::new();
    let secret = format!("{b}/secret");
    let admin = format!("{by_name}/admin");
    r.insert(
        (0, "/".into()),
        listing(
            site,
            "Home",
            nav,
            &[
                (secret.as_str(), "Secret"),
                (admin.as_str(), "Admin"),
                ("/go", "Go"),
                ("/ok", "Fine"),
            ],
        ),
    );
    r.insert((0, "/go".into()), redirect(&format!("{b}/internal")));
    r.insert((0, "/ok".into()), story("A public story", "public"));
    r.insert((1, "/secret".into()), story("Internal memo", "memo"));
    r.insert(
        (1, "/internal".into()),
        story("Internal report", "internal"),
    );
    r.insert((2, "/admin".into()), story("Admin console", "admin"));
    let expected = Expected {
        articles: [format!("{}/ok", bases[0])].into_iter().collect(),
        ..Expected::default()
    };
    (r, expected)
}
