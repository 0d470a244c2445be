export const id = 52;
export const ids = [52];
export const modules = {

/***/ 3161:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  dF: () => (/* binding */ ManifestBumper)
});

// UNUSED EXPORTS: DEFAULT_EDITORS, MAX_FILE_BYTES

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/errors.js
var errors = __webpack_require__(5685);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/file-scope.js
var file_scope = __webpack_require__(2077);
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

// EXTERNAL MODULE: ./tmp/ncc-input/src/core/bump/yaml-source.js
var yaml_source = __webpack_require__(26);
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
    const repository = (0,yaml_source/* stringAt */.bX)(map, 'repository');
    if (repository === undefined)
        return;
    const registry = (0,yaml_source/* stringAt */.bX)(map, 'registry');
    const name = registry ? `${registry.replace(/\/+$/, '')}/${repository}` : repository;
    if (!session.matches(name))
        return;
    const before = { tag: (0,yaml_source/* stringAt */.bX)(map, 'tag'), digest: (0,yaml_source/* stringAt */.bX)(map, 'digest') || undefined };
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
                const name = (0,yaml_source/* stringAt */.bX)(entry, 'newName') ?? (0,yaml_source/* stringAt */.bX)(entry, 'name');
                if (name === undefined || !session.matches(name))
                    continue;
                const before = { tag: (0,yaml_source/* stringAt */.bX)(entry, 'newTag'), digest: (0,yaml_source/* stringAt */.bX)(entry, 'digest') };
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

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
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
        this.apiVersion = (0,yaml_source/* stringAt */.bX)(document.contents, 'apiVersion');
        this.kind = (0,yaml_source/* stringAt */.bX)(document.contents, 'kind');
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
            const path = (0,file_scope/* relativeToRoot */.y)(root, file);
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
        const source = new yaml_source/* YamlSource */.rC(path, text);
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


/***/ }),

/***/ 26:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   bX: () => (/* binding */ stringAt),
/* harmony export */   rC: () => (/* binding */ YamlSource)
/* harmony export */ });
/* unused harmony export formatScalar */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5685);


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
    lines = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    constructor(file, text) {
        this.file = file;
        this.text = text;
        this.eol = text.includes('\r\n') ? '\r\n' : '\n';
        this.documents = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseAllDocuments */ .hR)(text, { lineCounter: this.lines, uniqueKeys: true });
        for (const document of this.documents)
            this.assertValid(document);
    }
    lineOf(offset) {
        return this.lines.linePos(offset).line;
    }
    errorAt(node, message) {
        const line = node?.range ? this.lineOf(node.range[0]) : undefined;
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${this.file}${line ? `:${line}` : ''}: ${message}`, { file: this.file, line });
    }
    /** The scalar a value stands for, following an alias to its anchor. */
    scalarOf(document, node) {
        const resolved = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isAlias */ .Vj)(node) ? node.resolve(document) : node;
        return (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(resolved) ? resolved : undefined;
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
        const index = map.items.findIndex((pair) => (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.key) && pair.key.value === key);
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
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${this.file}${line ? `:${line}` : ''}: invalid YAML: ${firstLine(error.message)}`, {
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
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${this.file}: refused: its aliases expand past ${MAX_ALIAS_COUNT} nodes (${firstLine(String(cause.message))})`, { file: this.file });
        }
    }
}
/** A mapping's value for `key` when it is a scalar string. */
function stringAt(map, key) {
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(map))
        return undefined;
    const value = map.get(key, true);
    return (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(value) && typeof value.value === 'string' ? value.value : undefined;
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
        const document = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(value, { version });
        return document.errors.length === 0 && (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(document.contents) && document.contents.value === value;
    });
}
function firstLine(text) {
    return text.split('\n')[0] ?? text;
}


/***/ }),

/***/ 412:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ code),
/* harmony export */   c: () => (/* binding */ JobSummary)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);

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
