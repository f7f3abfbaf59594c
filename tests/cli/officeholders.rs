//! Issue #11: the officeholder dictionary (`data/dictionaries/officeholders.csv`) names a person
//! the text gives by title and surname, and places them in the state of their office, by the
//! article's date.

use serde_json::Value;

use crate::util::Kb;

/// Extracts each (text, publication date) as one article of a JSON Lines file and returns the
/// extraction of each, in order.
fn extract_all(cases: &[(&str, &str)]) -> Vec<Value> {
    let kb = Kb::new();
    let lines: Vec<String> = cases
        .iter()
        .enumerate()
        .map(|(i, (text, date))| {
            serde_json::json!({"title": format!("Case {i}"), "published": date, "text": text})
                .to_string()
        })
        .collect();
    let file = kb.write("cases.jsonl", lines.join("\n"));
    let out = kb.json(&["extract", file.to_str().unwrap()]);
    match out {
        Value::Array(docs) => docs,
        doc => vec![doc],
    }
}

/// The persons of one extraction: (name, aliases, affiliations of their roles).
fn persons(doc: &Value) -> Vec<(String, Vec<String>, Vec<String>)> {
    doc["actors"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["kind"] == "person")
        .map(|a| {
            let strings = |v: &Value| -> Vec<String> {
                v.as_array()
                    .map(|xs| {
                        xs.iter()
                            .filter_map(|x| x.as_str().map(str::to_string))
                            .collect()
                    })
                    .unwrap_or_default()
            };
            let affiliations = a["roles"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(|r| r["affiliation"].as_str().map(str::to_string))
                .collect();
            (
                a["name"].as_str().unwrap().to_string(),
                strings(&a["aliases"]),
                affiliations,
            )
        })
        .collect()
}

/// The person named `surname` in the text (by name or alias).
fn person_named<'p>(
    persons: &'p [(String, Vec<String>, Vec<String>)],
    surname: &str,
) -> Option<&'p (String, Vec<String>, Vec<String>)> {
    persons
        .iter()
        .find(|(name, aliases, _)| name.ends_with(surname) || aliases.iter().any(|a| a == surname))
}

