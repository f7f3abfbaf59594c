//! Writing articles and their facts.

use std::path::Path;

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Transaction, params};

use super::{KbError, alias_key, schema};
use crate::extract::{
    Actor, ActorRef, Demand, Evidence, Extraction, Meeting, Place, Span, Statement,
};
use crate::source::{Article, Warning};
use crate::text::date::precision_of;

/// A writable knowledge base.
pub struct Store {
    conn: Connection,
}

/// How many facts of each kind one article gave.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FactCounts {
    pub meetings: usize,
    pub statements: usize,
    pub demands: usize,
}

impl std::ops::AddAssign for FactCounts {
    fn add_assign(&mut self, other: FactCounts) {
        self.meetings += other.meetings;
        self.statements += other.statements;
        self.demands += other.demands;
    }
}

/// An article as stored, for re-extraction.
#[derive(Debug, Clone)]
pub struct StoredArticle {
    pub id: i64,
    pub title: String,
    pub published: Option<NaiveDate>,
    pub body: String,
    pub origin: String,
}

impl StoredArticle {
    /// What extraction reads of this article.
    pub fn extract_input(&self) -> crate::extract::Input<'_> {
        crate::extract::Input {
            title: &self.title,
            body: &self.body,
            published: self.published,
        }
    }
}

/// Which foreign key of `evidence_spans` a span belongs to.
#[derive(Clone, Copy)]
enum FactColumn {
    Meeting,
    Statement,
    Demand,
    PersonRole,
}

impl FactColumn {
    fn name(self) -> &'static str {
        match self {
            FactColumn::Meeting => "meeting_id",
            FactColumn::Statement => "statement_id",
            FactColumn::Demand => "demand_id",
            FactColumn::PersonRole => "person_role_id",
        }
    }

    fn table(self) -> &'static str {
        match self {
            FactColumn::Meeting => "meetings",
            FactColumn::Statement => "statements",
            FactColumn::Demand => "demands",
            FactColumn::PersonRole => "person_roles",
        }
    }

    const ALL: [FactColumn; 4] = [
        FactColumn::Meeting,
        FactColumn::Statement,
        FactColumn::Demand,
        FactColumn::PersonRole,
    ];
}

impl Store {
    /// Opens or creates the database at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Store, KbError> {
        Ok(Store {
            conn: schema::open_for_write(path)?,
        })
    }

    /// The id of the stored article with this body hash, if there is one.
    pub fn find_article(&self, content_hash: &str) -> Result<Option<i64>, KbError> {
        Ok(self
            .conn
            .query_row(
                "SELECT id FROM articles WHERE content_sha256 = ?1",
                [content_hash],
                |row| row.get(0),
            )
            .optional()?)
    }

    /// Stores a new article with its facts, all or nothing. Returns the article's id.
    pub fn add_article(
        &mut self,
        article: &Article,
        extraction: &Extraction,
    ) -> Result<(i64, FactCounts), KbError> {
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO articles (title, published, published_precision, source, url, body, \
             content_sha256, origin, extractor_version) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                article.title,
                article.published.map(|d| d.format("%Y-%m-%d").to_string()),
                if article.published.is_some() {
                    "day"
                } else {
                    "unknown"
                },
                article.source,
                article.url,
                article.body,
                article.content_hash(),
                article.origin,
                crate::VERSION,
            ],
        )?;
        let article_id = tx.last_insert_rowid();
        write_source_warnings(&tx, article_id, &article.warnings)?;
        let facts = FactWriter::new(&tx, article_id, article.published, &article.body);
        let counts = facts.write(extraction)?;
        tx.commit()?;
        Ok((article_id, counts))
    }

    /// Replaces the facts extracted from a stored article, all or nothing. Facts that other
    /// articles also report keep those sources; facts only this article reported go.
    pub fn replace_facts(
        &mut self,
        article_id: i64,
        extraction: &Extraction,
    ) -> Result<FactCounts, KbError> {
        let tx = self.conn.transaction()?;
        let (published, body): (Option<String>, String) = tx.query_row(
            "SELECT published, body FROM articles WHERE id = ?1",
            [article_id],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )?;
        remove_facts_of(&tx, article_id)?;
        let published = published.and_then(|p| NaiveDate::parse_from_str(&p, "%Y-%m-%d").ok());
        let counts = FactWriter::new(&tx, article_id, published, &body).write(extraction)?;
        tx.execute(
            "UPDATE articles SET extractor_version = ?2, \
             extracted_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1",
            params![article_id, crate::VERSION],
        )?;
        tx.commit()?;
        Ok(counts)
    }

    /// Every stored article's id, oldest first.
    pub fn article_ids(&self) -> Result<Vec<i64>, KbError> {
        let mut statement = self.conn.prepare("SELECT id FROM articles ORDER BY id")?;
        let ids = statement
            .query_map([], |row| row.get(0))?
            .collect::<Result<_, _>>()?;
        Ok(ids)
    }

    pub fn article(&self, id: i64) -> Result<StoredArticle, KbError> {
        Ok(self.conn.query_row(
            "SELECT id, title, published, body, origin FROM articles WHERE id = ?1",
            [id],
            |row| {
                let published: Option<String> = row.get(2)?;
                Ok(StoredArticle {
                    id: row.get(0)?,
                    title: row.get(1)?,
                    published: published
                        .and_then(|p| NaiveDate::parse_from_str(&p, "%Y-%m-%d").ok()),
                    body: row.get(3)?,
                    origin: row.get(4)?,
                })
            },
        )?)
    }

    /// The connection, for tests and read queries run while writing.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }
}

