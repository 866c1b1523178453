use super::*;

/// The date a reader sees, without whether it is an update's.
fn visible_date(document: &Html) -> Option<String> {
    shown_date(document).map(|(date, _)| date)
}

#[test]
fn metadata_dates_come_out_in_one_form() {
    for (raw, want) in [
        ("2026-11-20T08:00:00Z", "2026-11-20T08:00:00Z"),
        ("2026-11-20T08:00:00.000Z", "2026-11-20T08:00:00Z"),
        ("2026-11-20T09:00:00+01:00", "2026-11-20T09:00:00+01:00"),
        ("2026-11-20T09:00:00+0100", "2026-11-20T09:00:00+01:00"),
        ("Fri, 20 Nov 2026 08:00:00 GMT", "2026-11-20T08:00:00Z"),
        ("2026-11-20 08:00:00", "2026-11-20T08:00:00"),
        (" 2026-11-20 ", "2026-11-20"),
        ("20261120", "2026-11-20"),
        ("2026/11/26 13:15:02", "2026-11-26T13:15:02"),
        ("2026/11/26 13:15", "2026-11-26T13:15:00"),
        ("last Tuesday", "last Tuesday"),
    ] {
        assert_eq!(normalise(raw), want, "{raw}");
    }
}

#[test]
fn dates_in_several_formats_and_languages() {
    for (text, want) in [
        ("Posted on March 5, 2003 by John", "2003-03-05"),
        ("Mar. 5th, 2003", "2003-03-05"),
        ("Updated 5 March 2003, 10:00", "2003-03-05"),
        ("Publié le 5 mars 2003 à 10h", "2003-03-05"),
        ("Veröffentlicht am 5. März 2003", "2003-03-05"),
        ("5 de marzo de 2003", "2003-03-05"),
        ("5 марта 2003 года", "2003-03-05"),
        ("5 березня 2003", "2003-03-05"),
        ("5 października 2003", "2003-10-05"),
        ("Oluşturulma Tarihi: Kasım 27, 2026 09:15", "2026-11-27"),
        ("Senin, 9 Maret 2026, 07:30 WIB", "2026-03-09"),
        ("27 नवंबर 2026, 10:45 AM IST", "2026-11-27"),
        ("27. listopadu 2026 9:30", "2026-11-27"),
        ("27 Νοεμβρίου 2026, 08:40", "2026-11-27"),
        ("Publicerad 5 maj 2026 kl. 06.00", "2026-05-05"),
        ("5 noiembrie 2026", "2026-11-05"),
        ("วันที่ 27 พฤศจิกายน 2569 เวลา 14:30 น.", "2026-11-27"),
        ("۷ آذر ۱۴۰۵ - ۱۴:۳۰", "2026-11-28"),
        ("۱ فروردین ۱۴۰۳", "2024-03-20"),
        ("27 พ.ย. 2569", "2026-11-27"),
        ("3 มี.ค. 2026", "2026-03-03"),
        ("de Andrei Mureșan | 12 martie 2026, 08:45", "2026-03-12"),
        ("Julkaistu 24. marraskuuta 2026", "2026-11-24"),
        ("الخميس 12 مارس 2026 - 10:45 ص", "2026-03-12"),
        ("१५ मार्च २०२६, १०:३०", "2026-03-15"),
        ("dimecres, 21 d'octubre de 2026", "2026-10-21"),
        ("14. мај 2026. 10:30", "2026-05-14"),
        ("3 февруари 2026, 09:15", "2026-02-03"),
        ("Jumatatu, Septemba 7, 2026", "2026-09-07"),
        ("12 Ogos 2026", "2026-08-12"),
        ("27. novembra 2026 10:15", "2026-11-27"),
        ("Ni Jose Mercado | Nobyembre 20, 2026", "2026-11-20"),
        ("2026 m. lapkričio 27 d. 10:15", "2026-11-27"),
        ("Tue, 03/10/2026 - 14:22", "2026-03-10"),
        ("Saturday 03/10/2026", "2026-10-03"),
        ("2026. gada 27. novembris 10:15", "2026-11-27"),
        ("२०२६ नोभेम्बर २७, १०:१५", "2026-11-27"),
        ("27 nëntor 2026, 10:15", "2026-11-27"),
        ("27 noyabr 2026, 10:15", "2026-11-27"),
        ("నవంబర్ 27, 2026", "2026-11-27"),
        ("27 નવેમ્બર, 2026", "2026-11-27"),
        ("27 ਨਵੰਬਰ 2026", "2026-11-27"),
        ("2026. november 27. 10:15", "2026-11-27"),
        ("Posted 5-Mar-2026 10:00", "2026-03-05"),
        ("2003年3月5日 10:00", "2003-03-05"),
        ("05.03.2003", "2003-03-05"),
        ("2003-03-05T10:00:00Z", "2003-03-05"),
        ("25/12/2003", "2003-12-25"),
        ("입력 2026. 11. 27. 14:30", "2026-11-27"),
        ("פורסם: 27 בנובמבר 2026, 10:15", "2026-11-27"),
        ("5 במאי 2026", "2026-05-05"),
    ] {
        assert_eq!(find_date(text).as_deref(), Some(want), "{text}");
    }
    for text in [
        "May I help you",
        "03/05/2003",
        "Page 5 of 12",
        "in 1999 people",
        "Version 10.12.14",
        "Chapter 2026. 13. 40.",
        // The Buddhist era's years are Thai only.
        "5 March 2569",
    ] {
        assert_eq!(find_date(text), None, "{text}");
    }
}

