//! Reading is bounded (issue #14, item 5): sizes are checked before a file is read, and standard
//! input and devices, which have no size, are read up to the limit and no further. The big files
//! here are sparse (`File::set_len`): gigabytes on paper, nothing on disk.

use std::process::{Command, Stdio};

use crate::util::{Kb, stderr_of, stdout_of};

fn sparse(kb: &Kb, relative: &str, len: u64) -> std::path::PathBuf {
    let path = kb.write(relative, "");
    let file = std::fs::OpenOptions::new()
        .write(true)
        .open(&path)
        .expect("open");
    file.set_len(len).expect("set_len");
    path
}

#[test]
fn a_one_gigabyte_file_is_refused_by_its_size() {
    let kb = Kb::new();
    sparse(&kb, "huge.txt", 1 << 30);
    let output = kb.dipkb().args(["ingest", "huge.txt"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = stderr_of(&output);
    assert!(
        stderr.contains(
            "error: huge.txt: too large: 1 GiB, more than the 9 MiB a text file may have"
        ),
        "{stderr}"
    );
}

#[test]
fn a_two_gigabyte_file_in_a_folder_fails_alone() {
    let kb = Kb::new();
    kb.write(
        "in/a.txt",
        "Talks in Geneva\n\nThe foreign ministers of France and Germany met in Geneva.\n",
    );
    sparse(&kb, "in/b_dump.json", 2 << 30);
    sparse(&kb, "in/c_dump.jsonl", 2 << 30);
    kb.write(
        "in/d.txt",
        "Talks in Vienna\n\nThe foreign ministers of Austria and Italy met in Vienna.\n",
    );
    let output = kb
        .dipkb()
        .args(["ingest", "in", "--published", "2023-01-10"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = stderr_of(&output);
    for name in ["b_dump.json", "c_dump.jsonl"] {
        assert!(
            stderr.contains(&format!("{name}: too large: 2 GiB, more than the 128 MiB")),
            "{stderr}"
        );
    }
    assert!(
        stdout_of(&output).contains("articles: 2 new, 0 already stored, 2 failed"),
        "{}",
        stdout_of(&output)
    );
    assert_eq!(kb.count("articles"), 2);
}

#[test]
fn standard_input_and_devices_are_read_up_to_the_limit() {
    let kb = Kb::new();
    let zero = || std::fs::File::open("/dev/zero").expect("/dev/zero");
    let output = Command::new(env!("CARGO_BIN_EXE_dipkb"))
        .current_dir(kb.dir.path())
        .env_remove("RUST_LOG")
        .env_remove("DIPKB_DB")
        .arg("--db")
        .arg(kb.db())
        .args(["ingest", "-"])
        .stdin(Stdio::from(zero()))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = stderr_of(&output);
    assert!(
        stderr.contains("error: -: too large: more than the 9 MiB a text file may have"),
        "{stderr}"
    );
    // A device named as a file (through a link that gives it an article's name).
    std::os::unix::fs::symlink("/dev/zero", kb.dir.path().join("zero.txt")).unwrap();
    let output = kb.dipkb().args(["ingest", "zero.txt"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = stderr_of(&output);
    assert!(
        stderr.contains("error: zero.txt: too large: more than the 9 MiB a text file may have"),
        "{stderr}"
    );
}
