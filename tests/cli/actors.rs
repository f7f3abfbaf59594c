//! Naming actors on the command line (issue #11) and correcting them (issue #14 item 12,
//! issue #13).

use serde_json::Value;

use crate::util::{Kb, stderr_of};

/// The rows a command prints as JSON, in order.
fn json_rows(kb: &Kb, args: &[&str]) -> Vec<Value> {
    kb.json(args).as_array().expect("an array of rows").clone()
}

/// What `dipkb ARGS` says on stderr, checking that it failed with exit code 2.
fn failure(kb: &Kb, args: &[&str]) -> String {
    let output = kb.dipkb().args(args).output().expect("run dipkb");
    let stderr = stderr_of(&output);
    assert_eq!(output.status.code(), Some(2), "dipkb {args:?}: {stderr}");
    stderr
}

/// A knowledge base with one article about a Latvian foreign minister, whose name has
/// diacritics.
fn latvian_kb() -> Kb {
    let kb = Kb::new();
    let article = kb.write(
        "riga.txt",
        "---\ntitle: Rinkēvičs meets Blinken in Riga\npublished: 2022-03-07\n---\n\
         Latvian Foreign Minister Edgars Rinkēvičs met U.S. Secretary of State Antony Blinken \
         in Riga on Monday. “We stand with Ukraine,” Rinkēvičs said.\n",
    );
    kb.dipkb().arg("ingest").arg(article).assert().success();
    kb
}

/// Issue #11: "--actor USA, --actor "United States of America", --actor EU and ISO codes find
/// nothing (only names seen in articles are stored as aliases)".
#[test]
fn every_actor_filter_finds_names_and_codes_of_the_dictionaries() {
    let kb = Kb::with_samples();
    let united_states = json_rows(&kb, &["timeline", "--actor", "United States"]);
    assert!(!united_states.is_empty());
    for name in [
        "USA",
        "usa",
        "United States of America",
        "united states of america",
        "America",
        "Q30",
    ] {
        assert_eq!(
            json_rows(&kb, &["timeline", "--actor", name]),
            united_states,
            "timeline --actor {name}"
        );
    }
    let russia = json_rows(&kb, &["relations", "--actor", "Russia"]);
    assert!(!russia.is_empty());
    for name in ["RUS", "rus", "Q159", "Russian Federation"] {
        assert_eq!(
            json_rows(&kb, &["relations", "--actor", name]),
            russia,
            "relations --actor {name}"
        );
    }
    let with = json_rows(&kb, &["timeline", "--actor", "USA", "--with", "CHN"]);
    assert!(
        with.iter()
            .any(|row| row["who"].as_str().unwrap_or("").contains("China")),
        "{with:?}"
    );
    for (name, expected) in [
        ("EU", "European Union"),
        ("European Union", "European Union"),
        ("IGOWSTNAT", "NATO"),
        ("North Atlantic Treaty Organization", "NATO"),
        ("TUR", "Turkey"),
        ("Türkiye", "Turkey"),
        ("Q159", "Russia"),
    ] {
        let profile = kb.json(&["actor", name]);
        assert_eq!(profile["actor"]["name"], expected, "actor {name}");
    }
}

/// Issue #11: names are folded for case and diacritics, both ways.
#[test]
fn actor_names_are_folded_for_case_and_diacritics() {
    let kb = Kb::with_samples();
    for (name, expected) in [
        ("Erdogan", "Recep Tayyip Erdoğan"),
        ("recep tayyip erdogan", "Recep Tayyip Erdoğan"),
        ("ANTONIO GUTERRES", "António Guterres"),
        ("Sauli Niinisto", "Sauli Niinistö"),
        ("Jens Stöltenberg", "Jens Stoltenberg"),
    ] {
        let profile = kb.json(&["actor", name]);
        assert_eq!(profile["actor"]["name"], expected, "actor {name}");
    }
    let latvia = latvian_kb();
    let events = json_rows(&latvia, &["timeline", "--actor", "Rinkevics"]);
    assert!(!events.is_empty());
    assert_eq!(
        events,
        json_rows(&latvia, &["timeline", "--actor", "Edgars Rinkēvičs"])
    );
    assert_eq!(
        latvia.json(&["actor", "edgars rinkevics"])["actor"]["name"],
        "Edgars Rinkēvičs"
    );
}

