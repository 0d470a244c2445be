export const id = 314;
export const ids = [314];
export const modules = {

/***/ 82855:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ZD: () => (/* binding */ printCommandLine),
/* harmony export */   m: () => (/* binding */ ToolFailedError),
/* harmony export */   w$: () => (/* binding */ lastLines),
/* harmony export */   wc: () => (/* binding */ execTool)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_string_decoder__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(46193);
/* harmony import */ var _cleanup_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(43212);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(41877);
/* harmony import */ var _workflow_commands_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(45618);






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
    const commandLine = (0,_secrets_js__WEBPACK_IMPORTED_MODULE_4__/* .redact */ .E$)([tool, ...args].join(' '));
    // Line by line rather than in a stop-commands block: the tool's stderr and stdout reach the runner through two
    // pipes, in no fixed order, so a block on one could not be relied on to cover the other.
    const echo = (stream) => (line) => {
        if (!options.silent)
            stream.write(`${(0,_workflow_commands_js__WEBPACK_IMPORTED_MODULE_5__/* .neutralizeLine */ .a0)((0,_secrets_js__WEBPACK_IMPORTED_MODULE_4__/* .redact */ .E$)(line))}\n`);
    };
    if (!options.silent)
        printCommandLine(tool, args);
    const output = await runTool(tool, args, options, echo(process.stdout), echo(process.stderr));
    const result = { exitCode: output.exitCode, stdout: (0,_secrets_js__WEBPACK_IMPORTED_MODULE_4__/* .redact */ .E$)(output.stdout), stderr: (0,_secrets_js__WEBPACK_IMPORTED_MODULE_4__/* .redact */ .E$)(output.stderr) };
    if (result.exitCode !== 0 && !options.allowFailure)
        throw new ToolFailedError(commandLine, result);
    return result;
}
// How long a cancelled tool gets between SIGTERM and SIGKILL; the runner's own SIGKILL comes about 7.5 s after SIGINT.
const STOP_GRACE_MS = 3000;
function runTool(tool, args, options, onStdoutLine, onStderrLine) {
    return new Promise((resolve, reject) => {
        // A process group of its own, so that a cancel can stop the tool and whatever it started, and nothing else.
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(tool, [...args], {
            cwd: options.cwd,
            env: options.env ? { ...process.env, ...options.env } : process.env,
            stdio: ['pipe', 'pipe', 'pipe'],
            detached: true,
        });
        const forget = (0,_cleanup_js__WEBPACK_IMPORTED_MODULE_3__/* .onCancel */ .Ao)(() => stopProcessGroup(child));
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
            const exitCode = code ?? 128 + (signal ? node_os__WEBPACK_IMPORTED_MODULE_1__.constants.signals[signal] : 0);
            resolve({ exitCode, stdout: stdout(), stderr: stderr() });
        });
        // A tool that reads its input must see it end, whether or not there is any.
        child.stdin.on('error', () => undefined);
        child.stdin.end(options.input);
    });
}
/** Calls `onLine` for each line as it comes; returns a function that gives all of it once the stream has ended. */
function collectLines(stream, onLine) {
    const decoder = new node_string_decoder__WEBPACK_IMPORTED_MODULE_2__.StringDecoder('utf8');
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
    process.stdout.write(`[command]${(0,_workflow_commands_js__WEBPACK_IMPORTED_MODULE_5__/* .escapeForLog */ .zB)((0,_secrets_js__WEBPACK_IMPORTED_MODULE_4__/* .redact */ .E$)([tool, ...args].join(' ')))}\n`);
}
function lastLines(text, count) {
    return text.trim().split(/\r?\n/).slice(-count).join(' | ');
}


/***/ }),

/***/ 75877:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  qJ: () => (/* binding */ HttpCertificateError),
  HO: () => (/* binding */ HttpIdleError),
  F9: () => (/* binding */ HttpStatusError),
  r4: () => (/* binding */ HttpStreamSpentError),
  Iu: () => (/* binding */ HttpTimeoutError),
  Q: () => (/* binding */ downloadToFile),
  aj: () => (/* binding */ httpRequest),
  tW: () => (/* binding */ openHttpStream)
});

// UNUSED EXPORTS: HttpAnswerError

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(37067);
var external_node_http_namespaceObject = /*#__PURE__*/__webpack_require__.t(external_node_http_, 2);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(44708);
var external_node_https_namespaceObject = /*#__PURE__*/__webpack_require__.t(external_node_https_, 2);
// EXTERNAL MODULE: external "node:stream/promises"
var promises_ = __webpack_require__(46466);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/retry.js
var retry = __webpack_require__(68422);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/secrets.js
var secrets = __webpack_require__(41877);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(41692);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(77030);
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
            const retryAfter = (0,retry/* parseRetryAfter */.mu)(headerValue(response, 'retry-after'));
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


/***/ }),

/***/ 68422:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L5: () => (/* binding */ retry),
/* harmony export */   mu: () => (/* binding */ parseRetryAfter)
/* harmony export */ });
/* unused harmony export backoffMs */
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58500);
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(92202);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5685);
/* harmony import */ var _workflow_commands_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(45618);




const DEFAULT_MAX_RETRY_AFTER_MS = 60_000;
/**
 * Runs `call` (given the attempt number, from 1) until it resolves, an error is not retryable, or the attempts are
 * spent; then the last error is thrown unchanged, so each caller words its own failure (it knows the attempts).
 */
async function retry(call, options) {
    const wait = options.sleep ?? node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setTimeout;
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
                const reason = options.describe?.(error) ?? (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error);
                _actions_core__WEBPACK_IMPORTED_MODULE_1__/* .info */ .pq(`${options.what} failed (${(0,_workflow_commands_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeForLog */ .zB)(reason)}); attempt ${attempt + 1} of ${options.attempts} in ${delayMs} ms`);
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


/***/ }),

/***/ 80412:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ code),
/* harmony export */   c: () => (/* binding */ JobSummary)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);

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
        await node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.appendFile(file, this.toMarkdown() + '\n');
    }
}
function code(text) {
    return `\`${text.replace(/`/g, "'")}\``;
}
function escapeCell(text) {
    return text.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}


/***/ })

};
