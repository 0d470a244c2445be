export const id = 286;
export const ids = [286,14];
export const modules = {

/***/ 8286:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  SyncNotReachedError: () => (/* binding */ SyncNotReachedError),
  waitForSyncAction: () => (/* binding */ waitForSyncAction)
});

// EXTERNAL MODULE: ./tmp/ncc-input/node_modules/@actions/core/lib/core.js + 6 modules
var core = __webpack_require__(2202);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/gitops-agent/agent-report.js
/**
 * What an agent (Argo CD, Flux) says about one object, reduced to what waiting for a commit needs. Each agent and
 * object kind has its own evaluator; the waiting loop reads only this.
 */
/** Kinds whose pods run images, as Argo CD and Flux list them. */
const WORKLOAD_KINDS = new Set([
    'apps/Deployment',
    'apps/StatefulSet',
    'apps/DaemonSet',
    'argoproj.io/Rollout',
]);
/** Reads a field path of an untyped object, undefined where any step is missing. */
function field(object, ...path) {
    let value = object;
    for (const key of path) {
        if (typeof value !== 'object' || value === null)
            return undefined;
        value = value[key];
    }
    return value;
}
function agent_report_text(value) {
    return typeof value === 'string' && value !== '' ? value : undefined;
}
function list(value) {
    return Array.isArray(value) ? value : [];
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/gitops-agent/argocd-application.js

const FAILED_OPERATION = new Set(['Failed', 'Error']);
// Argo CD conditions that say a comparison or sync cannot go on (ComparisonError, SyncError, InvalidSpecError...).
const ERROR_CONDITION = /Error$/;
/**
 * An Argo CD Application, from its API or its Kubernetes object (the same `status`): done when every source's
 * `status.sync.revision(s)` is the commit, `sync.status` is Synced, `health.status` is Healthy and the operation for
 * that commit, when there is one, Succeeded. An operation for another commit that already finished does not hold the
 * wait: a commit that changes nothing in the cluster is synced without a new operation.
 */
class ArgoCdApplicationEvaluator {
    name;
    constructor(name) {
        this.name = name;
    }
    describe() {
        return `Argo CD Application ${this.name}`;
    }
    evaluate(application, revision) {
        const status = field(application, 'status');
        const revisions = syncRevisions(field(status, 'sync'));
        const ours = revisions.length > 0 && revisions.every((item) => item === revision);
        const syncStatus = agent_report_text(field(status, 'sync', 'status')) ?? 'Unknown';
        const health = agent_report_text(field(status, 'health', 'status')) ?? 'Unknown';
        const operation = field(status, 'operationState');
        const operationPhase = agent_report_text(field(operation, 'phase'));
        const operationRevisions = [
            ...syncRevisions(field(operation, 'syncResult')),
            ...syncRevisions(field(operation, 'operation', 'sync')),
        ];
        const operationOurs = operationRevisions.length > 0 && operationRevisions.every((item) => item === revision);
        const unhealthy = unhealthyResources(field(status, 'resources'));
        const report = (phase, message) => ({
            phase,
            appliedRevision: revisions.find((item) => item !== revision) ?? (ours ? revision : undefined),
            seen: ours || operationOurs,
            applied: ours && syncStatus === 'Synced',
            health,
            message,
            syncedAt: syncedAt(status, revision, operationOurs),
            previousRevision: previousRevision(status, revision),
            unhealthy,
            images: listedImages(field(status, 'summary', 'images')),
            workloads: workloads(field(status, 'resources')),
        });
        const said = describeStatus(status, syncStatus, health, operationPhase);
        if (operationOurs && operationPhase && FAILED_OPERATION.has(operationPhase)) {
            return report('failed', `the sync operation ${operationPhase.toLowerCase()}: ${said}`);
        }
        if (!ours)
            return report('waiting', said);
        if (health === 'Degraded' && (syncStatus === 'Synced' || (operationOurs && operationPhase === 'Succeeded'))) {
            return report('degraded', said);
        }
        const operationDone = !operationPhase || (operationOurs ? operationPhase === 'Succeeded' : operationPhase !== 'Running');
        if (syncStatus === 'Synced' && health === 'Healthy' && operationDone)
            return report('synced', said);
        return report('waiting', said);
    }
}
/** `revisions` of a multi-source app, else the single `revision`. */
function syncRevisions(holder) {
    const many = list(field(holder, 'revisions')).filter((item) => typeof item === 'string');
    if (many.length > 0)
        return many;
    const one = agent_report_text(field(holder, 'revision'));
    return one ? [one] : [];
}
function syncedAt(status, revision, operationOurs) {
    if (operationOurs) {
        const finished = agent_report_text(field(status, 'operationState', 'finishedAt'));
        if (finished)
            return finished;
    }
    const deployed = list(field(status, 'history'))
        .filter((entry) => syncRevisions(entry).every((item) => item === revision) && syncRevisions(entry).length > 0)
        .map((entry) => agent_report_text(field(entry, 'deployedAt')))
        .filter((at) => at !== undefined);
    return deployed.at(-1) ?? agent_report_text(field(status, 'reconciledAt'));
}
/** The newest history entry (Argo CD appends) that deployed another commit. */
function previousRevision(status, revision) {
    const history = list(field(status, 'history'));
    for (let i = history.length - 1; i >= 0; i--) {
        const revisions = syncRevisions(history[i]);
        const other = revisions.find((item) => item !== revision);
        if (other)
            return other;
    }
    return undefined;
}
/** `status.summary.images`, the images Argo CD saw in the live workloads; undefined when it lists none. */
function listedImages(images) {
    if (!Array.isArray(images))
        return undefined;
    return images.filter((image) => typeof image === 'string');
}
function unhealthyResources(resources) {
    return list(resources).flatMap((resource) => {
        const health = agent_report_text(field(resource, 'health', 'status'));
        if (!health || health === 'Healthy')
            return [];
        return [
            {
                kind: agent_report_text(field(resource, 'kind')) ?? '',
                namespace: agent_report_text(field(resource, 'namespace')),
                name: agent_report_text(field(resource, 'name')) ?? '',
                health,
                message: agent_report_text(field(resource, 'health', 'message')) ?? '',
            },
        ];
    });
}
function workloads(resources) {
    return list(resources).flatMap((resource) => {
        const group = agent_report_text(field(resource, 'group')) ?? '';
        const kind = agent_report_text(field(resource, 'kind')) ?? '';
        const version = agent_report_text(field(resource, 'version')) ?? 'v1';
        const name = agent_report_text(field(resource, 'name'));
        if (!name || !WORKLOAD_KINDS.has(`${group}/${kind}`))
            return [];
        return [
            {
                apiVersion: group ? `${group}/${version}` : version,
                kind,
                namespace: agent_report_text(field(resource, 'namespace')),
                name,
            },
        ];
    });
}
function describeStatus(status, syncStatus, health, operationPhase) {
    const revisions = syncRevisions(field(status, 'sync'));
    const parts = [
        `sync ${syncStatus}${revisions.length > 0 ? ` at ${revisions.map((item) => item.slice(0, 12)).join(', ')}` : ''}`,
        `health ${health}${suffix(agent_report_text(field(status, 'health', 'message')))}`,
    ];
    if (operationPhase)
        parts.push(`operation ${operationPhase}${suffix(agent_report_text(field(status, 'operationState', 'message')))}`);
    for (const condition of list(field(status, 'conditions'))) {
        const type = agent_report_text(field(condition, 'type'));
        if (type && ERROR_CONDITION.test(type))
            parts.push(`${type}${suffix(agent_report_text(field(condition, 'message')))}`);
    }
    return parts.join('; ');
}
function suffix(message) {
    return message ? ` (${message})` : '';
}

// EXTERNAL MODULE: ./tmp/ncc-input/src/core/errors.js
var errors = __webpack_require__(5685);
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
function parseRetryAfter(value, now = Date.now()) {
    if (!value)
        return undefined;
    const trimmed = value.trim();
    if (/^\d+$/.test(trimmed))
        return Number(trimmed) * 1000;
    const date = Date.parse(trimmed);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

// EXTERNAL MODULE: ./tmp/ncc-input/src/core/secrets.js
var secrets = __webpack_require__(1877);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
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
        const cap = new external_node_stream_.Transform({
            transform(chunk, _encoding, done) {
                length += chunk.length;
                if (length > init.maxBytes)
                    done(tooLarge(`GET ${target.href}`, init.maxBytes));
                else
                    done(null, chunk);
            },
        });
        await (0,promises_.pipeline)(response, cap, (0,external_node_fs_.createWriteStream)(dest), { signal });
    });
}
/** The stream was silent for longer than its idle timeout: the server, or something between, may have dropped it. */
class HttpIdleError extends HttpTimeoutError {
}
/** The stream reached its total cap: a long watch, not a broken one; the caller may open a new one. */
class HttpStreamSpentError extends HttpAnswerError {
}
/**
 * GETs `url` and hands its answer over line by line while it lasts, on the same policy as httpRequest (proxy,
 * redirects, server trust), with a deadline for the answer to start, an idle timeout and size caps instead of a
 * deadline for the whole exchange.
 */
