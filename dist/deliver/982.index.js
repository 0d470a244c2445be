export const id = 982;
export const ids = [982];
export const modules = {

/***/ 84982:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  RolloutFailedError: () => (/* binding */ RolloutFailedError),
  kubectlApply: () => (/* binding */ kubectlApply)
});

// EXTERNAL MODULE: ./tmp/ncc-input/node_modules/@actions/core/lib/core.js + 6 modules
var core = __webpack_require__(92202);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./node_modules/diff/libesm/patch/create.js + 2 modules
var create = __webpack_require__(37291);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/kubernetes/kube-object.js
var kube_object = __webpack_require__(24054);
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
    return ((0,kube_object/* groupOf */.F8)(live.apiVersion) === (0,kube_object/* groupOf */.F8)(desired.apiVersion) &&
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
var io = __webpack_require__(88701);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/errors.js
var errors = __webpack_require__(5685);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/exec.js
var exec = __webpack_require__(82855);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/kubernetes/kubectl.js
var kubernetes_kubectl = __webpack_require__(33979);
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
            throw new errors/* UserError */.yo(`helm template of ${options.displayName} failed: ${(0,kubernetes_kubectl/* errorSummary */.N5)(result)}`);
        return result.stdout;
    }
    async exec(args) {
        (0,exec/* printCommandLine */.ZD)(this.path, args);
        return (0,exec/* execTool */.wc)(this.path, args, { silent: true, allowFailure: true });
    }
}

// EXTERNAL MODULE: ./tmp/ncc-input/src/core/bump/bumper.js + 12 modules
var bump_bumper = __webpack_require__(26688);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/kubernetes/image-overrides.js


/** The bump target an override means: write what the reference carries (tag, digest or both). */
function overrideTarget(image) {
    return { image, pin: image.tag && image.digest ? 'tag+digest' : image.digest ? 'digest' : 'tag' };
}
/** Points every container of each image's repository at the given reference, in the rendered file only. */
async function overrideImages(file, images) {
    const bumper = new bump_bumper/* ManifestBumper */.dF();
    const changes = [];
    for (const image of images) {
        const bumps = await bumper.plan([file], external_node_path_.dirname(file), overrideTarget(image));
        await bumper.write(bumps, external_node_path_.dirname(file));
        changes.push(...bumps.flatMap((bump) => bump.changes));
    }
    return changes;
}

// EXTERNAL MODULE: ./tmp/ncc-input/src/core/kubernetes/kubeconfig.js
var kubernetes_kubeconfig = __webpack_require__(49014);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/bump/yaml-source.js
var yaml_source = __webpack_require__(26);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/image-ref.js
var image_ref = __webpack_require__(83977);
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
            const yaml = new yaml_source/* YamlSource */.rC(source.origin, source.text);
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
    return `${(0,kube_object/* groupOf */.F8)(ref.apiVersion)}/${ref.kind}` in JUDGES;
}
function readinessOf(object) {
    const judge = JUDGES[`${(0,kube_object/* groupOf */.F8)(object.apiVersion)}/${object.kind}`];
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

// EXTERNAL MODULE: ./tmp/ncc-input/src/core/workflow-commands.js
var workflow_commands = __webpack_require__(45618);
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
        await promises_.writeFile(file, pending.map((ref) => (0,dist/* stringify */.As)((0,kube_object/* refDocument */.Vf)(ref))).join('---\n'));
        const live = new Map((await kubectl.get(file)).map((object) => [(0,kube_object/* refKey */.XF)((0,kube_object/* refOf */.H8)(object)), object]));
        const stillPending = [];
        for (const ref of pending) {
            const object = live.get((0,kube_object/* refKey */.XF)(ref));
            const readiness = object
                ? judge(object)
                : { state: 'waiting', message: `${(0,kube_object/* describeRef */.Ro)(ref)} is not there yet` };
            const previous = results.get((0,kube_object/* refKey */.XF)(ref));
            if (previous?.readiness.message !== readiness.message)
                core/* info */.pq((0,workflow_commands/* escapeForLog */.zB)(`${(0,kube_object/* describeRef */.Ro)(ref)}: ${readiness.message}`));
            results.set((0,kube_object/* refKey */.XF)(ref), { ref, readiness, object });
            if (readiness.state === 'waiting')
                stillPending.push(ref);
        }
        pending = stillPending;
        if (pending.length === 0)
            break;
        if (Date.now() + options.pollMs > deadline) {
            for (const ref of pending) {
                const last = results.get((0,kube_object/* refKey */.XF)(ref));
                const seconds = Math.round(options.timeoutMs / 1000);
                results.set((0,kube_object/* refKey */.XF)(ref), {
                    ...last,
                    readiness: { state: 'failed', message: `timed out after ${seconds}s: ${last.readiness.message}` },
                });
            }
            break;
        }
        await new Promise((resolve) => setTimeout(resolve, options.pollMs));
    }
    return refs.map((ref) => results.get((0,kube_object/* refKey */.XF)(ref)));
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
    return STRATEGIES[`${(0,kube_object/* groupOf */.F8)(ref.apiVersion)}/${ref.kind}`];
}
/**
 * What to roll back after a failed rollout: every workload whose pod template this run changed (so the release
 * goes back as a whole), and every failed Argo Rollout. A workload this run created has no earlier revision.
 */