#[test]
fn the_date_line_beats_dates_in_prose() {
    let html = Html::parse_document(
        "<body><p>Back on March 1, 1999, it rained.</p><div class=\"post-date\">Posted 5 March 2003</div></body>",
    );
    assert_eq!(visible_date(&html).as_deref(), Some("2003-03-05"));
}

#[test]
fn today_s_date_in_the_page_header_is_not_the_story_s() {
    let html = Html::parse_document(
        "<body><div id=\"fecha_hoy\">Sábado 28 de noviembre de 2026</div><span class=\"titulo\">\
         Vecinos piden un semáforo</span><span class=\"fecha_nota\">Publicado: 27/11/2026 - \
         19:45</span><div>Un grupo de vecinos presentó el 3/11/2026 un petitorio.</div></body>",
    );
    assert_eq!(visible_date(&html).as_deref(), Some("2026-11-27"));
}

#[test]
fn a_two_digit_year_counts_only_in_a_date_line() {
    let html = Html::parse_document(
        "<body><p>Release 10.12.14 is out.</p><span class=\"date\">פורסם: 27.11.26, 10:45</span></body>",
    );
    assert_eq!(visible_date(&html).as_deref(), Some("2026-11-27"));
    let html = Html::parse_document("<body><p>Release 10.12.14 is out.</p></body>");
    assert_eq!(visible_date(&html), None);
}

#[test]
fn a_date_with_slashes_is_read_as_the_page_language_writes_it() {
    let page = |lang: &str| {
        let html = format!(
            "<html lang=\"{lang}\"><body><p class=\"date\">Publié le 12/03/2024 à 14h30</p></body></html>"
        );
        visible_date(&Html::parse_document(&html))
    };
    assert_eq!(page("fr").as_deref(), Some("2024-03-12"));
    assert_eq!(page("en-US").as_deref(), Some("2024-12-03"));
    assert_eq!(page("en-GB").as_deref(), Some("2024-03-12"));
    assert_eq!(page("en"), None, "English without a country writes both");
    assert_eq!(page(""), None);
}

#[test]
fn an_updates_date_gives_way_to_the_publication_date_and_serves_when_alone() {
    for line in [
        r#"<p class="meta">Updated: Nov 14, 2026 | Published: Nov 12, 2026</p>"#,
        r#"<p><span class="date">Last updated 14 November 2026</span>
        <span class="date">Published 12 November 2026</span></p>"#,
        r#"<p class="date">Mis à jour le 14 novembre 2026 · Publié le 12 novembre 2026</p>"#,
    ] {
        let html = Html::parse_document(&format!("<h1>Story</h1>{line}<p>Text.</p>"));
        assert_eq!(visible_date(&html).as_deref(), Some("2026-11-12"), "{line}");
    }
    let html = Html::parse_document(r#"<p class="date">Updated: Nov 14, 2026</p>"#);
    assert_eq!(shown_date(&html), Some(("2026-11-14".to_owned(), true)));
    let html = Html::parse_document(r#"<p class="date">Published: Nov 12, 2026</p>"#);
    assert_eq!(shown_date(&html), Some(("2026-11-12".to_owned(), false)));
}

#[test]
fn a_date_line_below_the_headline_beats_the_header_s_date_above_it() {
    let html = Html::parse_document(
        r#"<div class="sc-1a2b"><span>Saturday, November 28, 2026</span></div>
        <h1>Rail fares to rise</h1><p class="sc-3c4d">November 26, 2026</p><p>Fares rise.</p>"#,
    );
    assert_eq!(visible_date(&html).as_deref(), Some("2026-11-26"));
    // Without a line below it, the one above serves.
    let html = Html::parse_document(
        r#"<p class="sc-3c4d">November 26, 2026</p><h1>Rail fares to rise</h1><p>Fares rise.</p>"#,
    );
    assert_eq!(visible_date(&html).as_deref(), Some("2026-11-26"));
}
