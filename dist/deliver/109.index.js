export const id = 109;
export const ids = [109,14];
export const modules = {

/***/ 8109:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  kubectlApply: () => (/* binding */ kubectlApply)
});

// UNUSED EXPORTS: RolloutFailedError

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(3838);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
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
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/exec.js
var exec = __webpack_require__(2855);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/installer.js
var installer = __webpack_require__(1320);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/secrets.js
var secrets = __webpack_require__(1877);
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
        const tool = await (0,installer/* installTool */.Gn)({ tool: 'kubectl', version: options.version, sha256: options.sha256 }, options.install);
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
            core/* info */.pq(`[command]${(0,secrets/* redact */.E)([this.path, ...argv].join(' '))}`);
        return (0,exec/* execTool */.wc)(this.path, argv, { input: options.input, silent: !options.echo, allowFailure: true });
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
        core/* info */.pq(`[command]${[this.path, ...args].join(' ')}`);
        return (0,exec/* execTool */.wc)(this.path, args, { silent: true, allowFailure: true });
    }
}

// EXTERNAL MODULE: ./tmp/ncc-input/src/core/bump/bumper.js + 6 modules
var bump_bumper = __webpack_require__(3161);
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
        await bumper.write(bumps);
        changes.push(...bumps.flatMap((bump) => bump.changes));
    }
    return changes;
}

// EXTERNAL MODULE: ./tmp/ncc-input/src/core/kubernetes/kubeconfig.js
var kubernetes_kubeconfig = __webpack_require__(9014);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/bump/yaml-source.js
var yaml_source = __webpack_require__(26);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/image-ref.js
var image_ref = __webpack_require__(3977);
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
                core/* info */.pq(`${describeRef(ref)}: ${readiness.message}`);
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
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/summary.js
var summary = __webpack_require__(412);
// EXTERNAL MODULE: ./tmp/ncc-input/src/actions/kubectl-apply/settings.js
var kubectl_apply_settings = __webpack_require__(9909);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/actions/kubectl-apply/run.js



















