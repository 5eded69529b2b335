//! Perf helper: `perf_dump dump OUTDIR` writes every corpus page's full extraction as
//! JSON (to check that a speed change leaves outputs identical); `perf_dump loop PAGE N`
//! extracts one page N times (for `perf record`) and prints the mean time;
//! `perf_dump corpus N` extracts every WCXB-dev page N times in article mode, to
//! profile the engine on the whole set.

use flate2::read::GzDecoder;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Instant;

fn load(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap();
    if path.extension().is_some_and(|e| e == "gz") {
        let mut s = String::new();
        GzDecoder::new(&bytes[..]).read_to_string(&mut s).unwrap();
        s
    } else {
        String::from_utf8_lossy(&bytes).into_owned()
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let corpus = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/corpus"));
    let mode = riptide_extractor::Mode::Article;
    match args[0].as_str() {
        "dump" => {
            let out = PathBuf::from(&args[1]);
            let mut pages: Vec<(String, PathBuf)> = Vec::new();
            for e in std::fs::read_dir(corpus.join("wcxb-dev/html")).unwrap() {
                let p = e.unwrap().path();
                let name = p
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .replace(".html.gz", "");
                pages.push((format!("wcxb-{name}"), p));
            }
            for e in std::fs::read_dir(corpus.join("readability/test-pages")).unwrap() {
                let p = e.unwrap().path();
                let name = p.file_name().unwrap().to_string_lossy().to_string();
                pages.push((format!("rd-{name}"), p.join("source.html")));
            }
            pages.sort();
            let start = Instant::now();
            for (name, p) in &pages {
                let html = load(p);
                let url = "https://example.com/a/page.html";
                for (tag, m) in [("a", mode.clone()), ("f", riptide_extractor::Mode::Full)] {
                    let r = riptide_extractor::extract_with_stats(&html, url, &m);
                    let s = match r {
                        Ok((x, st)) => format!(
                            "{}\n{} {} {}",
                            serde_json::to_string_pretty(&x).unwrap(),
                            st.nodes_processed,
                            st.links_found,
                            st.images_found
                        ),
                        Err(e) => format!("ERR {e}"),
                    };
                    std::fs::write(out.join(format!("{name}.{tag}.json")), s).unwrap();
                }
            }
            eprintln!("{} pages in {:?}", pages.len(), start.elapsed());
        }
        "loop" => {
            let html = load(Path::new(&args[1]));
            let n: usize = args[2].parse().unwrap();
            let start = Instant::now();
            for _ in 0..n {
                std::hint::black_box(
                    riptide_extractor::extract(&html, "https://en.wikipedia.org/wiki/X", &mode)
                        .unwrap(),
                );
            }
            eprintln!(
                "{:.3} ms/iter",
                start.elapsed().as_secs_f64() * 1e3 / n as f64
            );
        }
        "corpus" => {
            let n: usize = args[1].parse().unwrap();
            let pages: Vec<String> = std::fs::read_dir(corpus.join("wcxb-dev/html"))
                .unwrap()
                .map(|e| load(&e.unwrap().path()))
                .collect();
            let start = Instant::now();
            for _ in 0..n {
                for html in &pages {
                    let _ = std::hint::black_box(riptide_extractor::extract(
                        html,
                        "https://example.com/a/page.html",
                        &mode,
                    ));
                }
            }
            eprintln!("{} pages x {n} in {:?}", pages.len(), start.elapsed());
        }
        _ => panic!("dump|loop|corpus"),
    }
}
