//! Real pages: small in-repo fixtures always; the shared corpus when it is present.

use regex::Regex;
use riptide_extractor::{extract, Mode};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// Word-level F1 as the WCXB README defines it: lower-cased `\w+` multisets.
fn word_f1(predicted: &str, reference: &str) -> f64 {
    let re = Regex::new(r"\w+").expect("static regex");
    let bag = |s: &str| {
        let mut m: HashMap<String, usize> = HashMap::new();
        for w in re.find_iter(&s.to_lowercase()) {
            *m.entry(w.as_str().to_string()).or_default() += 1;
        }
        m
    };
    let (p, r) = (bag(predicted), bag(reference));
    let (np, nr): (usize, usize) = (p.values().sum(), r.values().sum());
    if nr == 0 {
        return if np == 0 { 1.0 } else { 0.0 };
    }
    let overlap: usize = p
        .iter()
        .map(|(w, c)| (*c).min(r.get(w).copied().unwrap_or(0)))
        .sum();
    if overlap == 0 {
        return 0.0;
    }
    let (precision, recall) = (overlap as f64 / np as f64, overlap as f64 / nr as f64);
    2.0 * precision * recall / (precision + recall)
}

fn squash(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn read(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Text of Readability's expected article HTML, through our own text renderer.
fn expected_text(html: &str) -> String {
    extract(html, "", &Mode::Full)
        .map(|e| e.text)
        .unwrap_or_default()
}

#[test]
fn readability_pages() {
    // (page, F1 floor vs Readability's own output; measured values are a little higher)
    for (name, floor) in [("001", 0.95), ("daringfireball-1", 0.95), ("ietf-1", 0.95)] {
        let dir = fixtures().join("readability").join(name);
        let meta: serde_json::Value =
            serde_json::from_str(&read(&dir.join("expected-metadata.json"))).expect("json");
        let out = extract(
            &read(&dir.join("source.html")),
            "http://fakehost/test/page.html",
            &Mode::Article,
        )
        .expect("fixture extracts");
        assert_eq!(out.title.as_deref(), meta["title"].as_str(), "{name} title");
        let f1 = word_f1(&out.text, &expected_text(&read(&dir.join("expected.html"))));
        println!("{name}: F1 {f1:.3}");
        assert!(f1 >= floor, "{name}: F1 {f1:.3} < {floor}");
        assert!(!out.markdown.is_empty());
    }
}

#[test]
fn wcxb_pages() {
    for (id, floor) in [("0014", 0.95), ("0134", 0.95), ("0274", 0.95)] {
        let dir = fixtures().join("wcxb");
        let gt: serde_json::Value =
            serde_json::from_str(&read(&dir.join(format!("{id}.json")))).expect("json");
        let g = &gt["ground_truth"];
        let url = gt["url"].as_str().unwrap_or("");
        let out = extract(&read(&dir.join(format!("{id}.html"))), url, &Mode::Article)
            .expect("fixture extracts");
        let text = squash(&out.text);
        for s in g["with"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|v| v.as_str())
        {
            assert!(text.contains(&squash(s)), "{id}: missing {s:?}");
        }
        for s in g["without"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|v| v.as_str())
        {
            assert!(!text.contains(&squash(s)), "{id}: leaked {s:?}");
        }
        let f1 = word_f1(&out.text, g["main_content"].as_str().unwrap_or(""));
        println!("{id}: F1 {f1:.3}");
        assert!(f1 >= floor, "{id}: F1 {f1:.3} < {floor}");
    }
}

/// Runs over ../shared/corpus/wcxb-dev when it exists: every page extracts without
/// error or panic, and the mean word-F1 stays above a floor below what we measured.
#[test]
fn shared_corpus_when_present() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus/wcxb-dev");
    let Ok(entries) = std::fs::read_dir(corpus.join("ground-truth")) else {
        println!("skipping: {} not found", corpus.display());
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    // Every 10th page keeps a debug-build test run short.
    let mut total = 0.0;
    let mut n = 0usize;
    for path in paths.iter().step_by(10) {
        let gt: serde_json::Value = serde_json::from_str(&read(path)).expect("json");
        let Some(reference) = gt["ground_truth"]["main_content"].as_str() else {
            continue;
        };
        let id = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let gz = std::fs::File::open(corpus.join("html").join(format!("{id}.html.gz")))
            .expect("page for ground truth");
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(gz), &mut bytes)
            .expect("gunzip");
        let html = String::from_utf8_lossy(&bytes);
        let text = extract(&html, gt["url"].as_str().unwrap_or(""), &Mode::Article)
            .map(|e| e.text)
            .unwrap_or_default();
        total += word_f1(&text, reference);
        n += 1;
    }
    let mean = total / n.max(1) as f64;
    println!("wcxb-dev sample: {n} pages, mean F1 {mean:.3}");
    assert!(n > 100);
    assert!(mean >= 0.850, "mean F1 {mean:.3}");
}
