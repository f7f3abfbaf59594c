//! Combining meeting reports into meetings: takes the ids of new reports (and meetings whose
//! parties changed), regroups their neighbourhood from scratch or joins each new report to the
//! meeting it fits best, assigns each group a meeting, and gives what changed
//! ([`MeetingChanges`]) after recomputing those meetings ([`super::meeting_refresh`]).

use std::collections::BTreeSet;

use rusqlite::{Connection, params};

use super::meeting_candidates::{load_meeting_reports, meetings_near, neighbourhood};
use super::meeting_fit::{MeetingReport, group_meetings};
use super::meeting_refresh::refresh_meeting;
use super::{Assigned, Fact, assign, delete_if_unreported};
use crate::kb::KbError;

/// What consolidating meetings changed.
#[derive(Debug, Default)]
pub struct MeetingChanges {
    /// Meetings recomputed.
    pub meetings: BTreeSet<i64>,
    /// Reports (other than the new ones) that moved to another meeting: what was said at them
    /// may now belong to another meeting.
    pub moved: Vec<i64>,
}

/// Existing meetings stay as they are; each new report, in the order of its content, joins the
/// meeting whose record fits it best, unless that meeting already has a report from the same
/// article; otherwise it stays in a meeting of its own.
pub(super) fn join_best(
    conn: &Connection,
    new_reports: &[MeetingReport],
    near_of: &[Vec<(i64, f64)>],
) -> Result<Assigned, KbError> {
    let mut assigned = Assigned::default();
    let mut order: Vec<usize> = (0..new_reports.len()).collect();
    order.sort_by(|&x, &y| new_reports[x].order.cmp(&new_reports[y].order));
    let mut same_article = conn.prepare_cached(
        "SELECT 1 FROM meeting_reports WHERE meeting_id = ?1 AND article_id = ?2 AND id <> ?3",
    )?;
    let mut update =
        conn.prepare_cached("UPDATE meeting_reports SET meeting_id = ?1 WHERE id = ?2")?;
    for i in order {
        let report = &new_reports[i];
        let mut candidates = near_of[i].clone();
        candidates.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        for (meeting, _) in candidates {
            if !same_article.exists(params![meeting, report.article_id, report.id])? {
                update.execute(params![meeting, report.id])?;
                assigned.moved.push(report.id);
                assigned.changed.insert(meeting);
                if !delete_if_unreported(conn, Fact::Meeting, report.meeting_id)? {
                    assigned.changed.insert(report.meeting_id);
                }
                break;
            }
        }
    }
    Ok(assigned)
}

/// Regroups the meeting reports `new` and every report that could be of the same meeting, then
/// recomputes the meetings that changed (and those in `touched`).
pub fn meetings(
    conn: &Connection,
    new: &[i64],
    touched: &BTreeSet<i64>,
) -> Result<MeetingChanges, KbError> {
    let fresh: BTreeSet<i64> = new.iter().copied().collect();
    let assigned = match neighbourhood(conn, new, touched)? {
        Some(mut reports) => {
            // In the order of their content, so that ties between pairs break the same way
            // whatever order the reports were stored in.
            reports.sort_by(|x, y| x.order.cmp(&y.order));
            let groups: Vec<Vec<(i64, i64)>> = group_meetings(&reports)
                .into_iter()
                .map(|g| {
                    g.into_iter()
                        .map(|i| (reports[i].id, reports[i].meeting_id))
                        .collect()
                })
                .collect();
            assign(conn, Fact::Meeting, &groups)?
        }
        None => {
            let new_reports = load_meeting_reports(conn, new)?;
            let mut near_of: Vec<Vec<(i64, f64)>> = Vec::with_capacity(new_reports.len());
            for report in &new_reports {
                near_of.push(meetings_near(conn, report)?);
            }
            join_best(conn, &new_reports, &near_of)?
        }
    };
    // Recompute what changed, and the meetings the new reports are in.
    let mut changes = MeetingChanges {
        meetings: assigned.changed,
        moved: assigned
            .moved
            .into_iter()
            .filter(|r| !fresh.contains(r))
            .collect(),
    };
    changes.meetings.extend(touched.iter().copied());
    {
        let mut meeting_of =
            conn.prepare_cached("SELECT meeting_id FROM meeting_reports WHERE id = ?1")?;
        for &report in new {
            changes
                .meetings
                .insert(meeting_of.query_row([report], |row| row.get(0))?);
        }
    }
    let mut kept = BTreeSet::new();
    for &id in &changes.meetings {
        if !delete_if_unreported(conn, Fact::Meeting, id)? {
            refresh_meeting(conn, id)?;
            kept.insert(id);
        }
    }
    changes.meetings = kept;
    Ok(changes)
}
