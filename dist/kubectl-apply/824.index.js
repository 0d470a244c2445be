export const id = 824;
export const ids = [824,14];
export const modules = {

/***/ 1824:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  RolloutFailedError: () => (/* binding */ RolloutFailedError),
  kubectlApply: () => (/* binding */ kubectlApply)
});

// EXTERNAL MODULE: ./tmp/ncc-input/node_modules/@actions/core/lib/core.js + 6 modules
var core = __webpack_require__(2202);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./node_modules/diff/libesm/patch/create.js + 2 modules
var create = __webpack_require__(7291);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/kubernetes/kube-object.js
function refOf(object) {
    const { apiVersion, kind } = object;
    const { name, namespace } = object.metadata;
    return namespace ? { apiVersion, kind, namespace, name } : { apiVersion, kind, name };
}
/** `Deployment/shop/web` (`Namespace/shop` when cluster-scoped): one line of a list output. */
function objectPath(ref) {
    return [ref.kind, ref.namespace, ref.name].filter(Boolean).join('/');
}
/** `Deployment web -n shop`, for logs and summaries. */
function describeRef(ref) {
    return `${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}`;
}
function sameRef(a, b) {
    return (groupOf(a.apiVersion) === groupOf(b.apiVersion) &&
        a.kind === b.kind &&
        a.name === b.name &&
        (a.namespace ?? '') === (b.namespace ?? ''));
}
/** `apps` of `apps/v1`; '' for the core group. */
function groupOf(apiVersion) {
    return apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
}
/** The smallest document that names an object, for `kubectl get -f`. */
function refDocument(ref) {
    return {
        apiVersion: ref.apiVersion,
        kind: ref.kind,
        metadata: { name: ref.name, ...(ref.namespace ? { namespace: ref.namespace } : {}) },
    };
}
/** A key that tells objects apart across API versions of the same group. */
function refKey(ref) {
    return `${groupOf(ref.apiVersion)}/${ref.kind}/${ref.namespace ?? ''}/${ref.name}`;
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/kubernetes/client-diff.js



/**
 * A client-side preview: each rendered object against the live one, the live one cut down to the fields the
 * manifest sets (server defaults and other managers' fields are not shown). No request but reads.
 */
function clientDiff(desired, live) {
    return desired
        .map((object) => {
        const current = live.find((candidate) => sameObject(candidate, object));
        const name = `${object.kind}/${object.metadata.namespace ? `${object.metadata.namespace}/` : ''}${object.metadata.name}`;
        const projected = current ? project(current, object) : undefined;
        const [shownBefore, shownAfter] = object.kind === 'Secret' ? hideSecretValues(projected, object) : [projected, object];
        const before = shownBefore ? (0,dist/* stringify */.As)(shownBefore, { lineWidth: 0 }) : '';
        const after = (0,dist/* stringify */.As)(shownAfter, { lineWidth: 0 });
        if (before === after)
            return '';
        return (0,create/* createTwoFilesPatch */.ss)(`live/${name}`, `rendered/${name}`, before, after, undefined, undefined, {
            context: 3,
        })
            .split('\n')
            .slice(1)
            .join('\n');
    })
        .join('');
}
const SECRET_FIELDS = ['data', 'stringData'];
/** A Secret's values never reach a log or a summary: each shows as hidden, and whether it changes. */
function hideSecretValues(live, desired) {
    const before = isRecord(live) ? { ...live } : undefined;
    const after = { ...desired };
    for (const field of SECRET_FIELDS) {
        const old = isRecord(before?.[field]) ? before[field] : {};
        const next = isRecord(after[field]) ? after[field] : undefined;
        if (before && isRecord(before[field])) {
            before[field] = Object.fromEntries(Object.keys(old).map((key) => [key, '(hidden)']));
        }
        if (next) {
            after[field] = Object.fromEntries(Object.entries(next).map(([key, value]) => [
                key,
                key in old && old[key] === value ? '(hidden)' : '(hidden, changed)',
            ]));
        }
    }
    return [before, after];
}
function sameObject(live, desired) {
    return (groupOf(live.apiVersion) === groupOf(desired.apiVersion) &&
        live.kind === desired.kind &&
        live.metadata.name === desired.metadata.name &&
        (desired.metadata.namespace === undefined || live.metadata.namespace === desired.metadata.namespace));
}
/** `live` restricted to the shape of `shape`: its keys, and its named list items. */
function project(live, shape) {
    if (isRecord(live) && isRecord(shape)) {
        return Object.fromEntries(Object.keys(shape)
            .filter((key) => key in live)
            .map((key) => [key, project(live[key], shape[key])]));
    }
    if (Array.isArray(live) &&
        Array.isArray(shape) &&
        shape.every((item) => isRecord(item) && typeof item.name === 'string')) {
        return shape.flatMap((item) => {
            const match = live.find((candidate) => isRecord(candidate) && candidate.name === item.name);
            return match === undefined ? [] : [project(match, item)];
        });
    }
    return live;
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// EXTERNAL MODULE: ./node_modules/@actions/io/lib/io.js
var io = __webpack_require__(8701);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/errors.js
var errors = __webpack_require__(5685);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:string_decoder"
var external_node_string_decoder_ = __webpack_require__(6193);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/cleanup.js
var cleanup = __webpack_require__(3212);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/secrets.js
var secrets = __webpack_require__(1877);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/workflow-commands.js
var workflow_commands = __webpack_require__(5618);
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

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./node_modules/@actions/exec/lib/exec.js + 1 modules
var exec = __webpack_require__(1955);
// EXTERNAL MODULE: ./node_modules/@actions/tool-cache/lib/tool-cache.js + 10 modules
var tool_cache = __webpack_require__(2977);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
var external_node_http_namespaceObject = /*#__PURE__*/__webpack_require__.t(external_node_http_, 2);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
var external_node_https_namespaceObject = /*#__PURE__*/__webpack_require__.t(external_node_https_, 2);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(8500);
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
        await (0,external_node_stream_promises_.pipeline)(response, cap, (0,external_node_fs_.createWriteStream)(dest), { signal });
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
async function installTool(request, options = {}) {
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
            await (0,promises_.chmod)(bin, 0o755);
        return bin;
    }
    finally {
        await (0,promises_.rm)(file, { force: true });
        if (unpacked)
            await (0,promises_.rm)(unpacked, { recursive: true, force: true });
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
        await (0,promises_.mkdir)(external_node_path_.dirname(external_node_path_.join(dir, asset.binPath)), { recursive: true });
        await (0,promises_.rename)(file, external_node_path_.join(dir, asset.binPath));
    }
    await (0,promises_.access)(external_node_path_.join(dir, asset.binPath)).catch(() => {
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
            await (0,promises_.rm)(dest, { force: true });
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
            throw new errors/* UserError */.yo(`kustomize build of ${dir} failed: ${errorSummary(result)}`);
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
            throw new errors/* UserError */.yo(`kubectl apply failed: ${errorSummary(result)}.${conflict}`);
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
            throw new errors/* UserError */.yo(`kubectl diff failed: ${errorSummary(result)}`);
        return result.stdout;
    }
    /** The live objects a file names; those that do not exist are left out. */
    async get(file, namespace) {
        const args = ['get', '-f', file, '-o', 'json', '--ignore-not-found'];
        if (namespace)
            args.push('--namespace', namespace);
        const result = await this.exec(args);
        if (result.exitCode !== 0)
            throw new errors/* UserError */.yo(`kubectl get failed: ${errorSummary(result)}`);
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
                throw new errors/* UserError */.yo(`Reading the cluster's API discovery failed: ${errorSummary(result)}`);
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
            throw new errors/* UserError */.yo(`Creating namespace "${name}" failed: ${errorSummary(result)}`);
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

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/kubernetes/helm.js




/** helm, as found on PATH (GitHub-hosted runners carry it); used only to render charts, never to install them. */
class Helm {
    path;
    constructor(path) {
        this.path = path;
    }
    static async find() {
        const bin = await io/* which */.K7('helm', false);
        if (!bin) {
            throw new errors/* UserError */.yo('Rendering a Helm chart needs helm on PATH: install it in an earlier step (GitHub-hosted runners have it).');
        }
        return new Helm(bin);
    }
    /** `helm template` with the chart's CRDs included, as `helm install` would create them. */
    async template(options) {
        const args = ['template', options.release, options.chart, '--include-crds'];
        if (options.namespace)
            args.push('--namespace', options.namespace);
        for (const file of options.valuesFiles)
            args.push('--values', file);
        const result = await this.exec(args);
        if (result.exitCode !== 0)
            throw new errors/* UserError */.yo(`helm template of ${options.displayName} failed: ${errorSummary(result)}`);
        return result.stdout;
    }
    async exec(args) {
        printCommandLine(this.path, args);
        return execTool(this.path, args, { silent: true, allowFailure: true });
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
    const realRoot = await promises_.realpath(root);
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
            await promises_.rename(entry.temp, entry.target);
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
        folder = await promises_.realpath(external_node_path_.dirname(file));
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
        handle = await promises_.open(temp, CREATE_EXCLUSIVE, 0o600);
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
            await promises_.rm(temp, { force: true }).catch(() => undefined);
        throw new FileWriteError((0,file_scope/* relativeToRoot */.yY)(realRoot, target), error);
    }
}
async function restore(realRoot, renamed) {
    for (const entry of renamed) {
        try {
            if (entry.previous === undefined)
                await promises_.rm(entry.target, { force: true });
            else
                await promises_.rename(await writeTemporary(realRoot, entry.target, entry.previous, entry.mode), entry.target);
        }
        catch {
            // Best effort: the error that stopped the batch is the one reported.
        }
    }
}
async function removeTemporaries(staged) {
    await Promise.all(staged.map(({ temp }) => promises_.rm(temp, { force: true }).catch(() => undefined)));
}
async function readNoFollow(realRoot, file) {
    try {
        return await promises_.readFile(file, { flag: READ_NO_FOLLOW });
    }
    catch (error) {
        throw new FileWriteError((0,file_scope/* relativeToRoot */.yY)(realRoot, file), error);
    }
}
async function lstatOrUndefined(file) {
    try {
        return await promises_.lstat(file);
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return undefined;
        throw error;
    }
}

// EXTERNAL MODULE: ./tmp/ncc-input/src/core/image-ref.js
var image_ref = __webpack_require__(3977);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/bump/types.js
const PINS = (/* unused pure expression or super */ null && (['tag', 'digest', 'tag+digest']));
function pinnedVersion(target) {
    const { tag, digest } = target.image;
    switch (target.pin) {
        case 'tag':
            return { tag };
        case 'digest':
            return { digest };
        case 'tag+digest':
            return { tag, digest };
    }
}

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
        this.version = pinnedVersion(target);
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

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/bump/image-policy.js

// Kubernetes names: a namespace is a DNS label, an object name a DNS subdomain.
const NAMESPACE = /^[a-z0-9](?:[-a-z0-9]{0,61}[a-z0-9])?$/;
const NAME = /^[a-z0-9](?:[-a-z0-9.]{0,251}[a-z0-9])?$/;
const PART_SUFFIXES = { name: 'name', tag: 'tag', digest: 'digest' };
/** Reads `<namespace>:<name>`; a one-line UserError naming the input otherwise. */
function parseImagePolicy(text, inputName) {
    const value = text.trim();
    const [namespace, name, ...rest] = value.split(':');
    if (namespace === undefined || name === undefined || rest.length > 0) {
        throw new UserError(`Input "${inputName}" must be <namespace>:<name> of a Flux ImagePolicy, got "${value}".`);
    }
    if (!NAMESPACE.test(namespace)) {
        throw new UserError(`Input "${inputName}": "${namespace}" is not a valid Kubernetes namespace.`);
    }
    if (!NAME.test(name))
        throw new UserError(`Input "${inputName}": "${name}" is not a valid ImagePolicy name.`);
    return { namespace, name };
}
function formatImagePolicy(policy) {
    return `${policy.namespace}:${policy.name}`;
}
/** The part a marker's setter name asks of `policy`, or undefined when the marker is for another policy. */
function setterPart(setter, policy) {
    const own = formatImagePolicy(policy);
    if (setter === own)
        return 'image';
    if (!setter.startsWith(`${own}:`))
        return undefined;
    return PART_SUFFIXES[setter.slice(own.length + 1)];
}

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
                const part = setter === undefined ? undefined : setterPart(setter, policy);
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

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/bump/image-keys.js


const image_keys_PARTS = (/* unused pure expression or super */ null && (['repository', 'tag', 'digest']));
/**
 * Parses one rule per line: `[<glob>:] repository=<path> tag=<path> digest=<path>`, e.g.
 * `values/*.yaml: repository=api.image.name tag=api.image.version`. A tag or digest key is required.
 */
function parseImageKeys(text, inputName) {
    const rules = [];
    text.split(/\r?\n/).forEach((raw, index) => {
        const line = raw.trim();
        if (line === '' || line.startsWith('#'))
            return;
        const fail = (problem) => new UserError(`Input "${inputName}" line ${index + 1}: ${problem}`);
        const tokens = line.split(/\s+/);
        const glob = tokens[0]?.endsWith(':') ? tokens.shift().slice(0, -1) : undefined;
        const rule = { keys: {}, text: line, ...(glob === undefined ? {} : globRule(glob, fail)) };
        for (const token of tokens) {
            const equals = token.indexOf('=');
            const part = token.slice(0, equals);
            if (equals < 0 || !image_keys_PARTS.includes(part)) {
                throw fail(`"${token}" must be repository=, tag= or digest= followed by a key path such as image.tag.`);
            }
            if (rule.keys[part])
                throw fail(`"${part}" is named twice.`);
            const path = token.slice(equals + 1).split('.');
            if (path.some((segment) => segment === ''))
                throw fail(`"${token}" has an empty key in its path.`);
            rule.keys[part] = path;
        }
        if (!rule.keys.tag && !rule.keys.digest) {
            throw fail(`"${line}" names no tag= or digest= key, so there is nothing to write.`);
        }
        rules.push(rule);
    });
    return rules;
}
function globRule(glob, fail) {
    if (glob === '')
        throw fail('the file glob before ":" is empty.');
    if (glob.startsWith('/') || glob.split('/').includes('..')) {
        throw fail(`the glob "${glob}" must be relative to the working directory.`);
    }
    try {
        return { glob, matcher: globToRegExp(glob.replace(/^\.\//, '')) };
    }
    catch (error) {
        throw fail(error.message);
    }
}
/** The rules that apply to a file (its `/`-separated path relative to the working directory). */
function rulesFor(rules, path) {
    return (rules ?? []).filter((rule) => !rule.matcher || rule.matcher.test(path));
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/bump/editors/image-keys.js





/**
 * The keys `image-keys` names, for custom values layouts (`api.image.name` + `api.image.version`), as Image
 * Updater's `helm.image-name` / `helm.image-tag` and Kargo's key paths do. A rule with a repository key applies
 * where that key names the image; a rule without one applies wherever its tag or digest key is.
 */
class ImageKeysEditor {
    edit(manifest, session) {
        const rules = rulesFor(session.target.imageKeys, session.displayPath);
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
            known = promises_.stat(external_node_path_.join(dir, CHART_FILE)).then((stat) => stat.isFile(), () => false);
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
        const policy = formatImagePolicy(target.imagePolicy);
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

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/kubernetes/image-overrides.js


/** The bump target an override means: write what the reference carries (tag, digest or both). */
function overrideTarget(image) {
    return { image, pin: image.tag && image.digest ? 'tag+digest' : image.digest ? 'digest' : 'tag' };
}
/** Points every container of each image's repository at the given reference, in the rendered file only. */
async function overrideImages(file, images) {
    const bumper = new ManifestBumper();
    const changes = [];
    for (const image of images) {
        const bumps = await bumper.plan([file], external_node_path_.dirname(file), overrideTarget(image));
        await bumper.write(bumps, external_node_path_.dirname(file));
        changes.push(...bumps.flatMap((bump) => bump.changes));
    }
    return changes;
}

// EXTERNAL MODULE: ./tmp/ncc-input/src/core/kubernetes/kubeconfig.js
var kubernetes_kubeconfig = __webpack_require__(9014);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/kubernetes/manifest-set.js




/** Where this action records what it deployed, on each object's own metadata (never on pod templates). */
const ANNOTATIONS = {
    commit: 'gitops-delivery-actions/commit',
    runUrl: 'gitops-delivery-actions/run-url',
    imageDigests: 'gitops-delivery-actions/image-digests',
};
/** The label that scopes prune: only objects carrying it, with this set's name, can ever be deleted. */
const APPLY_SET_LABEL = 'gitops-delivery-actions/apply-set';
// An annotation value is kept well below the API server's 256 KiB budget for all annotations together.
const MAX_ANNOTATION_CHARS = 1024;
/** The rendered objects, checked to be Kubernetes objects, ready to be marked and written as one file. */
class ManifestSet {
    objects;
    constructor(objects) {
        this.objects = objects;
    }
    /** Parses rendered text; any document that is not YAML or not an object fails with its origin and line. */
    static parse(sources) {
        const objects = [];
        for (const source of sources) {
            const yaml = new YamlSource(source.origin, source.text);
            for (const document of yaml.documents) {
                if (document.contents === null)
                    continue;
                const line = document.contents.range ? yaml.lineOf(document.contents.range[0]) : undefined;
                const where = `${source.origin}${line ? `:${line}` : ''}`;
                const value = document.toJS({ maxAliasCount: 100 });
                if (!(0,dist/* isMap */.jh)(document.contents))
                    throw new errors/* UserError */.yo(`${where}: a manifest document must be a mapping.`, { file: source.origin, line });
                for (const object of flattenList(value))
                    objects.push(checked(object, where, source.origin, line));
            }
        }
        if (objects.length === 0)
            throw new errors/* UserError */.yo('The manifests render to no Kubernetes object.');
        return new ManifestSet(objects);
    }
    /** Adds the commit, the run URL and the digests of the images each object runs. */
    annotate(record) {
        for (const object of this.objects) {
            const digests = boundedList(imageDigestsOf(object), MAX_ANNOTATION_CHARS);
            const annotations = {
                ...(record.commit ? { [ANNOTATIONS.commit]: record.commit } : {}),
                ...(record.runUrl ? { [ANNOTATIONS.runUrl]: record.runUrl.slice(0, MAX_ANNOTATION_CHARS) } : {}),
                ...(digests ? { [ANNOTATIONS.imageDigests]: digests } : {}),
            };
            if (Object.keys(annotations).length > 0)
                object.metadata.annotations = { ...object.metadata.annotations, ...annotations };
        }
    }
    label(key, value) {
        for (const object of this.objects)
            object.metadata.labels = { ...object.metadata.labels, [key]: value };
    }
    toYaml() {
        return this.objects.map((object) => (0,dist/* stringify */.As)(object, { lineWidth: 0 })).join('---\n');
    }
}
function flattenList(value) {
    return value.kind === 'List' && Array.isArray(value.items) ? value.items : [value];
}
function checked(object, where, file, line) {
    const missing = [
        typeof object.apiVersion === 'string' && object.apiVersion ? undefined : 'apiVersion',
        typeof object.kind === 'string' && object.kind ? undefined : 'kind',
        typeof object.metadata?.name === 'string' && object.metadata.name ? undefined : 'metadata.name',
    ].filter(Boolean);
    if (missing.length > 0) {
        throw new errors/* UserError */.yo(`${where}: not a Kubernetes object: it has no ${missing.join(', ')}.`, { file, line });
    }
    return object;
}
/** `repo@sha256:...` of every container image the object runs that is pinned by digest. */
function imageDigestsOf(object) {
    const found = new Set();
    const visit = (value, key) => {
        if (Array.isArray(value)) {
            for (const item of value) {
                const image = item?.image;
                if ((key === 'containers' || key === 'initContainers') && typeof image === 'string') {
                    const ref = image_ref/* ImageRef */.ji.tryParse(image);
                    if (ref?.digest)
                        found.add(`${ref.spelledName}@${ref.digest}`);
                }
                visit(item);
            }
        }
        else if (typeof value === 'object' && value !== null) {
            for (const [childKey, child] of Object.entries(value))
                visit(child, childKey);
        }
    };
    visit(object.spec);
    return [...found];
}
/** Comma-separated items that fit in `limit` characters, with how many were left out. */
function boundedList(items, limit) {
    let text = '';
    for (const [index, item] of items.entries()) {
        const next = text ? `${text},${item}` : item;
        const rest = items.length - index - 1;
        if (next.length + (rest > 0 ? ` (+${rest} more)`.length : 0) > limit)
            return `${text} (+${items.length - index} more)`;
        text = next;
    }
    return text;
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/kubernetes/readiness.js
/**
 * When an applied object counts as ready. Deployments, StatefulSets and DaemonSets are judged by the rules and
 * messages of `kubectl rollout status`; a Job must complete; an Argo Rollout must be Healthy; anything else is
 * ready once it exists.
 */

const JUDGES = {
    'apps/Deployment': deployment,
    'apps/StatefulSet': statefulSet,
    'apps/DaemonSet': daemonSet,
    'batch/Job': job,
    'argoproj.io/Rollout': argoRollout,
};
/** True for the kinds whose readiness is awaited; the rest are ready once applied. */
function isAwaited(ref) {
    return `${groupOf(ref.apiVersion)}/${ref.kind}` in JUDGES;
}
function readinessOf(object) {
    const judge = JUDGES[`${groupOf(object.apiVersion)}/${object.kind}`];
    return judge ? judge(object) : { state: 'ready', message: `${object.kind} "${object.metadata.name}" exists` };
}
const waiting = (message) => ({ state: 'waiting', message });
const ready = (message) => ({ state: 'ready', message });
const failed = (message) => ({ state: 'failed', message });
function numbers(object) {
    const status = (object.status ?? {});
    return new Proxy({}, { get: (_, key) => Number(status[key] ?? 0) });
}
function conditionsOf(object) {
    const conditions = object.status?.conditions;
    return Array.isArray(conditions) ? conditions : [];
}
function observed(object) {
    const observedGeneration = Number(object.status?.observedGeneration ?? 0);
    return observedGeneration > 0 && Number(object.metadata.generation ?? 0) <= observedGeneration;
}
function deployment(object) {
    const name = object.metadata.name;
    if (!observed(object))
        return waiting('Waiting for deployment spec update to be observed...');
    const progressing = conditionsOf(object).find((condition) => condition.type === 'Progressing');
    if (progressing?.reason === 'ProgressDeadlineExceeded')
        return failed(`deployment "${name}" exceeded its progress deadline`);
    const status = numbers(object);
    const replicas = Number(object.spec?.replicas ?? 1);
    if (status.updatedReplicas < replicas) {
        return waiting(`Waiting for deployment "${name}" rollout to finish: ${status.updatedReplicas} out of ${replicas} new replicas have been updated...`);
    }
    if (status.replicas > status.updatedReplicas) {
        return waiting(`Waiting for deployment "${name}" rollout to finish: ${status.replicas - status.updatedReplicas} old replicas are pending termination...`);
    }
    if (status.availableReplicas < status.updatedReplicas) {
        return waiting(`Waiting for deployment "${name}" rollout to finish: ${status.availableReplicas} of ${status.updatedReplicas} updated replicas are available...`);
    }
    return ready(`deployment "${name}" successfully rolled out`);
}
function updateStrategy(object) {
    return (object.spec?.updateStrategy?.type ?? 'RollingUpdate');
}
function statefulSet(object) {
    if (updateStrategy(object) !== 'RollingUpdate')
        return failed('rollout status is only available for RollingUpdate strategy type');
    if (!observed(object))
        return waiting('Waiting for statefulset spec update to be observed...');
    const status = numbers(object);
    const replicas = Number(object.spec?.replicas ?? 1);
    if (status.readyReplicas < replicas)
        return waiting(`Waiting for ${replicas - status.readyReplicas} pods to be ready...`);
    const partition = Number(object.spec?.updateStrategy?.rollingUpdate?.partition ??
        0);
    if (partition > 0) {
        if (status.updatedReplicas < replicas - partition) {
            return waiting(`Waiting for partitioned roll out to finish: ${status.updatedReplicas} out of ${replicas - partition} new pods have been updated...`);
        }
        return ready(`partitioned roll out complete: ${status.updatedReplicas} new pods have been updated...`);
    }
    const { updateRevision, currentRevision } = (object.status ?? {});
    if (updateRevision !== currentRevision) {
        return waiting(`waiting for statefulset rolling update to complete ${status.updatedReplicas} pods at revision ${updateRevision}...`);
    }
    return ready(`statefulset rolling update complete ${status.currentReplicas} pods at revision ${currentRevision}...`);
}
function daemonSet(object) {
    const name = object.metadata.name;
    if (updateStrategy(object) !== 'RollingUpdate')
        return failed('rollout status is only available for RollingUpdate strategy type');
    if (!observed(object))
        return waiting('Waiting for daemon set spec update to be observed...');
    const status = numbers(object);
    if (status.updatedNumberScheduled < status.desiredNumberScheduled) {
        return waiting(`Waiting for daemon set "${name}" rollout to finish: ${status.updatedNumberScheduled} out of ${status.desiredNumberScheduled} new pods have been updated...`);
    }
    if (status.numberAvailable < status.desiredNumberScheduled) {
        return waiting(`Waiting for daemon set "${name}" rollout to finish: ${status.numberAvailable} of ${status.desiredNumberScheduled} updated pods are available...`);
    }
    return ready(`daemon set "${name}" successfully rolled out`);
}
function job(object) {
    const name = object.metadata.name;
    const conditions = conditionsOf(object).filter((condition) => condition.status === 'True');
    const failure = conditions.find((condition) => condition.type === 'Failed');
    if (failure)
        return failed(`job "${name}" failed: ${failure.reason ?? ''}${failure.message ? ` (${failure.message})` : ''}`);
    if (conditions.some((condition) => condition.type === 'Complete'))
        return ready(`job "${name}" completed`);
    return waiting(`Waiting for job "${name}" to complete: ${numbers(object).active} active pod(s)...`);
}
/** Argo Rollouts' own verdict: status.phase (v1.0+), after the controller has seen the current spec. */
function argoRollout(object) {
    const name = object.metadata.name;
    const status = (object.status ?? {});
    if (String(status.observedGeneration ?? '') !== String(object.metadata.generation ?? '')) {
        return waiting(`Waiting for rollout "${name}" spec update to be observed...`);
    }
    const progressing = conditionsOf(object).find((condition) => condition.type === 'Progressing');
    if (status.abort || progressing?.reason === 'RolloutAborted')
        return failed(`rollout "${name}" was aborted: ${status.message ?? ''}`);
    if (status.phase === 'Degraded' || progressing?.reason === 'ProgressDeadlineExceeded') {
        return failed(`rollout "${name}" is degraded: ${status.message ?? progressing?.message ?? ''}`);
    }
    if (status.phase === 'Healthy')
        return ready(`rollout "${name}" is healthy`);
    return waiting(`Waiting for rollout "${name}": ${status.phase ?? 'no phase yet'}${status.message ? ` (${status.message})` : ''}...`);
}
/** After an abort, an Argo Rollout is back when it acknowledges the abort and its stable pods are all available. */
function abortCompleted(object) {
    const name = object.metadata.name;
    const status = (object.status ?? {});
    const replicas = Number(object.spec?.replicas ?? 1);
    const aborted = conditionsOf(object).some((condition) => condition.type === 'Progressing' && condition.reason === 'RolloutAborted');
    if (status.abort && aborted && Number(status.availableReplicas ?? 0) >= replicas) {
        return ready(`rollout "${name}" aborted; its stable version serves ${replicas} replica(s)`);
    }
    return waiting(`Waiting for rollout "${name}" to go back to its stable version...`);
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/kubernetes/readiness-waiter.js







/**
 * Waits until every object is ready or has failed, looking at all those still pending with one
 * `kubectl get` per round; what is still pending at the deadline has failed with a timeout.
 */
async function waitForReadiness(kubectl, refs, options) {
    const judge = options.judge ?? readinessOf;
    const deadline = Date.now() + options.timeoutMs;
    const results = new Map();
    let pending = [...refs];
    const file = external_node_path_.join(options.workDir, 'awaited.yaml');
    for (;;) {
        await promises_.writeFile(file, pending.map((ref) => (0,dist/* stringify */.As)(refDocument(ref))).join('---\n'));
        const live = new Map((await kubectl.get(file)).map((object) => [refKey(refOf(object)), object]));
        const stillPending = [];
        for (const ref of pending) {
            const object = live.get(refKey(ref));
            const readiness = object
                ? judge(object)
                : { state: 'waiting', message: `${describeRef(ref)} is not there yet` };
            const previous = results.get(refKey(ref));
            if (previous?.readiness.message !== readiness.message)
                core/* info */.pq((0,workflow_commands/* escapeForLog */.zB)(`${describeRef(ref)}: ${readiness.message}`));
            results.set(refKey(ref), { ref, readiness, object });
            if (readiness.state === 'waiting')
                stillPending.push(ref);
        }
        pending = stillPending;
        if (pending.length === 0)
            break;
        if (Date.now() + options.pollMs > deadline) {
            for (const ref of pending) {
                const last = results.get(refKey(ref));
                const seconds = Math.round(options.timeoutMs / 1000);
                results.set(refKey(ref), {
                    ...last,
                    readiness: { state: 'failed', message: `timed out after ${seconds}s: ${last.readiness.message}` },
                });
            }
            break;
        }
        await new Promise((resolve) => setTimeout(resolve, options.pollMs));
    }
    return refs.map((ref) => results.get(refKey(ref)));
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/kubernetes/rollback.js


const UNDO = {
    action: 'rollout undo',
    rollBack: (kubectl, ref) => kubectl.rolloutUndo(ref),
    settled: readinessOf,
};
const ABORT = {
    action: 'abort',
    rollBack: (kubectl, ref) => kubectl.abortRollout(ref),
    settled: abortCompleted,
};
const STRATEGIES = {
    'apps/Deployment': UNDO,
    'apps/StatefulSet': UNDO,
    'apps/DaemonSet': UNDO,
    'argoproj.io/Rollout': ABORT,
};
function rollbackStrategyFor(ref) {
    return STRATEGIES[`${groupOf(ref.apiVersion)}/${ref.kind}`];
}
/**
 * What to roll back after a failed rollout: every workload whose pod template this run changed (so the release
 * goes back as a whole), and every failed Argo Rollout. A workload this run created has no earlier revision.
 */
function planRollback(failed, applied, before, refOf) {
    const plan = { steps: [], impossible: [] };
    const failedKeys = new Set(failed.map(refKey));
    for (const object of applied) {
        const ref = refOf(object);
        const strategy = rollbackStrategyFor(ref);
        const isFailed = failedKeys.has(refKey(ref));
        if (!strategy) {
            if (isFailed)
                plan.impossible.push({ ref, reason: `a ${ref.kind} has no rollout to roll back` });
            continue;
        }
        if (strategy === ABORT) {
            if (isFailed)
                plan.steps.push({ ref, strategy });
            continue;
        }
        const previous = before.get(refKey(ref));
        const changed = previous !== undefined && canonicalJson(previous.spec?.template) !== canonicalJson(object.spec?.template);
        if (changed)
            plan.steps.push({ ref, strategy });
        else if (isFailed) {
            plan.impossible.push({
                ref,
                reason: previous
                    ? 'this run did not change its pod template'
                    : 'this run created it, so it has no earlier revision',
            });
        }
    }
    return plan;
}
/** JSON with sorted keys, so two servings of the same template compare equal. */
function canonicalJson(value) {
    return JSON.stringify(value, (_, child) => typeof child === 'object' && child !== null && !Array.isArray(child)
        ? Object.fromEntries(Object.entries(child).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        : child);
}

// EXTERNAL MODULE: ./tmp/ncc-input/src/core/kubernetes/renderers/choose-renderer.js + 3 modules
var choose_renderer = __webpack_require__(5595);
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

// EXTERNAL MODULE: ./tmp/ncc-input/src/actions/kubectl-apply/settings.js + 1 modules
var kubectl_apply_settings = __webpack_require__(3722);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/actions/kubectl-apply/run.js




















/** A rollout did not become ready: the action fails after its outputs and summary are written. */
class RolloutFailedError extends Error {
}
const DEFAULT_POLL_MS = 2000;
// kubectl's default prune list, less what controllers create (pods, endpoints, replica sets).
const PRUNED_KINDS = [
    'configmap',
    'secret',
    'service',
    'serviceaccount',
    'persistentvolumeclaim',
    'namespace',
    'deployment.apps',
    'statefulset.apps',
    'daemonset.apps',
    'job.batch',
    'cronjob.batch',
    'ingress.networking.k8s.io',
];
const MAX_EVENTS_PER_OBJECT = 10;
/**
 * Renders the manifests, marks them, checks them with a server-side dry run, applies them with one
 * `kubectl apply`, waits for readiness and rolls back what this run changed when a rollout fails.
 */
async function kubectlApply(settings, host, seams = {}) {
    const scratch = await host.scratchFolder('kubectl-apply-');
    const workDir = scratch.path;
    let kubeconfigFile;
    let forgetKubeconfig = () => { };
    try {
        if (settings.kubeconfig) {
            const kubeconfig = kubernetes_kubeconfig.Kubeconfig.parse(settings.kubeconfig, kubectl_apply_settings/* INPUTS */.mc.kubeconfig, settings.context);
            const file = kubernetes_kubeconfig.Kubeconfig.fileUnder(host.tempDir);
            kubeconfigFile = file;
            host.saveState(kubectl_apply_settings/* STATE */.c4.kubeconfigFile, file);
            forgetKubeconfig = (0,cleanup/* onCancel */.Ao)(() => kubernetes_kubeconfig.Kubeconfig.remove(file));
            await kubeconfig.write(file);
        }
        const kubectl = await Kubectl.create({
            version: settings.kubectlVersion,
            sha256: settings.kubectlSha256,
            kubeconfig: kubeconfigFile,
            context: settings.context,
            install: seams.install,
        });
        const { manifests, imageChanges, renderer } = await renderManifests(settings, kubectl, workDir, {
            commit: host.context.sha,
            runUrl: host.context.links.runUrl,
        });
        const manifestsFile = external_node_path_.join(workDir, 'manifests.yaml');
        await promises_.writeFile(manifestsFile, manifests.toYaml());
        const run = new ApplyRun(settings, kubectl, workDir, host.setOutput, seams);
        return await run.execute(manifests, manifestsFile, { renderer, imageChanges });
    }
    finally {
        await scratch.remove();
        forgetKubeconfig();
        if (kubeconfigFile)
            await kubernetes_kubeconfig.Kubeconfig.remove(kubeconfigFile);
    }
}
async function renderManifests(settings, kubectl, workDir, record) {
    const renderer = await (0,choose_renderer/* chooseRenderer */.P)({
        manifests: settings.manifests,
        root: settings.workingDirectory,
        renderer: settings.renderer,
        helmRelease: settings.helmRelease,
        helmValues: settings.helmValues,
        namespace: settings.namespace,
    }, { kubectl, helm: () => Helm.find() });
    core/* info */.pq(`Rendering ${settings.manifests.map(workflow_commands/* escapeForLog */.zB).join(', ')} with the ${renderer.name} renderer`);
    const rendered = ManifestSet.parse(await renderer.render());
    // Image overrides edit the rendered copy with the bump core; the repository is never touched.
    const renderedFile = external_node_path_.join(workDir, 'rendered.yaml');
    await promises_.writeFile(renderedFile, rendered.toYaml());
    const imageChanges = await overrideImages(renderedFile, settings.images);
    const manifests = ManifestSet.parse([{ origin: 'the rendered copy', text: await promises_.readFile(renderedFile, 'utf8') }]);
    manifests.annotate(record);
    if (settings.applySet)
        manifests.label(APPLY_SET_LABEL, settings.applySet);
    return { manifests, imageChanges, renderer: renderer.name };
}
/** One run after rendering: dry run, or apply, wait and roll back, with its outputs and summary. */
class ApplyRun {
    settings;
    kubectl;
    workDir;
    setOutput;
    seams;
    summary = new JobSummary();
    options;
    constructor(settings, kubectl, workDir, setOutput, seams) {
        this.settings = settings;
        this.kubectl = kubectl;
        this.workDir = workDir;
        this.setOutput = setOutput;
        this.seams = seams;
        this.options = {
            serverSide: settings.serverSide,
            fieldManager: settings.fieldManager,
            forceConflicts: settings.forceConflicts,
            namespace: settings.namespace,
        };
    }
    async execute(manifests, manifestsFile, facts) {
        const mode = this.settings.dryRun === 'none' ? '' : ` (dry run: ${this.settings.dryRun})`;
        this.summary.heading(`kubectl-apply${mode}`);
        this.summary.paragraph(`${manifests.objects.length} object(s) rendered by ${facts.renderer}, applied ${this.settings.serverSide ? 'server-side' : 'client-side'} as field manager ${code(this.settings.fieldManager)}${this.settings.namespace ? ` into namespace ${code(this.settings.namespace)}` : ''}.`);
        if (facts.imageChanges.length > 0) {
            this.summary.table(['Image override', 'Was'], facts.imageChanges.map((change) => [code(change.to), code(change.from)]));
            for (const change of facts.imageChanges)
                core/* info */.pq((0,workflow_commands/* escapeForLog */.zB)(`Image override: ${change.from} -> ${change.to}`));
        }
        if (this.settings.dryRun !== 'none')
            return this.dryRun(manifests, manifestsFile);
        if (this.settings.createNamespace && this.settings.namespace) {
            await this.kubectl.ensureNamespace(this.settings.namespace, this.settings.fieldManager);
        }
        // The three read only (the preflight is a dry run), so each runs in its own kubectl process at once; an unserved
        // kind is reported first, in the action's words, then the server's verdict on the set.
        const checks = [this.checkKinds(manifests), this.preflight(manifests), this.liveWorkloads(manifests)];
        const failed = (await Promise.allSettled(checks)).find((result) => result.status === 'rejected');
        if (failed)
            throw failed.reason;
        const [, checkedAll, before] = await Promise.all(checks);
        // The server has just validated this very set strictly: kubectl need not fetch the OpenAPI and check it again.
        const applied = await this.kubectl.apply(manifestsFile, { ...this.options, validate: !checkedAll });
        this.setObjects(applied);
        this.setOutput(kubectl_apply_settings/* OUTPUTS */.py.diff, '');
        core/* info */.pq(`Applied ${applied.length} object(s) with one kubectl apply.`);
        if (this.settings.prune)
            await this.prune(manifests, applied);
        const awaited = this.settings.wait ? applied.map(refOf).filter(isAwaited) : [];
        const results = awaited.length > 0 ? await this.waitFor(awaited) : [];
        this.summarizeObjects(applied, results);
        const failures = results.filter((result) => result.readiness.state === 'failed');
        if (failures.length === 0)
            return this.finish('succeeded');
        await this.reportFailures(failures);
        if (!this.settings.rollbackOnFailure) {
            await this.finish('failed');
            throw new RolloutFailedError(`${failureList(failures)}; rollback-on-failure is off, nothing was rolled back.`);
        }
        const plan = planRollback(failures.map((failure) => failure.ref), applied, before, refOf);
        const rolledBack = await this.rollBack(plan);
        const status = rolledBack && plan.impossible.length === 0 ? 'rolled-back' : 'failed';
        await this.finish(status);
        throw new RolloutFailedError(`${failureList(failures)}; ${status === 'rolled-back' ? 'rolled back' : 'the rollback did not complete'}.`);
    }
    async dryRun(manifests, manifestsFile) {
        let diff;
        if (this.settings.dryRun === 'server')
            diff = await this.kubectl.diff(manifestsFile, this.options);
        else
            diff = clientDiff(manifests.objects, await this.kubectl.get(manifestsFile, this.settings.namespace));
        this.setObjects(manifests.objects);
        this.setOutput(kubectl_apply_settings/* OUTPUTS */.py.diff, diff);
        if (diff)
            (0,workflow_commands/* printUntrusted */.Qi)(diff);
        else
            core/* info */.pq('No differences.');
        if (diff)
            this.summary.details('Diff', diff, 'diff');
        else
            this.summary.paragraph('No differences with the cluster.');
        return this.finish('succeeded');
    }
    setObjects(objects) {
        const refs = objects.map(refOf);
        this.setOutput(kubectl_apply_settings/* OUTPUTS */.py.objects, refs.map(objectPath).join('\n'));
        this.setOutput(kubectl_apply_settings/* OUTPUTS */.py.objectsJson, JSON.stringify(refs));
    }
    /** Every kind must be served by the cluster (or be a CRD of this very set), or nothing is applied. */
    async checkKinds(manifests) {
        const served = await this.kubectl.servedKinds();
        const defined = new Set(manifests.objects
            .filter((object) => object.kind === 'CustomResourceDefinition')
            .map((object) => `${object.spec?.group}/${object.spec?.names?.kind}`));
        for (const object of manifests.objects) {
            const kind = `${groupOf(object.apiVersion)}/${object.kind}`;
            if (defined.has(kind) || (served.versions.has(object.apiVersion) && served.kinds.has(kind)))
                continue;
            throw new errors/* UserError */.yo(`${describeRef(refOf(object))}: the cluster serves no kind "${object.kind}" in "${object.apiVersion}"; install its CRD first or use an API version the cluster serves.`);
        }
    }
    /**
     * Everything is first checked by the API server with a dry run (unknown kinds, schema, conflicts, admission),
     * so a bad object leaves the cluster untouched. Objects in a namespace the same set creates cannot be
     * dry-run before that namespace exists; they are checked by the apply itself.
     */
    async preflight(manifests) {
        const created = new Set(manifests.objects
            .filter((object) => object.apiVersion === 'v1' && object.kind === 'Namespace')
            .map((object) => object.metadata.name));
        const checkable = manifests.objects.filter((object) => !created.has(object.metadata.namespace ?? this.settings.namespace ?? ''));
        if (checkable.length === 0)
            return false;
        // One kubectl process: against a current API server (aggregated discovery, OpenAPI v3, server-side field
        // validation) kubectl's own cost is its start and the OpenAPI download, so splitting the set across processes
        // (once ~4x faster, when kubectl checked each object client-side) now costs 3x as much: 434 ms against 1,331 ms
        // for 20 objects (docs/performance.md, kubectl-apply).
        const file = external_node_path_.join(this.workDir, 'preflight.yaml');
        await promises_.writeFile(file, checkable.map((object) => (0,dist/* stringify */.As)(object, { lineWidth: 0 })).join('---\n'));
        await this.kubectl.apply(file, { ...this.options, dryRun: true });
        return checkable.length === manifests.objects.length;
    }
    /**
     * Deletes what an earlier run of this apply-set applied and this one no longer renders: only objects with the
     * set's label, of kubectl's usual prune kinds plus the kinds in the set, in the namespaces this run applied to.
     * (kubectl's own --prune refuses server-side apply outside its alpha applysets.)
     */
    async prune(manifests, applied) {
        const selector = `${APPLY_SET_LABEL}=${this.settings.applySet}`;
        const kinds = [...new Set([...PRUNED_KINDS, ...manifests.objects.map((object) => kindName(refOf(object)))])];
        const current = new Set(applied.map((object) => refKey(refOf(object))));
        // Only the namespaces this run applied to (and cluster-scoped objects): the same set name elsewhere is not ours.
        const namespaces = new Set(applied.map((object) => object.metadata.namespace).filter(Boolean));
        const stale = (await this.kubectl.list(kinds, selector)).filter((object) => !current.has(refKey(refOf(object))) &&
            (object.metadata.namespace === undefined || namespaces.has(object.metadata.namespace)));
        if (stale.length === 0)
            return;
        const file = external_node_path_.join(this.workDir, 'prune.yaml');
        await promises_.writeFile(file, stale.map((object) => (0,dist/* stringify */.As)(refDocument(refOf(object)))).join('---\n'));
        await this.kubectl.delete(file);
        this.summary.table(['Pruned'], stale.map((object) => [describeRef(refOf(object))]));
    }
    /** The workloads as they are before the apply, to tell which ones this run changes (only when it may roll back). */
    async liveWorkloads(manifests) {
        const workloads = manifests.objects.filter((object) => isAwaited(refOf(object)));
        if (!this.settings.wait || !this.settings.rollbackOnFailure || workloads.length === 0)
            return new Map();
        const file = external_node_path_.join(this.workDir, 'workloads.yaml');
        await promises_.writeFile(file, workloads.map((object) => (0,dist/* stringify */.As)(object, { lineWidth: 0 })).join('---\n'));
        const live = await this.kubectl.get(file, this.settings.namespace);
        return new Map(live.map((object) => [refKey(refOf(object)), object]));
    }
    waitFor(refs, judge) {
        return waitForReadiness(this.kubectl, refs, {
            timeoutMs: this.settings.timeoutSeconds * 1000,
            pollMs: this.seams.pollMs ?? DEFAULT_POLL_MS,
            workDir: this.workDir,
            judge,
        });
    }
    /** The conditions and recent events of each failed object (and of its ReplicaSets and pods), in log and summary. */
    async reportFailures(failures) {
        const namespaces = [
            ...new Set(failures.map((failure) => failure.ref.namespace).filter((namespace) => !!namespace)),
        ];
        const events = (await Promise.all(namespaces.map((namespace) => this.kubectl.events(namespace)))).flat();
        for (const failure of failures) {
            const lines = [
                ...conditionsOf(failure.object ?? {}).map((condition) => `condition ${condition.type}=${condition.status}${condition.reason ? ` ${condition.reason}` : ''}${condition.message ? `: ${condition.message}` : ''}`),
                ...relatedEvents(events, failure.ref).map((event) => `event ${event.type} ${event.reason} on ${event.involvedObject.kind} ${event.involvedObject.name}: ${event.message}`),
            ];
            core/* error */.z3(`${describeRef(failure.ref)} did not become ready: ${failure.readiness.message}`);
            (0,workflow_commands/* printUntrusted */.Qi)(lines.map((line) => `  ${line}`).join('\n'));
            this.summary.details(`${describeRef(failure.ref)}: ${failure.readiness.message}`, lines.join('\n') || 'No conditions or events.');
        }
    }
    async rollBack(plan) {
        for (const { ref, reason } of plan.impossible)
            core/* warning */.$e(`${describeRef(ref)} cannot be rolled back: ${reason}.`);
        for (const { ref, strategy } of plan.steps) {
            core/* info */.pq((0,workflow_commands/* escapeForLog */.zB)(`Rolling back ${describeRef(ref)} (${strategy.action})`));
            await strategy.rollBack(this.kubectl, ref);
        }
        const strategies = new Map(plan.steps.map((step) => [refKey(step.ref), step.strategy]));
        const settled = plan.steps.length > 0
            ? await this.waitFor(plan.steps.map((step) => step.ref), (object) => {
                const strategy = strategies.get(refKey(refOf(object)));
                return strategy ? strategy.settled(object) : { state: 'ready', message: '' };
            })
            : [];
        this.summary.table(['Rolled back', 'How', 'Result'], [
            ...plan.steps.map((step, index) => [
                describeRef(step.ref),
                step.strategy.action,
                settled[index]?.readiness.message ?? '',
            ]),
            ...plan.impossible.map(({ ref, reason }) => [describeRef(ref), 'not rolled back', reason]),
        ]);
        return plan.steps.length > 0 && settled.every((result) => result.readiness.state === 'ready');
    }
    summarizeObjects(applied, results) {
        const verdicts = new Map(results.map((result) => [refKey(result.ref), result.readiness]));
        this.summary.table(['Object', 'Readiness'], applied.map((object) => {
            const readiness = verdicts.get(refKey(refOf(object)));
            return [
                describeRef(refOf(object)),
                readiness ? `${readiness.state}: ${readiness.message}` : this.settings.wait ? 'present' : 'not awaited',
            ];
        }));
    }
    async finish(status) {
        this.setOutput(kubectl_apply_settings/* OUTPUTS */.py.status, status);
        this.setOutput(kubectl_apply_settings/* OUTPUTS */.py.rolledBack, String(status === 'rolled-back'));
        this.summary.paragraph(`Status: **${status}**`);
        await this.summary.write(this.seams.summaryFile);
        return status;
    }
}
/** Events about the object itself or about what it owns by name (its ReplicaSets `web-<hash>`, pods `web-<hash>-<id>`). */
function relatedEvents(events, ref) {
    return events
        .filter((event) => event.involvedObject.name === ref.name || event.involvedObject.name?.startsWith(`${ref.name}-`))
        .sort((a, b) => String(a.lastTimestamp).localeCompare(String(b.lastTimestamp)))
        .slice(-MAX_EVENTS_PER_OBJECT);
}
/** `deployment.apps`, `configmap`: a kind as `kubectl get` takes it. */
function kindName(ref) {
    const group = groupOf(ref.apiVersion);
    return `${ref.kind.toLowerCase()}${group ? `.${group}` : ''}`;
}
function failureList(failures) {
    return `${failures.map((failure) => `${describeRef(failure.ref)} did not become ready (${failure.readiness.message})`).join('; ')}`;
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
