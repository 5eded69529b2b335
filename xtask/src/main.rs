//! Build steps that plain cargo cannot express: compile the components for
//! wasm32-wasip2 and compose them with WAC (the `wac-graph` library, so no CLI install).
//!
//! `cargo xtask build`  → target/riptide.wasm (+ the bare and test components)
//! `cargo xtask test`   → build, then every test of the workspace
//! `cargo xtask serve`  → build, then `riptide serve` with any further arguments

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context, Result};
use wac_graph::{types::Package, CompositionGraph, EncodeOptions};

const WASM_TARGET: &str = "wasm32-wasip2";

/// The crates whose tests `cargo xtask test` runs, natively (the component crates'
/// logic is tested natively too; their wasm builds are exercised through the host).
const TEST_PACKAGES: &[&str] = &[
    "riptide-extractor",
    "riptide-http",
    "riptide-host",
    "riptide-bench",
    "xtask",
];

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = workspace_root()?;
    match args.first().map(String::as_str) {
        Some("build") => build(&root).map(|_| ()),
        Some("test") => {
            build(&root)?;
            test(&root, &args[1..])
        }
        Some("serve") => {
            build(&root)?;
            serve(&root, &args[1..])
        }
        _ => {
            eprintln!("usage: cargo xtask <build|test|serve> [args...]");
            std::process::exit(2);
        }
    }
}

fn workspace_root() -> Result<PathBuf> {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest
        .parent()
        .map(Path::to_path_buf)
        .context("xtask must live one level below the workspace root")
}

fn cargo() -> Command {
    Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string()))
}

fn run(mut cmd: Command) -> Result<()> {
    let shown = format!("{cmd:?}");
    let status = cmd
        .status()
        .with_context(|| format!("could not start {shown}"))?;
    if !status.success() {
        bail!("{shown} failed with {status}");
    }
    Ok(())
}

/// Cargo does not add a missing target to an installed toolchain, and neither does
/// `rustup toolchain install` when the toolchain rust-toolchain.toml names is already
/// there without it (a machine that has Rust 1.95.0 but never built for wasm); `rustup
/// target add`, run in the repo, adds it to that toolchain.
fn ensure_wasm_target(root: &Path) -> Result<()> {
    let installed = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .current_dir(root)
        .output();
    match installed {
        Ok(out) if String::from_utf8_lossy(&out.stdout).contains(WASM_TARGET) => Ok(()),
        Ok(_) => {
            eprintln!("xtask: installing the {WASM_TARGET} target (rustup target add)");
            let mut install = Command::new("rustup");
            install.args(["toolchain", "install"]).current_dir(root);
            run(install)?;
            let mut add = Command::new("rustup");
            add.args(["target", "add", WASM_TARGET]).current_dir(root);
            run(add)
        }
        Err(e) => bail!(
            "rustup is needed to add the {WASM_TARGET} target ({e}); \
             install it or add the target to your toolchain by hand"
        ),
    }
}

fn git(root: &Path, args: &[&str]) -> Option<String> {
    let out = Command::new("git")
        .args(args)
        .current_dir(root)
        .output()
        .ok()?;
    let s = String::from_utf8_lossy(&out.stdout).trim().to_string();
    (out.status.success() && !s.is_empty()).then_some(s)
}

/// The wasm artifacts `build` writes, under target/.
pub struct Artifacts {
    pub app: PathBuf,
    pub extractor: PathBuf,
}

fn build(root: &Path) -> Result<Artifacts> {
    ensure_wasm_target(root)?;
    let target_dir = root.join("target");
    // A target dir of its own: the wasm build then never waits on the lock of a
    // native build or test run going on in target/release.
    let wasm_dir = target_dir.join("wasm");
    let mut cmd = cargo();
    cmd.current_dir(root).args([
        "build",
        "--release",
        "--target",
        WASM_TARGET,
        "-p",
        "riptide-extractor",
        "-p",
        "riptide-http",
        "-p",
        "riptide-misbehave",
        "--target-dir",
    ]);
    cmd.arg(&wasm_dir);
    // Commit id and date (not the wall clock) so an unchanged tree never rebuilds.
    if let Some(commit) = git(root, &["rev-parse", "--short=12", "HEAD"]) {
        cmd.env("RIPTIDE_GIT_COMMIT", commit);
    }
    if let Some(date) = git(root, &["log", "-1", "--format=%cI"]) {
        cmd.env("RIPTIDE_BUILD_TIMESTAMP", date);
    }
    run(cmd)?;

    let out = wasm_dir.join(WASM_TARGET).join("release");
    let extractor = target_dir.join("riptide-extractor.wasm");
    let misbehave = target_dir.join("riptide-misbehave.wasm");
    let http = out.join("riptide_http.wasm");
    copy(&out.join("riptide_extractor.wasm"), &extractor)?;
    copy(&out.join("riptide_misbehave.wasm"), &misbehave)?;

    let app = target_dir.join("riptide.wasm");
    compose(&http, &extractor, &app)?;
    compose(
        &http,
        &misbehave,
        &target_dir.join("riptide-misbehave-app.wasm"),
    )?;
    for path in [&extractor, &app] {
        let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
        eprintln!("xtask: {} ({} KiB)", path.display(), size / 1024);
    }
    Ok(Artifacts { app, extractor })
}

fn copy(from: &Path, to: &Path) -> Result<()> {
    std::fs::copy(from, to)
        .with_context(|| format!("copying {} to {}", from.display(), to.display()))?;
    Ok(())
}

/// Plugs the extractor's `riptide:extractor/extract` export into the HTTP component's
/// import of it; whatever both still import (wasi:*) becomes the app's imports.
pub fn compose(socket: &Path, plug: &Path, out: &Path) -> Result<()> {
    let mut graph = CompositionGraph::new();
    let socket_pkg = Package::from_file("riptide:http", None, socket, graph.types_mut())
        .with_context(|| format!("loading {}", socket.display()))?;
    let socket_id = graph.register_package(socket_pkg)?;
    let plug_pkg = Package::from_file("riptide:extractor", None, plug, graph.types_mut())
        .with_context(|| format!("loading {}", plug.display()))?;
    let plug_id = graph.register_package(plug_pkg)?;
    wac_graph::plug(&mut graph, vec![plug_id], socket_id)
        .with_context(|| format!("plugging {} into {}", plug.display(), socket.display()))?;
    let bytes = graph
        .encode(EncodeOptions::default())
        .context("encoding the composed component")?;
    std::fs::write(out, bytes).with_context(|| format!("writing {}", out.display()))?;
    Ok(())
}

fn test(root: &Path, extra: &[String]) -> Result<()> {
    let mut cmd = cargo();
    cmd.current_dir(root)
        .args(["test", "--release", "--no-fail-fast"]);
    for p in TEST_PACKAGES {
        cmd.args(["-p", p]);
    }
    cmd.args(extra);
    run(cmd)
}

fn serve(root: &Path, extra: &[String]) -> Result<()> {
    // Build the same package set as `test`: a different set unifies features
    // differently and would make cargo rebuild wasmtime.
    let mut cmd = cargo();
    cmd.current_dir(root).args(["build", "--release"]);
    for p in TEST_PACKAGES {
        cmd.args(["-p", p]);
    }
    run(cmd)?;
    let mut cmd = Command::new(root.join("target").join("release").join("riptide"));
    cmd.current_dir(root).arg("serve").args(extra);
    run(cmd)
}
