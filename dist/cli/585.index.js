export const id = 585;
export const ids = [585];
export const modules = {

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