/// Issue #11: "`USA` suggests "Musaed Al-Aiban""; issue #14 item 14: "did you mean" does not
/// escape `%` and `_`.
#[test]
fn a_miss_suggests_near_names_and_no_pattern_matches() {
    let kb = Kb::with_samples();
    let stderr = failure(&kb, &["timeline", "--actor", "Stoltenburg"]);
    assert!(
        stderr.contains("no actor is called \"Stoltenburg\"; did you mean Jens Stoltenberg?"),
        "{stderr}"
    );
    let stderr = failure(&kb, &["actor", "Untied States"]);
    assert!(stderr.contains("did you mean United States"), "{stderr}");
    let stderr = failure(&kb, &["relations", "--actor", "usaa"]);
    assert!(stderr.contains("United States"), "{stderr}");
    assert!(!stderr.contains("Musaed"), "{stderr}");
    for pattern in ["%", "_", "%%", "__", "%a%"] {
        let stderr = failure(&kb, &["timeline", "--actor", pattern]);
        assert!(stderr.contains("no actor is called"), "{pattern}: {stderr}");
        assert!(!stderr.contains("did you mean"), "{pattern}: {stderr}");
    }
}

/// A state of the dictionaries that no article mentions is said to be one, not unknown.
#[test]
fn a_dictionary_name_no_article_mentions_is_said_so() {
    let kb = Kb::with_samples();
    let stderr = failure(&kb, &["timeline", "--actor", "fiji"]);
    assert!(
        stderr.contains("\"fiji\" is state Fiji in the dictionaries, but no stored article"),
        "{stderr}"
    );
}

/// Issue #14 item 14: "a 130 KB `--actor` gives "LIKE or GLOB pattern too complex"".
#[test]
fn a_huge_or_empty_actor_name_is_a_clear_error() {
    let kb = Kb::with_samples();
    // 130 KB: just under what one argument of a command line can hold.
    let huge = "Putin ".repeat(21_600);
    for args in [
        vec!["timeline", "--actor", huge.as_str()],
        vec!["timeline", "--actor", "Putin", "--with", huge.as_str()],
        vec!["relations", "--actor", huge.as_str()],
        vec!["actor", huge.as_str()],
    ] {
        let stderr = failure(&kb, &args);
        assert!(
            stderr.contains("an actor's name is at most 200 characters"),
            "{stderr}"
        );
        assert!(!stderr.contains("pattern too complex"), "{stderr}");
        assert!(stderr.len() < 500, "the error repeats the name: {stderr}");
    }
    for name in ["", "  ", "..."] {
        let stderr = failure(&kb, &["timeline", "--actor", name]);
        assert!(stderr.contains("is no name"), "{name:?}: {stderr}");
    }
}

