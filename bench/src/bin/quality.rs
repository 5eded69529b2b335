//! The quality harness: runs an engine over the corpus, prints a table and writes a
//! JSON report.
//!
//! ```text
//! cargo run --release -p riptide-bench --bin quality -- [--corpus ../shared/corpus]
//!     [--engine native|wasm] [--out bench/reports/latest.json] [--limit N] [--type article]
//! ```
//! `--engine wasm` needs `--features wasm` and a built `target/riptide-extractor.wasm`.
//! `--against dom-smoothie` runs dom_smoothie on every page right after riptide, times both with the same clock and scores both the same
//! way: a same-run comparison of speed and accuracy.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use clap::{Parser, ValueEnum};
use riptide_bench::{cpu_seconds, list_pages, load_page, Output, Report};

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum EngineKind {
    /// riptide_extractor::extract, in process.
    Native,
    /// The extractor component in wasmtime, through riptide-host.
    Wasm,
}

#[derive(Parser, Debug)]
#[command(about = "Score riptide against WCXB-dev and the Readability test pages")]
struct Args {
    /// Corpus directory holding wcxb-dev/ and readability/test-pages/.
    #[arg(long, env = "RIPTIDE_CORPUS")]
    corpus: Option<PathBuf>,
    #[arg(long, value_enum, default_value = "native")]
    engine: EngineKind,
    /// JSON report path.
    #[arg(long)]
    out: Option<PathBuf>,
    /// At most N pages of each data set.
    #[arg(long)]
    limit: Option<usize>,
    /// Only WCXB pages of this type (article, forum, product, ...).
    #[arg(long = "type")]
    page_type: Option<String>,
    /// Skip the Readability test pages.
    #[arg(long)]
    no_readability: bool,
    /// The bare extractor component (for --engine wasm).
    #[arg(long)]
    component: Option<PathBuf>,
    /// Also print the N lowest-F1 WCXB pages.
    #[arg(long, default_value_t = 0)]
    worst: usize,
    /// Run another extractor on the same pages in the same run, for comparison.
    #[arg(long, value_enum)]
    against: Option<Rival>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Rival {
    /// dom_smoothie, the Rust port of Mozilla Readability.
    DomSmoothie,
}

impl Rival {
    fn name(self) -> &'static str {
        match self {
            Rival::DomSmoothie => "dom_smoothie",
        }
    }
}

/// One way of running the extractor on a page.
trait Engine {
    fn extract(&mut self, html: &str, url: &str) -> Result<Output, String>;
}

struct Native;

impl Engine for Native {
    fn extract(&mut self, html: &str, url: &str) -> Result<Output, String> {
        riptide_extractor::extract(html, url, &riptide_extractor::Mode::Article)
            .map(Output::from)
            .map_err(|e| e.to_string())
    }
}

struct DomSmoothie;

impl Engine for DomSmoothie {
    fn extract(&mut self, html: &str, url: &str) -> Result<Output, String> {
        let mut readability =
            dom_smoothie::Readability::new(html, Some(url), None).map_err(|e| e.to_string())?;
        let article = readability.parse().map_err(|e| e.to_string())?;
        Ok(Output {
            text: article.text_content.to_string(),
            title: Some(article.title).filter(|t| !t.is_empty()),
            byline: article.byline,
            published: article.published_time,
            language: article.lang,
            site_name: article.site_name,
            quality: None,
        })
    }
}

fn rival_engine(rival: Rival) -> Box<dyn Engine> {
    match rival {
        Rival::DomSmoothie => Box::new(DomSmoothie),
    }
}

// ======================================================================================
// THE WASM PLUG-IN POINT: the only place the harness touches riptide-host. Everything
// the component returns goes through the same `Output` and the same scoring as native.
// ======================================================================================
#[cfg(feature = "wasm")]
mod wasm {
    use super::{Engine, Output};
    use anyhow::Result;
    use riptide_host::extractor::{parse_mode, ExtractionMode};
    use riptide_host::{ExtractorPool, Settings};
    use std::path::Path;

    pub struct Wasm {
        pool: ExtractorPool,
        mode: ExtractionMode,
    }

    pub fn engine(component: &Path) -> Result<Box<dyn Engine>> {
        let pool = ExtractorPool::from_file(component, &Settings::default())?;
        let mode = parse_mode("article", &[]).map_err(anyhow::Error::msg)?;
        // Instantiate once so compilation is not charged to the first page.
        let _ = pool.health_check();
        Ok(Box::new(Wasm { pool, mode }))
    }

    impl Engine for Wasm {
        fn extract(&mut self, html: &str, url: &str) -> Result<Output, String> {
            let c = self
                .pool
                .extract_content(html, url, &self.mode)
                .map_err(|e| e.to_string())?;
            Ok(Output {
                text: c.text,
                title: c.title,
                byline: c.byline,
                published: c.published_iso,
                language: c.language,
                site_name: c.site_name,
                quality: c.quality_score,
            })
        }
    }
}

fn wasm_engine(component: &std::path::Path) -> Result<Box<dyn Engine>> {
    #[cfg(feature = "wasm")]
    {
        wasm::engine(component)
    }
    #[cfg(not(feature = "wasm"))]
    {
        anyhow::bail!(
            "--engine wasm needs the host: cargo run --release -p riptide-bench --features wasm \
             --bin quality -- --engine wasm (component: {})",
            component.display()
        )
    }
}