/// Heads of state and government, foreign ministers and heads of organisations of the 2000s,
/// 2010s and 2020s, each named by title and surname in an article of a date in their term.
const OFFICEHOLDERS: &[(&str, &str, &str, &str, &str)] = &[
    // (title and surname, date, surname as written, full name, state or organisation)
    (
        "President Bush",
        "2003-03-20",
        "Bush",
        "George W. Bush",
        "United States",
    ),
    (
        "President Putin",
        "2005-05-09",
        "Putin",
        "Vladimir Putin",
        "Russia",
    ),
    (
        "Prime Minister Blair",
        "2003-03-18",
        "Blair",
        "Tony Blair",
        "United Kingdom",
    ),
    (
        "Chancellor Schröder",
        "2002-09-23",
        "Schröder",
        "Gerhard Schröder",
        "Germany",
    ),
    (
        "President Chirac",
        "2003-02-14",
        "Chirac",
        "Jacques Chirac",
        "France",
    ),
    (
        "Prime Minister Koizumi",
        "2002-09-17",
        "Koizumi",
        "Junichiro Koizumi",
        "Japan",
    ),
    ("President Hu", "2006-04-20", "Hu", "Hu Jintao", "China"),
    (
        "Secretary Powell",
        "2003-02-05",
        "Powell",
        "Colin Powell",
        "United States",
    ),
    (
        "Foreign Minister Ivanov",
        "2002-05-24",
        "Ivanov",
        "Igor Ivanov",
        "Russia",
    ),
    (
        "Secretary-General Annan",
        "2004-09-16",
        "Annan",
        "Kofi Annan",
        "United Nations",
    ),
    (
        "Prime Minister Sharon",
        "2004-02-02",
        "Sharon",
        "Ariel Sharon",
        "Israel",
    ),
    (
        "President Lula",
        "2004-05-26",
        "Lula",
        "Luiz Inácio Lula da Silva",
        "Brazil",
    ),
    (
        "Foreign Minister Fischer",
        "2003-02-14",
        "Fischer",
        "Joschka Fischer",
        "Germany",
    ),
    (
        "President Musharraf",
        "2005-09-17",
        "Musharraf",
        "Pervez Musharraf",
        "Pakistan",
    ),
    (
        "Secretary General Robertson",
        "2002-05-28",
        "Robertson",
        "George Robertson",
        "NATO",
    ),
    (
        "President Obama",
        "2013-06-17",
        "Obama",
        "Barack Obama",
        "United States",
    ),
    (
        "Chancellor Merkel",
        "2015-09-05",
        "Merkel",
        "Angela Merkel",
        "Germany",
    ),
    (
        "Prime Minister Abe",
        "2015-08-14",
        "Abe",
        "Shinzo Abe",
        "Japan",
    ),
    (
        "President Hollande",
        "2014-06-06",
        "Hollande",
        "François Hollande",
        "France",
    ),
    (
        "Secretary Kerry",
        "2015-07-14",
        "Kerry",
        "John Kerry",
        "United States",
    ),
    (
        "Foreign Minister Zarif",
        "2015-07-14",
        "Zarif",
        "Mohammad Javad Zarif",
        "Iran",
    ),
    (
        "Prime Minister Modi",
        "2016-11-08",
        "Modi",
        "Narendra Modi",
        "India",
    ),
    (
        "President Rouhani",
        "2016-01-17",
        "Rouhani",
        "Hassan Rouhani",
        "Iran",
    ),
    (
        "Prime Minister Cameron",
        "2013-01-23",
        "Cameron",
        "David Cameron",
        "United Kingdom",
    ),
    (
        "Foreign Secretary Hague",
        "2012-08-16",
        "Hague",
        "William Hague",
        "United Kingdom",
    ),
    (
        "Secretary-General Ban",
        "2012-09-25",
        "Ban",
        "Ban Ki-moon",
        "United Nations",
    ),
    (
        "President Erdogan",
        "2016-07-16",
        "Erdogan",
        "Recep Tayyip Erdoğan",
        "Turkey",
    ),
    (
        "Prime Minister Netanyahu",
        "2015-03-03",
        "Netanyahu",
        "Benjamin Netanyahu",
        "Israel",
    ),
    (
        "King Salman",
        "2017-05-20",
        "Salman",
        "Salman of Saudi Arabia",
        "Saudi Arabia",
    ),
    (
        "Secretary General Stoltenberg",
        "2018-07-11",
        "Stoltenberg",
        "Jens Stoltenberg",
        "NATO",
    ),
    (
        "European Commission President Juncker",
        "2017-09-13",
        "Juncker",
        "Jean-Claude Juncker",
        "European Commission",
    ),
    (
        "High Representative Mogherini",
        "2016-04-16",
        "Mogherini",
        "Federica Mogherini",
        "European Union",
    ),
    (
        "Foreign Minister Wang",
        "2016-06-01",
        "Wang",
        "Wang Yi",
        "China",
    ),
    (
        "President Biden",
        "2022-11-14",
        "Biden",
        "Joe Biden",
        "United States",
    ),
    (
        "President Zelenskyy",
        "2022-03-16",
        "Zelenskyy",
        "Volodymyr Zelenskyy",
        "Ukraine",
    ),
    (
        "Foreign Minister Kuleba",
        "2022-03-10",
        "Kuleba",
        "Dmytro Kuleba",
        "Ukraine",
    ),
    (
        "Foreign Minister Lavrov",
        "2022-03-10",
        "Lavrov",
        "Sergey Lavrov",
        "Russia",
    ),
    (
        "Secretary Blinken",
        "2022-07-08",
        "Blinken",
        "Antony Blinken",
        "United States",
    ),
    (
        "President Macron",
        "2022-02-07",
        "Macron",
        "Emmanuel Macron",
        "France",
    ),
    (
        "Chancellor Scholz",
        "2023-06-20",
        "Scholz",
        "Olaf Scholz",
        "Germany",
    ),
    (
        "Prime Minister Kishida",
        "2023-05-19",
        "Kishida",
        "Fumio Kishida",
        "Japan",
    ),
    ("President Xi", "2023-03-20", "Xi", "Xi Jinping", "China"),
    (
        "Foreign Minister Qin",
        "2023-04-14",
        "Qin",
        "Qin Gang",
        "China",
    ),
    (
        "Foreign Minister Wang",
        "2024-02-17",
        "Wang",
        "Wang Yi",
        "China",
    ),
    (
        "Foreign Minister Fidan",
        "2024-03-01",
        "Fidan",
        "Hakan Fidan",
        "Turkey",
    ),
    (
        "Secretary-General Guterres",
        "2023-10-24",
        "Guterres",
        "António Guterres",
        "United Nations",
    ),
    (
        "Prime Minister Starmer",
        "2024-09-10",
        "Starmer",
        "Keir Starmer",
        "United Kingdom",
    ),
    (
        "External Affairs Minister Jaishankar",
        "2023-09-26",
        "Jaishankar",
        "S. Jaishankar",
        "India",
    ),
    (
        "President Ramaphosa",
        "2023-08-22",
        "Ramaphosa",
        "Cyril Ramaphosa",
        "South Africa",
    ),
    (
        "Prime Minister Meloni",
        "2023-07-27",
        "Meloni",
        "Giorgia Meloni",
        "Italy",
    ),
    (
        "High Representative Borrell",
        "2023-01-23",
        "Borrell",
        "Josep Borrell",
        "European Union",
    ),
    (
        "Foreign Minister Baerbock",
        "2023-04-14",
        "Baerbock",
        "Annalena Baerbock",
        "Germany",
    ),
    (
        "Supreme Leader Khamenei",
        "2020-01-08",
        "Khamenei",
        "Ali Khamenei",
        "Iran",
    ),
    (
        "Prime Minister Trudeau",
        "2020-03-12",
        "Trudeau",
        "Justin Trudeau",
        "Canada",
    ),
    (
        "President Milei",
        "2024-06-15",
        "Milei",
        "Javier Milei",
        "Argentina",
    ),
    (
        "President Trump",
        "2019-06-30",
        "Trump",
        "Donald Trump",
        "United States",
    ),
    (
        "Secretary Rubio",
        "2025-03-11",
        "Rubio",
        "Marco Rubio",
        "United States",
    ),
    (
        "Secretary General Rutte",
        "2025-02-12",
        "Rutte",
        "Mark Rutte",
        "NATO",
    ),
];

