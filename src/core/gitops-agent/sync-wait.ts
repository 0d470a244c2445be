import type { ImageRef } from '../image-ref.js';
import type { AgentReport, AgentStatusEvaluator, ResourceProblem, WorkloadRef } from './agent-report.js';
import type { Ancestry } from './manifests-repository.js';
import { namesCommit } from './revision.js';
import { StatusFeed } from './status-feed.js';
import { checkRunningImages } from './running-images.js';

export type SyncOutcome = 'synced' | 'degraded' | 'failed' | 'superseded' | 'timeout';
export const SYNC_OUTCOMES: readonly SyncOutcome[] = ['synced', 'degraded', 'failed', 'superseded', 'timeout'];

/** Where the agent's status comes from: its API, or its objects through the Kubernetes API. */
export interface AgentStatusSource {
  /** The object the agent keeps its status in, read now. */
  read(): Promise<unknown>;
  /** Asks the agent to look at the repository now (Argo CD refresh, Flux reconcile request). */
  refresh(): Promise<void>;
  /** The images in these workloads' pod templates, for agents that do not list what runs. */
  workloadImages(workloads: readonly WorkloadRef[]): Promise<string[]>;
  /**
   * The object each time the agent changes it, when the source can watch (then the wait does not poll); ends or
   * throws when the watch breaks, and the wait polls from then on.
   */
  watch?(signal: AbortSignal): AsyncIterable<unknown>;
}

export interface SyncWaitRequest {
  /** The awaited commit, 40 hex digits. */
  revision: string;
  /** An image that must be running when done, by digest. */
  image?: ImageRef;
  timeoutMs: number;
  pollMs: number;
  refresh: boolean;
}

export interface SyncWaitDependencies {
  source: AgentStatusSource;
  evaluator: AgentStatusEvaluator;
  /** How another commit the agent runs relates to the awaited one; without it, no commit can supersede it. */
  ancestry?: (awaited: string, other: string) => Promise<Ancestry>;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** One line per change in what the agent says. */
  log?: (line: string) => void;
}

export interface TimelineEvent {
  event: string;
  at: string;
}

export interface SyncWaitResult {
  status: SyncOutcome;
  /** The commit the agent runs at the end (the awaited one, a newer one that contains it, or another). */
  revision?: string;
  health: string;
  message: string;
  syncedAt?: string;
  previousRevision?: string;
  timeline: TimelineEvent[];
  unhealthy: ResourceProblem[];
  /** Images of the awaited image's repository seen running. */
  imagesSeen: string[];
}

/**
 * Reads the agent's status until it runs the awaited commit (or a newer one that contains it) in sync and healthy,
 * with the image's digest running when one is given; stops at once on a degraded or failed report for it, or on a
 * commit that overtook it without containing it; else stops at the timeout with what it saw last.
 */
export async function waitForSync(
  request: SyncWaitRequest,
  dependencies: SyncWaitDependencies,
): Promise<SyncWaitResult> {
  const now = dependencies.now ?? Date.now;
  const sleep = dependencies.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const log = dependencies.log ?? (() => undefined);
  const { evaluator, source } = dependencies;
  const deadline = now() + request.timeoutMs;
  const timeline: TimelineEvent[] = [];
  const mark = (event: string) => {
    if (!timeline.some((item) => item.event === event)) timeline.push({ event, at: new Date(now()).toISOString() });
  };
  const ancestries = new Map<string, Ancestry>();
  let previousRevision: string | undefined;
  let lastMessage = '';
  let last: AgentReport | undefined;
  let imagesSeen: string[] = [];
  const result = (status: SyncOutcome, report: AgentReport, message: string, revision = report.appliedRevision) => ({
    status,
    revision,
    health: report.health,
    message,
    syncedAt: report.syncedAt,
    previousRevision,
    timeline,
    unhealthy: report.unhealthy,
    imagesSeen,
  });

  const notePrevious = (report: AgentReport) => {
    previousRevision ??= namesCommit(report.appliedRevision, request.revision)
      ? report.previousRevision
      : report.appliedRevision;
  };
  const feed = new StatusFeed(source, { pollMs: request.pollMs, sleep, log, what: evaluator.describe() });
  try {
    return await follow(feed);
  } finally {
    feed.close();
  }

  async function follow(feed: StatusFeed): Promise<SyncWaitResult> {
    // Read once before the refresh: afterwards the agent may already compare with the awaited commit.
    if (request.refresh) {
      notePrevious(evaluator.evaluate(await feed.read(), request.revision));
      await source.refresh();
    }
    let object = await feed.read();
    for (;;) {
      const report = evaluator.evaluate(object, request.revision);
      last = report;
      notePrevious(report);
      if (report.seen) mark('seen by the agent');
      if (report.applied) mark('synced');

      let verdict: SyncWaitResult | undefined;
      let message = report.message;
      if (report.phase === 'failed' || report.phase === 'degraded') {
        verdict = result(report.phase, report, `${evaluator.describe()}: ${report.message}`, request.revision);
      } else if (report.phase === 'synced') {
        const images = await imageCheck(report);
        if (images.ok) {
          mark('healthy');
          verdict = result('synced', report, `${evaluator.describe()} runs ${request.revision}: ${report.message}`);
        } else message = `${report.message}; ${images.message}`;
      } else if (
        report.appliedRevision &&
        !namesCommit(report.appliedRevision, request.revision) &&
        dependencies.ancestry
      ) {
        const other = report.appliedRevision;
        let ancestry = ancestries.get(other);
        if (!ancestry) {
          ancestry = await dependencies.ancestry(request.revision, other);
          ancestries.set(other, ancestry);
        }
        if (ancestry === 'diverged') {
          verdict = result(
            'superseded',
            report,
            `${evaluator.describe()} runs ${other}, which overtook ${request.revision} without containing it.`,
          );
        } else if (ancestry === 'contains') {
          verdict = await newerCommit(object, other);
        }
      }
      if (verdict) return verdict;
      if (message !== lastMessage) log(`${evaluator.describe()}: ${message}`);
      lastMessage = message;
      const left = deadline - now();
      if (left <= 0) {
        return result(
          'timeout',
          last,
          `${evaluator.describe()} did not run ${request.revision} in sync and healthy in time; it said last: ${message}`,
        );
      }
      // Unchanged when the watch saw no change before the deadline: the next turn times out.
      object = (await feed.next(left)) ?? object;
    }
  }

  async function imageCheck(report: AgentReport) {
    if (!request.image) return { ok: true, message: '' };
    const images = report.images ?? (await source.workloadImages(report.workloads));
    const check = checkRunningImages(images, request.image);
    imagesSeen = check.seen;
    return check;
  }

  /** The agent runs a newer commit that contains the awaited one: its verdict is the awaited commit's. */
  async function newerCommit(object: unknown, other: string): Promise<SyncWaitResult | undefined> {
    const report = evaluator.evaluate(object, other);
    mark('seen by the agent');
    if (report.applied) mark('synced');
    const context = `${evaluator.describe()} runs ${other}, which contains ${request.revision}`;
    if (report.phase === 'failed' || report.phase === 'degraded') {
      return result(report.phase, report, `${context}: ${report.message}`, other);
    }
    if (report.phase !== 'synced' || !(await imageCheck(report)).ok) return undefined;
    mark('healthy');
    return result('synced', report, `${context}: ${report.message}`, other);
  }
}