/// Runs `f` and returns its result with the CPU seconds it took (wall seconds where
/// the platform has no per-process CPU clock).
fn timed<T>(f: impl FnOnce() -> T) -> (T, f64) {
    let (c0, w0) = (cpu_seconds(), Instant::now());
    let out = f();
    let seconds = match (c0, cpu_seconds()) {
        (Some(a), Some(b)) => b - a,
        _ => w0.elapsed().as_secs_f64(),
    };
    (out, seconds)
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("quality: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<()> {
    let args = Args::parse();
    // Defaults are relative to the workspace, so the command works from any directory.
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(PathBuf::from)
        .unwrap_or_default();
    let corpus = args
        .corpus
        .clone()
        .unwrap_or_else(|| root.join("../shared/corpus"));
    let out_path = args
        .out
        .clone()
        .unwrap_or_else(|| root.join("bench/reports/latest.json"));
    let pages = list_pages(
        &corpus,
        args.page_type.as_deref(),
        args.limit,
        !args.no_readability,
    )?;

    let (mut engine, engine_name): (Box<dyn Engine>, &str) = match args.engine {
        EngineKind::Native => (Box::new(Native), "native"),
        EngineKind::Wasm => {
            let component = args
                .component
                .clone()
                .unwrap_or_else(|| root.join("target/riptide-extractor.wasm"));
            (wasm_engine(&component)?, "wasm")
        }
    };

    let mut report = Report {
        engine: engine_name.to_string(),
        corpus: corpus.display().to_string(),
        ..Report::default()
    };
    let mut rival = args.against.map(|kind| {
        let report = Report {
            engine: kind.name().to_string(),
            corpus: corpus.display().to_string(),
            ..Report::default()
        };
        (rival_engine(kind), report, 0.0f64)
    });
    let cpu_clock = cpu_seconds().is_some();
    let mut spent = 0.0;
    let started = Instant::now();
    for (i, r) in pages.iter().enumerate() {
        let page = load_page(r)?;
        // Only the extraction call is timed: loading, gunzip and scoring are not.
        let (result, seconds) = timed(|| engine.extract(&page.html, &page.url));
        spent += seconds;
        report.add(&page, result);
        if let Some((rival, rival_report, rival_spent)) = rival.as_mut() {
            let (result, seconds) = timed(|| rival.extract(&page.html, &page.url));
            *rival_spent += seconds;
            rival_report.add(&page, result);
        }
        if (i + 1) % 250 == 0 {
            eprintln!(
                "{} / {} pages ({:.0} s)",
                i + 1,
                pages.len(),
                started.elapsed().as_secs_f64()
            );
        }
    }
    report.speed.docs = pages.len();
    report.speed.cpu_seconds = spent;
    report.speed.docs_per_cpu_second = (spent > 0.0).then(|| pages.len() as f64 / spent);
    report.speed.clock = if cpu_clock {
        "process CPU time (getrusage user+sys) around each extract call".into()
    } else {
        "wall time x 1 core around each extract call".into()
    };

    print!("{}", report.table());
    if let Some((_, mut rival_report, rival_spent)) = rival {
        rival_report.speed.docs = pages.len();
        rival_report.speed.cpu_seconds = rival_spent;
        rival_report.speed.docs_per_cpu_second =
            (rival_spent > 0.0).then(|| pages.len() as f64 / rival_spent);
        rival_report.speed.clock = report.speed.clock.clone();
        println!(
            "\n--- {} on the same pages, same run ---",
            rival_report.engine
        );
        print!("{}", rival_report.table());
        if spent > 0.0 {
            println!(
                "speed: riptide {:.2}x as fast as {} (CPU seconds {:.2} vs {:.2})",
                rival_spent / spent,
                rival_report.engine,
                spent,
                rival_spent
            );
        }
        let rival_path = out_path.with_extension("rival.json");
        if let Some(dir) = rival_path.parent() {
            std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        }
        std::fs::write(&rival_path, serde_json::to_vec_pretty(&rival_report)?)
            .with_context(|| format!("writing {}", rival_path.display()))?;
        println!("rival report: {}", rival_path.display());
    }
    if args.worst > 0 {
        let mut rows: Vec<_> = report
            .pages
            .iter()
            .filter(|p| p.dataset == "wcxb")
            .collect();
        rows.sort_by(|a, b| a.f1.unwrap_or(0.0).total_cmp(&b.f1.unwrap_or(0.0)));
        println!("\nlowest F1:");
        for p in rows.into_iter().take(args.worst) {
            println!(
                "  {} {:<13} F1 {:.3} P {:.3} R {:.3} q {:?} {}",
                p.id,
                p.page_type,
                p.f1.unwrap_or(0.0),
                p.precision.unwrap_or(0.0),
                p.recall.unwrap_or(0.0),
                p.quality,
                p.error.as_deref().unwrap_or("")
            );
        }
    }
    if let Some(dir) = out_path.parent() {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    std::fs::write(&out_path, serde_json::to_vec_pretty(&report)?)
        .with_context(|| format!("writing {}", out_path.display()))?;
    println!("report: {}", out_path.display());
    Ok(())
}
