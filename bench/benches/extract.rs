//! riptide (native) against dom_smoothie on the same real pages, side by side in one
//! criterion group: `cargo bench -p riptide-bench --bench extract`.
//!
//! Pages come from ../shared/corpus when it is there, else from the repo's fixtures
//! (extractor-component/fixtures/); with neither the group is empty and says so.
//!
//! A second group, `hostile`, times riptide alone on generated pages that once cost
//! the parser superlinear time or memory (a tag with 200,000 attributes, a 300,000-path
//! SVG, 100,000 nested `<div>`s, 80,000 `<dl><dt><dd>` runs, formatting elements
//! reopened on every line, the attribute bomb after a character reference): each must
//! stay linear.

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use riptide_bench::read_text;

/// A spread of sizes and layouts: news, blog, reference, long-form.
const READABILITY_PAGES: &[&str] = &["nytimes-1", "medium-1", "ars-1", "wikipedia", "guardian-1"];
const WCXB_PAGES: &[&str] = &["0001", "0002", "0003"];
const URL: &str = "https://example.com/article/page.html";

fn pages() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let corpus = std::env::var_os("RIPTIDE_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared/corpus"));
    let mut out = Vec::new();
    for name in READABILITY_PAGES {
        let p = corpus
            .join("readability/test-pages")
            .join(name)
            .join("source.html");
        if let Ok(html) = read_text(&p) {
            out.push((name.to_string(), html));
        }
    }
    for id in WCXB_PAGES {
        let p = corpus.join("wcxb-dev/html").join(format!("{id}.html.gz"));
        if let Ok(html) = read_text(&p) {
            out.push((format!("wcxb-{id}"), html));
        }
    }
    if out.is_empty() {
        let fixtures = root.join("extractor-component/fixtures");
        let mut files: Vec<PathBuf> = walk_html(&fixtures);
        files.sort();
        for f in files.into_iter().take(6) {
            if let Ok(html) = read_text(&f) {
                let name = f
                    .file_stem()
                    .map(|s| s.to_string_lossy().to_string())
                    .unwrap_or_default();
                out.push((name, html));
            }
        }
    }
    out
}

fn walk_html(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.file_name().is_some_and(|n| {
                n.to_string_lossy().ends_with(".html") || n.to_string_lossy().ends_with(".html.gz")
            }) {
                out.push(p);
            }
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let pages = pages();
    if pages.is_empty() {
        eprintln!("extract bench: no corpus and no fixtures; nothing to measure");
        return;
    }
    let mut group = c.benchmark_group("extract");
    for (name, html) in &pages {
        group.throughput(Throughput::Bytes(html.len() as u64));
        group.bench_with_input(BenchmarkId::new("riptide", name), html, |b, html| {
            b.iter(|| {
                riptide_extractor::extract(black_box(html), URL, &riptide_extractor::Mode::Article)
            })
        });
        group.bench_with_input(BenchmarkId::new("dom_smoothie", name), html, |b, html| {
            b.iter(|| {
                dom_smoothie::Readability::new(black_box(html.as_str()), Some(URL), None)
                    .and_then(|mut r| r.parse())
            })
        });
    }
    group.finish();
}

/// Generated pages that attack the parser; see the module comment.
fn hostile_pages() -> Vec<(&'static str, String)> {
    let article = "<p>The committee met on Tuesday to review the harbour plans and heard \
                   from residents about the dredging schedule.</p>"
        .repeat(5);
    let wrap = |body: String| {
        format!("<html><body><article>{article}{body}{article}</article></body></html>")
    };
    let attributes: String = (0..200_000).map(|k| format!(" a{k}=\"x\"")).collect();
    let fonts: String = (0..500).map(|k| format!("<font color=#{k:06}>")).collect();
    let paths: String = (0..300_000)
        .map(|k| format!("<path d=\"M{k} {k} L{} {} Z\"/>", k + 1, k + 2))
        .collect();
    vec![
        (
            "attributes-200k",
            wrap(format!("<div{attributes}>text</div>")),
        ),
        (
            "svg-300k-paths",
            wrap(format!("<svg viewBox=\"0 0 9 9\">{paths}</svg>")),
        ),
        (
            "nested-div-100k",
            wrap(format!(
                "{}x{}",
                "<div>".repeat(100_000),
                "</div>".repeat(100_000)
            )),
        ),
        ("dl-80k", wrap("<dl><dt><dd>x".repeat(80_000))),
        // Each line reopens 500 unclosed fonts: refused at the parser's node budget.
        (
            "reopened-fonts-8k-lines",
            wrap(format!("<p>{fonts}</p>{}", "<p>x</p>".repeat(8_000))),
        ),
        // Attribute bombs where the tokenizer, not the page, places the `<`.
        (
            "attributes-200k-after-entity",
            wrap(format!("&amp;<div{attributes}>text</div>")),
        ),
        // Links with a boilerplate class, each asking whether it sits in a sentence.
        (
            "marked-links-60k-in-one-paragraph",
            wrap(format!(
                "<p>{}</p>",
                (0..60_000)
                    .map(|k| format!("<a class=share-x href=#s{k}>x{k}</a>"))
                    .collect::<String>()
            )),
        ),
    ]
}

fn hostile(c: &mut Criterion) {
    let mut group = c.benchmark_group("hostile");
    group.sample_size(10);
    for (name, html) in hostile_pages() {
        group.throughput(Throughput::Bytes(html.len() as u64));
        group.bench_with_input(BenchmarkId::new("riptide", name), &html, |b, html| {
            b.iter(|| {
                riptide_extractor::extract(black_box(html), URL, &riptide_extractor::Mode::Article)
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench, hostile);
criterion_main!(benches);
