//! Hand-labelled pages (`tests/fixtures/<case>/`): the page, its body as a careful reader would
//! cut it (`expected.html`), and its title, authors, date, language, kind and the boilerplate
//! that must stay out (`expected-metadata.json`). The layout is the development set's, so
//! `extract-score` and the comparison bench run on this directory too.

use std::collections::HashMap;
use std::path::Path;

use newscrawl_extract::{PageKind, extract};
use url::Url;

fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .collect()
}

/// Token 4-shingle F1 of `got` against `want`.
fn f1(got: &str, want: &str) -> f64 {
    let bag = |text| {
        let mut bag: HashMap<Vec<&str>, usize> = HashMap::new();
        let w = words(text);
        for window in w.windows(4.min(w.len()).max(1)) {
            *bag.entry(window.to_vec()).or_default() += 1;
        }
        bag
    };
    let (g, w) = (bag(got), bag(want));
    let tp: usize = g
        .iter()
        .map(|(k, n)| (*n).min(w.get(k).copied().unwrap_or(0)))
        .sum();
    let (ng, nw): (usize, usize) = (g.values().sum(), w.values().sum());
    if tp == 0 {
        return 0.0;
    }
    let (p, r) = (tp as f64 / ng as f64, tp as f64 / nw as f64);
    2.0 * p * r / (p + r)
}

#[test]
fn labelled_pages() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut cases: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures")
        .map(|e| e.expect("entry").path())
        .collect();
    cases.sort();
    assert!(cases.len() >= 10, "{} cases", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let name = case
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("?")
            .to_owned();
        let html = std::fs::read_to_string(case.join("source.html")).expect("source.html");
        let meta: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(case.join("expected-metadata.json")).expect("metadata"),
        )
        .expect("metadata is JSON");
        let expected_html = std::fs::read_to_string(case.join("expected.html")).expect("body");
        let expected_body: String = scraper::Html::parse_fragment(&expected_html)
            .root_element()
            .text()
            .collect();
        let url = Url::parse(meta["url"].as_str().expect("url")).expect("valid url");
        let page = extract(&url, &html);
        let mut check = |what: &str, ok: bool, detail: String| {
            if !ok {
                failures.push(format!("{name}: {what}: {detail}"));
            }
        };
        let kind = match page.kind {
            PageKind::Article => "article",
            PageKind::Listing => "listing",
            PageKind::Other => "other",
        };
        check("kind", kind == meta["kind"], kind.to_string());
        check(
            "title",
            page.title.as_deref() == meta["title"].as_str(),
            format!("{:?}", page.title),
        );
        if kind != "article" {
            continue;
        }
        let want_authors: Vec<&str> = meta["authors"]
            .as_array()
            .expect("authors")
            .iter()
            .filter_map(|a| a.as_str())
            .collect();
        check(
            "authors",
            page.authors == want_authors,
            format!("{:?}", page.authors),
        );
        let day = |d: Option<&str>| d.map(|d| d.chars().take(10).collect::<String>());
        check(
            "date",
            day(page.published_at.as_deref()) == day(meta["publishedTime"].as_str()),
            format!("{:?}", page.published_at),
        );
        check(
            "language",
            page.language.as_deref() == meta["lang"].as_str(),
            format!("{:?}", page.language),
        );
        let score = f1(&page.text, &expected_body);
        check(
            "body F1 >= 0.95",
            score >= 0.95,
            format!("{score:.3}: {}", page.text),
        );
        for absent in meta["absent"]
            .as_array()
            .expect("absent")
            .iter()
            .filter_map(|a| a.as_str())
        {
            check(
                "boilerplate",
                !page.text.contains(absent),
                format!("`{absent}` in the body"),
            );
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
