//! Progress (issue #13): the bar is for terminals only, and every ingest ends with one line
//! that says how many articles went through, from how many inputs, how fast.

use crate::util::{Kb, stderr_of};

#[test]
fn an_ingest_off_a_terminal_draws_no_bar_and_ends_with_a_one_line_summary() {
    let kb = Kb::new();
    let lines: String = (0..30)
        .map(|i| {
            format!(
                "{}\n",
                serde_json::json!({
                    "title": format!("Talks {i}"),
                    "date_publish": "2022-01-12",
                    "text": format!("The foreign ministers of France and Germany met in Paris for round {i}."),
                })
            )
        })
        .collect();
    kb.write("feed.jsonl", lines);
    kb.write(
        "note.txt",
        "Talks in Vienna\n\nThe foreign ministers of Austria and Italy met in Vienna.\n",
    );
    let output = kb
        .dipkb()
        .args([
            "ingest",
            "feed.jsonl",
            "note.txt",
            "--published",
            "2022-01-12",
        ])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let stderr = stderr_of(&output);
    // No bar, no cursor movement: stderr is a pipe here.
    assert!(
        !stderr.contains('\r') && !stderr.contains('\u{1b}'),
        "{stderr:?}"
    );
    let last = stderr.lines().last().unwrap_or_default();
    assert!(
        last.starts_with("done: 31 articles from 2 inputs in "),
        "{stderr}"
    );
    assert_eq!(
        stderr.lines().filter(|l| l.starts_with("done: ")).count(),
        1,
        "{stderr}"
    );

    // Extracting stored articles again says so too.
    let output = kb.dipkb().args(["ingest", "--reprocess"]).output().unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert!(
        stderr_of(&output)
            .lines()
            .last()
            .unwrap_or_default()
            .starts_with("done: 31 articles re-read from the knowledge base in "),
        "{}",
        stderr_of(&output)
    );
}
