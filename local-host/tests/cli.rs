//! The composed artifact's shape, and the `riptide extract` / `riptide
//! batch` command lines with their exit codes.

mod common;
use common::{article_html, artifact, temp_dir};
use std::process::{Command, Output};

fn riptide(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_riptide"))
        .args(args)
        .arg("--cache-dir")
        .arg(common::shared_cache_dir())
        .output()
        .expect("run riptide")
}

#[test]
fn composed_app_imports_only_wasi_and_exports_the_http_handler() {
    let s = riptide_host::settings::Settings::default();
    let engine = riptide_host::engine::build_engine(&s).expect("engine");
    let stats = riptide_host::engine::CacheStats::default();
    let c = riptide_host::engine::load_component(
        &engine,
        &artifact("riptide.wasm"),
        Some(&common::shared_cache_dir()),
        &stats,
    )
    .expect("load composed app");
    let ty = c.component_type();
    let imports: Vec<String> = ty.imports(&engine).map(|(n, _)| n.to_string()).collect();
    assert!(!imports.is_empty());
    for name in &imports {
        assert!(
            name.starts_with("wasi:"),
            "non-WASI import {name} (all imports: {imports:?})"
        );
    }
    assert!(
        !imports.iter().any(|n| n.starts_with("riptide:")),
        "the extractor must be composed in, not imported"
    );
    let exports: Vec<String> = ty.exports(&engine).map(|(n, _)| n.to_string()).collect();
    assert!(
        exports
            .iter()
            .any(|n| n.starts_with("wasi:http/incoming-handler@0.2.")),
        "exports: {exports:?}"
    );
}

#[test]
fn extract_command_formats_and_exit_codes() {
    let dir = temp_dir("cli-extract");
    let page = dir.join("page.html");
    std::fs::write(&page, article_html()).expect("write page");
    let page = page.to_string_lossy().into_owned();
    let comp = artifact("riptide-extractor.wasm");
    let comp = comp.to_string_lossy().into_owned();
    let url = "https://coastal.example/notes/rip-currents";

    let out = riptide(&["extract", &page, "--url", url, "--component", &comp]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json output");
    assert!(v["title"]
        .as_str()
        .unwrap_or_default()
        .contains("How Rip Currents Form"));

    let out = riptide(&[
        "extract",
        &page,
        "--url",
        url,
        "--format",
        "markdown",
        "--component",
        &comp,
    ]);
    assert!(out.status.success());
    let md = String::from_utf8_lossy(&out.stdout);
    assert!(md.contains("Paragraph 4 of the tidal report"), "{md}");

    let out = riptide(&[
        "extract",
        &page,
        "--url",
        url,
        "--selector",
        "p.byline",
        "--format",
        "text",
        "--component",
        &comp,
    ]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("Ada Lovelace"));

    // Extraction failure: exit 1 with the typed error on stdout.
    let empty = dir.join("empty.html");
    std::fs::write(&empty, "").expect("write");
    let out = riptide(&["extract", &empty.to_string_lossy(), "--component", &comp]);
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("error json");
    assert_eq!(v["error"]["kind"], "invalid-html");

    // Usage errors: exit 2.
    assert_eq!(
        riptide(&[
            "extract",
            &page,
            "--mode",
            "everything",
            "--component",
            &comp
        ])
        .status
        .code(),
        Some(2)
    );
    assert_eq!(
        riptide(&["extract", "/no/such/file.html", "--component", &comp])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(riptide(&["extract"]).status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn batch_manifest_one_line_per_input_in_order() {
    let dir = temp_dir("cli-batch");
    std::fs::write(dir.join("a.html"), article_html()).expect("write");
    {
        use std::io::Write;
        let f = std::fs::File::create(dir.join("b.html.gz")).expect("create gz");
        let mut gz = flate2::write::GzEncoder::new(f, flate2::Compression::fast());
        gz.write_all(
            article_html()
                .replace("How Rip Currents Form", "Gzipped Tides")
                .as_bytes(),
        )
        .expect("gz write");
        gz.finish().expect("gz finish");
    }
    std::fs::write(dir.join("empty.html"), "").expect("write");
    let manifest = dir.join("manifest.jsonl");
    std::fs::write(
        &manifest,
        [
            r#"{"id": "a", "path": "a.html", "url": "https://coastal.example/a"}"#,
            r#"{"id": "missing", "path": "nope.html", "url": "https://coastal.example/x"}"#,
            r#"this is not json"#,
            r#"{"id": "b", "path": "b.html.gz", "url": "https://coastal.example/b"}"#,
            r#"{"id": "empty", "path": "empty.html", "url": "https://coastal.example/e"}"#,
        ]
        .join("\n"),
    )
    .expect("write manifest");
    let out_path = dir.join("out.jsonl");
    let comp = artifact("riptide-extractor.wasm");
    let out = riptide(&[
        "batch",
        "--input",
        &manifest.to_string_lossy(),
        "--output",
        &out_path.to_string_lossy(),
        "--jobs",
        "2",
        "--component",
        &comp.to_string_lossy(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "some pages failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&out_path).expect("output");
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    assert_eq!(lines.len(), 5, "one line per input line: {text}");
    let ids: Vec<&str> = lines
        .iter()
        .map(|l| l["id"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(ids, ["a", "missing", "line-3", "b", "empty"]);
    assert_eq!(lines[0]["ok"], true);
    assert!(lines[0]["content"]["title"]
        .as_str()
        .unwrap_or_default()
        .contains("Rip Currents"));
    assert!(lines[0]["stats"]["processing_time_ms"].is_u64());
    assert_eq!(lines[1]["ok"], false);
    assert_eq!(lines[2]["ok"], false);
    assert_eq!(lines[3]["ok"], true);
    assert!(lines[3]["content"]["title"]
        .as_str()
        .unwrap_or_default()
        .contains("Gzipped Tides"));
    assert_eq!(lines[4]["ok"], false);
    assert_eq!(lines[4]["error"]["kind"], "invalid-html");

    // A directory of good pages: exit 0, JSONL on stdout.
    let good = dir.join("good");
    std::fs::create_dir_all(&good).expect("mkdir");
    std::fs::copy(dir.join("a.html"), good.join("one.html")).expect("copy");
    std::fs::copy(dir.join("b.html.gz"), good.join("two.html.gz")).expect("copy");
    let out = riptide(&[
        "batch",
        &good.to_string_lossy(),
        "--component",
        &comp.to_string_lossy(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    let ids: Vec<String> = stdout
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).expect("json")["id"]
                .as_str()
                .unwrap_or_default()
                .to_string()
        })
        .collect();
    assert_eq!(ids, ["one.html", "two.html.gz"]);
    let _ = std::fs::remove_dir_all(&dir);
}