/// Issue #14 item 12: "`actor alias "Vladimir Putin" "Joe Biden"` silently merges two known
/// persons; empty aliases and names are accepted".
#[test]
fn curations_refuse_to_join_known_actors_and_empty_names() {
    let kb = Kb::with_samples();
    let actors = kb.count("actors");
    let stderr = failure(&kb, &["actor", "alias", "Vladimir Putin", "Joe Biden"]);
    assert!(
        stderr.contains("`dipkb actor merge \"Vladimir Putin\" \"Joe Biden\"`"),
        "{stderr}"
    );
    let stderr = failure(&kb, &["actor", "rename", "Joe Biden", "vladimir putin"]);
    assert!(stderr.contains("dipkb actor merge"), "{stderr}");
    for args in [
        ["actor", "alias", "Vladimir Putin", ""],
        ["actor", "alias", "Vladimir Putin", "   "],
        ["actor", "rename", "Joe Biden", ""],
        ["actor", "rename", "Joe Biden", " - "],
    ] {
        let stderr = failure(&kb, &args);
        assert!(stderr.contains("is empty"), "{args:?}: {stderr}");
    }
    let stderr = failure(&kb, &["actor", "merge", "", "Joe Biden"]);
    assert!(stderr.contains("is no name"), "{stderr}");
    assert_eq!(kb.count("actors"), actors);
    assert_eq!(kb.count("actor_curations"), 0);
    assert_eq!(
        kb.query_one("SELECT count(*) FROM actors WHERE name = 'Joe Biden'"),
        1
    );
    // Curations find actors as filters do, and record their stored names.
    kb.stdout(&["actor", "alias", "USA", "the Americans"]);
    kb.stdout(&["actor", "rename", "erdogan", "Recep Tayyip Erdogan"]);
    let recorded: Vec<String> = {
        let conn = kb.conn();
        let mut statement = conn
            .prepare(
                "SELECT action || ' ' || actor || ' ' || argument FROM actor_curations ORDER BY id",
            )
            .unwrap();
        statement
            .query_map([], |row| row.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    assert_eq!(
        recorded,
        [
            "alias United States the Americans",
            "rename Recep Tayyip Erdoğan Recep Tayyip Erdogan"
        ]
    );
    assert_eq!(
        json_rows(&kb, &["timeline", "--actor", "the Americans"]),
        json_rows(&kb, &["timeline", "--actor", "United States"])
    );
}

/// Issue #14 item 12: "`actor alias/merge/rename` during an ingest say "database is locked:
/// Error code 5"": a curation waits for the writer, and says "busy" when it waits too long.
#[test]
fn curations_wait_for_a_writer_and_then_say_busy() {
    let kb = Kb::with_samples();
    let writer = kb.conn();
    writer.execute_batch("BEGIN IMMEDIATE").unwrap();
    let output = kb
        .dipkb()
        .args(["--busy-timeout", "0.2", "actor", "alias", "Putin", "VVP"])
        .output()
        .unwrap();
    let stderr = stderr_of(&output);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("is busy: another process is writing to it"),
        "{stderr}"
    );
    assert!(!stderr.contains("Error code"), "{stderr}");
    // With the writer done before the timeout, the curation goes through.
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_dipkb"))
        .current_dir(kb.dir.path())
        .env_remove("DIPKB_DB")
        .arg("--db")
        .arg(kb.db())
        .args(["--busy-timeout", "60", "actor", "alias", "Putin", "VVP"])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    writer.execute_batch("COMMIT").unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert_eq!(kb.count("actor_curations"), 1);
}

/// Issue #13: "`actor merge "Sergey Lavrov" "Sergei Lavrov"` fails on the samples": the samples
/// know only "Sergei Lavrov", and a merge needs two stored actors. The error says how to record
/// the other spelling, and the README's examples all work on the samples.
#[test]
fn the_readme_curation_examples_work_on_the_samples() {
    let kb = Kb::with_samples();
    let stderr = failure(&kb, &["actor", "merge", "Sergey Lavrov", "Sergei Lavrov"]);
    assert!(
        stderr.contains("run `dipkb actor alias \"Sergei Lavrov\" \"Sergey Lavrov\"`"),
        "{stderr}"
    );
    let readme =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
            .unwrap();
    let examples: Vec<Vec<String>> = readme
        .lines()
        .filter_map(|line| line.strip_prefix("dipkb actor "))
        .map(|line| words(line.split(" #").next().unwrap_or(line)))
        .collect();
    assert!(examples.len() >= 3, "{examples:?}");
    for example in &examples {
        let output = kb.dipkb().arg("actor").args(example).output().unwrap();
        assert!(
            output.status.success(),
            "dipkb actor {example:?}: {}",
            stderr_of(&output)
        );
    }
    // The spelling recorded is found by every filter, and an article that uses it joins.
    let lavrov = json_rows(&kb, &["timeline", "--actor", "Sergei Lavrov"]);
    assert_eq!(
        json_rows(&kb, &["timeline", "--actor", "Sergey Lavrov"]),
        lavrov
    );
    let article = kb.write(
        "lavrov.txt",
        "---\ntitle: Lavrov in Ankara\npublished: 2022-06-08\n---\n\
         Russian Foreign Minister Sergey Lavrov said in Ankara on Wednesday that Russia was \
         ready to help.\n",
    );
    kb.dipkb().arg("ingest").arg(article).assert().success();
    assert_eq!(
        kb.query_one("SELECT count(*) FROM actors WHERE name LIKE 'Serge_ Lavrov'"),
        1
    );
}

/// Issue #13: the README's merge example joins two stored spellings of one person, as it says.
/// Without titles to compare, dipkb keeps the two spellings apart on its own (issue #11).
#[test]
fn the_readme_merge_example_joins_two_stored_spellings() {
    let kb = Kb::new();
    for (file, name, day) in [
        ("kyiv.txt", "Mykhailo Podolyak", "2022-05-02"),
        ("lviv.txt", "Mykhaylo Podolyak", "2022-05-03"),
    ] {
        let article = kb.write(
            file,
            format!(
                "---\ntitle: Talks stall\npublished: {day}\n---\n\
                 {name} said the talks with Russia had stalled.\n"
            ),
        );
        kb.dipkb().arg("ingest").arg(article).assert().success();
    }
    let spellings = "SELECT count(*) FROM actors WHERE name LIKE 'Mykha_lo Podolyak'";
    assert_eq!(kb.query_one(spellings), 2);
    let readme =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
            .unwrap();
    let example = readme
        .split("`dipkb actor merge ")
        .nth(1)
        .and_then(|rest| rest.split('`').next())
        .expect("a merge example in the README");
    kb.dipkb()
        .args(["actor", "merge"])
        .args(words(example))
        .assert()
        .success();
    assert_eq!(kb.query_one(spellings), 1);
    assert_eq!(
        kb.json(&["actor", "Mykhaylo Podolyak"])["actor"]["name"],
        "Mykhailo Podolyak"
    );
}

/// Issue #11: "Joe Biden" and "Joseph Biden", "Edgars Rinkēvičs" and "Edgars Rinkevics" were
/// two persons each. Now they are one whatever the order of the articles, shown with the
/// diacritics and the full given name.
#[test]
fn spellings_of_one_name_are_one_person_in_either_order() {
    let texts = [
        (
            "one.txt",
            "---\ntitle: One\npublished: 2022-03-07\n---\nLatvian Foreign Minister Edgars \
             Rinkēvičs met Joe Biden in Riga on Monday.\n",
        ),
        (
            "two.txt",
            "---\ntitle: Two\npublished: 2022-03-08\n---\nLatvian Foreign Minister Edgars \
             Rinkevics met Joseph R. Biden in Riga on Tuesday.\n",
        ),
    ];
    for order in [[0, 1], [1, 0]] {
        let kb = Kb::new();
        for &n in &order {
            let (file, text) = texts[n];
            let article = kb.write(file, text);
            kb.dipkb().arg("ingest").arg(article).assert().success();
        }
        let names = |like: &str| {
            let conn = kb.conn();
            let mut statement = conn
                .prepare("SELECT name FROM actors WHERE kind = 'person' AND name LIKE ?1")
                .unwrap();
            statement
                .query_map([like], |row| row.get::<_, String>(0))
                .unwrap()
                .collect::<Result<Vec<_>, _>>()
                .unwrap()
        };
        assert_eq!(names("Edgars Rink%"), ["Edgars Rinkēvičs"], "{order:?}");
        assert_eq!(names("%Biden"), ["Joseph Biden"], "{order:?}");
    }
}

/// Issue #11: "President Alimi" stayed apart from "Rashad al-Alimi": a surname is also found
/// without its Arabic article, whatever the order of the articles.
#[test]
fn a_surname_without_its_article_is_the_person_in_either_order() {
    let texts = [
        (
            "one.txt",
            "---\ntitle: One\npublished: 2022-04-07\n---\nSecretary Blinken spoke with Yemeni \
             Presidential Leadership Council President Rashad al-Alimi on Thursday.\n",
        ),
        (
            "two.txt",
            "---\ntitle: Two\npublished: 2022-04-20\n---\nSecretary Blinken congratulated \
             President Alimi on the truce.\n",
        ),
    ];
    for order in [[0, 1], [1, 0]] {
        let kb = Kb::new();
        for &n in &order {
            let (file, text) = texts[n];
            let article = kb.write(file, text);
            kb.dipkb().arg("ingest").arg(article).assert().success();
        }
        let persons = kb.stdout(&[
            "sql",
            "--format",
            "csv",
            "SELECT name FROM actors WHERE kind = 'person' AND name LIKE '%Alimi' ORDER BY name",
        ]);
        assert_eq!(
            persons.lines().skip(1).collect::<Vec<_>>(),
            ["Rashad al-Alimi"],
            "{order:?}"
        );
    }
}

/// Issue #11: "Bonnie Jenkins" and "Bonnie Denise Jenkins" were two persons, since one was
/// also called Ambassador: a middle name left out needs one title that fits, not all.
#[test]
fn a_middle_name_left_out_is_one_person_in_either_order() {
    let texts = [
        (
            "one.txt",
            "---\ntitle: One\npublished: 2022-03-07\n---\nUnder Secretary of State Bonnie \
             Jenkins met Japanese officials in Tokyo on Monday. Undersecretary Bonnie Jenkins \
             then flew to Seoul, where Under Secretary Bonnie Jenkins met Korean officials.\n",
        ),
        (
            "two.txt",
            "---\ntitle: Two\npublished: 2022-06-21\n---\nAmbassador Bonnie Denise Jenkins \
             arrived in Geneva on Tuesday. Under Secretary Bonnie Denise Jenkins met Swiss \
             officials there.\n",
        ),
    ];
    for order in [[0, 1], [1, 0]] {
        let kb = Kb::new();
        for &n in &order {
            let (file, text) = texts[n];
            let article = kb.write(file, text);
            kb.dipkb().arg("ingest").arg(article).assert().success();
        }
        let persons = kb.stdout(&[
            "sql",
            "--format",
            "csv",
            "SELECT name FROM actors WHERE kind = 'person' AND name LIKE '%Jenkins' ORDER BY name",
        ]);
        assert_eq!(persons.lines().skip(1).count(), 1, "{order:?}: {persons}");
    }
}

/// The queries of docs/actors.md run through `dipkb sql`, and give the figures of the team's
/// sanity check (`../shared/tools/kb-sanity`, whose formulas are repeated here).
#[test]
fn the_queries_of_the_actor_docs_give_the_sanity_check_figures() {
    let kb = latvian_kb();
    kb.dipkb()
        .arg("ingest")
        .arg(crate::util::samples_dir())
        .assert()
        .success();
    let article = kb.write(
        "tallinn.txt",
        "---\ntitle: Baltic ministers meet\npublished: 2022-03-07\n---\n\
         Latvian Foreign Minister Edgars Rinkevics met Antony Blinken in Riga on Monday. \
         Blinken said the alliance was united.\n",
    );
    let call = kb.write(
        "call.txt",
        "---\ntitle: Rinkēvičs and Blinken speak by phone\npublished: 2022-03-10\n---\n\
         Latvian Foreign Minister Edgars Rinkēvičs spoke with U.S. Secretary of State Antony \
         Blinken by phone on Wednesday about sanctions against Russia.\n",
    );
    kb.dipkb()
        .arg("ingest")
        .arg(article)
        .arg(call)
        .assert()
        .success();
    let docs = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/actors.md"),
    )
    .unwrap();
    let blocks = crate::docs::sql_blocks(&docs);
    assert_eq!(blocks.len(), 8, "eight queries");
    let conn = kb.conn();
    let mut results = Vec::new();
    for (sql, expects) in &blocks {
        let query = sql.trim().trim_end_matches(';');
        // Exit code 1 when a query finds no row (none of the samples' persons has one word).
        let output = kb
            .dipkb()
            .args(["sql", "--format", "csv", "--", query])
            .output()
            .unwrap();
        assert!(matches!(output.status.code(), Some(0 | 1)), "{sql}");
        let output = crate::util::stdout_of(&output);
        for expected in expects {
            assert!(output.contains(expected.as_str()), "{sql}\n{output}");
        }
        let mut statement = conn.prepare(query).unwrap();
        let columns = statement.column_count();
        let rows: Vec<Vec<rusqlite::types::Value>> = statement
            .query_map([], |row| (0..columns).map(|i| row.get(i)).collect())
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        results.push(rows);
    }
    let sanity = |sql: &str| -> rusqlite::types::Value {
        conn.query_row(sql, [], |row| row.get(0)).unwrap()
    };
    let cell = |block: usize, column: usize| results[block][0][column].clone();
    assert_eq!(
        cell(0, 1),
        sanity("select count(*) from actors where kind='person' and instr(name,' ')=0")
    );
    assert_eq!(
        results[1].len() as i64,
        kb.query_one(
            "select count(*) from actors a where kind='person' and instr(name,' ')=0 and exists \
             (select 1 from actors b where b.kind='person' and b.name like '% '||a.name)"
        )
    );
    let folded: Vec<String> = results[2]
        .iter()
        .map(|row| format!("{:?}", row[0]))
        .collect();
    // Two spellings that differ only by diacritics are one person since ingest (issue #11).
    assert!(
        !folded.iter().any(|key| key.contains("edgars rinkevics")),
        "{folded:?}"
    );
    assert_eq!(
        kb.query_one("SELECT count(*) FROM actors WHERE name LIKE 'Edgars Rink%'"),
        1
    );
    // The officeholder dictionary places Joe Biden and Antony Blinken in the United States
    // only, whatever state a sentence names near their titles; nobody else has two.
    assert!(results[3].is_empty(), "{:?}", results[3]);
    assert_eq!(
        cell(4, 2),
        sanity("select round(100.0*sum(speaker is null)/count(*),1) from statement_list")
    );
    assert_eq!(
        cell(5, 2),
        sanity(
            "select round(100.0*sum(coalesce(participants,'') not like '%;%')/count(*),1) \
             from meeting_list"
        )
    );
    assert_eq!(
        cell(6, 2),
        sanity("select round(100.0*sum(date is null)/count(*),1) from meeting_list")
    );
    // The meeting in Riga on 7 March 2022 and the call two days later share both persons, a
    // compatible place (a call has none) and dates within a week.
    let pairs: Vec<String> = results[7]
        .iter()
        .map(|row| format!("{:?} {:?}", row[2], row[3]))
        .collect();
    assert_eq!(
        pairs,
        [r#"Text("2022-03-07") Text("2022-03-09")"#],
        "{:?}",
        results[7]
    );
}

/// Splits a command line of the README into words: double quotes group words.
fn words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    let mut any = false;
    for c in line.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                any = true;
            }
            c if c.is_whitespace() && !quoted => {
                if any {
                    words.push(std::mem::take(&mut current));
                    any = false;
                }
            }
            c => {
                current.push(c);
                any = true;
            }
        }
    }
    if any {
        words.push(current);
    }
    words
}

