export const id = 699;
export const ids = [699,585];
export const modules = {

/***/ 28699:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  SyncNotReachedError: () => (/* binding */ SyncNotReachedError),
  waitForSyncAction: () => (/* binding */ waitForSyncAction)
});

// EXTERNAL MODULE: ./tmp/ncc-input/node_modules/@actions/core/lib/core.js + 6 modules
var core = __webpack_require__(92202);
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
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/http/request.js + 2 modules
var request = __webpack_require__(75877);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/secrets.js
var secrets = __webpack_require__(41877);
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
        const response = await (0,request/* httpRequest */.aj)(url.toString(), {
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
            const stream = await (0,request/* openHttpStream */.tW)(url.toString(), {
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
                if (error instanceof request/* HttpIdleError */.HO || error instanceof request/* HttpStreamSpentError */.r4)
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
        if (error instanceof request/* HttpCertificateError */.qJ) {
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
var gitops_agent_revision = __webpack_require__(27940);
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

// EXTERNAL MODULE: ./tmp/ncc-input/src/core/exec.js
var exec = __webpack_require__(82855);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/kubernetes/kubectl.js
var kubectl = __webpack_require__(33979);
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
        return (0,exec/* execTool */.wc)(this.kubectl, [...this.connection, ...args], { silent: true, allowFailure: true });
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
    return new Error(`kubectl could not read ${what}: ${(0,kubectl/* errorSummary */.N5)(result)}`);
}

// EXTERNAL MODULE: ./tmp/ncc-input/src/core/github/api-errors.js
var api_errors = __webpack_require__(95712);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/github/repository.js
var github_repository = __webpack_require__(14548);
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

// EXTERNAL MODULE: ./tmp/ncc-input/src/core/summary.js
var core_summary = __webpack_require__(80412);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/gitops-agent/sync-summary.js

/** The job summary: the outcome, a timeline (merged, seen, synced, healthy), unhealthy resources, images running. */
function syncSummary(result, facts) {
    const summary = new core_summary/* JobSummary */.c().heading(`wait-for-sync: ${result.status}`);
    summary.table(['', ''], [
        ['Agent', facts.target],
        ['Awaited commit', (0,core_summary/* code */.a)(facts.awaited)],
        ['Running commit', result.revision ? (0,core_summary/* code */.a)(result.revision) : 'unknown'],
        ['Health', result.health],
        ['Agent says', result.message],
        ...(result.previousRevision ? [['Previous commit', (0,core_summary/* code */.a)(result.previousRevision)]] : []),
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
        summary.paragraph(`Seen running: ${[...new Set(result.imagesSeen)].map(core_summary/* code */.a).join(', ')}`);
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
var image_ref = __webpack_require__(83977);
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

// EXTERNAL MODULE: ./tmp/ncc-input/src/core/github/client.js + 1 modules
var client = __webpack_require__(65585);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/installer.js
var installer = __webpack_require__(71320);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/kubernetes/kubeconfig.js
var kubernetes_kubeconfig = __webpack_require__(49014);
// EXTERNAL MODULE: ./tmp/ncc-input/src/actions/wait-for-sync/settings.js
var wait_for_sync_settings = __webpack_require__(84043);
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
        ? new ManifestsRepository((0,client.createGitHubClient)({
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
        const kubectl = await (0,installer/* installTool */.Gn)({ tool: 'kubectl' }, seams.install);
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
