//! The fixture webs of the fault suite and of the address guard.

use std::time::Duration;

use super::{ArticleSpec, Expected, Response, Routes, article, listing, redirect, text};

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
