//! The example queries of docs/schema.md run, on the sample corpus, and return what they say.

use crate::util::Kb;

/// The SQL blocks of a Markdown text, each with its `-- expect:` lines.
pub fn sql_blocks(markdown: &str) -> Vec<(String, Vec<String>)> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in markdown.lines() {
        match &mut current {
            None if line.trim() == "```sql" => current = Some(String::new()),
            None => {}
            Some(block) if line.trim() == "```" => {
                let expects = block
                    .lines()
                    .filter_map(|l| l.trim().strip_prefix("-- expect:"))
                    .map(|e| e.trim().to_string())
                    .collect();
                blocks.push((std::mem::take(block), expects));
                current = None;
            }
            Some(block) => {
                block.push_str(line);
                block.push('\n');
            }
        }
    }
    blocks
}

#[test]
fn every_example_query_in_the_schema_docs_answers() {
    let docs = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/schema.md"),
    )
    .expect("docs/schema.md");
    let blocks = sql_blocks(&docs);
    assert_eq!(blocks.len(), 10, "ten example queries");
    let kb = Kb::with_samples();
    for (sql, expects) in blocks {
        assert!(!expects.is_empty(), "no -- expect: line in {sql}");
        // Through `dipkb sql`, as a reader would run it (one statement, read-only).
        let query = sql.trim().trim_end_matches(';');
        let output = kb.stdout(&["sql", "--format", "csv", "--", query]);
        for expected in &expects {
            assert!(
                output.contains(expected.as_str()),
                "{sql}\nreturned\n{output}\nwithout {expected:?}"
            );
        }
    }
}

/// The lines of the README's console block that shows `$ dipkb COMMAND...`: the command line
/// and what it prints, up to the next `$` or the end of the block.
fn readme_example(command: &str) -> (String, Vec<String>) {
    let readme =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
            .expect("README.md");
    let mut lines = readme
        .lines()
        .skip_while(|l| !l.starts_with(&format!("$ {command}")));
    let line = lines
        .next()
        .unwrap_or_else(|| panic!("no `$ {command}` example in the README"));
    let printed = lines
        .take_while(|l| !l.starts_with("$ ") && !l.starts_with("```"))
        .map(String::from)
        .collect();
    (line.trim_start_matches("$ ").to_string(), printed)
}

/// Issue #13: the README's `eval` example runs from a fresh clone (on data/samples, not on a
/// corpus outside the repository) and prints what the README shows. The scores move whenever
/// extraction improves, so they are not compared; the articles, the rows, the gold counts and
/// the layout are.
#[test]
fn the_readme_eval_example_runs_on_the_samples() {
    let (line, shown) = readme_example("dipkb eval");
    let words: Vec<&str> = line.split_whitespace().collect();
    assert_eq!(words[..2], ["dipkb", "eval"]);
    // In the repository, so that it runs on a fresh clone.
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let folder = root
        .join(words[2])
        .canonicalize()
        .expect("the eval folder exists");
    assert!(
        folder.starts_with(root.canonicalize().unwrap()),
        "{line}: the folder is outside the repository"
    );
    let output = assert_cmd::Command::new(env!("CARGO_BIN_EXE_dipkb"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("RUST_LOG")
        .env_remove("DIPKB_DICTIONARIES")
        .args(&words[1..])
        .output()
        .expect("run dipkb");
    assert!(
        output.status.success(),
        "{line}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let printed = String::from_utf8(output.stdout).expect("UTF-8");
    let printed: Vec<&str> = printed.lines().collect();
    assert_eq!(
        printed.len(),
        shown.len(),
        "{line} printed\n{}",
        printed.join("\n")
    );
    // The first three lines (folder and article count, header, rule) are exact; each row of
    // scores starts with the same fact and gold count.
    assert_eq!(printed[..3], shown[..3]);
    let gold_of = |row: &str| -> String { row[..18.min(row.len())].to_string() };
    for (printed, shown) in printed[3..].iter().zip(&shown[3..]) {
        if shown.starts_with("matched meetings:") {
            assert!(printed.starts_with("matched meetings:"), "{printed}");
        } else {
            assert_eq!(
                gold_of(printed),
                gold_of(shown),
                "{printed}\nvs the README's\n{shown}"
            );
        }
    }
}
