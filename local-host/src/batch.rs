//! `riptide batch`: pages in (a JSONL manifest or a directory), one JSONL
//! line out per input line in input order, pages spread over `jobs`
//! threads that share one pool of warm extractor instances.

use crate::error::{error_json, HostError};
use crate::extractor::{ExtractionMode, ExtractorPool};
use anyhow::{Context, Result};
use serde::Deserialize;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::io::{BufRead, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

/// One page to extract.
#[derive(Debug, Clone)]
pub struct Job {
    pub id: String,
    pub path: PathBuf,
    pub url: String,
}

/// A manifest line that could not be used becomes an error line, never a gap.
#[derive(Debug, Clone)]
pub enum Entry {
    Page(Job),
    Bad { id: String, message: String },
}

#[derive(Deserialize)]
struct ManifestLine {
    id: Option<serde_json::Value>,
    path: String,
    url: Option<String>,
}

/// Read a manifest; `path`s are relative to the manifest's directory.
pub fn read_manifest(manifest: &Path) -> Result<Vec<Entry>> {
    let base = manifest.parent().unwrap_or(Path::new("."));
    let file = std::fs::File::open(manifest)
        .with_context(|| format!("opening manifest {}", manifest.display()))?;
    let mut out = Vec::new();
    for (i, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.with_context(|| format!("reading manifest {}", manifest.display()))?;
        let fallback_id = format!("line-{}", i + 1);
        out.push(match serde_json::from_str::<ManifestLine>(&line) {
            Ok(m) => {
                let id = match m.id {
                    Some(Value::String(s)) => s,
                    Some(other) => other.to_string(),
                    None => fallback_id,
                };
                let path = base.join(&m.path);
                let url = m.url.unwrap_or_else(|| file_url(&path));
                Entry::Page(Job { id, path, url })
            }
            Err(e) => Entry::Bad {
                id: fallback_id,
                message: format!("bad manifest line: {e}"),
            },
        });
    }
    Ok(out)
}

/// Every `.html`, `.htm` and `.html.gz` file under `dir`, sorted; the id is
/// the path relative to `dir`.
pub fn read_dir(dir: &Path) -> Result<Vec<Entry>> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).with_context(|| format!("reading {}", d.display()))? {
            let p = e?.path();
            if p.is_dir() {
                stack.push(p);
            } else if is_page(&p) {
                files.push(p);
            }
        }
    }
    files.sort();
    Ok(files
        .into_iter()
        .map(|path| {
            let id = path
                .strip_prefix(dir)
                .unwrap_or(&path)
                .to_string_lossy()
                .into_owned();
            let url = file_url(&path);
            Entry::Page(Job { id, path, url })
        })
        .collect())
}

fn is_page(p: &Path) -> bool {
    let name = p
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    name.ends_with(".html") || name.ends_with(".htm") || name.ends_with(".html.gz")
}

fn file_url(path: &Path) -> String {
    let abs = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    url::Url::from_file_path(&abs)
        .map(String::from)
        .unwrap_or_else(|_| "file:///".into())
}

/// Read a page, gunzipping `.gz`. Bytes that are not UTF-8 are replaced
/// (U+FFFD) rather than refused: saved pages are often mis-encoded and a few
/// replacement characters cost less than losing the page.
pub fn read_page(path: &Path) -> std::io::Result<String> {
    let raw = std::fs::read(path)?;
    let bytes = if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("gz"))
    {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(&raw[..]).read_to_end(&mut out)?;
        out
    } else {
        raw
    };
    Ok(match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            tracing::warn!(path = %path.display(), "page is not valid UTF-8; decoding lossily");
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    })
}

/// Extract one entry into its output line.
pub fn run_one(pool: &ExtractorPool, entry: &Entry, mode: &ExtractionMode) -> (Value, bool) {
    let job = match entry {
        Entry::Page(j) => j,
        Entry::Bad { id, message } => {
            let mut v = error_json("invalid-input", message, false);
            return (line(id, false, &mut v), false);
        }
    };
    let html = match read_page(&job.path) {
        Ok(h) => h,
        Err(e) => {
            let mut v = error_json(
                "invalid-input",
                &format!("reading {}: {e}", job.path.display()),
                false,
            );
            return (line(&job.id, false, &mut v), false);
        }
    };
    match pool.extract(&html, &job.url, mode) {
        Ok((content, stats)) => (
            json!({"id": job.id, "ok": true, "content": content, "stats": stats}),
            true,
        ),
        Err(e) => {
            let mut v = HostError::to_json(&e);
            (line(&job.id, false, &mut v), false)
        }
    }
}

fn line(id: &str, ok: bool, err: &mut Value) -> Value {
    json!({"id": id, "ok": ok, "error": err["error"].take()})
}

/// Run every entry, writing one line per entry to `out` in input order.
/// Returns (ok, failed).
pub fn run(
    pool: &ExtractorPool,
    entries: &[Entry],
    mode: &ExtractionMode,
    jobs: usize,
    out: &mut dyn Write,
) -> Result<(usize, usize)> {
    let jobs = jobs.clamp(1, entries.len().max(1));
    let next = AtomicUsize::new(0);
    let progress = std::io::stderr().is_terminal();
    let (tx, rx) = mpsc::channel::<(usize, Value, bool)>();
    let (mut ok, mut failed) = (0usize, 0usize);
    std::thread::scope(|s| -> Result<()> {
        for _ in 0..jobs {
            let tx = tx.clone();
            let next = &next;
            s.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(entry) = entries.get(i) else { break };
                let (v, good) = run_one(pool, entry, mode);
                if tx.send((i, v, good)).is_err() {
                    break;
                }
            });
        }
        drop(tx);
        // Lines arrive out of order; hold them until their turn.
        let mut pending = BTreeMap::new();
        let mut written = 0usize;
        for (i, v, good) in rx {
            if good {
                ok += 1;
            } else {
                failed += 1;
            }
            pending.insert(i, v);
            while let Some(v) = pending.remove(&written) {
                serde_json::to_writer(&mut *out, &v)?;
                out.write_all(b"\n")?;
                written += 1;
            }
            if progress {
                eprint!("\r{}/{} pages, {failed} failed", ok + failed, entries.len());
            }
        }
        out.flush()?;
        if progress {
            eprintln!();
        }
        Ok(())
    })?;
    Ok((ok, failed))
}