fn write_source_warnings(
    tx: &Transaction<'_>,
    article_id: i64,
    warnings: &[Warning],
) -> Result<(), KbError> {
    let mut insert = tx.prepare_cached(
        "INSERT INTO diagnostics (article_id, stage, severity, code, message) \
         VALUES (?1, 'source', 'warning', ?2, ?3)",
    )?;
    for warning in warnings {
        insert.execute(params![article_id, warning.code, warning.message])?;
    }
    Ok(())
}

/// Deletes an article's evidence and extraction diagnostics, then every fact left without
/// evidence from any article.
fn remove_facts_of(tx: &Transaction<'_>, article_id: i64) -> Result<(), KbError> {
    let mut touched: Vec<(FactColumn, i64)> = Vec::new();
    for column in FactColumn::ALL {
        let mut select = tx.prepare(&format!(
            "SELECT DISTINCT {0} FROM evidence_spans WHERE article_id = ?1 AND {0} IS NOT NULL",
            column.name()
        ))?;
        let ids = select.query_map([article_id], |row| row.get::<_, i64>(0))?;
        for id in ids {
            touched.push((column, id?));
        }
    }
    tx.execute(
        "DELETE FROM evidence_spans WHERE article_id = ?1",
        [article_id],
    )?;
    tx.execute(
        "DELETE FROM diagnostics WHERE article_id = ?1 AND stage = 'extract'",
        [article_id],
    )?;
    for (column, id) in touched {
        tx.execute(
            &format!(
                "DELETE FROM {table} WHERE id = ?1 \
                 AND NOT EXISTS (SELECT 1 FROM evidence_spans WHERE {column} = ?1)",
                table = column.table(),
                column = column.name()
            ),
            [id],
        )?;
    }
    Ok(())
}

/// Writes one article's extraction inside a transaction the caller owns.
struct FactWriter<'a> {
    tx: &'a Transaction<'a>,
    article_id: i64,
    published: Option<String>,
    body_chars: usize,
}

