/**
 * Progress over a whole run rather than per plan: a range is one plan per commit, and each plan counts its own
 * files, so the run's totals (commits, and files of every commit) come from the plans' `scanFiles` and `part`.
 */
import type { ScanPlan } from './plan.js';

export interface RunProgress {
  /** Files scanned so far, over every plan. */
  readonly files: number;
  /** Files the whole run will scan, as far as known (a range's total is known from the start). */
  readonly totalFiles: number;
  /** In a range or push: the commit being scanned, 1-based, of how many. */
  readonly commit?: { readonly index: number; readonly of: number };
}

export type PlanFileSink = (done: number, total: number, bytes: number) => void;

/** Turns the per-plan file counts the scanners report into run-wide progress. */
export function runProgress(report: (progress: RunProgress) => void): { forPlan(plan: ScanPlan): PlanFileSink | undefined; planDone(plan: ScanPlan): void } {
  let before = 0;
  return {
    forPlan(plan) {
      // A second look rescans files the run has counted already (ScanPlan.recheck): the line stays as it is.
      if (plan.recheck) return undefined;
      const totalFiles = Math.max(plan.scanFiles ?? 0, before + plan.files.length);
      const commit = plan.part ? { commit: plan.part } : {};
      return (done) => report({ files: before + done, totalFiles, ...commit });
    },
    planDone(plan) {
      // Counted by what the plan listed, so that files its ignore globs dropped still add up to the total.
      if (!plan.recheck) before += plan.files.length;
    },
  };
}
