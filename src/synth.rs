//! A deterministic synthetic corpus for benchmarks: news reports, readouts and transcripts of
//! invented people of real states meeting in real places over many years, with quotations,
//! reported speech, demands and answers, and meetings that several articles report.
//!
//! Written for measuring, not for evaluating extraction: the texts are made from templates, so
//! extraction finds about as many facts in them as in real reporting, in text of about the same
//! length and shape. The same seed always gives the same corpus.

use std::io::{self, Write};

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use crate::text::Lexicon;

/// SplitMix64: small, fast and good enough for choosing among templates.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const FIRST_NAMES: &[&str] = &[
    "Amara", "Teodor", "Lina", "Rafael", "Ingrid", "Tomasz", "Mireille", "Kwame", "Soraya",
    "Anders", "Paola", "Dmitar", "Yara", "Oskar", "Leila", "Matteo", "Nadia", "Henrik", "Zofia",
    "Emeka", "Carmen", "Viktor", "Hana", "Julien", "Farida", "Stefan", "Ines", "Kofi", "Elena",
    "Marek", "Sanna", "Idris", "Greta", "Tariq", "Noemi", "Pavel", "Aiko", "Lucas", "Mariam",
    "Bogdan",
];

const NAME_STARTS: &[&str] = &[
    "Var", "Kost", "Mer", "Tal", "Bren", "Dor", "Hal", "Ost", "Riv", "Sand", "Vel", "Mor", "Lun",
    "Kar", "Fen", "Gal", "Nor", "Pel", "Tor", "Wes",
];

const NAME_ENDS: &[&str] = &[
    "enko", "ani", "berg", "ovic", "idis", "ström", "escu", "ardo", "ova", "man", "ington", "ez",
    "ski", "etti", "ande", "oulis", "ero", "ami", "uk", "sen",
];

const TITLES: &[&str] = &[
    "Foreign Minister",
    "Prime Minister",
    "President",
    "Defence Minister",
    "Deputy Foreign Minister",
    "Trade Minister",
    "National Security Adviser",
];

const TOPICS: &[&str] = &[
    "border security",
    "grain exports",
    "energy supplies",
    "the disputed islands",
    "nuclear safety",
    "climate finance",
    "the ceasefire along the frontier",
    "trade tariffs",
    "refugee returns",
    "maritime boundaries",
    "arms control",
    "water rights on the shared river",
    "debt relief",
    "visa rules",
    "the detention of journalists",
    "cyber attacks on ministries",
    "troop deployments",
    "sanctions relief",
    "the humanitarian corridor",
    "fishing quotas",
];

const DEMANDS_FOR: &[&str] = &[
    "the withdrawal of troops from the border",
    "an immediate ceasefire",
    "the release of detained journalists",
    "a return to talks",
    "an end to the blockade of the port",
    "an independent investigation into the attack",
    "the lifting of sanctions",
    "guarantees of safe passage for aid convoys",
];

const DEMANDS_TO: &[&str] = &[
    "withdraw its forces from the frontier",
    "release the detained sailors",
    "resume negotiations without preconditions",
    "open the crossings to aid convoys",
    "halt the construction of the dam",
    "stop the shelling of villages",
];

const QUOTES: &[&str] = &[
    "We came here to listen, and we will keep talking",
    "There can be no lasting peace without respect for borders",
    "Our patience is not unlimited",
    "This was a frank and useful conversation",
    "We are ready to meet again whenever our partners are",
    "The door to diplomacy remains open",
    "Nobody wants a new crisis in the region",
    "We expect deeds, not words",
];

const CLAUSES: &[&str] = &[
    "the two sides had agreed to set up a working group",
    "progress had been slow but real",
    "his government would not accept any change to the agreement",
    "the talks had been constructive",
    "further sanctions could not be ruled out",
    "a second round would follow within weeks",
    "both delegations wanted to avoid an escalation",
];