async function openHttpStream(url, init) {
    const what = `GET ${(0,secrets/* redact */.E$)(url)}`;
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
        idle = setTimeout(() => response.destroy(new HttpIdleError(`${(0,secrets/* redact */.E$)(what)}: nothing for ${seconds(limits.idleTimeoutMs)}`)), limits.idleTimeoutMs);
    };
    let parts = [];
    let partBytes = 0;
    let total = 0;
    const take = (piece) => {
        partBytes += piece.length;
        if (partBytes > limits.maxMessageBytes) {
            throw new HttpAnswerError(`${(0,secrets/* redact */.E$)(what)} sent a message longer than ${limits.maxMessageBytes} bytes`);
        }
        parts.push(piece);
    };
    try {
        arm();
        for await (const chunk of response) {
            arm();
            total += chunk.length;
            if (total > limits.maxBytes) {
                throw new HttpStreamSpentError(`${(0,secrets/* redact */.E$)(what)} streamed more than ${limits.maxBytes} bytes`);
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

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/gitops-agent/argocd-api.js



const REQUEST_TIMEOUT_MS = 30_000;
// An Application with thousands of resources lists each in its status.
const MAX_APPLICATION_BYTES = 16 * 1024 * 1024;
/**
 * argocd-server sends nothing on a watch while the app does not change, and the controller touches every app at
 * least every reconciliation period (3 min by default); a silent minute is re-asked rather than trusted, since a
 * proxy or load balancer may drop an idle connection without closing it.
 */
const WATCH_IDLE_MS = 60_000;
// One watch's total: past it the watch is opened again, which costs one request.
const MAX_WATCH_BYTES = 256 * 1024 * 1024;
/**
 * Reads one Application through Argo CD's REST API with a bearer token: `GET /api/v1/applications/{name}`, and
 * its watch `GET /api/v1/stream/applications?name=` (newline-separated JSON results), both with the server's own
 * trust (argocd-ca-cert, argocd-insecure).
 */
class ArgoCdApplicationReader {
    connection;
    application;
    transport;
    constructor(connection, application, 
    /** Default: the process's (proxy from the environment). */
    transport) {
        this.connection = connection;
        this.application = application;
        this.transport = transport;
    }
    /** The Application; `refresh` asks Argo CD to compare with the repository's tip first (a normal refresh). */
    async read(refresh = false) {
        const url = new URL(`${this.connection.server.replace(/\/+$/, '')}/api/v1/applications/`);
        url.pathname += encodeURIComponent(this.application.name);
        if (this.application.appNamespace)
            url.searchParams.set('appNamespace', this.application.appNamespace);
        if (this.application.project)
            url.searchParams.append('project', this.application.project);
        if (refresh)
            url.searchParams.set('refresh', 'normal');
        const response = await httpRequest(url.toString(), {
            method: 'GET',
            ...this.requestOptions(),
            timeoutMs: REQUEST_TIMEOUT_MS,
            maxBytes: MAX_APPLICATION_BYTES,
        }).catch((error) => this.explain(error));
        if (!response.ok)
            throw this.refusal(response);
        try {
            return JSON.parse(response.body.toString('utf8'));
        }
        catch {
            throw new Error(`Argo CD at ${this.connection.server} answered application ${this.describe()} with no JSON`);
        }
    }
    /**
     * The Application each time Argo CD changes it, its current state first. A watch silent for a minute is opened
     * again; it ends when Argo CD ends it, and throws when it cannot be opened or breaks (the caller polls then).
     */
    async *watch(signal) {
        const url = new URL(`${this.connection.server.replace(/\/+$/, '')}/api/v1/stream/applications`);
        url.searchParams.set('name', this.application.name);
        if (this.application.appNamespace)
            url.searchParams.set('appNamespace', this.application.appNamespace);
        if (this.application.project)
            url.searchParams.append('projects', this.application.project);
        for (;;) {
            const stream = await openHttpStream(url.toString(), {
                ...this.requestOptions(),
                signal,
                connectTimeoutMs: REQUEST_TIMEOUT_MS,
                idleTimeoutMs: WATCH_IDLE_MS,
                maxMessageBytes: MAX_APPLICATION_BYTES,
                maxBytes: MAX_WATCH_BYTES,
            }).catch((error) => this.explain(error));
            if (!stream.ok) {
                const body = await stream.body().catch(() => Buffer.alloc(0));
                throw this.refusal({ status: stream.status, body });
            }
            try {
                for await (const line of stream.messages())
                    yield this.watchEvent(line);
                return;
            }
            catch (error) {
                if (error instanceof HttpIdleError || error instanceof HttpStreamSpentError)
                    continue;
                throw error;
            }
            finally {
                stream.close();
            }
        }
    }
    /** One line of the watch: `{"result": {"type", "application"}}`, or grpc-gateway's `{"error": {...}}`. */
    watchEvent(line) {
        let event;
        try {
            event = JSON.parse(line);
        }
        catch {
            throw new Error(`Argo CD's watch of application ${this.describe()} sent a line that is not JSON`);
        }
        if (event.error || !event.result?.application) {
            const said = typeof event.error?.message === 'string' ? `: ${(0,secrets/* redact */.E$)(event.error.message.slice(0, 300))}` : '';
            throw new Error(`Argo CD's watch of application ${this.describe()} failed${said}`);
        }
        if (event.result.type === 'DELETED') {
            throw new Error(`Argo CD's watch says application ${this.describe()} was deleted`);
        }
        return event.result.application;
    }
    requestOptions() {
        return {
            headers: { authorization: `Bearer ${this.connection.token}`, accept: 'application/json' },
            transport: this.transport,
            ...(this.connection.caCert ? { ca: this.connection.caCert } : {}),
            ...(this.connection.insecure ? { rejectUnauthorized: false } : {}),
        };
    }
    /** A refused certificate is the user's to fix, with the inputs that fix it. */
    explain(error) {
        if (error instanceof HttpCertificateError) {
            throw new errors/* UserError */.yo(`Argo CD at ${this.connection.server}: the server's certificate was refused (${error.code}); ` +
                `give the CA that signs it in "argocd-ca-cert"${this.connection.caCert ? ' (the one given does not)' : ''}.`);
        }
        throw error;
    }
    refusal(response) {
        const said = argoMessage(response);
        const where = `Argo CD at ${this.connection.server}`;
        if (response.status === 401) {
            return new errors/* UserError */.yo(`${where} refused "argocd-token" (401${said}): it is expired, revoked or not an Argo CD token.`);
        }
        // Argo CD answers 403, not 404, for an application the token may not see, so that names do not leak.
        if (response.status === 403) {
            return new errors/* UserError */.yo(`${where} does not show application ${this.describe()} to "argocd-token" (403${said}): it does not exist, ` +
                'or the token\'s role lacks "applications, get" on it.');
        }
        if (response.status === 404) {
            return new errors/* UserError */.yo(`${where} has no application ${this.describe()} (404${said}).`);
        }
        return new Error(`${where} answered ${response.status}${said} for application ${this.describe()}`);
    }
    describe() {
        const { name, appNamespace, project } = this.application;
        return `${appNamespace ? `${appNamespace}/` : ''}${name}${project ? ` in project ${project}` : ''}`;
    }
}
/** `: <message>` from Argo CD's gRPC-gateway error body `{"error", "code", "message"}`, on one redacted line. */
function argoMessage(response) {
    let message;
    try {
        message = JSON.parse(response.body.toString('utf8')).message;
    }
    catch {
        return '';
    }
    return typeof message === 'string' && message ? `: ${(0,secrets/* redact */.E$)(message.replace(/\s+/g, ' ').slice(0, 300))}` : '';
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/gitops-agent/flux-status.js

function condition(object, type) {
    const found = list(field(object, 'status', 'conditions')).find((item) => field(item, 'type') === type);
    if (!found)
        return undefined;
    return {
        type,
        status: (agent_report_text(field(found, 'status')) ?? 'Unknown'),
        reason: agent_report_text(field(found, 'reason')) ?? '',
        message: agent_report_text(field(found, 'message')) ?? '',
        lastTransitionTime: agent_report_text(field(found, 'lastTransitionTime')),
    };
}
/** Whether the controller has seen the object's current spec: `status.observedGeneration` is `metadata.generation`. */
function generationObserved(object) {
    const generation = field(object, 'metadata', 'generation');
    return generation === undefined || field(object, 'status', 'observedGeneration') === generation;
}
/** `Ready=True`, `Ready=False (HealthCheckFailed: ...)`: the Ready condition in one phrase. */
function describeReady(ready) {
    if (!ready)
        return 'no Ready condition yet';
    const detail = [ready.reason, ready.message].filter(Boolean).join(': ');
    return `Ready=${ready.status}${detail ? ` (${detail})` : ''}`;
}
/** Workloads in `status.inventory.entries`, whose ids are `<namespace>_<name>_<group>_<kind>`. */
function inventoryWorkloads(object) {
    return list(field(object, 'status', 'inventory', 'entries')).flatMap((entry) => {
        const id = agent_report_text(field(entry, 'id'));
        const version = agent_report_text(field(entry, 'v')) ?? 'v1';
        const parts = id?.split('_');
        if (!parts || parts.length !== 4)
            return [];
        const [namespace, name, group, kind] = parts;
        if (!WORKLOAD_KINDS.has(`${group}/${kind}`))
            return [];
        return [{ apiVersion: group ? `${group}/${version}` : version, kind, namespace: namespace || undefined, name }];
    });
}

// EXTERNAL MODULE: ./tmp/ncc-input/src/core/gitops-agent/revision.js
var gitops_agent_revision = __webpack_require__(7940);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/gitops-agent/flux-helm-release.js




// Ready=False reasons of helm-controller once it has given up on (or remediated) this chart version.
const FAILED_REASONS = new Set([
    'InstallFailed',
    'UpgradeFailed',
    'TestFailed',
    'RollbackSucceeded',
    'RollbackFailed',
    'UninstallSucceeded',
    'UninstallFailed',
    'ArtifactFailed',
    'InitFailed',
]);
/**
 * A Flux HelmRelease whose chart comes from the manifests repository with `reconcileStrategy: Revision`, so that the
 * chart version carries the commit (`1.2.3+<sha prefix>`): done when the latest history entry is that commit's,
 * `deployed`, the generation is observed and `Ready` is True.
 */
class FluxHelmReleaseEvaluator {
    name;
    input;
    constructor(name, 
    /** The input that named it, for the error when its chart versions carry no commit. */
    input) {
        this.name = name;
        this.input = input;
    }
    describe() {
        return `Flux HelmRelease ${this.name}`;
    }
    evaluate(release, revision) {
        const history = list(field(release, 'status', 'history'));
        const latest = history[0];
        const latestVersion = agent_report_text(field(latest, 'chartVersion'));
        const attemptedVersion = agent_report_text(field(release, 'status', 'lastAttemptedRevision'));
        const latestCommit = (0,gitops_agent_revision/* commitPrefixOfChartVersion */.ZO)(latestVersion);
        const attemptedCommit = (0,gitops_agent_revision/* commitPrefixOfChartVersion */.ZO)(attemptedVersion);
        const anyVersion = latestVersion ?? attemptedVersion;
        if (anyVersion && !latestCommit && !attemptedCommit) {
            throw new errors/* UserError */.yo(`${this.describe()} (input "${this.input}") runs chart version ${anyVersion}, which names no commit: its ` +
                'chart must come from the manifests repository (a GitRepository) with reconcileStrategy: Revision.');
        }
        const ready = condition(release, 'Ready');
        const current = generationObserved(release);
        const latestStatus = agent_report_text(field(latest, 'status')) ?? 'none';
        const ours = (0,gitops_agent_revision/* namesCommit */.yF)(latestCommit, revision) && current;
        const report = (phase) => ({
            phase,
            appliedRevision: attemptedCommit ?? latestCommit,
            seen: (0,gitops_agent_revision/* namesCommit */.yF)(attemptedCommit, revision) || (0,gitops_agent_revision/* namesCommit */.yF)(latestCommit, revision),
            applied: ours && latestStatus === 'deployed',
            health: ready ? `Ready=${ready.status}` : 'Unknown',
            message: `${describeReady(ready)}; latest release ${latestVersion ?? 'none'} ${latestStatus}${current ? '' : '; the current generation is not reconciled yet'}`,
            syncedAt: ours ? agent_report_text(field(latest, 'lastDeployed')) : undefined,
            previousRevision: history
                .map((entry) => (0,gitops_agent_revision/* commitPrefixOfChartVersion */.ZO)(agent_report_text(field(entry, 'chartVersion'))))
                .find((commit) => commit !== undefined && !(0,gitops_agent_revision/* namesCommit */.yF)(commit, revision)),
            unhealthy: ready?.status === 'False'
                ? [{ kind: 'HelmRelease', name: this.name, health: 'Ready=False', message: ready.message }]
                : [],
            workloads: inventoryWorkloads(release),
        });
        if ((0,gitops_agent_revision/* namesCommit */.yF)(attemptedCommit, revision) &&
            current &&
            ready?.status === 'False' &&
            FAILED_REASONS.has(ready.reason)) {
            return report('failed');
        }
        if (ours && latestStatus === 'failed')
            return report('failed');
        return report(ours && latestStatus === 'deployed' && ready?.status === 'True' ? 'synced' : 'waiting');
    }
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/gitops-agent/flux-kustomization.js



// Ready=False reasons of kustomize-controller after which it will not apply this revision without a new commit.
const flux_kustomization_FAILED_REASONS = new Set(['BuildFailed', 'ReconciliationFailed', 'PruneFailed', 'ArtifactFailed']);
const DEGRADED_REASONS = new Set(['HealthCheckFailed']);
/**
 * A Flux Kustomization: done when `status.lastAppliedRevision` names the commit, `observedGeneration` is the
 * object's generation and `Ready` is True (with `wait` or health checks, Ready covers the workloads' health).
 */
class FluxKustomizationEvaluator {
    name;
    constructor(name) {
        this.name = name;
    }
    describe() {
        return `Flux Kustomization ${this.name}`;
    }
    evaluate(kustomization, revision) {
        const applied = (0,gitops_agent_revision/* commitOfFluxRevision */.FN)(agent_report_text(field(kustomization, 'status', 'lastAppliedRevision')));
        const attempted = (0,gitops_agent_revision/* commitOfFluxRevision */.FN)(agent_report_text(field(kustomization, 'status', 'lastAttemptedRevision')));
        const ready = condition(kustomization, 'Ready');
        const stalled = condition(kustomization, 'Stalled');
        const current = generationObserved(kustomization);
        const ours = applied === revision && current;
        const message = `${describeReady(ready)}; last applied ${applied?.slice(0, 12) ?? 'nothing'}, last attempted ${attempted?.slice(0, 12) ?? 'nothing'}${current ? '' : '; the current generation is not reconciled yet'}`;
        const report = (phase) => ({
            phase,
            // The source's newest commit: what superseded a commit, if anything did.
            appliedRevision: attempted ?? applied,
            seen: attempted === revision || applied === revision,
            applied: ours,
            health: ready ? `Ready=${ready.status}` : 'Unknown',
            message,
            syncedAt: ours && ready?.status === 'True' ? ready.lastTransitionTime : undefined,
            previousRevision: applied !== revision ? applied : historyRevisionBefore(kustomization, revision),
            unhealthy: ready?.status === 'False'
                ? [{ kind: 'Kustomization', name: this.name, health: `Ready=False`, message: ready.message }]
                : [],
            workloads: inventoryWorkloads(kustomization),
        });
        if (attempted === revision && current && ready?.status === 'False') {
            if (flux_kustomization_FAILED_REASONS.has(ready.reason) || stalled?.status === 'True')
                return report('failed');
            if (DEGRADED_REASONS.has(ready.reason))
                return report('degraded');
        }
        return report(ours && ready?.status === 'True' ? 'synced' : 'waiting');
    }
}
/** `status.history` snapshots (newest first) may carry the revision in their metadata (Flux 2.6+). */
function historyRevisionBefore(kustomization, revision) {
    for (const snapshot of list(field(kustomization, 'status', 'history'))) {
        const commit = (0,gitops_agent_revision/* commitOfFluxRevision */.FN)(agent_report_text(field(snapshot, 'metadata', 'revision')));
        if (commit && commit !== revision)
            return commit;
    }
    return undefined;
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
async function exec_execTool(tool, args, options = {}) {
    const commandLine = (0,secrets/* redact */.E$)([tool, ...args].join(' '));
    // Line by line rather than in a stop-commands block: the tool's stderr and stdout reach the runner through two
    // pipes, in no fixed order, so a block on one could not be relied on to cover the other.
    const echo = (stream) => (line) => {
        if (!options.silent)
            stream.write(`${(0,workflow_commands/* neutralizeLine */.a0)((0,secrets/* redact */.E$)(line))}\n`);
    };
    if (!options.silent)
        exec_printCommandLine(tool, args);
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
function exec_printCommandLine(tool, args) {
    process.stdout.write(`[command]${(0,workflow_commands/* escapeForLog */.zB)((0,secrets/* redact */.E$)([tool, ...args].join(' ')))}\n`);
}
function lastLines(text, count) {
    return text.trim().split(/\r?\n/).slice(-count).join(' | ');
}

// EXTERNAL MODULE: external "node:fs/promises"
var external_node_fs_promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/@actions/exec/lib/exec.js + 1 modules
var exec = __webpack_require__(1955);
// EXTERNAL MODULE: ./node_modules/@actions/io/lib/io.js
var io = __webpack_require__(8701);
// EXTERNAL MODULE: ./node_modules/@actions/tool-cache/lib/tool-cache.js + 10 modules
var tool_cache = __webpack_require__(2977);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/tool-versions.js
/** The runner platforms we install tools on, as `${process.platform}-${process.arch}`. */
const PLATFORM_KEYS = ['linux-x64', 'linux-arm64', 'darwin-x64', 'darwin-arm64', 'win32-x64'];
function isPlatformKey(value) {
    return PLATFORM_KEYS.includes(value);
}
const TRIVY_ARCHIVES = {
    'linux-x64': 'Linux-64bit.tar.gz',
    'linux-arm64': 'Linux-ARM64.tar.gz',
    'darwin-x64': 'macOS-64bit.tar.gz',
    'darwin-arm64': 'macOS-ARM64.tar.gz',
    'win32-x64': 'windows-64bit.zip',
};
const GO_PLATFORMS = {
    'linux-x64': 'linux-amd64',
    'linux-arm64': 'linux-arm64',
    'darwin-x64': 'darwin-amd64',
    'darwin-arm64': 'darwin-arm64',
    'win32-x64': 'windows-amd64',
};
const exe = (name, platform) => (platform === 'win32-x64' ? `${name}.exe` : name);
const RELEASES = {
    trivy: {
        defaultVersion: '0.75.0',
        versionArgs: ['version'],
        versionPattern: /^Version:\s*v?(\S+)/m,
        assetFor(version, platform) {
            const suffix = TRIVY_ARCHIVES[platform];
            if (!suffix)
                return undefined;
            return {
                url: `https://github.com/aquasecurity/trivy/releases/download/v${version}/trivy_${version}_${suffix}`,
                archive: suffix.endsWith('.zip') ? 'zip' : 'tar.gz',
                binPath: exe('trivy', platform),
            };
        },
        versions: {
            // Hashes: awslabs/automated-security-helper automated_security_helper/utils/tool_downloads.py
            // @001ac6d868797f3ce3123af21eb65f2e5a3ccf42, transcribed there from trivy_0.75.0_checksums.txt.
            // Releases up to 0.69.1 were deleted upstream (March 2026 incident) and 0.69.4 was the compromised one.
            '0.75.0': {
                'linux-x64': {
                    url: 'https://github.com/aquasecurity/trivy/releases/download/v0.75.0/trivy_0.75.0_Linux-64bit.tar.gz',
                    archive: 'tar.gz',
                    binPath: 'trivy',
                    sha256: 'c6e65abddb348e25f10549df887045629cf28cc72453cd1c63acb717316b3f3f',
                },
                'linux-arm64': {
                    url: 'https://github.com/aquasecurity/trivy/releases/download/v0.75.0/trivy_0.75.0_Linux-ARM64.tar.gz',
                    archive: 'tar.gz',
                    binPath: 'trivy',
                    sha256: 'a1ee9f6ffb7d112b64ff726a2a0717c21175c1114361391f4a132956751a13b3',
                },
                'darwin-x64': {
                    url: 'https://github.com/aquasecurity/trivy/releases/download/v0.75.0/trivy_0.75.0_macOS-64bit.tar.gz',
                    archive: 'tar.gz',
                    binPath: 'trivy',
                    sha256: '291edaa9778acbe4693d067b5ad60ee11570e5ac68296e85595417528ca641e4',
                },
                'darwin-arm64': {
                    url: 'https://github.com/aquasecurity/trivy/releases/download/v0.75.0/trivy_0.75.0_macOS-ARM64.tar.gz',
                    archive: 'tar.gz',
                    binPath: 'trivy',
                    sha256: '4a77108cccf8e55c8d6823e1e759939a622277e66cd0daa3c1fc621ed69e4568',
                },
                'win32-x64': {
                    url: 'https://github.com/aquasecurity/trivy/releases/download/v0.75.0/trivy_0.75.0_windows-64bit.zip',
                    archive: 'zip',
                    binPath: 'trivy.exe',
                    sha256: '4e43bd71a30f51aee39525f60f2b47043af77eb8df8fe082aae4372b69c6660f',
                },
            },
        },
    },
    cosign: {
        defaultVersion: '3.0.6',
        versionArgs: ['version'],
        versionPattern: /^GitVersion:\s*v?(\S+)/m,
        assetFor(version, platform) {
            const file = `cosign-${GO_PLATFORMS[platform]}${platform === 'win32-x64' ? '.exe' : ''}`;
            return {
                url: `https://github.com/sigstore/cosign/releases/download/v${version}/${file}`,
                archive: 'binary',
                binPath: exe('cosign', platform),
            };
        },
        versions: {
            // Hashes: sigstore/cosign-installer action.sh @0970e7e66f3d601ac4c950b13ee252746b888213
            // (its bootstrap pins, generated there from v3.0.6 cosign_checksums.txt).
            '3.0.6': {
                'linux-x64': {
                    url: 'https://github.com/sigstore/cosign/releases/download/v3.0.6/cosign-linux-amd64',
                    archive: 'binary',
                    binPath: 'cosign',
                    sha256: 'c956e5dfcac53d52bcf058360d579472f0c1d2d9b69f55209e256fe7783f4c74',
                },
                'linux-arm64': {
                    url: 'https://github.com/sigstore/cosign/releases/download/v3.0.6/cosign-linux-arm64',
                    archive: 'binary',
                    binPath: 'cosign',
                    sha256: 'bedac92e8c3729864e13d4a17048007cfafa79d5deca993a43a90ffe018ef2b8',
                },
                'darwin-x64': {
                    url: 'https://github.com/sigstore/cosign/releases/download/v3.0.6/cosign-darwin-amd64',
                    archive: 'binary',
                    binPath: 'cosign',
                    sha256: '4c3e7af8372d3ca3296e62fa56f23fcbb5721cc6ac1827900d398f110d7cd280',
                },
                'darwin-arm64': {
                    url: 'https://github.com/sigstore/cosign/releases/download/v3.0.6/cosign-darwin-arm64',
                    archive: 'binary',
                    binPath: 'cosign',
                    sha256: '5fadd012ae6381a6a29ff86a7d39aa873878852f1073fc90b15995961ecfb084',
                },
                'win32-x64': {
                    url: 'https://github.com/sigstore/cosign/releases/download/v3.0.6/cosign-windows-amd64.exe',
                    archive: 'binary',
                    binPath: 'cosign.exe',
                    sha256: '9b85a88ebff2d9dd30ff4984a6f61f2cedc232dd87d81fa7f2ff3c0ed96c241c',
                },
            },
        },
    },
    kubectl: {
        defaultVersion: '1.34.3',
        // Without --client kubectl also asks the cluster, which fails where there is none.
        versionArgs: ['version', '--client'],
        versionPattern: /^Client Version:\s*v?(\S+)/m,
        assetFor(version, platform) {
            const [os, arch] = GO_PLATFORMS[platform].split('-');
            return {
                url: `https://dl.k8s.io/release/v${version}/bin/${os}/${arch}/${exe('kubectl', platform)}`,
                archive: 'binary',
                binPath: exe('kubectl', platform),
            };
        },
        versions: {
            '1.34.3': {
                // linux and darwin hashes: cashapp/hermit-packages kubectl.hcl @0e4549be91d00e65dcc5cdd8acd8ef4e7687ca7f
                'linux-x64': {
                    url: 'https://dl.k8s.io/release/v1.34.3/bin/linux/amd64/kubectl',
                    archive: 'binary',
                    binPath: 'kubectl',
                    sha256: 'ab60ca5f0fd60c1eb81b52909e67060e3ba0bd27e55a8ac147cbc2172ff14212',
                },
                'linux-arm64': {
                    url: 'https://dl.k8s.io/release/v1.34.3/bin/linux/arm64/kubectl',
                    archive: 'binary',
                    binPath: 'kubectl',
                    sha256: '46913a7aa0327f6cc2e1cc2775d53c4a2af5e52f7fd8dacbfbfd098e757f19e9',
                },
                'darwin-x64': {
                    url: 'https://dl.k8s.io/release/v1.34.3/bin/darwin/amd64/kubectl',
                    archive: 'binary',
                    binPath: 'kubectl',
                    sha256: '657afbd0e653c4ce3af1b5a645a4eaba282cf8eb2bcda7191ff60866e50e4d7f',
                },
                'darwin-arm64': {
                    url: 'https://dl.k8s.io/release/v1.34.3/bin/darwin/arm64/kubectl',
                    archive: 'binary',
                    binPath: 'kubectl',
                    sha256: 'e51367d2107d605f4edd7c2fb25897b0c0695a7de1a9f9d04cd6c9356b890b14',
                },
                // win32 hash: microsoft/winget-pkgs manifests/k/Kubernetes/kubectl/1.34.3/Kubernetes.kubectl.installer.yaml
                // @a65e83bc66efc575ab8f768e184bd7da3917091e
                'win32-x64': {
                    url: 'https://dl.k8s.io/release/v1.34.3/bin/windows/amd64/kubectl.exe',
                    archive: 'binary',
                    binPath: 'kubectl.exe',
                    sha256: '5ef6e0b019cfea5b0eff55b576c0118f64c0758a8bcbf52587c7f454f302f7bc',
                },
            },
        },
    },
};

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/installer.js












const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_RETRIES = 2;
const DEFAULT_RETRY_DELAY_MS = 2_000;
const DEFAULT_MAX_DOWNLOAD_BYTES = 512 * 1024 * 1024;
const VERSION = /^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$/;
const SHA256 = /^[0-9a-f]{64}$/;
/**
 * Returns the requested tool at exactly the requested version: the one on PATH if it reports that version,
 * else the tool cache's copy, else a fresh download whose SHA-256 must match the pin.
 */
async function installer_installTool(request, options = {}) {
    const releases = options.releases ?? RELEASES;
    const release = releases[request.tool];
    if (!release) {
        throw new errors/* UserError */.yo(`Unknown tool "${request.tool}"; known tools: ${Object.keys(releases).join(', ')}.`);
    }
    const version = (request.version ?? release.defaultVersion).replace(/^v/, '');
    const arch = options.arch ?? process.arch;
    const platform = `${options.platform ?? process.platform}-${arch}`;
    // Validated before looking at this machine, so a request fails the same way on every runner.
    const asset = resolveAsset(request.tool, release, version, platform, request.sha256);
    const onPath = await findOnPath(external_node_path_.basename(asset.binPath), release, version, options.runVersion ?? runVersion);
    if (onPath) {
        core/* info */.pq(`Using ${request.tool} ${version} found on PATH at ${onPath}`);
        return { path: onPath, version, source: 'path' };
    }
    const cached = tool_cache/* find */.I6(request.tool, version, arch);
    if (cached) {
        core/* info */.pq(`Using ${request.tool} ${version} from the tool cache`);
        return { path: external_node_path_.join(cached, asset.binPath), version, source: 'tool-cache' };
    }
    const installed = await downloadToCache(request.tool, version, arch, asset, options);
    core/* info */.pq(`Installed ${request.tool} ${version} at ${installed}`);
    return { path: installed, version, source: 'download' };
}
function resolveAsset(tool, release, version, platform, sha256) {
    // Each action names these inputs after its tool (the vocabulary): trivy-version, cosign-sha256, kubectl-version.
    const versionInput = `${tool}-version`;
    const sha256Input = `${tool}-sha256`;
    if (!VERSION.test(version)) {
        throw new errors/* UserError */.yo(`Input "${versionInput}": "${version}" is not a version of ${tool}; use one like ${release.defaultVersion}.`);
    }
    if (!isPlatformKey(platform)) {
        throw new errors/* UserError */.yo(`${tool} cannot be installed on ${platform}; supported: ${PLATFORM_KEYS.join(', ')}.`);
    }
    const wanted = sha256?.toLowerCase();
    if (wanted !== undefined && !SHA256.test(wanted)) {
        throw new errors/* UserError */.yo(`Input "${sha256Input}": "${sha256}" is not 64 hexadecimal characters.`);
    }
    const pinned = release.versions[version]?.[platform];
    if (pinned) {
        if (wanted && wanted !== pinned.sha256) {
            throw new errors/* UserError */.yo(`Input "${sha256Input}": ${wanted} for ${tool} ${version} on ${platform} differs from the pinned ${pinned.sha256}; remove or correct it.`);
        }
        return pinned;
    }
    if (!wanted) {
        throw new errors/* UserError */.yo(`Input "${versionInput}": ${tool} ${version} has no pinned SHA-256 for ${platform}; use one of ${Object.keys(release.versions).join(', ')} or set input "${sha256Input}" to the SHA-256 of its release file.`);
    }
    const location = release.assetFor(version, platform);
    if (!location) {
        throw new errors/* UserError */.yo(`${tool} publishes no build for ${platform}.`);
    }
    return { ...location, sha256: wanted };
}
async function findOnPath(command, release, version, run) {
    const bin = await io/* which */.K7(command, false);
    if (!bin)
        return undefined;
    // A binary that cannot even report its version is as good as absent.
    const output = await run(bin, release.versionArgs).catch(() => '');
    const reported = release.versionPattern.exec(output)?.[1];
    if (reported === version)
        return bin;
    core/* info */.pq(`Ignoring ${bin}: it reports version ${reported ?? 'unknown'}, not ${version}`);
    return undefined;
}
async function runVersion(bin, args) {
    const { stdout, stderr } = await (0,exec/* getExecOutput */.H)(bin, [...args], { silent: true, ignoreReturnCode: true });
    return `${stdout}\n${stderr}`;
}
async function downloadToCache(tool, version, arch, asset, options) {
    const temp = requiredEnv('RUNNER_TEMP');
    requiredEnv('RUNNER_TOOL_CACHE');
    const file = external_node_path_.join(temp, (0,external_node_crypto_.randomUUID)());
    let unpacked;
    try {
        core/* info */.pq(`Downloading ${asset.url}`);
        await downloadWithRetries(asset.url, file, options);
        await verifySha256(file, asset);
        unpacked = await unpack(file, asset, temp);
        const cacheDir = await tool_cache/* cacheDir */.e8(unpacked, tool, version, arch);
        const bin = external_node_path_.join(cacheDir, asset.binPath);
        if (process.platform !== 'win32')
            await (0,external_node_fs_promises_.chmod)(bin, 0o755);
        return bin;
    }
    finally {
        await (0,external_node_fs_promises_.rm)(file, { force: true });
        if (unpacked)
            await (0,external_node_fs_promises_.rm)(unpacked, { recursive: true, force: true });
    }
}
function requiredEnv(name) {
    const value = process.env[name];
    if (!value)
        throw new Error(`${name} is not set; the tool installer runs only inside GitHub Actions or with it set.`);
    return value;
}
async function verifySha256(file, asset) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    for await (const chunk of (0,external_node_fs_.createReadStream)(file))
        hash.update(chunk);
    const actual = hash.digest('hex');
    if (actual !== asset.sha256) {
        throw new errors/* UserError */.yo(`Checksum mismatch for ${asset.url}: expected sha256 ${asset.sha256}, got ${actual}; the download was deleted.`);
    }
}
/** Returns a fresh directory that holds `asset.binPath`. */
async function unpack(file, asset, temp) {
    let dir;
    if (asset.archive === 'tar.gz') {
        dir = await tool_cache/* extractTar */.nN(file);
    }
    else if (asset.archive === 'zip') {
        dir = await tool_cache/* extractZip */.JE(file);
    }
    else {
        dir = external_node_path_.join(temp, (0,external_node_crypto_.randomUUID)());
        await (0,external_node_fs_promises_.mkdir)(external_node_path_.dirname(external_node_path_.join(dir, asset.binPath)), { recursive: true });
        await (0,external_node_fs_promises_.rename)(file, external_node_path_.join(dir, asset.binPath));
    }
    await (0,external_node_fs_promises_.access)(external_node_path_.join(dir, asset.binPath)).catch(() => {
        throw new Error(`${asset.url} does not contain ${asset.binPath}.`);
    });
    return dir;
}
/**
 * Downloads through the one request policy (proxy, timeout, size cap), retrying what may do better in a moment: a
 * 5xx, 408 or 429 answer, a timeout, a network failure. Any other answer is the user's to fix, at once.
 */
async function downloadWithRetries(url, dest, options) {
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const attempts = (options.retries ?? DEFAULT_RETRIES) + 1;
    const firstDelayMs = options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS;
    const reason = (error) => error instanceof HttpTimeoutError
        ? `timed out after ${timeoutMs} ms`
        : error instanceof HttpStatusError
            ? `HTTP ${error.status}`
            : networkReason(error);
    try {
        await retry(async () => {
            await (0,external_node_fs_promises_.rm)(dest, { force: true });
            await downloadToFile(url, dest, {
                timeoutMs,
                maxBytes: options.maxBytes ?? DEFAULT_MAX_DOWNLOAD_BYTES,
                transport: options.transport,
            });
        }, {
            what: `Download of ${url}`,
            attempts,
            firstDelayMs,
            maxDelayMs: firstDelayMs * 8,
            jitter: 0.2,
            retryable: isTransient,
            retryAfterMs: (error) => (error instanceof HttpStatusError ? error.retryAfterMs : undefined),
            describe: reason,
        });
    }
    catch (error) {
        if (error instanceof HttpStatusError && !isTransient(error)) {
            throw new errors/* UserError */.yo(`Download of ${url} failed: HTTP ${[error.status, error.statusText].filter(Boolean).join(' ')}.`);
        }
        if (!isTransient(error))
            throw error;
        const tries = attempts === 1 ? '1 attempt' : `${attempts} attempts`;
        throw new Error(`Download of ${url} failed after ${tries}: ${reason(error)}.`, { cause: error });
    }
}
function isTransient(error) {
    if (error instanceof HttpStatusError)
        return error.status >= 500 || error.status === 408 || error.status === 429;
    if (error instanceof HttpTimeoutError)
        return true;
    const code = error?.code;
    return typeof code === 'string' && /^E[A-Z_]+$/.test(code);
}
function networkReason(error) {
    const code = error?.code;
    return typeof code === 'string' ? code : (0,errors/* errorMessage */.gJ)(error);
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/kubernetes/kubectl.js




/** kubectl, installed and verified through the core installer, pointed at one kubeconfig and context. */
class Kubectl {
    path;
    version;
    connection;
    constructor(path, version, connection) {
        this.path = path;
        this.version = version;
        this.connection = connection;
    }
    static async create(options = {}) {
        const tool = await installTool({ tool: 'kubectl', version: options.version, sha256: options.sha256 }, options.install);
        const connection = [
            ...(options.kubeconfig ? ['--kubeconfig', options.kubeconfig] : []),
            ...(options.context ? ['--context', options.context] : []),
        ];
        return new Kubectl(tool.path, tool.version, connection);
    }
    /** `kubectl kustomize DIR`: the built manifests, or kustomize's own error. */
    async kustomize(dir) {
        const result = await this.exec(['kustomize', dir]);
        if (result.exitCode !== 0)
            throw new UserError(`kustomize build of ${dir} failed: ${errorSummary(result)}`);
        return result.stdout;
    }
    /** One `kubectl apply` of the whole file; returns the objects as the API server stored them. */
    async apply(file, options) {
        const args = ['apply', '-f', file, '-o', 'json', `--field-manager=${options.fieldManager}`];
        if (options.serverSide)
            args.push('--server-side');
        if (options.serverSide && options.forceConflicts)
            args.push('--force-conflicts');
        if (options.namespace)
            args.push('--namespace', options.namespace);
        if (options.dryRun)
            args.push('--dry-run=server');
        if (options.validate === false)
            args.push('--validate=false');
        const result = await this.exec(args);
        if (result.exitCode !== 0) {
            const conflict = /conflict/i.test(result.stderr)
                ? ' Set force-conflicts: true to take over fields another manager owns.'
                : '';
            throw new UserError(`kubectl apply failed: ${errorSummary(result)}.${conflict}`);
        }
        return objectsIn(result.stdout);
    }
    /** `kubectl diff --server-side`: what the API server would change, as a unified diff ('' when nothing). */
    async diff(file, options) {
        const args = ['diff', '-f', file, `--field-manager=${options.fieldManager}`];
        if (options.serverSide)
            args.push('--server-side');
        if (options.serverSide && options.forceConflicts)
            args.push('--force-conflicts');
        if (options.namespace)
            args.push('--namespace', options.namespace);
        // Exit 1 means "there are differences"; above that, kubectl or diff failed.
        const result = await this.exec(args);
        if (result.exitCode > 1)
            throw new UserError(`kubectl diff failed: ${errorSummary(result)}`);
        return result.stdout;
    }
    /** The live objects a file names; those that do not exist are left out. */
    async get(file, namespace) {
        const args = ['get', '-f', file, '-o', 'json', '--ignore-not-found'];
        if (namespace)
            args.push('--namespace', namespace);
        const result = await this.exec(args);
        if (result.exitCode !== 0)
            throw new UserError(`kubectl get failed: ${errorSummary(result)}`);
        return objectsIn(result.stdout);
    }
    /** Objects of these kinds (`deployment.apps`, `configmap`...) in every namespace that match a label selector. */
    async list(kinds, selector) {
        const result = await this.exec([
            'get',
            kinds.join(','),
            '--all-namespaces',
            '--selector',
            selector,
            '-o',
            'json',
            '--ignore-not-found',
        ]);
        if (result.exitCode !== 0)
            throw new Error(`kubectl get ${kinds.join(',')} failed: ${errorSummary(result)}`);
        return objectsIn(result.stdout);
    }
    /** Deletes the objects a file names, without waiting for finalizers. */
    async delete(file) {
        const result = await this.exec(['delete', '-f', file, '--ignore-not-found', '--wait=false'], { echo: true });
        if (result.exitCode !== 0)
            throw new Error(`kubectl delete failed: ${errorSummary(result)}`);
    }
    /** The group versions and the `group/Kind`s the cluster serves, from its discovery (kubectl caches it). */
    async servedKinds() {
        const [versions, resources] = await Promise.all([this.exec(['api-versions']), this.exec(['api-resources'])]);
        for (const result of [versions, resources]) {
            if (result.exitCode !== 0)
                throw new UserError(`Reading the cluster's API discovery failed: ${errorSummary(result)}`);
        }
        const [header = '', ...rows] = resources.stdout.split(/\r?\n/).filter(Boolean);
        const apiVersionAt = header.indexOf('APIVERSION');
        const namespacedAt = header.indexOf('NAMESPACED');
        const kindAt = header.indexOf('KIND');
        const kinds = rows.map((row) => `${groupOf(row.slice(apiVersionAt, namespacedAt).trim())}/${row.slice(kindAt).trim().split(/\s+/)[0]}`);
        return { versions: new Set(versions.stdout.split(/\s+/).filter(Boolean)), kinds: new Set(kinds) };
    }
    async events(namespace) {
        const result = await this.exec(['get', 'events', '--namespace', namespace, '-o', 'json']);
        return result.exitCode === 0 ? objectsIn(result.stdout) : [];
    }
    /** `kubectl rollout undo`: back to the previous revision of a Deployment, StatefulSet or DaemonSet. */
    async rolloutUndo(ref) {
        const result = await this.exec(['rollout', 'undo', resourceName(ref), ...namespaceArgs(ref)], { echo: true });
        if (result.exitCode !== 0)
            throw new Error(`kubectl rollout undo ${resourceName(ref)} failed: ${errorSummary(result)}`);
    }
    /** What `kubectl argo rollouts abort` does: set status.abort, so Argo Rollouts goes back to the stable pods. */
    async abortRollout(ref) {
        const patch = JSON.stringify({ status: { abort: true } });
        const args = [
            'patch',
            resourceName(ref),
            ...namespaceArgs(ref),
            '--type',
            'merge',
            '--subresource',
            'status',
            '-p',
            patch,
        ];
        const result = await this.exec(args, { echo: true });
        if (result.exitCode !== 0)
            throw new Error(`aborting ${resourceName(ref)} failed: ${errorSummary(result)}`);
    }
    /** Creates the namespace if it is missing (a server-side apply of a bare Namespace). */
    async ensureNamespace(name, fieldManager) {
        const namespace = JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
        const result = await this.exec(['apply', '--server-side', `--field-manager=${fieldManager}`, '-f', '-'], {
            input: namespace,
            echo: true,
        });
        if (result.exitCode !== 0)
            throw new UserError(`Creating namespace "${name}" failed: ${errorSummary(result)}`);
    }
    /** Every call goes through here: argv only, output captured (and echoed only when asked), secrets redacted. */
    async exec(args, options = {}) {
        const argv = [...this.connection, ...args];
        if (!options.echo)
            printCommandLine(this.path, argv);
        return execTool(this.path, argv, { input: options.input, silent: !options.echo, allowFailure: true });
    }
}
/** `deployment.apps/web`: how kubectl names one object of any group. */
function resourceName(ref) {
    const group = groupOf(ref.apiVersion);
    return `${ref.kind.toLowerCase()}${group ? `.${group}` : ''}/${ref.name}`;
}
function namespaceArgs(ref) {
    return ref.namespace ? ['--namespace', ref.namespace] : [];
}
/** kubectl prints one object, or a List of them, or nothing at all. */
function objectsIn(stdout) {
    if (!stdout.trim())
        return [];
    const parsed = JSON.parse(stdout);
    const objects = parsed.kind === 'List' || Array.isArray(parsed.items) ? (parsed.items ?? []) : [parsed];
    // An empty result of a custom kind comes back as a bare list shell.
    return objects.filter((object) => typeof object.metadata?.name === 'string');
}
/** kubectl's error lines, without its multi-line advice, on one line. */
function errorSummary(result) {
    const lines = result.stderr.split(/\r?\n/).map((line) => line.trim());
    const errors = lines.filter((line) => /^(error|Error from server|Error:)/.test(line));
    const chosen = errors.length > 0 ? errors : lines.filter(Boolean).slice(0, 3);
    const summary = chosen.join('; ').replace(/^error: /, '');
    return summary.length > 600 ? `${summary.slice(0, 600)}…` : summary || `exit code ${result.exitCode}`;
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/gitops-agent/kubernetes-reader.js




/**
 * Reads an agent's status object, and the workloads it manages, through kubectl with a read-only kubeconfig:
 * `get` only, except `annotate` when the user asked for a Flux reconcile.
 */
class KubernetesStatusReader {
    kubectl;
    connection;
    target;
    constructor(kubectl, 
    /** `--kubeconfig FILE --context NAME` */
    connection, target) {
        this.kubectl = kubectl;
        this.connection = connection;
        this.target = target;
    }
    async read() {
        const { kind, namespace, name } = this.target;
        const result = await this.exec(['get', kind.resource, name, '--namespace', namespace, '-o', 'json']);
        if (result.exitCode === 0)
            return JSON.parse(result.stdout);
        if (/\(NotFound\)/.test(result.stderr))
            throw await this.notFound();
        throw explainKubectlFailure(result, `${kind.kind} ${namespace}/${name}`);
    }
    /** Sets an annotation on the status object (Flux's `reconcile.fluxcd.io/requestedAt`): needs `patch` on it. */
    async annotate(key, value) {
        const { kind, namespace, name } = this.target;
        const result = await this.exec([
            'annotate',
            kind.resource,
            name,
            '--namespace',
            namespace,
            '--overwrite',
            `${key}=${value}`,
        ]);
        if (result.exitCode !== 0)
            throw explainKubectlFailure(result, `${kind.kind} ${namespace}/${name}`);
    }
    /** The images of every container (init containers too) in the workloads' pod templates. */
    async workloadImages(workloads) {
        const images = [];
        for (const workload of workloads) {
            const group = workload.apiVersion.includes('/') ? `.${workload.apiVersion.split('/')[0]}` : '';
            const args = ['get', `${workload.kind.toLowerCase()}${group}`, workload.name, '-o', 'json', '--ignore-not-found'];
            if (workload.namespace)
                args.push('--namespace', workload.namespace);
            const result = await this.exec(args);
            if (result.exitCode !== 0)
                throw explainKubectlFailure(result, `${workload.kind} ${workload.name}`);
            if (!result.stdout.trim())
                continue;
            const podSpec = field(JSON.parse(result.stdout), 'spec', 'template', 'spec');
            for (const container of [...list(field(podSpec, 'initContainers')), ...list(field(podSpec, 'containers'))]) {
                const image = field(container, 'image');
                if (typeof image === 'string')
                    images.push(image);
            }
        }
        return images;
    }
    /** Not there: maybe it is there as the kind the user confused it with. */
    async notFound() {
        const { kind, namespace, name } = this.target;
        for (const other of this.target.confusable) {
            const found = await this.exec([
                'get',
                other.resource,
                name,
                '--namespace',
                namespace,
                '-o',
                'name',
                '--ignore-not-found',
            ]);
            if (found.exitCode === 0 && found.stdout.trim()) {
                return new errors/* UserError */.yo(`Input "${kind.input}" names ${namespace}/${name}, which is a ${other.kind}, not a ${kind.kind}: ` +
                    `name it in "${other.input}".`);
            }
        }
        return new errors/* UserError */.yo(`${kind.kind} ${namespace}/${name} (input "${kind.input}") does not exist in the cluster.`);
    }
    exec(args) {
        return exec_execTool(this.kubectl, [...this.connection, ...args], { silent: true, allowFailure: true });
    }
}
/** What the API server refused, as a UserError naming the verb and resource; other failures stay errors. */
function explainKubectlFailure(result, what) {
    const forbidden = /cannot (\w+) resource "([^"]+)" in API group "([^"]*)"(?: in the namespace "([^"]+)")?/.exec(result.stderr);
    if (forbidden) {
        const [, verb, resource, group, namespace] = forbidden;
        return new errors/* UserError */.yo(`The kubeconfig may not ${verb} ${resource}${group ? `.${group}` : ''}${namespace ? ` in namespace ${namespace}` : ''} (Forbidden), so ${what} cannot be read: grant its user get, list and watch on them.`);
    }
    if (/\(Unauthorized\)/.test(result.stderr)) {
        return new errors/* UserError */.yo(`The API server refused the kubeconfig's credentials (Unauthorized) while reading ${what}.`);
    }
    const missing = /the server doesn't have a resource type "([^"]+)"/.exec(result.stderr);
    if (missing) {
        return new errors/* UserError */.yo(`The cluster does not serve ${missing[1]}, so ${what} cannot be read: is the agent installed, and the kubeconfig's context the right cluster?`);
    }
    return new Error(`kubectl could not read ${what}: ${errorSummary(result)}`);
}

// EXTERNAL MODULE: ./tmp/ncc-input/src/core/github/api-errors.js
var api_errors = __webpack_require__(5712);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/github/repository.js
var github_repository = __webpack_require__(4548);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/gitops-agent/manifests-repository.js



/**
 * What the wait asks of the manifests repository on GitHub: a pull request's state, whether one commit contains
 * another (the compare endpoint: one request, no clone, and the same read token as the pull request), a commit's time.
 */
class ManifestsRepository {
    client;
    name;
    constructor(client, name) {
        this.client = client;
        this.name = name;
    }
    async pullRequest(number) {
        try {
            const { data } = await this.client.rest.pulls.get({ ...this.name, pull_number: number });
            if (data.merged_at && data.merge_commit_sha) {
                return { state: 'merged', mergeCommit: data.merge_commit_sha, mergedAt: data.merged_at };
            }
            return { state: data.state === 'closed' ? 'closed' : 'open' };
        }
        catch (error) {
            if ((0,api_errors/* isApiError */.d7)(error) && error.status === 404) {
                throw new errors/* UserError */.yo(`Pull request #${number} does not exist in ${(0,github_repository/* formatRepositoryName */.FI)(this.name)} (input "pull-request"), ` +
                    'or the token may not read it.');
            }
            throw (0,api_errors/* explainApiError */.cU)(error, `read pull request #${number} of ${(0,github_repository/* formatRepositoryName */.FI)(this.name)}`, 'pull-requests: read');
        }
    }
    /** How `other` relates to `awaited`: GitHub's compare `awaited...other` says ahead, behind, identical or diverged. */
    async ancestry(awaited, other) {
        try {
            const { data } = await this.client.rest.repos.compareCommitsWithBasehead({
                ...this.name,
                basehead: `${awaited}...${other}`,
                per_page: 1,
            });
            switch (data.status) {
                case 'identical':
                    return 'same';
                case 'behind':
                    return 'older';
                case 'ahead':
                    return 'contains';
                default:
                    return 'diverged';
            }
        }
        catch (error) {
            throw (0,api_errors/* explainApiError */.cU)(error, `compare commits in ${(0,github_repository/* formatRepositoryName */.FI)(this.name)}`, 'contents: read');
        }
    }
    /** When a commit was made (its committer date), undefined when GitHub does not know it. */
    async commitTime(repository, sha) {
        try {
            const { data } = await this.client.rest.repos.getCommit({ ...repository, ref: sha, per_page: 1 });
            return data.commit.committer?.date ?? data.commit.author?.date;
        }
        catch (error) {
            if ((0,api_errors/* isApiError */.d7)(error) && (error.status === 404 || error.status === 422))
                return undefined;
            throw (0,api_errors/* explainApiError */.cU)(error, `read commit ${sha} of ${(0,github_repository/* formatRepositoryName */.FI)(repository)}`, 'contents: read');
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
        await external_node_fs_promises_.appendFile(file, this.toMarkdown() + '\n');
    }
}
function code(text) {
    return `\`${text.replace(/`/g, "'")}\``;
}
function escapeCell(text) {
    return text.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/gitops-agent/sync-summary.js

/** The job summary: the outcome, a timeline (merged, seen, synced, healthy), unhealthy resources, images running. */
function syncSummary(result, facts) {
    const summary = new JobSummary().heading(`wait-for-sync: ${result.status}`);
    summary.table(['', ''], [
        ['Agent', facts.target],
        ['Awaited commit', code(facts.awaited)],
        ['Running commit', result.revision ? code(result.revision) : 'unknown'],
        ['Health', result.health],
        ['Agent says', result.message],
        ...(result.previousRevision ? [['Previous commit', code(result.previousRevision)]] : []),
        ...(facts.leadTimeSeconds !== undefined ? [['Lead time', `${facts.leadTimeSeconds} s`]] : []),
    ]);
    const timeline = [
        ...(facts.mergedAt ? [{ event: 'merged', at: facts.mergedAt }] : []),
        ...result.timeline,
        ...(result.syncedAt ? [{ event: 'synced (as the agent says)', at: result.syncedAt }] : []),
    ].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    if (timeline.length > 0)
        summary.table(['Event', 'Time'], timeline.map((item) => [item.event, item.at]));
    if (result.unhealthy.length > 0) {
        summary.paragraph('Resources that are not healthy:');
        summary.table(['Resource', 'Health', 'Message'], result.unhealthy.map((item) => [
            `${item.kind} ${item.namespace ? `${item.namespace}/` : ''}${item.name}`,
            item.health,
            item.message,
        ]));
    }
    if (result.imagesSeen.length > 0) {
        summary.paragraph(`Seen running: ${[...new Set(result.imagesSeen)].map(code).join(', ')}`);
    }
    return summary;
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/gitops-agent/status-feed.js
/**
 * The agent's object over time: each change as the source's watch reports it, when it has one, else a read every
 * poll interval. A watch that cannot be opened, breaks or ends is said once in the log, and polling takes over.
 */
class StatusFeed {
    source;
    options;
    abort = new AbortController();
    watch;
    /** A change asked of the watch that did not come before the last wait ended: the next wait takes it. */
    pending;
    polling;
    constructor(source, options) {
        this.source = source;
        this.options = options;
        this.polling = !source.watch;
    }
    /** The object now. */
    read() {
        return this.source.read();
    }
    /** The next state of the object, or undefined when `waitMs` passed without a change (watching). */
    async next(waitMs) {
        if (!this.polling) {
            let reason;
            try {
                const next = await this.nextChange(waitMs);
                if (next === undefined)
                    return undefined;
                if (!next.done)
                    return next.value;
                reason = 'it ended';
            }
            catch (error) {
                reason = error.message;
            }
            this.polling = true;
            this.close();
            this.options.log(`${this.options.what}: the watch stopped (${reason}); polling every ${this.options.pollMs / 1000} s instead.`);
            // Changes may have been missed while the watch broke: read now rather than a poll interval later.
            return this.source.read();
        }
        await this.options.sleep(Math.min(this.options.pollMs, waitMs));
        return this.source.read();
    }
    /** Ends the watch, if one is open. */
    close() {
        this.abort.abort();
        this.pending?.catch(() => undefined);
        // A watch paused between two changes would otherwise keep its timers and connection.
        this.watch?.return?.(undefined).catch(() => undefined);
    }
    async nextChange(waitMs) {
        this.watch ??= this.source.watch(this.abort.signal)[Symbol.asyncIterator]();
        const pending = (this.pending ??= this.watch.next());
        let timer;
        const waited = new Promise((resolve) => (timer = setTimeout(() => resolve(undefined), waitMs)));
        try {
            const next = await Promise.race([pending, waited]);
            if (next !== undefined)
                this.pending = undefined;
            return next;
        }
        finally {
            clearTimeout(timer);
        }
    }
}

// EXTERNAL MODULE: ./tmp/ncc-input/src/core/image-ref.js
var image_ref = __webpack_require__(3977);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/gitops-agent/running-images.js

/** Whether the images seen running include `expected`'s repository, and all of them at `expected`'s digest. */
function checkRunningImages(images, expected) {
    const seen = images.filter((image) => image_ref/* ImageRef */.ji.tryParse(image)?.sameRepository(expected));
    if (seen.length === 0) {
        return { ok: false, seen, message: `no workload runs ${expected.spelledName} yet` };
    }
    const other = seen.filter((image) => image_ref/* ImageRef */.ji.tryParse(image)?.digest !== expected.digest);
    if (other.length > 0) {
        return { ok: false, seen, message: `workloads run ${[...new Set(other)].join(', ')}, not ${expected.digest}` };
    }
    return { ok: true, seen, message: `${expected.spelledName}@${expected.digest} is running` };
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/gitops-agent/sync-wait.js



const SYNC_OUTCOMES = (/* unused pure expression or super */ null && (['synced', 'degraded', 'failed', 'superseded', 'timeout']));
/**
 * Reads the agent's status until it runs the awaited commit (or a newer one that contains it) in sync and healthy,
 * with the image's digest running when one is given; stops at once on a degraded or failed report for it, or on a
 * commit that overtook it without containing it; else stops at the timeout with what it saw last.
 */
async function waitForSync(request, dependencies) {
    const now = dependencies.now ?? Date.now;
    const sleep = dependencies.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    const log = dependencies.log ?? (() => undefined);
    const { evaluator, source } = dependencies;
    const deadline = now() + request.timeoutMs;
    const timeline = [];
    const mark = (event) => {
        if (!timeline.some((item) => item.event === event))
            timeline.push({ event, at: new Date(now()).toISOString() });
    };
    const ancestries = new Map();
    let previousRevision;
    let lastMessage = '';
    let last;
    let imagesSeen = [];
    const result = (status, report, message, revision = report.appliedRevision) => ({
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
    const notePrevious = (report) => {
        previousRevision ??= (0,gitops_agent_revision/* namesCommit */.yF)(report.appliedRevision, request.revision)
            ? report.previousRevision
            : report.appliedRevision;
    };
    const feed = new StatusFeed(source, { pollMs: request.pollMs, sleep, log, what: evaluator.describe() });
    try {
        return await follow(feed);
    }
    finally {
        feed.close();
    }
    async function follow(feed) {
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
            if (report.seen)
                mark('seen by the agent');
            if (report.applied)
                mark('synced');
            let verdict;
            let message = report.message;
            if (report.phase === 'failed' || report.phase === 'degraded') {
                verdict = result(report.phase, report, `${evaluator.describe()}: ${report.message}`, request.revision);
            }
            else if (report.phase === 'synced') {
                const images = await imageCheck(report);
                if (images.ok) {
                    mark('healthy');
                    verdict = result('synced', report, `${evaluator.describe()} runs ${request.revision}: ${report.message}`);
                }
                else
                    message = `${report.message}; ${images.message}`;
            }
            else if (report.appliedRevision &&
                !(0,gitops_agent_revision/* namesCommit */.yF)(report.appliedRevision, request.revision) &&
                dependencies.ancestry) {
                const other = report.appliedRevision;
                let ancestry = ancestries.get(other);
                if (!ancestry) {
                    ancestry = await dependencies.ancestry(request.revision, other);
                    ancestries.set(other, ancestry);
                }
                if (ancestry === 'diverged') {
                    verdict = result('superseded', report, `${evaluator.describe()} runs ${other}, which overtook ${request.revision} without containing it.`);
                }
                else if (ancestry === 'contains') {
                    verdict = await newerCommit(object, other);
                }
            }
            if (verdict)
                return verdict;
            if (message !== lastMessage)
                log(`${evaluator.describe()}: ${message}`);
            lastMessage = message;
            const left = deadline - now();
            if (left <= 0) {
                return result('timeout', last, `${evaluator.describe()} did not run ${request.revision} in sync and healthy in time; it said last: ${message}`);
            }
            // Unchanged when the watch saw no change before the deadline: the next turn times out.
            object = (await feed.next(left)) ?? object;
        }
    }
    async function imageCheck(report) {
        if (!request.image)
            return { ok: true, message: '' };
        const images = report.images ?? (await source.workloadImages(report.workloads));
        const check = checkRunningImages(images, request.image);
        imagesSeen = check.seen;
        return check;
    }
    /** The agent runs a newer commit that contains the awaited one: its verdict is the awaited commit's. */
    async function newerCommit(object, other) {
        const report = evaluator.evaluate(object, other);
        mark('seen by the agent');
        if (report.applied)
            mark('synced');
        const context = `${evaluator.describe()} runs ${other}, which contains ${request.revision}`;
        if (report.phase === 'failed' || report.phase === 'degraded') {
            return result(report.phase, report, `${context}: ${report.message}`, other);
        }
        if (report.phase !== 'synced' || !(await imageCheck(report)).ok)
            return undefined;
        mark('healthy');
        return result('synced', report, `${context}: ${report.message}`, other);
    }
}

// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js + 21 modules
var github = __webpack_require__(1758);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-retry/dist-bundle/index.js
var dist_bundle = __webpack_require__(9735);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-throttling/dist-bundle/index.js
var plugin_throttling_dist_bundle = __webpack_require__(6856);
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

// EXTERNAL MODULE: ./tmp/ncc-input/src/core/kubernetes/kubeconfig.js
var kubernetes_kubeconfig = __webpack_require__(9014);
// EXTERNAL MODULE: ./tmp/ncc-input/src/actions/wait-for-sync/settings.js + 3 modules
var wait_for_sync_settings = __webpack_require__(8624);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/actions/wait-for-sync/run.js















/** The wait ended in anything but synced: the action fails after its outputs and summary are written. */
class SyncNotReachedError extends Error {
}
const KINDS = {
    application: { resource: 'applications.argoproj.io', kind: 'Application', input: wait_for_sync_settings/* INPUTS */.mc.argocdApplication },
    kustomization: {
        resource: 'kustomizations.kustomize.toolkit.fluxcd.io',
        kind: 'Kustomization',
        input: wait_for_sync_settings/* INPUTS */.mc.fluxKustomization,
    },
    helmRelease: { resource: 'helmreleases.helm.toolkit.fluxcd.io', kind: 'HelmRelease', input: wait_for_sync_settings/* INPUTS */.mc.fluxHelmRelease },
};
/** Waits until the agent runs the commit (a given one, or a pull request's merge commit), then writes outputs. */
async function waitForSyncAction(settings, host, seams = {}) {
    const { setOutput } = host;
    const now = seams.now ?? Date.now;
    const deadline = now() + settings.timeoutSeconds * 1000;
    const repository = settings.token && settings.repository
        ? new ManifestsRepository(createGitHubClient({
            token: settings.token,
            apiUrl: settings.apiUrl,
            waitUnitMs: seams.githubWaitUnitMs,
        }), settings.repository)
        : undefined;
    if (settings.target.kind === 'argocd-api' && settings.target.connection.insecure) {
        core/* warning */.$e(`${wait_for_sync_settings/* INPUTS */.mc.argocdInsecure} is true: the Argo CD server's certificate is not checked.`);
    }
    let revision;
    let mergedAt;
    if ('pullRequest' in settings.awaited) {
        const merged = await waitForMerge(repository, settings.awaited.pullRequest, settings, deadline, now);
        if (!merged) {
            const message = `Pull request #${settings.awaited.pullRequest} was not merged in time.`;
            return finish(timeoutBeforeMerge(message), undefined);
        }
        ({ mergeCommit: revision, mergedAt } = merged);
        setOutput(wait_for_sync_settings/* OUTPUTS */.py.mergedAt, mergedAt);
        core/* info */.pq(`Pull request #${settings.awaited.pullRequest} was merged at ${mergedAt} as ${revision}.`);
    }
    else
        revision = settings.awaited.revision;
    const connection = await connect(settings, host, seams);
    try {
        const result = await waitForSync({
            revision,
            image: settings.image,
            timeoutMs: Math.max(0, deadline - now()),
            pollMs: settings.pollSeconds * 1000,
            refresh: settings.refresh,
        }, {
            source: connection.source,
            evaluator: connection.evaluator,
            ancestry: repository && ((awaited, other) => repository.ancestry(awaited, other)),
            now,
            log: (line) => core/* info */.pq(line),
        });
        return await finish(result, revision);
    }
    finally {
        await connection.close();
    }
    async function finish(result, awaited) {
        const leadTimeSeconds = result.status === 'synced' ? await leadTime(result, awaited) : undefined;
        setOutput(wait_for_sync_settings/* OUTPUTS */.py.status, result.status);
        setOutput(wait_for_sync_settings/* OUTPUTS */.py.revision, result.revision ?? '');
        setOutput(wait_for_sync_settings/* OUTPUTS */.py.health, result.health);
        setOutput(wait_for_sync_settings/* OUTPUTS */.py.message, result.message);
        setOutput(wait_for_sync_settings/* OUTPUTS */.py.syncedAt, result.syncedAt ?? '');
        setOutput(wait_for_sync_settings/* OUTPUTS */.py.previousRevision, result.previousRevision ?? '');
        setOutput(wait_for_sync_settings/* OUTPUTS */.py.leadTimeSeconds, leadTimeSeconds === undefined ? '' : String(leadTimeSeconds));
        if (!mergedAt)
            setOutput(wait_for_sync_settings/* OUTPUTS */.py.mergedAt, '');
        await syncSummary(result, {
            target: describeTarget(settings.target),
            awaited: awaited ?? `pull request #${'pullRequest' in settings.awaited ? settings.awaited.pullRequest : ''}`,
            mergedAt,
            leadTimeSeconds,
        }).write(seams.summaryFile);
        if (result.status !== 'synced')
            throw new SyncNotReachedError(`${result.status}: ${result.message}`);
        return result;
    }
    /** From the commit the run delivers (the application's, else the awaited one) to the moment it was healthy. */
    async function leadTime(result, awaited) {
        const healthy = result.timeline.find((item) => item.event === 'healthy')?.at;
        if (!repository || !healthy)
            return undefined;
        const commit = settings.sourceCommit ?? (awaited && settings.repository && { repository: settings.repository, sha: awaited });
        if (!commit)
            return undefined;
        const committed = await repository.commitTime(commit.repository, commit.sha);
        return committed ? Math.max(0, Math.round((Date.parse(healthy) - Date.parse(committed)) / 1000)) : undefined;
    }
}
function timeoutBeforeMerge(message) {
    return { status: 'timeout', health: '', message, timeline: [], unhealthy: [], imagesSeen: [] };
}
/** Polls the pull request until it is merged (its merge commit) or the time is up; closed unmerged fails at once. */
async function waitForMerge(repository, number, settings, deadline, now) {
    let announced = false;
    for (;;) {
        const pullRequest = await repository.pullRequest(number);
        if (pullRequest.state === 'merged')
            return pullRequest;
        if (pullRequest.state === 'closed') {
            throw new errors/* UserError */.yo(`Pull request #${number} of ${(0,github_repository/* formatRepositoryName */.FI)(repository.name)} was closed without being merged: nothing to wait for.`);
        }
        if (!announced)
            core/* info */.pq(`Waiting for pull request #${number} to be merged.`);
        announced = true;
        const left = deadline - now();
        if (left <= 0)
            return undefined;
        await new Promise((resolve) => setTimeout(resolve, Math.min(settings.pollSeconds * 1000, left)));
    }
}
/** The strategy for the target: a status source and the evaluator of its object kind, chosen once. */
async function connect(settings, host, seams) {
    const target = settings.target;
    if (target.kind === 'argocd-api') {
        const reader = new ArgoCdApplicationReader(target.connection, target.application, seams.argoCdTransport);
        return {
            source: {
                read: () => reader.read(),
                refresh: async () => void (await reader.read(true)),
                workloadImages: async () => [],
                watch: (signal) => reader.watch(signal),
            },
            evaluator: new ArgoCdApplicationEvaluator(`${target.application.appNamespace ? `${target.application.appNamespace}/` : ''}${target.application.name}`),
            close: async () => undefined,
        };
    }
    let kubeconfigFile;
    // A private folder, so that a cancelled run leaves no credentials behind either.
    const scratch = settings.kubeconfig ? await host.scratchFolder('wait-for-sync-') : undefined;
    if (settings.kubeconfig && scratch) {
        const kubeconfig = kubernetes_kubeconfig.Kubeconfig.parse(settings.kubeconfig, wait_for_sync_settings/* INPUTS */.mc.kubeconfig, settings.kubeContext);
        kubeconfigFile = kubernetes_kubeconfig.Kubeconfig.fileUnder(scratch.path);
        await kubeconfig.write(kubeconfigFile);
    }
    const close = async () => {
        if (kubeconfigFile)
            await kubernetes_kubeconfig.Kubeconfig.remove(kubeconfigFile);
        await scratch?.remove();
    };
    try {
        const kubectl = await installer_installTool({ tool: 'kubectl' }, seams.install);
        const connection = [
            ...(kubeconfigFile ? ['--kubeconfig', kubeconfigFile] : []),
            ...(settings.kubeContext ? ['--context', settings.kubeContext] : []),
        ];
        const name = `${target.namespace}/${target.name}`;
        const { kind, confusable, evaluator, refreshAnnotation } = strategyOf(target, name);
        const reader = new KubernetesStatusReader(kubectl.path, connection, {
            kind,
            namespace: target.namespace,
            name: target.name,
            confusable,
        });
        const read = async () => {
            const object = await reader.read();
            const project = target.kind === 'argocd-kubernetes' ? target.project : undefined;
            const actual = object.spec?.project;
            if (project && actual !== project) {
                throw new errors/* UserError */.yo(`Application ${name} is in project ${String(actual)}, not ${project} (input "${wait_for_sync_settings/* INPUTS */.mc.argocdProject}").`);
            }
            return object;
        };
        // Polled, not watched: `kubectl get --watch -o json` prints a stream of multi-line JSON documents that the one
        // exec (core/exec.ts) hands over only when kubectl exits; one GET per poll interval is cheap for the API server.
        return {
            source: {
                read,
                refresh: () => reader.annotate(refreshAnnotation.key, refreshAnnotation.value()),
                workloadImages: (workloads) => reader.workloadImages(workloads),
            },
            evaluator,
            close,
        };
    }
    catch (error) {
        await close();
        throw error;
    }
}
function strategyOf(target, name) {
    switch (target.kind) {
        case 'argocd-kubernetes':
            return {
                kind: KINDS.application,
                confusable: [],
                evaluator: new ArgoCdApplicationEvaluator(name),
                // What `argocd app get --refresh` sets; the application controller removes it once refreshed.
                refreshAnnotation: { key: 'argocd.argoproj.io/refresh', value: () => 'normal' },
            };
        case 'flux-kustomization':
            return {
                kind: KINDS.kustomization,
                confusable: [KINDS.helmRelease],
                evaluator: new FluxKustomizationEvaluator(name),
                refreshAnnotation: { key: 'reconcile.fluxcd.io/requestedAt', value: () => new Date().toISOString() },
            };
        case 'flux-helm-release':
            return {
                kind: KINDS.helmRelease,
                confusable: [KINDS.kustomization],
                evaluator: new FluxHelmReleaseEvaluator(name, wait_for_sync_settings/* INPUTS */.mc.fluxHelmRelease),
                refreshAnnotation: { key: 'reconcile.fluxcd.io/requestedAt', value: () => new Date().toISOString() },
            };
    }
}
function describeTarget(target) {
    switch (target.kind) {
        case 'argocd-api':
            return `Argo CD Application ${target.application.name} at ${target.connection.server}`;
        case 'argocd-kubernetes':
            return `Argo CD Application ${target.namespace}/${target.name}`;
        case 'flux-kustomization':
            return `Flux Kustomization ${target.namespace}/${target.name}`;
        case 'flux-helm-release':
            return `Flux HelmRelease ${target.namespace}/${target.name}`;
    }
}


/***/ }),

/***/ 9014:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Kubeconfig: () => (/* binding */ Kubeconfig)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5685);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1877);






// Credentials a kubeconfig user can carry: each is masked, and the *-data ones also decoded.
const SECRET_FIELDS = ['token', 'password', 'client-key-data', 'client-certificate-data'];
const ENCODED_FIELDS = new Set(['client-key-data', 'client-certificate-data', 'certificate-authority-data']);
/**
 * A kubeconfig given as text: checked to be one (without ever quoting it), its credentials masked,
 * then written 0600 into a fresh 0700 folder that `remove` deletes.
 */
class Kubeconfig {
    text;
    contexts;
    constructor(text, contexts) {
        this.text = text;
        this.contexts = contexts;
    }
    /** Parses and checks the text; `input` names it in errors, `context` must be one of its contexts. */
    static parse(text, input, context) {
        const document = (0,yaml__WEBPACK_IMPORTED_MODULE_3__/* .parseDocument */ .Tp)(text, { uniqueKeys: false });
        const invalid = (reason) => new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`Input "${input}" is not a kubeconfig: ${reason}.`);
        if (document.errors.length > 0) {
            const line = document.errors[0]?.linePos?.[0].line;
            throw invalid(`it is not valid YAML${line ? ` (line ${line})` : ''}`);
        }
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_3__/* .isMap */ .jh)(document.contents))
            throw invalid('it is not a YAML mapping');
        const config = document.toJS();
        if (config.kind !== undefined && config.kind !== 'Config')
            throw invalid(`its kind is "${String(config.kind)}", not Config`);
        const clusters = entries(config.clusters);
        const users = entries(config.users);
        const contexts = entries(config.contexts);
        if (clusters.length === 0 || !clusters.every((entry) => typeof entry.cluster?.server === 'string')) {
            throw invalid('it needs "clusters", each with a cluster.server URL');
        }
        if (contexts.length === 0)
            throw invalid('it has no "contexts"');
        for (const user of users)
            registerUserSecrets(user.user ?? {});
        for (const cluster of clusters)
            registerEncoded(cluster.cluster?.['certificate-authority-data']);
        const names = contexts.map((entry) => String(entry.name));
        const current = context ?? (typeof config['current-context'] === 'string' ? config['current-context'] : undefined);
        if (!current)
            throw invalid('it has no current-context; set the "kube-context" input');
        if (!names.includes(current)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`Context "${current}" is not in the kubeconfig; it has: ${names.join(', ')}.`);
        }
        return new Kubeconfig(text, names);
    }
    /** A fresh path under `parent` for `write`, known before anything is written so a post step can remove it. */
    static fileUnder(parent) {
        return node_path__WEBPACK_IMPORTED_MODULE_2__.join(parent, `kubeconfig-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)()}`, 'config');
    }
    /** Writes the file 0600 inside a new 0700 folder. */
    async write(file) {
        await node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir(node_path__WEBPACK_IMPORTED_MODULE_2__.dirname(file), { mode: 0o700 });
        await node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile(file, this.text, { mode: 0o600 });
    }
    /** Deletes a file `write` made, with its folder; nothing happens when it is already gone. */
    static async remove(file) {
        await node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm(node_path__WEBPACK_IMPORTED_MODULE_2__.dirname(file), { recursive: true, force: true });
    }
}
function entries(value) {
    return Array.isArray(value)
        ? value.filter((entry) => typeof entry === 'object' && entry !== null)
        : [];
}
function registerUserSecrets(user) {
    for (const field of SECRET_FIELDS) {
        const value = user[field];
        if (typeof value !== 'string')
            continue;
        if (ENCODED_FIELDS.has(field))
            registerEncoded(value);
        else
            (0,_secrets_js__WEBPACK_IMPORTED_MODULE_5__/* .registerSecret */ .cl)(value);
    }
    // Exec plugins and auth providers can carry credentials in their env and config.
    const exec = user.exec;
    for (const variable of exec?.env ?? [])
        if (typeof variable.value === 'string')
            (0,_secrets_js__WEBPACK_IMPORTED_MODULE_5__/* .registerSecret */ .cl)(variable.value);
    const provider = user['auth-provider'];
    for (const value of Object.values(provider?.config ?? {}))
        if (typeof value === 'string')
            (0,_secrets_js__WEBPACK_IMPORTED_MODULE_5__/* .registerSecret */ .cl)(value);
}
/** Masks base64 data and each line of what it decodes to, except PEM armour lines. */
function registerEncoded(value) {
    if (typeof value !== 'string' || value.length === 0)
        return;
    (0,_secrets_js__WEBPACK_IMPORTED_MODULE_5__/* .registerSecret */ .cl)(value);
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    for (const line of decoded.split(/\r?\n/)) {
        if (line.trim() && !line.startsWith('-----'))
            (0,_secrets_js__WEBPACK_IMPORTED_MODULE_5__/* .registerSecret */ .cl)(line);
    }
}


/***/ })

};
