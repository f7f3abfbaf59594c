//! Writing one article's extraction as reports: each meeting, statement and demand the article
//! gives becomes a report, first in a fact of its own; [`super::consolidate`] then joins it to
//! the fact other articles report.

use std::cell::RefCell;
use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};
use sha2::{Digest, Sha256};

use super::consolidate::{self, NewKeyed, Placement};
use super::resolve::{Touched, resolve_actor};
use super::{KbError, exec};
use crate::extract::dating::date_meeting;
use crate::extract::{
    Actor, ActorKind, ActorRef, Demand, Evidence, Extraction, Meeting, MeetingRef, Place, Span,
    Statement,
};
use crate::text::date::precision_of;

/// The reports one article gave, by id, and what resolving its actors touched.
#[derive(Debug, Default)]
pub struct Written {
    pub meeting_reports: Vec<i64>,
    /// The facts of new statement reports that joined a fact, or made one, without moving
    /// any other report: only these facts need recomputing.
    pub placed_statements: Vec<i64>,
    /// New statement reports whose arrival changes how others group: to be regrouped.
    pub regroup_statements: Vec<i64>,
    pub placed_demands: Vec<i64>,
    pub regroup_demands: Vec<i64>,
    pub touched: Touched,
}

/// Which foreign key of `evidence_spans` a span belongs to.
#[derive(Clone, Copy)]
enum Evidenced {
    MeetingReport,
    StatementReport,
    DemandReport,
    PersonRole,
}

impl Evidenced {
    fn column(self) -> &'static str {
        match self {
            Evidenced::MeetingReport => "meeting_report_id",
            Evidenced::StatementReport => "statement_report_id",
            Evidenced::DemandReport => "demand_report_id",
            Evidenced::PersonRole => "person_role_id",
        }
    }
}

/// Folds a statement's or demand's words so that two articles quoting the same words find each
/// other: lower case, letters and digits only, one space between words.
pub fn text_key(text: &str) -> String {
    // One pass, a character at a time (ASCII ones without Unicode tables): statements run
    // to paragraphs.
    let mut key = String::with_capacity(text.len());
    let mut gap = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if gap && !key.is_empty() {
                key.push(' ');
            }
            gap = false;
            if c.is_ascii() {
                key.push(c.to_ascii_lowercase());
            } else {
                key.extend(c.to_lowercase());
            }
        } else {
            gap = true;
        }
    }
    key
}

/// The hash of folded words ([`text_key`]) by which reports of the same words are found
/// (`text_hash`, schema V6): the first 8 bytes of their SHA-256, big-endian, as a signed
/// integer. Stable across versions and machines, as stored hashes must be.
pub fn key_hash(key: &str) -> i64 {
    let digest = Sha256::digest(key.as_bytes());
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    i64::from_be_bytes(first)
}

