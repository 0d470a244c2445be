export const id = 27;
export const ids = [27];
export const modules = {

/***/ 5027:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  buildMultistage: () => (/* binding */ buildMultistage)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(3838);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/errors.js
var errors = __webpack_require__(5685);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/build/build-log.js
const FAILURE_LINES = 10;
// The classic builder colours a step's stderr with terminal escapes.
const ESCAPE = String.fromCharCode(27);
const ANSI = new RegExp(`${ESCAPE}\\[[0-9;]*[A-Za-z]`, 'g');
const BUILDKIT_STEP = /^#(\d+) \[(?:[^\]]*? )?\d+\/\d+\] (.*)$/;
const BUILDKIT_OUTPUT = /^#(\d+) \d+\.\d+ (.*)$/;
const CLASSIC_STEP = /^Step \d+\/\d+ : (.*)$/;
const CLASSIC_NOISE = /^( ---> |Removing intermediate container |Sending build context |\s*$)/;
/** BuildKit's `--progress plain`: `#N [stage i/n] INSTRUCTION`, `#N CACHED`, `#N 0.12 output`, `#N ERROR: ...`. */
const buildKitLog = {
    steps(output) {
        const steps = new Map();
        const cached = new Set();
        for (const line of logLines(`${output.stdout}\n${output.stderr}`)) {
            const step = BUILDKIT_STEP.exec(line);
            if (step)
                steps.set(step[1], step[2]);
            const done = /^#(\d+) CACHED$/.exec(line);
            if (done)
                cached.add(done[1]);
        }
        const built = [...steps].filter(([, instruction]) => !/^FROM\s/i.test(instruction)).map(([id]) => id);
        return { total: built.length, cached: built.filter((id) => cached.has(id)).length };
    },
    failure(output) {
        const lines = logLines(`${output.stdout}\n${output.stderr}`);
        const errorLine = lines.find((line) => /^#\d+ ERROR: /.test(line));
        const id = errorLine ? /^#(\d+)/.exec(errorLine)[1] : undefined;
        if (!errorLine || id === undefined)
            return unknownStep(lines);
        const header = lines.find((line) => BUILDKIT_STEP.exec(line)?.[1] === id);
        const stepOutput = lines.flatMap((line) => {
            const match = BUILDKIT_OUTPUT.exec(line);
            return match && match[1] === id ? [match[2]] : [];
        });
        return {
            step: header ? header.replace(/^#\d+ /, '') : `step #${id}`,
            lines: [...stepOutput, errorLine.replace(/^#\d+ /, '')].slice(-FAILURE_LINES),
        };
    },
};
/**
 * The classic builder: `Step i/n : INSTRUCTION`, ` ---> Using cache` and the steps' output on stdout, the error on
 * stderr (after the deprecation notice newer CLIs print there first). Every instruction is a step, and so is each
 * `--label`.
 */
const classicLog = {
    steps(output) {
        let total = 0;
        let cached = 0;
        let counting = false;
        for (const line of logLines(output.stdout)) {
            const step = CLASSIC_STEP.exec(line);
            if (step) {
                counting = !/^FROM\s/i.test(step[1]);
                if (counting)
                    total++;
            }
            else if (counting && line === ' ---> Using cache')
                cached++;
        }
        return { total, cached };
    },
    failure(output) {
        const lines = logLines(output.stdout);
        const error = logLines(output.stderr)
            .filter((line) => line.trim() !== '')
            .slice(-1);
        let last = -1;
        lines.forEach((line, index) => {
            if (CLASSIC_STEP.test(line))
                last = index;
        });
        if (last < 0)
            return unknownStep([...lines, ...error]);
        const stepOutput = lines.slice(last + 1).filter((line) => !CLASSIC_NOISE.test(line));
        return { step: lines[last], lines: [...stepOutput, ...error].slice(-FAILURE_LINES) };
    },
};
function unknownStep(lines) {
    return { step: 'before any step ran', lines: lines.filter((line) => line.trim() !== '').slice(-FAILURE_LINES) };
}
function logLines(log) {
    return log.replace(ANSI, '').split(/\r?\n/);
}

// EXTERNAL MODULE: ./tmp/ncc-input/src/core/build/builders/image-builder.js
var image_builder = __webpack_require__(3099);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/build/builders/docker-build.js



const IMAGE_ID_FILE = 'image-id';
/** The `docker build` argv both of the docker CLI's builders share; `extra` goes before the context. */
function dockerBuildArgs(request, extra = []) {
    const args = ['--file', request.dockerfile, '--iidfile', external_node_path_.join(request.workDir, IMAGE_ID_FILE)];
    if (request.target)
        args.push('--target', request.target);
    if (request.platforms.length > 0)
        args.push('--platform', request.platforms.join(','));
    if (request.network)
        args.push('--network', request.network);
    for (const [name, value] of request.buildArgs)
        args.push('--build-arg', `${name}=${value}`);
    for (const [name, value] of Object.entries(request.labels))
        args.push('--label', `${name}=${value}`);
    for (const tag of request.tags)
        args.push('--tag', tag);
    for (const cache of request.cacheFrom)
        args.push('--cache-from', (0,image_builder/* registryCacheRef */.xA)(cache));
    return [...args, ...extra, request.context];
}
/**
 * Runs `docker build`, then pushes each tag. Every push of one image must report the same manifest digest;
 * a different one means the tags do not hold the same image, which is a bug, not a user mistake.
 */
async function buildWithDockerCli(docker, builder, log, request, extra) {
    const result = await docker.build(dockerBuildArgs(request, extra), { buildKit: builder === 'buildkit' });
    if (result.exitCode !== 0)
        throw new image_builder/* BuildFailedError */.Wu(builder, log.failure(result));
    const imageId = (await (0,promises_.readFile)(external_node_path_.join(request.workDir, IMAGE_ID_FILE), 'utf8')).trim();
    let pushedDigest;
    if (request.push) {
        for (const tag of request.tags) {
            const digest = await docker.push(tag);
            if (pushedDigest && digest !== pushedDigest) {
                throw new Error(`docker push ${tag} reported ${digest}, but the other tags got ${pushedDigest}`);
            }
            pushedDigest = digest;
        }
    }
    return { imageId, pushedDigest, steps: log.steps(result) };
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/build/builders/buildkit.js



const INLINE_CACHE = 'type=inline';
/** `docker build` with DOCKER_BUILDKIT=1: the docker CLI's own BuildKit client, without buildx. */
class BuildKitBuilder {
    docker;
    name = 'buildkit';
    constructor(docker) {
        this.docker = docker;
    }
    refuseUnsupported(request) {
        if (request.platforms.length > 1)
            throw (0,image_builder/* needsBuildx */.u5)(this.name, 'Building for several platforms');
        const cacheFrom = request.cacheFrom.find((entry) => (0,image_builder/* registryCacheRef */.xA)(entry) === undefined);
        if (cacheFrom)
            throw (0,image_builder/* needsBuildx */.u5)(this.name, `cache-from "${cacheFrom}"`);
        const cacheTo = request.cacheTo.find((entry) => entry !== INLINE_CACHE);
        if (cacheTo)
            throw (0,image_builder/* needsBuildx */.u5)(this.name, `cache-to "${cacheTo}" (only ${INLINE_CACHE} works without it)`);
    }
    /** BuildKit skips the stages the target does not need. */
    stagesBuilt(dockerfile, target) {
        return dockerfile.stagesNeededFor(target);
    }
    build(request) {
        const extra = ['--progress', 'plain'];
        for (const secret of request.secrets)
            extra.push('--secret', `id=${secret.id},src=${secret.file}`);
        // The inline cache rides in the image config, so a later cache-from of this image can reuse its layers.
        if (request.cacheTo.includes(INLINE_CACHE))
            extra.push('--build-arg', 'BUILDKIT_INLINE_CACHE=1');
        return buildWithDockerCli(this.docker, this.name, buildKitLog, request, extra);
    }
}

// EXTERNAL MODULE: ./tmp/ncc-input/src/core/image-ref.js
var image_ref = __webpack_require__(3977);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/build/builders/buildx.js





const METADATA_FILE = 'metadata.json';
const buildx_IMAGE_ID_FILE = 'image-id';
/** `docker buildx build`: multi-platform builds, every cache backend, and a push that reports its digest. */
class BuildxBuilder {
    docker;
    name = 'buildx';
    constructor(docker) {
        this.docker = docker;
    }
    refuseUnsupported() {
        // buildx takes every input this action has.
    }
    /** BuildKit skips the stages the target does not need. */
    stagesBuilt(dockerfile, target) {
        return dockerfile.stagesNeededFor(target);
    }
    async build(request) {
        const result = await this.docker.buildxBuild(buildxArgs(request));
        if (result.exitCode !== 0)
            throw new image_builder/* BuildFailedError */.Wu(this.name, buildKitLog.failure(result));
        const metadata = await readMetadata(external_node_path_.join(request.workDir, METADATA_FILE));
        const reported = metadata['containerimage.digest'];
        const pushedDigest = request.push && reported && (0,image_ref/* isDigest */.Bc)(reported) ? reported : undefined;
        const imageId = isLoaded(request) ? metadata['containerimage.config.digest'] : undefined;
        return { imageId, pushedDigest, steps: buildKitLog.steps(result) };
    }
}
/** The argv after `docker buildx build`, context last. */
function buildxArgs(request) {
    const args = [
        '--progress',
        'plain',
        '--file',
        request.dockerfile,
        '--iidfile',
        external_node_path_.join(request.workDir, buildx_IMAGE_ID_FILE),
        '--metadata-file',
        external_node_path_.join(request.workDir, METADATA_FILE),
    ];
    if (request.target)
        args.push('--target', request.target);
    if (request.platforms.length > 0)
        args.push('--platform', request.platforms.join(','));
    if (request.network)
        args.push('--network', request.network);
    for (const [name, value] of request.buildArgs)
        args.push('--build-arg', `${name}=${value}`);
    for (const [name, value] of Object.entries(request.labels))
        args.push('--label', `${name}=${value}`);
    for (const tag of request.tags)
        args.push('--tag', tag);
    for (const secret of request.secrets)
        args.push('--secret', `id=${secret.id},src=${secret.file}`);
    for (const cache of request.cacheFrom)
        args.push('--cache-from', cache);
    for (const cache of request.cacheTo)
        args.push('--cache-to', cache);
    if (request.push)
        args.push('--push');
    else if (isLoaded(request))
        args.push('--load');
    return [...args, request.context];
}
/** Without a push, a single-platform image is loaded into the engine; a multi-platform one stays in the build cache. */
function isLoaded(request) {
    return !request.push && request.platforms.length <= 1;
}
async function readMetadata(file) {
    try {
        return JSON.parse(await (0,promises_.readFile)(file, 'utf8'));
    }
    catch {
        // Old buildx versions write no metadata file; after a push the registry lookup still finds the digest.
        return {};
    }
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/build/builders/classic.js




/** `docker build` with DOCKER_BUILDKIT=0: the legacy builder, for engines and CLIs without BuildKit. */
class ClassicBuilder {
    docker;
    name = 'classic';
    constructor(docker) {
        this.docker = docker;
    }
    refuseUnsupported(request) {
        if (request.secrets.length > 0) {
            // Never fall back to build args: those are stored in the image's history.
            throw new errors/* UserError */.yo('Input "secrets" needs BuildKit, but only the classic builder is available here: ' +
                'use a docker CLI with BuildKit or install buildx.');
        }
        if (request.platforms.length > 1)
            throw (0,image_builder/* needsBuildx */.u5)(this.name, 'Building for several platforms');
        const cacheFrom = request.cacheFrom.find((entry) => (0,image_builder/* registryCacheRef */.xA)(entry) === undefined);
        if (cacheFrom)
            throw (0,image_builder/* needsBuildx */.u5)(this.name, `cache-from "${cacheFrom}"`);
        if (request.cacheTo.length > 0)
            throw (0,image_builder/* needsBuildx */.u5)(this.name, `cache-to "${request.cacheTo[0]}"`);
    }
    /** The classic builder runs every stage up to the target, needed or not. */
    stagesBuilt(dockerfile, target) {
        return dockerfile.stages.slice(0, target.index + 1);
    }
    build(request) {
        return buildWithDockerCli(this.docker, this.name, classicLog, request, []);
    }
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/build/builders/choose-builder.js




// The docker CLI had its own BuildKit client from 18.09 to 22.x; from 23 on, `docker build` with BuildKit is buildx.
const FIRST_CLI_WITH_BUILDKIT = [18, 9];
const LAST_CLI_WITH_OWN_BUILDKIT = 22;
/** Probes the machine and returns the builder the preference asks for. */
async function chooseBuilder(preference, docker) {
    const [versions, buildx] = await Promise.all([docker.versions(), docker.hasBuildx()]);
    const facts = { buildx, clientVersion: versions.client, serverOs: versions.serverOs };
    return createBuilder(pickBuilder(preference, facts), docker);
}
/** auto: buildx when present, else the docker CLI with BuildKit, else the classic builder. */
function pickBuilder(preference, facts) {
    if (preference === 'buildx' && !facts.buildx) {
        throw new errors/* UserError */.yo('builder is "buildx", but "docker buildx" is not installed: add docker/setup-buildx-action, or use builder: auto.');
    }
    if (preference !== 'docker' && facts.buildx)
        return 'buildx';
    return cliHasBuildKit(facts) ? 'buildkit' : 'classic';
}
function cliHasBuildKit(facts) {
    if (facts.serverOs !== 'linux')
        return false;
    if (facts.buildx)
        return true;
    const match = /^(\d+)\.(\d+)/.exec(facts.clientVersion);
    if (!match)
        return false;
    const [major, minor] = [Number(match[1]), Number(match[2])];
    const [firstMajor, firstMinor] = FIRST_CLI_WITH_BUILDKIT;
    return major <= LAST_CLI_WITH_OWN_BUILDKIT && (major > firstMajor || (major === firstMajor && minor >= firstMinor));
}
function createBuilder(name, docker) {
    switch (name) {
        case 'buildx':
            return new BuildxBuilder(docker);
        case 'buildkit':
            return new BuildKitBuilder(docker);
        case 'classic':
            return new ClassicBuilder(docker);
    }
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/build/dockerfile.js

const DIRECTIVE = /^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$/;
const HEREDOC = /<<(-?)(["']?)([A-Za-z_][A-Za-z0-9_]*)\2/g;
const HEREDOC_KEYWORDS = new Set(['RUN', 'COPY', 'ADD']);
/**
 * A Dockerfile read the way Docker's parser splits it: parser directives, comments, line continuations (with the
 * escape character the file declares) and heredoc bodies, into stages of instructions with their line numbers.
 */
class Dockerfile {
    file;
    globalArgs;
    stages;
    constructor(
    /** The file's path, as annotations should name it. */
    file, 
    /** ARGs declared before the first FROM: the only ones FROM lines can use. */
    globalArgs, stages) {
        this.file = file;
        this.globalArgs = globalArgs;
        this.stages = stages;
    }
    static parse(text, file) {
        const instructions = splitInstructions(text);
        const globalArgs = new Map();
        const stages = [];
        for (const instruction of instructions) {
            if (instruction.keyword === 'FROM') {
                stages.push(parseFrom(instruction, stages.length, file));
            }
            else if (stages.length > 0) {
                stages[stages.length - 1]?.instructions.push(instruction);
            }
            else if (instruction.keyword === 'ARG') {
                for (const [name, value] of parseArgDeclarations(instruction.text))
                    globalArgs.set(name, value);
            }
        }
        if (stages.length === 0)
            throw new errors/* UserError */.yo(`${file}: has no FROM instruction, so it builds nothing.`, { file });
        return new Dockerfile(file, globalArgs, stages);
    }
    /** How stages are named in messages: their `AS` name, or their index for unnamed ones. */
    stageLabels() {
        return this.stages.map(stageLabel);
    }
    /** The stage `--target` names (case-insensitive, as Docker matches), or the last stage when there is no target. */
    targetStage(target) {
        if (target === undefined)
            return this.stages[this.stages.length - 1];
        const found = this.stages.find((stage) => stage.name === target.toLowerCase());
        if (!found) {
            const named = this.stages.flatMap((stage) => (stage.name ? [stage.name] : []));
            const choices = named.length > 0 ? `its stages are ${named.join(', ')}` : 'it has no named stage';
            throw new errors/* UserError */.yo(`target "${target}" is not a stage of ${this.file}: ${choices}.`, { file: this.file });
        }
        return found;
    }
    /** The earlier stage a reference (a FROM base, COPY --from, RUN --mount from=) names, if it names one. */
    stageNamed(reference, before) {
        const lower = reference.toLowerCase();
        const byIndex = /^\d+$/.test(reference) ? this.stages[Number(reference)] : undefined;
        const found = byIndex ?? this.stages.find((stage) => stage.name === lower);
        return found && found.index < before ? found : undefined;
    }
    /** The stages a build of `target` needs, in file order: the target and every stage it copies from or builds on. */
    stagesNeededFor(target) {
        const needed = new Set();
        const visit = (stage) => {
            if (needed.has(stage.index))
                return;
            needed.add(stage.index);
            for (const reference of [stage.base, ...stageReferences(stage)]) {
                const dependency = this.stageNamed(reference, stage.index);
                if (dependency)
                    visit(dependency);
            }
        };
        visit(target);
        return this.stages.filter((stage) => needed.has(stage.index));
    }
    /** A stage's base image with the global ARGs substituted (build args override their defaults). */
    resolvedBase(stage, buildArgs) {
        const values = new Map();
        for (const [name, fallback] of this.globalArgs) {
            const value = buildArgs.get(name) ?? fallback;
            if (value !== undefined)
                values.set(name, value);
        }
        return substituteVariables(stage.base, values);
    }
}
function stageLabel(stage) {
    return stage.name ?? String(stage.index);
}
/** `COPY --from=x` and `RUN --mount=...,from=x` references inside a stage. */
function stageReferences(stage) {
    const references = [];
    for (const instruction of stage.instructions) {
        for (const flag of leadingFlags(instruction.text).flags) {
            const copyFrom = /^--from=(.+)$/.exec(flag);
            if (copyFrom && (instruction.keyword === 'COPY' || instruction.keyword === 'ADD'))
                references.push(copyFrom[1]);
            const mount = /^--mount=(.+)$/.exec(flag);
            const mountFrom = mount?.[1].split(',').find((option) => option.startsWith('from='));
            if (mountFrom)
                references.push(mountFrom.slice('from='.length));
        }
    }
    return references;
}
/** Splits `--flag=value ... rest` into the leading flags and the rest. */
function leadingFlags(text) {
    const words = text.split(/\s+/).filter((word) => word.length > 0);
    const firstPlain = words.findIndex((word) => !word.startsWith('--'));
    const split = firstPlain < 0 ? words.length : firstPlain;
    return { flags: words.slice(0, split), rest: words.slice(split) };
}
function parseFrom(instruction, index, file) {
    const { rest } = leadingFlags(instruction.text);
    const [base, as, name, ...extra] = rest;
    const named = as !== undefined && as.toLowerCase() === 'as' && name !== undefined && extra.length === 0;
    if (!base || (as !== undefined && !named)) {
        throw new errors/* UserError */.yo(`${file}:${instruction.line}: FROM must be "FROM image [AS name]".`, {
            file,
            line: instruction.line,
        });
    }
    return { index, name: named ? name.toLowerCase() : undefined, base, line: instruction.line, instructions: [] };
}
/** `ARG A=1 B` declares A with default 1 and B without one. */
function parseArgDeclarations(text) {
    return text
        .split(/\s+/)
        .filter((word) => word.length > 0)
        .map((word) => {
        const equals = word.indexOf('=');
        return equals < 0 ? [word, undefined] : [word.slice(0, equals), unquote(word.slice(equals + 1))];
    });
}
function unquote(value) {
    return /^(["']).*\1$/.test(value) ? value.slice(1, -1) : value;
}
/** Docker's `$VAR`, `${VAR}`, `${VAR:-default}` and `${VAR:+alternative}`; unknown variables become empty. */
function substituteVariables(text, values) {
    return text.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?::([-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g, (_, braced, operator, word, bare) => {
        const value = values.get(braced ?? bare);
        if (operator === '-')
            return value ? value : (word ?? '');
        if (operator === '+')
            return value ? (word ?? '') : '';
        return value ?? '';
    });
}
/** Splits the text into instructions, as Docker's parser does before it looks at any instruction. */
function splitInstructions(text) {
    const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
    const escape = escapeCharacter(lines);
    const instructions = [];
    let index = 0;
    while (index < lines.length) {
        const start = index;
        const first = lines[index++];
        if (isBlankOrComment(first))
            continue;
        let joined = first;
        while (endsWithEscape(joined, escape) && index < lines.length) {
            joined = joined.trimEnd().slice(0, -1).trimEnd();
            // Blank and comment lines inside a continuation are dropped, and the continuation goes on.
            while (index < lines.length && isBlankOrComment(lines[index]))
                index++;
            if (index < lines.length)
                joined += ` ${lines[index++].trim()}`;
        }
        const match = /^\s*(\S+)\s*(.*)$/.exec(joined);
        if (!match)
            continue;
        const keyword = match[1].toUpperCase();
        const body = match[2].trim();
        instructions.push({ keyword, text: body, line: start + 1 });
        if (HEREDOC_KEYWORDS.has(keyword))
            index = skipHeredocs(body, lines, index);
    }
    return instructions;
}
function skipHeredocs(body, lines, index) {
    let next = index;
    for (const match of body.matchAll(HEREDOC)) {
        const stripTabs = match[1] === '-';
        const word = match[3];
        while (next < lines.length) {
            const line = lines[next++];
            if ((stripTabs ? line.replace(/^\t+/, '') : line) === word)
                break;
        }
    }
    return next;
}
/** The `# escape=` parser directive, which may only appear before any other line. */
function escapeCharacter(lines) {
    for (const line of lines) {
        const directive = DIRECTIVE.exec(line);
        if (!directive)
            break;
        if (directive[1].toLowerCase() === 'escape' && (directive[2] === '`' || directive[2] === '\\')) {
            return directive[2];
        }
    }
    return '\\';
}
function isBlankOrComment(line) {
    const trimmed = line.trim();
    return trimmed === '' || trimmed.startsWith('#');
}
function endsWithEscape(line, escape) {
    return line.trimEnd().endsWith(escape);
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/build/dockerfile-checks.js

const ROOT_USERS = new Set(['root', '0']);
const URL_SOURCE = /^(https?|ftp):\/\//i;
const DIGEST_PINNED = /@sha256:[a-f0-9]{64}$/;
/**
 * Checks a Dockerfile as it will be built (for `target`, with these build args): one stage only, a final stage
 * running as root, a base image not pinned by digest, `ADD` of a URL. Findings are in line order.
 */
function checkDockerfile(dockerfile, target, buildArgs) {
    const built = dockerfile.stagesNeededFor(target);
    const findings = [
        ...singleStage(dockerfile),
        ...runsAsRoot(dockerfile, target),
        ...built.flatMap((stage) => baseNotPinned(dockerfile, stage, buildArgs)),
        ...built.flatMap(addFromUrl),
    ];
    return findings.sort((a, b) => a.line - b.line);
}
function singleStage(dockerfile) {
    if (dockerfile.stages.length > 1)
        return [];
    return [
        {
            rule: 'single-stage',
            line: dockerfile.stages[0].line,
            message: 'single-stage build: the build tools ship in the image; build in a builder stage and copy the result',
        },
    ];
}
function runsAsRoot(dockerfile, target) {
    const user = effectiveUser(dockerfile, target);
    if (user && !ROOT_USERS.has(user.name.split(':')[0]))
        return [];
    const where = `the final stage (${stageLabel(target)})`;
    return [
        user
            ? { rule: 'runs-as-root', line: user.line, message: `${where} runs as root: USER ${user.name}` }
            : { rule: 'runs-as-root', line: target.line, message: `${where} has no USER, so it runs as root` },
    ];
}
/** The last USER of a stage, or of the stage it is built on. */
function effectiveUser(dockerfile, stage) {
    const users = stage.instructions.filter((instruction) => instruction.keyword === 'USER');
    const last = users[users.length - 1];
    if (last)
        return { name: last.text.trim(), line: last.line };
    const parent = dockerfile.stageNamed(stage.base, stage.index);
    return parent ? effectiveUser(dockerfile, parent) : undefined;
}
function baseNotPinned(dockerfile, stage, buildArgs) {
    if (dockerfile.stageNamed(stage.base, stage.index))
        return [];
    const image = dockerfile.resolvedBase(stage, buildArgs);
    if (image === '' || image.toLowerCase() === 'scratch' || DIGEST_PINNED.test(image))
        return [];
    const spelled = image === stage.base ? image : `${stage.base} = ${image}`;
    return [
        {
            rule: 'base-not-pinned',
            line: stage.line,
            message: `base image ${spelled} is not pinned by digest: a tag can move; use name:tag@sha256:...`,
        },
    ];
}
function addFromUrl(stage) {
    return stage.instructions
        .filter((instruction) => instruction.keyword === 'ADD')
        .filter((instruction) => {
        const { flags, rest } = leadingFlags(instruction.text);
        return (!flags.some((flag) => flag.startsWith('--checksum=')) &&
            rest.slice(0, -1).some((source) => URL_SOURCE.test(source)));
    })
        .map((instruction) => ({
        rule: 'add-from-url',
        line: instruction.line,
        message: 'ADD of a URL fetches unverified bytes: download in a RUN step and check a checksum, or use ADD --checksum',
    }));
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/build/labels.js
const OCI_LABELS = {
    source: 'org.opencontainers.image.source',
    revision: 'org.opencontainers.image.revision',
    created: 'org.opencontainers.image.created',
    version: 'org.opencontainers.image.version',
    title: 'org.opencontainers.image.title',
};
/**
 * The OCI annotations of the image, from the source context: where the code lives, which commit, when, which
 * version and what it is called. A label the context cannot tell is left out, never guessed; `extra` wins.
 */
function imageLabels(image, source, version, extra) {
    const labels = {};
    const repositoryName = source.repository?.split('/').pop();
    if (source.repository) {
        labels[OCI_LABELS.source] =
            `${(source.serverUrl ?? 'https://github.com').replace(/\/+$/, '')}/${source.repository}`;
    }
    if (source.sha)
        labels[OCI_LABELS.revision] = source.sha;
    labels[OCI_LABELS.created] = source.created.toISOString();
    if (version)
        labels[OCI_LABELS.version] = version;
    labels[OCI_LABELS.title] = repositoryName || image.path.split('/').pop();
    for (const [key, value] of extra)
        labels[key] = value;
    return labels;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/secrets.js
var secrets = __webpack_require__(1877);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/build/registry.js




const DEFAULT_RETRY = { attempts: 4, firstDelayMs: 1000 };
const REQUEST_TIMEOUT_MS = 15_000;
const MANIFEST_TYPES = [
    'application/vnd.oci.image.index.v1+json',
    'application/vnd.oci.image.manifest.v1+json',
    'application/vnd.docker.distribution.manifest.list.v2+json',
    'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');
const LOOPBACK_HOST = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])(?::\d+)?$/;
/** The registry answered, but with a status the lookup cannot go past. */
class RegistryStatusError extends Error {
    status;
    constructor(status, what) {
        super(`${what} answered HTTP ${status}`);
        this.status = status;
    }
}
/**
 * Talks to an OCI registry over its HTTP API: whether it answers at all, and which manifest digest a tag serves
 * (the Docker-Content-Digest, or the SHA-256 of the manifest's bytes). Anonymous first, then the bearer-token or
 * basic challenge the registry answers with.
 */
class RegistryClient {
    credentials;
    retry;
    constructor(options = {}) {
        this.credentials = options.credentials ?? (() => undefined);
        this.retry = options.retry ?? DEFAULT_RETRY;
    }
    /** Resolves once the registry answers HTTP (any status: 401 is an answer); a UserError after the retries. */
    async ensureReachable(registry) {
        const url = `${registryUrl(registry)}/v2/`;
        await this.withRetries(registry, async () => {
            const response = await this.request(url, { method: 'GET' });
            if (response.status >= 500)
                throw new RegistryStatusError(response.status, `GET ${url}`);
        });
    }
    /** The digest the registry serves for `image:tag`; undefined when it refuses to show it to these credentials. */
    async manifestDigest(image, tag) {
        const url = `${registryUrl(image.registry)}/v2/${image.path}/manifests/${encodeURIComponent(tag)}`;
        return this.withRetries(image.registry, async () => {
            const head = await this.authorized(url, 'HEAD', image);
            if (head === undefined)
                return undefined;
            const digest = head.headers.get('docker-content-digest');
            if (digest)
                return digest;
            const get = await this.authorized(url, 'GET', image);
            if (get === undefined)
                return undefined;
            return `sha256:${(0,external_node_crypto_.createHash)('sha256')
                .update(Buffer.from(await get.arrayBuffer()))
                .digest('hex')}`;
        });
    }
    /** A successful response, following one auth challenge; undefined when access is denied. */
    async authorized(url, method, image) {
        const headers = { Accept: MANIFEST_TYPES };
        let response = await this.request(url, { method, headers });
        if (response.status === 401) {
            const authorization = await this.answerChallenge(response.headers.get('www-authenticate') ?? '', image);
            if (authorization)
                response = await this.request(url, { method, headers: { ...headers, Authorization: authorization } });
        }
        if (response.status === 401 || response.status === 403)
            return undefined;
        if (!response.ok)
            throw new RegistryStatusError(response.status, `${method} ${url}`);
        return response;
    }
    /** The Authorization header for a `Bearer realm=...` or `Basic` challenge, if one can be made. */
    async answerChallenge(challenge, image) {
        const credentials = this.credentials(image.registry);
        if (/^basic\b/i.test(challenge))
            return credentials ? basicAuth(credentials) : undefined;
        const params = parseChallenge(challenge);
        if (!/^bearer\b/i.test(challenge) || !params.realm)
            return undefined;
        const tokenUrl = new URL(params.realm);
        if (params.service)
            tokenUrl.searchParams.set('service', params.service);
        tokenUrl.searchParams.set('scope', `repository:${image.path}:pull`);
        const response = await this.request(tokenUrl.href, {
            method: 'GET',
            headers: credentials ? { Authorization: basicAuth(credentials) } : {},
        });
        if (!response.ok)
            return undefined;
        const body = (await response.json());
        const token = body.token ?? body.access_token;
        (0,secrets/* registerSecret */.c)(token);
        return token ? `Bearer ${token}` : undefined;
    }
    request(url, init) {
        return fetch(url, { ...init, redirect: 'follow', signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    }
    /** Runs `call`, retrying network failures and 5xx answers with doubling delays, then gives up with a UserError. */
    async withRetries(registry, call) {
        let delay = this.retry.firstDelayMs;
        for (let attempt = 1;; attempt++) {
            try {
                return await call();
            }
            catch (error) {
                const answered = error instanceof RegistryStatusError;
                if (answered && error.status < 500)
                    throw error;
                if (attempt >= this.retry.attempts) {
                    const problem = answered
                        ? `keeps failing: ${error.message}`
                        : `is unreachable: ${describeNetworkError(error)}`;
                    throw new errors/* UserError */.yo(`Registry ${registry} ${problem} (${attempt} attempts).`);
                }
                await (0,external_node_timers_promises_.setTimeout)(delay);
                delay *= 2;
            }
        }
    }
}
/** Docker's rule: loopback registries speak plain HTTP, every other one HTTPS; Docker Hub's API lives elsewhere. */
function registryUrl(registry) {
    if (registry === 'docker.io')
        return 'https://registry-1.docker.io';
    return `${LOOPBACK_HOST.test(registry) ? 'http' : 'https'}://${registry}`;
}
function basicAuth(credentials) {
    return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
}
/** `Bearer realm="https://x/token",service="x",scope="..."` to its parameters. */
function parseChallenge(challenge) {
    const params = {};
    for (const match of challenge.matchAll(/(\w+)="([^"]*)"/g))
        params[match[1].toLowerCase()] = match[2];
    return params;
}
/** fetch hides the cause (ECONNREFUSED, a DNS failure) one level down; a timeout is an AbortSignal's error. */
function describeNetworkError(error) {
    const { cause, name, message } = (error ?? {});
    if (cause?.code)
        return `${cause.code}${cause.message ? ` (${cause.message})` : ''}`;
    if (name === 'TimeoutError')
        return `no answer within ${REQUEST_TIMEOUT_MS / 1000} s`;
    if (cause?.message)
        return `${message}: ${cause.message}`;
    return message ?? String(error);
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/build/registry-credentials.js



const DOCKER_HUB_KEY = 'https://index.docker.io/v1/';
/**
 * Credentials from the docker CLI's config.json ($DOCKER_CONFIG, else ~/.docker), where `docker login` and
 * docker/login-action store them. Credential helpers (credsStore, credHelpers) are not read.
 */
function dockerConfigCredentials(env = process.env) {
    const config = readDockerConfig(external_node_path_.join(env.DOCKER_CONFIG ?? external_node_path_.join(env.HOME ?? external_node_os_.homedir(), '.docker'), 'config.json'));
    return (registry) => {
        const keys = registry === 'docker.io' ? [DOCKER_HUB_KEY, 'docker.io', 'index.docker.io'] : [registry];
        for (const key of keys.flatMap((host) => [host, `https://${host}`, `http://${host}`])) {
            const entry = config.auths?.[key];
            if (!entry)
                continue;
            if (entry.username && entry.password)
                return { username: entry.username, password: entry.password };
            const decoded = entry.auth ? Buffer.from(entry.auth, 'base64').toString('utf8') : '';
            const colon = decoded.indexOf(':');
            if (colon > 0)
                return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
        }
        return undefined;
    };
}
function readDockerConfig(file) {
    try {
        return JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8'));
    }
    catch {
        // No config (never logged in) or an unreadable one: look the registry up anonymously.
        return {};
    }
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/build/secret-files.js


/**
 * Writes each secret to its own file, readable by this user only, for `--secret id=...,src=...`: a file keeps the
 * value out of argv, the environment of every other process, and the image. The caller deletes `dir` afterwards.
 */
async function writeSecretFiles(secrets, dir) {
    const folder = external_node_path_.join(dir, 'secrets');
    await (0,promises_.mkdir)(folder, { recursive: true, mode: 0o700 });
    const files = [];
    let index = 0;
    for (const [id, value] of secrets) {
        // Numbered, not named by id: an id is user text and must not pick a path.
        const file = external_node_path_.join(folder, String(index++));
        await (0,promises_.writeFile)(file, value, { mode: 0o600, flag: 'wx' });
        files.push({ id, file });
    }
    return files;
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/build/served-digest.js
/**
 * The manifest digest the registry serves for every pushed tag. It must be one digest, and the one the push
 * reported (when it reported one): a tag serving another means a concurrent push moved it.
 */
async function servedDigest(lookup, image, tags, pushedDigest) {
    const digests = await Promise.all(tags.map((tag) => lookup.manifestDigest(image, tag)));
    const served = tags.flatMap((tag, index) => (digests[index] ? [{ tag, digest: digests[index] }] : []));
    if (served.length === 0) {
        if (!pushedDigest)
            throw new Error(`Neither the push nor the registry told the digest of ${image}.`);
        return { digest: pushedDigest, source: 'push' };
    }
    const expected = pushedDigest ?? served[0].digest;
    const moved = served.find((entry) => entry.digest !== expected);
    if (moved) {
        throw new Error(`${image.withVersion({ tag: moved.tag })} serves ${moved.digest}, not the pushed ${expected}: ` +
            'another push moved the tag.');
    }
    return { digest: expected, source: 'registry' };
}

// EXTERNAL MODULE: ./tmp/ncc-input/src/core/build/source-context.js
var source_context = __webpack_require__(4232);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/build/tags.js
var build_tags = __webpack_require__(5730);
// EXTERNAL MODULE: ./node_modules/@actions/io/lib/io.js
var io = __webpack_require__(8701);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/exec.js
var exec = __webpack_require__(2855);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/docker.js



const PUSHED_DIGEST = /^\S+: digest: (sha256:[a-f0-9]{64}) size: \d+$/m;
/** The Docker CLI; every call goes through one `exec`. */
class Docker {
    path;
    env;
    constructor(path, env) {
        this.path = path;
        this.env = env;
    }
    static async create(options = {}) {
        const found = options.path ?? (await io/* which */.K7('docker', false));
        if (!found)
            throw new errors/* UserError */.yo('The docker CLI is not on PATH: this action builds with Docker.');
        return new Docker(found, options.env ?? {});
    }
    /** The CLI's and the engine's versions; a UserError when the engine does not answer. */
    async versions() {
        const result = await this.exec(['version', '--format', '{{json .}}'], { silent: true, allowFailure: true });
        const parsed = parseVersionJson(result.stdout);
        if (result.exitCode !== 0 || !parsed?.Server?.Version) {
            const reason = (0,exec/* lastLines */.w$)(result.stderr || result.stdout, 1) || `exit code ${result.exitCode}`;
            throw new errors/* UserError */.yo(`The Docker Engine does not answer (${this.path} version): ${reason}`);
        }
        return { client: parsed.Client?.Version ?? '', server: parsed.Server.Version, serverOs: parsed.Server.Os ?? '' };
    }
    /** Whether `docker buildx` is installed as a CLI plugin. */
    async hasBuildx() {
        const result = await this.exec(['buildx', 'version'], { silent: true, allowFailure: true });
        return result.exitCode === 0;
    }
    /** `docker build <args>`; returns a failed build's exit code and output rather than throwing. */
    async build(args, options) {
        return this.exec(['build', ...args], {
            allowFailure: true,
            env: { DOCKER_BUILDKIT: options.buildKit ? '1' : '0' },
        });
    }
    /** `docker buildx build <args>`; returns a failed build's exit code and output rather than throwing. */
    async buildxBuild(args) {
        return this.exec(['buildx', 'build', ...args], { allowFailure: true });
    }
    /** Pushes one tag and returns the manifest digest the registry accepted; a UserError when it refuses. */
    async push(reference) {
        const { exitCode, stdout, stderr } = await this.exec(['push', reference], { allowFailure: true });
        if (exitCode !== 0) {
            // Mostly a missing login or permission (denied, unauthorized), which the user fixes.
            throw new errors/* UserError */.yo(`docker push ${reference} failed: ${(0,exec/* lastLines */.w$)(stderr || stdout, 2)}`);
        }
        const digest = PUSHED_DIGEST.exec(stdout)?.[1];
        if (!digest)
            throw new Error(`docker push ${reference} printed no digest: ${(0,exec/* lastLines */.w$)(stdout, 3)}`);
        return digest;
    }
    exec(args, options = {}) {
        return (0,exec/* execTool */.wc)(this.path, args, { ...options, env: { ...this.env, ...options.env } });
    }
}
function parseVersionJson(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}

// EXTERNAL MODULE: ./tmp/ncc-input/src/core/file-scope.js
var file_scope = __webpack_require__(2077);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/outputs.js
var outputs = __webpack_require__(9018);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/summary.js
var summary = __webpack_require__(412);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/actions/build-multistage/report.js

function successSummary(report) {
    const rows = [
        ['Image', (0,summary/* code */.a)(report.image)],
        ['Digest', report.digest ? (0,summary/* code */.a)(report.digest) : 'not pushed (push: false), so no registry digest'],
        ['Tags', report.tags.map(summary/* code */.a).join('<br>')],
        ['Builder', report.builder],
        ['Stages built', stagesText(report)],
        ['Cache hits', report.steps ? `${report.steps.cached} of ${report.steps.total} steps` : 'unknown'],
        ['Duration', `${report.durationSeconds.toFixed(1)} s`],
        ['Dockerfile checks', checksText(report)],
    ];
    if (report.imageId)
        rows.splice(2, 0, ['Image ID', (0,summary/* code */.a)(report.imageId)]);
    return new summary/* JobSummary */.c().heading(`build-multistage: ${report.image}`).table(['', 'Result'], rows);
}
function failureSummary(report, error) {
    return new summary/* JobSummary */.c()
        .heading(`build-multistage: ${report.image} failed to build`)
        .paragraph(`The ${report.builder} builder failed at ${(0,summary/* code */.a)(error.failure.step)} (stages: ${stagesText(report)}).`)
        .details('Last lines of the failing step', error.failure.lines.join('\n'));
}
function stagesText(report) {
    return report.stages.map((stage) => (stage === report.target ? `${stage} (final)` : stage)).join(', ');
}
function checksText(report) {
    if (report.policy === 'off')
        return 'off';
    return report.findings === 0 ? 'no findings' : `${report.findings} finding(s), annotated (policy: ${report.policy})`;
}

// EXTERNAL MODULE: ./tmp/ncc-input/src/actions/build-multistage/settings.js
var build_multistage_settings = __webpack_require__(6712);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/actions/build-multistage/run.js





















/**
 * Checks the Dockerfile, works out tags and labels, builds with the builder the machine offers, pushes, and reads
 * back from the registry the digest every tag serves. Sets the outputs only when all of it worked.
 */
async function buildMultistage(settings, setOutput = outputs/* actionOutputs */.d, deps = {}) {
    const started = performance.now();
    const { dockerfile, target, findings } = await checkedDockerfile(settings);
    const source = deps.source ?? (0,source_context/* readSourceContext */.j0)();
    const tags = (0,build_tags/* resolveTags */.yN)(settings.tagRules, source);
    const labels = imageLabels(settings.image, source, (0,build_tags/* versionOf */.E4)(tags), settings.labels);
    const registry = deps.registry ?? new RegistryClient({ credentials: dockerConfigCredentials() });
    // Both before the build, so an unreachable registry fails in seconds rather than after a long build.
    const [builder] = await Promise.all([
        chooseBuilder(settings.builder, deps.docker ?? (await Docker.create())),
        settings.push ? registry.ensureReachable(settings.image.registry) : undefined,
    ]);
    const report = {
        image: settings.image.toString(),
        builder: builder.name,
        target: stageLabel(target),
        stages: builder.stagesBuilt(dockerfile, target).map(stageLabel),
        tags: tags.map((tag) => settings.image.withVersion({ tag })),
        labels,
        pushed: settings.push,
        findings: findings.length,
        policy: settings.policy,
        durationSeconds: 0,
    };
    core/* info */.pq(`Builder: ${builder.name}; stages: ${report.stages.join(', ')}; tags: ${report.tags.join(', ')}`);
    const workDir = await (0,promises_.mkdtemp)(external_node_path_.join(deps.tempDir ?? process.env.RUNNER_TEMP ?? external_node_os_.tmpdir(), 'build-multistage-'));
    try {
        const built = await buildAndPush(settings, builder, report, workDir);
        report.imageId = built.imageId;
        report.steps = built.steps;
        if (settings.push) {
            const served = await servedDigest(registry, settings.image, tags, built.pushedDigest);
            if (served.source === 'push') {
                core/* warning */.$e(`The registry did not show ${settings.image}'s manifests to this action (credentials in a helper?); ` +
                    `digest ${served.digest} is the one the push reported.`);
            }
            report.digest = served.digest;
            report.digestSource = served.source;
        }
    }
    catch (error) {
        if (error instanceof image_builder/* BuildFailedError */.Wu) {
            report.durationSeconds = secondsSince(started);
            await failureSummary(report, error).write();
        }
        throw error;
    }
    finally {
        await (0,promises_.rm)(workDir, { recursive: true, force: true });
    }
    report.durationSeconds = secondsSince(started);
    setOutputs(setOutput, settings, report);
    await successSummary(report).write();
    return report;
}
/** Parses the Dockerfile, finds the target stage, and reports the checks (failing under policy "error"). */
async function checkedDockerfile(settings) {
    const file = (0,file_scope/* relativeToRoot */.y)(settings.workspace, settings.dockerfile);
    const dockerfile = Dockerfile.parse(await (0,promises_.readFile)(settings.dockerfile, 'utf8'), file);
    const target = dockerfile.targetStage(settings.target);
    const findings = settings.policy === 'off' ? [] : checkDockerfile(dockerfile, target, settings.buildArgs);
    reportFindings(file, findings, settings.policy);
    return { dockerfile, target, findings };
}
function reportFindings(file, findings, policy) {
    const annotate = policy === 'error' ? core/* error */.z3 : core/* warning */.$e;
    for (const finding of findings) {
        annotate(`${file}:${finding.line}: ${finding.message} (${finding.rule})`, { file, startLine: finding.line });
    }
    if (policy === 'error' && findings.length > 0) {
        throw new errors/* UserError */.yo(`${findings.length} Dockerfile check(s) failed under policy "error" (annotated above): fix them or set policy: warn.`);
    }
}
/** Writes the secrets to private files and has the builder build (and push) with the tags and labels of `report`. */
async function buildAndPush(settings, builder, report, workDir) {
    const request = {
        context: settings.context,
        dockerfile: settings.dockerfile,
        target: settings.target,
        buildArgs: settings.buildArgs,
        secrets: await writeSecretFiles(settings.secrets, workDir),
        labels: report.labels,
        tags: report.tags,
        platforms: settings.platforms,
        cacheFrom: settings.cacheFrom,
        cacheTo: settings.cacheTo,
        network: settings.network,
        push: settings.push,
        workDir,
    };
    builder.refuseUnsupported(request);
    return builder.build(request);
}
function setOutputs(setOutput, settings, report) {
    const imageRef = report.digest ? settings.image.withVersion({ digest: report.digest }) : '';
    setOutput(build_multistage_settings/* OUTPUTS */.py.digest, report.digest ?? '');
    setOutput(build_multistage_settings/* OUTPUTS */.py.imageRef, imageRef);
    setOutput(build_multistage_settings/* OUTPUTS */.py.tags, JSON.stringify(report.tags));
    setOutput(build_multistage_settings/* OUTPUTS */.py.imageId, report.imageId ?? '');
    setOutput(build_multistage_settings/* OUTPUTS */.py.metadata, JSON.stringify(report));
    core/* info */.pq(imageRef ? `Pushed ${imageRef} as ${report.tags.join(', ')}` : `Built ${report.imageId ?? 'the image'}, not pushed`);
}
function secondsSince(started) {
    return Math.round(performance.now() - started) / 1000;
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

/***/ 9018:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ actionOutputs)
/* harmony export */ });
/* unused harmony export outputsToRecord */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3838);

const actionOutputs = (name, value) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH(name, value);
function outputsToRecord(record) {
    return (name, value) => {
        record[name] = value;
    };
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
