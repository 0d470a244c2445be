export const id = 177;
export const ids = [177];
export const modules = {

/***/ 4177:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  openGitopsPr: () => (/* binding */ openGitopsPr)
});

// EXTERNAL MODULE: ./tmp/ncc-input/node_modules/@actions/core/lib/core.js + 10 modules
var core = __webpack_require__(1694);
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
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/secrets.js
var secrets = __webpack_require__(1877);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
var external_node_http_namespaceObject = /*#__PURE__*/__webpack_require__.t(external_node_http_, 2);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
var external_node_https_namespaceObject = /*#__PURE__*/__webpack_require__.t(external_node_https_, 2);
// EXTERNAL MODULE: external "node:stream/promises"
var promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/workflow-commands.js
var workflow_commands = __webpack_require__(5618);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/retry.js




const DEFAULT_MAX_RETRY_AFTER_MS = 60_000;
/**
 * Runs `call` (given the attempt number, from 1) until it resolves, an error is not retryable, or the attempts are
 * spent; then the last error is thrown unchanged, so each caller words its own failure (it knows the attempts).
 */
async function retry(call, options) {
    const wait = options.sleep ?? external_node_timers_promises_.setTimeout;
    for (let attempt = 1;; attempt++) {
        try {
            return await call(attempt);
        }
        catch (error) {
            if (attempt >= options.attempts || !options.retryable(error))
                throw error;
            const asked = options.retryAfterMs?.(error);
            if (asked !== undefined && asked > (options.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS))
                throw error;
            const delayMs = Math.max(backoffMs(options, attempt, options.random ?? Math.random), asked ?? 0);
            if (options.onRetry)
                options.onRetry(error, attempt + 1, delayMs);
            else {
                const reason = options.describe?.(error) ?? (0,errors/* errorMessage */.gJ)(error);
                core/* info */.pq(`${options.what} failed (${(0,workflow_commands/* escapeForLog */.zB)(reason)}); attempt ${attempt + 1} of ${options.attempts} in ${delayMs} ms`);
            }
            await wait(delayMs);
        }
    }
}
/**
 * The pause after the `attempt`-th failure: none for the policy's immediate retries, then doubled each time, capped,
 * with the policy's share of chance.
 */
