//! Pictures' captions and credits: cut among a story's paragraphs, kept on a page of pictures.

use super::{assert_has, assert_lacks, url};
use crate::extract;

#[test]
fn captions_are_not_story_nor_a_line_closed_by_a_picture_credit() {
    let para = "A fast-moving wildfire forced thousands of people to flee their homes. ";
    let html = format!(
        r#"<html><body><article><h1>Fire</h1>
        <div class="img"><img src="f.jpg"><p>Firefighters battle the blaze near Redding on
        Monday. (AP Photo/Noah Berger)</p></div><p>{p}</p>
        <figure><img src="r.jpg"><figcaption>A man cools off in a fountain in Rome.
        Photograph: Jane Roe/AP</figcaption></figure><p>{p}</p>
        <div class="img"><img src="s.jpg"><p class="image-caption">Residents watch the smoke
        from a hill</p></div><p>{p}</p>
        <p>Smoke over a street in Redding on Thursday Credit: STR/AFP</p>
        <p>A tanker drops water - Image: Jane Roe</p>
        <p style="text-align:center">Crews refill a tanker at the airport, Nov. 24, 2026.
        (Xinhua/Fang Zhe)</p>
        <p>J. Doe, a neighbour, filmed the tanker (Photo/video)</p>
        <p>The county's radios now run over the old protocol (TCP/IP)</p>
        <p>{p}</p></article></body></html>"#,
        p = para.repeat(3)
    );
    let page = extract(&url(), &html);
    assert_has(
        &page.text,
        &[
            "J. Doe, a neighbour, filmed the tanker (Photo/video)",
            "over the old protocol (TCP/IP)",
        ],
    );
    assert_lacks(
        &page.text,
        &[
            "Firefighters battle",
            "AP Photo",
            "fountain",
            "Photograph",
            "Residents watch",
            "Smoke over a street",
            "A tanker drops water",
            "Crews refill",
            "Fang Zhe",
        ],
    );
}

#[test]
fn on_a_page_of_pictures_the_captions_are_the_story_without_their_credits() {
    let html = r#"<html><body><article><h1>The week in pictures</h1>
        <p>Waves break over the harbour wall at high tide on Monday as the storm brought gusts
        of up to 70mph. (Photo: Jane Roe)</p>
        <p>The first hard frost of the winter covers the grass near the tor at dawn on
        Wednesday. (AP Photo/John Doe)</p>
        <p>Volunteer crew cheer as the station's new lifeboat is named at a ceremony on the
        slipway on Saturday. (Xinhua/Fang Zhe)</p>
        <p>Our photographers' pick of the week.</p></article></body></html>"#;
    let page = extract(&url(), html);
    assert_has(
        &page.text,
        &[
            "as the storm brought gusts of up to 70mph.\n",
            "near the tor at dawn on Wednesday.\n",
            "on the slipway on Saturday.\n",
        ],
    );
    assert_lacks(
        &page.text,
        &["Jane Roe", "AP Photo", "Fang Zhe", "\u{e002}"],
    );
}

#[test]
fn a_gallery_whose_story_is_its_captions_keeps_them() {
    let figures: String = (1..=8)
        .map(|i| {
            format!(
                r#"<figure><img src="g{i}.jpg"><figcaption>Crowds gather on the seafront as the tall ships sail into the harbour, day {i}.</figcaption></figure>"#
            )
        })
        .collect();
    let html = format!(
        r#"<html><body><article><h1>In pictures: tall ships</h1><p>The festival opened on
        Friday.</p>{figures}</article></body></html>"#
    );
    let page = extract(&url(), &html);
    assert_eq!(
        page.text.matches("Crowds gather").count(),
        8,
        "{}",
        page.text
    );
}
