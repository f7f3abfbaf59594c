//! Searches with many words (issue #14, item 10): repeated words count once, and more than
//! `MAX_TERMS` distinct ones are refused with a message instead of running for minutes.

use crate::util::{Kb, stderr_of};

fn kb_with_two_articles() -> Kb {
    let kb = Kb::new();
    kb.write(
        "in/peace.txt",
        "Envoys discuss peace\n\nThe envoys of Norway and Colombia met in Oslo to discuss peace.\n",
    );
    kb.write(
        "in/grain.txt",
        "Grain corridor\n\nTurkey and Ukraine met in Istanbul to discuss grain shipments.\n",
    );
    kb.dipkb()
        .args(["ingest", "in", "--published", "2023-03-01"])
        .assert()
        .success();
    kb
}

#[test]
fn a_search_of_twenty_thousand_repeated_words_finds_what_one_word_finds() {
    let kb = kb_with_two_articles();
    // 20,000 words did not finish in a minute before the fix; each word is one argument's
    // worth of text well under the kernel's 128 KiB limit on a single argument.
    let repeated = "peace ".repeat(20_000);
    let many = kb.json(&["search", &repeated, "--in", "articles"]);
    let one = kb.json(&["search", "peace", "--in", "articles"]);
    assert_eq!(many, one);
    let rows = many.as_array().expect("rows");
    assert_eq!(rows.len(), 1, "{many}");
    assert_eq!(rows[0]["who"], "Envoys discuss peace");
}

#[test]
fn a_search_of_too_many_different_words_is_refused_by_name() {
    let kb = kb_with_two_articles();
    let words: Vec<String> = (0..100).map(|i| format!("word{i}")).collect();
    let output = kb
        .dipkb()
        .args(["search", &words.join(" ")])
        .output()
        .expect("run dipkb");
    assert_eq!(output.status.code(), Some(2), "{}", stderr_of(&output));
    let stderr = stderr_of(&output);
    assert!(
        stderr.contains("100 different words or phrases, more than the 64"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}
