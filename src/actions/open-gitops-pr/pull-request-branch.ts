import type { Delivery, DeliveryContext, DeliveryOutcome } from './delivery.js';
import { fetchTips } from './delivery.js';
import type { PlannedCommit } from './commit-writers.js';

/** How far back the base's history is searched for the commit a branch started from. */
const MAX_BASE_DEPTH = 256;

/**
 * `mode: pull-request`: keeps one branch per change target holding the bump, for a pull request into the base.
 * The branch only ever moves forward: a new image either rebuilds our own commit on the current base (keeping the
 * old tip as a parent) or, when people pushed commits of their own, goes on top of them.
 */
export class PullRequestBranch implements Delivery {
  constructor(
    private readonly context: DeliveryContext,
    readonly branch: string,
  ) {}

  async attempt(): Promise<DeliveryOutcome> {
    const { checkout } = this.context;
    const base = this.context.target.base;
    const tips = await fetchTips(this.context, [base, this.branch]);
    const baseTip = tips.get(base) as string;
    const head = tips.get(this.branch);
    const onBase = await checkout.bumpAt(baseTip);
    if (onBase.length === 0) return { head, bumps: onBase, alreadyOnBase: true, baseTip };
    if (!head) return this.commit({ source: baseTip, bumps: onBase, parents: [baseTip] }, baseTip, undefined);

    const onBranch = await checkout.bumpAt(head);
    if (onBranch.length === 0) return { head, bumps: onBase, alreadyOnBase: false, baseTip };
    const start = await this.startingPoint(baseTip, head);
    const bumps = start.source === head ? onBranch : await checkout.bumpAt(start.source);
    return this.commit({ ...start, bumps }, baseTip, head);
  }

  private async commit(
    planned: Omit<PlannedCommit, 'message'>,
    baseTip: string,
    head: string | undefined,
  ): Promise<DeliveryOutcome> {
    const message = this.context.messageFor(planned.bumps);
    const commit = await this.context.writer.commitAndMove({ ...planned, message }, this.branch, head);
    return { commit, head: commit, bumps: [...planned.bumps], alreadyOnBase: false, baseTip };
  }

  /**
   * Where the new commit starts. Our own earlier commit for this target, made on a commit of the base, is superseded:
   * the new one has the current base's files, and the old tip stays a parent so the update is a fast-forward and
   * nothing disappears. Anything else on the branch (people's commits) is kept and built upon.
   */
  private async startingPoint(baseTip: string, head: string): Promise<Pick<PlannedCommit, 'source' | 'parents'>> {
    const { git } = this.context.checkout;
    const base = this.context.target.base;
    const tip = await git.commit(head);
    const [parent] = tip.parents;
    const ours = this.context.target.madeFor(tip.message) && tip.parents.length === 1 && parent !== undefined;
    if (!ours || !(await git.branchContains(base, parent, MAX_BASE_DEPTH))) return { source: head, parents: [head] };
    if (parent === baseTip) return { source: baseTip, parents: [head] };
    // Merged already (the base contains our tip): start afresh from the base, which is a fast-forward anyway.
    const merged = await git.branchContains(base, head, 1);
    return { source: baseTip, parents: merged ? [baseTip] : [head, baseTip] };
  }
}
