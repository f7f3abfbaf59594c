//! Every example command of README.md runs and prints what the README shows (issue #13: "the
//! README examples are checked by a test that runs them").
//!
//! The README is read as a reader would follow it: each `console` block's `$ ...` lines are run
//! in a shell, in a folder of their own where `dipkb` is on the PATH and `data/` is the
//! repository's, and each line the README shows after a command must be printed by it, in
//! order (on stdout or stderr). `...` stands for lines left out, a line ending in ` ...` for the
//! rest of a line too wide to show, and the timings of `done:` vary. A command whose output
//! shows no `error:` must succeed. The lines of `sh` blocks run too, and must succeed.
//!
//! Examples run in one of a few worlds: the sample corpus ingested (most of them), or a fresh
//! folder with the files the example names. An example no world knows fails the test, so an
//! example added to the README must be given one here.

use std::path::{Path, PathBuf};
use std::process::Command;

/// One command of a console block, and the lines the README shows it printing.
#[derive(Debug)]
struct Step {
    command: String,
    shown: Vec<String>,
}

/// A fenced block of the README: its language and lines, without the fence's indentation.
struct Block {
    language: String,
    lines: Vec<String>,
}

fn readme() -> String {
    std::fs::read_to_string(repository().join("README.md")).expect("README.md")
}

fn repository() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn blocks(markdown: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut current: Option<(usize, Block)> = None;
    for line in markdown.lines() {
        let indent = line.len() - line.trim_start().len();
        match &mut current {
            None => {
                if let Some(language) = line.trim_start().strip_prefix("```") {
                    current = Some((
                        indent,
                        Block {
                            language: language.trim().to_string(),
                            lines: Vec::new(),
                        },
                    ));
                }
            }
            Some(_) if line.trim() == "```" => {
                let (_, block) = current.take().expect("a block");
                blocks.push(block);
            }
            Some((fence, block)) => {
                let text = line.get(*fence..).unwrap_or(line.trim_start());
                block.lines.push(text.to_string());
            }
        }
    }
    blocks
}

fn steps(block: &Block) -> Vec<Step> {
    let mut steps: Vec<Step> = Vec::new();
    for line in &block.lines {
        if let Some(command) = line.strip_prefix("$ ") {
            steps.push(Step {
                command: command.to_string(),
                shown: Vec::new(),
            });
        } else if let Some(step) = steps.last_mut() {
            step.shown.push(line.clone());
        }
    }
    steps
}

/// A folder to run examples in: `dipkb` on the PATH, `data/` the repository's, HOME inside.
struct World {
    dir: tempfile::TempDir,
    last_status: i32,
}

impl World {
    fn new() -> World {
        let dir = tempfile::tempdir().expect("temporary folder");
        std::os::unix::fs::symlink(repository().join("data"), dir.path().join("data"))
            .expect("link data/");
        std::fs::create_dir_all(dir.path().join("home/.local/bin")).unwrap();
        World {
            dir,
            last_status: 0,
        }
    }

    /// A world whose `./dipkb.sqlite` holds the sample corpus.
    fn with_samples() -> World {
        let mut world = World::new();
        let (status, _, stderr) = world.shell("dipkb ingest data/samples");
        assert_eq!(status, 0, "{stderr}");
        world.last_status = 0;
        world
    }

    fn path(&self, relative: &str) -> PathBuf {
        self.dir.path().join(relative)
    }

    fn write(&self, relative: &str, contents: impl AsRef<[u8]>) {
        let path = self.path(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, contents).unwrap();
    }

