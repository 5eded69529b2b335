//! The quality harness binary end to end, on a corpus assembled from the repo's fixture
//! pages (so it runs without ../shared).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../extractor-component/fixtures")
}

/// A corpus directory in the harness's layout, built from the fixture pages.
fn fixture_corpus(dir: &Path) {
    let wcxb = dir.join("wcxb-dev");
    std::fs::create_dir_all(wcxb.join("html")).unwrap();
    std::fs::create_dir_all(wcxb.join("ground-truth")).unwrap();
    for entry in std::fs::read_dir(fixtures().join("wcxb")).unwrap() {
        let path = entry.unwrap().path();
        let Some(id) = path.file_stem().map(|s| s.to_string_lossy().to_string()) else {
            continue;
        };
        match path.extension().and_then(|e| e.to_str()) {
            Some("json") => {
                std::fs::copy(&path, wcxb.join("ground-truth").join(format!("{id}.json"))).unwrap();
            }
            Some("html") => {
                let file =
                    std::fs::File::create(wcxb.join("html").join(format!("{id}.html.gz"))).unwrap();
                let mut gz = flate2::write::GzEncoder::new(file, flate2::Compression::fast());
                gz.write_all(&std::fs::read(&path).unwrap()).unwrap();
                gz.finish().unwrap();
            }
            _ => {}
        }
    }
    let pages = dir.join("readability/test-pages");
    for entry in std::fs::read_dir(fixtures().join("readability")).unwrap() {
        let src = entry.unwrap().path();
        let dst = pages.join(src.file_name().unwrap());
        std::fs::create_dir_all(&dst).unwrap();
        for file in std::fs::read_dir(&src).unwrap() {
            let file = file.unwrap().path();
            std::fs::copy(&file, dst.join(file.file_name().unwrap())).unwrap();
        }
    }
}

#[test]
fn quality_against_dom_smoothie_scores_both_in_one_run() {
    let dir = std::env::temp_dir().join(format!("riptide-harness-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    fixture_corpus(&dir);
    let out = dir.join("report.json");
    let run = Command::new(env!("CARGO_BIN_EXE_quality"))
        .args([
            "--corpus",
            dir.to_str().unwrap(),
            "--against",
            "dom-smoothie",
            "--out",
        ])
        .arg(&out)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(
        stdout.contains("dom_smoothie on the same pages, same run"),
        "{stdout}"
    );
    assert!(stdout.contains("as fast as dom_smoothie"), "{stdout}");

    let ours: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    let rival: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.with_extension("rival.json")).unwrap()).unwrap();
    let wcxb_pages = std::fs::read_dir(fixtures().join("wcxb"))
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "json")
        })
        .count();
    assert!(wcxb_pages > 0);
    for report in [&ours, &rival] {
        let pages = report["pages"].as_array().unwrap();
        let wcxb: Vec<_> = pages.iter().filter(|p| p["dataset"] == "wcxb").collect();
        assert_eq!(wcxb.len(), wcxb_pages, "{report}");
        // Both engines really extracted: the fixture articles score well above zero.
        let best = wcxb
            .iter()
            .filter_map(|p| p["f1"].as_f64())
            .fold(0.0f64, f64::max);
        assert!(best > 0.5, "{report}");
        assert!(
            report["speed"]["cpu_seconds"].as_f64().unwrap() > 0.0,
            "{report}"
        );
    }
    assert_eq!(ours["engine"], "native");
    assert_eq!(rival["engine"], "dom_smoothie");
    let _ = std::fs::remove_dir_all(&dir);
}
