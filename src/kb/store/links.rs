//! Keeping `relation_links` and `relation_pairs` (schema V13, smaller since V14) up to date:
//! takes the meetings and demands a transaction queued in `relation_pending`, writes their
//! links again, as the view `relationship_events` defines them, with one statement per kind of
//! link, and counts again each pair whose links went or came. The tables hold the relation as
//! a code of `relation_kinds` and the event as 0 (meeting) or 1 (demand).

use rusqlite::Connection;

use crate::kb::{KbError, exec};

/// Writes again the links of every meeting and demand whose participants, status, actors,
/// answer or dates the transaction changed (the triggers of schema V13 queue them), and empties
/// the queue; counts again in `relation_pairs` each pair whose links went or came. Runs before
/// every commit, so that between transactions `relation_links` holds exactly the rows of
/// `relationship_events`, by ids, and `relation_pairs` their counts per pair: functions of the
/// tables alone, whatever the order in which articles came.
pub(crate) fn apply_relation_pending(tx: &Connection) -> Result<(), KbError> {
    let pending: bool = tx
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM relation_pending)")?
        .query_row([], |row| row.get(0))?;
    if !pending {
        return Ok(());
    }
    let demand_makers = ["by_actor_id", "by_party_id"].map(|maker| {
        // A demand links whoever made it (the person, and the party they spoke for) to whoever
        // it was made of; the two makers are one link when they are the same actor.
        format!(
            "INSERT OR IGNORE INTO relation_links (actor_id, other_id, relation, event, event_id, date) \
             SELECT d.{maker}, coalesce(d.of_party_id, d.of_actor_id), \
                 (SELECT id FROM relation_kinds WHERE name = 'demanded_of'), 1, d.id, d.date \
             FROM relation_pending AS p JOIN demands AS d ON d.id = p.event_id \
             WHERE p.event = 'demand' AND d.{maker} IS NOT NULL \
                 AND coalesce(d.of_party_id, d.of_actor_id) IS NOT NULL \
                 AND d.{maker} <> coalesce(d.of_party_id, d.of_actor_id)"
        )
    });
    // The pairs of the links about to go, and then of those written, are counted again.
    const TOUCHED: &str = "INSERT OR IGNORE INTO relation_pairs_pending (actor_id, other_id, relation) \
         SELECT l.actor_id, l.other_id, l.relation FROM relation_pending AS p \
         CROSS JOIN relation_links AS l ON l.event = (p.event = 'demand') AND l.event_id = p.event_id";
    for sql in [
        TOUCHED,
        "DELETE FROM relation_links WHERE event = 0 AND event_id IN \
         (SELECT event_id FROM relation_pending WHERE event = 'meeting')",
        "DELETE FROM relation_links WHERE event = 1 AND event_id IN \
         (SELECT event_id FROM relation_pending WHERE event = 'demand')",
        // Meetings, both ways: parties only implied by a person's office met no one.
        "INSERT INTO relation_links (actor_id, other_id, relation, event, event_id, date) \
         SELECT a.actor_id, b.actor_id, (SELECT id FROM relation_kinds \
                 WHERE name = CASE m.status WHEN 'held' THEN 'met' ELSE 'meeting_' || m.status END), \
             0, m.id, m.date \
         FROM relation_pending AS p \
         JOIN meetings AS m ON m.id = p.event_id \
         JOIN meeting_participants AS a ON a.meeting_id = m.id \
         JOIN meeting_participants AS b ON b.meeting_id = m.id AND b.actor_id <> a.actor_id \
         WHERE p.event = 'meeting' AND a.implied = 0 AND b.implied = 0",
        demand_makers[0].as_str(),
        demand_makers[1].as_str(),
        // A rejection links who answered to whoever made the demand.
        "INSERT INTO relation_links (actor_id, other_id, relation, event, event_id, date) \
         SELECT d.answered_by_id, coalesce(d.by_party_id, d.by_actor_id), \
             (SELECT id FROM relation_kinds WHERE name = 'rejected_demand_of'), 1, d.id, \
             coalesce(d.answer_date, d.date) \
         FROM relation_pending AS p \
         JOIN demands AS d ON d.id = p.event_id \
         WHERE p.event = 'demand' AND d.answer = 'rejected' AND d.answered_by_id IS NOT NULL \
             AND coalesce(d.by_party_id, d.by_actor_id) IS NOT NULL \
             AND d.answered_by_id <> coalesce(d.by_party_id, d.by_actor_id)",
        TOUCHED,
        "DELETE FROM relation_pending",
        "DELETE FROM relation_pairs WHERE (actor_id, other_id, relation) IN \
         (SELECT actor_id, other_id, relation FROM relation_pairs_pending)",
        // A pair's links are one range of the table's key.
        "INSERT INTO relation_pairs (actor_id, other_id, relation, events, first_date, last_date) \
         SELECT t.actor_id, t.other_id, t.relation, count(*), min(l.date), max(l.date) \
         FROM relation_pairs_pending AS t \
         CROSS JOIN relation_links AS l \
             ON l.actor_id = t.actor_id AND l.other_id = t.other_id AND l.relation = t.relation \
         GROUP BY t.actor_id, t.other_id, t.relation",
        "DELETE FROM relation_pairs_pending",
    ] {
        exec(tx, sql, [])?;
    }
    Ok(())
}
