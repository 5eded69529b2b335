//! `riptide`: serve the composed app, or run the extractor on pages.
//! Exit codes: 0 success, 1 extraction failed / some pages failed, 2 usage.

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use riptide_host::batch;
use riptide_host::extractor::{parse_mode, ExtractorPool};
use riptide_host::settings::{Knobs, Settings};
use std::io::{IsTerminal, Read, Write};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "riptide",
    version,
    about = "Web content extraction in a WebAssembly sandbox"
)]
struct Cli {
    /// Log filter (tracing EnvFilter syntax), e.g. `info` or `riptide_host=debug`
    #[arg(long, env = "RIPTIDE_LOG", global = true)]
    log: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the HTTP API (the composed app) on wasmtime
    Serve {
        /// Address to listen on (port 0 picks a free port)
        #[arg(long, env = "RIPTIDE_LISTEN", default_value = "127.0.0.1:8080")]
        listen: SocketAddr,
        /// The composed app component
        #[arg(long, env = "RIPTIDE_APP", default_value = "target/riptide.wasm")]
        app: PathBuf,
        /// TOML file with knobs (same names as the flags, with underscores)
        #[arg(long, env = "RIPTIDE_CONFIG")]
        config: Option<PathBuf>,
        #[command(flatten)]
        knobs: Knobs,
    },
    /// Extract one page (a file, or - for stdin)
    Extract {
        /// HTML file, `.html.gz`, or `-` for stdin
        input: String,
        /// The page's URL (for resolving links and media)
        #[arg(long, default_value = "about:blank")]
        url: String,
        #[arg(long, default_value = "article")]
        mode: String,
        /// CSS selector (repeatable); makes the mode `custom`
        #[arg(long = "selector")]
        selectors: Vec<String>,
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Include extraction stats (json format only)
        #[arg(long)]
        stats: bool,
        /// The bare extractor component
        #[arg(
            long,
            env = "RIPTIDE_COMPONENT",
            default_value = "target/riptide-extractor.wasm"
        )]
        component: PathBuf,
        #[arg(long, env = "RIPTIDE_CONFIG")]
        config: Option<PathBuf>,
        #[command(flatten)]
        knobs: Knobs,
    },
    /// Extract many pages: a JSONL manifest or a directory of .html/.html.gz
    Batch {
        /// A directory of pages (instead of --input)
        #[arg(conflicts_with = "input", required_unless_present = "input")]
        dir: Option<PathBuf>,
        /// JSONL manifest: {"id", "path", "url"} per line
        #[arg(long)]
        input: Option<PathBuf>,
        /// JSONL output (default: stdout)
        #[arg(long)]
        output: Option<PathBuf>,
        #[arg(long, default_value = "article")]
        mode: String,
        #[arg(long = "selector")]
        selectors: Vec<String>,
        /// Worker threads, each keeping a warm instance busy
        #[arg(long, default_value_t = default_jobs())]
        jobs: usize,
        #[arg(
            long,
            env = "RIPTIDE_COMPONENT",
            default_value = "target/riptide-extractor.wasm"
        )]
        component: PathBuf,
        #[arg(long, env = "RIPTIDE_CONFIG")]
        config: Option<PathBuf>,
        #[command(flatten)]
        knobs: Knobs,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
    Markdown,
    Text,
}

fn default_jobs() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get())
}

/// A failure with its exit code.
struct Fail(u8, anyhow::Error);

fn usage(e: anyhow::Error) -> Fail {
    Fail(2, e)
}

fn failed(e: anyhow::Error) -> Fail {
    Fail(1, e)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let default_level = match cli.command {
        Command::Serve { .. } => "info",
        _ => "warn",
    };
    let filter =
        tracing_subscriber::EnvFilter::try_new(cli.log.as_deref().unwrap_or(default_level))
            .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default_level));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .init();
    match run(cli.command) {
        Ok(code) => ExitCode::from(code),
        Err(Fail(code, e)) => {
            eprintln!("riptide: {e:#}");
            ExitCode::from(code)
        }
    }
}

fn settings(knobs: Knobs, config: Option<&Path>) -> Result<Settings, Fail> {
    knobs
        .with_file(config)
        .and_then(Knobs::resolve)
        .map_err(usage)
}