#[test]
fn well_known_officeholders_resolve_by_title_and_surname() {
    let cases: Vec<(String, &str)> = OFFICEHOLDERS
        .iter()
        .map(|(titled, date, ..)| (format!("{titled} met reporters on Monday."), *date))
        .collect();
    let refs: Vec<(&str, &str)> = cases.iter().map(|(t, d)| (t.as_str(), *d)).collect();
    let docs = extract_all(&refs);
    assert_eq!(docs.len(), OFFICEHOLDERS.len());
    let mut wrong = Vec::new();
    for (doc, (titled, date, surname, name, state)) in docs.iter().zip(OFFICEHOLDERS) {
        let persons = persons(doc);
        match person_named(&persons, surname) {
            Some((found, _, affiliations))
                if found == name && affiliations.iter().any(|a| a == state) => {}
            other => wrong.push(format!("{titled} ({date}): {other:?}")),
        }
    }
    assert!(wrong.is_empty(), "not resolved:\n{}", wrong.join("\n"));
}

#[test]
fn an_officeholder_is_not_resolved_outside_their_term() {
    // Each person says something: a surname alone is reported only with a fact of its own
    // (issue #11).
    let docs = extract_all(&[
        (
            "President Bush said on Monday that the talks would go on.",
            "2003-03-20",
        ),
        (
            "President Bush said on Monday that the talks would go on.",
            "1990-08-02",
        ),
        (
            "Secretary Blinken said on Monday that the talks would go on.",
            "2019-05-01",
        ),
        (
            "Foreign Minister Wang said on Monday that the talks would go on.",
            "2023-03-01",
        ),
        (
            "Secretary Kerry said on Monday that the talks would go on.",
            "2022-01-20",
        ),
    ]);
    let names: Vec<Vec<String>> = docs
        .iter()
        .map(|doc| persons(doc).into_iter().map(|p| p.0).collect())
        .collect();
    assert_eq!(names[0], ["George W. Bush"]);
    // Not the same person in 1990: his father was president then.
    assert_eq!(names[1], ["George H. W. Bush"]);
    // Pompeo was Secretary of State: Blinken had not held the office yet.
    assert_eq!(names[2], ["Blinken"]);
    // Qin Gang was foreign minister and Kerry an envoy; each had held the office the title
    // names, and nobody else of the surname had: the former holder.
    assert_eq!(names[3], ["Wang Yi"]);
    assert_eq!(names[4], ["John Kerry"]);
}