/** A rollout did not become ready: the action fails after its outputs and summary are written. */
class RolloutFailedError extends Error {
}
const DEFAULT_POLL_MS = 2000;
// At most this many kubectl processes share the dry-run preflight, and never more than there are cores.
const PREFLIGHT_PROCESSES = 4;
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
async function kubectlApply(settings, setOutput, environment) {
    const workDir = await promises_.mkdtemp(external_node_path_.join(environment.tempDir, 'kubectl-apply-'));
    let kubeconfigFile;
    try {
        if (settings.kubeconfig) {
            const kubeconfig = kubernetes_kubeconfig.Kubeconfig.parse(settings.kubeconfig, kubectl_apply_settings/* INPUTS */.mc.kubeconfig, settings.context);
            kubeconfigFile = kubernetes_kubeconfig.Kubeconfig.fileUnder(environment.tempDir);
            environment.saveState(kubectl_apply_settings/* STATE */.c4.kubeconfigFile, kubeconfigFile);
            await kubeconfig.write(kubeconfigFile);
        }
        const kubectl = await Kubectl.create({
            version: settings.kubectlVersion,
            sha256: settings.kubectlSha256,
            kubeconfig: kubeconfigFile,
            context: settings.context,
            install: environment.install,
        });
        const { manifests, imageChanges, renderer } = await renderManifests(settings, kubectl, workDir, environment.record);
        const manifestsFile = external_node_path_.join(workDir, 'manifests.yaml');
        await promises_.writeFile(manifestsFile, manifests.toYaml());
        const run = new ApplyRun(settings, kubectl, workDir, setOutput, environment);
        return await run.execute(manifests, manifestsFile, { renderer, imageChanges });
    }
    finally {
        await promises_.rm(workDir, { recursive: true, force: true });
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
    core/* info */.pq(`Rendering ${settings.manifests.join(', ')} with the ${renderer.name} renderer`);
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
    environment;
    summary = new summary/* JobSummary */.c();
    options;
    constructor(settings, kubectl, workDir, setOutput, environment) {
        this.settings = settings;
        this.kubectl = kubectl;
        this.workDir = workDir;
        this.setOutput = setOutput;
        this.environment = environment;
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
                core/* info */.pq(`Image override: ${change.from} -> ${change.to}`);
        }
        if (this.settings.dryRun !== 'none')
            return this.dryRun(manifests, manifestsFile);
        if (this.settings.createNamespace && this.settings.namespace) {
            await this.kubectl.ensureNamespace(this.settings.namespace, this.settings.fieldManager);
        }
        await this.checkKinds(manifests);
        const checkedAll = await this.preflight(manifests);
        const before = await this.liveWorkloads(manifests);
        // kubectl's strict validation costs ~20 ms per object; the server has just validated this very set strictly.
        const applied = await this.kubectl.apply(manifestsFile, { ...this.options, validate: !checkedAll });
        this.setOutput(kubectl_apply_settings/* OUTPUTS */.py.applied, JSON.stringify(applied.map(refOf)));
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
        this.setOutput(kubectl_apply_settings/* OUTPUTS */.py.applied, JSON.stringify(manifests.objects.map(refOf)));
        this.setOutput(kubectl_apply_settings/* OUTPUTS */.py.diff, diff);
        core/* info */.pq(diff || 'No differences.');
        if (diff)
            this.summary.details('Diff', diff, 'diff');
        else
            this.summary.paragraph('No differences with the cluster.');
        return this.finish('succeeded');
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
        // kubectl sends one dry-run request per object and spends most of its time checking each one client-side, so
        // the set is split across a few kubectl processes: the same requests, the same verdict, in parallel.
        const chunks = splitEvenly(checkable, Math.min(PREFLIGHT_PROCESSES, external_node_os_.availableParallelism()));
        await Promise.all(chunks.map(async (chunk, index) => {
            const file = external_node_path_.join(this.workDir, `preflight-${index}.yaml`);
            await promises_.writeFile(file, chunk.map((object) => (0,dist/* stringify */.As)(object, { lineWidth: 0 })).join('---\n'));
            await this.kubectl.apply(file, { ...this.options, dryRun: true });
        }));
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
            pollMs: this.environment.pollMs ?? DEFAULT_POLL_MS,
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
            for (const line of lines)
                core/* info */.pq(`  ${line}`);
            this.summary.details(`${describeRef(failure.ref)}: ${failure.readiness.message}`, lines.join('\n') || 'No conditions or events.');
        }
    }
    async rollBack(plan) {
        for (const { ref, reason } of plan.impossible)
            core/* warning */.$e(`${describeRef(ref)} cannot be rolled back: ${reason}.`);
        for (const { ref, strategy } of plan.steps) {
            core/* info */.pq(`Rolling back ${describeRef(ref)} (${strategy.action})`);
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
        await this.summary.write(this.environment.summaryFile);
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
/** `items` in `count` runs of nearly equal length, in order; never an empty run. */
function splitEvenly(items, count) {
    const size = Math.ceil(items.length / Math.max(1, count));
    const runs = [];
    for (let start = 0; start < items.length; start += size)
        runs.push(items.slice(start, start + size));
    return runs;
}


/***/ }),

/***/ 2855:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ ToolFailedError),
/* harmony export */   w$: () => (/* binding */ lastLines),
/* harmony export */   wc: () => (/* binding */ execTool)
/* harmony export */ });
/* harmony import */ var _actions_exec__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1955);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1877);


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
    const commandLine = (0,_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E)([tool, ...args].join(' '));
    const echo = (stream) => (line) => {
        if (!options.silent)
            stream.write(`${(0,_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E)(line)}\n`);
    };
    if (!options.silent)
        process.stdout.write(`[command]${commandLine}\n`);
    const output = await _actions_exec__WEBPACK_IMPORTED_MODULE_0__/* .getExecOutput */ .H(tool, [...args], {
        cwd: options.cwd,
        env: options.env ? { ...process.env, ...options.env } : undefined,
        input: typeof options.input === 'string' ? Buffer.from(options.input) : options.input,
        silent: true,
        ignoreReturnCode: true,
        listeners: { stdline: echo(process.stdout), errline: echo(process.stderr) },
    });
    const result = { exitCode: output.exitCode, stdout: (0,_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E)(output.stdout), stderr: (0,_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E)(output.stderr) };
    if (result.exitCode !== 0 && !options.allowFailure)
        throw new ToolFailedError(commandLine, result);
    return result;
}
function lastLines(text, count) {
    return text.trim().split(/\r?\n/).slice(-count).join(' | ');
}