/// Places an article's new reports of words `keys` dated `dates`: the reports of the same words
/// on the same occasion are placed together by one call of `place`. Returns each report's
/// bucket (its words and occasion) and placement; reports of one bucket given the same new
/// number share a new fact.
fn place_all(
    keys: &[i64],
    dates: &[Option<String>],
    news: &[NewKeyed<'_>],
    place: impl Fn(i64, Option<&str>, &[NewKeyed<'_>]) -> Result<Vec<Placement>, KbError>,
) -> Result<Vec<(usize, Placement)>, KbError> {
    let mut buckets: HashMap<(i64, Option<i64>), Vec<usize>> = HashMap::new();
    let mut order = Vec::new();
    for (i, &key) in keys.iter().enumerate() {
        let bucket = (key, consolidate::occasion_of(dates[i].as_deref()));
        let members = buckets.entry(bucket).or_default();
        if members.is_empty() {
            order.push(bucket);
        }
        members.push(i);
    }
    let mut placements = vec![(0, Placement::New(0)); keys.len()];
    for (number, bucket) in order.iter().enumerate() {
        let members = &buckets[bucket];
        let new: Vec<NewKeyed<'_>> = members.iter().map(|&i| news[i]).collect();
        let found = place(bucket.0, dates[members[0]].as_deref(), &new)?;
        for (&i, placement) in members.iter().zip(found) {
            placements[i] = (number, placement);
        }
    }
    Ok(placements)
}

/// The facts an article's earlier reports belonged to, by the report's position: re-extracting
/// the article gives each new report the fact its predecessor had, when no other article
/// reports that fact, so that ids users have seen stay valid.
#[derive(Debug, Default)]
pub struct Reuse {
    pub meetings: HashMap<i64, i64>,
    pub statements: HashMap<i64, i64>,
    pub demands: HashMap<i64, i64>,
}

/// States and organisations resolved in the open batch, by everything an article says of them:
/// resolving the same one again would find the same actor and write nothing. Persons are left
/// out (resolving one may absorb a person stored under its surname alone), and the cache lives
/// only as long as the batch's transaction (replaying curations at commit may merge actors).
pub type ActorCache = HashMap<String, i64>;

fn cache_key(actor: &Actor) -> Option<String> {
    (actor.kind != ActorKind::Person).then(|| {
        format!(
            "{}\u{1}{}\u{1}{:?}\u{1}{:?}\u{1}{:?}\u{1}{:?}",
            actor.kind.as_str(),
            actor.name,
            actor.iso3,
            actor.wikidata_qid,
            actor.cameo_code,
            actor.aliases
        )
    })
}

/// Writes one article's extraction inside a transaction the caller owns.
pub struct ReportWriter<'a> {
    conn: &'a Connection,
    article_id: i64,
    published: Option<String>,
    body: &'a str,
    body_chars: usize,
    /// Where each character of the body begins, in bytes (and the body's length after the
    /// last); `None` when the body is ASCII, so that characters are bytes. Spans count
    /// characters, and each statement's words are looked up by them.
    char_starts: Option<Vec<usize>>,
    reuse: Reuse,
    actors: Option<&'a RefCell<ActorCache>>,
}

impl<'a> ReportWriter<'a> {
    pub fn new(
        conn: &'a Connection,
        article_id: i64,
        published: Option<NaiveDate>,
        body: &'a str,
    ) -> ReportWriter<'a> {
        ReportWriter {
            conn,
            article_id,
            published: published.map(|d| d.format("%Y-%m-%d").to_string()),
            body,
            body_chars: body.chars().count(),
            char_starts: char_starts(body),
            reuse: Reuse::default(),
            actors: None,
        }
    }

    /// Looks states and organisations up in, and adds them to, the batch's cache.
    pub fn with_actor_cache(mut self, actors: &'a RefCell<ActorCache>) -> ReportWriter<'a> {
        self.actors = Some(actors);
        self
    }

    /// Reuses the facts of the article's earlier reports.
    pub fn reusing(mut self, reuse: Reuse) -> ReportWriter<'a> {
        self.reuse = reuse;
        self
    }

    /// A fact for a new report: the one its predecessor at `position` had if no report holds
    /// it now, else a new one made by `insert`.
    fn fact_for(
        &self,
        table: &str,
        reports: &str,
        column: &str,
        previous: Option<&i64>,
        insert: impl FnOnce() -> rusqlite::Result<i64>,
    ) -> Result<i64, KbError> {
        if let Some(&id) = previous {
            let free: Option<i64> = crate::kb::query_one(
                self.conn,
                &format!(
                    "SELECT id FROM {table} WHERE id = ?1 \
                         AND NOT EXISTS (SELECT 1 FROM {reports} WHERE {column} = ?1)"
                ),
                [id],
                |row| row.get(0),
            )
            .optional()?;
            if let Some(id) = free {
                return Ok(id);
            }
        }
        Ok(insert()?)
    }

    pub fn write(&self, extraction: &Extraction) -> Result<Written, KbError> {
        let mut written = Written::default();
        let mut actor_ids = Vec::with_capacity(extraction.actors.len());
        for actor in &extraction.actors {
            let key = self.actors.and(cache_key(actor));
            let cached = match (self.actors, &key) {
                (Some(actors), Some(key)) => actors.borrow().get(key).copied(),
                _ => None,
            };
            if let Some(id) = cached {
                actor_ids.push(id);
                continue;
            }
            let (id, touched) = resolve_actor(self.conn, actor)?;
            written.touched.extend(touched);
            if let (Some(actors), Some(key)) = (self.actors, key) {
                actors.borrow_mut().insert(key, id);
            }
            actor_ids.push(id);
        }
        // Resolving a later actor can merge an earlier one into it: follow the merges.
        for id in &mut actor_ids {
            *id = written.touched.current(*id);
        }
        let actor_id = |actor: Option<ActorRef>| actor.and_then(|r| actor_ids.get(r.0).copied());
        for (actor, &id) in extraction.actors.iter().zip(&actor_ids) {
            for role in &actor.roles {
                let affiliation = actor_id(role.affiliation);
                self.write_role(id, role.title.as_deref(), affiliation, role.span)?;
            }
        }
        for (position, meeting) in extraction.meetings.iter().enumerate() {
            let id = self.write_meeting(position, meeting, &actor_id)?;
            written.meeting_reports.push(id);
        }
        let meeting_report = |meeting: Option<MeetingRef>| {
            meeting.and_then(|r| written.meeting_reports.get(r.0).copied())
        };
        // Each distinct words and occasion of the article is placed once, all its reports
        // together.
        let keys: Vec<i64> = extraction
            .statements
            .iter()
            .map(|s| key_hash(&text_key(&s.text)))
            .collect();
        let dates: Vec<Option<String>> = extraction
            .statements
            .iter()
            .map(|s| s.when.date.map(|d| d.to_string()))
            .collect();
        let news: Vec<NewKeyed<'_>> = extraction
            .statements
            .iter()
            .map(|s| NewKeyed {
                kind: s.kind.as_str(),
                who: actor_id(s.speaker),
            })
            .collect();
        let placements = place_all(&keys, &dates, &news, |key, date, new| {
            consolidate::place_statements(self.conn, key, date, new)
        })?;
        let mut made = HashMap::new();
        for (position, statement) in extraction.statements.iter().enumerate() {
            let linked = meeting_report(statement.meeting);
            let (bucket, placement) = placements[position];
            let statement_id = match placement {
                Placement::Join(id) => id,
                Placement::New(number) | Placement::Regroup(number) => {
                    match made.get(&(bucket, number)) {
                        Some(&id) => id,
                        None => {
                            let id =
                                self.new_statement(position, statement, placement, &actor_id)?;
                            made.insert((bucket, number), id);
                            id
                        }
                    }
                }
            };
            let report = self.write_statement(
                position,
                statement,
                keys[position],
                statement_id,
                &actor_id,
                linked,
            )?;
            if matches!(placement, Placement::Regroup(_)) {
                written.regroup_statements.push(report);
            } else {
                written.placed_statements.push(statement_id);
            }
        }
        let keys: Vec<i64> = extraction
            .demands
            .iter()
            .map(|d| key_hash(&text_key(&d.text)))
            .collect();
        let dates: Vec<Option<String>> = extraction
            .demands
            .iter()
            .map(|d| d.when.date.map(|d| d.to_string()))
            .collect();
        let news: Vec<NewKeyed<'_>> = extraction
            .demands
            .iter()
            .map(|d| NewKeyed {
                kind: "demand",
                who: actor_id(d.by_party).or_else(|| actor_id(d.by)),
            })
            .collect();
        let placements = place_all(&keys, &dates, &news, |key, date, new| {
            consolidate::place_demands(self.conn, key, date, new)
        })?;
        let mut made = HashMap::new();
        for (position, demand) in extraction.demands.iter().enumerate() {
            let linked = meeting_report(demand.meeting);
            let (bucket, placement) = placements[position];
            let demand_id = match placement {
                Placement::Join(id) => id,
                Placement::New(number) | Placement::Regroup(number) => {
                    match made.get(&(bucket, number)) {
                        Some(&id) => id,
                        None => {
                            let id = self.new_demand(position, demand)?;
                            made.insert((bucket, number), id);
                            id
                        }
                    }
                }
            };
            let report = self.write_demand(
                position,
                demand,
                keys[position],
                demand_id,
                &actor_id,
                linked,
            )?;
            if matches!(placement, Placement::Regroup(_)) {
                written.regroup_demands.push(report);
            } else {
                written.placed_demands.push(demand_id);
            }
        }
        let mut insert = self.conn.prepare_cached(
            "INSERT INTO diagnostics (article_id, stage, severity, code, message, span_start, span_end) \
             VALUES (?1, 'extract', ?2, ?3, ?4, ?5, ?6)",
        )?;
        for diagnostic in &extraction.diagnostics {
            insert.execute(params![
                self.article_id,
                diagnostic.severity.as_str(),
                diagnostic.code,
                diagnostic.message,
                diagnostic.span.map(|s| s.start as i64),
                diagnostic.span.map(|s| s.end as i64),
            ])?;
        }
        Ok(written)
    }

    fn write_role(
        &self,
        person_id: i64,
        title: Option<&str>,
        affiliation_id: Option<i64>,
        span: Span,
    ) -> Result<(), KbError> {
        if title.is_none() && affiliation_id.is_none() {
            return Ok(());
        }
        let existing: Option<i64> = crate::kb::query_one(
            self.conn,
            // The unary plus keeps SQLite off the affiliation index, which for roles without an
            // affiliation holds every such role: an article of 8,000 persons each with a title
            // read them all for each person (issue #14, item 2).
            "SELECT id FROM person_roles WHERE person_id = ?1 AND title IS ?2 \
                 AND +affiliation_id IS ?3",
            params![person_id, title, affiliation_id],
            |row| row.get(0),
        )
        .optional()?;
        let role_id = match existing {
            Some(id) => {
                exec(
                    self.conn,
                    "UPDATE person_roles SET \
                     first_seen = CASE WHEN first_seen IS NULL OR ?2 < first_seen THEN ?2 ELSE first_seen END, \
                     last_seen = CASE WHEN last_seen IS NULL OR ?2 > last_seen THEN ?2 ELSE last_seen END \
                     WHERE id = ?1 AND ?2 IS NOT NULL",
                    params![id, self.published],
                )?;
                id
            }
            None => {
                exec(
                    self.conn,
                    "INSERT INTO person_roles (person_id, title, affiliation_id, first_seen, last_seen) \
                     VALUES (?1, ?2, ?3, ?4, ?4)",
                    params![person_id, title, affiliation_id, self.published],
                )?;
                self.conn.last_insert_rowid()
            }
        };
        self.write_evidence(
            Evidenced::PersonRole,
            role_id,
            &[Evidence {
                aspect: crate::extract::Aspect::Fact,
                span,
            }],
        )
    }

    fn write_meeting(
        &self,
        position: usize,
        meeting: &Meeting,
        actor_id: &impl Fn(Option<ActorRef>) -> Option<i64>,
    ) -> Result<i64, KbError> {
        let place_id = match &meeting.place {
            Some(place) => Some(self.resolve_place(place)?),
            None => None,
        };
        // The report starts in a meeting of its own; consolidation moves it to the meeting
        // other articles report, if any, and fills the meeting in.
        let meeting_id = self.fact_for(
            "meetings",
            "meeting_reports",
            "meeting_id",
            self.reuse.meetings.get(&(position as i64)),
            || {
                exec(
                    self.conn,
                    "INSERT INTO meetings (status) VALUES (?1)",
                    [meeting.status.as_str()],
                )?;
                Ok(self.conn.last_insert_rowid())
            },
        )?;
        // Every meeting is placed in time, by its article when the text does not date it.
        let published = self
            .published
            .as_deref()
            .and_then(|p| NaiveDate::parse_from_str(p, "%Y-%m-%d").ok());
        let dated = date_meeting(&meeting.when, meeting.status, published);
        let date = dated.map_or(meeting.when.date, |d| d.date);
        let day = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
        exec(
            self.conn,
            "INSERT INTO meeting_reports (meeting_id, article_id, position, label, kind, mode, \
             status, date, date_precision, date_phrase, end_date, place_id, outcome, \
             date_earliest, date_latest, date_basis) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
            params![
                meeting_id,
                self.article_id,
                position as i64,
                meeting.label,
                meeting.kind,
                meeting.mode.as_str(),
                meeting.status.as_str(),
                date.map(|d| d.to_string()),
                precision_of(date).as_str(),
                meeting.when.phrase,
                meeting.when.end.map(|d| d.to_string()),
                place_id,
                meeting.outcome,
                dated.map(|d| day(d.earliest)),
                dated.map(|d| day(d.latest)),
                dated.map(|d| d.basis.as_str()),
            ],
        )?;
        let report_id = self.conn.last_insert_rowid();
        // A party both named and implied is named.
        let mut insert = self.conn.prepare_cached(
            "INSERT INTO meeting_report_participants (meeting_report_id, actor_id, role, implied) \
             VALUES (?1, ?2, ?3, ?4) \
             ON CONFLICT (meeting_report_id, actor_id) DO UPDATE SET implied = min(implied, excluded.implied)",
        )?;
        for participant in &meeting.participants {
            if let Some(id) = actor_id(Some(participant.actor)) {
                insert.execute(params![
                    report_id,
                    id,
                    participant.role,
                    participant.implied
                ])?;
            }
        }
        self.write_evidence(Evidenced::MeetingReport, report_id, &meeting.evidence)?;
        Ok(report_id)
    }

    fn resolve_place(&self, place: &Place) -> Result<i64, KbError> {
        let found: Option<i64> = crate::kb::query_one(
            self.conn,
            "SELECT id FROM places WHERE name = ?1 AND kind = ?2 \
                 AND ifnull(country_iso3, '') = ifnull(?3, '')",
            params![place.name, place.kind.as_str(), place.country_iso3],
            |row| row.get(0),
        )
        .optional()?;
        if let Some(id) = found {
            return Ok(id);
        }
        exec(
            self.conn,
            "INSERT INTO places (name, kind, country_iso3) VALUES (?1, ?2, ?3)",
            params![place.name, place.kind.as_str(), place.country_iso3],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    /// A new statement for the new report at `position` (and the other new reports of the
    /// article placed with it): the one its predecessor had when re-extracting, else a new one.
    fn new_statement(
        &self,
        position: usize,
        statement: &Statement,
        placement: Placement,
        actor_id: &impl Fn(Option<ActorRef>) -> Option<i64>,
    ) -> Result<i64, KbError> {
        let event = statement.event.as_ref();
        let date = statement.when.date.map(|d| d.to_string());
        self.fact_for(
            "statement_facts",
            "statement_reports",
            "statement_id",
            self.reuse.statements.get(&(position as i64)),
            || {
                // A statement of its own gets its words now, indexed once for full-text search;
                // one that will be regrouped gets them when it is recomputed, so that one that
                // is merged away is never indexed.
                if let Placement::New(_) = placement {
                    // Everything its report gives, so that recomputing it from its reports
                    // (which also finds its meeting) writes nothing. Its words are held as a
                    // span of the body where the body has them (schema V10).
                    let (span, own) = match self.words_in_body(&statement.text, &statement.evidence)
                    {
                        Some(Words::Shown((start, end)) | Words::At(start, end)) => {
                            (Some((self.article_id, start as i64, end as i64)), None)
                        }
                        None => (None, Some(statement.text.as_str())),
                    };
                    exec(
                        self.conn,
                        "INSERT INTO statement_facts (speaker_id, speaker_party_id, kind, \
                         text_article_id, text_start, text_end, text, \
                         verb, date, date_precision, date_phrase, cameo_code, \
                         plover_category, plover_mode) \
                         VALUES (?1, ?2, ?3, ?12, ?13, ?14, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                        params![
                            actor_id(statement.speaker),
                            actor_id(statement.speaker_party),
                            statement.kind.as_str(),
                            own,
                            statement.verb,
                            date,
                            precision_of(statement.when.date).as_str(),
                            statement.when.phrase,
                            event.map(|e| e.cameo.as_str()),
                            event.and_then(|e| e.plover.as_deref()),
                            event.and_then(|e| e.plover_mode.as_deref()),
                            span.map(|s| s.0),
                            span.map(|s| s.1),
                            span.map(|s| s.2),
                        ],
                    )?;
                } else {
                    exec(
                        self.conn,
                        "INSERT INTO statement_facts (kind, text) VALUES (?1, '')",
                        params![statement.kind.as_str()],
                    )?;
                }
                Ok(self.conn.last_insert_rowid())
            },
        )
    }

    fn write_statement(
        &self,
        position: usize,
        statement: &Statement,
        key: i64,
        statement_id: i64,
        actor_id: &impl Fn(Option<ActorRef>) -> Option<i64>,
        meeting_report_id: Option<i64>,
    ) -> Result<i64, KbError> {
        let event = statement.event.as_ref();
        // Where the words are when the span of evidence does not show them; their own copy only
        // when the body does not hold them (schema V10).
        let (own, at) = match self.words_in_body(&statement.text, &statement.evidence) {
            Some(Words::Shown(_)) => (None, None),
            Some(Words::At(start, end)) => (None, Some((start, end))),
            None => (Some(statement.text.as_str()), None),
        };
        exec(
            self.conn,
            "INSERT INTO statement_reports (statement_id, article_id, position, speaker_id, \
             speaker_party_id, kind, text, text_hash, verb, date, date_precision, date_phrase, \
             meeting_report_id, cameo_code, plover_category, plover_mode, text_start, text_end) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, \
             ?18)",
            params![
                statement_id,
                self.article_id,
                position as i64,
                actor_id(statement.speaker),
                actor_id(statement.speaker_party),
                statement.kind.as_str(),
                own,
                key,
                statement.verb,
                statement.when.date.map(|d| d.to_string()),
                precision_of(statement.when.date).as_str(),
                statement.when.phrase,
                meeting_report_id,
                event.map(|e| e.cameo.as_str()),
                event.and_then(|e| e.plover.as_deref()),
                event.and_then(|e| e.plover_mode.as_deref()),
                at.map(|(start, _)| start as i64),
                at.map(|(_, end)| end as i64),
            ],
        )?;
        let id = self.conn.last_insert_rowid();
        self.write_evidence(Evidenced::StatementReport, id, &statement.evidence)?;
        Ok(id)
    }

    /// A new demand for the new report at `position`, as [`ReportWriter::new_statement`].
    fn new_demand(&self, position: usize, demand: &Demand) -> Result<i64, KbError> {
        self.fact_for(
            "demands",
            "demand_reports",
            "demand_id",
            self.reuse.demands.get(&(position as i64)),
            || {
                exec(
                    self.conn,
                    "INSERT INTO demands (text) VALUES (?1)",
                    [&demand.text],
                )?;
                Ok(self.conn.last_insert_rowid())
            },
        )
    }

    fn write_demand(
        &self,
        position: usize,
        demand: &Demand,
        key: i64,
        demand_id: i64,
        actor_id: &impl Fn(Option<ActorRef>) -> Option<i64>,
        meeting_report_id: Option<i64>,
    ) -> Result<i64, KbError> {
        let answer = demand.answer.as_ref();
        let event = demand.event.as_ref();
        let answer_event = answer.and_then(|a| a.event.as_ref());
        exec(
            self.conn,
            "INSERT INTO demand_reports (demand_id, article_id, position, by_actor_id, by_party_id, \
             of_actor_id, of_party_id, text, text_hash, cue, answer, answered_by_id, answer_date, \
             date, date_precision, date_phrase, meeting_report_id, cameo_code, plover_category, \
             plover_mode, answer_cameo_code, answer_plover_category) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, \
             ?18, ?19, ?20, ?21, ?22)",
            params![
                demand_id,
                self.article_id,
                position as i64,
                actor_id(demand.by),
                actor_id(demand.by_party),
                actor_id(demand.of),
                actor_id(demand.of_party),
                demand.text,
                key,
                demand.cue,
                answer.map_or("unknown", |a| a.kind.as_str()),
                actor_id(answer.and_then(|a| a.by)),
                answer.and_then(|a| a.date).map(|d| d.to_string()),
                demand.when.date.map(|d| d.to_string()),
                precision_of(demand.when.date).as_str(),
                demand.when.phrase,
                meeting_report_id,
                event.map(|e| e.cameo.as_str()),
                event.and_then(|e| e.plover.as_deref()),
                event.and_then(|e| e.plover_mode.as_deref()),
                answer_event.map(|e| e.cameo.as_str()),
                answer_event.and_then(|e| e.plover.as_deref()),
            ],
        )?;
        let id = self.conn.last_insert_rowid();
        self.write_evidence(Evidenced::DemandReport, id, &demand.evidence)?;
        Ok(id)
    }

    /// Where a statement's words are in the body, in characters: its first span of evidence of
    /// the fact where that shows them, else their first place in the body (as recomputing the
    /// statement finds them, `refresh_statements`); `None` when the body does not hold them.
    fn words_in_body(&self, text: &str, evidence: &[Evidence]) -> Option<Words> {
        if let Some(fact) = evidence
            .iter()
            .find(|e| e.aspect == crate::extract::Aspect::Fact)
            && self.body_slice(fact.span.start, fact.span.end) == Some(text)
        {
            return Some(Words::Shown((fact.span.start, fact.span.end)));
        }
        let at = self.body.find(text)?;
        let start = match &self.char_starts {
            None => at,
            Some(starts) => starts.binary_search(&at).ok()?,
        };
        Some(Words::At(start, start + text.chars().count()))
    }

    /// The body's characters `start..end`.
    fn body_slice(&self, start: usize, end: usize) -> Option<&str> {
        char_slice(self.body, self.char_starts.as_deref(), start, end)
    }

    fn write_evidence(
        &self,
        what: Evidenced,
        id: i64,
        evidence: &[Evidence],
    ) -> Result<(), KbError> {
        let mut insert = self.conn.prepare_cached(&format!(
            "INSERT INTO evidence_spans (article_id, {}, aspect, span_start, span_end) \
             VALUES (?1, ?2, ?3, ?4, ?5)",
            what.column()
        ))?;
        for item in evidence {
            let Span { start, end } = item.span;
            if start > end || end > self.body_chars {
                return Err(KbError::SpanOutOfBody {
                    start,
                    end,
                    len: self.body_chars,
                });
            }
            insert.execute(params![
                self.article_id,
                id,
                item.aspect.as_str(),
                start as i64,
                end as i64
            ])?;
        }
        Ok(())
    }
}

/// Where a statement's words are in the article body, in characters.
enum Words {
    /// The first span of evidence of the fact shows them.
    Shown((usize, usize)),
    /// They are at these characters of the body, which the span of evidence does not show.
    At(usize, usize),
}

/// Where each character of `text` begins, in bytes, and its length after the last; `None` when
/// it is ASCII, so that its characters are its bytes.
fn char_starts(text: &str) -> Option<Vec<usize>> {
    (!text.is_ascii()).then(|| {
        text.char_indices()
            .map(|(i, _)| i)
            .chain(std::iter::once(text.len()))
            .collect()
    })
}

/// The characters `start..end` of `text` (counted in characters, as evidence spans are), when
/// it has them; `starts` is [`char_starts`] of `text`.
fn char_slice<'t>(
    text: &'t str,
    starts: Option<&[usize]>,
    start: usize,
    end: usize,
) -> Option<&'t str> {
    if start > end {
        return None;
    }
    match starts {
        None => text.get(start..end),
        Some(starts) => text.get(*starts.get(start)?..*starts.get(end)?),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_keys_ignore_case_punctuation_and_quote_marks() {
        assert_eq!(
            text_key("“We can discuss many issues,” but"),
            text_key("\"we can discuss many issues\" — BUT")
        );
        assert_eq!(text_key("U.S.-Russia"), "u s russia");
        assert_eq!(
            text_key("  ,Two  words, 2 digits 42. "),
            "two words 2 digits 42"
        );
        assert_eq!(text_key("Ünïcode  Words, 2"), "ünïcode words 2");
        assert_eq!(text_key(" ... "), "");
        // As splitting into words and folding each gives them.
        for text in [
            "“We’re ready,” said Álvarez — ÉTÉ 2022.",
            "İstanbul ß Σ",
            "a\u{300}b c",
        ] {
            let words: Vec<String> = text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(|w| w.chars().flat_map(char::to_lowercase).collect())
                .collect();
            assert_eq!(text_key(text), words.join(" "), "{text}");
        }
    }

    /// Stored hashes must not change between versions: this is the hash schema V6 gave to
    /// every report stored before it.
    #[test]
    fn key_hashes_are_the_first_bytes_of_sha256() {
        // SHA-256 of "abc" begins ba7816bf8f01cfea.
        assert_eq!(key_hash("abc"), 0xba78_16bf_8f01_cfea_u64 as i64);
        assert_ne!(key_hash("we can discuss"), key_hash("we can discuss it"));
    }

    #[test]
    fn character_slices_count_characters_not_bytes() {
        let body = "“Yes,” said Álvarez.";
        let starts = char_starts(body);
        let slice = |start, end| char_slice(body, starts.as_deref(), start, end);
        assert_eq!(slice(1, 4), Some("Yes"));
        assert_eq!(slice(12, 19), Some("Álvarez"));
        assert_eq!(slice(3, 3), Some(""));
        assert_eq!(slice(0, 20), Some(body));
        assert_eq!(slice(0, 21), None);
        assert_eq!(slice(4, 2), None);
        let ascii = "\"Yes,\" said Alvarez.";
        assert_eq!(char_starts(ascii), None);
        assert_eq!(char_slice(ascii, None, 12, 19), Some("Alvarez"));
        assert_eq!(char_slice(ascii, None, 0, 20), Some(ascii));
        assert_eq!(char_slice(ascii, None, 0, 21), None);
        assert_eq!(char_slice(ascii, None, 4, 2), None);
    }
}
