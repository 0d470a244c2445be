import type { FileBump } from '../../core/bump/bumper.js';
import { UserError } from '../../core/errors.js';
import { isRefMovedError } from '../../core/git/ref-moved-error.js';
import type { ChangeTarget } from './change-target.js';
import type { CommitWriter } from './commit-writers.js';
import type { ManifestsCheckout } from './manifests-checkout.js';

/** What one successful attempt left on the remote. */
export interface DeliveryOutcome {
  /** The commit this run made; undefined when nothing needed committing. */
  commit?: string;
  /** Where the delivered branch points now; undefined when it does not exist. */
  head?: string;
  /** The edits the change makes: those committed, or those the base still lacks. */
  bumps: FileBump[];
  /** The base already points at the image: there is nothing to propose. */
  alreadyOnBase: boolean;
  /** The base's tip the attempt read. */
  baseTip: string;
}

/** What every way of delivering a change works with. */
export interface DeliveryContext {
  checkout: ManifestsCheckout;
  writer: CommitWriter;
  target: ChangeTarget;
  /** owner/name of the manifests repository, for messages. */
  repository: string;
  /** The commit message for these edits on the delivered branch. */
  messageFor(bumps: readonly FileBump[]): string;
}

/**
 * Pull-request hand-off or a push straight to the base: one attempt reads the remote tips, applies the bump to
 * them and publishes, throwing RefMovedError when it lost a race (the caller then tries again from the new tips).
 */
export interface Delivery {
  /** The branch this delivery moves. */
  readonly branch: string;
  attempt(): Promise<DeliveryOutcome>;
}

/** The tips of `branches` after fetching them; the base must exist. */
export async function fetchTips(context: DeliveryContext, branches: readonly string[]): Promise<Map<string, string>> {
  const { git } = context.checkout;
  const base = context.target.base;
  const missingBase = () => new UserError(`Base branch "${base}" does not exist in ${context.repository}.`);
  if (branches.length === 1 && branches[0] === base) {
    // The base alone (a push to it): one fetch, which names a missing branch itself, instead of listing the branches
    // first. Each attempt of a run that keeps losing the race saves a round trip to the server, which the runs
    // racing it are waiting on (docs/performance.md, open-gitops-pr).
    return git.fetchBranches([base]).catch((error: unknown) => {
      throw isRefMovedError(error) && error.branch === base ? missingBase() : error;
    });
  }
  const listed = await git.remoteBranches(branches);
  if (!listed.has(base)) throw missingBase();
  return git.fetchBranches(branches.filter((branch) => listed.has(branch)));
}