#[test]
fn a_former_holder_is_named_by_the_title_of_an_office_held_and_only_alone() {
    // Each person says something: a surname alone is reported only with a fact of its own
    // (issue #11).
    let docs = extract_all(&[
        (
            "President Truman said on Monday that the talks would go on.",
            "2022-04-12",
        ),
        (
            "Truman said on Monday that the talks would go on.",
            "2022-04-12",
        ),
        (
            "Foreign Minister Truman said on Monday that the talks would go on.",
            "2022-04-12",
        ),
        // Two former presidents Bush, and two Aquinos of the Philippines: nobody is guessed.
        (
            "Former President Bush said on Monday that the talks would go on.",
            "2022-04-12",
        ),
        (
            "President Aquino said on Monday that the talks would go on.",
            "2022-04-12",
        ),
        (
            "Secretary Clinton said on Monday that the talks would go on.",
            "2022-04-12",
        ),
        (
            "President Clinton said on Monday that the talks would go on.",
            "2022-04-12",
        ),
    ]);
    let names: Vec<Vec<String>> = docs
        .iter()
        .map(|doc| persons(doc).into_iter().map(|p| p.0).collect())
        .collect();
    assert_eq!(names[0], ["Harry S. Truman"]);
    assert!(
        names[1].iter().all(|n| n != "Harry S. Truman"),
        "{:?}",
        names[1]
    );
    assert!(
        names[2].iter().all(|n| n != "Harry S. Truman"),
        "{:?}",
        names[2]
    );
    assert_eq!(names[3], ["Bush"]);
    assert_eq!(names[4], ["Aquino"]);
    assert_eq!(names[5], ["Hillary Clinton"]);
    assert_eq!(names[6], ["Bill Clinton"]);
}

#[test]
fn an_ambiguous_name_is_resolved_only_by_its_state() {
    // Each person says something: a surname alone is reported only with a fact of its own
    // (issue #11).
    let docs = extract_all(&[
        // Abdullah II of Jordan and King Abdullah of Saudi Arabia reigned both.
        (
            "King Abdullah said on Monday that the talks would go on.",
            "2010-06-01",
        ),
        (
            "Saudi King Abdullah said on Monday that the talks would go on.",
            "2010-06-01",
        ),
        (
            "Jordan’s King Abdullah said on Monday that the talks would go on.",
            "2010-06-01",
        ),
    ]);
    let first = persons(&docs[0]);
    assert_eq!(first[0].0, "Abdullah");
    assert_eq!(persons(&docs[1])[0].0, "Abdullah of Saudi Arabia");
    assert_eq!(persons(&docs[2])[0].0, "Abdullah II of Jordan");
}

#[test]
fn a_state_and_an_office_name_the_holder_of_the_office_on_the_date() {
    let docs = extract_all(&[
        (
            "The Russian foreign minister said talks had failed.",
            "2022-03-10",
        ),
        ("The French president said talks had failed.", "2010-06-01"),
        ("The German chancellor said talks had failed.", "2019-03-01"),
        (
            "The British prime minister said talks had failed.",
            "2024-09-10",
        ),
        // Only up to the day the sources last saw the office's holder.
        (
            "The Russian foreign minister said talks had failed.",
            "2031-03-10",
        ),
    ]);
    let speakers: Vec<Option<String>> = docs
        .iter()
        .map(|doc| {
            let actors = doc["actors"].as_array().unwrap();
            doc["statements"][0]["speaker"]
                .as_str()
                .map(str::to_string)
                .filter(|s| {
                    actors
                        .iter()
                        .any(|a| a["name"] == *s && a["kind"] == "person")
                })
        })
        .collect();
    assert_eq!(
        speakers,
        [
            Some("Sergey Lavrov".to_string()),
            Some("Nicolas Sarkozy".to_string()),
            Some("Angela Merkel".to_string()),
            Some("Keir Starmer".to_string()),
            None,
        ]
    );
    let lavrov = persons(&docs[0]);
    assert_eq!(lavrov[0].2, ["Russia"]);
}

#[test]
fn a_known_officeholder_s_state_comes_from_the_dictionary_not_the_sentence() {
    let docs = extract_all(&[(
        "Chinese President Xi Jinping met Prime Minister Kishida in Beijing.",
        "2023-03-20",
    )]);
    let persons = persons(&docs[0]);
    let kishida = person_named(&persons, "Kishida").expect("Kishida");
    assert_eq!(kishida.0, "Fumio Kishida");
    assert_eq!(kishida.2, ["Japan"]);
}