const FILLER: &[&str] = &[
    "Relations between the two countries have been strained for years, and trade between them has fallen by almost a third since the last crisis.",
    "Analysts in the region said the meeting was a test of whether the new governments could build on the understandings of their predecessors.",
    "The talks took place behind closed doors, and neither delegation gave details of the documents exchanged.",
    "Diplomats said the agenda had been agreed only a day earlier, after weeks of exchanges between the two capitals.",
    "Opposition politicians in both countries criticised the talks as premature and demanded that parliament be consulted.",
    "Local newspapers reported that security around the venue had been tightened and several roads were closed for the day.",
    "Economists warned that a prolonged dispute would hurt exporters on both sides of the border, many of them small firms.",
    "The issue has been raised at several regional summits, but no binding agreement has yet been reached.",
    "Human rights groups urged the governments to put the welfare of civilians at the centre of any settlement.",
    "Officials said technical teams would continue to meet at a lower level in the coming weeks.",
];

/// Background sentences with slots: {topic}, {n} (a number), {year}.
const BACKGROUND: &[&str] = &[
    "The dispute over {topic} dates back to {year}, when a previous agreement collapsed.",
    "About {n} percent of the population in the border provinces depends on cross-border trade.",
    "Negotiators have met {n} times since {year} without settling the question of {topic}.",
    "A report by an independent institute estimated that {topic} costs the region {n} billion dollars a year.",
    "Parliament is due to debate {topic} next month, and several committees have asked for hearings.",
    "Critics say the government has moved too slowly on {topic}, while its supporters point to the agreement of {year}.",
    "Residents interviewed in the capital said they cared less about {topic} than about prices and jobs.",
    "The central bank has warned that uncertainty over {topic} could weigh on investment for {n} months or more.",
    "Since {year}, at least {n} rounds of consultations on {topic} have ended without a joint statement.",
    "Observers noted that the delegations included experts on {topic} for the first time.",
    "The last comparable visit took place in {year}, and it was followed by a period of calm.",
    "Some {n} thousand people took part in demonstrations about {topic} over the weekend.",
];

/// One person of the synthetic world.
#[derive(Debug, Clone)]
struct Person {
    first: String,
    last: String,
    title: &'static str,
    state: usize,
}

/// A meeting several articles may report.
#[derive(Debug, Clone)]
struct Event {
    date: NaiveDate,
    city: String,
    kind: &'static str,
    people: [usize; 2],
    topic: &'static str,
    phone: bool,
}

/// One generated article.
#[derive(Debug, Clone)]
pub struct SynthArticle {
    pub title: String,
    pub published: NaiveDate,
    pub source: &'static str,
    pub url: String,
    pub text: String,
}

/// The generator: deterministic for a seed and an article count.
pub struct Synth {
    rng: Rng,
    states: Vec<(String, String)>,
    people: Vec<Person>,
    events: Vec<Event>,
    start: NaiveDate,
    days: i64,
    total: usize,
}

impl Synth {
    /// A corpus of `total` articles from 2005 to 2024.
    pub fn new(seed: u64, total: usize) -> Synth {
        let lexicon = Lexicon::builtin();
        let states: Vec<(String, String)> = lexicon
            .states
            .iter()
            .filter_map(|s| {
                let capital = s.capital.clone()?;
                // Names the templates can put after "in" and before "'s" without looking odd.
                (!s.name.contains(',') && !s.name.starts_with("the "))
                    .then(|| (s.name.clone(), capital))
            })
            .collect();
        let mut rng = Rng::new(seed);
        // About one person for every 40 articles, at least 200: people recur, as they do.
        let count = (total / 40).max(200);
        let people = (0..count)
            .map(|_| Person {
                first: rng.pick(FIRST_NAMES).to_string(),
                last: format!("{}{}", rng.pick(NAME_STARTS), rng.pick(NAME_ENDS)),
                title: TITLES[rng.below(TITLES.len())],
                state: rng.below(states.len()),
            })
            .collect();
        let start = NaiveDate::from_ymd_opt(2005, 1, 3).unwrap_or_default();
        Synth {
            rng,
            states,
            people,
            events: Vec::new(),
            start,
            days: 20 * 365,
            total: total.max(1),
        }
    }