impl<'a> FactWriter<'a> {
    fn new(
        tx: &'a Transaction<'a>,
        article_id: i64,
        published: Option<NaiveDate>,
        body: &str,
    ) -> FactWriter<'a> {
        FactWriter {
            tx,
            article_id,
            published: published.map(|d| d.format("%Y-%m-%d").to_string()),
            body_chars: body.chars().count(),
        }
    }

    fn write(&self, extraction: &Extraction) -> Result<FactCounts, KbError> {
        let mut actor_ids = Vec::with_capacity(extraction.actors.len());
        for actor in &extraction.actors {
            actor_ids.push(self.resolve_actor(actor)?);
        }
        let actor_id = |actor: Option<ActorRef>| actor.and_then(|r| actor_ids.get(r.0).copied());
        for (actor, &id) in extraction.actors.iter().zip(&actor_ids) {
            for role in &actor.roles {
                let affiliation = actor_id(role.affiliation);
                self.write_role(id, role.title.as_deref(), affiliation, role.span)?;
            }
        }
        let mut meeting_ids = Vec::with_capacity(extraction.meetings.len());
        for meeting in &extraction.meetings {
            meeting_ids.push(self.write_meeting(meeting, &actor_id)?);
        }
        let meeting_id = |meeting: Option<crate::extract::MeetingRef>| {
            meeting.and_then(|r| meeting_ids.get(r.0).copied())
        };
        for statement in &extraction.statements {
            self.write_statement(statement, &actor_id, meeting_id(statement.meeting))?;
        }
        for demand in &extraction.demands {
            self.write_demand(demand, &actor_id, meeting_id(demand.meeting))?;
        }
        let mut insert = self.tx.prepare_cached(
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
        Ok(FactCounts {
            meetings: extraction.meetings.len(),
            statements: extraction.statements.len(),
            demands: extraction.demands.len(),
        })
    }

    /// Finds the stored actor this one is, or stores it: by state code or Wikidata item first,
    /// then by kind and canonical name, then by kind and a known alias.
    fn resolve_actor(&self, actor: &Actor) -> Result<i64, KbError> {
        let tx = self.tx;
        let by_code = |column: &str, code: &Option<String>| -> rusqlite::Result<Option<i64>> {
            match code {
                Some(code) => tx
                    .query_row(
                        &format!("SELECT id FROM actors WHERE {column} = ?1"),
                        [code],
                        |row| row.get(0),
                    )
                    .optional(),
                None => Ok(None),
            }
        };
        let kind = actor.kind.as_str();
        let found = match by_code("iso3", &actor.iso3)? {
            Some(id) => Some(id),
            None => by_code("wikidata_qid", &actor.wikidata_qid)?,
        };
        let found = match found {
            Some(id) => Some(id),
            None => tx
                .query_row(
                    "SELECT id FROM actors WHERE kind = ?1 AND name = ?2 ORDER BY id LIMIT 1",
                    [kind, &actor.name],
                    |row| row.get(0),
                )
                .optional()?,
        };
        let found = match found {
            Some(id) => Some(id),
            None => tx
                .query_row(
                    "SELECT actors.id FROM actor_aliases JOIN actors ON actors.id = actor_aliases.actor_id \
                     WHERE actor_aliases.alias_key = ?1 AND actors.kind = ?2 \
                     ORDER BY actors.id LIMIT 1",
                    [alias_key(&actor.name).as_str(), kind],
                    |row| row.get(0),
                )
                .optional()?,
        };
        let id = match found {
            Some(id) => {
                // Codes fill in where the stored actor lacked them; they never overwrite.
                tx.execute(
                    "UPDATE actors SET iso3 = coalesce(iso3, ?2), \
                     wikidata_qid = coalesce(wikidata_qid, ?3), cameo_code = coalesce(cameo_code, ?4) \
                     WHERE id = ?1",
                    params![id, actor.iso3, actor.wikidata_qid, actor.cameo_code],
                )?;
                id
            }
            None => {
                tx.execute(
                    "INSERT INTO actors (kind, name, iso3, wikidata_qid, cameo_code) \
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![
                        kind,
                        actor.name,
                        actor.iso3,
                        actor.wikidata_qid,
                        actor.cameo_code
                    ],
                )?;
                tx.last_insert_rowid()
            }
        };
        let mut insert_alias = tx.prepare_cached(
            "INSERT OR IGNORE INTO actor_aliases (actor_id, alias, alias_key, kind, origin) \
             VALUES (?1, ?2, ?3, 'name', 'article')",
        )?;
        for alias in std::iter::once(&actor.name).chain(&actor.aliases) {
            insert_alias.execute(params![id, alias, alias_key(alias)])?;
        }
        Ok(id)
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
        let existing: Option<i64> = self
            .tx
            .query_row(
                "SELECT id FROM person_roles WHERE person_id = ?1 AND title IS ?2 \
                 AND affiliation_id IS ?3",
                params![person_id, title, affiliation_id],
                |row| row.get(0),
            )
            .optional()?;
        let role_id = match existing {
            Some(id) => {
                self.tx.execute(
                    "UPDATE person_roles SET \
                     first_seen = CASE WHEN first_seen IS NULL OR ?2 < first_seen THEN ?2 ELSE first_seen END, \
                     last_seen = CASE WHEN last_seen IS NULL OR ?2 > last_seen THEN ?2 ELSE last_seen END \
                     WHERE id = ?1 AND ?2 IS NOT NULL",
                    params![id, self.published],
                )?;
                id
            }
            None => {
                self.tx.execute(
                    "INSERT INTO person_roles (person_id, title, affiliation_id, first_seen, last_seen) \
                     VALUES (?1, ?2, ?3, ?4, ?4)",
                    params![person_id, title, affiliation_id, self.published],
                )?;
                self.tx.last_insert_rowid()
            }
        };
        self.write_evidence(
            FactColumn::PersonRole,
            role_id,
            &[Evidence {
                aspect: crate::extract::Aspect::Fact,
                span,
            }],
        )
    }

    fn write_meeting(
        &self,
        meeting: &Meeting,
        actor_id: &impl Fn(Option<ActorRef>) -> Option<i64>,
    ) -> Result<i64, KbError> {
        let place_id = match &meeting.place {
            Some(place) => Some(self.resolve_place(place)?),
            None => None,
        };
        self.tx.execute(
            "INSERT INTO meetings (label, kind, mode, scope, status, date, date_precision, \
             date_phrase, end_date, place_id, outcome) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            params![
                meeting.label,
                meeting.kind,
                meeting.mode.as_str(),
                meeting.scope(),
                meeting.status.as_str(),
                meeting.when.date.map(|d| d.to_string()),
                precision_of(meeting.when.date).as_str(),
                meeting.when.phrase,
                meeting.when.end.map(|d| d.to_string()),
                place_id,
                meeting.outcome,
            ],
        )?;
        let meeting_id = self.tx.last_insert_rowid();
        // A party both named and implied is named.
        let mut insert = self.tx.prepare_cached(
            "INSERT INTO meeting_participants (meeting_id, actor_id, role, implied) \
             VALUES (?1, ?2, ?3, ?4) \
             ON CONFLICT (meeting_id, actor_id) DO UPDATE SET implied = min(implied, excluded.implied)",
        )?;
        for participant in &meeting.participants {
            if let Some(id) = actor_id(Some(participant.actor)) {
                insert.execute(params![
                    meeting_id,
                    id,
                    participant.role,
                    participant.implied
                ])?;
            }
        }
        self.write_evidence(FactColumn::Meeting, meeting_id, &meeting.evidence)?;
        Ok(meeting_id)
    }

    fn resolve_place(&self, place: &Place) -> Result<i64, KbError> {
        let found: Option<i64> = self
            .tx
            .query_row(
                "SELECT id FROM places WHERE name = ?1 AND kind = ?2 \
                 AND ifnull(country_iso3, '') = ifnull(?3, '')",
                params![place.name, place.kind.as_str(), place.country_iso3],
                |row| row.get(0),
            )
            .optional()?;
        if let Some(id) = found {
            return Ok(id);
        }
        self.tx.execute(
            "INSERT INTO places (name, kind, country_iso3) VALUES (?1, ?2, ?3)",
            params![place.name, place.kind.as_str(), place.country_iso3],
        )?;
        Ok(self.tx.last_insert_rowid())
    }

    fn write_statement(
        &self,
        statement: &Statement,
        actor_id: &impl Fn(Option<ActorRef>) -> Option<i64>,
        meeting_id: Option<i64>,
    ) -> Result<(), KbError> {
        self.tx.execute(
            "INSERT INTO statements (speaker_id, speaker_party_id, kind, text, verb, date, \
             date_precision, date_phrase, meeting_id) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                actor_id(statement.speaker),
                actor_id(statement.speaker_party),
                statement.kind.as_str(),
                statement.text,
                statement.verb,
                statement.when.date.map(|d| d.to_string()),
                precision_of(statement.when.date).as_str(),
                statement.when.phrase,
                meeting_id,
            ],
        )?;
        let id = self.tx.last_insert_rowid();
        self.write_evidence(FactColumn::Statement, id, &statement.evidence)
    }

    fn write_demand(
        &self,
        demand: &Demand,
        actor_id: &impl Fn(Option<ActorRef>) -> Option<i64>,
        meeting_id: Option<i64>,
    ) -> Result<(), KbError> {
        let answer = demand.answer.as_ref();
        self.tx.execute(
            "INSERT INTO demands (by_actor_id, by_party_id, of_actor_id, of_party_id, text, cue, \
             answer, answered_by_id, answer_date, date, date_precision, date_phrase, meeting_id) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            params![
                actor_id(demand.by),
                actor_id(demand.by_party),
                actor_id(demand.of),
                actor_id(demand.of_party),
                demand.text,
                demand.cue,
                answer.map_or("unknown", |a| a.kind.as_str()),
                actor_id(answer.and_then(|a| a.by)),
                answer.and_then(|a| a.date).map(|d| d.to_string()),
                demand.when.date.map(|d| d.to_string()),
                precision_of(demand.when.date).as_str(),
                demand.when.phrase,
                meeting_id,
            ],
        )?;
        let id = self.tx.last_insert_rowid();
        self.write_evidence(FactColumn::Demand, id, &demand.evidence)
    }

    fn write_evidence(
        &self,
        column: FactColumn,
        fact_id: i64,
        evidence: &[Evidence],
    ) -> Result<(), KbError> {
        let mut insert = self.tx.prepare_cached(&format!(
            "INSERT INTO evidence_spans (article_id, {}, aspect, span_start, span_end) \
             VALUES (?1, ?2, ?3, ?4, ?5)",
            column.name()
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
                fact_id,
                item.aspect.as_str(),
                start as i64,
                end as i64
            ])?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{
        ActorKind, Answer, AnswerKind, Aspect, MeetingMode, MeetingRef, MeetingStatus, Participant,
        PlaceKind, Role, StatementKind, When,
    };
    use crate::text::PartialDate;

    const BODY: &str = "NATO allies and Russia met in Brussels on Wednesday. \
        “We can discuss many issues,” said Jens Stoltenberg. \
        Russia demands the withdrawal of NATO forces; the West rejected that.";

    /// The character span of `needle` in `BODY`.
    fn span_of(needle: &str) -> Span {
        let byte = BODY.find(needle).unwrap();
        let start = BODY[..byte].chars().count();
        Span {
            start,
            end: start + needle.chars().count(),
        }
    }

    fn evidence(needle: &str) -> Vec<Evidence> {
        vec![Evidence {
            aspect: Aspect::Fact,
            span: span_of(needle),
        }]
    }

    fn article(body: &str) -> Article {
        Article {
            title: "Talks".into(),
            published: NaiveDate::from_ymd_opt(2022, 1, 12),
            source: None,
            url: None,
            body: body.into(),
            origin: "test".into(),
            warnings: vec![],
        }
    }

    fn extraction() -> Extraction {
        let mut russia = Actor::new(ActorKind::State, "Russia");
        russia.iso3 = Some("RUS".into());
        russia.aliases.push("Moscow".into());
        let nato = Actor::new(ActorKind::Organisation, "NATO");
        let mut stoltenberg = Actor::new(ActorKind::Person, "Jens Stoltenberg");
        stoltenberg.roles.push(Role {
            title: Some("Secretary General".into()),
            affiliation: Some(ActorRef(1)),
            span: span_of("Jens Stoltenberg"),
        });
        let day = PartialDate::parse_iso("2022-01-12");
        Extraction {
            actors: vec![russia, nato, stoltenberg],
            meetings: vec![Meeting {
                label: Some("NATO-Russia Council".into()),
                kind: "session".into(),
                mode: MeetingMode::InPerson,
                status: MeetingStatus::Held,
                when: When {
                    date: day,
                    end: None,
                    phrase: Some("on Wednesday".into()),
                },
                place: Some(Place {
                    name: "Brussels".into(),
                    kind: PlaceKind::City,
                    country_iso3: Some("BEL".into()),
                }),
                participants: vec![
                    Participant {
                        actor: ActorRef(0),
                        role: "participant".into(),
                        implied: false,
                    },
                    Participant {
                        actor: ActorRef(1),
                        role: "participant".into(),
                        implied: true,
                    },
                    Participant {
                        actor: ActorRef(1),
                        role: "participant".into(),
                        implied: false,
                    },
                ],
                outcome: None,
                evidence: evidence("NATO allies and Russia met in Brussels on Wednesday."),
            }],
            statements: vec![Statement {
                speaker: Some(ActorRef(2)),
                speaker_party: Some(ActorRef(1)),
                kind: StatementKind::Direct,
                text: "We can discuss many issues,".into(),
                verb: Some("said".into()),
                when: When {
                    date: day,
                    ..When::default()
                },
                meeting: Some(MeetingRef(0)),
                evidence: evidence("We can discuss many issues,"),
            }],
            demands: vec![Demand {
                by: Some(ActorRef(0)),
                by_party: None,
                of: Some(ActorRef(1)),
                of_party: None,
                text: "the withdrawal of NATO forces".into(),
                cue: Some("demands".into()),
                answer: Some(Answer {
                    kind: AnswerKind::Rejected,
                    by: Some(ActorRef(1)),
                    date: day,
                }),
                when: When::default(),
                meeting: None,
                evidence: evidence("Russia demands the withdrawal of NATO forces"),
            }],
            diagnostics: vec![],
        }
    }

    fn count(store: &Store, table: &str) -> i64 {
        store
            .connection()
            .query_row(&format!("SELECT count(*) FROM {table}"), [], |row| {
                row.get(0)
            })
            .unwrap()
    }

    fn open() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("kb.sqlite")).unwrap();
        (dir, store)
    }

    #[test]
    fn facts_are_stored_with_spans_that_sql_tools_can_read() {
        let (_dir, mut store) = open();
        let (id, counts) = store.add_article(&article(BODY), &extraction()).unwrap();
        assert_eq!(
            counts,
            FactCounts {
                meetings: 1,
                statements: 1,
                demands: 1
            }
        );
        let conn = store.connection();
        let quote: String = conn
            .query_row(
                "SELECT substr(a.body, e.span_start + 1, e.span_end - e.span_start) \
                 FROM evidence_spans AS e JOIN articles AS a ON a.id = e.article_id \
                 WHERE e.statement_id IS NOT NULL AND a.id = ?1",
                [id],
                |row| row.get(0),
            )
            .unwrap();
        assert_eq!(quote, "We can discuss many issues,");
        // NATO was listed implied and named: named wins.
        let implied: i64 = conn
            .query_row("SELECT sum(implied) FROM meeting_participants", [], |row| {
                row.get(0)
            })
            .unwrap();
        assert_eq!(implied, 0);
        let timeline: Vec<(String, String, String)> = conn
            .prepare("SELECT event, summary, ifnull(actors, '') FROM timeline")
            .unwrap()
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(
            timeline[0],
            (
                "meeting".into(),
                "NATO-Russia Council".into(),
                "NATO; Russia".into()
            )
        );
        let rejected: i64 = conn
            .query_row(
                "SELECT events FROM relationships WHERE actor = 'NATO' AND other = 'Russia' \
                 AND relation = 'rejected_demand_of'",
                [],
                |row| row.get(0),
            )
            .unwrap();
        assert_eq!(rejected, 1);
        let role: (String, String, String) = conn
            .query_row(
                "SELECT r.title, a.name, r.first_seen FROM person_roles AS r \
                 JOIN actors AS a ON a.id = r.affiliation_id",
                [],
                |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
            )
            .unwrap();
        assert_eq!(
            role,
            (
                "Secretary General".into(),
                "NATO".into(),
                "2022-01-12".into()
            )
        );
        let hits: i64 = conn
            .query_row(
                "SELECT count(*) FROM statements_fts WHERE statements_fts MATCH 'discuss'",
                [],
                |row| row.get(0),
            )
            .unwrap();
        assert_eq!(hits, 1);
    }

    #[test]
    fn actors_resolve_across_articles_by_code_name_and_alias() {
        let (_dir, mut store) = open();
        store.add_article(&article(BODY), &extraction()).unwrap();
        let mut moscow = Actor::new(ActorKind::State, "Moscow");
        moscow.aliases.push("the Kremlin".into());
        let other = Extraction {
            actors: vec![moscow, Actor::new(ActorKind::Organisation, "NATO")],
            ..Extraction::default()
        };
        store
            .add_article(&article("Moscow and NATO talked."), &other)
            .unwrap();
        assert_eq!(count(&store, "actors"), 3);
        let aliases: i64 = store
            .connection()
            .query_row(
                "SELECT count(*) FROM actor_aliases JOIN actors ON actors.id = actor_id \
                 WHERE actors.name = 'Russia'",
                [],
                |row| row.get(0),
            )
            .unwrap();
        assert_eq!(aliases, 3, "Russia, Moscow, the Kremlin");
    }

    #[test]
    fn replacing_facts_is_idempotent_and_keeps_the_article() {
        let (_dir, mut store) = open();
        let (id, _) = store.add_article(&article(BODY), &extraction()).unwrap();
        let tables = [
            "articles",
            "meetings",
            "meeting_participants",
            "statements",
            "demands",
            "evidence_spans",
            "person_roles",
            "actors",
        ];
        let before: Vec<i64> = tables.iter().map(|t| count(&store, t)).collect();
        store.replace_facts(id, &extraction()).unwrap();
        store.replace_facts(id, &extraction()).unwrap();
        let after: Vec<i64> = tables.iter().map(|t| count(&store, t)).collect();
        assert_eq!(before, after);
        store.replace_facts(id, &Extraction::default()).unwrap();
        for table in [
            "meetings",
            "statements",
            "demands",
            "evidence_spans",
            "person_roles",
        ] {
            assert_eq!(count(&store, table), 0, "{table}");
        }
        assert_eq!(count(&store, "articles"), 1);
    }

    #[test]
    fn a_bad_span_stores_nothing_of_the_article() {
        let (_dir, mut store) = open();
        let mut bad = extraction();
        bad.statements[0].evidence[0].span = Span {
            start: 0,
            end: BODY.chars().count() + 1,
        };
        let err = store.add_article(&article(BODY), &bad).unwrap_err();
        assert!(matches!(err, KbError::SpanOutOfBody { .. }), "{err}");
        for table in ["articles", "meetings", "actors", "evidence_spans"] {
            assert_eq!(count(&store, table), 0, "{table}");
        }
    }
}
