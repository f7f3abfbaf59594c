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