    fn name(&self, person: usize) -> String {
        let p = &self.people[person];
        format!("{} {}", p.first, p.last)
    }

    fn state(&self, person: usize) -> &str {
        &self.states[self.people[person].state].0
    }

    /// "Foreign Minister Amara Varenko of Kenya" or "Kenya's Foreign Minister Amara Varenko".
    fn introduce(&mut self, person: usize) -> String {
        let p = &self.people[person];
        let name = format!("{} {}", p.first, p.last);
        let state = self.states[p.state].0.clone();
        if self.rng.chance(50) {
            format!("{state}'s {} {name}", p.title)
        } else {
            format!("{} {name} of {state}", p.title)
        }
    }

    fn surname(&self, person: usize) -> &str {
        &self.people[person].last
    }

    /// A new meeting near `date` between two people of different states.
    fn new_event(&mut self, date: NaiveDate) -> usize {
        let a = self.rng.below(self.people.len());
        let mut b = self.rng.below(self.people.len());
        while self.people[b].state == self.people[a].state {
            b = self.rng.below(self.people.len());
        }
        let host = if self.rng.chance(50) { a } else { b };
        let city = self.states[self.people[host].state].1.clone();
        let phone = self.rng.chance(15);
        let kind = *self
            .rng
            .pick(&["talks", "meeting", "talks", "summit", "meeting"]);
        self.events.push(Event {
            date: date + Duration::days(self.rng.below(5) as i64),
            city,
            kind,
            people: [a, b],
            topic: TOPICS[self.rng.below(TOPICS.len())],
            phone,
        });
        self.events.len() - 1
    }

    /// The `i`th article. Articles come in date order; a meeting is reported by the article
    /// that announces it and by up to three that report it afterwards.
    pub fn article(&mut self, i: usize) -> SynthArticle {
        let day = (i as i64 * self.days) / self.total as i64;
        let published = self.start + Duration::days(day);
        // Half the articles open a new meeting; the others report a recent one again.
        let recent: Vec<usize> = (self.events.len().saturating_sub(6)..self.events.len())
            .filter(|&e| (self.events[e].date - published).num_days().abs() <= 6)
            .collect();
        let event = if recent.is_empty() || self.rng.chance(50) {
            self.new_event(published)
        } else {
            *self.rng.pick(&recent)
        };
        let kind = self.rng.below(10);
        let (title, text) = match kind {
            0..=5 => self.news(event, published),
            6..=8 => self.readout(event, published),
            _ => self.transcript(event, published),
        };
        let source = match kind {
            0..=5 => "Synthetic Wire",
            6..=8 => "Synthetic Ministry of Foreign Affairs",
            _ => "Synthetic Transcripts",
        };
        SynthArticle {
            title,
            published,
            source,
            url: format!("https://example.org/synthetic/{i}"),
            text,
        }
    }

    /// "on Tuesday" when the meeting is within the week of publication, else "on 12 March".
    fn when(&self, date: NaiveDate, published: NaiveDate) -> String {
        let gap = (date - published).num_days();
        if gap == 0 {
            return "today".to_string();
        }
        if (-6..=6).contains(&gap) {
            return format!("on {}", weekday(date.weekday()));
        }
        format!("on {} {}", date.day(), month(date.month()))
    }

    /// Background paragraphs, as reports carry between their facts, up to `target` bytes.
    fn fill(&mut self, text: &mut String, target: usize) {
        while text.len() < target {
            let mut paragraph = String::new();
            for _ in 0..2 + self.rng.below(2) {
                let template = *self.rng.pick(BACKGROUND);
                let topic = *self.rng.pick(TOPICS);
                let n = 2 + self.rng.below(40);
                let year = 1990 + self.rng.below(30);
                paragraph.push_str(
                    &template
                        .replace("{topic}", topic)
                        .replace("{n}", &n.to_string())
                        .replace("{year}", &year.to_string()),
                );
                paragraph.push(' ');
            }
            paragraph.push_str(FILLER[self.rng.below(FILLER.len())]);
            text.push_str(&paragraph);
            text.push_str("\n\n");
        }
    }

