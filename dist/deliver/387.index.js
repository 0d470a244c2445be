export const id = 387;
export const ids = [387];
export const modules = {

/***/ 20387:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  bumpManifest: () => (/* binding */ bumpManifest)
});

// EXTERNAL MODULE: ./tmp/ncc-input/node_modules/@actions/core/lib/core.js + 6 modules
var core = __webpack_require__(92202);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/bump/bumper.js + 12 modules
var bump_bumper = __webpack_require__(26688);
// EXTERNAL MODULE: ./node_modules/diff/libesm/patch/create.js + 2 modules
var create = __webpack_require__(37291);
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

// EXTERNAL MODULE: ./tmp/ncc-input/src/core/file-scope.js
var file_scope = __webpack_require__(82077);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/summary.js
var core_summary = __webpack_require__(80412);
// EXTERNAL MODULE: ./tmp/ncc-input/src/actions/bump-manifest/settings.js
var bump_manifest_settings = __webpack_require__(3234);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/workflow-commands.js
var workflow_commands = __webpack_require__(45618);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/actions/bump-manifest/run.js







/** Resolves the paths, edits every reference to the image (or only reports, on a dry run), sets the outputs. */
async function bumpManifest(settings, { setOutput }) {
    const files = await (0,file_scope.resolveYamlFiles)(settings.paths, settings.workingDirectory);
    const bumper = new bump_bumper/* ManifestBumper */.dF();
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
    const summary = new core_summary/* JobSummary */.c().heading(`bump-manifest: ${settings.target.image}${settings.dryRun ? ' (dry run)' : ''}`);
    if (changes.length === 0)
        summary.paragraph(`No reference to ${(0,core_summary/* code */.a)(settings.target.image.repository)} needed a change.`);
    else {
        summary.table(['File', 'Kind', 'Old reference', 'New reference'], changes.map((change) => [`${change.file}:${change.line}`, change.kind, (0,core_summary/* code */.a)(change.from), (0,core_summary/* code */.a)(change.to)]));
    }
    await summary.write();
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
