//! Quick native evaluation over WCXB-dev: word-F1 per page type, scored as the corpus
//! README defines it. The full harness lives in `bench/`; this is the engine author's
//! inner loop.
//!
//! `cargo run --release -p riptide-extractor --example wcxb_eval -- [CORPUS_DIR] [--dump OUT.tsv] [--texts DIR]`

use flate2::read::GzDecoder;
use regex::Regex;
use std::collections::{BTreeMap, HashMap};
use std::io::Read;
use std::path::PathBuf;
use std::time::Instant;

fn words(re: &Regex, s: &str) -> HashMap<String, usize> {
    let lower = s.to_lowercase();
    let mut m = HashMap::new();
    for w in re.find_iter(&lower) {
        *m.entry(w.as_str().to_string()).or_insert(0) += 1;
    }
    m
}

fn prf(re: &Regex, pred: &str, reference: &str) -> (f64, f64, f64) {
    let p = words(re, pred);
    let r = words(re, reference);
    let np: usize = p.values().sum();
    let nr: usize = r.values().sum();
    if nr == 0 {
        return if np == 0 {
            (1.0, 1.0, 1.0)
        } else {
            (0.0, 0.0, 0.0)
        };
    }
    if np == 0 {
        return (0.0, 0.0, 0.0);
    }
    let overlap: usize = p
        .iter()
        .map(|(w, c)| (*c).min(*r.get(w).unwrap_or(&0)))
        .sum();
    let precision = overlap as f64 / np as f64;
    let recall = overlap as f64 / nr as f64;
    let f1 = if overlap == 0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    (precision, recall, f1)
}

fn pearson(xs: &[f64], ys: &[f64]) -> f64 {
    let n = xs.len() as f64;
    let mx = xs.iter().sum::<f64>() / n;
    let my = ys.iter().sum::<f64>() / n;
    let cov: f64 = xs.iter().zip(ys).map(|(x, y)| (x - mx) * (y - my)).sum();
    let vx: f64 = xs.iter().map(|x| (x - mx).powi(2)).sum();
    let vy: f64 = ys.iter().map(|y| (y - my).powi(2)).sum();
    cov / (vx.sqrt() * vy.sqrt())
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = args
        .iter()
        .enumerate()
        .find(|(i, a)| {
            !a.starts_with("--")
                && !a.ends_with(".tsv")
                && (*i == 0 || !args[i - 1].starts_with("--"))
        })
        .map(|(_, a)| a)
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../shared/corpus/wcxb-dev"
            ))
        });
    let dump = args
        .iter()
        .position(|a| a == "--dump")
        .and_then(|i| args.get(i + 1))
        .cloned();
    // `--texts DIR` writes each page's extracted text to DIR/ID.txt for inspection.
    let texts_dir = args
        .iter()
        .position(|a| a == "--texts")
        .and_then(|i| args.get(i + 1))
        .map(PathBuf::from);
    let re = Regex::new(r"\w+").unwrap();
    let mut gts: Vec<PathBuf> = std::fs::read_dir(dir.join("ground-truth"))
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    gts.sort();
    let mut per_type: BTreeMap<String, Vec<(f64, f64, f64)>> = BTreeMap::new();
    let mut with_found = (0usize, 0usize);
    let mut without_found = (0usize, 0usize);
    let mut qs = Vec::new();
    let mut fs = Vec::new();
    let mut rows = String::new();
    let mut elapsed = 0f64;
    for gt_path in &gts {
        let gt: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(gt_path).unwrap()).unwrap();
        let g = &gt["ground_truth"];
        let Some(reference) = g["main_content"].as_str() else {
            continue;
        };
        let id = gt_path.file_stem().unwrap().to_string_lossy().to_string();
        let kind = gt["_internal"]["page_type"]["primary"]
            .as_str()
            .unwrap_or("?")
            .to_string();
        let mut bytes = Vec::new();
        let f = std::fs::File::open(dir.join("html").join(format!("{id}.html.gz"))).unwrap();
        GzDecoder::new(f).read_to_end(&mut bytes).unwrap();
        let html = String::from_utf8_lossy(&bytes);
        let url = gt["url"].as_str().unwrap_or("");
        let t = Instant::now();
        let result = riptide_extractor::extract(&html, url, &riptide_extractor::Mode::Article);
        elapsed += t.elapsed().as_secs_f64();
        let (text, q) = match result {
            Ok(e) => (e.text, e.quality_score.unwrap_or(0)),
            Err(_) => (String::new(), 0),
        };
        if let Some(d) = &texts_dir {
            std::fs::write(d.join(format!("{id}.txt")), &text).unwrap();
        }
        let score = prf(&re, &text, reference);
        let lower = text.to_lowercase();
        let norm = |s: &str| {
            s.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        };
        let lower_norm = norm(&lower);
        for s in g["with"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|v| v.as_str())
        {
            with_found.1 += 1;
            if lower_norm.contains(&norm(s)) {
                with_found.0 += 1;
            }
        }
        for s in g["without"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|v| v.as_str())
        {
            without_found.1 += 1;
            if lower_norm.contains(&norm(s)) {
                without_found.0 += 1;
            }
        }
        qs.push(q as f64);
        fs.push(score.2);
        rows.push_str(&format!(
            "{id}\t{kind}\t{:.3}\t{:.3}\t{:.3}\t{q}\n",
            score.0, score.1, score.2
        ));
        per_type.entry(kind).or_default().push(score);
    }
    let all: Vec<(f64, f64, f64)> = per_type.values().flatten().copied().collect();
    let mean = |v: &[(f64, f64, f64)]| {
        let n = v.len() as f64;
        (
            v.iter().map(|x| x.0).sum::<f64>() / n,
            v.iter().map(|x| x.1).sum::<f64>() / n,
            v.iter().map(|x| x.2).sum::<f64>() / n,
        )
    };
    println!(
        "{:<14} {:>5} {:>6} {:>6} {:>6}",
        "type", "n", "P", "R", "F1"
    );
    let m = mean(&all);
    println!(
        "{:<14} {:>5} {:>6.3} {:>6.3} {:>6.3}",
        "all",
        all.len(),
        m.0,
        m.1,
        m.2
    );
    for (k, v) in &per_type {
        let m = mean(v);
        println!(
            "{:<14} {:>5} {:>6.3} {:>6.3} {:>6.3}",
            k,
            v.len(),
            m.0,
            m.1,
            m.2
        );
    }
    println!(
        "with found {:.3}  without leaked {:.3}  quality~F1 pearson {:.3}  {:.1} docs/s",
        with_found.0 as f64 / with_found.1.max(1) as f64,
        without_found.0 as f64 / without_found.1.max(1) as f64,
        pearson(&qs, &fs),
        all.len() as f64 / elapsed
    );
    if let Some(path) = dump {
        std::fs::write(path, rows).unwrap();
    }
}