    fn speech(&mut self, text: &mut String, person: usize, event: &Event) {
        let quote = *self.rng.pick(QUOTES);
        let clause = *self.rng.pick(CLAUSES);
        let surname = self.surname(person).to_string();
        match self.rng.below(3) {
            0 => text.push_str(&format!(
                "“{quote},” {surname} said after the {}.\n\n",
                if event.phone { "call" } else { "meeting" }
            )),
            1 => text.push_str(&format!("{surname} told reporters: “{quote}.”\n\n")),
            _ => text.push_str(&format!("“{quote},” said {surname}.\n\n")),
        }
        text.push_str(&format!("{surname} said {clause}.\n\n"));
    }

    fn demand(&mut self, text: &mut String, event: &Event) {
        let [a, b] = event.people;
        let (by, of) = if self.rng.chance(50) { (a, b) } else { (b, a) };
        let by_state = self.state(by).to_string();
        let of_state = self.state(of).to_string();
        let surname = self.surname(by).to_string();
        if self.rng.chance(50) {
            let what = *self.rng.pick(DEMANDS_FOR);
            text.push_str(&format!("{by_state} called for {what}.\n\n"));
        } else {
            let what = *self.rng.pick(DEMANDS_TO);
            text.push_str(&format!("{surname} urged {of_state} to {what}.\n\n"));
        }
        if self.rng.chance(25) {
            text.push_str(&format!("{of_state} rejected the demand.\n\n"));
        }
    }

    fn news(&mut self, e: usize, published: NaiveDate) -> (String, String) {
        let event = self.events[e].clone();
        let [a, b] = event.people;
        let when = self.when(event.date, published);
        let (sa, sb) = (self.state(a).to_string(), self.state(b).to_string());
        let title = format!("{sa} and {sb} hold {} on {}", event.kind, event.topic);
        let intro_a = self.introduce(a);
        let intro_b = self.introduce(b);
        let mut text = String::with_capacity(4200);
        if event.date > published {
            text.push_str(&format!(
                "{intro_a} will hold {} with {intro_b} in {} {when}, officials said, as the two governments try to settle their differences over {}.\n\n",
                event.kind, event.city, event.topic
            ));
        } else if event.phone {
            text.push_str(&format!(
                "{intro_a} spoke by phone with {intro_b} {when} about {}.\n\n",
                event.topic
            ));
        } else {
            text.push_str(&format!(
                "{intro_a} and {intro_b} met in {} {when} for {} on {}.\n\n",
                event.city, event.kind, event.topic
            ));
        }
        self.speech(&mut text, a, &event);
        self.fill(&mut text, 1800);
        self.speech(&mut text, b, &event);
        self.demand(&mut text, &event);
        self.fill(&mut text, 4000);
        (title, text)
    }

    fn readout(&mut self, e: usize, published: NaiveDate) -> (String, String) {
        let event = self.events[e].clone();
        let [a, b] = event.people;
        let name_a = self.name(a);
        let intro_b = self.introduce(b);
        let title = format!(
            "{} {}'s Meeting with {}",
            self.people[a].title,
            name_a,
            self.name(b)
        );
        let mut text = String::with_capacity(4200);
        text.push_str("Office of the Spokesperson\n\n");
        let when = self.when(event.date, published);
        if event.date > published {
            text.push_str(&format!(
                "{} {name_a} will travel to {} {when} to meet {intro_b}.\n\n",
                self.people[a].title, event.city
            ));
        } else {
            text.push_str(&format!(
                "{} {name_a} met with {intro_b} in {} {when} to discuss {}.\n\n",
                self.people[a].title, event.city, event.topic
            ));
        }
        let clause = *self.rng.pick(CLAUSES);
        text.push_str(&format!(
            "{} {} underscored that {clause}.\n\n",
            self.people[a].title,
            self.surname(a)
        ));
        self.demand(&mut text, &event);
        self.fill(&mut text, 4000);
        (title, text)
    }

