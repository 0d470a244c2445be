/** Failures the GitHub API double can be told to answer with, each for the next N matching requests. */

export type Fault =
  /** A plain error status, e.g. 502 Bad Gateway from GitHub's front end. */
  | { kind: 'status'; status: number; message: string }
  /** 403 with retry-after, as GitHub answers when a client trips a secondary rate limit. */
  | { kind: 'secondary-rate-limit'; retryAfterSeconds: number }
  /** Another run opens the same pull request first; this request then gets 422 "A pull request already exists". */
  | { kind: 'pull-request-race' };

interface Armed {
  method: string;
  template: string;
  fault: Fault;
  remaining: number;
}

export class FaultPlan {
  private readonly armed: Armed[] = [];

  /** Answers the next `times` requests to `method template` (e.g. `POST /repos/{owner}/{repo}/pulls`) with `fault`. */
  inject(route: string, fault: Fault, times = 1): void {
    const [method = '', template = ''] = route.split(' ');
    this.armed.push({ method, template, fault, remaining: times });
  }

  /** The fault for this request, if one is armed; each use counts down. */
  take(method: string, template: string): Fault | undefined {
    const match = this.armed.find((item) => item.method === method && item.template === template && item.remaining > 0);
    if (!match) return undefined;
    match.remaining--;
    return match.fault;
  }

  /** Faults armed but not yet used up. */
  pending(): string[] {
    return this.armed
      .filter((item) => item.remaining > 0)
      .map((item) => `${item.method} ${item.template}: ${item.fault.kind}`);
  }
}
