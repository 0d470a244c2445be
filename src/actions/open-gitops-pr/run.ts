import * as log from '../../core/log.js';
import { UserError } from '../../core/errors.js';
import { GitHubCommitWriter } from '../../core/github/api-commits.js';
import { createGitHubClient, type GitHubClient } from '../../core/github/client.js';
import { type PublishedPullRequest, PullRequestPublisher } from '../../core/github/pull-requests.js';
import { formatRepositoryName, getRepository, type RepositoryInfo } from '../../core/github/repository.js';
import { GitCli } from '../../core/git/git-cli.js';
import { DEFAULT_RACE_POLICY, type RacePolicy, retryOnRace } from '../../core/git/race-retry.js';
import type { OutputSink } from '../../core/outputs.js';
import { code, JobSummary } from '../../core/summary.js';
import { BaseBranchPush } from './base-branch-push.js';
import { ChangeTarget } from './change-target.js';
import { type CommitWriter, GitHubApiWriter, GitPushWriter } from './commit-writers.js';
import type { Delivery, DeliveryContext, DeliveryOutcome } from './delivery.js';
import { BumpPlanner, type ChangePlanner, RevertPlanner } from './change-planners.js';
import { ManifestsCheckout, sparseDirectories } from './manifests-checkout.js';
import { type ChangeDescription, commitMessage, pullRequestBody, pullRequestTitle } from './messages.js';
import { PullRequestBranch } from './pull-request-branch.js';
import { INPUTS, type OpenGitopsPrSettings, OUTPUTS } from './settings.js';
import { escapeForLog } from '../../core/workflow-commands.js';
import type { StepHost } from '../host.js';

export type Operation = 'created' | 'updated' | 'unchanged' | 'pushed';

export interface OpenGitopsPrResult {
  operation: Operation;
  branch: string;
  headSha: string;
  commitSha: string;
  /** The commit of the base that carries the change, once the base has it; empty while a pull request is open. */
  revision: string;
  /** The commit whose change this run reverted (pushed, or proposed in the pull request); empty otherwise. */
  reverted: string;
  pullRequest?: { number: number; url: string };
  /** How many times the change was applied to a fresh tip (1 when no race was lost). */
  attempts: number;
}

/** What tests and benchmarks replace: how long the retries wait. */
export interface OpenGitopsPrSeams {
  racePolicy?: Partial<Omit<RacePolicy, 'maxAttempts'>>;
  /** Milliseconds per second that GitHub asks clients to wait (retry-after); tests shrink it. */
  waitUnitMs?: number;
}

/**
 * Applies the bump to the manifests repository's current tip and hands it over: as one pull request per change
 * target, or as a commit straight onto the base. Lost races are retried on the new tip; nothing is forced.
 */
export async function openGitopsPr(
  settings: OpenGitopsPrSettings,
  host: StepHost,
  seams: OpenGitopsPrSeams = {},
): Promise<OpenGitopsPrResult> {
  warnAboutIgnoredInputs(settings);
  const client = createGitHubClient({ token: settings.token, apiUrl: settings.apiUrl, waitUnitMs: seams.waitUnitMs });
  const repository = await getRepository(client, settings.repository);
  refuseReadOnly(repository);
  const target = new ChangeTarget(settings.target.image, settings.paths, settings.base ?? repository.defaultBranch);
  const branch = settings.mode === 'push' ? target.base : (settings.branch ?? target.defaultBranch);
  if (settings.mode === 'pull-request' && branch === target.base) {
    throw new UserError(
      `Input "${INPUTS.branch}" is the base, ${branch}: name another branch, or use ${INPUTS.publishMethod}: push.`,
    );
  }

  const scratch = await host.scratchFolder('open-gitops-pr-');
  const workDirectory = scratch.path;
  try {
    const git = await GitCli.createRepository(
      workDirectory,
      { url: repository.cloneUrl, token: settings.token },
      sparseDirectories(settings.paths),
    );
    const planner: ChangePlanner =
      settings.revert === undefined
        ? new BumpPlanner(settings.paths, settings.target, settings.failOnNoMatch)
        : new RevertPlanner(settings.revert, target.base);
    const checkout = new ManifestsCheckout(git, planner);
    const describe = (bumps: ChangeDescription['bumps']): ChangeDescription => ({
      target,
      repository: formatRepositoryName(settings.repository),
      branch,
      bumps,
      evidence: settings.evidence,
      source: host.context.links,
    });
    const context: DeliveryContext = {
      checkout,
      writer: commitWriter(settings, client, checkout),
      target,
      repository: formatRepositoryName(settings.repository),
      messageFor: (bumps) => commitMessage(settings.commitMessage, describe(bumps)),
    };
    const delivery: Delivery =
      settings.mode === 'push' ? new BaseBranchPush(context) : new PullRequestBranch(context, branch);

    const policy = { ...DEFAULT_RACE_POLICY, ...seams.racePolicy, maxAttempts: settings.maxAttempts };
    const { result: outcome, attempts } = await retryOnRace(
      policy,
      () => delivery.attempt(),
      (lost, next) =>
        log.info(
          `${escapeForLog(lost.message)} Applying the bump again on the new tip (attempt ${next} of ${policy.maxAttempts}).`,
        ),
      async () => (await git.remoteBranches([delivery.branch])).get(delivery.branch),
    );

    const pullRequest =
      settings.mode === 'pull-request'
        ? await publishPullRequest(settings, client, outcome, describe(outcome.bumps))
        : undefined;
    const result: OpenGitopsPrResult = {
      operation: pullRequest?.operation ?? (outcome.commit ? 'pushed' : 'unchanged'),
      branch,
      headSha: outcome.head ?? '',
      commitSha: outcome.commit ?? '',
      revision: outcome.alreadyOnBase ? outcome.baseTip : settings.mode === 'push' ? (outcome.commit ?? '') : '',
      reverted: settings.revert !== undefined && (outcome.commit ?? pullRequest) ? settings.revert : '',
      pullRequest: pullRequest && { number: pullRequest.number, url: pullRequest.url },
      attempts,
    };
    report(result, settings, outcome, host.setOutput);
    await summarize(result, settings, outcome, target.base);
    return result;
  } finally {
    await scratch.remove();
  }
}

