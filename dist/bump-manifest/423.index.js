export const id = 423;
export const ids = [423];
export const modules = {

/***/ 8423:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  bumpManifest: () => (/* binding */ bumpManifest)
});

// EXTERNAL MODULE: ./tmp/ncc-input/node_modules/@actions/core/lib/core.js + 10 modules
var core = __webpack_require__(1694);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/errors.js
var errors = __webpack_require__(5685);
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

// EXTERNAL MODULE: ./tmp/ncc-input/src/core/workflow-commands.js
var workflow_commands = __webpack_require__(5618);
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

// EXTERNAL MODULE: ./node_modules/diff/libesm/patch/create.js + 2 modules
var create = __webpack_require__(7291);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/bump/diff.js

/** One unified diff (`git diff` style, a/ and b/ prefixes) for all changed files. */
function unifiedDiff(bumps) {
    return bumps
        .map((bump) => (0,create/* createTwoFilesPatch */.ss)(`a/${bump.path}`, `b/${bump.path}`, bump.before, bump.after, undefined, undefined, {
        context: 3,
    })
        .split('\n')
        .slice(1)
        .join('\n'))
        .join('');
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
        await promises_.appendFile(file, this.toMarkdown() + '\n');
    }
}
function code(text) {
    return `\`${text.replace(/`/g, "'")}\``;
}
function escapeCell(text) {
    return text.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

// EXTERNAL MODULE: ./tmp/ncc-input/src/actions/bump-manifest/settings.js + 1 modules
var bump_manifest_settings = __webpack_require__(2057);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/actions/bump-manifest/run.js







/** Resolves the paths, edits every reference to the image (or only reports, on a dry run), sets the outputs. */
async function bumpManifest(settings, { setOutput }) {
    const files = await (0,file_scope/* resolveYamlFiles */.lD)(settings.paths, settings.workingDirectory);
    const bumper = new ManifestBumper();
    const bumps = await bumper.plan(files, settings.workingDirectory, settings.target);
    if (!settings.dryRun)
        await bumper.write(bumps, settings.workingDirectory);
    const changes = bumps.flatMap((bump) => bump.changes);
    const diff = unifiedDiff(bumps);
    setOutput(bump_manifest_settings/* OUTPUTS */.py.changed, String(bumps.length > 0));
    const changedFiles = bumps.map((bump) => bump.path);
    setOutput(bump_manifest_settings/* OUTPUTS */.py.files, changedFiles.join('\n'));
    setOutput(bump_manifest_settings/* OUTPUTS */.py.filesJson, JSON.stringify(changedFiles));
    setOutput(bump_manifest_settings/* OUTPUTS */.py.diff, diff);
    setOutput(bump_manifest_settings/* OUTPUTS */.py.changes, JSON.stringify(changes));
    const verb = settings.dryRun ? 'would change' : 'changed';
    core/* info */.pq(`${files.length} file(s) in scope; ${bumps.length} ${verb}, ${changes.length} reference(s).`);
    (0,workflow_commands/* printUntrusted */.Qi)(diff);
    const summary = new JobSummary().heading(`bump-manifest: ${settings.target.image}${settings.dryRun ? ' (dry run)' : ''}`);
    if (changes.length === 0)
        summary.paragraph(`No reference to ${code(settings.target.image.repository)} needed a change.`);
    else {
        summary.table(['File', 'Kind', 'Old reference', 'New reference'], changes.map((change) => [`${change.file}:${change.line}`, change.kind, code(change.from), code(change.to)]));
    }
    await summary.write();
}


/***/ })

};
