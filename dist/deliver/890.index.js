export const id = 890;
export const ids = [890,585];
export const modules = {

/***/ 53890:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  openGitopsPr: () => (/* binding */ openGitopsPr)
});

// EXTERNAL MODULE: ./tmp/ncc-input/node_modules/@actions/core/lib/core.js + 6 modules
var core = __webpack_require__(92202);
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
var api_errors = __webpack_require__(95712);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/github/repository.js
var github_repository = __webpack_require__(14548);
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

// EXTERNAL MODULE: ./tmp/ncc-input/src/core/github/client.js + 1 modules
var github_client = __webpack_require__(65585);
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

// EXTERNAL MODULE: ./tmp/ncc-input/src/core/exec.js
var exec = __webpack_require__(82855);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/secrets.js
var secrets = __webpack_require__(41877);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/git/git-cli.js




/** GIT_CONFIG_COUNT, which carries the auth header without writing it anywhere, arrived in git 2.31. */
const MINIMUM_VERSION = [2, 31];
const REMOTE = 'origin';
// Push rejections that mean "the ref moved after we read it": fetch, re-apply, retry.
const git_cli_LOST_RACE = /fetch first|non-fast-forward|stale info|failed to update ref|cannot lock ref|incorrect old value/;
// A manifests repository's fetch or push takes seconds; ten minutes only stops a remote that stalled.
const NETWORK_TIMEOUT_MS = 10 * 60_000;
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
    get networkTimeoutMs() {
        return this.remote.networkTimeoutMs ?? NETWORK_TIMEOUT_MS;
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
            throw new exec/* ToolFailedError */.m('git fetch', result);
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
            throw new exec/* ToolFailedError */.m('git push', result);
        if (git_cli_LOST_RACE.test(rejection))
            throw new RefMovedError(branch, rejection);
        throw new errors/* UserError */.yo(`The server refused the push to ${branch}: ${rejection}.`);
    }
    /** What `sha` changed against its first parent (for a merge, against the branch it was merged into), as a patch. */
    async patchOf(sha) {
        // A shallow history ends at its tips: fetch the commit with its parents (GitHub serves reachable commits by SHA).
        await this.exec(['fetch', '--quiet', '--no-tags', '--depth=2', '--filter=blob:none', REMOTE, sha], {
            access: 'read',
            silent: true,
        });
        return (await this.exec(['diff', '--binary', '--full-index', `${sha}^1`, sha], { silent: true })).stdout;
    }
    /**
     * Applies `patch` (reversed with `reverse`) to the working tree, or only checks that it would with `checkOnly`;
     * returns git's reason when it does not apply ("patch failed: <file>:<line>"), else undefined.
     */
    async applyPatch(patch, options) {
        const args = ['apply', ...(options.reverse ? ['-R'] : []), ...(options.checkOnly ? ['--check'] : []), '-'];
        const result = await this.exec(args, { input: patch, silent: true, allowFailure: true });
        return result.exitCode === 0 ? undefined : result.stderr.trim() || `git apply exited with ${result.exitCode}`;
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
        const result = await (0,exec/* execTool */.wc)('git', args, {
            cwd: this.directory,
            env: { ...this.env, ...options.env },
            input: options.input,
            silent: options.silent,
            allowFailure: true,
            // Talking to the remote: bounded whatever the protocol (git:// and ssh have no low-speed limit of their own).
            ...(options.access ? { timeoutMs: this.networkTimeoutMs } : {}),
        });
        if (result.exitCode !== 0) {
            if (options.access)
                this.refuseAccessProblems(result, options.access);
            if (!options.allowFailure)
                throw new exec/* ToolFailedError */.m(`git ${args[0]}`, result);
        }
        return result;
    }
    /** Turns the server's refusals (bad token, missing permission, no such repository) into what the user must change. */
    refuseAccessProblems(result, access) {
        const output = `${result.stderr}\n${result.stdout}`;
        const where = this.remote.url;
        if (/Operation too slow|Operation timed out|Connection timed out|Timeout, server .* not responding|git timed out after/i.test(output)) {
            throw new errors/* UserError */.yo(`${where} stalled during git ${access === 'write' ? 'push' : 'fetch'}: ${(0,exec/* lastLines */.w$)(output, 1)}. ` +
                'Check that the remote (and any proxy in HTTPS_PROXY) is up, then run again.');
        }
        if (/returned error: 401|Authentication failed|could not read Username/i.test(output)) {
            throw new errors/* UserError */.yo(`${where} refused the token (HTTP 401): it is missing, expired or not valid there.`);
        }
        if (/returned error: 403|Permission to .* denied|Write access to repository not granted/i.test(output)) {
            const permission = access === 'write' ? 'contents: write' : 'contents: read';
            throw new errors/* UserError */.yo(`${where} refused to let the token ${access === 'write' ? 'push' : 'fetch'} (HTTP 403): ` +
                `give it the "${permission}" permission on that repository.`);
        }
        if (/Repository not found|returned error: 404|does not appear to be a git repository/i.test(output)) {
            throw new errors/* UserError */.yo(`${where} is not a repository the token can read (${(0,exec/* lastLines */.w$)(output, 1)}).`);
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
/** Below this many bytes a second for STALL_SECONDS, an http(s) transfer is abandoned (git's own low-speed check). */
const STALL_BYTES_PER_SECOND = 1000;
const STALL_SECONDS = 60;
/**
 * Never prompt, English messages for parsing, a stalled transfer abandoned (http.lowSpeedLimit for http(s) remotes,
 * keep-alives and a connect timeout for ssh ones), and the token (if any) as a header scoped to the remote's origin.
 * git reads HTTPS_PROXY / http_proxy / NO_PROXY itself, through curl.
 */
function gitEnvironment(remote) {
    const env = { GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' };
    const config = [
        ['http.lowSpeedLimit', String(STALL_BYTES_PER_SECOND)],
        ['http.lowSpeedTime', String(STALL_SECONDS)],
    ];
    // The runner's or the user's own ssh command wins; otherwise ssh gives up on a silent server too.
    if (!process.env.GIT_SSH_COMMAND && !process.env.GIT_SSH) {
        env.GIT_SSH_COMMAND = `ssh -o ConnectTimeout=${STALL_SECONDS} -o ServerAliveInterval=15 -o ServerAliveCountMax=${STALL_SECONDS / 15}`;
    }
    const url = new URL(remote.url);
    if (remote.token && (url.protocol === 'https:' || url.protocol === 'http:')) {
        const credential = Buffer.from(`x-access-token:${remote.token}`).toString('base64');
        (0,secrets/* registerSecret */.cl)(credential);
        config.push([`http.${url.origin}/.extraheader`, `AUTHORIZATION: basic ${credential}`]);
    }
    // Appended after any GIT_CONFIG_* entries the runner already set, which stay in force.
    const first = Number(process.env.GIT_CONFIG_COUNT ?? 0) || 0;
    config.forEach(([key, value], offset) => {
        env[`GIT_CONFIG_KEY_${first + offset}`] = key;
        env[`GIT_CONFIG_VALUE_${first + offset}`] = value;
    });
    env.GIT_CONFIG_COUNT = String(first + config.length);
    return env;
}

// EXTERNAL MODULE: ./tmp/ncc-input/src/core/retry.js
var retry = __webpack_require__(68422);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/git/race-retry.js



const DEFAULT_RACE_POLICY = {
    immediateRetries: 1,
    baseDelayMs: 500,
    maxDelayMs: 10_000,
};
/**
 * Runs `attempt` until it does not throw RefMovedError, at most `maxAttempts` times: the first retries at once, later
 * ones after a random pause ("full jitter": 0 to base x 2^n, capped) so that runs that keep colliding spread out.
 */
async function retryOnRace(policy, attempt, onRetry = () => undefined) {
    let attempts = 0;
    try {
        const result = await (0,retry/* retry */.L5)((number) => {
            attempts = number;
            return attempt(number);
        }, {
            what: 'Applying the change',
            attempts: policy.maxAttempts,
            immediateRetries: policy.immediateRetries,
            firstDelayMs: policy.baseDelayMs,
            maxDelayMs: policy.maxDelayMs,
            jitter: 1,
            retryable: isRefMovedError,
            onRetry: (lost, next) => onRetry(lost, next),
        });
        return { result, attempts };
    }
    catch (error) {
        if (!isRefMovedError(error))
            throw error;
        throw new errors/* UserError */.yo(`Gave up after ${attempts} attempts: ${error.branch} kept moving under this run (${error.reason}). ` +
            'Nothing was overwritten; run again, or raise max-attempts.');
    }
}

// EXTERNAL MODULE: ./tmp/ncc-input/src/core/summary.js
var core_summary = __webpack_require__(80412);
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

/** `publish-method: push`: one commit straight onto the base, for environments that need no review. */
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
            return { head: base, bumps, alreadyOnBase: true, baseTip: base };
        const message = this.context.messageFor(bumps);
        const commit = await writer.commitAndMove({ source: base, bumps, parents: [base], message }, this.branch, true);
        return { commit, head: commit, bumps, alreadyOnBase: false, baseTip: base };
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
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

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/atomic-write.js
var atomic_write = __webpack_require__(16097);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/bump/bumper.js + 12 modules
var bump_bumper = __webpack_require__(26688);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/file-scope.js
var file_scope = __webpack_require__(82077);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/workflow-commands.js
var workflow_commands = __webpack_require__(45618);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/actions/open-gitops-pr/change-planners.js








/** Points the manifests in `paths` at the image (bump-manifest's edit). */
class BumpPlanner {
    paths;
    target;
    failOnNoMatch;
    bumper;
    warned = new Set();
    constructor(paths, target, failOnNoMatch, bumper = new bump_bumper/* ManifestBumper */.dF()) {
        this.paths = paths;
        this.target = target;
        this.failOnNoMatch = failOnNoMatch;
        this.bumper = bumper;
    }
    async plan(git, commit) {
        const root = git.directory;
        const unmatched = [];
        const files = await (0,file_scope.resolveYamlFiles)(this.paths, root, { onNoMatch: (pattern) => unmatched.push(pattern) });
        if (unmatched.length > 0)
            this.reportUnmatched(unmatched, commit);
        return files.length === 0 ? [] : this.bumper.plan(files, root, this.target);
    }
    write(bumps, root) {
        return this.bumper.write(bumps, root);
    }
    reportUnmatched(unmatched, commit) {
        const list = unmatched.map((pattern) => `"${(0,workflow_commands/* escapeForLog */.zB)(pattern)}"`).join(', ');
        if (this.failOnNoMatch) {
            throw new errors/* UserError */.yo(`Path ${list} matches no YAML file at ${commit.slice(0, 12)} (fail-on-no-match is true).`);
        }
        for (const pattern of unmatched.filter((item) => !this.warned.has(item))) {
            this.warned.add(pattern);
            core/* warning */.$e(`Path "${(0,workflow_commands/* escapeForLog */.zB)(pattern)}" matches no YAML file in the manifests repository; it is skipped.`);
        }
    }
}
// How far back on the base the reverted commit is looked for.
const REVERT_SEARCH_DEPTH = 500;
/**
 * Restores exactly the lines `commit` changed, on whatever the base holds now: `git apply -R` of that commit's patch,
 * which refuses, naming the file and line, when a later commit changed the same lines (nothing is guessed).
 */
class RevertPlanner {
    commit;
    base;
    patch;
    constructor(commit, base) {
        this.commit = commit;
        this.base = base;
    }
    async plan(git, tip) {
        const patch = await this.patchOf(git);
        if (patch.trim() === '')
            return [];
        const refusal = await git.applyPatch(patch, { reverse: true, checkOnly: true });
        if (refusal !== undefined) {
            // The lines are already as before the commit: someone reverted it already.
            if ((await git.applyPatch(patch, { reverse: false, checkOnly: true })) === undefined)
                return [];
            throw new errors/* UserError */.yo(`Cannot revert ${this.commit.slice(0, 12)} on ${this.base} (${tip.slice(0, 12)}): a later commit changed the same ` +
                `lines (${(0,workflow_commands/* escapeForLog */.zB)(firstFailure(refusal))}); revert it by hand.`);
        }
        const files = changedFiles(patch);
        const before = await readAll(git.directory, files);
        await git.applyPatch(patch, { reverse: true, checkOnly: false });
        const after = await readAll(git.directory, files);
        // Leave the working tree as checked out: the writer writes the planned contents itself.
        await this.write(files.map((file) => bumpOf(git.directory, file, after.get(file) ?? '', before.get(file) ?? '')), git.directory);
        return files
            .filter((file) => before.get(file) !== after.get(file))
            .map((file) => bumpOf(git.directory, file, before.get(file) ?? '', after.get(file) ?? ''));
    }
    /** Every file or none, never through a symlink the repository planted (see writeFilesAtomically). */
    write(bumps, root) {
        return (0,atomic_write/* writeFilesAtomically */.i)(root, bumps.map((bump) => ({ file: bump.file, content: bump.after, previous: bump.before })));
    }
    async patchOf(git) {
        if (this.patch !== undefined)
            return this.patch;
        if (!(await git.branchContains(this.base, this.commit, REVERT_SEARCH_DEPTH))) {
            throw new errors/* UserError */.yo(`Input "revert": commit ${this.commit.slice(0, 12)} is not among the last ${REVERT_SEARCH_DEPTH} commits of ` +
                `${this.base}; only a change the base holds can be reverted.`);
        }
        this.patch = await git.patchOf(this.commit);
        return this.patch;
    }
}
/** The `b/` paths of a git patch: every file it changes (added and deleted files included). */
function changedFiles(patch) {
    const files = new Set();
    for (const match of patch.matchAll(/^diff --git a\/(.+) b\/(.+)$/gm))
        files.add(match[2]);
    return [...files];
}
async function readAll(root, files) {
    const contents = new Map();
    for (const file of files) {
        contents.set(file, await promises_.readFile(external_node_path_.join(root, file), 'utf8').catch(() => ''));
    }
    return contents;
}
function bumpOf(root, file, before, after) {
    return { file: external_node_path_.join(root, file), path: file, before, after, changes: [] };
}
function firstFailure(refusal) {
    return /patch failed: (\S+)/.exec(refusal)?.[1] ?? refusal.split('\n')[0] ?? refusal;
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/actions/open-gitops-pr/manifests-checkout.js

const GLOB_CHARS = /[*?[{]/;
const YAML_FILE = /\.ya?ml$/i;
/**
 * The manifests working copy: checks out a commit and plans the change (a bump or a revert) on its files, so that
 * the same semantic edit can be applied again to whatever tip a lost race left behind.
 */
class ManifestsCheckout {
    git;
    planner;
    checkedOut;
    constructor(git, planner) {
        this.git = git;
        this.planner = planner;
    }
    /** Checks out `commit` and returns the edits the change makes there; [] when there is nothing left to change. */
    async bumpAt(commit) {
        await this.git.checkout(commit);
        this.checkedOut = commit;
        return this.planner.plan(this.git, commit);
    }
    /** Writes edits planned by the last bumpAt, which must have been for `commit`. */
    async write(commit, bumps) {
        if (this.checkedOut !== commit)
            throw new Error(`Edits planned for ${commit} but ${this.checkedOut} is checked out.`);
        await this.planner.write(bumps, this.git.directory);
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
        const wildcard = parts.findIndex((part) => GLOB_CHARS.test(part));
        const folder = wildcard >= 0
            ? parts.slice(0, wildcard).join('/')
            : YAML_FILE.test(normalized)
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
        'image-ref': image.toString(),
        'image-name': image.spelledName,
        tag: image.tag ?? '',
        digest: image.digest ?? '',
        version: versionOf(image),
        manifests: paths.join(', '),
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
        ...(image.digest ? [['Digest', (0,core_summary/* code */.a)(image.digest)]] : []),
        ...(values['source-commit'] ? [['Source commit', values['source-commit']]] : []),
        ...(values['run-url'] ? [['Run', values['run-url']]] : []),
        ...change.evidence.map((row) => [row.label, row.value]),
    ];
    return new core_summary/* JobSummary */.c()
        .paragraph(`Points ${change.target.paths.map(core_summary/* code */.a).join(', ')} on ${(0,core_summary/* code */.a)(values.base)} at ${(0,core_summary/* code */.a)(values['image-ref'])}.`)
        .table(['Image', (0,core_summary/* code */.a)(image.toString())], facts)
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
        .map((change) => [`${change.file}:${change.line}`, change.kind, (0,core_summary/* code */.a)(change.from), (0,core_summary/* code */.a)(change.to)]);
    const table = new core_summary/* JobSummary */.c().table(['File', 'Kind', 'From', 'To'], rows).toMarkdown().trim();
    const more = changes.length - rows.length;
    return more > 0 ? `${table}\n\nand ${more} more.` : table;
}
function evidenceTable(change) {
    return new core_summary/* JobSummary */.c()
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
            return { head, bumps: onBase, alreadyOnBase: true, baseTip };
        if (!head)
            return this.commit({ source: baseTip, bumps: onBase, parents: [baseTip] }, baseTip, false);
        const onBranch = await checkout.bumpAt(head);
        if (onBranch.length === 0)
            return { head, bumps: onBase, alreadyOnBase: false, baseTip };
        const start = await this.startingPoint(baseTip, head);
        const bumps = start.source === head ? onBranch : await checkout.bumpAt(start.source);
        return this.commit({ ...start, bumps }, baseTip, true);
    }
    async commit(planned, baseTip, branchExists) {
        const message = this.context.messageFor(planned.bumps);
        const commit = await this.context.writer.commitAndMove({ ...planned, message }, this.branch, branchExists);
        return { commit, head: commit, bumps: [...planned.bumps], alreadyOnBase: false, baseTip };
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

// EXTERNAL MODULE: ./tmp/ncc-input/src/actions/open-gitops-pr/settings.js + 2 modules
var open_gitops_pr_settings = __webpack_require__(37862);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/actions/open-gitops-pr/run.js


















/**
 * Applies the bump to the manifests repository's current tip and hands it over: as one pull request per change
 * target, or as a commit straight onto the base. Lost races are retried on the new tip; nothing is forced.
 */
async function openGitopsPr(settings, host, seams = {}) {
    warnAboutIgnoredInputs(settings);
    const client = (0,github_client.createGitHubClient)({ token: settings.token, apiUrl: settings.apiUrl, waitUnitMs: seams.waitUnitMs });
    const repository = await (0,github_repository/* getRepository */.TM)(client, settings.repository);
    refuseReadOnly(repository);
    const target = new ChangeTarget(settings.target.image, settings.paths, settings.base ?? repository.defaultBranch);
    const branch = settings.mode === 'push' ? target.base : (settings.branch ?? target.defaultBranch);
    if (settings.mode === 'pull-request' && branch === target.base) {
        throw new errors/* UserError */.yo(`Input "${open_gitops_pr_settings/* INPUTS */.mc.branch}" is the base, ${branch}: name another branch, or use ${open_gitops_pr_settings/* INPUTS */.mc.publishMethod}: push.`);
    }
    const scratch = await host.scratchFolder('open-gitops-pr-');
    const workDirectory = scratch.path;
    try {
        const git = await GitCli.createRepository(workDirectory, { url: repository.cloneUrl, token: settings.token }, sparseDirectories(settings.paths));
        const planner = settings.revert === undefined
            ? new BumpPlanner(settings.paths, settings.target, settings.failOnNoMatch)
            : new RevertPlanner(settings.revert, target.base);
        const checkout = new ManifestsCheckout(git, planner);
        const describe = (bumps) => ({
            target,
            repository: (0,github_repository/* formatRepositoryName */.FI)(settings.repository),
            branch,
            bumps,
            evidence: settings.evidence,
            source: host.context.links,
        });
        const context = {
            checkout,
            writer: commitWriter(settings, client, checkout),
            target,
            repository: (0,github_repository/* formatRepositoryName */.FI)(settings.repository),
            messageFor: (bumps) => commitMessage(settings.commitMessage, describe(bumps)),
        };
        const delivery = settings.mode === 'push' ? new BaseBranchPush(context) : new PullRequestBranch(context, branch);
        const policy = { ...DEFAULT_RACE_POLICY, ...seams.racePolicy, maxAttempts: settings.maxAttempts };
        const { result: outcome, attempts } = await retryOnRace(policy, () => delivery.attempt(), (lost, next) => core/* info */.pq(`${(0,workflow_commands/* escapeForLog */.zB)(lost.message)} Applying the bump again on the new tip (attempt ${next} of ${policy.maxAttempts}).`));
        const pullRequest = settings.mode === 'pull-request'
            ? await publishPullRequest(settings, client, outcome, describe(outcome.bumps))
            : undefined;
        const result = {
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
    }
    finally {
        await scratch.remove();
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
        settings.branch && open_gitops_pr_settings/* INPUTS */.mc.branch,
        settings.body && open_gitops_pr_settings/* INPUTS */.mc.pullRequestBody,
        extras.draft && open_gitops_pr_settings/* INPUTS */.mc.pullRequestDraft,
        extras.labels.length > 0 && open_gitops_pr_settings/* INPUTS */.mc.pullRequestLabels,
        extras.reviewers.length > 0 && open_gitops_pr_settings/* INPUTS */.mc.pullRequestReviewers,
        extras.teamReviewers.length > 0 && open_gitops_pr_settings/* INPUTS */.mc.pullRequestTeamReviewers,
        extras.assignees.length > 0 && open_gitops_pr_settings/* INPUTS */.mc.pullRequestAssignees,
        extras.autoMerge && open_gitops_pr_settings/* INPUTS */.mc.autoMerge,
    ].filter(Boolean);
    if (ignored.length > 0)
        core/* warning */.$e(`${open_gitops_pr_settings/* INPUTS */.mc.publishMethod}: push opens no pull request, so ${ignored.join(', ')} are ignored.`);
}
function report(result, settings, outcome, setOutput) {
    setOutput(open_gitops_pr_settings/* OUTPUTS */.py.operation, result.operation);
    setOutput(open_gitops_pr_settings/* OUTPUTS */.py.branch, result.branch);
    setOutput(open_gitops_pr_settings/* OUTPUTS */.py.headSha, result.headSha);
    setOutput(open_gitops_pr_settings/* OUTPUTS */.py.commitSha, result.commitSha);
    setOutput(open_gitops_pr_settings/* OUTPUTS */.py.revision, result.revision);
    setOutput(open_gitops_pr_settings/* OUTPUTS */.py.reverted, result.reverted);
    setOutput(open_gitops_pr_settings/* OUTPUTS */.py.pullRequestNumber, result.pullRequest ? String(result.pullRequest.number) : '');
    setOutput(open_gitops_pr_settings/* OUTPUTS */.py.pullRequestUrl, result.pullRequest?.url ?? '');
    const where = `${(0,github_repository/* formatRepositoryName */.FI)(settings.repository)}@${result.branch}`;
    const files = outcome.bumps.map((bump) => (0,workflow_commands/* escapeForLog */.zB)(bump.path)).join(', ') || 'none';
    core/* info */.pq(`${result.operation}: ${where} at ${result.headSha || '(no branch)'}; files: ${files}.`);
    if (result.pullRequest)
        core/* info */.pq(`Pull request: ${(0,workflow_commands/* escapeForLog */.zB)(result.pullRequest.url)}`);
}
async function summarize(result, settings, outcome, base) {
    const repository = (0,github_repository/* formatRepositoryName */.FI)(settings.repository);
    const summary = new core_summary/* JobSummary */.c().heading(`open-gitops-pr: ${settings.target.image} in ${repository}`);
    const pullRequest = result.pullRequest
        ? `pull request [#${result.pullRequest.number}](${result.pullRequest.url})`
        : '';
    const lines = {
        created: `Opened ${pullRequest} from ${(0,core_summary/* code */.a)(result.branch)} into ${(0,core_summary/* code */.a)(base)}.`,
        updated: `Updated ${pullRequest} with commit ${(0,core_summary/* code */.a)(result.commitSha.slice(0, 12))}.`,
        unchanged: outcome.alreadyOnBase
            ? `${(0,core_summary/* code */.a)(base)} already points at this image; nothing to do.`
            : `${(0,core_summary/* code */.a)(result.branch)} already holds this change${pullRequest ? ` (${pullRequest})` : ''}; nothing to do.`,
        pushed: `Pushed commit ${(0,core_summary/* code */.a)(result.commitSha.slice(0, 12))} to ${(0,core_summary/* code */.a)(base)}.`,
    };
    summary.paragraph(lines[result.operation]);
    if (result.attempts > 1)
        summary.paragraph(`Other pushes won ${result.attempts - 1} race(s); the bump was applied again on each new tip.`);
    const changes = outcome.commit ? outcome.bumps.flatMap((bump) => bump.changes) : [];
    if (changes.length > 0) {
        summary.table(['File', 'Kind', 'Old reference', 'New reference'], changes.map((change) => [`${change.file}:${change.line}`, change.kind, (0,core_summary/* code */.a)(change.from), (0,core_summary/* code */.a)(change.to)]));
    }
    await summary.write();
}


/***/ }),

/***/ 65585:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createGitHubClient: () => (/* binding */ createGitHubClient)
});

// UNUSED EXPORTS: GITHUB_MAX_ANSWER_BYTES, GITHUB_TIMEOUT_MS

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./tmp/ncc-input/node_modules/@actions/core/lib/core.js + 6 modules
var core = __webpack_require__(92202);
// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js + 21 modules
var github = __webpack_require__(11758);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-retry/dist-bundle/index.js
var dist_bundle = __webpack_require__(49735);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-throttling/dist-bundle/index.js
var plugin_throttling_dist_bundle = __webpack_require__(86856);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/secrets.js
var secrets = __webpack_require__(41877);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/http/request.js + 2 modules
var request = __webpack_require__(75877);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/http/fetch.js


/**
 * The request policy failed the request (time, size, redirects). Named AbortError on purpose: Octokit then passes
 * it on as it is, and its retry plugin does not multiply a deadline that has already been spent.
 */
class RequestAbandonedError extends Error {
    name = 'AbortError';
}
const NULL_BODY = new Set([101, 204, 205, 304]);
/**
 * A `fetch` for Octokit on the one request policy: the environment's proxy, a deadline per request, an answer-size
 * cap; redirects followed (a write's only with 307/308 on the same origin), and an empty answer after a redirect
 * refused, since the API never answers that way and the caller would fail later on a missing field.
 */
function policyFetch(options) {
    return async (url, init = {}) => {
        const method = (init.method ?? 'GET').toUpperCase();
        const asked = `${method} ${(0,secrets/* redact */.E$)(String(url))}`;
        let answer;
        try {
            answer = await (0,request/* httpRequest */.aj)(String(url), {
                method,
                headers: init.headers,
                body: bodyBytes(init.body),
                signal: init.signal ?? undefined,
                timeoutMs: options.timeoutMs,
                maxBytes: options.maxBytes,
                transport: options.transport,
                followWriteRedirects: true,
            });
        }
        catch (error) {
            if (init.signal?.aborted)
                throw error;
            throw new RequestAbandonedError(error.message, { cause: error });
        }
        refuseOddAnswers(asked, method, answer);
        const response = new Response(NULL_BODY.has(answer.status) ? null : answer.body, {
            status: answer.status,
            headers: Object.entries(answer.headers),
        });
        Object.defineProperty(response, 'url', { value: answer.url });
        return response;
    };
}
function refuseOddAnswers(asked, method, answer) {
    const location = answer.header('location');
    if (answer.status >= 300 && answer.status < 400 && answer.status !== 304) {
        throw new RequestAbandonedError(`${asked} was answered HTTP ${answer.status}${location ? ` to ${(0,secrets/* redact */.E$)(new URL(location, answer.url).href)}` : ''}, which this client does not follow for a ${method}`);
    }
    const text = answer.body.toString('utf8').trim();
    if (answer.redirected &&
        answer.ok &&
        !NULL_BODY.has(answer.status) &&
        method !== 'HEAD' &&
        /^(\{\s*\})?$/.test(text)) {
        throw new RequestAbandonedError(`${asked} was redirected to ${(0,secrets/* redact */.E$)(answer.url)}, which answered HTTP ${answer.status} with ${text ? '{}' : 'nothing'}: not an API answer`);
    }
}
function bodyBytes(body) {
    if (body === undefined || body === null)
        return undefined;
    if (typeof body === 'string')
        return Buffer.from(body);
    if (Buffer.isBuffer(body))
        return body;
    if (body instanceof ArrayBuffer)
        return Buffer.from(body);
    if (ArrayBuffer.isView(body))
        return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
    throw new TypeError(`A request body of type ${Object.prototype.toString.call(body)} is not supported here.`);
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/github/client.js






/** Requests that hit a rate limit are retried this often, each after the wait GitHub asks for. */
const RATE_LIMIT_RETRIES = 3;
/** Per request, body included; GitHub itself gives up on a request after 10 s. */
const GITHUB_TIMEOUT_MS = 30_000;
/** The largest answers read are lists of 100 items and commit diffs, far below this. */
const GITHUB_MAX_ANSWER_BYTES = 32 * 1024 * 1024;
/**
 * Octokit for one run: 5xx answers retried with growing pauses, primary and secondary rate limits waited out as
 * `retry-after` / `x-ratelimit-reset` say, and writes paced as GitHub asks of each client. Every request goes
 * through the one request policy (core/http): the environment's proxy, a deadline, an answer-size cap.
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
        // Replaces @actions/github's fetch, which has neither deadline nor cap and decides on the proxy for
        // GITHUB_API_URL rather than for this client's URL.
        request: {
            fetch: policyFetch({
                timeoutMs: options.timeoutMs ?? GITHUB_TIMEOUT_MS,
                maxBytes: options.maxAnswerBytes ?? GITHUB_MAX_ANSWER_BYTES,
                transport: options.transport,
            }),
        },
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


/***/ })

};