    fn transcript(&mut self, e: usize, published: NaiveDate) -> (String, String) {
        let event = self.events[e].clone();
        let [a, b] = event.people;
        let title = format!(
            "{} {} and {} {} at a Joint Press Availability",
            self.people[a].title,
            self.name(a),
            self.people[b].title,
            self.name(b)
        );
        let mut text = String::with_capacity(4200);
        text.push_str(&format!("{}\n\n", event.city));
        let when = self.when(event.date, published);
        for (speaker, other) in [(a, b), (b, a), (a, b)] {
            let label = format!(
                "{} {}",
                self.people[speaker].title.to_uppercase(),
                self.surname(speaker).to_uppercase()
            );
            let quote = *self.rng.pick(QUOTES);
            let filler = *self.rng.pick(FILLER);
            text.push_str(&format!(
                "{label}: Thank you. I was glad to welcome {} {} here {when}. {quote}. {filler}\n\n",
                self.people[other].title,
                self.surname(other)
            ));
            if text.len() > 3200 {
                break;
            }
        }
        self.demand(&mut text, &event);
        self.fill(&mut text, 4000);
        (title, text)
    }

    /// Writes `count` articles as JSON Lines (the fields `dipkb ingest` reads).
    pub fn write_jsonl(&mut self, count: usize, out: &mut dyn Write) -> io::Result<u64> {
        let mut bytes = 0;
        for i in 0..count {
            let article = self.article(i);
            let line = serde_json::json!({
                "title": article.title,
                "published": article.published.format("%Y-%m-%d").to_string(),
                "source": article.source,
                "url": article.url,
                "text": article.text,
            });
            let text = serde_json::to_string(&line)?;
            out.write_all(text.as_bytes())?;
            out.write_all(b"\n")?;
            bytes += text.len() as u64 + 1;
        }
        Ok(bytes)
    }
}

fn weekday(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

fn month(month: u32) -> &'static str {
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ][(month as usize).saturating_sub(1) % 12]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_corpus() {
        let mut a = Vec::new();
        let mut b = Vec::new();
        Synth::new(7, 50).write_jsonl(50, &mut a).unwrap();
        Synth::new(7, 50).write_jsonl(50, &mut b).unwrap();
        assert_eq!(a, b);
        let mut c = Vec::new();
        Synth::new(8, 50).write_jsonl(50, &mut c).unwrap();
        assert_ne!(a, c);
    }

    #[test]
    fn articles_are_about_four_kilobytes_and_yield_facts() {
        let mut synth = Synth::new(1, 200);
        let mut sizes = 0;
        let (mut meetings, mut statements, mut demands) = (0, 0, 0);
        for i in 0..200 {
            let article = synth.article(i);
            sizes += article.text.len();
            let extraction = crate::extract::extract(&crate::extract::Input {
                title: &article.title,
                body: &article.text,
                published: Some(article.published),
            });
            meetings += extraction.meetings.len();
            statements += extraction.statements.len();
            demands += extraction.demands.len();
        }
        let mean = sizes / 200;
        assert!((3_000..=5_500).contains(&mean), "mean size {mean}");
        // As many as in the sample corpus, give or take: 1.7 meetings, 3.9 statements and 1.4
        // demands an article there.
        let per = |n: usize| n as f64 / 200.0;
        assert!(
            per(meetings) >= 0.8,
            "{} meetings an article",
            per(meetings)
        );
        assert!(
            per(statements) >= 2.0,
            "{} statements an article",
            per(statements)
        );
        assert!(per(demands) >= 0.7, "{} demands an article", per(demands));
    }
}