/// Three articles: Lloyd Austin named in full, another Austin of another office, and
/// "Secretary Austin" alone.
const AUSTINS: [(&str, &str); 3] = [
    (
        "full.txt",
        "---\ntitle: Austin in Tokyo\npublished: 2022-03-01\n---\nU.S. Secretary of Defense \
         Lloyd Austin met Japanese Defense Minister Nobuo Kishi in Tokyo on Monday.\n",
    ),
    (
        "other.txt",
        "---\ntitle: Envoy in Ottawa\npublished: 2022-03-02\n---\nCanadian Ambassador Mark \
         Austin met Deputy Secretary of State Wendy Sherman in Ottawa on Tuesday.\n",
    ),
    (
        "surname.txt",
        "---\ntitle: Alliance talks\npublished: 2022-03-10\n---\nSecretary Austin met Defense \
         Minister Kishi in Washington on Thursday. “The alliance is strong,” Austin said.\n",
    ),
];

/// The speaker of the one statement, the persons, and the joins recorded.
fn austin_facts(kb: &Kb) -> (String, String) {
    let speaker = kb.stdout(&[
        "sql",
        "--format",
        "csv",
        "SELECT speaker FROM statement_list",
    ]);
    let persons = kb.stdout(&[
        "sql",
        "--format",
        "csv",
        "SELECT name FROM actors WHERE kind = 'person' ORDER BY name",
    ]);
    (speaker, persons)
}

