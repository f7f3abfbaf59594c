//! Progress on a terminal (issue #13): "a 3,000-line JSON Lines file shows 0/1 files for 25
//! seconds". On a terminal the bar moves an article at a time inside a JSON Lines file or a
//! JSON array and says how long is left. The terminal is a pseudo-terminal made by `script`
//! (util-linux), as a user's would be; where there is no `script`, the test says so and passes.

use std::process::Command;

use crate::util::Kb;

/// The numbers of articles the bar showed, in the order it showed them.
fn counts_shown(screen: &str) -> Vec<u64> {
    screen
        .split(['\r', '\n'])
        .filter_map(|frame| {
            let (before, _) = frame.split_once(" article")?;
            before.split_whitespace().last()?.parse().ok()
        })
        .collect()
}

/// Ingests `file` (whose text is `contents`, `total` articles) on a pseudo-terminal and checks
/// what the bar showed.
fn assert_the_bar_moves_inside(file: &str, contents: String, total: u64) {
    let kb = Kb::new();
    kb.write(file, contents);
    let command = format!(
        "'{}' --db '{}' ingest {file}",
        env!("CARGO_BIN_EXE_dipkb"),
        kb.db().display()
    );
    let output = Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .current_dir(kb.dir.path())
        .env_remove("RUST_LOG")
        .env("TERM", "xterm")
        .output()
        .expect("run script");
    let screen = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{screen}");
    let counts = counts_shown(&screen);
    // Frames inside the file, not only "0 of 1 files" and then the end.
    let inside: Vec<u64> = counts
        .iter()
        .copied()
        .filter(|&n| n > 0 && n < total)
        .collect();
    assert!(
        inside.len() >= 2,
        "{file}: no frame inside the file: {counts:?}\n{screen}"
    );
    assert!(
        counts.windows(2).all(|pair| pair[0] <= pair[1]),
        "{file}: the count went back: {counts:?}"
    );
    assert!(
        screen.contains(&format!("s left {file}")),
        "{file}: no time left:\n{screen}"
    );
    assert!(
        screen.contains(&format!("done: {total} articles from 1 input in ")),
        "{screen}"
    );
    assert_eq!(kb.count("articles"), total as i64);
}

#[test]
fn on_a_terminal_the_bar_moves_an_article_at_a_time_inside_json_lines_and_arrays() {
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("no `script` (util-linux) on PATH: no pseudo-terminal to test the bar on");
        return;
    }
    let total = 300;
    let articles: Vec<serde_json::Value> = (0..total)
        .map(|i| {
            serde_json::json!({
                "title": format!("Talks {i}"),
                "date_publish": "2022-01-12",
                "text": format!(
                    "The foreign ministers of France and Germany met in Paris for round {i}. \
                     They said the talks had gone well."
                ),
            })
        })
        .collect();
    let lines: String = articles.iter().map(|a| format!("{a}\n")).collect();
    assert_the_bar_moves_inside("feed.jsonl", lines, total);
    let array = serde_json::Value::Array(articles).to_string();
    assert_the_bar_moves_inside("feed.json", array, total);
}

#[test]
fn counts_are_read_from_frames() {
    assert_eq!(
        counts_shown(
            "\u{2588}\u{2591}  1% 4 articles, 24s left feed.jsonl\r\x1b[2K\u{2588}  7% 52 articles, 6s left\rarticles: 400 new, 0 already stored"
        ),
        [4, 52]
    );
}
