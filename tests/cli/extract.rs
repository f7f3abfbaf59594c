use serde_json::Value;

use crate::util::{Kb, sample_articles, samples_dir, stdout_of};

/// What `dipkb extract --format json` finds in every sample article, as reviewed snapshots:
/// a change in the rules shows up here as a diff to look at.
#[test]
fn extraction_of_each_sample_article() {
    let kb = Kb::new();
    for (text, _) in sample_articles() {
        let output = kb
            .dipkb()
            .args(["extract", "--format", "json"])
            .arg(&text)
            .output()
            .unwrap();
        assert!(output.status.success());
        let json: Value = serde_json::from_slice(&output.stdout).unwrap();
        let name = text.file_stem().unwrap().to_string_lossy().into_owned();
        insta::assert_json_snapshot!(name, json);
    }
}

#[test]
fn extract_prints_the_gold_shape_with_evidence_that_points_into_the_body() {
    let kb = Kb::new();
    let path = samples_dir().join("201_geneva_summit.txt");
    let output = kb
        .dipkb()
        .args(["extract", "--format", "json"])
        .arg(&path)
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["article"]["published"], "2021-06-16");
    let summit = &json["meetings"][0];
    assert_eq!(summit["date"], "2021-06-16");
    assert_eq!(summit["place"], "Geneva");
    assert_eq!(summit["status"], "held");
    let participants: Vec<&str> = summit["participants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    assert!(participants.contains(&"Joe Biden") && participants.contains(&"Vladimir Putin"));
    let quote = json["statements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["text"] == "I did what I came to do")
        .expect("Biden's quotation");
    assert_eq!(quote["speaker"], "Joe Biden");
    assert_eq!(quote["kind"], "direct");
    assert_eq!(quote["evidence"][0]["text"], "I did what I came to do");
}

#[test]
fn extract_reads_stdin_with_a_date_and_prints_a_table() {
    let kb = Kb::new();
    let output = kb
        .dipkb()
        .args(["extract", "-", "--published", "2022-01-12"])
        .write_stdin(
            "Talks\n\nNATO allies and Russia ended security talks in Brussels on Wednesday. \
             “There is a real risk of conflict,” said NATO Secretary General Jens Stoltenberg.\n",
        )
        .output()
        .unwrap();
    assert!(output.status.success());
    let table = stdout_of(&output);
    let meeting = table
        .lines()
        .find(|line| line.starts_with("meeting"))
        .unwrap_or_else(|| panic!("no meeting in {table}"));
    assert!(
        meeting.contains("2022-01-12") && meeting.contains("held"),
        "{meeting}"
    );
    assert!(meeting.contains("Brussels"), "{meeting}");
    assert!(table.contains("Jens Stoltenberg"), "{table}");
}

#[test]
fn eval_scores_the_sample_corpus_and_enforces_floors() {
    let kb = Kb::new();
    let output = kb
        .dipkb()
        .args(["eval", "--format", "json"])
        .arg(samples_dir())
        .output()
        .unwrap();
    assert!(output.status.success());
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        report["files"].as_array().unwrap().len(),
        sample_articles().len()
    );
    let statements = &report["total"]["statements"];
    assert!(statements["matched"].as_u64().unwrap() > 0);
    assert!(statements["gold"].as_u64().unwrap() >= statements["matched"].as_u64().unwrap());
    kb.dipkb()
        .args(["eval", "--min", "statements=0.5"])
        .arg(samples_dir())
        .assert()
        .success();
    kb.dipkb()
        .args(["eval", "--min", "statements=1.01"])
        .arg(samples_dir())
        .assert()
        .code(2)
        .stderr(predicates::str::contains("statements F1"));
    let verbose = kb
        .dipkb()
        .args(["eval", "-v"])
        .arg(samples_dir())
        .output()
        .unwrap();
    assert!(
        stdout_of(&verbose).contains("== "),
        "verbose lists findings per file"
    );
}

#[test]
fn users_extend_the_dictionaries_without_recompiling() {
    let kb = Kb::new();
    let text = "---\ntitle: t\npublished: 2024-05-02\n---\nThe Freedonian Foreign Minister Rufus Firefly met Sylvanian envoy Trentino in Geneva on Thursday.\n";
    let article = kb.write("a.txt", text);
    let dictionaries = kb.dir.path().join("dicts");
    std::fs::create_dir_all(&dictionaries).unwrap();
    std::fs::write(
        dictionaries.join("states.csv"),
        "name,iso3,wikidata,aliases,demonyms,capital,metonyms\nFreedonia,FRD,,,Freedonian,Freedonia City,\n",
    )
    .unwrap();
    let json = |extra: bool| -> Value {
        let mut cmd = kb.dipkb();
        if extra {
            cmd.arg("--dictionaries").arg(&dictionaries);
        }
        let output = cmd
            .args(["extract", "--format", "json"])
            .arg(&article)
            .output()
            .unwrap();
        assert!(output.status.success());
        serde_json::from_slice(&output.stdout).unwrap()
    };
    let names = |v: &Value| -> Vec<String> {
        v["actors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["name"].as_str().unwrap().to_string())
            .collect()
    };
    assert!(!names(&json(false)).contains(&"Freedonia".to_string()));
    let extended = json(true);
    assert!(
        names(&extended).contains(&"Freedonia".to_string()),
        "{extended}"
    );
    kb.dipkb()
        .arg("--dictionaries")
        .arg(kb.dir.path().join("missing"))
        .args(["extract"])
        .arg(&article)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("not a folder"));
    std::fs::write(
        dictionaries.join("titles.csv"),
        "title,kind\n\"unclosed,official\n",
    )
    .unwrap();
    kb.dipkb()
        .arg("--dictionaries")
        .arg(&dictionaries)
        .args(["extract"])
        .arg(&article)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("titles.csv"));
}

/// Issue #14, item 15: a quotation after another speaker's verb of speech is not the previous
/// speaker's, and a quotation right after "said" is one direct statement, not also reported.
#[test]
fn each_quotation_goes_to_the_speaker_whose_verb_introduces_it() {
    let kb = Kb::new();
    let output = kb
        .dipkb()
        .args([
            "extract",
            "-",
            "--published",
            "2022-03-01",
            "--format",
            "json",
        ])
        .write_stdin("Dmytro Kuleba said \"we need help\". Zelenskyy said \"we want peace\".\n")
        .output()
        .unwrap();
    assert!(output.status.success());
    let json: serde_json::Value = serde_json::from_str(&stdout_of(&output)).unwrap();
    let statements = json["statements"].as_array().unwrap();
    let of = |words: &str| -> Vec<String> {
        statements
            .iter()
            .filter(|s| s["text"].as_str().unwrap().contains(words))
            .map(|s| s["speaker"].as_str().unwrap_or("-").to_string())
            .collect()
    };
    assert_eq!(of("need help"), ["Dmytro Kuleba"], "{statements:#?}");
    assert!(
        !of("want peace").iter().any(|s| s == "Dmytro Kuleba"),
        "{statements:#?}"
    );
}