fn run(command: Command) -> Result<u8, Fail> {
    match command {
        Command::Serve {
            listen,
            app,
            config,
            knobs,
        } => {
            let settings = settings(knobs, config.as_deref())?;
            if !app.is_file() {
                return Err(failed(anyhow::anyhow!(
                    "{} not found: run `cargo xtask build` first",
                    app.display()
                )));
            }
            let rt = tokio::runtime::Builder::new_multi_thread()
                .enable_all()
                .build()
                .map_err(|e| failed(e.into()))?;
            rt.block_on(riptide_host::serve::run(settings, &app, listen))
                .map_err(failed)?;
            Ok(0)
        }
        Command::Extract {
            input,
            url,
            mode,
            selectors,
            format,
            stats,
            component,
            config,
            knobs,
        } => {
            let settings = settings(knobs, config.as_deref())?;
            let mode = parse_mode(&mode, &selectors).map_err(|m| usage(anyhow::anyhow!(m)))?;
            let html = read_input(&input).map_err(usage)?;
            let pool = open_pool(&component, &settings)?;
            match pool.extract(&html, &url, &mode) {
                Ok((content, st)) => {
                    let mut out = std::io::stdout().lock();
                    let text = match format {
                        Format::Json if stats => serde_json::to_string_pretty(
                            &serde_json::json!({"content": content, "stats": st}),
                        )
                        .map_err(|e| failed(e.into()))?,
                        Format::Json => {
                            serde_json::to_string_pretty(&content).map_err(|e| failed(e.into()))?
                        }
                        Format::Markdown => content.markdown,
                        Format::Text => content.text,
                    };
                    writeln!(out, "{text}").map_err(|e| failed(e.into()))?;
                    Ok(0)
                }
                Err(e) => {
                    eprintln!("riptide: extraction failed: {e}");
                    println!("{}", e.to_json());
                    Ok(1)
                }
            }
        }
        Command::Batch {
            dir,
            input,
            output,
            mode,
            selectors,
            jobs,
            component,
            config,
            knobs,
        } => {
            let mut settings = settings(knobs, config.as_deref())?;
            let mode = parse_mode(&mode, &selectors).map_err(|m| usage(anyhow::anyhow!(m)))?;
            let entries = match (&input, &dir) {
                (Some(m), _) => batch::read_manifest(m).map_err(usage)?,
                (None, Some(d)) => batch::read_dir(d).map_err(usage)?,
                (None, None) => return Err(usage(anyhow::anyhow!("give --input MANIFEST or DIR"))),
            };
            // Every worker needs an instance of its own.
            settings.max_instances = settings
                .max_instances
                .max(u32::try_from(jobs).unwrap_or(u32::MAX));
            let pool = open_pool(&component, &settings)?;
            let mut sink: Box<dyn Write> = match &output {
                Some(p) => Box::new(std::io::BufWriter::new(
                    std::fs::File::create(p)
                        .with_context(|| format!("creating {}", p.display()))
                        .map_err(usage)?,
                )),
                None => Box::new(std::io::stdout().lock()),
            };
            let (ok, bad) = batch::run(&pool, &entries, &mode, jobs, &mut sink).map_err(failed)?;
            let st = pool.stats();
            tracing::info!(
                ok,
                failed = bad,
                instances = st.created,
                reused = st.reused,
                "batch done"
            );
            Ok(u8::from(bad > 0))
        }
    }
}

fn open_pool(component: &Path, settings: &Settings) -> Result<ExtractorPool, Fail> {
    if !component.is_file() {
        return Err(failed(anyhow::anyhow!(
            "{} not found: run `cargo xtask build` first",
            component.display()
        )));
    }
    ExtractorPool::from_file(component, settings).map_err(failed)
}

fn read_input(input: &str) -> Result<String> {
    if input == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .context("reading stdin")?;
        return Ok(match String::from_utf8(buf) {
            Ok(s) => s,
            Err(e) => {
                tracing::warn!("stdin is not valid UTF-8; decoding lossily");
                String::from_utf8_lossy(e.as_bytes()).into_owned()
            }
        });
    }
    batch::read_page(Path::new(input)).with_context(|| format!("reading {input}"))
}
