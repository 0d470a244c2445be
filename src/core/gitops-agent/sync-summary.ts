import { code, JobSummary } from '../summary.js';
import type { SyncWaitResult } from './sync-wait.js';

export interface SyncSummaryFacts {
  /** `Argo CD Application argocd/web` */
  target: string;
  awaited: string;
  mergedAt?: string;
  leadTimeSeconds?: number;
}

/** The job summary: the outcome, a timeline (merged, seen, synced, healthy), unhealthy resources, images running. */
export function syncSummary(result: SyncWaitResult, facts: SyncSummaryFacts): JobSummary {
  const summary = new JobSummary().heading(`wait-for-sync: ${result.status}`);
  summary.table(
    ['', ''],
    [
      ['Agent', facts.target],
      ['Awaited commit', code(facts.awaited)],
      ['Running commit', result.revision ? code(result.revision) : 'unknown'],
      ['Health', result.health],
      ['Agent says', result.message],
      ...(result.previousRevision ? [['Previous commit', code(result.previousRevision)]] : []),
      ...(facts.leadTimeSeconds !== undefined ? [['Lead time', `${facts.leadTimeSeconds} s`]] : []),
    ],
  );
  const timeline = [
    ...(facts.mergedAt ? [{ event: 'merged', at: facts.mergedAt }] : []),
    ...result.timeline,
    ...(result.syncedAt ? [{ event: 'synced (as the agent says)', at: result.syncedAt }] : []),
  ].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  if (timeline.length > 0)
    summary.table(
      ['Event', 'Time'],
      timeline.map((item) => [item.event, item.at]),
    );
  if (result.unhealthy.length > 0) {
    summary.paragraph('Resources that are not healthy:');
    summary.table(
      ['Resource', 'Health', 'Message'],
      result.unhealthy.map((item) => [
        `${item.kind} ${item.namespace ? `${item.namespace}/` : ''}${item.name}`,
        item.health,
        item.message,
      ]),
    );
  }
  if (result.imagesSeen.length > 0) {
    summary.paragraph(`Seen running: ${[...new Set(result.imagesSeen)].map(code).join(', ')}`);
  }
  return summary;
}