/// Issue #11: a surname alone ("Secretary Austin") joins the one full-named person of that
/// surname whose titles fit (Secretary of Defense Lloyd Austin), not another Austin of another
/// office, whatever the order in which the articles arrive; the join is recorded and a user
/// can refuse it.
#[test]
fn a_surname_alone_joins_the_namesake_whose_titles_fit_in_any_order() {
    for order in [[0, 1, 2], [2, 0, 1], [2, 1, 0], [1, 2, 0]] {
        let kb = Kb::new();
        for i in order {
            let (name, text) = AUSTINS[i];
            let path = kb.write(name, text);
            kb.dipkb().arg("ingest").arg(path).assert().success();
        }
        let (speaker, persons) = austin_facts(&kb);
        assert!(speaker.contains("Lloyd Austin"), "{order:?}: {speaker}");
        assert!(persons.contains("Mark Austin"), "{order:?}: {persons}");
        assert!(
            !persons.lines().any(|line| line == "Austin"),
            "{order:?}: {persons}"
        );
    }
    // Stored in this order, the join is made from the title and recorded with its reason.
    let kb = Kb::new();
    for (name, text) in AUSTINS {
        let path = kb.write(name, text);
        kb.dipkb().arg("ingest").arg(path).assert().success();
    }
    let joins = kb.stdout(&[
        "sql",
        "--format",
        "csv",
        "SELECT surname, person, reason, refused FROM actor_joins WHERE surname = 'Austin'",
    ]);
    assert!(
        joins.contains("Austin,Lloyd Austin,Secretary fits Lloyd Austin's Secretary of Defense"),
        "{joins}"
    );
    assert!(joins.contains("not Mark Austin"), "{joins}");
    // Refused, the join is not made again when the articles are read again.
    kb.dipkb()
        .args(["actor", "unjoin", "Austin", "Lloyd Austin"])
        .assert()
        .success();
    kb.dipkb()
        .args(["ingest", "--reprocess"])
        .assert()
        .success();
    let (speaker, persons) = austin_facts(&kb);
    assert!(speaker.lines().any(|line| line == "Austin"), "{speaker}");
    assert!(persons.contains("Lloyd Austin"), "{persons}");
    assert_eq!(
        kb.query_one("SELECT refused FROM actor_joins WHERE surname = 'Austin'"),
        1
    );
    // A surname nothing was joined to says so.
    let err = failure(&kb, &["actor", "unjoin", "Kishida"]);
    assert!(err.contains("no join of \"Kishida\" is recorded"), "{err}");
}