    /// Runs a command line in `sh`, as a reader would type it: exit status, stdout, stderr.
    fn shell(&mut self, command: &str) -> (i32, String, String) {
        let bin = Path::new(env!("CARGO_BIN_EXE_dipkb")).parent().unwrap();
        let home = self.path("home");
        // A user's own bin folder on the PATH, as Debian's and Ubuntu's ~/.profile put it when
        // it exists; man finds the pages in ~/.local/share/man through it.
        let path = format!(
            "{}:{}:{}",
            bin.display(),
            home.join(".local/bin").display(),
            std::env::var("PATH").unwrap_or_default()
        );
        let output = Command::new("sh")
            .arg("-c")
            .arg(command)
            .current_dir(self.dir.path())
            .env("PATH", path)
            .env("HOME", &home)
            .env("MANPAGER", "cat")
            .env("PAGER", "cat")
            .env_remove("DIPKB_DB")
            .env_remove("DIPKB_DICTIONARIES")
            .env_remove("RUST_LOG")
            .env_remove("MANPATH")
            .output()
            .expect("run sh");
        let status = output.status.code().unwrap_or(-1);
        self.last_status = status;
        (
            status,
            String::from_utf8_lossy(&output.stdout).into_owned(),
            String::from_utf8_lossy(&output.stderr).into_owned(),
        )
    }

    /// Runs one step of a console block and checks that it prints what the README shows.
    fn run(&mut self, step: &Step) {
        if step.command == "echo $?" {
            let shown: Vec<&str> = step.shown.iter().map(String::as_str).collect();
            assert_eq!(shown, [self.last_status.to_string().as_str()], "echo $?");
            return;
        }
        if let Some(file) = step.command.strip_prefix("cat ") {
            // The README shows a file's content this way: the example's input.
            self.write(file, step.shown.join("\n") + "\n");
            return;
        }
        let command = match step.command.split_once(" | dot ") {
            // Graphviz is not needed to test dipkb: its input is checked instead.
            Some((dipkb, _)) if !on_path("dot") => dipkb.to_string(),
            _ => step.command.clone(),
        };
        let (status, stdout, stderr) = self.shell(&command);
        let fails = step.shown.iter().any(|line| line.starts_with("error:"));
        assert!(
            fails || status == 0,
            "`{}` failed ({status}):\n{stderr}",
            step.command
        );
        if command != step.command {
            assert!(
                stdout.starts_with("digraph") && stdout.trim_end().ends_with('}'),
                "{stdout}"
            );
        }
        assert_prints(&step.command, &step.shown, &stdout, &stderr);
    }
}

fn on_path(program: &str) -> bool {
    Command::new("sh")
        .arg("-c")
        .arg(format!("command -v {program}"))
        .output()
        .is_ok_and(|output| output.status.success())
}

/// Whether `line`, as the README shows it, stands for `printed`.
fn shows(line: &str, printed: &str, command: &str) -> bool {
    if let Some(start) = line.strip_suffix(" ...") {
        return printed.starts_with(start);
    }
    if line.starts_with("done: ") {
        // "done: 6 articles from 3 inputs in 0.4 s, 15 a second": the time varies.
        let before_time = |text: &str| text.split(" in ").next().unwrap_or_default().to_string();
        return before_time(line) == before_time(printed);
    }
    if command.starts_with("dipkb eval") {
        // Scores move whenever extraction does; the facts and their gold counts do not
        // (docs::the_readme_eval_example_runs_on_the_samples checks the layout).
        let gold = |text: &str| -> Vec<String> {
            text.split_whitespace().take(2).map(String::from).collect()
        };
        return gold(line) == gold(printed);
    }
    line.trim_end() == printed.trim_end()
}

/// Every line shown is printed, in order, on stdout or stderr.
fn assert_prints(command: &str, shown: &[String], stdout: &str, stderr: &str) {
    let streams = [
        stdout.lines().collect::<Vec<_>>(),
        stderr.lines().collect::<Vec<_>>(),
    ];
    let mut next = [0, 0];
    for line in shown {
        if line.trim() == "..." {
            continue;
        }
        let found = (0..2).find_map(|stream| {
            streams[stream][next[stream]..]
                .iter()
                .position(|printed| shows(line, printed, command))
                .map(|at| (stream, next[stream] + at + 1))
        });
        match found {
            Some((stream, after)) => next[stream] = after,
            None => panic!(
                "`{command}` does not print, where the README shows it,\n{line}\n\
                 stdout:\n{stdout}\nstderr:\n{stderr}"
            ),
        }
    }
}

