// The send path's two group commits, on the send path's own pool: end-of-data
// marks and recorded outcomes, each on connections of their own so neither
// waits for the other. A mark is urgent (an SMTP transaction waits at its
// gate): it goes at once when one of COMMIT_LANES is free, else with whatever
// queued meanwhile as soon as one is. An outcome is not (the lane has moved
// on): outcomes gather for OUTCOME_BATCH_MS and go in one statement. Keeping
// them out of the marks' statements keeps those small: the gate's wait is on
// the critical path of every message.
import { type CommitMark, markCommittingBatch, type OutcomeMark, recordOutcomes } from "@opsdeck/db";
import type pg from "pg";

import { createGroupCommit, type GroupCommit } from "./groupCommit";

/**
 * End-of-data mark statements in flight at once. SMTP connections tend to reach their gates together; with
 * one lane a mark that just missed a statement waits for it and then its own, with two it goes at once.
 */
const COMMIT_LANES = 2;
/** How long outcomes gather before they are written together, ms. */
const OUTCOME_BATCH_MS = 25;

export interface SendWriters {
  /** Moves a claimed message to 'committing'; false when the claim is no longer ours. */
  commit: GroupCommit<CommitMark & { leaseMs: number }, boolean>;
  /** Records a committing message's outcome; false when the claim is no longer ours. */
  outcome: GroupCommit<OutcomeMark, boolean>;
}

export function createSendWriters(pool: pg.Pool): SendWriters {
  return {
    commit: createGroupCommit(
      async (items: (CommitMark & { leaseMs: number })[]) => {
        const held = await markCommittingBatch(pool, items, Math.max(0, ...items.map((i) => i.leaseMs)));
        return items.map((i) => held.has(i.id));
      },
      { lanes: COMMIT_LANES },
    ),
    outcome: createGroupCommit(
      async (items: OutcomeMark[]) => {
        const recorded = await recordOutcomes(pool, items);
        return items.map((i) => recorded.has(i.id));
      },
      { laterMs: OUTCOME_BATCH_MS },
    ),
  };
}