/// Issue #11 ("keep the queries in `docs/` so that anyone can rerun them"): the queries of
/// docs/quality.md run through `dipkb sql` and give the figures of the team's sanity check,
/// whose formulas are repeated here.
#[test]
fn the_queries_of_the_quality_docs_give_the_sanity_check_figures() {
    let kb = Kb::with_samples();
    let docs = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/quality.md"),
    )
    .unwrap();
    let blocks = crate::docs::sql_blocks(&docs);
    assert_eq!(blocks.len(), 8, "eight queries");
    let conn = kb.conn();
    let mut firsts = Vec::new();
    for (sql, expects) in &blocks {
        let query = sql.trim().trim_end_matches(';');
        let output = kb
            .dipkb()
            .args(["sql", "--format", "csv", "--", query])
            .output()
            .unwrap();
        assert!(matches!(output.status.code(), Some(0 | 1)), "{sql}");
        let output = crate::util::stdout_of(&output);
        assert!(!expects.is_empty(), "{sql}");
        for expected in expects {
            assert!(output.contains(expected.as_str()), "{sql}\n{output}");
        }
        let first: Option<rusqlite::types::Value> =
            conn.query_row(query, [], |row| row.get(0)).ok();
        firsts.push(first);
    }
    let sanity = |sql: &str| -> Option<rusqlite::types::Value> {
        Some(conn.query_row(sql, [], |row| row.get(0)).unwrap())
    };
    assert_eq!(
        firsts[0],
        sanity("select count(*) from actors where kind='person'")
    );
    assert_eq!(
        firsts[1],
        sanity(
            "select count(*) from actors a where kind='person' and instr(name,' ')=0 and exists \
             (select 1 from actors b where b.kind='person' and b.name like '% '||a.name)"
        )
    );
    assert_eq!(
        firsts[2],
        sanity("select round(100.0*sum(speaker is null)/count(*),1) from statement_list")
    );
    assert_eq!(
        firsts[3],
        sanity(
            "select round(100.0*sum(coalesce(participants,'') not like '%;%')/count(*),1) \
             from meeting_list"
        )
    );
    assert_eq!(
        firsts[4],
        sanity(
            "select sum(coalesce(participants,'') not like '%;%' and not exists (select 1 from \
             actors a where a.name = m.participants and a.kind in ('organisation','group'))) \
             from meeting_list m"
        )
    );
    assert_eq!(
        firsts[5],
        sanity("select round(100.0*sum(date is null)/count(*),1) from meeting_list")
    );
}
