//! Lines that close a story without being part of it: notes on print, sign-up fine print,
//! follow and sign-up prompts, section and source labels, the credits of its making; and a
//! wire's credit that stays.

use super::url;
use crate::extract;

#[test]
fn print_notes_sign_up_fine_print_follow_requests_and_section_labels_close_no_story() {
    let para = "The council approved the plan to rebuild the storm drains on Thursday evening. ";
    for end in [
        "This article appears in the December 2026 print edition with the headline “The Drain \
         Wars.”",
        "Want more from The Post? Follow us on Instagram.",
        "Write to Jane Roe at jane.roe@time.example.",
        "Have thoughts on this story? Send us a letter to the editor.",
        "Thanks for reading. Please consider supporting our work.",
        "You can unsubscribe at any time.",
        "By signing up, you agree to our Terms of Use and Privacy Policy.",
        "Follow Fox News Digital's sports coverage on X, and subscribe to the Fox News Sports \
         Huddle newsletter.",
        "Síguenos en Google News y únete a nuestro canal de WhatsApp para recibir las noticias \
         más importantes del día.",
        "Ressort: Freiburg",
        "Join ST's WhatsApp Channel and get the latest news and must-reads.",
        "Edited by: Sean Sinico",
        "mk/sri (AFP, dpa)",
        "Video editor • Marta Rodriguez Martinez",
        "About this story",
        "Data analysis by Dan Keating. Graphics by Aaron Steckelberg. Editing by Michael Laris, \
         Monica Norton and Matt Clark. Copy editing by Mike Cirelli.",
        "Produced by Jane Roe; edited by John Doe",
        "Dieses Thema im Programm: Über dieses Thema berichtete die tagesschau am 25. November \
         2026 um 14:00 Uhr.",
        "Źródło: PAP, Onet",
        "Published in The Gazette, November 27, 2026.",
        "This story has been shared 1,234 times.",
        "Sign up for push alerts and have the best news, analysis and comment delivered \
         directly to your phone",
        "Find The Irish Times on WhatsApp and stay up to date",
        "Our Inside Politics Podcast is published three times a week",
        "Contact: theeditor@punchng.example",
        "🔔 Receba no WhatsApp as notícias do g1 PE",
        "Copyright PUNCH.<br>All rights reserved. This material, and other digital content on \
         this website, may not be reproduced, published, broadcast, rewritten or redistributed \
         in whole or in part without prior express written permission from PUNCH.",
        "Anadolu Ajansı web sitesinde, AA Haber Akış Sistemi (HAS) üzerinden abonelere sunulan \
         haberler, özetlenerek yayımlanmaktadır. Abonelik için lütfen iletişime geçiniz.",
    ] {
        let html = format!(
            "<html><head><meta name=\"author\" content=\"Jane Roe\"></head><body><article>\
             <h1>Drains</h1><p>{p}</p><p>{p}</p><p>{end}</p></article></body></html>",
            p = para.repeat(2)
        );
        let text = extract(&url(), &html).text;
        assert!(text.trim_end().ends_with("evening."), "{end}: {text}");
    }
}

#[test]
fn a_wire_s_writing_and_editing_credit_stays_in_the_story() {
    let para = "Container rates rose for a third week as a drought cut daily canal crossings. ";
    let html = format!(
        r#"<html><body><article><h1>Rates</h1><p>{p}</p><p>{p}</p>
        <p>Writing by Jane Roe; Editing by Mark Sutton</p></article></body></html>"#,
        p = para.repeat(2)
    );
    let text = extract(&url(), &html).text;
    assert!(text.ends_with("Editing by Mark Sutton"), "{text}");
}
