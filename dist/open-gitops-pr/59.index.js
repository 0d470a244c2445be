export const id = 59;
export const ids = [59];
export const modules = {

/***/ 5059:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  openGitopsPr: () => (/* binding */ openGitopsPr)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 10 modules
var core = __webpack_require__(7264);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/errors.js
var errors = __webpack_require__(5685);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/git/ref-moved-error.js
/**
 * A branch update lost a race: the branch moved (or appeared) after it was read, so the update was refused
 * rather than overwriting what someone else pushed. The caller reads the new tip and tries again.
 */
class RefMovedError extends Error {
    branch;
    reason;
    name = 'RefMovedError';
    constructor(branch, reason) {
        super(`Update of ${branch} was refused because it moved meanwhile (${reason}).`);
        this.branch = branch;
        this.reason = reason;
    }
}
function isRefMovedError(error) {
    return error instanceof RefMovedError;
}

// EXTERNAL MODULE: ./tmp/ncc-input/src/core/github/api-errors.js
var api_errors = __webpack_require__(5712);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/github/repository.js
var github_repository = __webpack_require__(4548);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/github/api-commits.js



// What GitHub answers when the ref is no longer where the update assumed (git data API, 409 and 422).
const LOST_RACE = /not a fast.?forward|reference update failed|reference already exists|reference does not exist/i;
/**
 * Makes commits through GitHub's git data API, so that GitHub signs them as the token's identity (shown as
 * Verified), and moves branches only by fast-forward: `force: false`, which GitHub checks atomically.
 */
class GitHubCommitWriter {
    client;
    repository;
    constructor(client, repository) {
        this.client = client;
        this.repository = repository;
    }
    /** A commit whose tree is `baseTree` with `files` replaced, on top of `parents`; no branch moves. */
    async createCommit(options) {
        return this.writing('create a commit', async () => {
            const { data: tree } = await this.client.rest.git.createTree({
                ...this.repository,
                base_tree: options.baseTree,
                tree: options.files.map((file) => ({ path: file.path, mode: file.mode, type: 'blob', content: file.content })),
            });
            // No author or committer: GitHub then signs the commit with its own key.
            const { data: commit } = await this.client.rest.git.createCommit({
                ...this.repository,
                message: options.message,
                tree: tree.sha,
                parents: [...options.parents],
            });
            return commit.sha;
        });
    }
    /** Points `branch` at `commit`: creates it when `exists` is false, else fast-forwards it; a lost race throws RefMovedError. */
    async moveBranch(branch, commit, exists) {
        await this.writing(`move ${branch}`, async () => {
            try {
                if (exists) {
                    await this.client.rest.git.updateRef({
                        ...this.repository,
                        ref: `heads/${branch}`,
                        sha: commit,
                        force: false,
                    });
                }
                else {
                    await this.client.rest.git.createRef({ ...this.repository, ref: `refs/heads/${branch}`, sha: commit });
                }
            }
            catch (error) {
                if ((0,api_errors/* isApiError */.d7)(error) && (error.status === 409 || error.status === 422) && LOST_RACE.test(error.message)) {
                    throw new RefMovedError(branch, `${error.status} ${error.message.split(' - ')[0]}`);
                }
                throw error;
            }
        });
    }
    async writing(action, work) {
        try {
            return await work();
        }
        catch (error) {
            throw (0,api_errors/* explainApiError */.cU)(error, `${action} in ${(0,github_repository/* formatRepositoryName */.FI)(this.repository)}`, 'contents: write');
        }
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js + 21 modules
var github = __webpack_require__(1758);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-retry/dist-bundle/index.js
var dist_bundle = __webpack_require__(9735);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-throttling/dist-bundle/index.js
var plugin_throttling_dist_bundle = __webpack_require__(6856);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/github/client.js





/** Requests that hit a rate limit are retried this often, each after the wait GitHub asks for. */
const RATE_LIMIT_RETRIES = 3;
/**
 * Octokit for one run: 5xx answers retried with growing pauses, primary and secondary rate limits waited out as
 * `retry-after` / `x-ratelimit-reset` say, and writes paced as GitHub asks of each client.
 */
function createGitHubClient(options) {
    const waitUnitMs = options.waitUnitMs ?? 1000;
    const onLimit = (kind) => (retryAfter, request, _, count) => {
        if (count >= RATE_LIMIT_RETRIES) {
            core/* warning */.$e(`${kind} for ${request.method} ${request.url}: giving up after ${count} retries.`);
            return false;
        }
        core/* info */.pq(`${kind} for ${request.method} ${request.url}: retrying after ${retryAfter} s.`);
        return true;
    };
    return (0,github/* getOctokit */.Q)(options.token, {
        baseUrl: options.apiUrl.replace(/\/+$/, ''),
        retry: { retryAfterBaseValue: waitUnitMs },
        throttle: {
            // Pacing is per run, as on a runner, where each run is its own process.
            id: (0,external_node_crypto_.randomUUID)(),
            retryAfterBaseValue: waitUnitMs,
            onRateLimit: onLimit('Rate limit'),
            onSecondaryRateLimit: onLimit('Secondary rate limit'),
        },
    }, dist_bundle/* retry */.L, plugin_throttling_dist_bundle/* throttling */.A);
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/github/pull-requests.js




const ALREADY_EXISTS = /pull request already exists/i;
const ACTIONS_MAY_NOT_CREATE = /not permitted to create or approve pull requests/i;
const AUTO_MERGE_MUTATION = `mutation($pullRequestId: ID!, $mergeMethod: PullRequestMergeMethod!) {
  enablePullRequestAutoMerge(input: {pullRequestId: $pullRequestId, mergeMethod: $mergeMethod}) {
    pullRequest { number }
  }
}`;
/**
 * Keeps exactly one open pull request per branch and base: creates it when there is none (a duplicate refused by
 * GitHub is found and reused), refreshes its title and body when the branch moved, and otherwise writes nothing.
 */
class PullRequestPublisher {
    client;
    repository;
    constructor(client, repository) {
        this.client = client;
        this.repository = repository;
    }
    async findOpen(branch, base) {
        try {
            const { data } = await this.client.rest.pulls.list({
                ...this.repository,
                state: 'open',
                head: `${this.repository.owner}:${branch}`,
                base,
                per_page: 1,
            });
            const found = data[0];
            return (found && {
                number: found.number,
                url: found.html_url,
                nodeId: found.node_id,
                title: found.title,
                body: found.body ?? '',
            });
        }
        catch (error) {
            throw (0,api_errors/* explainApiError */.cU)(error, `list pull requests of ${this.name}`, 'pull-requests: read');
        }
    }
    async publish(request) {
        let open = await this.findOpen(request.branch, request.base);
        if (!open) {
            const created = await this.create(request);
            if (created)
                return { number: created.number, url: created.url, operation: 'created' };
            // Another run opened it between our look and our create.
            open = await this.findOpen(request.branch, request.base);
            if (!open)
                throw new Error(`GitHub says a pull request for ${request.branch} exists, but lists none open.`);
        }
        if (!request.branchMoved)
            return { number: open.number, url: open.url, operation: 'unchanged' };
        if (open.title !== request.title || open.body !== request.body) {
            await this.writing('update a pull request', 'pull-requests: write', () => this.client.rest.pulls.update({
                ...this.repository,
                pull_number: open.number,
                title: request.title,
                body: request.body,
            }));
        }
        return { number: open.number, url: open.url, operation: 'updated' };
    }
    /** Opens and decorates the pull request; undefined when GitHub refuses it as a duplicate of an open one. */
    async create(request) {
        let created;
        try {
            ({ data: created } = await this.client.rest.pulls.create({
                ...this.repository,
                head: request.branch,
                base: request.base,
                title: request.title,
                body: request.body,
                draft: request.extras.draft,
            }));
        }
        catch (error) {
            if ((0,api_errors/* isValidationError */.Ah)(error, ALREADY_EXISTS))
                return undefined;
            if ((0,api_errors/* isApiError */.d7)(error) && ACTIONS_MAY_NOT_CREATE.test(error.message)) {
                throw new errors/* UserError */.yo(`${this.name} does not let GitHub Actions open pull requests: allow it under Settings > Actions > General ` +
                    '("Allow GitHub Actions to create and approve pull requests"), or pass a token of a GitHub App or user.');
            }
            throw (0,api_errors/* explainApiError */.cU)(error, `open a pull request in ${this.name}`, 'pull-requests: write');
        }
        const opened = {
            number: created.number,
            url: created.html_url,
            nodeId: created.node_id,
            title: created.title,
            body: created.body ?? '',
        };
        await this.decorate(opened, request.extras);
        return opened;
    }
    async decorate(pullRequest, extras) {
        const issue = { ...this.repository, issue_number: pullRequest.number };
        if (extras.labels.length > 0) {
            await this.writing('label the pull request', 'issues: write" or "pull-requests: write', () => this.client.rest.issues.addLabels({ ...issue, labels: [...extras.labels] }));
        }
        if (extras.assignees.length > 0) {
            await this.writing('assign the pull request', 'issues: write" or "pull-requests: write', () => this.client.rest.issues.addAssignees({ ...issue, assignees: [...extras.assignees] }));
        }
        if (extras.reviewers.length > 0 || extras.teamReviewers.length > 0)
            await this.requestReviews(pullRequest, extras);
        if (extras.autoMerge)
            await this.enableAutoMerge(pullRequest, extras.autoMerge);
    }
    /** GitHub refuses reviewers who are not collaborators (or are the author); that is worth a warning, not a failure. */
    async requestReviews(pullRequest, extras) {
        try {
            await this.client.rest.pulls.requestReviewers({
                ...this.repository,
                pull_number: pullRequest.number,
                reviewers: [...extras.reviewers],
                team_reviewers: [...extras.teamReviewers],
            });
        }
        catch (error) {
            if ((0,api_errors/* isApiError */.d7)(error) && error.status === 422) {
                core/* warning */.$e(`Could not request reviews on #${pullRequest.number}: ${error.message.split(' - ')[0]}`);
                return;
            }
            throw (0,api_errors/* explainApiError */.cU)(error, 'request reviews', 'pull-requests: write');
        }
    }
    /** Auto-merge exists only in GraphQL; a repository that does not allow it gets a warning, the pull request stays. */
    async enableAutoMerge(pullRequest, mergeMethod) {
        try {
            await this.client.graphql(AUTO_MERGE_MUTATION, {
                pullRequestId: pullRequest.nodeId,
                mergeMethod: mergeMethod.toUpperCase(),
            });
        }
        catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            core/* warning */.$e(`Could not enable auto-merge (${mergeMethod}) on #${pullRequest.number}: ${message}`);
        }
    }
    async writing(action, permission, work) {
        try {
            await work();
        }
        catch (error) {
            throw (0,api_errors/* explainApiError */.cU)(error, `${action} in ${this.name}`, permission);
        }
    }
    get name() {
        return (0,github_repository/* formatRepositoryName */.FI)(this.repository);
    }
}

// EXTERNAL MODULE: ./node_modules/@actions/exec/lib/exec.js + 3 modules
var exec = __webpack_require__(1260);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/secrets.js
var secrets = __webpack_require__(1877);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/exec.js


class ToolFailedError extends Error {
    command;
    result;
    constructor(command, result) {
        const detail = lastLines(result.stderr || result.stdout, 5);
        super(`${command} failed with exit code ${result.exitCode}${detail ? `: ${detail}` : ''}`);
        this.command = command;
        this.result = result;
    }
}
/**
 * Runs a tool with an argv array (never through a shell), streaming its output line by line
 * with registered secrets redacted, and returns what it printed.
 */
async function execTool(tool, args, options = {}) {
    const commandLine = (0,secrets/* redact */.E)([tool, ...args].join(' '));
    const echo = (stream) => (line) => {
        if (!options.silent)
            stream.write(`${(0,secrets/* redact */.E)(line)}\n`);
    };
    if (!options.silent)
        process.stdout.write(`[command]${commandLine}\n`);
    const output = await exec/* getExecOutput */.H(tool, [...args], {
        cwd: options.cwd,
        env: options.env ? { ...process.env, ...options.env } : undefined,
        input: typeof options.input === 'string' ? Buffer.from(options.input) : options.input,
        silent: true,
        ignoreReturnCode: true,
        listeners: { stdline: echo(process.stdout), errline: echo(process.stderr) },
    });
    const result = { exitCode: output.exitCode, stdout: (0,secrets/* redact */.E)(output.stdout), stderr: (0,secrets/* redact */.E)(output.stderr) };
    if (result.exitCode !== 0 && !options.allowFailure)
        throw new ToolFailedError(commandLine, result);
    return result;
}
function lastLines(text, count) {
    return text.trim().split(/\r?\n/).slice(-count).join(' | ');
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/git/git-cli.js




/** GIT_CONFIG_COUNT, which carries the auth header without writing it anywhere, arrived in git 2.31. */
const MINIMUM_VERSION = [2, 31];
const REMOTE = 'origin';
// Push rejections that mean "the ref moved after we read it": fetch, re-apply, retry.
const git_cli_LOST_RACE = /fetch first|non-fast-forward|stale info|failed to update ref|cannot lock ref|incorrect old value/;
/**
 * A local working copy of one remote repository, driven through the git CLI. Every call goes through one
 * private `exec`; the token lives only in each git process's environment, never in a URL, argv or config file.
 */
class GitCli {
    directory;
    remote;
    env;
    constructor(directory, remote, env) {
        this.directory = directory;
        this.remote = remote;
        this.env = env;
    }
    /**
     * Makes an empty repository in `directory` (which must exist) whose origin is `remote`. With `sparseDirectories`,
     * checkouts hold only those folders (cone mode: plus the files of their parent folders).
     */
    static async createRepository(directory, remote, sparseDirectories) {
        const git = new GitCli(directory, remote, gitEnvironment(remote));
        await git.requireVersion();
        await git.exec(['init', '--quiet']);
        await git.exec(['remote', 'add', REMOTE, remote.url]);
        if (sparseDirectories && sparseDirectories.length > 0) {
            await git.exec(['sparse-checkout', 'set', '--cone', '--', ...sparseDirectories]);
        }
        return git;
    }
    /** The tips of those branches that exist on the remote, by branch name. */
    async remoteBranches(branches) {
        const refs = branches.map(headRef);
        const { stdout } = await this.exec(['ls-remote', REMOTE, ...refs], { access: 'read', silent: true });
        const tips = new Map();
        for (const line of stdout.split('\n')) {
            const [sha, ref] = line.trim().split('\t');
            if (sha && ref && refs.includes(ref))
                tips.set(ref.slice('refs/heads/'.length), sha);
        }
        return tips;
    }
    /**
     * Fetches the last commit of each branch (no blobs beyond what a checkout needs, when the server allows) and
     * returns their tips; a branch deleted since it was listed throws RefMovedError.
     */
    async fetchBranches(branches) {
        const result = await this.exec(['fetch', '--quiet', '--no-tags', '--depth=1', '--filter=blob:none', REMOTE, ...branches.map(trackingRefspec)], { access: 'read', allowFailure: true });
        const vanished = /couldn't find remote ref refs\/heads\/(\S+)/.exec(result.stderr)?.[1];
        if (vanished)
            throw new RefMovedError(vanished, 'deleted meanwhile');
        if (result.exitCode !== 0)
            throw new ToolFailedError('git fetch', result);
        const tips = new Map();
        for (const branch of branches) {
            tips.set(branch, (await this.exec(['rev-parse', trackingRef(branch)], { silent: true })).stdout.trim());
        }
        return tips;
    }
    /**
     * Whether `commit` is in the history of the fetched `branch`, deepening the shallow history up to `maxDepth`
     * commits; false when it is not found that deep.
     */
    async branchContains(branch, commit, maxDepth) {
        let depth = 1;
        let known = 0;
        for (;;) {
            const history = await this.history(trackingRef(branch));
            if (history.includes(commit))
                return true;
            // Deepening that adds nothing means the whole history is here.
            if (depth >= maxDepth || history.length === known)
                return false;
            known = history.length;
            const next = Math.min(maxDepth, depth * 8);
            await this.exec([
                'fetch',
                '--quiet',
                '--no-tags',
                `--deepen=${next - depth}`,
                '--filter=blob:none',
                REMOTE,
                trackingRefspec(branch),
            ], { access: 'read', silent: true });
            depth = next;
        }
    }
    /** Parents as recorded in the commit itself: a shallow clone's boundary commits still name theirs. */
    async commit(sha) {
        const { stdout } = await this.exec(['cat-file', 'commit', sha], { silent: true });
        const blank = stdout.indexOf('\n\n');
        const header = blank < 0 ? stdout : stdout.slice(0, blank);
        const parents = header
            .split('\n')
            .filter((line) => line.startsWith('parent '))
            .map((line) => line.slice('parent '.length));
        return { sha, parents, message: blank < 0 ? '' : stdout.slice(blank + 2).trim() };
    }
    /** Puts the files of `sha` in the working tree, dropping any local edits. */
    async checkout(sha) {
        await this.exec(['checkout', '--quiet', '--force', '--detach', sha], { access: 'read', silent: true });
    }
    async treeOf(sha) {
        return (await this.exec(['rev-parse', `${sha}^{tree}`], { silent: true })).stdout.trim();
    }
    /** The git mode (100644, 100755) of each path in `sha`. */
    async fileModes(sha, paths) {
        const { stdout } = await this.exec(['ls-tree', '-z', sha, '--', ...paths], { silent: true });
        const modes = new Map();
        for (const entry of stdout.split('\0').filter(Boolean)) {
            const [meta = '', path = ''] = entry.split('\t');
            modes.set(path, meta.split(' ')[0]);
        }
        return modes;
    }
    /** Commits the working tree's `files` (repository-relative) on top of `parents`, without moving any branch. */
    async commitFiles(options) {
        await this.exec(['add', '--', ...options.files], { silent: true });
        const tree = (await this.exec(['write-tree'], { silent: true })).stdout.trim();
        const parents = options.parents.flatMap((parent) => ['-p', parent]);
        const { name, email } = options.author;
        const identity = {
            GIT_AUTHOR_NAME: name,
            GIT_AUTHOR_EMAIL: email,
            GIT_COMMITTER_NAME: name,
            GIT_COMMITTER_EMAIL: email,
        };
        const { stdout } = await this.exec(['commit-tree', tree, ...parents, '-F', '-'], {
            input: options.message,
            env: identity,
            silent: true,
        });
        return stdout.trim();
    }
    /**
     * Moves `branch` on the remote to `commit`, only as a fast-forward from where it is now (or creating it), with
     * no force of any kind. The server checks the old tip atomically, so a push that lost a race throws RefMovedError.
     */
    async push(commit, branch) {
        const result = await this.exec(['push', '--porcelain', REMOTE, `${commit}:${headRef(branch)}`], {
            access: 'write',
            allowFailure: true,
        });
        if (result.exitCode === 0)
            return;
        const rejection = /^!\t[^\t]*\t(.*)$/m.exec(result.stdout)?.[1];
        if (rejection === undefined)
            throw new ToolFailedError('git push', result);
        if (git_cli_LOST_RACE.test(rejection))
            throw new RefMovedError(branch, rejection);
        throw new errors/* UserError */.yo(`The server refused the push to ${branch}: ${rejection}.`);
    }
    async history(ref) {
        return (await this.exec(['rev-list', ref], { silent: true })).stdout.split('\n').filter(Boolean);
    }
    async requireVersion() {
        const { stdout } = await this.exec(['version'], { silent: true });
        const [major = 0, minor = 0] = (/(\d+)\.(\d+)/.exec(stdout) ?? []).slice(1).map(Number);
        const [wantMajor, wantMinor] = MINIMUM_VERSION;
        if (major < wantMajor || (major === wantMajor && minor < wantMinor)) {
            throw new errors/* UserError */.yo(`git ${wantMajor}.${wantMinor} or newer is needed; this runner has ${stdout.trim()}.`);
        }
    }
    async exec(args, options = {}) {
        const result = await execTool('git', args, {
            cwd: this.directory,
            env: { ...this.env, ...options.env },
            input: options.input,
            silent: options.silent,
            allowFailure: true,
        });
        if (result.exitCode !== 0) {
            if (options.access)
                this.refuseAccessProblems(result, options.access);
            if (!options.allowFailure)
                throw new ToolFailedError(`git ${args[0]}`, result);
        }
        return result;
    }
    /** Turns the server's refusals (bad token, missing permission, no such repository) into what the user must change. */
    refuseAccessProblems(result, access) {
        const output = `${result.stderr}\n${result.stdout}`;
        const where = this.remote.url;
        if (/returned error: 401|Authentication failed|could not read Username/i.test(output)) {
            throw new errors/* UserError */.yo(`${where} refused the token (HTTP 401): it is missing, expired or not valid there.`);
        }
        if (/returned error: 403|Permission to .* denied|Write access to repository not granted/i.test(output)) {
            const permission = access === 'write' ? 'contents: write' : 'contents: read';
            throw new errors/* UserError */.yo(`${where} refused to let the token ${access === 'write' ? 'push' : 'fetch'} (HTTP 403): ` +
                `give it the "${permission}" permission on that repository.`);
        }
        if (/Repository not found|returned error: 404|does not appear to be a git repository/i.test(output)) {
            throw new errors/* UserError */.yo(`${where} is not a repository the token can read (${lastLines(output, 1)}).`);
        }
    }
}
function headRef(branch) {
    return `refs/heads/${branch}`;
}
function trackingRef(branch) {
    return `refs/remotes/${REMOTE}/${branch}`;
}
function trackingRefspec(branch) {
    return `+${headRef(branch)}:${trackingRef(branch)}`;
}
/** Never prompt, English messages for parsing, and the token (if any) as a header scoped to the remote's origin. */
function gitEnvironment(remote) {
    const env = { GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' };
    const url = new URL(remote.url);
    if (!remote.token || (url.protocol !== 'https:' && url.protocol !== 'http:'))
        return env;
    const credential = Buffer.from(`x-access-token:${remote.token}`).toString('base64');
    (0,secrets/* registerSecret */.c)(credential);
    // Appended after any GIT_CONFIG_* entries the runner already set, which stay in force.
    const index = Number(process.env.GIT_CONFIG_COUNT ?? 0) || 0;
    env.GIT_CONFIG_COUNT = String(index + 1);
    env[`GIT_CONFIG_KEY_${index}`] = `http.${url.origin}/.extraheader`;
    env[`GIT_CONFIG_VALUE_${index}`] = `AUTHORIZATION: basic ${credential}`;
    return env;
}

// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(8500);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/git/race-retry.js



const DEFAULT_RACE_POLICY = { baseDelayMs: 500, maxDelayMs: 10_000 };
/**
 * Runs `attempt` until it does not throw RefMovedError, at most `maxAttempts` times, pausing a random time
 * ("full jitter": 0 to base x 2^n, capped) in between so that racing runs spread out instead of colliding again.
 */
async function retryOnRace(policy, attempt, onRetry = () => undefined) {
    for (let number = 1;; number++) {
        try {
            return { result: await attempt(number), attempts: number };
        }
        catch (error) {
            if (!isRefMovedError(error))
                throw error;
            if (number >= policy.maxAttempts) {
                throw new errors/* UserError */.yo(`Gave up after ${number} attempts: ${error.branch} kept moving under this run (${error.reason}). ` +
                    'Nothing was overwritten; run again, or raise max-attempts.');
            }
            onRetry(error, number + 1);
            const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (number - 1));
            await (0,external_node_timers_promises_.setTimeout)(Math.random() * ceiling);
        }
    }
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/summary.js

/**
 * Builds a job summary as Markdown and appends it to $GITHUB_STEP_SUMMARY when the runner provides one.
 * Kept free of @actions/core so entries can start fast.
 */
class JobSummary {
    parts = [];
    heading(text, level = 3) {
        this.parts.push(`${'#'.repeat(level)} ${text}\n`);
        return this;
    }
    paragraph(text) {
        this.parts.push(`${text}\n`);
        return this;
    }
    table(header, rows) {
        const line = (cells) => `| ${cells.map(escapeCell).join(' | ')} |`;
        this.parts.push([line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n') + '\n');
        return this;
    }
    details(summary, body, language = '') {
        this.parts.push(`<details><summary>${summary}</summary>\n\n\`\`\`${language}\n${body}\n\`\`\`\n\n</details>\n`);
        return this;
    }
    toMarkdown() {
        return this.parts.join('\n');
    }
    async write(file = process.env.GITHUB_STEP_SUMMARY) {
        if (!file || this.parts.length === 0)
            return;
        await promises_.appendFile(file, this.toMarkdown() + '\n');
    }
}
function code(text) {
    return `\`${text.replace(/`/g, "'")}\``;
}
function escapeCell(text) {
    return text.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/actions/open-gitops-pr/delivery.js

/** The tips of `branches` after fetching them; the base must exist. */
async function fetchTips(context, branches) {
    const { git } = context.checkout;
    const base = context.target.base;
    const listed = await git.remoteBranches(branches);
    if (!listed.has(base))
        throw new errors/* UserError */.yo(`Base branch "${base}" does not exist in ${context.repository}.`);
    return git.fetchBranches(branches.filter((branch) => listed.has(branch)));
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/actions/open-gitops-pr/base-branch-push.js

/** `mode: push`: one commit straight onto the base, for environments that need no review. */
class BaseBranchPush {
    context;
    branch;
    constructor(context) {
        this.context = context;
        this.branch = context.target.base;
    }
    async attempt() {
        const { checkout, writer } = this.context;
        const base = (await fetchTips(this.context, [this.branch])).get(this.branch);
        const bumps = await checkout.bumpAt(base);
        if (bumps.length === 0)
            return { head: base, bumps, alreadyOnBase: true };
        const message = this.context.messageFor(bumps);
        const commit = await writer.commitAndMove({ source: base, bumps, parents: [base], message }, this.branch, true);
        return { commit, head: commit, bumps, alreadyOnBase: false };
    }
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/actions/open-gitops-pr/change-target.js


/** Commits this action makes carry this trailer, so that a later run can tell its own commits from anyone else's. */
const TARGET_TRAILER = 'GitOps-Target';
const SLUG_LENGTH = 40;
/**
 * What a run changes: one image repository in some paths of one base branch (an app in an environment).
 * Runs for the same target share a branch and so a pull request; a newer image updates it.
 */
class ChangeTarget {
    image;
    paths;
    base;
    /** 16 hex digits naming the target; the tag and digest are not part of it. */
    key;
    /** The paths as a set: their order and spelling (`./a/`, `a`) do not make another target. */
    normalizedPaths;
    constructor(image, paths, base) {
        this.image = image;
        this.paths = paths;
        this.base = base;
        this.normalizedPaths = [...new Set(paths.map(normalizePath))].sort();
        this.key = (0,external_node_crypto_.createHash)('sha256')
            .update([image.repository, base, ...this.normalizedPaths].join('\n'))
            .digest('hex')
            .slice(0, 16);
    }
    /** e.g. `gitops/api/apps-api-overlays-prod-3f9a1c2b`: readable in the branch list, unique by the key. */
    get defaultBranch() {
        const name = slug(this.image.path.split('/').at(-1));
        const where = slug(this.normalizedPaths.join('-')).slice(0, SLUG_LENGTH).replace(/-+$/, '');
        return `gitops/${name}/${where ? `${where}-` : ''}${this.key.slice(0, 8)}`;
    }
    /** Whether a commit message says that commit was made for this target. */
    madeFor(message) {
        return message.split('\n').some((line) => line.trim() === `${TARGET_TRAILER}: ${this.key}`);
    }
}
function normalizePath(pathText) {
    return external_node_path_.posix.normalize(pathText.replace(/\\/g, '/')).replace(/^\.\/|\/$/g, '');
}
function slug(text) {
    return text
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '');
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/actions/open-gitops-pr/commit-writers.js
/** Commits locally and pushes without any force; the server checks the old tip atomically. */
class GitPushWriter {
    checkout;
    author;
    constructor(checkout, author) {
        this.checkout = checkout;
        this.author = author;
    }
    async commitAndMove(commit, branch) {
        await this.checkout.write(commit.source, commit.bumps);
        const sha = await this.checkout.git.commitFiles({
            files: commit.bumps.map((bump) => bump.path),
            parents: commit.parents,
            message: commit.message,
            author: this.author,
        });
        await this.checkout.git.push(sha, branch);
        return sha;
    }
}
/** Creates the commit through GitHub's git data API, which signs it, and moves the branch with `force: false`. */
class GitHubApiWriter {
    git;
    api;
    constructor(git, api) {
        this.git = git;
        this.api = api;
    }
    async commitAndMove(commit, branch, branchExists) {
        const paths = commit.bumps.map((bump) => bump.path);
        const modes = await this.git.fileModes(commit.source, paths);
        const sha = await this.api.createCommit({
            baseTree: await this.git.treeOf(commit.source),
            files: commit.bumps.map((bump) => ({
                path: bump.path,
                mode: modes.get(bump.path) === '100755' ? '100755' : '100644',
                content: bump.after,
            })),
            parents: commit.parents,
            message: commit.message,
        });
        await this.api.moveBranch(branch, sha, branchExists);
        return sha;
    }
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/file-scope.js



const YAML_FILE = /\.ya?ml$/i;
const GLOB_CHARS = /[*?[{]/;
const SKIPPED_DIRS = new Set(['.git', 'node_modules']);
/**
 * Resolves user paths (files, directories searched recursively for YAML, or globs) relative to a root,
 * refusing anything that resolves outside it, symlinks included. Returns absolute real paths, sorted.
 */
async function resolveYamlFiles(patterns, root, options = {}) {
    if (patterns.length === 0)
        throw new errors/* UserError */.yo('No paths given: name at least one file, directory or glob.');
    const realRoot = await realDirectory(root);
    const found = new Set();
    for (const pattern of patterns) {
        const matches = GLOB_CHARS.test(pattern)
            ? await expandGlob(pattern, realRoot)
            : await expandPath(pattern, realRoot);
        if (matches.length === 0) {
            if (!options.onNoMatch)
                throw new errors/* UserError */.yo(`Path "${pattern}" matches no YAML file under ${root}.`);
            options.onNoMatch(pattern);
        }
        for (const file of matches)
            found.add(file);
    }
    return [...found].sort();
}
/** `/`-separated path of a file relative to the root, for outputs and summaries. */
function relativeToRoot(root, file) {
    return external_node_path_.relative(root, file).split(external_node_path_.sep).join('/');
}
async function realDirectory(root) {
    try {
        const real = await promises_.realpath(root);
        if (!(await promises_.stat(real)).isDirectory())
            throw new Error('not a directory');
        return real;
    }
    catch {
        throw new errors/* UserError */.yo(`Working directory "${root}" does not exist or is not a directory.`);
    }
}
async function expandPath(pattern, root) {
    const target = await insideRoot(pattern, external_node_path_.resolve(root, pattern), root);
    if (target === undefined)
        return [];
    const stat = await promises_.stat(target);
    if (stat.isDirectory())
        return walkYaml(target, root);
    return stat.isFile() ? [target] : [];
}
async function expandGlob(pattern, root) {
    const normalized = pattern.split(external_node_path_.sep).join('/');
    if (external_node_path_.isAbsolute(pattern) || normalized.split('/').includes('..')) {
        throw new errors/* UserError */.yo(`Path "${pattern}" must stay inside ${root}: use a glob relative to the working directory.`);
    }
    const matcher = globToRegExp(normalized);
    const start = await insideRoot(pattern, external_node_path_.resolve(root, staticPrefix(normalized)), root);
    if (start === undefined || !(await promises_.stat(start)).isDirectory())
        return [];
    const candidates = await walkFiles(start, root);
    return candidates.filter((file) => YAML_FILE.test(file) && matcher.test(relativeToRoot(root, file)));
}
/** The real path of `candidate`, or undefined when it does not exist; a UserError when it escapes the root. */
async function insideRoot(pattern, candidate, root) {
    let real;
    try {
        real = await promises_.realpath(candidate);
    }
    catch {
        if (!isInside(root, external_node_path_.resolve(candidate)))
            throw escapes(pattern, root);
        return undefined;
    }
    if (!isInside(root, real))
        throw escapes(pattern, root);
    return real;
}
function escapes(pattern, root) {
    return new errors/* UserError */.yo(`Path "${pattern}" resolves outside the working directory ${root}; it is refused.`);
}
function isInside(root, candidate) {
    const relative = external_node_path_.relative(root, candidate);
    return relative === '' || (!relative.startsWith('..') && !external_node_path_.isAbsolute(relative));
}
async function walkYaml(dir, root) {
    return (await walkFiles(dir, root)).filter((file) => YAML_FILE.test(file));
}
/** Every regular file below `dir`; a symlink is followed only when its target stays inside the root. */
async function walkFiles(dir, root) {
    const files = [];
    const pending = [dir];
    const seen = new Set();
    while (pending.length > 0) {
        const current = pending.pop();
        if (seen.has(current))
            continue;
        seen.add(current);
        for (const entry of await promises_.readdir(current, { withFileTypes: true })) {
            if (SKIPPED_DIRS.has(entry.name))
                continue;
            const full = external_node_path_.join(current, entry.name);
            const real = entry.isSymbolicLink() ? await insideRoot(relativeToRoot(root, full), full, root) : full;
            if (real === undefined)
                continue;
            const stat = entry.isSymbolicLink() ? await promises_.stat(real) : entry;
            if (stat.isDirectory())
                pending.push(real);
            else if (stat.isFile())
                files.push(real);
        }
    }
    return files;
}
function staticPrefix(pattern) {
    const parts = pattern.split('/');
    const index = parts.findIndex((part) => GLOB_CHARS.test(part));
    return parts.slice(0, index).join('/') || '.';
}
/** `**` spans directories, `*` and `?` stay within one, `{a,b}` alternates, `[...]` is a class. */
function globToRegExp(pattern) {
    let source = '';
    for (let i = 0; i < pattern.length; i++) {
        const char = pattern[i];
        if (char === '*' && pattern[i + 1] === '*') {
            const slashAfter = pattern[i + 2] === '/';
            source += slashAfter ? '(?:.*/)?' : '.*';
            i += slashAfter ? 2 : 1;
        }
        else if (char === '*')
            source += '[^/]*';
        else if (char === '?')
            source += '[^/]';
        else if (char === '{') {
            const close = pattern.indexOf('}', i);
            if (close < 0)
                throw new errors/* UserError */.yo(`Glob "${pattern}" has an unclosed "{".`);
            source += `(?:${pattern
                .slice(i + 1, close)
                .split(',')
                .map(escapeRegExp)
                .join('|')})`;
            i = close;
        }
        else if (char === '[') {
            const close = pattern.indexOf(']', i);
            if (close < 0)
                throw new errors/* UserError */.yo(`Glob "${pattern}" has an unclosed "[".`);
            source += `[${pattern
                .slice(i + 1, close)
                .replace(/^!/, '^')
                .replace(/\\/g, '\\\\')}]`;
            i = close;
        }
        else
            source += escapeRegExp(char);
    }
    return new RegExp(`^${source}$`);
}
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

// EXTERNAL MODULE: ./tmp/ncc-input/src/core/image-ref.js
var image_ref = __webpack_require__(3977);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/bump/types.js
var types = __webpack_require__(648);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/bump/edit-session.js


/** Collects the edits and reference changes that the editors find in one file. */
class EditSession {
    source;
    target;
    displayPath;
    edits = [];
    changes = [];
    /** The tag and/or digest to write, as the pin asks. */
    version;
    editedRanges = new Set();
    constructor(source, target, 
    /** The file as reported to the user: relative to the working directory. */
    displayPath) {
        this.source = source;
        this.target = target;
        this.displayPath = displayPath;
        this.version = (0,types/* pinnedVersion */.V)(target);
    }
    /** True when `name` (a repository, with or without tag/digest) is the target image. */
    matches(name) {
        const ref = name === undefined ? undefined : image_ref/* ImageRef */.ji.tryParse(name);
        return ref?.sameRepository(this.target.image) ? ref : undefined;
    }
    /** Sets a scalar (or the anchor an alias points at) to `value`; a no-op when it already holds it. */
    setScalar(document, node, value) {
        const scalar = this.source.scalarOf(document, node);
        if (!scalar)
            throw this.source.errorAt(node, 'expected a string value here.');
        if (scalar.value === value)
            return false;
        const edit = this.source.replaceScalar(scalar, value);
        const key = `${edit.start}:${edit.end}`;
        if (!this.editedRanges.has(key)) {
            this.editedRanges.add(key);
            this.edits.push(edit);
        }
        return true;
    }
    /** Makes `key` hold `value`, adding the key when missing, or removes it when `value` is undefined. */
    setOrRemoveKey(document, map, key, value) {
        const existing = map.get(key, true);
        if (value === undefined) {
            const edit = existing === undefined ? undefined : this.source.removePair(map, key);
            if (edit)
                this.edits.push(edit);
            return edit !== undefined;
        }
        if (existing !== undefined)
            return this.setScalar(document, existing, value);
        this.edits.push(this.source.insertPair(map, key, value));
        return true;
    }
    record(kind, node, from, to) {
        if (from === to)
            return;
        const offset = node?.range?.[0];
        this.changes.push({
            file: this.displayPath,
            line: offset === undefined ? 0 : this.source.lineOf(offset),
            kind,
            from,
            to,
        });
    }
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/bump/editors/argocd-application.js

/**
 * Argo CD `spec.source(s).kustomize.images`: strings `[name=]image[:tag][@digest]`, matched on the
 * image they set (after `=`), rewritten with the `name=` prefix and the spelling kept.
 */
class ArgoCdKustomizeImagesEditor {
    edit(manifest, session) {
        for (const source of manifest.argoSources()) {
            const images = source.getIn(['kustomize', 'images'], true);
            if (!(0,dist/* isSeq */.oP)(images))
                continue;
            for (const item of images.items) {
                const scalar = session.source.scalarOf(manifest.document, item);
                if (!(0,dist/* isScalar */.jn)(scalar) || typeof scalar.value !== 'string')
                    continue;
                const equals = scalar.value.indexOf('=');
                const prefix = equals >= 0 ? scalar.value.slice(0, equals + 1) : '';
                const ref = session.matches(scalar.value.slice(prefix.length));
                if (!ref)
                    continue;
                const next = prefix + ref.withVersion(session.version);
                if (session.setScalar(manifest.document, item, next))
                    session.record('argocd', scalar, scalar.value, next);
            }
        }
    }
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/bump/yaml-source.js


// Expansions allowed before a document counts as an alias bomb (the yaml library's own default).
const MAX_ALIAS_COUNT = 100;
/**
 * One YAML file as text plus its parsed documents. Edits are byte ranges on the original text, so
 * everything outside them (comments, quoting, anchors, CRLF, a missing final newline) stays as it was.
 */
class YamlSource {
    file;
    text;
    documents;
    eol;
    lines = new dist/* LineCounter */.HN();
    constructor(file, text) {
        this.file = file;
        this.text = text;
        this.eol = text.includes('\r\n') ? '\r\n' : '\n';
        this.documents = (0,dist/* parseAllDocuments */.hR)(text, { lineCounter: this.lines, uniqueKeys: true });
        for (const document of this.documents)
            this.assertValid(document);
    }
    lineOf(offset) {
        return this.lines.linePos(offset).line;
    }
    errorAt(node, message) {
        const line = node?.range ? this.lineOf(node.range[0]) : undefined;
        return new errors/* UserError */.yo(`${this.file}${line ? `:${line}` : ''}: ${message}`, { file: this.file, line });
    }
    /** The scalar a value stands for, following an alias to its anchor. */
    scalarOf(document, node) {
        const resolved = (0,dist/* isAlias */.Vj)(node) ? node.resolve(document) : node;
        return (0,dist/* isScalar */.jn)(resolved) ? resolved : undefined;
    }
    /** Replaces a scalar's source text with a new value in the same quoting style. */
    replaceScalar(scalar, value) {
        const [start, end] = scalar.range;
        if (scalar.type === 'BLOCK_LITERAL' || scalar.type === 'BLOCK_FOLDED') {
            throw this.errorAt(scalar, 'the image is written as a block scalar (| or >); write it as a plain or quoted string.');
        }
        return { start, end, text: formatScalar(value, scalar.type) };
    }
    /** Adds `key: value` to a mapping after its last key, at that key's indentation (or inside `{ }`). */
    insertPair(map, key, value) {
        const last = map.items.at(-1);
        const lastEnd = last?.value?.range?.[1] ?? last?.key?.range?.[1];
        if (!last || lastEnd === undefined)
            throw this.errorAt(map, `cannot add "${key}" to an empty mapping.`);
        const formatted = `${key}: ${formatScalar(value, 'PLAIN')}`;
        if (map.flow)
            return { start: lastEnd, end: lastEnd, text: `, ${formatted}` };
        const firstKeyStart = (map.items[0]?.key).range?.[0] ?? lastEnd;
        const indent = ' '.repeat(firstKeyStart - this.lineStart(firstKeyStart));
        const newline = this.text.indexOf('\n', lastEnd);
        if (newline < 0)
            return { start: this.text.length, end: this.text.length, text: `${this.eol}${indent}${formatted}` };
        return { start: newline + 1, end: newline + 1, text: `${indent}${formatted}${this.eol}` };
    }
    /** Removes `key: value` from a block or flow mapping, with its line and trailing comment. */
    removePair(map, key) {
        const index = map.items.findIndex((pair) => (0,dist/* isScalar */.jn)(pair.key) && pair.key.value === key);
        if (index < 0)
            return undefined;
        const pair = map.items[index];
        const keyStart = (pair?.key).range?.[0];
        const valueEnd = pair?.value?.range?.[1] ?? (pair?.key).range?.[1];
        const next = map.items[index + 1];
        if (map.flow) {
            const previous = map.items[index - 1];
            if (previous)
                return { start: (previous.value ?? previous.key).range?.[1], end: valueEnd, text: '' };
            const nextStart = next?.key?.range?.[0] ?? valueEnd;
            return { start: keyStart, end: nextStart, text: '' };
        }
        // The first key of a sequence item shares its line with "- ": hand that position to the next key.
        if (index === 0 && next)
            return { start: keyStart, end: next.key.range?.[0], text: '' };
        const lineEnd = this.text.indexOf('\n', valueEnd);
        return { start: this.lineStart(keyStart), end: lineEnd < 0 ? this.text.length : lineEnd + 1, text: '' };
    }
    /** The text with all edits applied; overlapping edits are a bug in the caller. */
    apply(edits) {
        const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
        let result = '';
        let cursor = 0;
        for (const edit of sorted) {
            if (edit.start < cursor)
                throw new Error(`overlapping edits in ${this.file} at offset ${edit.start}`);
            result += this.text.slice(cursor, edit.start) + edit.text;
            cursor = edit.end;
        }
        return result + this.text.slice(cursor);
    }
    lineStart(offset) {
        return this.text.lastIndexOf('\n', offset - 1) + 1;
    }
    assertValid(document) {
        const error = document.errors[0];
        if (error) {
            const line = error.linePos?.[0].line;
            throw new errors/* UserError */.yo(`${this.file}${line ? `:${line}` : ''}: invalid YAML: ${firstLine(error.message)}`, {
                file: this.file,
                line,
            });
        }
        if (!this.text.includes('*'))
            return;
        try {
            document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
        }
        catch (cause) {
            throw new errors/* UserError */.yo(`${this.file}: refused: its aliases expand past ${MAX_ALIAS_COUNT} nodes (${firstLine(String(cause.message))})`, { file: this.file });
        }
    }
}
/** A mapping's value for `key` when it is a scalar string. */
function stringAt(map, key) {
    if (!(0,dist/* isMap */.jh)(map))
        return undefined;
    const value = map.get(key, true);
    return (0,dist/* isScalar */.jn)(value) && typeof value.value === 'string' ? value.value : undefined;
}
/** The new value in the old quoting style; a plain value YAML would not read back as this string is quoted. */
function formatScalar(value, type) {
    if (type === 'QUOTE_SINGLE')
        return `'${value.replace(/'/g, "''")}'`;
    if (type === 'QUOTE_DOUBLE' || !readsBackAsString(value))
        return JSON.stringify(value);
    return value;
}
// Kubernetes and Helm read YAML 1.1 (yes/on/off are booleans there); yaml's own reader is 1.2: both must agree.
function readsBackAsString(value) {
    if (value === '' || value.trim() !== value)
        return false;
    return ['1.1', '1.2'].every((version) => {
        const document = (0,dist/* parseDocument */.Tp)(value, { version });
        return document.errors.length === 0 && (0,dist/* isScalar */.jn)(document.contents) && document.contents.value === value;
    });
}
function firstLine(text) {
    return text.split('\n')[0] ?? text;
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/bump/editors/helm-values.js



/**
 * Helm values (values files, a Flux HelmRelease's `spec.values`, an Argo CD Application's `helm.valuesObject`):
 * mappings whose `registry` + `repository` name the image. Only keys that exist are written: `tag` always,
 * `digest` where the chart has one; without one, a digest goes into `tag` as `tag@digest`.
 */
class HelmValuesEditor {
    edit(manifest, session) {
        for (const values of valuesRoots(manifest)) {
            (0,dist/* visit */.YR)(values, {
                Map(_, map) {
                    updateImageMapping(manifest.document, map, session);
                },
            });
        }
    }
}
function updateImageMapping(document, map, session) {
    const repository = stringAt(map, 'repository');
    if (repository === undefined)
        return;
    const registry = stringAt(map, 'registry');
    const name = registry ? `${registry.replace(/\/+$/, '')}/${repository}` : repository;
    if (!session.matches(name))
        return;
    const before = { tag: stringAt(map, 'tag'), digest: stringAt(map, 'digest') || undefined };
    const { tag, digest } = session.version;
    const hasDigestKey = map.has('digest');
    let changed = false;
    if (hasDigestKey) {
        changed = session.setScalar(document, map.get('digest', true), digest ?? '') || changed;
        if (tag !== undefined && map.has('tag'))
            changed = session.setScalar(document, map.get('tag', true), tag) || changed;
    }
    else {
        if (!map.has('tag'))
            throw session.source.errorAt(map, `the values for ${name} have no "tag" key to update.`);
        if (tag === undefined) {
            throw session.source.errorAt(map, `the values for ${name} have no "digest" key: add one, or pin "tag" or "tag+digest".`);
        }
        changed = session.setScalar(document, map.get('tag', true), (0,image_ref/* formatReference */.FH)(tag, { digest }));
    }
    if (changed)
        session.record('helm-values', map, (0,image_ref/* formatReference */.FH)(name, before), (0,image_ref/* formatReference */.FH)(name, session.version));
}
function valuesRoots(manifest) {
    if (manifest.isHelmValues)
        return [manifest.root];
    const roots = [];
    if (manifest.is('helm.toolkit.fluxcd.io', 'HelmRelease'))
        roots.push(manifest.at('spec', 'values'));
    for (const source of manifest.argoSources())
        roots.push(source.getIn(['helm', 'valuesObject'], true));
    return roots.filter(dist/* isMap */.jh);
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/bump/editors/kustomize-images.js



/**
 * `images:` entries of a kustomization (and of a Flux Kustomization's spec), matched on their effective
 * name (`newName`, else `name`). Like `kustomize edit set image`, pinning a tag drops `digest` and vice versa.
 */
class KustomizeImagesEditor {
    edit(manifest, session) {
        for (const images of imageLists(manifest)) {
            for (const entry of images.items) {
                if (!(0,dist/* isMap */.jh)(entry))
                    continue;
                const name = stringAt(entry, 'newName') ?? stringAt(entry, 'name');
                if (name === undefined || !session.matches(name))
                    continue;
                const before = { tag: stringAt(entry, 'newTag'), digest: stringAt(entry, 'digest') };
                const { tag, digest } = session.version;
                const document = manifest.document;
                const tagChanged = session.setOrRemoveKey(document, entry, 'newTag', tag);
                const digestChanged = session.setOrRemoveKey(document, entry, 'digest', digest);
                if (tagChanged || digestChanged) {
                    session.record('kustomize', entry, (0,image_ref/* formatReference */.FH)(name, before), (0,image_ref/* formatReference */.FH)(name, session.version));
                }
            }
        }
    }
}
function imageLists(manifest) {
    const lists = [];
    if (manifest.isKustomization)
        lists.push(manifest.seqAt('images'));
    if (manifest.is('kustomize.toolkit.fluxcd.io', 'Kustomization'))
        lists.push(manifest.seqAt('spec', 'images'));
    return lists.filter((list) => list !== undefined);
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/bump/editors/workload-containers.js

const CONTAINER_LISTS = new Set(['containers', 'initContainers', 'ephemeralContainers']);
// Their contents are data, whatever keys they hold.
const DATA_KINDS = new Set(['ConfigMap', 'Secret']);
/** `image` of every item of containers / initContainers / ephemeralContainers, at any depth of any workload. */
class WorkloadContainersEditor {
    edit(manifest, session) {
        if (manifest.isKustomization || (manifest.kind && DATA_KINDS.has(manifest.kind)))
            return;
        const document = manifest.document;
        (0,dist/* visit */.YR)(document, {
            Pair(_, pair) {
                if (!(0,dist/* isScalar */.jn)(pair.key) || !CONTAINER_LISTS.has(String(pair.key.value)) || !(0,dist/* isSeq */.oP)(pair.value))
                    return;
                for (const container of pair.value.items) {
                    if (!(0,dist/* isMap */.jh)(container))
                        continue;
                    const imageNode = container.get('image', true);
                    const scalar = session.source.scalarOf(document, imageNode);
                    if (typeof scalar?.value !== 'string')
                        continue;
                    const ref = session.matches(scalar.value);
                    if (!ref)
                        continue;
                    const next = ref.withVersion(session.version);
                    if (session.setScalar(document, imageNode, next))
                        session.record('workload', scalar, scalar.value, next);
                }
            },
        });
    }
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/bump/manifest-document.js



const KUSTOMIZATION_FILE = /^(?:kustomization\.ya?ml|Kustomization)$/;
/** One YAML document with the facts the editors choose by: its kind, API group and file name. */
class ManifestDocument {
    document;
    file;
    apiVersion;
    kind;
    constructor(document, file) {
        this.document = document;
        this.file = file;
        this.apiVersion = stringAt(document.contents, 'apiVersion');
        this.kind = stringAt(document.contents, 'kind');
    }
    get root() {
        return (0,dist/* isMap */.jh)(this.document.contents) ? this.document.contents : undefined;
    }
    get group() {
        return this.apiVersion?.includes('/') ? this.apiVersion.split('/')[0] : undefined;
    }
    /** A kustomize kustomization: by apiVersion, or by file name when it declares no kind. */
    get isKustomization() {
        if (this.group === 'kustomize.config.k8s.io')
            return true;
        return this.kind === undefined && KUSTOMIZATION_FILE.test(external_node_path_.basename(this.file));
    }
    /** A plain Helm values file: a mapping that is neither a Kubernetes object nor a kustomization. */
    get isHelmValues() {
        return this.root !== undefined && this.kind === undefined && this.apiVersion === undefined && !this.isKustomization;
    }
    is(group, ...kinds) {
        return this.group === group && this.kind !== undefined && kinds.includes(this.kind);
    }
    /** The node at a path of keys, or undefined. */
    at(...keys) {
        return this.root?.getIn(keys, true);
    }
    mapAt(...keys) {
        const node = this.at(...keys);
        return (0,dist/* isMap */.jh)(node) ? node : undefined;
    }
    seqAt(...keys) {
        const node = this.at(...keys);
        return (0,dist/* isSeq */.oP)(node) ? node : undefined;
    }
    /** `spec.source` and each of `spec.sources` of an Argo CD Application (or an ApplicationSet's template). */
    argoSources() {
        const spec = this.is('argoproj.io', 'Application')
            ? this.mapAt('spec')
            : this.is('argoproj.io', 'ApplicationSet')
                ? this.mapAt('spec', 'template', 'spec')
                : undefined;
        if (!spec)
            return [];
        const many = spec.get('sources', true);
        return [spec.get('source', true), ...((0,dist/* isSeq */.oP)(many) ? many.items : [])].filter(dist/* isMap */.jh);
    }
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/bump/bumper.js










/** Larger files are refused: no manifest is this big, and parsing one would stall the job. */
const MAX_FILE_BYTES = 8 * 1024 * 1024;
const READ_CONCURRENCY = 16;
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const DEFAULT_EDITORS = [
    new KustomizeImagesEditor(),
    new WorkloadContainersEditor(),
    new HelmValuesEditor(),
    new ArgoCdKustomizeImagesEditor(),
];
/**
 * Points manifests at a new image. `plan` reads and edits in memory and fails on the first file that cannot
 * be read, parsed or edited; `write` then replaces every changed file, or none.
 */
class ManifestBumper {
    editors;
    constructor(editors = DEFAULT_EDITORS) {
        this.editors = editors;
    }
    async plan(files, root, target) {
        // Every spelling of the image contains its last path component: files without it are not parsed.
        const needle = target.image.path.split('/').at(-1);
        const results = await mapConcurrently(files, READ_CONCURRENCY, async (file) => {
            const path = relativeToRoot(root, file);
            const text = await readManifestText(file, path);
            return text.includes(needle) ? this.planFile(file, path, text, target) : undefined;
        });
        return results.filter((bump) => bump !== undefined);
    }
    async write(bumps) {
        const staged = [];
        try {
            for (const bump of bumps) {
                const temp = `${bump.file}.${process.pid}.bump-tmp`;
                const { mode } = await promises_.stat(bump.file);
                await promises_.writeFile(temp, bump.after, { mode });
                staged.push({ bump, temp });
            }
        }
        catch (error) {
            await Promise.all(staged.map(({ temp }) => promises_.rm(temp, { force: true })));
            throw error;
        }
        const renamed = [];
        try {
            for (const { bump, temp } of staged) {
                await promises_.rename(temp, bump.file);
                renamed.push(bump);
            }
        }
        catch (error) {
            // Put back what was already replaced so the repository is never half-edited.
            await Promise.all(renamed.map((bump) => promises_.writeFile(bump.file, bump.before)));
            await Promise.all(staged.map(({ temp }) => promises_.rm(temp, { force: true })));
            throw error;
        }
    }
    planFile(file, path, text, target) {
        const source = new YamlSource(path, text);
        const session = new EditSession(source, target, path);
        for (const document of source.documents) {
            const manifest = new ManifestDocument(document, file);
            for (const editor of this.editors)
                editor.edit(manifest, session);
        }
        if (session.edits.length === 0)
            return undefined;
        const after = source.apply(session.edits);
        return after === text ? undefined : { file, path, before: text, after, changes: session.changes };
    }
}
async function readManifestText(file, path) {
    const { size } = await promises_.stat(file);
    if (size > MAX_FILE_BYTES) {
        throw new errors/* UserError */.yo(`${path}: ${size} bytes is larger than the ${MAX_FILE_BYTES / 1024 / 1024} MiB a manifest may be.`, { file: path });
    }
    const bytes = await promises_.readFile(file);
    if (bytes.includes(0))
        throw new errors/* UserError */.yo(`${path}: is a binary file, not YAML.`, { file: path });
    try {
        return utf8.decode(bytes);
    }
    catch {
        throw new errors/* UserError */.yo(`${path}: is not valid UTF-8.`, { file: path });
    }
}
async function mapConcurrently(items, limit, work) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const index = next++;
            results[index] = await work(items[index]);
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return results;
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/actions/open-gitops-pr/manifests-checkout.js





const manifests_checkout_GLOB_CHARS = /[*?[{]/;
const manifests_checkout_YAML_FILE = /\.ya?ml$/i;
/**
 * The manifests working copy: checks out a commit and plans the bump on its files, so that the same semantic
 * edit can be applied again to whatever tip a lost race left behind.
 */
class ManifestsCheckout {
    git;
    paths;
    target;
    failOnNoMatch;
    bumper;
    checkedOut;
    warned = new Set();
    constructor(git, paths, target, failOnNoMatch, bumper = new ManifestBumper()) {
        this.git = git;
        this.paths = paths;
        this.target = target;
        this.failOnNoMatch = failOnNoMatch;
        this.bumper = bumper;
    }
    /** Checks out `commit` and returns the edits the bump makes there; [] when its files already point at the image. */
    async bumpAt(commit) {
        await this.git.checkout(commit);
        this.checkedOut = commit;
        const root = this.git.directory;
        const unmatched = [];
        const files = await resolveYamlFiles(this.paths, root, { onNoMatch: (pattern) => unmatched.push(pattern) });
        if (unmatched.length > 0)
            this.reportUnmatched(unmatched, commit);
        return files.length === 0 ? [] : this.bumper.plan(files, root, this.target);
    }
    /** Writes edits planned by the last bumpAt, which must have been for `commit`. */
    async write(commit, bumps) {
        if (this.checkedOut !== commit)
            throw new Error(`Edits planned for ${commit} but ${this.checkedOut} is checked out.`);
        await this.bumper.write(bumps);
    }
    reportUnmatched(unmatched, commit) {
        const list = unmatched.map((pattern) => `"${pattern}"`).join(', ');
        if (this.failOnNoMatch) {
            throw new errors/* UserError */.yo(`Path ${list} matches no YAML file at ${commit.slice(0, 12)} (fail-on-no-match is true).`);
        }
        for (const pattern of unmatched.filter((item) => !this.warned.has(item))) {
            this.warned.add(pattern);
            core/* warning */.$e(`Path "${pattern}" matches no YAML file in the manifests repository; it is skipped.`);
        }
    }
}
/**
 * The folders a checkout needs for `paths` (git's cone mode), or undefined when one of them needs the whole tree.
 * A YAML file needs its folder; a glob needs the folder before its first wildcard.
 */
function sparseDirectories(paths) {
    const folders = new Set();
    for (const item of paths) {
        const normalized = external_node_path_.posix.normalize(item.replace(/\\/g, '/')).replace(/\/+$/, '');
        const parts = normalized.split('/');
        const wildcard = parts.findIndex((part) => manifests_checkout_GLOB_CHARS.test(part));
        const folder = wildcard >= 0
            ? parts.slice(0, wildcard).join('/')
            : manifests_checkout_YAML_FILE.test(normalized)
                ? external_node_path_.posix.dirname(normalized)
                : normalized;
        if (folder === '' || folder === '.')
            return undefined;
        folders.add(folder);
    }
    return [...folders].sort();
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/actions/open-gitops-pr/messages.js


/** GitHub refuses longer titles and bodies. */
const MAX_TITLE = 256;
const MAX_BODY = 65_536;
const MAX_CHANGE_ROWS = 50;
function templateValues(change) {
    const { image, paths, base } = change.target;
    return {
        image: image.toString(),
        'image-name': image.spelledName,
        tag: image.tag ?? '',
        digest: image.digest ?? '',
        version: versionOf(image),
        paths: paths.join(', '),
        files: change.bumps.map((bump) => bump.path).join(', '),
        changes: changesTable(change.bumps),
        repository: change.repository,
        base,
        branch: change.branch,
        'source-commit': change.source.commitUrl ?? '',
        'run-url': change.source.runUrl ?? '',
        evidence: change.evidence.length > 0 ? evidenceTable(change) : '',
    };
}
function pullRequestTitle(template, change) {
    return template.render(templateValues(change)).replace(/\s+/g, ' ').trim().slice(0, MAX_TITLE);
}
function pullRequestBody(template, change) {
    const values = templateValues(change);
    const body = template ? template.render(values) : defaultBody(change, values);
    return body.length <= MAX_BODY ? body : `${body.slice(0, MAX_BODY - 20)}\n\n(truncated)`;
}
/** The rendered message followed by trailers naming the image, digest, source commit, run and target. */
function commitMessage(template, change) {
    const { image } = change.target;
    const trailers = [
        `Image: ${image}`,
        ...(image.digest ? [`Image-Digest: ${image.digest}`] : []),
        ...(change.source.commitUrl ? [`Source-Commit: ${change.source.commitUrl}`] : []),
        ...(change.source.runUrl ? [`Run-URL: ${change.source.runUrl}`] : []),
        `${TARGET_TRAILER}: ${change.target.key}`,
    ];
    return `${template.render(templateValues(change)).trim()}\n\n${trailers.join('\n')}\n`;
}
function defaultBody(change, values) {
    const { image } = change.target;
    const facts = [
        ...(image.digest ? [['Digest', code(image.digest)]] : []),
        ...(values['source-commit'] ? [['Source commit', values['source-commit']]] : []),
        ...(values['run-url'] ? [['Run', values['run-url']]] : []),
        ...change.evidence.map((row) => [row.label, row.value]),
    ];
    return new JobSummary()
        .paragraph(`Points ${change.target.paths.map(code).join(', ')} on ${code(values.base)} at ${code(values.image)}.`)
        .table(['Image', code(image.toString())], facts)
        .paragraph('**Changes**')
        .paragraph(values.changes)
        .paragraph('<sub>Opened by open-gitops-pr. A newer image for the same paths updates this pull request. ' +
        'Commits that people push to this branch are kept: later updates go on top of them.</sub>')
        .toMarkdown();
}
function changesTable(bumps) {
    const changes = bumps.flatMap((bump) => bump.changes);
    const rows = changes
        .slice(0, MAX_CHANGE_ROWS)
        .map((change) => [`${change.file}:${change.line}`, change.kind, code(change.from), code(change.to)]);
    const table = new JobSummary().table(['File', 'Kind', 'From', 'To'], rows).toMarkdown().trim();
    const more = changes.length - rows.length;
    return more > 0 ? `${table}\n\nand ${more} more.` : table;
}
function evidenceTable(change) {
    return new JobSummary()
        .table(['Evidence', ''], change.evidence.map((row) => [row.label, row.value]))
        .toMarkdown()
        .trim();
}
/** The tag, or the start of the digest when there is no tag. */
function versionOf(image) {
    return image.tag ?? image.digest.slice(0, 'sha256:'.length + 12);
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/actions/open-gitops-pr/pull-request-branch.js

/** How far back the base's history is searched for the commit a branch started from. */
const MAX_BASE_DEPTH = 256;
/**
 * `mode: pull-request`: keeps one branch per change target holding the bump, for a pull request into the base.
 * The branch only ever moves forward: a new image either rebuilds our own commit on the current base (keeping the
 * old tip as a parent) or, when people pushed commits of their own, goes on top of them.
 */
class PullRequestBranch {
    context;
    branch;
    constructor(context, branch) {
        this.context = context;
        this.branch = branch;
    }
    async attempt() {
        const { checkout } = this.context;
        const base = this.context.target.base;
        const tips = await fetchTips(this.context, [base, this.branch]);
        const baseTip = tips.get(base);
        const head = tips.get(this.branch);
        const onBase = await checkout.bumpAt(baseTip);
        if (onBase.length === 0)
            return { head, bumps: onBase, alreadyOnBase: true };
        if (!head)
            return this.commit({ source: baseTip, bumps: onBase, parents: [baseTip] }, false);
        const onBranch = await checkout.bumpAt(head);
        if (onBranch.length === 0)
            return { head, bumps: onBase, alreadyOnBase: false };
        const start = await this.startingPoint(baseTip, head);
        const bumps = start.source === head ? onBranch : await checkout.bumpAt(start.source);
        return this.commit({ ...start, bumps }, true);
    }
    async commit(planned, branchExists) {
        const message = this.context.messageFor(planned.bumps);
        const commit = await this.context.writer.commitAndMove({ ...planned, message }, this.branch, branchExists);
        return { commit, head: commit, bumps: [...planned.bumps], alreadyOnBase: false };
    }
    /**
     * Where the new commit starts. Our own earlier commit for this target, made on a commit of the base, is superseded:
     * the new one has the current base's files, and the old tip stays a parent so the update is a fast-forward and
     * nothing disappears. Anything else on the branch (people's commits) is kept and built upon.
     */
    async startingPoint(baseTip, head) {
        const { git } = this.context.checkout;
        const base = this.context.target.base;
        const tip = await git.commit(head);
        const [parent] = tip.parents;
        const ours = this.context.target.madeFor(tip.message) && tip.parents.length === 1 && parent !== undefined;
        if (!ours || !(await git.branchContains(base, parent, MAX_BASE_DEPTH)))
            return { source: head, parents: [head] };
        if (parent === baseTip)
            return { source: baseTip, parents: [head] };
        // Merged already (the base contains our tip): start afresh from the base, which is a fast-forward anyway.
        const merged = await git.branchContains(base, head, 1);
        return { source: baseTip, parents: merged ? [baseTip] : [head, baseTip] };
    }
}

// EXTERNAL MODULE: ./tmp/ncc-input/src/actions/open-gitops-pr/settings.js + 6 modules
var open_gitops_pr_settings = __webpack_require__(684);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/actions/open-gitops-pr/run.js


















/**
 * Applies the bump to the manifests repository's current tip and hands it over: as one pull request per change
 * target, or as a commit straight onto the base. Lost races are retried on the new tip; nothing is forced.
 */
async function openGitopsPr(settings, setOutput, options = {}) {
    warnAboutIgnoredInputs(settings);
    const client = createGitHubClient({ token: settings.token, apiUrl: settings.apiUrl, waitUnitMs: options.waitUnitMs });
    const repository = await (0,github_repository/* getRepository */.TM)(client, settings.repository);
    refuseReadOnly(repository);
    const target = new ChangeTarget(settings.image, settings.paths, settings.base ?? repository.defaultBranch);
    const branch = settings.mode === 'push' ? target.base : (settings.branch ?? target.defaultBranch);
    if (settings.mode === 'pull-request' && branch === target.base) {
        throw new errors/* UserError */.yo(`Input "branch" is the base, ${branch}: name another branch, or use mode: push.`);
    }
    const workDirectory = await promises_.mkdtemp(external_node_path_.join(settings.tempDirectory, 'open-gitops-pr-'));
    try {
        const git = await GitCli.createRepository(workDirectory, { url: repository.cloneUrl, token: settings.token }, sparseDirectories(settings.paths));
        const bump = { image: settings.image, pin: settings.pin };
        const checkout = new ManifestsCheckout(git, settings.paths, bump, settings.failOnNoMatch);
        const describe = (bumps) => ({
            target,
            repository: (0,github_repository/* formatRepositoryName */.FI)(settings.repository),
            branch,
            bumps,
            evidence: settings.evidence,
            source: settings.source,
        });
        const context = {
            checkout,
            writer: commitWriter(settings, client, checkout),
            target,
            repository: (0,github_repository/* formatRepositoryName */.FI)(settings.repository),
            messageFor: (bumps) => commitMessage(settings.commitMessage, describe(bumps)),
        };
        const delivery = settings.mode === 'push' ? new BaseBranchPush(context) : new PullRequestBranch(context, branch);
        const policy = { ...DEFAULT_RACE_POLICY, ...options.racePolicy, maxAttempts: settings.maxAttempts };
        const { result: outcome, attempts } = await retryOnRace(policy, () => delivery.attempt(), (lost, next) => core/* info */.pq(`${lost.message} Applying the bump again on the new tip (attempt ${next} of ${policy.maxAttempts}).`));
        const pullRequest = settings.mode === 'pull-request'
            ? await publishPullRequest(settings, client, outcome, describe(outcome.bumps))
            : undefined;
        const result = {
            operation: pullRequest?.operation ?? (outcome.commit ? 'pushed' : 'unchanged'),
            branch,
            headSha: outcome.head ?? '',
            commitSha: outcome.commit ?? '',
            pullRequest: pullRequest && { number: pullRequest.number, url: pullRequest.url },
            attempts,
        };
        report(result, settings, outcome, setOutput);
        await summarize(result, settings, outcome, target.base);
        return result;
    }
    finally {
        await promises_.rm(workDirectory, { recursive: true, force: true });
    }
}
function commitWriter(settings, client, checkout) {
    return settings.signCommits
        ? new GitHubApiWriter(checkout.git, new GitHubCommitWriter(client, settings.repository))
        : new GitPushWriter(checkout, settings.author);
}
/** The pull request for the branch: opened or refreshed when there is something to propose, else only looked up. */
async function publishPullRequest(settings, client, outcome, change) {
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
function refuseReadOnly(repository) {
    const name = (0,github_repository/* formatRepositoryName */.FI)(repository.name);
    if (repository.archived)
        throw new errors/* UserError */.yo(`Repository ${name} is archived: it takes no pushes.`);
    if (repository.canPush === false) {
        throw new errors/* UserError */.yo(`The token may read ${name} but not push to it: grant it "contents: write" on that repository.`);
    }
}
function warnAboutIgnoredInputs(settings) {
    if (settings.mode !== 'push')
        return;
    const { extras } = settings;
    const ignored = [
        settings.branch && 'branch',
        settings.body && 'body',
        extras.draft && 'draft',
        extras.labels.length > 0 && 'labels',
        extras.reviewers.length > 0 && 'reviewers',
        extras.teamReviewers.length > 0 && 'team-reviewers',
        extras.assignees.length > 0 && 'assignees',
        extras.autoMerge && 'auto-merge',
    ].filter(Boolean);
    if (ignored.length > 0)
        core/* warning */.$e(`mode: push opens no pull request, so ${ignored.join(', ')} are ignored.`);
}
function report(result, settings, outcome, setOutput) {
    setOutput(open_gitops_pr_settings/* OUTPUTS */.py.operation, result.operation);
    setOutput(open_gitops_pr_settings/* OUTPUTS */.py.branch, result.branch);
    setOutput(open_gitops_pr_settings/* OUTPUTS */.py.headSha, result.headSha);
    setOutput(open_gitops_pr_settings/* OUTPUTS */.py.commitSha, result.commitSha);
    setOutput(open_gitops_pr_settings/* OUTPUTS */.py.pullRequestNumber, result.pullRequest ? String(result.pullRequest.number) : '');
    setOutput(open_gitops_pr_settings/* OUTPUTS */.py.pullRequestUrl, result.pullRequest?.url ?? '');
    const where = `${(0,github_repository/* formatRepositoryName */.FI)(settings.repository)}@${result.branch}`;
    const files = outcome.bumps.map((bump) => bump.path).join(', ') || 'none';
    core/* info */.pq(`${result.operation}: ${where} at ${result.headSha || '(no branch)'}; files: ${files}.`);
    if (result.pullRequest)
        core/* info */.pq(`Pull request: ${result.pullRequest.url}`);
}
async function summarize(result, settings, outcome, base) {
    const repository = (0,github_repository/* formatRepositoryName */.FI)(settings.repository);
    const summary = new JobSummary().heading(`open-gitops-pr: ${settings.image} in ${repository}`);
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
        summary.table(['File', 'Kind', 'Old reference', 'New reference'], changes.map((change) => [`${change.file}:${change.line}`, change.kind, code(change.from), code(change.to)]));
    }
    await summary.write();
}


/***/ })

};
