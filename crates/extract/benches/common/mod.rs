//! What the benches share: the pages they read.

use std::path::PathBuf;

/// The positional arguments (`cargo bench` adds flags of its own, which are skipped); the first
/// names the page directory, by default the development set `../shared/fixtures/readability`.
pub fn args() -> (PathBuf, Vec<String>) {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let dir = args.first().map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/fixtures/readability"),
        PathBuf::from,
    );
    (dir, args.into_iter().skip(1).collect())
}

/// Each page's source (`source.html`, decoded lossily) with its case directory, in name order.
pub fn sources(dir: &PathBuf) -> std::io::Result<Vec<(PathBuf, String)>> {
    let mut pages = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let case = entry?.path();
        if let Ok(bytes) = std::fs::read(case.join("source.html")) {
            pages.push((case, String::from_utf8_lossy(&bytes).into_owned()));
        }
    }
    pages.sort();
    Ok(pages)
}