/// The inputs of the README's example of a failed ingest: a JSON Lines file with an article
/// without a date and a cut line, a binary file saved as text, and a note stored before.
fn inbox(world: &mut World) {
    world.write(
        "inbox/note.txt",
        "---\ntitle: A note\npublished: 2022-02-01\n---\n\
         The embassy will be closed on Monday for a public holiday.\n",
    );
    let (status, _, stderr) = world.shell("dipkb ingest inbox/note.txt");
    assert_eq!(status, 0, "{stderr}");
    world.write(
        "inbox/feed.jsonl",
        [
            r#"{"title": "Trade figures", "text": "Exports rose by four percent in the third quarter."}"#,
            r#"{"title": "Cuts", "text": "This line"#,
            r#"{"title": "Weather", "date": "2022-02-02", "text": "Heavy snow closed the main road to the airport."}"#,
            r#"{"title": "Museum", "date": "2022-02-03", "text": "The museum will open a new wing in the spring."}"#,
        ]
        .join("\n")
            + "\n",
    );
    world.write("inbox/scan.txt", b"PK\x03\x04\x00\x00scan");
}

/// The pages of the README's example of web pages: a news page and a front page without an
/// article (the fixtures of tests/cli/html.rs).
fn saved_pages(world: &mut World) {
    let fixtures = repository().join("tests/cli/fixtures/html");
    world.write(
        "saved/grain-talks.html",
        std::fs::read(fixtures.join("news.html")).unwrap(),
    );
    world.write(
        "saved/front-page.html",
        std::fs::read(fixtures.join("empty.html")).unwrap(),
    );
}

/// The inputs of the README's example of a date given late and a copy from another outlet.
fn late_date_and_copy(world: &mut World) {
    let body = "NATO allies and Russia met in Brussels on Wednesday.\n";
    world.write("talks.txt", format!("Talks in Brussels\n\n{body}"));
    world.write(
        "wire-copy.md",
        format!(
            "---\ntitle: NATO and Russia meet\npublished: 2022-01-12\n\
             source: Example Wire\nurl: https://wire.example/1\n---\n{body}"
        ),
    );
}

/// Issue #13: every console example of the README runs and prints what the README shows.
#[test]
fn every_console_example_of_the_readme_prints_what_it_shows() {
    let mut samples = World::with_samples();
    let mut ran = 0;
    for block in blocks(&readme()) {
        if block.language != "console" {
            continue;
        }
        let steps = steps(&block);
        let first = steps.first().expect("a console block with a command");
        let mut fresh;
        let world = match first.command.as_str() {
            // The README's first example, on an empty folder.
            "dipkb ingest data/samples" => {
                fresh = World::new();
                &mut fresh
            }
            "dipkb ingest inbox/" => {
                fresh = World::new();
                inbox(&mut fresh);
                &mut fresh
            }
            "dipkb ingest saved/grain-talks.html saved/front-page.html" => {
                fresh = World::new();
                saved_pages(&mut fresh);
                &mut fresh
            }
            "dipkb ingest talks.txt" => {
                fresh = World::new();
                late_date_and_copy(&mut fresh);
                &mut fresh
            }
            command
                if command.starts_with("dipkb ") && !command.starts_with("dipkb ingest")
                    || command.starts_with("cat ") =>
            {
                &mut samples
            }
            command => panic!(
                "the README's example `{command}` runs in no world of tests/cli/readme.rs: \
                 give it one"
            ),
        };
        for step in &steps {
            world.run(step);
            ran += 1;
        }
    }
    assert!(ran >= 15, "only {ran} commands found in the README");
}

