//! The facts extraction produces and the knowledge base stores.

use serde::Serialize;

use crate::text::PartialDate;
pub use crate::text::event_codes::EventCode;

/// Everything extracted from one article.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Extraction {
    pub actors: Vec<Actor>,
    pub meetings: Vec<Meeting>,
    pub statements: Vec<Statement>,
    pub demands: Vec<Demand>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Index of an actor in [`Extraction::actors`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct ActorRef(pub usize);

/// Index of a meeting in [`Extraction::meetings`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct MeetingRef(pub usize);

/// A character range of the article body: `start` counted from 0, `end` one past the last.
/// Characters, not bytes, because SQL tools count characters: `substr(body, start + 1,
/// end - start)` shows the span in any of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    Person,
    State,
    Organisation,
    Group,
}

impl ActorKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::State => "state",
            ActorKind::Organisation => "organisation",
            ActorKind::Group => "group",
        }
    }
}

/// An actor as one article names it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Actor {
    pub kind: ActorKind,
    /// Canonical name: a person's full name as first introduced, a state's short English name.
    pub name: String,
    /// Other names the article used for it ("Stoltenberg", "Moscow").
    pub aliases: Vec<String>,
    pub iso3: Option<String>,
    pub wikidata_qid: Option<String>,
    pub cameo_code: Option<String>,
    /// Offices the article gives a person, with where it says so.
    pub roles: Vec<Role>,
}

impl Actor {
    pub fn new(kind: ActorKind, name: impl Into<String>) -> Actor {
        Actor {
            kind,
            name: name.into(),
            aliases: Vec::new(),
            iso3: None,
            wikidata_qid: None,
            cameo_code: None,
            roles: Vec::new(),
        }
    }
}

/// A person's office and affiliation as the article gives them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Role {
    pub title: Option<String>,
    pub affiliation: Option<ActorRef>,
    pub span: Span,
}

/// A date phrase resolved as far as the text allows. `date` is `None` when the phrase could not
/// be resolved (or there was none); `phrase` keeps the words either way.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct When {
    pub date: Option<PartialDate>,
    /// Last day of a range ("January 12-13").
    pub end: Option<PartialDate>,
    pub phrase: Option<String>,
}

/// What a piece of evidence shows about its fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Aspect {
    /// The sentence or quotation that states the fact.
    Fact,
    Date,
    Place,
    Participant,
    Speaker,
    Answer,
}

impl Aspect {
    pub fn as_str(self) -> &'static str {
        match self {
            Aspect::Fact => "fact",
            Aspect::Date => "date",
            Aspect::Place => "place",
            Aspect::Participant => "participant",
            Aspect::Speaker => "speaker",
            Aspect::Answer => "answer",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Evidence {
    pub aspect: Aspect,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MeetingStatus {
    Held,
    Planned,
    Proposed,
    Cancelled,
    Postponed,
}

impl MeetingStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            MeetingStatus::Held => "held",
            MeetingStatus::Planned => "planned",
            MeetingStatus::Proposed => "proposed",
            MeetingStatus::Cancelled => "cancelled",
            MeetingStatus::Postponed => "postponed",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MeetingMode {
    InPerson,
    Phone,
    Video,
    Unknown,
}

impl MeetingMode {
    pub fn as_str(self) -> &'static str {
        match self {
            MeetingMode::InPerson => "in_person",
            MeetingMode::Phone => "phone",
            MeetingMode::Video => "video",
            MeetingMode::Unknown => "unknown",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceKind {
    City,
    Country,
    Venue,
    Region,
}

impl PlaceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceKind::City => "city",
            PlaceKind::Country => "country",
            PlaceKind::Venue => "venue",
            PlaceKind::Region => "region",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Place {
    pub name: String,
    pub kind: PlaceKind,
    pub country_iso3: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Participant {
    pub actor: ActorRef,
    /// participant, host, guest, chair, delegation_head, delegation_member
    pub role: String,
    /// Only implied by a person's office or nationality, not named as a party.
    pub implied: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Meeting {
    pub label: Option<String>,
    /// meeting, talks, summit, session, dialogue, call, visit, meal, conference
    pub kind: String,
    pub mode: MeetingMode,
    pub status: MeetingStatus,
    pub when: When,
    pub place: Option<Place>,
    pub participants: Vec<Participant>,
    pub outcome: Option<String>,
    pub evidence: Vec<Evidence>,
}

impl Meeting {
    /// Two parties or more, counting only those named as parties.
    pub fn scope(&self) -> &'static str {
        let named = self.participants.iter().filter(|p| !p.implied).count();
        match named {
            0 | 1 => "unknown",
            2 => "bilateral",
            _ => "multilateral",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StatementKind {
    Direct,
    Indirect,
}

impl StatementKind {
    pub fn as_str(self) -> &'static str {
        match self {
            StatementKind::Direct => "direct",
            StatementKind::Indirect => "indirect",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Statement {
    /// `None` when the text names nobody ("officials said").
    pub speaker: Option<ActorRef>,
    /// The state or organisation the speaker spoke for.
    pub speaker_party: Option<ActorRef>,
    pub kind: StatementKind,
    pub text: String,
    pub verb: Option<String>,
    pub when: When,
    pub meeting: Option<MeetingRef>,
    pub evidence: Vec<Evidence>,
    /// CAMEO and PLOVER codes, from the reporting verb; set once the statement is complete.
    pub event: Option<EventCode>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AnswerKind {
    Accepted,
    Rejected,
    PartlyAccepted,
    RefusedComment,
}

impl AnswerKind {
    pub fn as_str(self) -> &'static str {
        match self {
            AnswerKind::Accepted => "accepted",
            AnswerKind::Rejected => "rejected",
            AnswerKind::PartlyAccepted => "partly_accepted",
            AnswerKind::RefusedComment => "refused_comment",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Answer {
    pub kind: AnswerKind,
    pub by: Option<ActorRef>,
    pub date: Option<PartialDate>,
    /// CAMEO and PLOVER codes of the answer (a rejection is 12x); `None` for "refused to comment".
    pub event: Option<EventCode>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Demand {
    /// Who made it: a person, or a party when no person is named.
    pub by: Option<ActorRef>,
    /// The state or organisation on whose behalf a person made it.
    pub by_party: Option<ActorRef>,
    /// Of whom; `None` when the text does not say.
    pub of: Option<ActorRef>,
    pub of_party: Option<ActorRef>,
    pub text: String,
    pub cue: Option<String>,
    pub answer: Option<Answer>,
    pub when: When,
    pub meeting: Option<MeetingRef>,
    pub evidence: Vec<Evidence>,
    /// CAMEO and PLOVER codes, from what is demanded; set once the demand is complete.
    pub event: Option<EventCode>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Info,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
        }
    }
}

/// Something extraction noticed but could not settle ("a quotation with no speaker").
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub code: &'static str,
    pub message: String,
    pub span: Option<Span>,
}