function backoffMs(policy, attempt, random = Math.random) {
    const paused = attempt - (policy.immediateRetries ?? 0);
    if (paused < 1)
        return 0;
    const ceiling = Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** (paused - 1));
    return Math.round(ceiling * (1 - policy.jitter * random()));
}
/** A Retry-After header (seconds, or an HTTP date) in milliseconds from `now`; undefined when absent or unreadable. */
function retry_parseRetryAfter(value, now = Date.now()) {
    if (!value)
        return undefined;
    const trimmed = value.trim();
    if (/^\d+$/.test(trimmed))
        return Number(trimmed) * 1000;
    const date = Date.parse(trimmed);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(1692);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/http/proxy.js


/**
 * The proxy a request to `target` goes through, or undefined to go direct: HTTPS_PROXY for https, HTTP_PROXY for
 * http (the lower-case spelling first, as curl reads them), unless NO_PROXY names the host. Loopback is always
 * direct, as Go (docker, trivy, cosign) and @actions/http-client do: a proxy cannot reach this machine's loopback.
 */
function proxyFor(target, env = process.env) {
    const name = target.protocol === 'https:' ? 'https_proxy' : target.protocol === 'http:' ? 'http_proxy' : undefined;
    if (!name)
        return undefined;
    const configured = (env[name] || env[name.toUpperCase()])?.trim();
    if (!configured)
        return undefined;
    if (isLoopback(target.hostname) || bypassesProxy(target, env.no_proxy ?? env.NO_PROXY ?? ''))
        return undefined;
    return parseProxyUrl(configured, name.toUpperCase());
}
/** A proxy URL (scheme optional: http is assumed) with its credentials taken out and registered as secrets. */
function parseProxyUrl(value, variable) {
    let url;
    try {
        url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`);
    }
    catch {
        throw new Error(`${variable} is not a URL: ${maskCredentials(value)}`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new Error(`${variable} names a ${url.protocol} proxy; only http:// and https:// proxies are supported.`);
    }
    let authorization;
    if (url.username || url.password) {
        const user = decodeURIComponent(url.username);
        const password = decodeURIComponent(url.password);
        (0,secrets/* registerSecret */.cl)(password);
        (0,secrets/* registerSecret */.cl)(url.password);
        authorization = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
        (0,secrets/* registerSecret */.cl)(authorization.slice('Basic '.length));
        url.username = '';
        url.password = '';
    }
    return { url, authorization };
}
/**
 * Whether NO_PROXY sends `target` direct. Entries, comma- or space-separated: `*` (everything); a host name, which
 * matches itself and its subdomains (`example.com`), or only its subdomains with a leading dot or `*.`
 * (`.example.com`); an IP address; a CIDR range (`10.0.0.0/8`, `fd00::/8`), which matches IP-address hosts; each
 * optionally with `:port`, which then must match too.
 */
function bypassesProxy(target, noProxy) {
    const host = bareHost(target.hostname).toLowerCase();
    const port = Number(target.port || (target.protocol === 'https:' ? 443 : 80));
    return noProxy
        .split(/[\s,]+/)
        .filter(Boolean)
        .some((entry) => entry === '*' || matches(parseEntry(entry.toLowerCase()), host, port));
}
function parseEntry(entry) {
    const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
    if (bracketed)
        return { host: bracketed[1], port: bracketed[2] ? Number(bracketed[2]) : undefined };
    const cidr = /^(.+)\/(\d{1,3})$/.exec(entry);
    if (cidr && (0,external_node_net_.isIP)(cidr[1]))
        return { host: cidr[1], prefix: Number(cidr[2]) };
    if ((0,external_node_net_.isIP)(entry))
        return { host: entry };
    const withPort = /^(.*):(\d+)$/.exec(entry);
    return withPort ? { host: withPort[1], port: Number(withPort[2]) } : { host: entry };
}
function matches(entry, host, port) {
    if (entry.port !== undefined && entry.port !== port)
        return false;
    const family = (0,external_node_net_.isIP)(entry.host);
    if (family !== 0) {
        const hostFamily = (0,external_node_net_.isIP)(host);
        if (hostFamily === 0)
            return false;
        const list = new external_node_net_.BlockList();
        const type = family === 6 ? 'ipv6' : 'ipv4';
        if (entry.prefix === undefined)
            list.addAddress(entry.host, type);
        else
            list.addSubnet(entry.host, entry.prefix, type);
        return list.check(host, hostFamily === 6 ? 'ipv6' : 'ipv4');
    }
    const name = entry.host.replace(/^\*?\./, '');
    if (name === '')
        return false;
    const subdomainsOnly = name !== entry.host;
    return host.endsWith(`.${name}`) || (!subdomainsOnly && host === name);
}
function isLoopback(hostname) {
    const host = bareHost(hostname).toLowerCase();
    if (host === 'localhost' || host.endsWith('.localhost'))
        return true;
    const family = (0,external_node_net_.isIP)(host);
    if (family === 0)
        return false;
    const loopback = new external_node_net_.BlockList();
    loopback.addSubnet('127.0.0.0', 8, 'ipv4');
    loopback.addAddress('::1', 'ipv6');
    return loopback.check(host, family === 6 ? 'ipv6' : 'ipv4');
}
function bareHost(hostname) {
    return hostname.replace(/^\[(.*)\]$/, '$1');
}
/** A proxy URL as it may be printed: `http://user:***@host`. */
function maskCredentials(value) {
    return value.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@');
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/http/transport.js






/**
 * Picks, per request, the direct or proxied way to the target, and keeps one kept-alive agent per way (direct http,
 * direct https, each proxy for http, each proxy tunnel for https) and per server trust, so connections are reused
 * across calls and a connection checked with one trust is never handed to a request that asked for another.
 */
class HttpTransport {
    options;
    agents = new Map();
    constructor(options = {}) {
        this.options = options;
    }
    route(target, trust = {}) {
        const proxy = proxyFor(target, this.options.env ?? process.env);
        const secure = target.protocol === 'https:';
        const tls = this.tlsOptions(trust);
        const trustKey = secure ? trustKeyOf(trust) : '';
        if (!proxy) {
            const agent = secure
                ? this.agent(`https:${trustKey}`, () => new external_node_https_.Agent({ keepAlive: true, ...tls }))
                : this.agent('http:', () => new external_node_http_.Agent({ keepAlive: true }));
            return { agent, absoluteForm: false };
        }
        if (!secure) {
            const agent = this.agent(`http via ${proxy.url.href}`, () => this.proxyAgent(proxy));
            return { agent, proxy: proxy.url, absoluteForm: true, proxyAuthorization: proxy.authorization };
        }
        const agent = this.agent(`https via ${proxy.url.href}${trustKey}`, () => new TunnelAgent(proxy, tls, this.tlsOptions({})));
        return { agent, proxy: proxy.url, absoluteForm: false };
    }
    agent(key, create) {
        let agent = this.agents.get(key);
        if (!agent)
            this.agents.set(key, (agent = create()));
        return agent;
    }
    /** Absolute-form requests to the proxy itself: its connection is what is kept alive. */
    proxyAgent(proxy) {
        const base = proxy.url.protocol === 'https:'
            ? new external_node_https_.Agent({ keepAlive: true, ...this.tlsOptions({}) })
            : new external_node_http_.Agent({ keepAlive: true });
        const connect = base.createConnection.bind(base);
        const target = { host: proxy.url.hostname.replace(/^\[(.*)\]$/, '$1'), port: proxyPort(proxy.url) };
        // Every connection goes to the proxy, whatever host the request names.
        base.createConnection = ((options, callback) => connect({ ...options, ...target, servername: target.host }, callback));
        return base;
    }
    /** The request's own trust, else the transport's (Node's roots plus `options.ca`). */
    tlsOptions(trust) {
        const options = trust.ca
            ? { ca: trust.ca }
            : this.options.ca
                ? { ca: [...external_node_tls_.rootCertificates, this.options.ca.toString()] }
                : {};
        if (trust.rejectUnauthorized === false)
            options.rejectUnauthorized = false;
        return options;
    }
    /** Closes every kept-alive connection (tests; an action's process ends anyway). */
    close() {
        for (const agent of this.agents.values())
            agent.destroy();
        this.agents.clear();
    }
}
/** HTTPS through a proxy: a CONNECT tunnel to the target, then TLS with the target inside it. */
class TunnelAgent extends external_node_https_.Agent {
    proxy;
    proxyTls;
    constructor(proxy, 
    /** How the target's certificate is checked, inside the tunnel. */
    tlsOptions, 
    /** How an https proxy's own certificate is checked: never with the target's trust. */
    proxyTls) {
        super({ keepAlive: true, ...tlsOptions });
        this.proxy = proxy;
        this.proxyTls = proxyTls;
    }
    createConnection(options, callback) {
        const host = String(options.host ?? options.hostname ?? 'localhost').replace(/^\[(.*)\]$/, '$1');
        const port = Number(options.port ?? 443);
        const authority = `${host.includes(':') ? `[${host}]` : host}:${port}`;
        const headers = { Host: authority };
        if (this.proxy.authorization)
            headers['Proxy-Authorization'] = this.proxy.authorization;
        const transport = this.proxy.url.protocol === 'https:' ? external_node_https_namespaceObject : external_node_http_namespaceObject;
        const connect = transport.request({
            host: this.proxy.url.hostname.replace(/^\[(.*)\]$/, '$1'),
            port: proxyPort(this.proxy.url),
            method: 'CONNECT',
            path: authority,
            headers,
            agent: false,
            signal: options.signal ?? undefined,
            ...this.proxyTls,
        });
        let settled = false;
        const fail = (error) => {
            if (settled)
                return;
            settled = true;
            callback(error);
        };
        connect.once('connect', (response, socket) => {
            if (response.statusCode !== 200) {
                socket.destroy();
                return fail(new Error(`The proxy ${(0,secrets/* redact */.E$)(this.proxy.url.origin)} refused to open a tunnel to ${authority}: ` +
                    `HTTP ${response.statusCode} ${response.statusMessage ?? ''}`.trim()));
            }
            // The socket is the tunnel: host, port and path must not make tls open a connection of its own.
            const secure = external_node_tls_.connect({
                ...options,
                host: undefined,
                port: undefined,
                path: undefined,
                socket,
                servername: isIpAddress(host) ? undefined : host,
            });
            settled = true;
            callback(null, secure);
        });
        connect.once('error', (error) => fail(Object.assign(new Error(`The proxy ${(0,secrets/* redact */.E$)(this.proxy.url.origin)} did not answer: ${error.message}`), {
            code: error.code,
        })));
        // A proxy that never answers the CONNECT must not hold the request past its own deadline.
        connect.setTimeout(Number(options.timeout ?? CONNECT_TIMEOUT_MS), () => connect.destroy(Object.assign(new Error('no answer to CONNECT'), { code: 'ETIMEDOUT' })));
        connect.end();
        return undefined;
    }
}
const CONNECT_TIMEOUT_MS = 30_000;
/** Part of an agent's key: agents differ by trust; a CA is named by its hash, not kept in the key. */
function trustKeyOf(trust) {
    const ca = trust.ca ? ` ca ${(0,external_node_crypto_.createHash)('sha256').update(trust.ca).digest('hex').slice(0, 16)}` : '';
    return `${ca}${trust.rejectUnauthorized === false ? ' insecure' : ''}`;
}
function proxyPort(url) {
    return Number(url.port || (url.protocol === 'https:' ? 443 : 80));
}
function isIpAddress(host) {
    return /^[\d.]+$/.test(host) || host.includes(':');
}
let shared;
/** The process's transport: the environment's proxy settings, Node's trusted certificates. */
function defaultTransport() {
    return (shared ??= new HttpTransport());
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/http/request.js








/** The request did not end in time; says what was asked. */
class HttpTimeoutError extends Error {
    name = 'TimeoutError';
    code = 'ETIMEDOUT';
}
/** The answer broke a rule of this client (too long, too many redirects, a redirect it does not follow). */
class HttpAnswerError extends Error {
}
/** The server's certificate was refused (unknown issuer, self-signed, expired, another name). Carries TLS's code. */
class HttpCertificateError extends Error {
    origin;
    code;
    constructor(origin, code, reason) {
        super(`The certificate of ${origin} was refused: ${reason} (${code})`);
        this.origin = origin;
        this.code = code;
    }
}
const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/**
 * One HTTP exchange over node:http, through the proxy the environment names for the target (see proxy.ts). Reads
 * (GET, HEAD) follow redirects, as registries send blob reads to a storage host, without the Authorization header
 * once they leave the origin, and never from https to http; more than five redirects is an error. Network errors
 * carry their `code`; running out of time is an HttpTimeoutError.
 */
async function httpRequest(url, init) {
    return withDeadline(init, url, async (signal) => {
        const { response, target } = await sendFollowingRedirects(url, init, signal);
        const body = await readCapped(response, init.maxBytes, `${init.method} ${target.href}`);
        const status = response.statusCode ?? 0;
        return {
            status,
            ok: status >= 200 && status < 300,
            header: (name) => headerValue(response, name),
            headers: Object.fromEntries(Object.keys(response.headers).map((name) => [name, headerValue(response, name)])),
            body,
            url: target.href,
            redirected: target.href !== new URL(url).href,
        };
    });
}
/** GETs `url` into the file `dest`, following redirects; a non-2xx answer is an HttpStatusError. */
async function downloadToFile(url, dest, init) {
    await withDeadline({ ...init, method: 'GET' }, url, async (signal) => {
        const { response, target } = await sendFollowingRedirects(url, { ...init, method: 'GET' }, signal);
        const status = response.statusCode ?? 0;
        if (status < 200 || status >= 300) {
            response.resume();
            const retryAfter = parseRetryAfter(headerValue(response, 'retry-after'));
            throw new HttpStatusError(status, response.statusMessage ?? '', `GET ${target.href}`, retryAfter);
        }
        let length = 0;
        const cap = new Transform({
            transform(chunk, _encoding, done) {
                length += chunk.length;
                if (length > init.maxBytes)
                    done(tooLarge(`GET ${target.href}`, init.maxBytes));
                else
                    done(null, chunk);
            },
        });
        await pipeline(response, cap, createWriteStream(dest), { signal });
    });
}
/** The stream was silent for longer than its idle timeout: the server, or something between, may have dropped it. */
class HttpIdleError extends (/* unused pure expression or super */ null && (HttpTimeoutError)) {
}
/** The stream reached its total cap: a long watch, not a broken one; the caller may open a new one. */
class HttpStreamSpentError extends (/* unused pure expression or super */ null && (HttpAnswerError)) {
}
/**
 * GETs `url` and hands its answer over line by line while it lasts, on the same policy as httpRequest (proxy,
 * redirects, server trust), with a deadline for the answer to start, an idle timeout and size caps instead of a
 * deadline for the whole exchange.
 */
async function openHttpStream(url, init) {
    const what = `GET ${redact(url)}`;
    const started = new AbortController();
    const timer = setTimeout(() => started.abort(), init.connectTimeoutMs);
    const signal = init.signal ? AbortSignal.any([started.signal, init.signal]) : started.signal;
    let answer;
    try {
        answer = await sendFollowingRedirects(url, { ...init, method: 'GET', timeoutMs: init.connectTimeoutMs, maxBytes: init.maxBytes }, signal);
    }
    catch (error) {
        if (started.signal.aborted) {
            throw new HttpTimeoutError(`${what}: no answer within ${seconds(init.connectTimeoutMs)}`, { cause: error });
        }
        if (init.signal?.aborted)
            throw init.signal.reason;
        throw error;
    }
    finally {
        clearTimeout(timer);
    }
    const { response, target } = answer;
    const status = response.statusCode ?? 0;
    return {
        status,
        ok: status >= 200 && status < 300,
        url: target.href,
        header: (name) => headerValue(response, name),
        messages: () => streamLines(response, init, `GET ${target.href}`),
        body: () => readCapped(response, init.maxMessageBytes, `GET ${target.href}`),
        close: () => response.destroy(),
    };
}
async function* streamLines(response, limits, what) {
    let idle;
    const arm = () => {
        clearTimeout(idle);
        idle = setTimeout(() => response.destroy(new HttpIdleError(`${redact(what)}: nothing for ${seconds(limits.idleTimeoutMs)}`)), limits.idleTimeoutMs);
    };
    let parts = [];
    let partBytes = 0;
    let total = 0;
    const take = (piece) => {
        partBytes += piece.length;
        if (partBytes > limits.maxMessageBytes) {
            throw new HttpAnswerError(`${redact(what)} sent a message longer than ${limits.maxMessageBytes} bytes`);
        }
        parts.push(piece);
    };
    try {
        arm();
        for await (const chunk of response) {
            arm();
            total += chunk.length;
            if (total > limits.maxBytes) {
                throw new HttpStreamSpentError(`${redact(what)} streamed more than ${limits.maxBytes} bytes`);
            }
            let start = 0;
            // A newline byte never occurs inside a UTF-8 sequence: splitting the bytes there is safe.
            for (let end = chunk.indexOf(10); end !== -1; end = chunk.indexOf(10, start)) {
                take(chunk.subarray(start, end));
                const line = Buffer.concat(parts).toString('utf8').trim();
                parts = [];
                partBytes = 0;
                start = end + 1;
                if (line)
                    yield line;
            }
            take(chunk.subarray(start));
        }
        const last = Buffer.concat(parts).toString('utf8').trim();
        if (last)
            yield last;
    }
    finally {
        clearTimeout(idle);
        response.destroy();
    }
}
/** A status the caller cannot use, with what was asked. */
class HttpStatusError extends Error {
    status;
    statusText;
    retryAfterMs;
    constructor(status, statusText, what, 
    /** What a 429 or 503 asked for in Retry-After. */
    retryAfterMs) {
        super(`${what} answered HTTP ${[status, statusText].filter(Boolean).join(' ')}`);
        this.status = status;
        this.statusText = statusText;
        this.retryAfterMs = retryAfterMs;
    }
}
async function withDeadline(init, url, exchange) {
    const deadline = AbortSignal.timeout(init.timeoutMs);
    const signal = init.signal ? AbortSignal.any([deadline, init.signal]) : deadline;
    try {
        return await exchange(signal);
    }
    catch (error) {
        if (deadline.aborted) {
            throw new HttpTimeoutError(`${init.method} ${(0,secrets/* redact */.E$)(url)}: no answer within ${seconds(init.timeoutMs)}`, {
                cause: error,
            });
        }
        if (init.signal?.aborted)
            throw init.signal.reason;
        throw error;
    }
}
async function sendFollowingRedirects(url, init, signal) {
    const read = init.method === 'GET' || init.method === 'HEAD';
    let target = new URL(url);
    let headers = init.headers ?? {};
    for (let redirects = 0;; redirects++) {
        const response = await send(target, { ...init, headers }, signal);
        const location = headerValue(response, 'location');
        const status = response.statusCode ?? 0;
        if (!REDIRECTS.has(status) || !location)
            return { response, target };
        const next = new URL(location, target);
        const resent = init.followWriteRedirects && (status === 307 || status === 308) && next.origin === target.origin;
        if (!read && !resent)
            return { response, target };
        response.resume();
        if (redirects === MAX_REDIRECTS) {
            throw new HttpAnswerError(`${init.method} ${(0,secrets/* redact */.E$)(url)} was still redirected after ${MAX_REDIRECTS} redirects (last HTTP ${status} to ${(0,secrets/* redact */.E$)(next.href)})`);
        }
        if (next.protocol !== 'https:' && (next.protocol !== 'http:' || target.protocol === 'https:')) {
            throw new HttpAnswerError(`${target.origin} redirected to ${next.protocol}//${next.host}, which this client does not follow`);
        }
        if (next.origin !== target.origin)
            headers = withoutAuthorization(headers);
        target = next;
    }
}
function send(target, init, signal) {
    const route = (init.transport ?? defaultTransport()).route(target, {
        ca: init.ca,
        rejectUnauthorized: init.rejectUnauthorized,
    });
    const headers = { ...init.headers };
    if (route.proxyAuthorization)
        headers['Proxy-Authorization'] = route.proxyAuthorization;
    const options = { method: init.method, headers, agent: route.agent, signal };
    if (route.absoluteForm)
        options.path = target.href;
    const transport = target.protocol === 'https:' ? external_node_https_namespaceObject : external_node_http_namespaceObject;
    return new Promise((resolve, reject) => {
        const request = transport.request(target, options, (response) => {
            if (response.statusCode === 407 && route.proxy) {
                response.resume();
                reject(new HttpAnswerError(`The proxy ${(0,secrets/* redact */.E$)(route.proxy.origin)} refused ${init.method} ${target.href}: HTTP 407`));
                return;
            }
            const length = Number(response.headers['content-length']);
            if (init.method !== 'HEAD' && length > init.maxBytes) {
                response.destroy();
                reject(tooLarge(`${init.method} ${target.href}`, init.maxBytes));
                return;
            }
            resolve(response);
        });
        request.on('error', (error) => reject(certificateError(target, error) ?? error));
        request.end(init.body);
    });
}
// OpenSSL's verify errors as Node names them, and Node's own for a certificate issued to another name.
const CERTIFICATE_CODES = /^(ERR_TLS_CERT_ALTNAME_INVALID|.*CERT.*|UNABLE_TO_VERIFY_LEAF_SIGNATURE)$/;
function certificateError(target, error) {
    if (!error.code || !CERTIFICATE_CODES.test(error.code))
        return undefined;
    return new HttpCertificateError(target.origin, error.code, error.message.replace(/\s+/g, ' '));
}
function readCapped(response, maxBytes, what) {
    return new Promise((resolve, reject) => {
        const chunks = [];
        let length = 0;
        response.on('data', (chunk) => {
            length += chunk.length;
            if (length <= maxBytes)
                chunks.push(chunk);
            else
                response.destroy(tooLarge(what, maxBytes));
        });
        response.on('error', reject);
        response.on('end', () => resolve(Buffer.concat(chunks)));
    });
}
function tooLarge(what, maxBytes) {
    return new HttpAnswerError(`${(0,secrets/* redact */.E$)(what)} answered more than ${maxBytes} bytes`);
}
function headerValue(response, name) {
    const value = response.headers[name.toLowerCase()];
    return Array.isArray(value) ? value.join(', ') : value;
}
function withoutAuthorization(headers) {
    return Object.fromEntries(Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'authorization'));
}
function seconds(ms) {
    return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

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
            answer = await httpRequest(String(url), {
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

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:string_decoder"
var external_node_string_decoder_ = __webpack_require__(6193);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/cleanup.js
var cleanup = __webpack_require__(3212);
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
 * Runs a tool with an argv array (never through a shell), streaming its output line by line with registered
 * secrets redacted and no line readable as a workflow command, and returns what it printed. If the step is
 * cancelled meanwhile, the tool and everything it started are stopped (see cleanup.ts).
 */
async function execTool(tool, args, options = {}) {
    const commandLine = (0,secrets/* redact */.E$)([tool, ...args].join(' '));
    // Line by line rather than in a stop-commands block: the tool's stderr and stdout reach the runner through two
    // pipes, in no fixed order, so a block on one could not be relied on to cover the other.
    const echo = (stream) => (line) => {
        if (!options.silent)
            stream.write(`${(0,workflow_commands/* neutralizeLine */.a0)((0,secrets/* redact */.E$)(line))}\n`);
    };
    if (!options.silent)
        printCommandLine(tool, args);
    const output = await runTool(tool, args, options, echo(process.stdout), echo(process.stderr));
    const result = { exitCode: output.exitCode, stdout: (0,secrets/* redact */.E$)(output.stdout), stderr: (0,secrets/* redact */.E$)(output.stderr) };
    if (result.exitCode !== 0 && !options.allowFailure)
        throw new ToolFailedError(commandLine, result);
    return result;
}
// How long a cancelled tool gets between SIGTERM and SIGKILL; the runner's own SIGKILL comes about 7.5 s after SIGINT.
const STOP_GRACE_MS = 3000;
function runTool(tool, args, options, onStdoutLine, onStderrLine) {
    return new Promise((resolve, reject) => {
        // A process group of its own, so that a cancel can stop the tool and whatever it started, and nothing else.
        const child = (0,external_node_child_process_.spawn)(tool, [...args], {
            cwd: options.cwd,
            env: options.env ? { ...process.env, ...options.env } : process.env,
            stdio: ['pipe', 'pipe', 'pipe'],
            detached: true,
        });
        const forget = (0,cleanup/* onCancel */.Ao)(() => stopProcessGroup(child));
        const stdout = collectLines(child.stdout, onStdoutLine);
        const stderr = collectLines(child.stderr, onStderrLine);
        let timedOut = false;
        const timer = options.timeoutMs === undefined
            ? undefined
            : setTimeout(() => {
                timedOut = true;
                void stopProcessGroup(child);
            }, options.timeoutMs);
        const done = () => {
            forget();
            clearTimeout(timer);
        };
        child.on('error', (error) => {
            done();
            reject(error.code === 'ENOENT' ? new Error(`Unable to locate executable file: ${tool}`) : error);
        });
        child.on('close', (code, signal) => {
            done();
            if (timedOut) {
                const note = `${tool} timed out after ${Math.round(options.timeoutMs / 1000)} s and was stopped.`;
                resolve({ exitCode: 124, stdout: stdout(), stderr: `${stderr()}\n${note}`.trimStart() });
                return;
            }
            const exitCode = code ?? 128 + (signal ? external_node_os_.constants.signals[signal] : 0);
            resolve({ exitCode, stdout: stdout(), stderr: stderr() });
        });
        // A tool that reads its input must see it end, whether or not there is any.
        child.stdin.on('error', () => undefined);
        child.stdin.end(options.input);
    });
}
/** Calls `onLine` for each line as it comes; returns a function that gives all of it once the stream has ended. */
function collectLines(stream, onLine) {
    const decoder = new external_node_string_decoder_.StringDecoder('utf8');
    let all = '';
    let partial = '';
    const take = (text) => {
        all += text;
        const lines = (partial + text).split('\n');
        partial = lines.pop();
        for (const line of lines)
            onLine(line);
    };
    stream.on('data', (chunk) => take(decoder.write(chunk)));
    stream.on('end', () => {
        take(decoder.end());
        if (partial)
            onLine(partial);
        partial = '';
    });
    return () => all;
}
/** SIGTERM to the tool's process group, SIGKILL if it is still there after a grace period; resolves once it exited. */
async function stopProcessGroup(child) {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null)
        return;
    const exited = new Promise((resolve) => child.once('exit', () => resolve()));
    const signalGroup = (signal) => {
        try {
            process.kill(-child.pid, signal);
        }
        catch {
            // Already gone.
        }
    };
    signalGroup('SIGTERM');
    let timer;
    const killed = new Promise((resolve) => {
        timer = setTimeout(() => {
            signalGroup('SIGKILL');
            resolve();
        }, STOP_GRACE_MS);
    });
    await Promise.race([exited, killed]);
    clearTimeout(timer);
    await exited;
}
/** The `[command]` line a tool run is logged with: redacted, and its arguments (file names...) escaped. */
function printCommandLine(tool, args) {
    process.stdout.write(`[command]${(0,workflow_commands/* escapeForLog */.zB)((0,secrets/* redact */.E$)([tool, ...args].join(' ')))}\n`);
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
        const result = await execTool('git', args, {
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
                throw new ToolFailedError(`git ${args[0]}`, result);
        }
        return result;
    }
    /** Turns the server's refusals (bad token, missing permission, no such repository) into what the user must change. */
    refuseAccessProblems(result, access) {
        const output = `${result.stderr}\n${result.stdout}`;
        const where = this.remote.url;
        if (/Operation too slow|Operation timed out|Connection timed out|Timeout, server .* not responding|git timed out after/i.test(output)) {
            throw new errors/* UserError */.yo(`${where} stalled during git ${access === 'write' ? 'push' : 'fetch'}: ${lastLines(output, 1)}. ` +
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
        const result = await retry((number) => {
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

// EXTERNAL MODULE: external "node:fs/promises"
var external_node_fs_promises_ = __webpack_require__(1455);
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
        await external_node_fs_promises_.appendFile(file, this.toMarkdown() + '\n');
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

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
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

// EXTERNAL MODULE: ./tmp/ncc-input/src/core/file-scope.js + 1 modules
var file_scope = __webpack_require__(3027);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/atomic-write.js






/** A write that failed for a reason outside the user's files (a full disk, a read-only folder): names the file. */
class FileWriteError extends Error {
    file;
    constructor(file, cause) {
        // Node's errors are read by shape: under jest's VM modules they come from another realm than `Error`.
        super(`Could not write ${file} (${cause.message ?? String(cause)}); no file was changed.`, {
            cause,
        });
        this.file = file;
    }
}
// Exclusive and never through a link: a name planted in the tree (a symlink, a file) makes the open fail.
const CREATE_EXCLUSIVE = external_node_fs_.constants.O_WRONLY | external_node_fs_.constants.O_CREAT | external_node_fs_.constants.O_EXCL | external_node_fs_.constants.O_NOFOLLOW;
const READ_NO_FOLLOW = external_node_fs_.constants.O_RDONLY | external_node_fs_.constants.O_NOFOLLOW;
const NEW_FILE_MODE = 0o644;
/**
 * Replaces every file, or none, without ever writing through a symlink or outside `root`: each content goes to a
 * temporary created exclusively under a random name in the file's own folder (with the file's mode), the final path's
 * folder is checked against the real root right before the rename, and a failure puts back what was already renamed
 * and deletes every temporary. Nothing is followed that the tree could have planted.
 */
async function writeFilesAtomically(root, writes) {
    const realRoot = await external_node_fs_promises_.realpath(root);
    const staged = [];
    try {
        for (const write of writes)
            staged.push(await stage(realRoot, write));
    }
    catch (error) {
        await removeTemporaries(staged);
        throw error;
    }
    const renamed = [];
    try {
        for (const entry of staged) {
            await checkTarget(realRoot, entry.target);
            await external_node_fs_promises_.rename(entry.temp, entry.target);
            renamed.push(entry);
        }
    }
    catch (error) {
        // Put back what was already replaced so the tree is never half-edited.
        await restore(realRoot, renamed);
        await removeTemporaries(staged);
        if (error instanceof errors/* UserError */.yo || error instanceof FileWriteError)
            throw error;
        throw new FileWriteError((0,file_scope/* relativeToRoot */.yY)(realRoot, failedTarget(staged, renamed)), error);
    }
}
function failedTarget(staged, renamed) {
    return (staged[renamed.length] ?? staged[0])?.target ?? '';
}
async function stage(realRoot, write) {
    const target = await checkTarget(realRoot, write.file);
    const existing = await lstatOrUndefined(target);
    const previous = existing ? (write.previous ?? (await readNoFollow(realRoot, target))) : undefined;
    const mode = existing ? existing.mode & 0o7777 : NEW_FILE_MODE;
    const temp = await writeTemporary(realRoot, target, write.content, mode);
    return { write, target, temp, previous, mode };
}
/**
 * The path to rename onto: its folder's real path inside the root, the name itself not a symlink, a folder or
 * anything but a regular file. Checked when staging and again right before each rename.
 */
async function checkTarget(realRoot, file) {
    const shown = (0,file_scope/* relativeToRoot */.yY)(realRoot, file);
    let folder;
    try {
        folder = await external_node_fs_promises_.realpath(external_node_path_.dirname(file));
    }
    catch (error) {
        throw new FileWriteError(shown, error);
    }
    const target = external_node_path_.join(folder, external_node_path_.basename(file));
    if (!(0,file_scope/* isInside */.FK)(realRoot, target) || target === realRoot) {
        throw new errors/* UserError */.yo(`${shown}: resolves outside the working directory ${realRoot}; it is not written.`, {
            file: shown,
        });
    }
    const stat = await lstatOrUndefined(target);
    if (stat && !stat.isFile()) {
        const what = stat.isSymbolicLink() ? 'a symbolic link' : 'not a regular file';
        throw new errors/* UserError */.yo(`${shown}: is ${what}; it is not written.`, { file: shown });
    }
    return target;
}
async function writeTemporary(realRoot, target, content, mode) {
    // Starts with a dot and ends in .tmp so that editors and globs pass it over; random so no one can plant it.
    const temp = external_node_path_.join(external_node_path_.dirname(target), `.${external_node_path_.basename(target)}.${(0,external_node_crypto_.randomBytes)(8).toString('hex')}.tmp`);
    let handle;
    try {
        handle = await external_node_fs_promises_.open(temp, CREATE_EXCLUSIVE, 0o600);
        await handle.writeFile(content);
        // The umask narrowed the mode open() was given; the copy keeps the original's.
        await handle.chmod(mode);
        await handle.close();
        return temp;
    }
    catch (error) {
        await handle?.close().catch(() => undefined);
        // Only a file this call created is removed: an EEXIST means the name belongs to someone else.
        if (handle)
            await external_node_fs_promises_.rm(temp, { force: true }).catch(() => undefined);
        throw new FileWriteError((0,file_scope/* relativeToRoot */.yY)(realRoot, target), error);
    }
}
async function restore(realRoot, renamed) {
    for (const entry of renamed) {
        try {
            if (entry.previous === undefined)
                await external_node_fs_promises_.rm(entry.target, { force: true });
            else
                await external_node_fs_promises_.rename(await writeTemporary(realRoot, entry.target, entry.previous, entry.mode), entry.target);
        }
        catch {
            // Best effort: the error that stopped the batch is the one reported.
        }
    }
}
async function removeTemporaries(staged) {
    await Promise.all(staged.map(({ temp }) => external_node_fs_promises_.rm(temp, { force: true }).catch(() => undefined)));
}
async function readNoFollow(realRoot, file) {
    try {
        return await external_node_fs_promises_.readFile(file, { flag: READ_NO_FOLLOW });
    }
    catch (error) {
        throw new FileWriteError((0,file_scope/* relativeToRoot */.yY)(realRoot, file), error);
    }
}
async function lstatOrUndefined(file) {
    try {
        return await external_node_fs_promises_.lstat(file);
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return undefined;
        throw error;
    }
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
    notices = [];
    /** Tag keys found without a repository beside them (`file:line key`): they may be this image, or not. */
    unattributed = [];
    /** References to the image found, whether or not they change. */
    references = 0;
    /** The `image-keys` rules that found their keys in this file. */
    usedKeyRules = new Set();
    /** The tag and/or digest to write, as the pin asks. */
    version;
    editedRanges = new Map();
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
        if (!ref?.sameRepository(this.target.image))
            return undefined;
        this.references++;
        return ref;
    }
    /** A layout that names the image but cannot be edited safely: the run goes on, the user is told where. */
    warn(node, message) {
        const line = this.lineAt(node);
        this.notices.push({
            level: 'warning',
            message: `${this.displayPath}${line ? `:${line}` : ''}: ${message}`,
            file: this.displayPath,
            line,
        });
    }
    /** A tag key with no repository beside it, reported only when the run finds no reference at all. */
    noteUnattributed(node, key) {
        this.unattributed.push(`${this.displayPath}:${this.lineAt(node) ?? 0} ${key}`);
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
        const earlier = this.editedRanges.get(key);
        if (earlier === edit.text)
            return false;
        if (earlier !== undefined) {
            throw this.source.errorAt(scalar, `two layouts set this value differently (${earlier} and ${edit.text}); refused.`);
        }
        this.editedRanges.set(key, edit.text);
        this.edits.push(edit);
        return true;
    }
    /** Takes over what a session on YAML embedded in a string of this file found, in this file's offsets. */
    adopt(inner, embedded) {
        for (const edit of inner.edits) {
            this.edits.push({ start: embedded.toOuter(edit.start), end: embedded.toOuter(edit.end), text: edit.text });
        }
        this.changes.push(...inner.changes);
        this.notices.push(...inner.notices);
        this.unattributed.push(...inner.unattributed);
        this.references += inner.references;
        for (const rule of inner.usedKeyRules)
            this.usedKeyRules.add(rule);
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
        this.changes.push({ file: this.displayPath, line: this.lineAt(node) ?? 0, kind, from, to });
    }
    /** A one-line refusal at a node of this file. */
    refuse(node, message) {
        return this.source.errorAt(node, message);
    }
    lineAt(node) {
        const offset = node?.range?.[0];
        return offset === undefined ? undefined : this.source.lineOf(offset);
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
/**
 * YAML written inside a literal block string of another file (Argo CD's `helm.values: |`): parsed on its own,
 * with offsets and lines mapped back to the outer file so edits land inside the block, indentation kept.
 */
class EmbeddedYamlSource extends YamlSource {
    outer;
    innerStarts;
    outerStarts;
    constructor(outer, text, innerStarts, outerStarts) {
        super(outer.file, text);
        this.outer = outer;
        this.innerStarts = innerStarts;
        this.outerStarts = outerStarts;
    }
    /** The block's content as its own source, or the reason it cannot be edited in place. */
    static fromBlock(outer, scalar) {
        if (scalar.type !== 'BLOCK_LITERAL')
            return 'it is not a literal block (|), so its lines cannot be edited in place';
        const [start, end] = scalar.range;
        const headerEnd = outer.text.indexOf('\n', start);
        if (headerEnd < 0 || headerEnd >= end)
            return 'it is empty';
        if (/\d/.test(outer.text.slice(start, headerEnd).split('#')[0])) {
            return 'it has an explicit indentation indicator';
        }
        const lines = [];
        const innerStarts = [];
        const outerStarts = [];
        let indent;
        let innerLength = 0;
        for (let lineStart = headerEnd + 1; lineStart < end;) {
            const newline = outer.text.indexOf('\n', lineStart);
            const lineEnd = newline < 0 || newline >= end ? end : newline + 1;
            const line = outer.text.slice(lineStart, lineEnd);
            if (indent === undefined && line.trim() !== '')
                indent = line.length - line.trimStart().length;
            const cut = Math.min(indent ?? 0, line.replace(/\r?\n$/, '').length);
            innerStarts.push(innerLength);
            outerStarts.push(lineStart + cut);
            lines.push(line.slice(cut));
            innerLength += line.length - cut;
            lineStart = lineEnd;
        }
        try {
            return new EmbeddedYamlSource(outer, lines.join(''), innerStarts, outerStarts);
        }
        catch (error) {
            return `it is not valid YAML (${error.message.replace(/^[^:]*:\d*:? ?/, '')})`;
        }
    }
    /** The offset in the outer file of an offset in the block's content. */
    toOuter(offset) {
        let low = 0;
        let high = this.innerStarts.length - 1;
        while (low < high) {
            const middle = (low + high + 1) >> 1;
            if (this.innerStarts[middle] <= offset)
                low = middle;
            else
                high = middle - 1;
        }
        return this.outerStarts[low] + offset - this.innerStarts[low];
    }
    lineOf(offset) {
        return this.outer.lineOf(this.toOuter(offset));
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

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/bump/editors/version-fields.js

/**
 * Writes the pinned version the way charts read split fields: `digest` always where there is one (emptied
 * when the pin has none), `tag` where the pin has one; without a digest field, a digest goes into the tag
 * as `tag@digest`. `owner` and `what` place and name the layout in a refusal. Returns whether anything changed.
 */
function writeVersionFields(session, document, fields, owner, what) {
    const { tag, digest } = session.version;
    if (fields.digest !== undefined) {
        const digestChanged = session.setScalar(document, fields.digest, digest ?? '');
        const tagChanged = tag !== undefined && fields.tag !== undefined && session.setScalar(document, fields.tag, tag);
        return digestChanged || tagChanged;
    }
    if (fields.tag === undefined)
        throw session.refuse(owner, `${what} have no "tag" key to update.`);
    if (tag === undefined) {
        throw session.refuse(owner, `${what} have no "digest" key: add one, or pin "tag" or "tag+digest".`);
    }
    return session.setScalar(document, fields.tag, (0,image_ref/* formatReference */.FH)(tag, { digest }));
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/bump/editors/argocd-helm-parameters.js




// `image.name` is Image Updater's default name parameter; charts mostly say `image.repository`.
const PARTS = {
    registry: 'registry',
    repository: 'repository',
    name: 'repository',
    tag: 'tag',
    digest: 'digest',
};
const IMAGE_NAME = /image/i;
/**
 * Argo CD `helm.parameters` (of an Application / ApplicationSet source, or of a `.argocd-source*.yaml` override
 * file): `<prefix>.repository` (or `.name`, with `.registry`) naming the image sets `<prefix>.tag` and
 * `<prefix>.digest`; a parameter whose value is a whole reference to the image is rewritten in its spelling.
 */
class ArgoCdHelmParametersEditor {
    edit(manifest, session) {
        for (const source of manifest.argoSources()) {
            const list = source.getIn(['helm', 'parameters'], true);
            if ((0,dist/* isSeq */.oP)(list))
                this.editParameters(manifest, parametersOf(list.items), session);
        }
    }
    editParameters(manifest, parameters, session) {
        const groups = new Map();
        for (const parameter of parameters) {
            if (this.editWholeReference(manifest, parameter, session))
                continue;
            const dot = parameter.name.lastIndexOf('.');
            const part = PARTS[parameter.name.slice(dot + 1)];
            if (!part)
                continue;
            const prefix = parameter.name.slice(0, Math.max(dot, 0));
            groups.set(prefix, { ...groups.get(prefix), [part]: parameter });
        }
        for (const [prefix, group] of groups) {
            const repository = group.repository && stringAt(group.repository.item, 'value');
            if (repository === undefined) {
                const version = group.tag ?? group.digest;
                if (version)
                    session.noteUnattributed(version.item, version.name);
                continue;
            }
            const registry = group.registry && stringAt(group.registry.item, 'value');
            const name = registry ? `${registry.replace(/\/+$/, '')}/${repository}` : repository;
            if (!session.matches(name))
                continue;
            const owner = group.repository.item;
            if (!group.tag && !group.digest) {
                const tagName = prefix ? `${prefix}.tag` : 'tag';
                session.warn(owner, `helm parameter ${group.repository?.name} names ${name}, but no ${tagName} parameter sets its version: not edited.`);
                continue;
            }
            const before = {
                tag: group.tag && stringAt(group.tag.item, 'value'),
                digest: group.digest && stringAt(group.digest.item, 'value'),
            };
            const fields = { tag: group.tag?.value, digest: group.digest?.value };
            if (writeVersionFields(session, manifest.document, fields, owner, `the helm parameters for ${name}`)) {
                session.record('argocd', owner, (0,image_ref/* formatReference */.FH)(name, { tag: before.tag, digest: before.digest || undefined }), (0,image_ref/* formatReference */.FH)(name, session.version));
            }
        }
    }
    /** A parameter such as `image: ghcr.io/acme/api:1.0`; true when it names the image that way. */
    editWholeReference(manifest, parameter, session) {
        const text = stringAt(parameter.item, 'value');
        if (text === undefined || !/[:@]/.test(text))
            return false;
        const ref = session.matches(text);
        if (!ref || !(ref.tag || ref.digest) || !(ref.spelledName.includes('/') || IMAGE_NAME.test(parameter.name))) {
            return false;
        }
        const next = ref.withVersion(session.version);
        if (session.setScalar(manifest.document, parameter.value, next))
            session.record('argocd', parameter.value, text, next);
        return true;
    }
}
function parametersOf(items) {
    return items.filter(dist/* isMap */.jh).flatMap((item) => {
        const name = stringAt(item, 'name');
        return name !== undefined && item.has('value') ? [{ name, item, value: item.get('value', true) }] : [];
    });
}

// EXTERNAL MODULE: ./tmp/ncc-input/src/core/bump/image-policy.js
var image_policy = __webpack_require__(9687);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/bump/editors/flux-setters.js


/** The token Flux screens files by before parsing them. */
const SETTER_TOKEN = '"$imagepolicy"';
const LINE_COMMENT = /^[ \t]+#([^\r\n]*)/;
/**
 * Flux image-automation setters: a field whose line ends in `# {"$imagepolicy": "<ns>:<name>"}` gets the whole
 * reference; `<ns>:<name>:name`, `:tag` and `:digest` get only that part. Fields marked for another policy and
 * unmarked fields stay, whatever they name; the marker stays as written.
 */
class FluxSetterEditor {
    edit(manifest, session) {
        const policy = session.target.imagePolicy;
        if (!policy)
            return;
        (0,dist/* visit */.YR)(manifest.document, {
            Scalar(key, scalar) {
                if (key === 'key' || scalar.type === 'BLOCK_LITERAL' || scalar.type === 'BLOCK_FOLDED')
                    return;
                const setter = markerOn(session.source.text, scalar);
                const part = setter === undefined ? undefined : (0,image_policy/* setterPart */.R7)(setter, policy);
                if (part === undefined)
                    return;
                session.references++;
                const next = valueFor(part, session, scalar);
                if (session.setScalar(manifest.document, scalar, next)) {
                    session.record('flux-setter', scalar, String(scalar.value), next);
                }
            },
        });
    }
}
/** The setter a scalar's line comment names, read as kyaml does: the comment must be a JSON object of strings. */
function markerOn(text, scalar) {
    const end = scalar.range?.[1];
    if (end === undefined)
        return undefined;
    const comment = LINE_COMMENT.exec(text.slice(end, text.indexOf('\n', end) >>> 0))?.[1];
    if (comment === undefined || !comment.includes(SETTER_TOKEN))
        return undefined;
    try {
        const marker = JSON.parse(comment.replace(/^#+/, ''));
        if (typeof marker !== 'object' || marker === null || Array.isArray(marker))
            return undefined;
        if (!Object.values(marker).every((value) => typeof value === 'string'))
            return undefined;
        return marker['$imagepolicy'] || undefined;
    }
    catch {
        return undefined;
    }
}
function valueFor(part, session, scalar) {
    const image = session.target.image;
    if (part === 'image')
        return image.withVersion(session.version);
    if (part === 'name')
        return image.spelledName;
    const value = image[part];
    if (value === undefined) {
        throw session.refuse(scalar, `this field's marker asks for the image's ${part}, but the image reference has none.`);
    }
    return value;
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/bump/editors/helm-values.js





// Keys whose string holds only a repository: the mapping around them is edited as a whole.
const NAME_ONLY_KEYS = new Set(['repository', 'registry']);
// A string with a tag but without a "/" (`redis:6379`) is read as an image only under a key that says so.
const IMAGE_KEY = /image/i;
/**
 * Helm values (values files, a Flux HelmRelease's `spec.values`, an Argo CD source's `helm.valuesObject` and
 * `helm.values` block string): mappings whose `registry` + `repository` name the image (only keys that exist are
 * written: `tag` always, `digest` where the chart has one; without one, a digest goes into `tag` as `tag@digest`),
 * and strings that are a whole reference to the image (`image: ghcr.io/acme/api:1.4.1`).
 */
class HelmValuesEditor {
    edit(manifest, session) {
        for (const values of valuesRoots(manifest))
            editValues(manifest.document, values, session);
        for (const source of manifest.argoSources())
            editValuesString(manifest.document, source, session);
    }
}
/** Edits every reference to the image in one values tree. */
function editValues(document, values, session) {
    const needle = session.target.image.path.split('/').at(-1);
    (0,dist/* visit */.YR)(values, {
        Map(_, map, path) {
            updateImageMapping(document, map, session, () => ({ values, keys: keyPath(path) }));
        },
        Scalar(key, scalar, path) {
            if (key === 'key' || typeof scalar.value !== 'string' || !scalar.value.includes(needle))
                return;
            updateImageString(document, scalar, ownerKey(key, path), session);
        },
    });
}
function updateImageMapping(document, map, session, place) {
    const repository = stringAt(map, 'repository');
    if (repository === undefined)
        return;
    const registry = stringAt(map, 'registry');
    const name = registry ? `${registry.replace(/\/+$/, '')}/${repository}` : repository;
    if (!session.matches(name))
        return;
    const tagNode = map.get('tag', true);
    const shared = sharedTagProblem(place(), session.version.tag);
    if (shared)
        throw session.refuse(tagNode ?? map, shared);
    const before = { tag: stringAt(map, 'tag'), digest: stringAt(map, 'digest') || undefined };
    const fields = { tag: tagNode, digest: map.has('digest') ? map.get('digest', true) : undefined };
    if (writeVersionFields(session, document, fields, map, `the values for ${name}`)) {
        session.record('helm-values', map, (0,image_ref/* formatReference */.FH)(name, before), (0,image_ref/* formatReference */.FH)(name, session.version));
    }
}
function updateImageString(document, scalar, key, session) {
    if (NAME_ONLY_KEYS.has(key))
        return;
    const text = scalar.value;
    const ref = session.matches(text);
    if (!ref || !(ref.spelledName.includes('/') || IMAGE_KEY.test(key)))
        return;
    if (!ref.tag && !ref.digest) {
        session.warn(scalar, `"${key}" names ${ref.spelledName} without a tag or digest, so its version is kept under another key: name that key with image-keys.`);
        return;
    }
    const next = ref.withVersion(session.version);
    if (session.setScalar(document, scalar, next))
        session.record('helm-values', scalar, text, next);
}
/** Argo CD `helm.values`: values as one string; a literal block is edited line by line, anything else is reported. */
function editValuesString(document, source, session) {
    const node = source.getIn(['helm', 'values'], true);
    const scalar = session.source.scalarOf(document, node);
    const needle = session.target.image.path.split('/').at(-1);
    if (typeof scalar?.value !== 'string' || !scalar.value.includes(needle))
        return;
    const embedded = EmbeddedYamlSource.fromBlock(session.source, scalar);
    if (typeof embedded === 'string') {
        session.warn(scalar, `helm.values may name ${session.target.image.spelledName}, but ${embedded}: not edited.`);
        return;
    }
    const inner = new EditSession(embedded, session.target, session.displayPath);
    for (const values of embedded.documents) {
        if ((0,dist/* isMap */.jh)(values.contents))
            editValues(values, values.contents, inner);
    }
    session.adopt(inner, embedded);
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
/** The keys from the values root down to the node a visitor is at. */
function keyPath(path) {
    return path.filter(dist/* isPair */.tO).map((pair) => String((0,dist/* isScalar */.jn)(pair.key) ? pair.key.value : pair.key));
}
/** The key a scalar is the value of, or for a list item, the key of its list. */
function ownerKey(key, path) {
    const pairs = path.filter(dist/* isPair */.tO);
    const pair = pairs.at(-1);
    if (key === 'value' || (typeof key === 'number' && (0,dist/* isSeq */.oP)(pair?.value))) {
        return String((0,dist/* isScalar */.jn)(pair?.key) ? pair.key.value : '');
    }
    return '';
}
/**
 * Charts like the OpenTelemetry demo's build each component's image from one shared default
 * (`default.image.tag`, suffixed `-<component>`) unless the component's `imageOverride` sets its own tag.
 * Writing one image's version there changes every other component, so it is refused, with why.
 */
function sharedTagProblem(place, tag) {
    for (const pair of place.values.items) {
        const group = String((0,dist/* isScalar */.jn)(pair.key) ? pair.key.value : pair.key);
        if (!(0,dist/* isMap */.jh)(pair.value) || place.keys[0] === group)
            continue;
        const components = pair.value.items.filter((item) => (0,dist/* isMap */.jh)(item.value));
        if (!components.some((item) => item.value.has('imageOverride')))
            continue;
        const sharing = components
            .filter((item) => !hasOwnTag(item.value))
            .map((item) => String((0,dist/* isScalar */.jn)(item.key) ? item.key.value : item.key));
        const suffixed = sharing.find((component) => tag?.endsWith(`-${component}`));
        if (sharing.length < 2 && !suffixed)
            continue;
        const where = [...place.keys, 'tag'].join('.');
        const examples = sharing.slice(0, 3).join(', ') + (sharing.length > 3 ? ', ...' : '');
        const why = suffixed
            ? `the chart appends "-${suffixed}" to it, so "${tag}" does not belong there`
            : `writing "${tag ?? ''}" there would change all of them`;
        return `${where} is the tag shared by ${sharing.length} components of ${group} (${examples}); ${why}. Set ${group}.${suffixed ?? '<component>'}.imageOverride.tag instead.`;
    }
    return undefined;
}
function hasOwnTag(component) {
    const override = component.get('imageOverride');
    return (0,dist/* isMap */.jh)(override) && stringAt(override, 'tag') !== undefined;
}

// EXTERNAL MODULE: ./tmp/ncc-input/src/core/bump/image-keys.js
var image_keys = __webpack_require__(965);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/bump/editors/image-keys.js





/**
 * The keys `image-keys` names, for custom values layouts (`api.image.name` + `api.image.version`), as Image
 * Updater's `helm.image-name` / `helm.image-tag` and Kargo's key paths do. A rule with a repository key applies
 * where that key names the image; a rule without one applies wherever its tag or digest key is.
 */
class ImageKeysEditor {
    edit(manifest, session) {
        const rules = (0,image_keys/* rulesFor */.N)(session.target.imageKeys, session.displayPath);
        if (rules.length === 0 || !manifest.root)
            return;
        for (const rule of rules)
            applyRule(manifest, manifest.root, rule, session);
    }
}
function applyRule(manifest, root, rule, session) {
    const document = manifest.document;
    const find = (part) => {
        const keys = rule.keys[part];
        return keys && (findKey(document, root, keys, session) ?? findParameter(manifest, keys.join('.')));
    };
    const nodes = { repository: find('repository'), tag: find('tag'), digest: find('digest') };
    let name = session.target.image.spelledName;
    if (rule.keys.repository) {
        const repository = session.source.scalarOf(document, nodes.repository)?.value;
        if (typeof repository !== 'string' || !session.matches(repository))
            return;
        name = repository;
    }
    else if (nodes.tag === undefined && nodes.digest === undefined) {
        return;
    }
    else {
        session.references++;
    }
    for (const part of ['tag', 'digest']) {
        if (rule.keys[part] && nodes[part] === undefined) {
            throw session.refuse(nodes.repository ?? nodes.tag ?? nodes.digest, `image-keys "${rule.text}": the ${part} key ${rule.keys[part]?.join('.')} is missing here.`);
        }
    }
    session.usedKeyRules.add(rule);
    const text = (node) => {
        const value = session.source.scalarOf(document, node)?.value;
        return typeof value === 'string' && value !== '' ? value : undefined;
    };
    const before = { tag: text(nodes.tag), digest: text(nodes.digest) };
    const owner = nodes.repository ?? nodes.tag ?? nodes.digest;
    if (writeVersionFields(session, document, nodes, owner, `the keys of image-keys "${rule.text}"`)) {
        session.record('image-keys', owner, (0,image_ref/* formatReference */.FH)(name, before), (0,image_ref/* formatReference */.FH)(name, session.version));
    }
}
/** The value node at a key path (digits index lists), or undefined. */
function findKey(document, root, keys, session) {
    const node = root.getIn(keys, true);
    return node !== undefined && session.source.scalarOf(document, node) ? node : undefined;
}
/** The value node of an Argo CD helm parameter of that name, in any source of the document. */
function findParameter(manifest, name) {
    for (const source of manifest.argoSources()) {
        const list = source.getIn(['helm', 'parameters'], true);
        if (!(0,dist/* isSeq */.oP)(list))
            continue;
        const parameter = list.items.find((item) => (0,dist/* isMap */.jh)(item) && stringAt(item, 'name') === name);
        if ((0,dist/* isMap */.jh)(parameter))
            return parameter.get('value', true);
    }
    return undefined;
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
/** The parameter override files Argo CD reads beside an app's source (and Image Updater writes back). */
const ARGOCD_SOURCE_FILE = /^\.argocd-source(?:-[^/]+)?\.ya?ml$/;
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
    /** `.argocd-source[-<app>].yaml`: one Application source's overrides (`kustomize`, `helm`) at the root. */
    get isArgoCdSourceOverride() {
        return this.kind === undefined && ARGOCD_SOURCE_FILE.test(external_node_path_.basename(this.file));
    }
    /** A plain Helm values file: a mapping that is neither a Kubernetes object nor a kustomization. */
    get isHelmValues() {
        return (this.root !== undefined &&
            this.kind === undefined &&
            this.apiVersion === undefined &&
            !this.isKustomization &&
            !this.isArgoCdSourceOverride);
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
    /**
     * `spec.source` and each of `spec.sources` of an Argo CD Application (or an ApplicationSet's template), or the
     * root of a parameter override file.
     */
    argoSources() {
        if (this.isArgoCdSourceOverride)
            return this.root ? [this.root] : [];
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

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/bump/file-screen.js




const CHART_FILE = 'Chart.yaml';
const TEMPLATES = `${external_node_path_.sep}templates${external_node_path_.sep}`;
/**
 * Decides from a file's name and text, without parsing it, whether any layout of this run can be in it:
 * parsing is most of a bump's cost, and most files of a repository are about other images.
 */
class FileScreen {
    token;
    alwaysParsed;
    constructor(target) {
        // Setter mode reads only marked fields; otherwise every spelling of the image holds its last path component.
        this.token = target.imagePolicy ? SETTER_TOKEN : target.image.path.split('/').at(-1);
        const keysAlone = (target.imageKeys ?? []).filter((rule) => !rule.keys.repository);
        this.alwaysParsed = target.imagePolicy
            ? []
            : [
                // Tag-only parameters there are reported when nothing else refers to the image.
                (file) => file.includes('.argocd-source') && ARGOCD_SOURCE_FILE.test(external_node_path_.posix.basename(file)),
                ...keysAlone.map((rule) => (file) => !rule.matcher || rule.matcher.test(file)),
            ];
    }
    /** `displayPath` is `/`-separated, relative to the working directory. */
    mayHold(text, displayPath) {
        return text.includes(this.token) || this.alwaysParsed.some((test) => test(displayPath));
    }
}
/**
 * The files under a Helm chart's `templates/` (a folder beside a Chart.yaml): Go templates, not YAML, rendered by
 * Helm from the values files. Returns them by chart folder.
 */
async function chartTemplates(files) {
    const charts = new Set(files.filter((file) => external_node_path_.basename(file) === CHART_FILE).map(external_node_path_.dirname));
    const checked = new Map();
    const isChart = (dir) => {
        if (charts.has(dir))
            return Promise.resolve(true);
        let known = checked.get(dir);
        if (!known) {
            known = external_node_fs_promises_.stat(external_node_path_.join(dir, CHART_FILE)).then((stat) => stat.isFile(), () => false);
            checked.set(dir, known);
        }
        return known;
    };
    const byChart = new Map();
    for (const file of files) {
        // The innermost chart owns the file: subcharts live in charts/<name>/ of their parent.
        for (let at = file.lastIndexOf(TEMPLATES); at > 0; at = file.lastIndexOf(TEMPLATES, at - 1)) {
            const chart = file.slice(0, at);
            if (!(await isChart(chart)))
                continue;
            byChart.set(chart, [...(byChart.get(chart) ?? []), file]);
            break;
        }
    }
    return byChart;
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/bump/notices.js

/** Warnings become runner annotations on the file and line; information is a plain log line. */
const runnerNotices = (notice) => {
    if (notice.level === 'warning') {
        (0,workflow_commands/* issueCommand */.Lb)('warning', notice.message, { file: notice.file, line: notice.line });
        return;
    }
    // One line that cannot start a workflow command, whatever the repository's file names hold.
    process.stdout.write(`bump-manifest: ${notice.message.replace(/[\r\n]+/g, ' ')}\n`);
};

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
    new ArgoCdHelmParametersEditor(),
    new ImageKeysEditor(),
];
/** With `imagePolicy` set, bump-manifest works the way Flux image automation does, and only that way. */
const SETTER_EDITORS = [new FluxSetterEditor()];
/**
 * Points manifests at a new image. `plan` reads and edits in memory and fails on the first file that cannot
 * be read, parsed or edited; `write` then replaces every changed file, or none. What a run skips or cannot
 * edit safely goes to `notify` (runner annotations by default).
 */
class ManifestBumper {
    editors;
    notify;
    constructor(editors = DEFAULT_EDITORS, notify = runnerNotices) {
        this.editors = editors;
        this.notify = notify;
    }
    async plan(files, root, target) {
        const templates = await chartTemplates(files);
        const skipped = new Set([...templates.values()].flat());
        const screen = new FileScreen(target);
        const editors = target.imagePolicy ? SETTER_EDITORS : this.editors;
        const inScope = files.filter((file) => !skipped.has(file));
        const plans = await mapConcurrently(inScope, READ_CONCURRENCY, async (file) => {
            const path = (0,file_scope/* relativeToRoot */.yY)(root, file);
            const text = await readManifestText(file, path);
            return screen.mayHold(text, path) ? this.planFile(file, path, text, target, editors) : undefined;
        });
        const found = plans.filter((plan) => plan !== undefined);
        for (const [chart, chartFiles] of templates) {
            const where = (0,file_scope/* relativeToRoot */.yY)(root, chart) || '.';
            this.notify({
                level: 'info',
                message: `${where}: skipped ${chartFiles.length} file(s) under templates/ (Helm templates, not YAML); its values files are bumped.`,
            });
        }
        for (const notice of reportOf(found, target, inScope.length))
            this.notify(notice);
        return found.flatMap((plan) => (plan.bump ? [plan.bump] : []));
    }
    /** Replaces every changed file or none, never through a symlink or outside `root` (see writeFilesAtomically). */
    async write(bumps, root) {
        await writeFilesAtomically(root, bumps.map((bump) => ({ file: bump.file, content: bump.after, previous: bump.before })));
    }
    planFile(file, path, text, target, editors) {
        const source = new YamlSource(path, text);
        const session = new EditSession(source, target, path);
        for (const document of source.documents) {
            const manifest = new ManifestDocument(document, file);
            for (const editor of editors)
                editor.edit(manifest, session);
        }
        if (session.edits.length === 0)
            return { session };
        // Editors run one after another: report the file's changes in its own order.
        session.changes.sort((a, b) => a.line - b.line);
        const after = source.apply(session.edits);
        return after === text
            ? { session }
            : { session, bump: { file, path, before: text, after, changes: session.changes } };
    }
}
/** The warnings of every file, then what the whole run did not find. */
function reportOf(plans, target, fileCount) {
    const notices = plans.flatMap((plan) => plan.session.notices);
    const used = new Set(plans.flatMap((plan) => [...plan.session.usedKeyRules]));
    for (const rule of target.imageKeys ?? []) {
        if (!used.has(rule))
            notices.push({
                level: 'warning',
                message: `image-keys "${rule.text}" found none of its keys in the ${fileCount} file(s) in scope.`,
            });
    }
    if (plans.some((plan) => plan.session.references > 0))
        return notices;
    if (target.imagePolicy) {
        const policy = (0,image_policy/* formatImagePolicy */.Lb)(target.imagePolicy);
        notices.push({
            level: 'warning',
            message: `No field in the ${fileCount} file(s) in scope carries the marker {"$imagepolicy": "${policy}"} (or its :name, :tag, :digest forms): nothing to bump.`,
        });
        return notices;
    }
    const unattributed = plans.flatMap((plan) => plan.session.unattributed);
    const hint = unattributed.length
        ? ` Tag keys with no repository beside them may belong to it (${unattributed.slice(0, 5).join(', ')}${unattributed.length > 5 ? ', ...' : ''}): name them with image-keys.`
        : '';
    notices.push({
        level: 'warning',
        message: `No file of the ${fileCount} in scope refers to ${target.image.repository}: nothing to bump.${hint}`,
    });
    return notices;
}
async function readManifestText(file, path) {
    const { size } = await external_node_fs_promises_.stat(file);
    if (size > MAX_FILE_BYTES) {
        throw new errors/* UserError */.yo(`${path}: ${size} bytes is larger than the ${MAX_FILE_BYTES / 1024 / 1024} MiB a manifest may be.`, { file: path });
    }
    const bytes = await external_node_fs_promises_.readFile(file);
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

;// CONCATENATED MODULE: ./tmp/ncc-input/src/actions/open-gitops-pr/change-planners.js








/** Points the manifests in `paths` at the image (bump-manifest's edit). */
class BumpPlanner {
    paths;
    target;
    failOnNoMatch;
    bumper;
    warned = new Set();
    constructor(paths, target, failOnNoMatch, bumper = new ManifestBumper()) {
        this.paths = paths;
        this.target = target;
        this.failOnNoMatch = failOnNoMatch;
        this.bumper = bumper;
    }
    async plan(git, commit) {
        const root = git.directory;
        const unmatched = [];
        const files = await (0,file_scope/* resolveYamlFiles */.lD)(this.paths, root, { onNoMatch: (pattern) => unmatched.push(pattern) });
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
        return writeFilesAtomically(root, bumps.map((bump) => ({ file: bump.file, content: bump.after, previous: bump.before })));
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
        contents.set(file, await external_node_fs_promises_.readFile(external_node_path_.join(root, file), 'utf8').catch(() => ''));
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
        ...(image.digest ? [['Digest', code(image.digest)]] : []),
        ...(values['source-commit'] ? [['Source commit', values['source-commit']]] : []),
        ...(values['run-url'] ? [['Run', values['run-url']]] : []),
        ...change.evidence.map((row) => [row.label, row.value]),
    ];
    return new JobSummary()
        .paragraph(`Points ${change.target.paths.map(code).join(', ')} on ${code(values.base)} at ${code(values['image-ref'])}.`)
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

// EXTERNAL MODULE: ./tmp/ncc-input/src/actions/open-gitops-pr/settings.js + 5 modules
var open_gitops_pr_settings = __webpack_require__(9168);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/actions/open-gitops-pr/run.js


















/**
 * Applies the bump to the manifests repository's current tip and hands it over: as one pull request per change
 * target, or as a commit straight onto the base. Lost races are retried on the new tip; nothing is forced.
 */
async function openGitopsPr(settings, host, seams = {}) {
    warnAboutIgnoredInputs(settings);
    const client = createGitHubClient({ token: settings.token, apiUrl: settings.apiUrl, waitUnitMs: seams.waitUnitMs });
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
        summary.table(['File', 'Kind', 'Old reference', 'New reference'], changes.map((change) => [`${change.file}:${change.line}`, change.kind, code(change.from), code(change.to)]));
    }
    await summary.write();
}


/***/ })

};