function commitWriter(settings: OpenGitopsPrSettings, client: GitHubClient, checkout: ManifestsCheckout): CommitWriter {
  return settings.signCommits
    ? new GitHubApiWriter(checkout.git, new GitHubCommitWriter(client, settings.repository))
    : new GitPushWriter(checkout, settings.author);
}

/** The pull request for the branch: opened or refreshed when there is something to propose, else only looked up. */
async function publishPullRequest(
  settings: OpenGitopsPrSettings,
  client: GitHubClient,
  outcome: DeliveryOutcome,
  change: ChangeDescription,
): Promise<PublishedPullRequest | undefined> {
  const publisher = new PullRequestPublisher(client, settings.repository);
  const { branch } = change;
  const { base } = change.target;
  if (outcome.alreadyOnBase) {
    const open = await publisher.findOpen(branch, base);
    return open && { number: open.number, url: open.url, operation: 'unchanged' };
  }
  return publisher.publish({
    branch,
    base,
    title: pullRequestTitle(settings.title, change),
    body: pullRequestBody(settings.body, change),
    branchMoved: outcome.commit !== undefined,
    extras: settings.extras,
  });
}

function refuseReadOnly(repository: RepositoryInfo): void {
  const name = formatRepositoryName(repository.name);
  if (repository.archived) throw new UserError(`Repository ${name} is archived: it takes no pushes.`);
  if (repository.canPush === false) {
    throw new UserError(
      `The token may read ${name} but not push to it: grant it "contents: write" on that repository.`,
    );
  }
}

function warnAboutIgnoredInputs(settings: OpenGitopsPrSettings): void {
  if (settings.mode !== 'push') return;
  const { extras } = settings;
  const ignored = [
    settings.branch && INPUTS.branch,
    settings.body && INPUTS.pullRequestBody,
    extras.draft && INPUTS.pullRequestDraft,
    extras.labels.length > 0 && INPUTS.pullRequestLabels,
    extras.reviewers.length > 0 && INPUTS.pullRequestReviewers,
    extras.teamReviewers.length > 0 && INPUTS.pullRequestTeamReviewers,
    extras.assignees.length > 0 && INPUTS.pullRequestAssignees,
    extras.autoMerge && INPUTS.autoMerge,
  ].filter(Boolean);
  if (ignored.length > 0)
    log.warning(`${INPUTS.publishMethod}: push opens no pull request, so ${ignored.join(', ')} are ignored.`);
}

function report(
  result: OpenGitopsPrResult,
  settings: OpenGitopsPrSettings,
  outcome: DeliveryOutcome,
  setOutput: OutputSink,
): void {
  setOutput(OUTPUTS.operation, result.operation);
  setOutput(OUTPUTS.branch, result.branch);
  setOutput(OUTPUTS.headSha, result.headSha);
  setOutput(OUTPUTS.commitSha, result.commitSha);
  setOutput(OUTPUTS.revision, result.revision);
  setOutput(OUTPUTS.reverted, result.reverted);
  setOutput(OUTPUTS.pullRequestNumber, result.pullRequest ? String(result.pullRequest.number) : '');
  setOutput(OUTPUTS.pullRequestUrl, result.pullRequest?.url ?? '');
  const where = `${formatRepositoryName(settings.repository)}@${result.branch}`;
  const files = outcome.bumps.map((bump) => escapeForLog(bump.path)).join(', ') || 'none';
  log.info(`${result.operation}: ${where} at ${result.headSha || '(no branch)'}; files: ${files}.`);
  if (result.pullRequest) log.info(`Pull request: ${escapeForLog(result.pullRequest.url)}`);
}

async function summarize(
  result: OpenGitopsPrResult,
  settings: OpenGitopsPrSettings,
  outcome: DeliveryOutcome,
  base: string,
): Promise<void> {
  const repository = formatRepositoryName(settings.repository);
  const summary = new JobSummary().heading(`open-gitops-pr: ${settings.target.image} in ${repository}`);
  const pullRequest = result.pullRequest
    ? `pull request [#${result.pullRequest.number}](${result.pullRequest.url})`
    : '';
  const lines = {
    created: `Opened ${pullRequest} from ${code(result.branch)} into ${code(base)}.`,
    updated: `Updated ${pullRequest} with commit ${code(result.commitSha.slice(0, 12))}.`,
    unchanged: outcome.alreadyOnBase
      ? `${code(base)} already points at this image; nothing to do.`
      : `${code(result.branch)} already holds this change${pullRequest ? ` (${pullRequest})` : ''}; nothing to do.`,
    pushed: `Pushed commit ${code(result.commitSha.slice(0, 12))} to ${code(base)}.`,
  };
  summary.paragraph(lines[result.operation]);
  if (result.attempts > 1)
    summary.paragraph(`Other pushes won ${result.attempts - 1} race(s); the bump was applied again on each new tip.`);
  const changes = outcome.commit ? outcome.bumps.flatMap((bump) => bump.changes) : [];
  if (changes.length > 0) {
    summary.table(
      ['File', 'Kind', 'Old reference', 'New reference'],
      changes.map((change) => [`${change.file}:${change.line}`, change.kind, code(change.from), code(change.to)]),
    );
  }
  await summary.write();
}