function planRollback(failed, applied, before, refOf) {
    const plan = { steps: [], impossible: [] };
    const failedKeys = new Set(failed.map(kube_object/* refKey */.XF));
    for (const object of applied) {
        const ref = refOf(object);
        const strategy = rollbackStrategyFor(ref);
        const isFailed = failedKeys.has((0,kube_object/* refKey */.XF)(ref));
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
        const previous = before.get((0,kube_object/* refKey */.XF)(ref));
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
var choose_renderer = __webpack_require__(65595);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/summary.js
var summary = __webpack_require__(80412);
// EXTERNAL MODULE: ./tmp/ncc-input/src/actions/kubectl-apply/settings.js
var kubectl_apply_settings = __webpack_require__(49909);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/cleanup.js
var cleanup = __webpack_require__(43212);
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
        const kubectl = await kubernetes_kubectl/* Kubectl */.bx.create({
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
    summary = new summary/* JobSummary */.c();
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
        this.summary.paragraph(`${manifests.objects.length} object(s) rendered by ${facts.renderer}, applied ${this.settings.serverSide ? 'server-side' : 'client-side'} as field manager ${(0,summary/* code */.a)(this.settings.fieldManager)}${this.settings.namespace ? ` into namespace ${(0,summary/* code */.a)(this.settings.namespace)}` : ''}.`);
        if (facts.imageChanges.length > 0) {
            this.summary.table(['Image override', 'Was'], facts.imageChanges.map((change) => [(0,summary/* code */.a)(change.to), (0,summary/* code */.a)(change.from)]));
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
        const awaited = this.settings.wait ? applied.map(kube_object/* refOf */.H8).filter(isAwaited) : [];
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
        const plan = planRollback(failures.map((failure) => failure.ref), applied, before, kube_object/* refOf */.H8);
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
        const refs = objects.map(kube_object/* refOf */.H8);
        this.setOutput(kubectl_apply_settings/* OUTPUTS */.py.objects, refs.map(kube_object/* objectPath */.du).join('\n'));
        this.setOutput(kubectl_apply_settings/* OUTPUTS */.py.objectsJson, JSON.stringify(refs));
    }
    /** Every kind must be served by the cluster (or be a CRD of this very set), or nothing is applied. */
    async checkKinds(manifests) {
        const served = await this.kubectl.servedKinds();
        const defined = new Set(manifests.objects
            .filter((object) => object.kind === 'CustomResourceDefinition')
            .map((object) => `${object.spec?.group}/${object.spec?.names?.kind}`));
        for (const object of manifests.objects) {
            const kind = `${(0,kube_object/* groupOf */.F8)(object.apiVersion)}/${object.kind}`;
            if (defined.has(kind) || (served.versions.has(object.apiVersion) && served.kinds.has(kind)))
                continue;
            throw new errors/* UserError */.yo(`${(0,kube_object/* describeRef */.Ro)((0,kube_object/* refOf */.H8)(object))}: the cluster serves no kind "${object.kind}" in "${object.apiVersion}"; install its CRD first or use an API version the cluster serves.`);
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
        const kinds = [...new Set([...PRUNED_KINDS, ...manifests.objects.map((object) => kindName((0,kube_object/* refOf */.H8)(object)))])];
        const current = new Set(applied.map((object) => (0,kube_object/* refKey */.XF)((0,kube_object/* refOf */.H8)(object))));
        // Only the namespaces this run applied to (and cluster-scoped objects): the same set name elsewhere is not ours.
        const namespaces = new Set(applied.map((object) => object.metadata.namespace).filter(Boolean));
        const stale = (await this.kubectl.list(kinds, selector)).filter((object) => !current.has((0,kube_object/* refKey */.XF)((0,kube_object/* refOf */.H8)(object))) &&
            (object.metadata.namespace === undefined || namespaces.has(object.metadata.namespace)));
        if (stale.length === 0)
            return;
        const file = external_node_path_.join(this.workDir, 'prune.yaml');
        await promises_.writeFile(file, stale.map((object) => (0,dist/* stringify */.As)((0,kube_object/* refDocument */.Vf)((0,kube_object/* refOf */.H8)(object)))).join('---\n'));
        await this.kubectl.delete(file);
        this.summary.table(['Pruned'], stale.map((object) => [(0,kube_object/* describeRef */.Ro)((0,kube_object/* refOf */.H8)(object))]));
    }
    /** The workloads as they are before the apply, to tell which ones this run changes (only when it may roll back). */
    async liveWorkloads(manifests) {
        const workloads = manifests.objects.filter((object) => isAwaited((0,kube_object/* refOf */.H8)(object)));
        if (!this.settings.wait || !this.settings.rollbackOnFailure || workloads.length === 0)
            return new Map();
        const file = external_node_path_.join(this.workDir, 'workloads.yaml');
        await promises_.writeFile(file, workloads.map((object) => (0,dist/* stringify */.As)(object, { lineWidth: 0 })).join('---\n'));
        const live = await this.kubectl.get(file, this.settings.namespace);
        return new Map(live.map((object) => [(0,kube_object/* refKey */.XF)((0,kube_object/* refOf */.H8)(object)), object]));
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
            core/* error */.z3(`${(0,kube_object/* describeRef */.Ro)(failure.ref)} did not become ready: ${failure.readiness.message}`);
            (0,workflow_commands/* printUntrusted */.Qi)(lines.map((line) => `  ${line}`).join('\n'));
            this.summary.details(`${(0,kube_object/* describeRef */.Ro)(failure.ref)}: ${failure.readiness.message}`, lines.join('\n') || 'No conditions or events.');
        }
    }
    async rollBack(plan) {
        for (const { ref, reason } of plan.impossible)
            core/* warning */.$e(`${(0,kube_object/* describeRef */.Ro)(ref)} cannot be rolled back: ${reason}.`);
        for (const { ref, strategy } of plan.steps) {
            core/* info */.pq((0,workflow_commands/* escapeForLog */.zB)(`Rolling back ${(0,kube_object/* describeRef */.Ro)(ref)} (${strategy.action})`));
            await strategy.rollBack(this.kubectl, ref);
        }
        const strategies = new Map(plan.steps.map((step) => [(0,kube_object/* refKey */.XF)(step.ref), step.strategy]));
        const settled = plan.steps.length > 0
            ? await this.waitFor(plan.steps.map((step) => step.ref), (object) => {
                const strategy = strategies.get((0,kube_object/* refKey */.XF)((0,kube_object/* refOf */.H8)(object)));
                return strategy ? strategy.settled(object) : { state: 'ready', message: '' };
            })
            : [];
        this.summary.table(['Rolled back', 'How', 'Result'], [
            ...plan.steps.map((step, index) => [
                (0,kube_object/* describeRef */.Ro)(step.ref),
                step.strategy.action,
                settled[index]?.readiness.message ?? '',
            ]),
            ...plan.impossible.map(({ ref, reason }) => [(0,kube_object/* describeRef */.Ro)(ref), 'not rolled back', reason]),
        ]);
        return plan.steps.length > 0 && settled.every((result) => result.readiness.state === 'ready');
    }
    summarizeObjects(applied, results) {
        const verdicts = new Map(results.map((result) => [(0,kube_object/* refKey */.XF)(result.ref), result.readiness]));
        this.summary.table(['Object', 'Readiness'], applied.map((object) => {
            const readiness = verdicts.get((0,kube_object/* refKey */.XF)((0,kube_object/* refOf */.H8)(object)));
            return [
                (0,kube_object/* describeRef */.Ro)((0,kube_object/* refOf */.H8)(object)),
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
    const group = (0,kube_object/* groupOf */.F8)(ref.apiVersion);
    return `${ref.kind.toLowerCase()}${group ? `.${group}` : ''}`;
}
function failureList(failures) {
    return `${failures.map((failure) => `${(0,kube_object/* describeRef */.Ro)(failure.ref)} did not become ready (${failure.readiness.message})`).join('; ')}`;
}


/***/ })

};
