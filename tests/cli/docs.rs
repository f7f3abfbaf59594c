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

/// The columns docs/schema.md tells pandas to read as text.
fn text_columns_in_the_pandas_hint() -> Vec<String> {
    let docs = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/schema.md"),
    )
    .expect("docs/schema.md");
    let start = docs
        .find("TEXT = {")
        .expect("a pandas dtype hint in docs/schema.md");
    let hint = &docs[start..];
    let hint = &hint[..hint.find("]}").expect("the end of the hint")];
    hint.split('"')
        .skip(3) // `TEXT = {column: "string" for column in [`
        .step_by(2)
        .map(String::from)
        .collect()
}

/// Issue #13: codes such as CAMEO "044" leave dipkb as text ("044" in CSV, a JSON string in
/// JSON Lines), and every exported column whose values could be read as numbers (digits-only
/// text: codes, year-only dates) is in the dtype hint of docs/schema.md, so that pandas does
/// not turn "046" into 46.
#[test]
fn exports_keep_codes_as_text_and_the_docs_say_how_to_read_them() {
    let kb = Kb::with_samples();
    let hint = text_columns_in_the_pandas_hint();
    assert!(hint.contains(&"cameo_code".to_string()), "{hint:?}");
    for format in ["csv", "jsonl"] {
        kb.dipkb()
            .args(["export", "--format", format, "--out", format])
            .assert()
            .success();
    }
    let geneva = |line: &&str| line.contains("Geneva") && line.contains("2021-06-16");
    let csv = std::fs::read_to_string(kb.dir.path().join("csv/meeting_list.csv")).unwrap();
    let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
    let code = header.iter().position(|c| *c == "cameo_code").unwrap();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let row = reader
        .records()
        .map(|r| r.unwrap())
        .find(|r| r.iter().any(|f| f == "Geneva"))
        .expect("the Geneva summit");
    assert_eq!(&row[code], "044");
    let jsonl = std::fs::read_to_string(kb.dir.path().join("jsonl/meeting_list.jsonl")).unwrap();
    let line = jsonl.lines().find(geneva).expect("the Geneva summit");
    assert!(line.contains(r#""cameo_code":"044""#), "{line}");

    // Every exported relation, every column with a value made of digits only.
    let conn = kb.conn();
    let exported: Vec<String> = std::fs::read_dir(kb.dir.path().join("csv"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter_map(|name| name.strip_suffix(".csv").map(String::from))
        .collect();
    assert!(exported.len() > 20, "{exported:?}");
    let mut numeric_looking = Vec::new();
    for relation in &exported {
        let columns: Vec<String> = conn
            .prepare(&format!("SELECT name FROM pragma_table_info('{relation}')"))
            .unwrap()
            .query_map([], |row| row.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        for column in columns {
            let digits: i64 = conn
                .query_row(
                    &format!(
                        "SELECT count(*) FROM \"{relation}\" WHERE typeof(\"{column}\") = 'text' \
                         AND \"{column}\" <> '' AND \"{column}\" NOT GLOB '*[^0-9]*'"
                    ),
                    [],
                    |row| row.get(0),
                )
                .unwrap();
            if digits > 0 {
                numeric_looking.push(format!("{relation}.{column}"));
                assert!(
                    hint.contains(&column),
                    "{relation}.{column} holds text of digits only, which pandas reads as a \
                     number: add it to the dtype hint of docs/schema.md"
                );
            }
        }
    }
    assert!(
        numeric_looking.contains(&"meeting_list.cameo_code".to_string()),
        "{numeric_looking:?}"
    );
}

/// Issue #13: the README says which Rust builds dipkb, and it is the `rust-version` Cargo.toml
/// declares (so that `cargo` itself refuses an older toolchain with the same words).
#[test]
fn the_readme_names_the_rust_version_cargo_declares() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let manifest = std::fs::read_to_string(root.join("Cargo.toml")).expect("Cargo.toml");
    let version = manifest
        .lines()
        .find_map(|line| line.strip_prefix("rust-version = "))
        .expect("a rust-version in Cargo.toml")
        .trim_matches('"');
    assert!(
        version.split('.').all(|part| part.parse::<u32>().is_ok()),
        "{version}"
    );
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README.md");
    assert!(
        readme.contains(&format!("Rust {version} or later")),
        "the README does not say Rust {version} or later"
    );
}
