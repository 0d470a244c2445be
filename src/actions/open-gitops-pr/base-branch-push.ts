import type { Delivery, DeliveryContext, DeliveryOutcome } from './delivery.js';
import { fetchTips } from './delivery.js';

/** `publish-method: push`: one commit straight onto the base, for environments that need no review. */
export class BaseBranchPush implements Delivery {
  readonly branch: string;

  constructor(private readonly context: DeliveryContext) {
    this.branch = context.target.base;
  }

  async attempt(): Promise<DeliveryOutcome> {
    const { checkout, writer } = this.context;
    const base = (await fetchTips(this.context, [this.branch])).get(this.branch) as string;
    const bumps = await checkout.bumpAt(base);
    if (bumps.length === 0) return { head: base, bumps, alreadyOnBase: true, baseTip: base };
    const message = this.context.messageFor(bumps);
    const commit = await writer.commitAndMove({ source: base, bumps, parents: [base], message }, this.branch, base);
    return { commit, head: commit, bumps, alreadyOnBase: false, baseTip: base };
  }
}
