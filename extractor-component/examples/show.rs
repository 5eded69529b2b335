//! Prints the extraction of one HTML file: `show FILE [URL] [article|full|metadata]`.
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let html = std::fs::read(&args[0]).unwrap();
    let html = String::from_utf8_lossy(&html);
    let url = args.get(1).cloned().unwrap_or_default();
    let mode = args
        .get(2)
        .and_then(|m| riptide_extractor::Mode::from_name(m))
        .unwrap_or(riptide_extractor::Mode::Article);
    match riptide_extractor::extract(&html, &url, &mode) {
        Ok(e) => {
            if std::env::var("MD").is_ok() {
                println!("{}", e.markdown)
            } else {
                println!("{}", e.text)
            }
            eprintln!(
                "title={:?} byline={:?} published={:?} words={:?} quality={:?} links={}",
                e.title,
                e.byline,
                e.published_iso,
                e.word_count,
                e.quality_score,
                e.links.len()
            );
        }
        Err(e) => println!("ERR {e}"),
    }
}
