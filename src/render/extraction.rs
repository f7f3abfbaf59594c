//! An extraction in the shape of `GOLD_FORMAT.md`, with evidence spans and resolved actors
//! added: what `dipkb extract --format json` prints.

use serde_json::{Value, json};

use crate::extract::{ActorRef, Evidence, Extraction, When};
use crate::source::Article;

pub fn to_json(article: &Article, extraction: &Extraction) -> Value {
    let body: Vec<char> = article.body.chars().collect();
    let name = |actor: Option<ActorRef>| -> Value {
        actor
            .and_then(|a| extraction.actors.get(a.0))
            .map_or(Value::Null, |a| Value::String(a.name.clone()))
    };
    let evidence = |items: &[Evidence]| -> Value {
        items
            .iter()
            .map(|e| {
                let text: String = body
                    .get(e.span.start..e.span.end.min(body.len()))
                    .unwrap_or_default()
                    .iter()
                    .collect();
                json!({"aspect": e.aspect, "start": e.span.start, "end": e.span.end, "text": text})
            })
            .collect()
    };
    let when = |when: &When| {
        json!({
            "date": when.date.map(|d| d.to_string()),
            "date_precision": crate::text::date::precision_of(when.date).as_str(),
            "date_phrase": when.phrase,
            "end_date": when.end.map(|d| d.to_string()),
        })
    };
    let meetings: Vec<Value> = extraction
        .meetings
        .iter()
        .map(|m| {
            let named: Vec<Value> = m
                .participants
                .iter()
                .filter(|p| !p.implied)
                .map(|p| name(Some(p.actor)))
                .collect();
            let implied: Vec<Value> = m
                .participants
                .iter()
                .filter(|p| p.implied)
                .map(|p| name(Some(p.actor)))
                .collect();
            let mut value = json!({
                "label": m.label,
                "date": m.when.date.map(|d| d.to_string()),
                "place": m.place.as_ref().map(|p| p.name.clone()),
                "status": m.status,
                "participants": named,
                "optional_participants": implied,
                "kind": m.kind,
                "mode": m.mode,
                "scope": m.scope(),
                "outcome": m.outcome,
                "when": when(&m.when),
                "evidence": evidence(&m.evidence),
            });
            if m.place.is_none() {
                value["place"] = Value::Null;
            }
            value
        })
        .collect();
    let statements: Vec<Value> = extraction
        .statements
        .iter()
        .map(|s| {
            json!({
                "speaker": name(s.speaker),
                "speaker_party": name(s.speaker_party),
                "kind": s.kind,
                "text": s.text,
                "verb": s.verb,
                "meeting": s.meeting.map(|m| m.0),
                "event": s.event,
                "when": when(&s.when),
                "evidence": evidence(&s.evidence),
            })
        })
        .collect();
    let demands: Vec<Value> = extraction
        .demands
        .iter()
        .map(|d| {
            json!({
                "by": name(d.by),
                "by_party": name(d.by_party),
                "of": name(d.of),
                "of_party": name(d.of_party),
                "text": d.text,
                "cue": d.cue,
                "answer": d.answer.as_ref().map(|a| json!({
                    "kind": a.kind,
                    "by": name(a.by),
                    "date": a.date.map(|d| d.to_string()),
                    "event": a.event,
                })),
                "meeting": d.meeting.map(|m| m.0),
                "event": d.event,
                "when": when(&d.when),
                "evidence": evidence(&d.evidence),
            })
        })
        .collect();
    let actors: Vec<Value> = extraction
        .actors
        .iter()
        .map(|a| {
            json!({
                "kind": a.kind,
                "name": a.name,
                "aliases": a.aliases,
                "iso3": a.iso3,
                "wikidata_qid": a.wikidata_qid,
                "cameo_code": a.cameo_code,
                "roles": a.roles.iter().map(|r| json!({
                    "title": r.title,
                    "affiliation": name(r.affiliation),
                    "start": r.span.start,
                    "end": r.span.end,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({
        "article": {
            "title": article.title,
            "published": article.published.map(|d| d.format("%Y-%m-%d").to_string()),
            "source": article.source,
            "url": article.url,
        },
        "meetings": meetings,
        "statements": statements,
        "demands": demands,
        "actors": actors,
        "diagnostics": extraction.diagnostics,
    })
}