/***/ }),

/***/ 1320:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gn: () => (/* binding */ installTool)
/* harmony export */ });
/* unused harmony exports DEFAULT_TIMEOUT_MS, DEFAULT_RETRIES, DEFAULT_RETRY_DELAY_MS */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7075);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6466);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8500);
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(3838);
/* harmony import */ var _actions_exec__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(1955);
/* harmony import */ var _actions_io__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(8701);
/* harmony import */ var _actions_tool_cache__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(9805);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(5685);
/* harmony import */ var _tool_versions_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(9228);













const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_RETRIES = 2;
const DEFAULT_RETRY_DELAY_MS = 2_000;
const VERSION = /^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$/;
const SHA256 = /^[0-9a-f]{64}$/;
/**
 * Returns the requested tool at exactly the requested version: the one on PATH if it reports that version,
 * else the tool cache's copy, else a fresh download whose SHA-256 must match the pin.
 */
async function installTool(request, options = {}) {
    const releases = options.releases ?? _tool_versions_js__WEBPACK_IMPORTED_MODULE_12__/* .RELEASES */ .pH;
    const release = releases[request.tool];
    if (!release) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_11__/* .UserError */ .yo(`Unknown tool "${request.tool}"; known tools: ${Object.keys(releases).join(', ')}.`);
    }
    const version = (request.version ?? release.defaultVersion).replace(/^v/, '');
    const arch = options.arch ?? process.arch;
    const platform = `${options.platform ?? process.platform}-${arch}`;
    // Validated before looking at this machine, so a request fails the same way on every runner.
    const asset = resolveAsset(request.tool, release, version, platform, request.sha256);
    const onPath = await findOnPath(node_path__WEBPACK_IMPORTED_MODULE_3__.basename(asset.binPath), release, version, options.runVersion ?? runVersion);
    if (onPath) {
        _actions_core__WEBPACK_IMPORTED_MODULE_7__/* .info */ .pq(`Using ${request.tool} ${version} found on PATH at ${onPath}`);
        return { path: onPath, version, source: 'path' };
    }
    const cached = _actions_tool_cache__WEBPACK_IMPORTED_MODULE_10__/* .find */ .I6(request.tool, version, arch);
    if (cached) {
        _actions_core__WEBPACK_IMPORTED_MODULE_7__/* .info */ .pq(`Using ${request.tool} ${version} from the tool cache`);
        return { path: node_path__WEBPACK_IMPORTED_MODULE_3__.join(cached, asset.binPath), version, source: 'tool-cache' };
    }
    const installed = await downloadToCache(request.tool, version, arch, asset, options);
    _actions_core__WEBPACK_IMPORTED_MODULE_7__/* .info */ .pq(`Installed ${request.tool} ${version} at ${installed}`);
    return { path: installed, version, source: 'download' };
}
function resolveAsset(tool, release, version, platform, sha256) {
    if (!VERSION.test(version)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_11__/* .UserError */ .yo(`"${version}" is not a version of ${tool}; use one like ${release.defaultVersion}.`);
    }
    if (!(0,_tool_versions_js__WEBPACK_IMPORTED_MODULE_12__/* .isPlatformKey */ .fH)(platform)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_11__/* .UserError */ .yo(`${tool} cannot be installed on ${platform}; supported: ${_tool_versions_js__WEBPACK_IMPORTED_MODULE_12__/* .PLATFORM_KEYS */ .PI.join(', ')}.`);
    }
    const wanted = sha256?.toLowerCase();
    if (wanted !== undefined && !SHA256.test(wanted)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_11__/* .UserError */ .yo(`sha256 "${sha256}" for ${tool} is not 64 hexadecimal characters.`);
    }
    const pinned = release.versions[version]?.[platform];
    if (pinned) {
        if (wanted && wanted !== pinned.sha256) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_11__/* .UserError */ .yo(`sha256 ${wanted} for ${tool} ${version} on ${platform} differs from the pinned ${pinned.sha256}; remove or correct it.`);
        }
        return pinned;
    }
    if (!wanted) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_11__/* .UserError */ .yo(`${tool} ${version} has no pinned SHA-256 for ${platform}; use one of ${Object.keys(release.versions).join(', ')} or give the sha256 of its release file.`);
    }
    const location = release.assetFor(version, platform);
    if (!location) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_11__/* .UserError */ .yo(`${tool} publishes no build for ${platform}.`);
    }
    return { ...location, sha256: wanted };
}
async function findOnPath(command, release, version, run) {
    const bin = await _actions_io__WEBPACK_IMPORTED_MODULE_9__/* .which */ .K7(command, false);
    if (!bin)
        return undefined;
    // A binary that cannot even report its version is as good as absent.
    const output = await run(bin, release.versionArgs).catch(() => '');
    const reported = release.versionPattern.exec(output)?.[1];
    if (reported === version)
        return bin;
    _actions_core__WEBPACK_IMPORTED_MODULE_7__/* .info */ .pq(`Ignoring ${bin}: it reports version ${reported ?? 'unknown'}, not ${version}`);
    return undefined;
}
async function runVersion(bin, args) {
    const { stdout, stderr } = await (0,_actions_exec__WEBPACK_IMPORTED_MODULE_8__/* .getExecOutput */ .H)(bin, [...args], { silent: true, ignoreReturnCode: true });
    return `${stdout}\n${stderr}`;
}
async function downloadToCache(tool, version, arch, asset, options) {
    const temp = requiredEnv('RUNNER_TEMP');
    requiredEnv('RUNNER_TOOL_CACHE');
    const file = node_path__WEBPACK_IMPORTED_MODULE_3__.join(temp, (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)());
    let unpacked;
    try {
        _actions_core__WEBPACK_IMPORTED_MODULE_7__/* .info */ .pq(`Downloading ${asset.url}`);
        await downloadWithRetries(asset.url, file, options);
        await verifySha256(file, asset);
        unpacked = await unpack(file, asset, temp);
        const cacheDir = await _actions_tool_cache__WEBPACK_IMPORTED_MODULE_10__/* .cacheDir */ .e8(unpacked, tool, version, arch);
        const bin = node_path__WEBPACK_IMPORTED_MODULE_3__.join(cacheDir, asset.binPath);
        if (process.platform !== 'win32')
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.chmod)(bin, 0o755);
        return bin;
    }
    finally {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(file, { force: true });
        if (unpacked)
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(unpacked, { recursive: true, force: true });
    }
}
function requiredEnv(name) {
    const value = process.env[name];
    if (!value)
        throw new Error(`${name} is not set; the tool installer runs only inside GitHub Actions or with it set.`);
    return value;
}
async function verifySha256(file, asset) {
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    for await (const chunk of (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createReadStream)(file))
        hash.update(chunk);
    const actual = hash.digest('hex');
    if (actual !== asset.sha256) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_11__/* .UserError */ .yo(`Checksum mismatch for ${asset.url}: expected sha256 ${asset.sha256}, got ${actual}; the download was deleted.`);
    }
}
/** Returns a fresh directory that holds `asset.binPath`. */
async function unpack(file, asset, temp) {
    let dir;
    if (asset.archive === 'tar.gz') {
        dir = await _actions_tool_cache__WEBPACK_IMPORTED_MODULE_10__/* .extractTar */ .nN(file);
    }
    else if (asset.archive === 'zip') {
        dir = await _actions_tool_cache__WEBPACK_IMPORTED_MODULE_10__/* .extractZip */ .JE(file);
    }
    else {
        dir = node_path__WEBPACK_IMPORTED_MODULE_3__.join(temp, (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)());
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_3__.dirname(node_path__WEBPACK_IMPORTED_MODULE_3__.join(dir, asset.binPath)), { recursive: true });
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rename)(file, node_path__WEBPACK_IMPORTED_MODULE_3__.join(dir, asset.binPath));
    }
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.access)(node_path__WEBPACK_IMPORTED_MODULE_3__.join(dir, asset.binPath)).catch(() => {
        throw new Error(`${asset.url} does not contain ${asset.binPath}.`);
    });
    return dir;
}
/** Worth another attempt: the server or the network may do better in a moment. */
class TransientDownloadError extends Error {
}
async function downloadWithRetries(url, dest, options) {
    const retries = options.retries ?? DEFAULT_RETRIES;
    const delayMs = options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS;
    for (let attempt = 0;; attempt++) {
        try {
            return await downloadOnce(url, dest, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
        }
        catch (error) {
            if (!(error instanceof TransientDownloadError))
                throw error;
            if (attempt >= retries) {
                const attempts = attempt === 0 ? '1 attempt' : `${attempt + 1} attempts`;
                throw new Error(`Download of ${url} failed after ${attempts}: ${error.message}.`, { cause: error });
            }
            const wait = delayMs * 2 ** attempt;
            _actions_core__WEBPACK_IMPORTED_MODULE_7__/* .info */ .pq(`Download of ${url} failed (${error.message}); retrying in ${wait} ms`);
            await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_6__.setTimeout)(wait);
        }
    }
}
async function downloadOnce(url, dest, timeoutMs) {
    try {
        const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
        if (response.status >= 500)
            throw new TransientDownloadError(`HTTP ${response.status}`);
        if (!response.ok || !response.body) {
            const status = [response.status, response.statusText].filter(Boolean).join(' ');
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_11__/* .UserError */ .yo(`Download of ${url} failed: HTTP ${status}.`);
        }
        await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_5__.pipeline)(node_stream__WEBPACK_IMPORTED_MODULE_4__.Readable.fromWeb(response.body), (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createWriteStream)(dest));
    }
    catch (error) {
        if (error instanceof TransientDownloadError || error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_11__/* .UserError */ .yo)
            throw error;
        if (error?.name === 'TimeoutError') {
            throw new TransientDownloadError(`timed out after ${timeoutMs} ms`);
        }
        throw new TransientDownloadError(networkReason(error));
    }
}
function networkReason(error) {
    const cause = error instanceof Error ? error.cause : undefined;
    return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
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
            throw invalid('it has no current-context; set the "context" input');
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
            (0,_secrets_js__WEBPACK_IMPORTED_MODULE_5__/* .registerSecret */ .c)(value);
    }
    // Exec plugins and auth providers can carry credentials in their env and config.
    const exec = user.exec;
    for (const variable of exec?.env ?? [])
        if (typeof variable.value === 'string')
            (0,_secrets_js__WEBPACK_IMPORTED_MODULE_5__/* .registerSecret */ .c)(variable.value);
    const provider = user['auth-provider'];
    for (const value of Object.values(provider?.config ?? {}))
        if (typeof value === 'string')
            (0,_secrets_js__WEBPACK_IMPORTED_MODULE_5__/* .registerSecret */ .c)(value);
}
/** Masks base64 data and each line of what it decodes to, except PEM armour lines. */
function registerEncoded(value) {
    if (typeof value !== 'string' || value.length === 0)
        return;
    (0,_secrets_js__WEBPACK_IMPORTED_MODULE_5__/* .registerSecret */ .c)(value);
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    for (const line of decoded.split(/\r?\n/)) {
        if (line.trim() && !line.startsWith('-----'))
            (0,_secrets_js__WEBPACK_IMPORTED_MODULE_5__/* .registerSecret */ .c)(line);
    }
}


/***/ })

};
