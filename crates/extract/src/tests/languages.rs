//! The labels, buttons and pointers of pages in many languages, and the small furniture of
//! modern templates: placeholders, badges, fallbacks, disclosures.

use super::{assert_has, assert_lacks, url};
use crate::extract;

#[test]
fn labels_and_buttons_in_more_languages_placeholders_and_shouted_pointers_are_cut() {
    let para =
        "The ferry to the island was cancelled for two days as the storm reached the coast. ";
    let html = format!(
        r#"<html><body><article><h1>Storm</h1>
        <div><span>Loading</span> Something is loading.</div>
        <p><strong>NEW</strong> You can now listen to Liberty News articles!</p>
        <p>{p}</p><div class="annonce"><span>Køb nu og spar 20 procent</span></div>
        <p>Annonce</p><p>Publicitate</p><p>Реклама</p><p><small>Διαφήμιση</small></p>
        <p>{p}</p>
        <h3>RELATED: Hiker rescued near Hyalite Reservoir after fall</h3>
        <p>{p}</p><p>VÍDEOS: veja as notícias mais assistidas de Minas</p>
        <p><strong>Pročitajte i:</strong> <a href="/t">Trajekti ovog ljeta voze češće</a></p>
        <div class="product-card"><p>Our pick: Fellrunner 2 boots</p><p>£140</p>
        <a href="https://shop.example/aff">Buy now</a></div>
        <p><em>This article contains affiliate links. We may earn a small commission if you
        buy through them.</em></p>
        <p><strong>اقرأ أيضاً:</strong> <a href="/a">خطة لتطوير شبكة الصرف</a></p>
        <p>【延伸閱讀】<a href="/z">綠線延伸段環評通過</a></p>
        <p><strong>Llegeix també:</strong> <a href="/c">El metro tindrà una nova línia</a></p>
        <p><strong>あわせて読みたい：</strong> <a href="/j">都営バスの運賃を値上げへ</a></p>
        <p><strong>हेही वाचा:</strong> <a href="/m">पुणे मेट्रोचा नवा टप्पा लवकरच</a></p>
        <p><strong>இதையும் படிங்க:</strong> <a href="/t">புதிய பேருந்து சேவை</a></p>
        <p>Tangazo</p><p>விளம்பரம்</p><p>ప్రకటన</p><p>જાહેરાત</p>
        <p>Lexo edhe: <a href="/al">Qeveria miraton buxhetin e ri</a></p>
        <p>Wheeler, Jeremy (2014). "<a href="/w">Camp Slaughter (2005)</a>"</p>
        <p>Mayor: <a href="/m">Jane Roe</a></p>
        <p>Your browser does not support the video tag.</p><p>Click to expand</p>
        <p>Please enable javascript to view the comments.</p>
        <div><p>You May Also Like</p><ul><li><a href="/y1">15 Easy Weeknight Dinners</a></li>
        <li><a href="/y2">How to Freeze Bread</a></li></ul></div><div class="badge">Abonnés</div>
        <div>Partager cet article <a href="/f">Facebook</a> <a href="/t">Twitter</a> Mail</div>
        <p>{p}</p><div><span>Veja também</span><ul><li><a href="/1">Frente fria</a></li>
        <li><a href="/2">Via Expressa</a></li></ul></div>
        <p>WATCH: the harbour master, who has seen the ferry sail in worse weather than this in
        his thirty years on the quay and in the office above it, said he would not risk it.</p>
        <p>Related: the harbour master said the ferry would sail on Thursday.</p>
        <p>Readers of the harbour blog asked about affiliate links in its ferry guides.</p>
        </article></body></html>"#,
        p = para.repeat(2)
    );
    let page = extract(&url(), &html);
    assert_has(
        &page.text,
        &[
            "WATCH: the harbour master",
            "Related: the harbour master said",
            "Wheeler, Jeremy (2014)",
            "Mayor: Jane Roe",
            "asked about affiliate links",
        ],
    );
    assert_lacks(
        &page.text,
        &[
            "Loading",
            "Køb nu",
            "Annonce",
            "Publicitate",
            "Реклама",
            "Διαφήμιση",
            "Hyalite",
            "VÍDEOS",
            "Pročitajte",
            "Fellrunner",
            "£140",
            "contains affiliate links",
            "Veja também",
            "خطة",
            "延伸閱讀",
            "Abonnés",
            "Partager",
            "You can now listen",
            "Llegeix",
            "都営バス",
            "मेट्रोचा",
            "பேருந்து",
            "Tangazo",
            "ప్రకటన",
            "જાહેરાત",
            "Qeveria",
            "Your browser",
            "enable javascript",
            "Click to expand",
            "You May Also Like",
            "விளம்பரம்",
        ],
    );
}
