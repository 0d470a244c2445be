/**
 * A local double of the GitHub REST API (and the one GraphQL mutation the actions use), on 127.0.0.1, backed by
 * the test bed's real bare repositories: a pull request's head is a real branch, refs moved through the git data
 * API are what `git fetch` sees. Every answer is recorded so that tests can check it against GitHub's OpenAPI
 * description. It can fail on purpose: 502, 403 with retry-after, a pull request opened first by another run,
 * a branch moved by someone else just before the action's update lands.
 */
import { chmod, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { BareRepository, type Signature } from './bare-repository.js';
import { type Fault, FaultPlan } from './faults.js';
import { serveGitHttp } from './git-http.js';
import { checkRequest, checkResponse } from './openapi.js';
import {
  commitDetailJson,
  commitJson,
  comparisonJson,
  errorJson,
  issueJson,
  labelJson,
  pullRequestJson,
  refJson,
  repositoryJson,
  type Site,
  standardHeaders,
  treeJson,
  userAccount,
} from './resources.js';
import {
  type Access,
  idFor,
  nodeIdFor,
  now,
  type PullRequestState,
  type RepositoryState,
  type TokenGrant,
} from './state.js';

export interface TokenAccess {
  contents?: Access;
  pullRequests?: Access;
  attestations?: Access;
  installation?: boolean;
}

export interface GitHubApiDoubleOptions {
  /** Folder of the bare repositories (`<owner>/<repo>.git`), as the test bed's git daemon serves them. */
  gitBase: string;
  /** `git://127.0.0.1:PORT` of that daemon. */
  gitDaemonUrl: string;
  /** How clients clone: from the git daemon (no auth), or over the double's smart HTTP (token checked). */
  gitTransport?: 'daemon' | 'http';
  /** Serve the REST API under /api/v3 and GraphQL at /api/graphql, as GitHub Enterprise Server does. */
  enterprise?: boolean;
}

/** One request and the answer the double gave. */
export interface Exchange {
  method: string;
  /** The OpenAPI path template, e.g. `/repos/{owner}/{repo}/pulls`, or `/graphql`. */
  template: string;
  path: string;
  request: unknown;
  status: number;
  body: unknown;
  /** Set when the answer was an injected fault. */
  fault?: Fault['kind'];
  /** When the answer was sent (Date.now()). */
  at: number;
}

interface ApiCall {
  params: Record<string, string>;
  query: URLSearchParams;
  body: Record<string, unknown>;
  grant: TokenGrant;
  repository: RepositoryState;
}

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

interface Route {
  method: string;
  template: string;
  pattern: RegExp;
  handle: (call: ApiCall) => Promise<Reply>;
}

/** A change someone else pushes to a branch just before the action's own update of it lands. */
interface ArmedMove {
  repository: RepositoryState;
  branch: string;
  files: Record<string, string>;
}

const PERSON: Omit<Signature, 'date'> = { name: 'Someone Else', email: 'someone@example.com' };

export class GitHubApiDouble {
  readonly faults = new FaultPlan();
  readonly exchanges: Exchange[] = [];
  /** Every smart-HTTP git request: what it asked for and the Authorization header it carried. */
  readonly gitRequests: { path: string; authorization?: string }[] = [];
  private readonly tokens = new Map<string, TokenGrant>();
  private readonly repositories = new Map<string, RepositoryState>();
  private readonly routes: Route[] = [];
  private readonly locks = new Map<string, Promise<unknown>>();
  private armedMoves: ArmedMove[] = [];
  private server?: Server;
  private port = 0;

  private constructor(private readonly options: GitHubApiDoubleOptions) {
    this.defineRoutes();
  }

  static async start(options: GitHubApiDoubleOptions): Promise<GitHubApiDouble> {
    const double = new GitHubApiDouble(options);
    const server = createServer((request, response) => {
      double.serve(request, response).catch((error: unknown) => {
        response.writeHead(500, { 'content-type': 'text/plain' });
        response.end(String(error instanceof Error ? error.stack : error));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    double.server = server;
    double.port = (server.address() as AddressInfo).port;
    return double;
  }

  get webUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The REST base URL, the value for github-api-url. */
  get apiUrl(): string {
    return this.options.enterprise ? `${this.webUrl}/api/v3` : this.webUrl;
  }

  /**
   * A token with these rights (all by default). `installation` tokens (GITHUB_TOKEN, GitHub Apps) get no
   * `permissions` block in repository answers; user tokens do.
   */
  addToken(token: string, login: string, access: TokenAccess = {}): void {
    this.tokens.set(token, {
      account: userAccount(login),
      contents: access.contents ?? 'write',
      pullRequests: access.pullRequests ?? 'write',
      attestations: access.attestations ?? 'write',
      installation: access.installation ?? false,
    });
  }

  /** Serves `<gitBase>/<owner>/<name>.git`, which must exist (createBareRepo). */
  addRepository(
    fullName: string,
    settings: { defaultBranch?: string; allowAutoMerge?: boolean; archived?: boolean } = {},
  ): RepositoryState {
    const [owner = '', name = ''] = fullName.split('/');
    const repository: RepositoryState = {
      owner,
      name,
      id: idFor(fullName),
      defaultBranch: settings.defaultBranch ?? 'main',
      git: new BareRepository(join(this.options.gitBase, `${fullName}.git`)),
      allowAutoMerge: settings.allowAutoMerge ?? true,
      archived: settings.archived ?? false,
      createdAt: now(),
      pulls: [],
      attestations: [],
      labels: new Map(),
      nextNumber: 1,
    };
    this.repositories.set(fullName.toLowerCase(), repository);
    return repository;
  }

  repository(fullName: string): RepositoryState {
    const found = this.repositories.get(fullName.toLowerCase());
    if (!found) throw new Error(`The double serves no repository ${fullName}`);
    return found;
  }

  pullRequests(fullName: string): PullRequestState[] {
    return this.repository(fullName).pulls;
  }

  /**
   * Just before the action's next update of `branch` lands (git push or ref API), someone else commits `files`
   * onto it, so that the update finds the branch moved.
   */
  async moveBranchBeforeNextUpdate(fullName: string, branch: string, files: Record<string, string>): Promise<void> {
    const repository = this.repository(fullName);
    this.armedMoves.push({ repository, branch, files });
    const hook = join(repository.git.path, 'hooks', 'pre-receive');
    const callback = `${this.webUrl}/_double/pre-receive?repository=${encodeURIComponent(fullName)}`;
    await writeFile(hook, `#!/bin/sh\ncurl -fsS -X POST --data-binary @- '${callback}' >/dev/null\n`);
    await chmod(hook, 0o755);
  }

  /** A person pushes `files` to `branch` (created from the default branch when missing). */
  async commitAsPerson(
    fullName: string,
    branch: string,
    files: Record<string, string>,
    message = 'Edit by hand',
  ): Promise<string> {
    const repository = this.repository(fullName);
    if (!(await repository.git.branchTip(branch))) {
      const start = (await repository.git.branchTip(repository.defaultBranch)) as string;
      await repository.git.compareAndSwap(branch, start, undefined);
    }
    return repository.git.commitFiles(branch, files, message, { ...PERSON, date: now() });
  }

  closePullRequest(fullName: string, number: number): void {
    const pull = this.pullRequests(fullName).find((candidate) => candidate.number === number);
    if (!pull) throw new Error(`No pull request #${number}`);
    pull.state = 'closed';
    pull.closedAt = now();
  }

  /**
   * Merges an open pull request as GitHub's merge button does: a real merge commit of head into base (two parents,
   * `Merge pull request #N from owner/head`), or with `squash` one commit on base with the merged tree; the base
   * branch moves there and the pull request is closed as merged. Returns the commit; throws on a conflict.
   */
  async mergePullRequest(
    fullName: string,
    number: number,
    options: { method?: 'merge' | 'squash'; by?: string } = {},
  ): Promise<string> {
    const repository = this.repository(fullName);
    const pull = this.pullRequests(fullName).find((candidate) => candidate.number === number);
    if (!pull || pull.state !== 'open') throw new Error(`No open pull request #${number}`);
    const git = repository.git;
    const { head, base } = await this.tips(repository, pull);
    const tree = await git.mergeTree(base, head);
    if (!tree) throw new Error(`Pull request #${number} does not merge cleanly`);
    const merger = userAccount(options.by ?? 'reviewer');
    const author = { name: merger.login, email: `${merger.id}+${merger.login}@users.noreply.github.com`, date: now() };
    const sha =
      options.method === 'squash'
        ? await git.writeCommit(tree, [base], `${pull.title} (#${number})`, author)
        : await git.writeCommit(
            tree,
            [base, head],
            `Merge pull request #${number} from ${repository.owner}/${pull.head}\n\n${pull.title}`,
            author,
          );
    if (!(await git.compareAndSwap(pull.base, sha, base))) throw new Error(`${pull.base} moved while merging`);
    Object.assign(pull, {
      state: 'closed',
      mergedAt: author.date,
      closedAt: author.date,
      updatedAt: author.date,
      mergeCommitSha: sha,
      mergedBy: merger,
    });
    return sha;
  }

  /** Every recorded REST answer that breaks GitHub's OpenAPI description (or uses a status it does not document). */
  schemaViolations(): string[] {
    return this.exchanges
      .filter((exchange) => exchange.template !== '/graphql')
      .flatMap((exchange) => {
        const { described, problems } = checkResponse(
          exchange.method,
          exchange.template,
          exchange.status,
          exchange.body,
        );
        const where = `${exchange.method} ${exchange.path} -> ${exchange.status}`;
        // GitHub answers 401 Bad credentials on every endpoint; its description lists it on few.
        const expected = described || exchange.fault !== undefined || exchange.status === 401;
        const undocumented = expected ? [] : [`status ${exchange.status} is not documented`];
        return [...undocumented, ...problems].map((problem) => `${where}: ${problem}`);
      });
  }

  async stop(): Promise<void> {
    for (const move of this.armedMoves)
      await rm(join(move.repository.git.path, 'hooks', 'pre-receive'), { force: true });
    this.armedMoves = [];
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private get site(): Site {
    return { apiUrl: this.apiUrl, webUrl: this.webUrl };
  }

  private cloneUrl(repository: RepositoryState): string {
    const path = `${repository.owner}/${repository.name}.git`;
    return this.options.gitTransport === 'http' ? `${this.webUrl}/${path}` : `${this.options.gitDaemonUrl}/${path}`;
  }

  // --- serving -------------------------------------------------------------------------------------------------

  private async serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.webUrl);
    if (url.pathname === '/_double/pre-receive') return this.preReceive(request, response, url);
    const gitPath = /^\/([^/]+)\/([^/]+)\.git(\/.*)$/.exec(url.pathname);
    if (gitPath) return this.serveGit(request, response, url, gitPath);

    const prefix = this.options.enterprise ? '/api/v3' : '';
    const graphql = this.options.enterprise ? '/api/graphql' : '/graphql';
    const method = request.method ?? 'GET';
    const requestBody = await readJson(request);
    const send = (template: string, reply: Reply, fault?: Fault['kind']) => {
      this.exchanges.push({
        at: Date.now(),
        method,
        template,
        path: url.pathname,
        request: requestBody,
        status: reply.status,
        body: reply.body,
        fault,
      });
      const body = reply.body === undefined ? '' : JSON.stringify(reply.body);
      response.writeHead(reply.status, { ...standardHeaders(), ...reply.headers });
      response.end(body);
    };

    const grant = this.tokens.get(tokenOf(request) ?? '');
    if (url.pathname === graphql && method === 'POST') {
      return send('/graphql', grant ? await this.graphql(grant, requestBody) : unauthorized());
    }
    const path = prefix && url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) : url.pathname;
    const route = this.routes.find((candidate) => candidate.method === method && candidate.pattern.test(path));
    if (!route || (prefix && !url.pathname.startsWith(prefix)))
      return send(path, { status: 404, body: errorJson('Not Found') });
    if (!grant) return send(route.template, unauthorized());
    const params = (route.pattern.exec(path) as RegExpExecArray).groups ?? {};
    const repository = this.repositories.get(`${params.owner}/${params.repo}`.toLowerCase());
    if (!repository || grant.contents === 'none')
      return send(route.template, { status: 404, body: errorJson('Not Found') });

    const fault = this.faults.take(method, route.template);
    const call: ApiCall = {
      params: decodeParams(params),
      query: url.searchParams,
      body: requestBody,
      grant,
      repository,
    };
    if (fault) return send(route.template, await this.faultReply(fault, call), fault.kind);
    const reply =
      method === 'GET' ? await route.handle(call) : await this.serialized(repository, () => route.handle(call));
    send(route.template, reply);
  }

  private async faultReply(fault: Fault, call: ApiCall): Promise<Reply> {
    switch (fault.kind) {
      case 'status':
        return { status: fault.status, body: errorJson(fault.message) };
      case 'secondary-rate-limit':
        return {
          status: 403,
          headers: { 'retry-after': String(fault.retryAfterSeconds) },
          body: errorJson('You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'),
        };
      case 'pull-request-race': {
        await this.serialized(call.repository, () => this.createPullRequest(call));
        return this.serialized(call.repository, () => this.createPullRequest(call));
      }
    }
  }

  /** Write requests to one repository run one at a time, as GitHub's own checks (one open PR per head) require. */
  private async serialized(repository: RepositoryState, work: () => Promise<Reply>): Promise<Reply> {
    const key = `${repository.owner}/${repository.name}`;
    const previous = this.locks.get(key) ?? Promise.resolve();
    const next = previous.then(work, work);
    this.locks.set(
      key,
      next.catch(() => undefined),
    );
    return next;
  }

  private async serveGit(
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
    match: RegExpExecArray,
  ): Promise<void> {
    const [, owner, repo, rest] = match;
    this.gitRequests.push({ path: `${url.pathname}${url.search}`, authorization: request.headers.authorization });
    const grant = this.tokens.get(basicToken(request) ?? '');
    const repository = this.repositories.get(`${owner}/${repo}`.toLowerCase());
    const fail = (status: number, text: string, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'content-type': 'text/plain', ...headers });
      response.end(`${text}\n`);
    };
    if (!grant) return fail(401, 'Invalid username or token.', { 'www-authenticate': 'Basic realm="GitHub"' });
    if (!repository || grant.contents === 'none') return fail(404, 'Repository not found.');
    const pushing = url.searchParams.get('service') === 'git-receive-pack' || rest === '/git-receive-pack';
    if (pushing && grant.contents !== 'write') {
      return fail(403, `Permission to ${owner}/${repo}.git denied to ${grant.account.login}.`);
    }
    await serveGitHttp(request, response, {
      projectRoot: this.options.gitBase,
      pathInfo: `/${owner}/${repo}.git${rest}`,
      query: url.search.slice(1),
      remoteUser: grant.account.login,
    });
  }

  /** Called by the pre-receive hook of a repository with an armed move: lines of `<old> <new> <ref>`. */
  private async preReceive(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    const text = await readText(request);
    const repository = this.repository(url.searchParams.get('repository') ?? '');
    for (const line of text.split('\n')) {
      const ref = line.trim().split(' ')[2];
      if (ref?.startsWith('refs/heads/')) await this.fireMove(repository, ref.slice('refs/heads/'.length));
    }
    response.writeHead(200);
    response.end();
  }

  private async fireMove(repository: RepositoryState, branch: string): Promise<void> {
    const move = this.armedMoves.find((item) => item.repository === repository && item.branch === branch);
    if (!move) return;
    this.armedMoves = this.armedMoves.filter((item) => item !== move);
    if (!this.armedMoves.some((item) => item.repository === repository)) {
      await rm(join(repository.git.path, 'hooks', 'pre-receive'), { force: true });
    }
    await this.commitAsPerson(
      `${repository.owner}/${repository.name}`,
      branch,
      move.files,
      'A change pushed by someone else',
    );
  }

  // --- REST endpoints --------------------------------------------------------------------------------------------

  private defineRoutes(): void {
    const route = (method: string, template: string, handle: (call: ApiCall) => Promise<Reply>) => {
      const source = template.replace(/\{(\w+)\}/g, (_, name: string) =>
        name === 'ref' ? `(?<${name}>.+)` : `(?<${name}>[^/]+)`,
      );
      this.routes.push({ method, template, pattern: new RegExp(`^${source}$`), handle });
    };
    route('GET', '/repos/{owner}/{repo}', async ({ repository, grant }) => ({
      status: 200,
      body: repositoryJson(this.site, repository, this.cloneUrl(repository), grant),
    }));
    route('GET', '/repos/{owner}/{repo}/pulls', (call) => this.listPullRequests(call));
    route('POST', '/repos/{owner}/{repo}/pulls', (call) => this.createPullRequest(call));
    route('GET', '/repos/{owner}/{repo}/pulls/{pull_number}', (call) => this.getPullRequest(call));
    route('PATCH', '/repos/{owner}/{repo}/pulls/{pull_number}', (call) => this.updatePullRequest(call));
    route('GET', '/repos/{owner}/{repo}/compare/{basehead}', (call) => this.compare(call));
    route('GET', '/repos/{owner}/{repo}/commits/{ref}', (call) => this.getCommit(call));
    route('POST', '/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers', (call) =>
      this.requestReviewers(call),
    );
    route('POST', '/repos/{owner}/{repo}/issues/{issue_number}/labels', (call) => this.addLabels(call));
    route('POST', '/repos/{owner}/{repo}/issues/{issue_number}/assignees', (call) => this.addAssignees(call));
    route('POST', '/repos/{owner}/{repo}/git/trees', (call) => this.createTree(call));
    route('POST', '/repos/{owner}/{repo}/git/commits', (call) => this.createCommit(call));
    route('GET', '/repos/{owner}/{repo}/git/ref/{ref}', (call) => this.getRef(call));
    route('POST', '/repos/{owner}/{repo}/git/refs', (call) => this.createRef(call));
    route('PATCH', '/repos/{owner}/{repo}/git/refs/{ref}', (call) => this.updateRef(call));
    route('POST', '/repos/{owner}/{repo}/attestations', (call) => this.createAttestation(call));
    route('GET', '/repos/{owner}/{repo}/attestations/{subject_digest}', (call) => this.listAttestations(call));
  }

  /**
   * As GitHub's artifact attestations API: the body must be what the description allows, and the bundle a DSSE
   * envelope whose in-toto statement names the subjects it is then listed under.
   */
  private async createAttestation({ grant, repository, body }: ApiCall): Promise<Reply> {
    if (grant.attestations !== 'write') return forbidden('attestations=write');
    const problems = checkRequest('POST', '/repos/{owner}/{repo}/attestations', body);
    if (problems.length > 0) return invalid({ resource: 'Attestation', code: 'invalid', message: problems[0] });
    const bundle = (body as { bundle: { dsseEnvelope?: { payload?: string; payloadType?: string } } }).bundle;
    let subjects: { digest?: Record<string, string> }[] = [];
    try {
      const statement = JSON.parse(Buffer.from(bundle.dsseEnvelope?.payload ?? '', 'base64').toString('utf8'));
      subjects = Array.isArray(statement.subject) ? statement.subject : [];
    } catch {
      // an envelope without a JSON statement names no subject
    }
    const subjectDigests = subjects.flatMap((subject) =>
      Object.entries(subject.digest ?? {}).map(([algorithm, hex]) => `${algorithm}:${hex}`),
    );
    if (bundle.dsseEnvelope?.payloadType !== 'application/vnd.in-toto+json' || subjectDigests.length === 0) {
      return invalid({ resource: 'Attestation', code: 'invalid', message: 'the bundle holds no in-toto statement' });
    }
    const id = repository.attestations.length + 1;
    repository.attestations.push({ id, bundle, subjectDigests });
    return { status: 201, body: { id } };
  }

  private async listAttestations({ repository, params }: ApiCall): Promise<Reply> {
    const found = repository.attestations.filter((attestation) =>
      attestation.subjectDigests.includes(params.subject_digest ?? ''),
    );
    return {
      status: 200,
      body: {
        attestations: found.map((attestation) => ({
          bundle: attestation.bundle,
          repository_id: repository.id,
          bundle_url: `${this.apiUrl}/repos/${repository.owner}/${repository.name}/attestations/${attestation.id}/bundle`,
        })),
      },
    };
  }

  private async listPullRequests({ repository, query }: ApiCall): Promise<Reply> {
    const state = query.get('state') ?? 'open';
    const head = query.get('head')?.split(':').at(-1);
    const base = query.get('base');
    const pulls = repository.pulls
      .filter(
        (pull) =>
          (state === 'all' || pull.state === state) && (!head || pull.head === head) && (!base || pull.base === base),
      )
      .sort((a, b) => b.number - a.number)
      .slice(0, Number(query.get('per_page') ?? 30));
    const body = [];
    for (const pull of pulls)
      body.push(
        pullRequestJson(
          this.site,
          repository,
          pull,
          await this.tips(repository, pull),
          this.cloneUrl(repository),
          'list',
        ),
      );
    return { status: 200, body };
  }

  private async createPullRequest({ repository, body, grant }: ApiCall): Promise<Reply> {
    if (grant.pullRequests !== 'write') return forbidden('pull_requests=write');
    const head = String(body.head ?? '')
      .split(':')
      .at(-1) as string;
    const base = String(body.base ?? '');
    const headTip = await repository.git.branchTip(head);
    const baseTip = await repository.git.branchTip(base);
    if (!headTip) return invalid({ resource: 'PullRequest', field: 'head', code: 'invalid' });
    if (!baseTip) return invalid({ resource: 'PullRequest', field: 'base', code: 'invalid' });
    if (repository.pulls.some((pull) => pull.state === 'open' && pull.head === head && pull.base === base)) {
      return invalid({
        resource: 'PullRequest',
        code: 'custom',
        message: `A pull request already exists for ${repository.owner}:${head}.`,
      });
    }
    if (await repository.git.isAncestor(headTip, baseTip)) {
      return invalid({ resource: 'PullRequest', code: 'custom', message: `No commits between ${base} and ${head}` });
    }
    const number = repository.nextNumber++;
    const created = now();
    const pull: PullRequestState = {
      number,
      id: idFor(`${repository.id}#${number}`),
      head,
      base,
      title: String(body.title ?? ''),
      body: String(body.body ?? ''),
      state: 'open',
      draft: body.draft === true,
      user: grant.account,
      labels: [],
      requestedReviewers: [],
      requestedTeams: [],
      assignees: [],
      createdAt: created,
      updatedAt: created,
      closedAt: null,
      mergedAt: null,
      mergeCommitSha: null,
      mergedBy: null,
    };
    repository.pulls.push(pull);
    return { status: 201, body: await this.pullRequestBody(repository, pull, 'full') };
  }

  private async getPullRequest(call: ApiCall): Promise<Reply> {
    if (call.grant.pullRequests === 'none') return forbidden('pull_requests=read');
    const pull = this.findPull(call, 'pull_number');
    if (!pull) return { status: 404, body: errorJson('Not Found') };
    return { status: 200, body: await this.pullRequestBody(call.repository, pull, 'full') };
  }

  /** `base...head`: how head stands against base (ahead, behind, identical, diverged), head's own commits listed. */
  private async compare({ repository, params, query }: ApiCall): Promise<Reply> {
    const [baseRef = '', headRef = ''] = (params.basehead ?? '').split('...');
    const git = repository.git;
    const base = await git.resolveCommit(baseRef);
    const head = await git.resolveCommit(headRef);
    if (!base || !head) return { status: 404, body: errorJson('Not Found') };
    const { ahead, behind, mergeBase } = await git.divergence(base, head);
    if (!mergeBase) return { status: 404, body: errorJson(`No common ancestor between ${baseRef} and ${headRef}.`) };
    const page = ahead.slice(0, Number(query.get('per_page') ?? 250));
    const comparison = {
      base: await git.readCommit(base),
      mergeBase: await git.readCommit(mergeBase),
      aheadBy: ahead.length,
      behindBy: behind,
      commits: await Promise.all(page.map((sha) => git.readCommit(sha))),
    };
    return { status: 200, body: comparisonJson(this.site, repository, `${baseRef}...${headRef}`, comparison) };
  }

  private async getCommit({ repository, params }: ApiCall): Promise<Reply> {
    const sha = await repository.git.resolveCommit(params.ref ?? '');
    if (!sha) return { status: 422, body: errorJson(`No commit found for SHA: ${params.ref}`) };
    return { status: 200, body: commitDetailJson(this.site, repository, await repository.git.readCommit(sha)) };
  }

  private async updatePullRequest(call: ApiCall): Promise<Reply> {
    if (call.grant.pullRequests !== 'write') return forbidden('pull_requests=write');
    const pull = this.findPull(call, 'pull_number');
    if (!pull) return { status: 404, body: errorJson('Not Found') };
    if (typeof call.body.title === 'string') pull.title = call.body.title;
    if (typeof call.body.body === 'string') pull.body = call.body.body;
    pull.updatedAt = now();
    return { status: 200, body: await this.pullRequestBody(call.repository, pull, 'full') };
  }

  private async requestReviewers(call: ApiCall): Promise<Reply> {
    if (call.grant.pullRequests !== 'write') return forbidden('pull_requests=write');
    const pull = this.findPull(call, 'pull_number');
    if (!pull) return { status: 404, body: errorJson('Not Found') };
    const reviewers = stringList(call.body.reviewers);
    if (reviewers.includes(pull.user.login)) {
      return { status: 422, body: errorJson('Review cannot be requested from pull request author.') };
    }
    pull.requestedReviewers = union(pull.requestedReviewers, reviewers);
    pull.requestedTeams = union(pull.requestedTeams, stringList(call.body.team_reviewers));
    return { status: 201, body: await this.pullRequestBody(call.repository, pull, 'list') };
  }

  private async addLabels(call: ApiCall): Promise<Reply> {
    if (call.grant.pullRequests !== 'write') return forbidden('issues=write; pull_requests=write');
    const pull = this.findPull(call, 'issue_number');
    if (!pull) return { status: 404, body: errorJson('Not Found') };
    for (const name of stringList(call.body.labels)) {
      if (!call.repository.labels.has(name)) call.repository.labels.set(name, idFor(`${call.repository.id}/${name}`));
    }
    pull.labels = union(pull.labels, stringList(call.body.labels));
    return { status: 200, body: pull.labels.map((name) => labelJson(this.site, call.repository, name)) };
  }

  private async addAssignees(call: ApiCall): Promise<Reply> {
    if (call.grant.pullRequests !== 'write') return forbidden('issues=write; pull_requests=write');
    const pull = this.findPull(call, 'issue_number');
    if (!pull) return { status: 404, body: errorJson('Not Found') };
    pull.assignees = union(pull.assignees, stringList(call.body.assignees));
    return { status: 201, body: issueJson(this.site, call.repository, pull) };
  }

  private async createTree({ repository, body, grant }: ApiCall): Promise<Reply> {
    if (grant.contents !== 'write') return forbidden('contents=write');
    const entries = (body.tree ?? []) as { path: string; mode: string; content?: string; sha?: string | null }[];
    let tree: string;
    try {
      tree = await repository.git.writeTree(body.base_tree as string | undefined, entries);
    } catch {
      return invalid({ resource: 'Tree', field: 'base_tree', code: 'invalid' });
    }
    return { status: 201, body: treeJson(this.site, repository, tree, await repository.git.treeEntries(tree)) };
  }

  private async createCommit({ repository, body, grant }: ApiCall): Promise<Reply> {
    if (grant.contents !== 'write') return forbidden('contents=write');
    const parents = stringList(body.parents);
    for (const parent of parents) {
      if (!(await repository.git.hasCommit(parent)))
        return invalid({ resource: 'Commit', field: 'parents', code: 'invalid' });
    }
    const given = body.author as { name: string; email: string } | undefined;
    const author = given
      ? { name: given.name, email: given.email, date: now() }
      : {
          name: grant.account.login,
          email: `${grant.account.id}+${grant.account.login}@users.noreply.github.com`,
          date: now(),
        };
    const sha = await repository.git.writeCommit(String(body.tree), parents, String(body.message ?? ''), author);
    return { status: 201, body: commitJson(this.site, repository, await repository.git.readCommit(sha)) };
  }

  private async getRef({ repository, params }: ApiCall): Promise<Reply> {
    const branch = params.ref?.replace(/^heads\//, '') ?? '';
    const tip = await repository.git.branchTip(branch);
    return tip
      ? { status: 200, body: refJson(this.site, repository, `refs/heads/${branch}`, tip) }
      : { status: 404, body: errorJson('Not Found') };
  }

  private async createRef({ repository, body, grant }: ApiCall): Promise<Reply> {
    if (grant.contents !== 'write') return forbidden('contents=write');
    const ref = String(body.ref ?? '');
    const sha = String(body.sha ?? '');
    if (!ref.startsWith('refs/heads/')) return invalid({ resource: 'Ref', field: 'ref', code: 'invalid' });
    const branch = ref.slice('refs/heads/'.length);
    await this.fireMove(repository, branch);
    if (!(await repository.git.hasCommit(sha))) return { status: 422, body: errorJson('Object does not exist') };
    if (!(await repository.git.compareAndSwap(branch, sha, undefined))) {
      return { status: 422, body: errorJson('Reference already exists') };
    }
    return { status: 201, body: refJson(this.site, repository, ref, sha) };
  }

  /** `force: false` moves the branch only to a descendant of where it is, atomically: GitHub's compare-and-swap. */
  private async updateRef({ repository, body, params, grant }: ApiCall): Promise<Reply> {
    if (grant.contents !== 'write') return forbidden('contents=write');
    const branch = params.ref?.replace(/^heads\//, '') ?? '';
    const sha = String(body.sha ?? '');
    await this.fireMove(repository, branch);
    const current = await repository.git.branchTip(branch);
    if (!current) return { status: 422, body: errorJson('Reference does not exist') };
    if (!(await repository.git.hasCommit(sha))) return { status: 422, body: errorJson('Object does not exist') };
    if (body.force !== true && !(await repository.git.isAncestor(current, sha))) {
      return { status: 422, body: errorJson('Update is not a fast forward') };
    }
    if (!(await repository.git.compareAndSwap(branch, sha, current))) {
      return { status: 422, body: errorJson('Reference update failed') };
    }
    return { status: 200, body: refJson(this.site, repository, `refs/heads/${branch}`, sha) };
  }

  /** `enablePullRequestAutoMerge`, the only GraphQL the actions send; the answer follows GitHub's GraphQL schema. */
  private async graphql(grant: TokenGrant, body: Record<string, unknown>): Promise<Reply> {
    const query = String(body.query ?? '');
    const variables = (body.variables ?? {}) as { pullRequestId?: string; mergeMethod?: string };
    const fail = (type: string, message: string) => ({
      status: 200,
      body: {
        data: { enablePullRequestAutoMerge: null },
        errors: [{ type, path: ['enablePullRequestAutoMerge'], message }],
      },
    });
    if (!query.includes('enablePullRequestAutoMerge'))
      return { status: 200, body: { errors: [{ message: 'Unsupported query' }] } };
    const found = [...this.repositories.values()].flatMap((repository) =>
      repository.pulls
        .filter((pull) => nodeIdFor('PullRequest', pull.id) === variables.pullRequestId)
        .map((pull) => ({ repository, pull })),
    )[0];
    if (!found)
      return fail('NOT_FOUND', `Could not resolve to a node with the global id of '${variables.pullRequestId}'`);
    if (grant.pullRequests !== 'write') return fail('FORBIDDEN', 'Resource not accessible by integration');
    if (!found.repository.allowAutoMerge)
      return fail('UNPROCESSABLE', 'Pull request Auto merge is not allowed for this repository');
    const method = (variables.mergeMethod ?? 'MERGE').toLowerCase() as 'merge' | 'squash' | 'rebase';
    found.pull.autoMerge = { method, enabledBy: grant.account };
    return {
      status: 200,
      body: { data: { enablePullRequestAutoMerge: { pullRequest: { number: found.pull.number } } } },
    };
  }

  private findPull(call: ApiCall, param: string): PullRequestState | undefined {
    return call.repository.pulls.find((pull) => pull.number === Number(call.params[param]));
  }

  private async pullRequestBody(repository: RepositoryState, pull: PullRequestState, form: 'full' | 'list') {
    return pullRequestJson(
      this.site,
      repository,
      pull,
      await this.tips(repository, pull),
      this.cloneUrl(repository),
      form,
    );
  }

  /** A pull request's head and base are live branches of the bare repository. */
  private async tips(repository: RepositoryState, pull: PullRequestState): Promise<{ head: string; base: string }> {
    return {
      head: (await repository.git.branchTip(pull.head)) ?? '0'.repeat(40),
      base: (await repository.git.branchTip(pull.base)) ?? '0'.repeat(40),
    };
  }
}

function unauthorized(): Reply {
  return { status: 401, body: errorJson('Bad credentials') };
}

/** What GitHub answers a GitHub App or fine-grained token that lacks a permission. */
function forbidden(permissions: string): Reply {
  return {
    status: 403,
    headers: { 'x-accepted-github-permissions': permissions },
    body: errorJson('Resource not accessible by integration'),
  };
}

function invalid(error: Record<string, unknown>): Reply {
  return { status: 422, body: errorJson('Validation Failed', [error]) };
}

function tokenOf(request: IncomingMessage): string | undefined {
  return /^(?:token|bearer)\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
}

/** git sends `Authorization: basic base64(x-access-token:TOKEN)`. */
function basicToken(request: IncomingMessage): string | undefined {
  const encoded = /^basic\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
  if (!encoded) return undefined;
  return Buffer.from(encoded, 'base64').toString('utf8').split(':').slice(1).join(':');
}

async function readText(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const text = await readText(request);
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

function decodeParams(params: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).map(([key, value]) => [key, decodeURIComponent(value)]));
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

function union(current: readonly string[], added: readonly string[]): string[] {
  return [...new Set([...current, ...added])];
}
