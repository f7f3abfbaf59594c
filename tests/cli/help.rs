//! What a user finds without reading the code (issue #13): completions for their shell, a
//! manual page, and an example in every command's help.

use clap::CommandFactory;

use crate::util::{Kb, stdout_of};

#[test]
fn bash_completions_offer_the_subcommands() {
    let script = Kb::new().stdout(&["completions", "bash"]);
    assert!(script.contains("_dipkb()"), "a bash function: {script}");
    for subcommand in [
        "ingest",
        "timeline",
        "relations",
        "search",
        "completions",
        "man",
    ] {
        assert!(script.contains(subcommand), "{subcommand} missing");
    }
    assert!(script.contains("--format"), "options are completed too");
}

#[test]
fn completions_for_other_shells_and_unknown_ones() {
    let kb = Kb::new();
    for shell in ["zsh", "fish", "elvish", "powershell"] {
        assert!(
            kb.stdout(&["completions", shell]).contains("timeline"),
            "{shell}"
        );
    }
    let output = kb
        .dipkb()
        .args(["completions", "tcsh"])
        .output()
        .expect("run dipkb");
    assert_eq!(output.status.code(), Some(2));
    assert!(stdout_of(&output).is_empty());
}

#[test]
fn the_manual_page_is_roff_named_dipkb() {
    let page = Kb::new().stdout(&["man"]);
    assert!(page.contains(".TH dipkb 1"), "a title line: {page}");
    assert!(page.contains(".SH NAME\ndipkb"), "a NAME section: {page}");
    assert!(page.contains("timeline"), "the subcommands are listed");
}

/// Every command and subcommand (`actor alias` too), hidden ones included, ends its help with
/// an example to copy; `-h` shows it as `--help` does.
#[test]
fn every_subcommand_help_shows_an_example() {
    fn paths(command: &clap::Command, prefix: &[String], out: &mut Vec<Vec<String>>) {
        for sub in command.get_subcommands() {
            let mut path = prefix.to_vec();
            path.push(sub.get_name().to_string());
            out.push(path.clone());
            paths(sub, &path, out);
        }
    }
    let mut all = vec![Vec::new()];
    paths(&dipkb::cli::Cli::command(), &[], &mut all);
    assert!(all.len() > 15, "{all:?}");
    let kb = Kb::new();
    for path in &all {
        for flag in ["--help", "-h"] {
            let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
            args.push(flag);
            let help = kb.stdout(&args);
            assert!(
                help.contains("Example"),
                "dipkb {args:?} has no example:\n{help}"
            );
        }
    }
}