/// Issue #13: the command lines of the README's `sh` blocks run and succeed: the opening
/// commands (with the built `dipkb` for `cargo run --release --`), the curations, the shell
/// completions and the manual page, and the other tools' commands on the database when those
/// tools are installed (`sqlite3`, `sqlite-utils`, `datasette`; CI installs sqlite3 and
/// sqlite-utils).
#[test]
fn every_shell_example_of_the_readme_runs() {
    let mut samples = World::with_samples();
    let mut ran = Vec::new();
    for block in blocks(&readme()) {
        if block.language != "sh" {
            continue;
        }
        for line in &block.lines {
            let command = line.split(" # ").next().unwrap_or(line).trim();
            if command.is_empty() || command.starts_with('#') {
                continue;
            }
            let program = command.split_whitespace().next().unwrap_or_default();
            if command == "cargo test" {
                // This very run.
                continue;
            }
            let (status, stdout, stderr) = if command.starts_with("cargo run --release -- ") {
                // The README's opening command, on a fresh clone: the built binary instead of
                // building it again.
                let mut fresh = World::new();
                let command = command.replace("cargo run --release --", "dipkb");
                let result = fresh.shell(&command);
                assert!(
                    result.1.contains("2021-06-16  day        meeting"),
                    "{command}: {}",
                    result.1
                );
                result
            } else if program == "datasette" {
                if !on_path("datasette") {
                    eprintln!("no datasette on PATH: `{command}` not run");
                    continue;
                }
                // Datasette serves; `--get` answers one request the same way without a server.
                let address = line
                    .split("http://127.0.0.1:8001")
                    .nth(1)
                    .expect("the README gives the address to open");
                let request = address.replacen("/statements?", "/statements.json?", 1);
                let result = samples.shell(&format!("{command} --get '{request}'"));
                assert!(result.1.contains("\"rows\""), "{}", result.1);
                assert!(result.1.to_lowercase().contains("ukrain"), "{}", result.1);
                result
            } else if program != "dipkb" && !on_path(program) {
                assert!(
                    std::env::var_os("DIPKB_REQUIRE_SQLITE_UTILS").is_none(),
                    "DIPKB_REQUIRE_SQLITE_UTILS is set but there is no {program} on PATH"
                );
                eprintln!("no {program} on PATH: `{command}` not run");
                continue;
            } else if command.contains("&& man ") && !on_path("man") {
                let page = command.split(" && man ").next().unwrap();
                samples.shell(page)
            } else {
                samples.shell(command)
            };
            assert_eq!(status, 0, "`{command}`: {stderr}");
            if program == "sqlite3" || program == "sqlite-utils" {
                assert!(!stdout.trim().is_empty(), "`{command}` printed nothing");
            }
            ran.push(command.to_string());
        }
    }
    let written = samples.path("home/.local/share/bash-completion/completions/dipkb");
    let completions = std::fs::read_to_string(&written).expect("the completion script");
    assert!(completions.contains("ingest"), "{completions}");
    let page = samples.path("home/.local/share/man/man1/dipkb.1");
    assert!(
        std::fs::read_to_string(page)
            .unwrap()
            .contains(".TH dipkb 1")
    );
    assert!(ran.len() >= 7, "{ran:?}");
}

#[test]
fn the_readme_parser_finds_indented_blocks_and_their_steps() {
    let markdown = "text\n\n```console\n$ dipkb a\nx\n...\n$ echo $?\n2\n```\n\n- item\n\n  ```console\n  $ dipkb b\n    y\n  ```\n";
    let blocks = blocks(markdown);
    assert_eq!(blocks.len(), 2);
    let steps: Vec<Vec<Step>> = blocks.iter().map(steps).collect();
    assert_eq!(steps[0].len(), 2);
    assert_eq!(steps[0][0].command, "dipkb a");
    assert_eq!(steps[0][0].shown, ["x", "..."]);
    assert_eq!(steps[1][0].command, "dipkb b");
    assert_eq!(steps[1][0].shown, ["  y"]);
    assert!(shows("a  b ...", "a  b  c", ""));
    assert!(!shows("a  b", "a  c", ""));
    assert!(shows(
        "done: 6 articles from 3 inputs in 0.4 s, 15 a second",
        "done: 6 articles from 3 inputs in 0.1 s, 60 a second",
        ""
    ));
}
