export const id = 585;
export const ids = [585];
export const modules = {

/***/ 87585:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   deliver: () => (/* binding */ deliver)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(92202);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5685);
/* harmony import */ var _core_outputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(39018);
/* harmony import */ var _steps_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(24909);
/* harmony import */ var _vocabulary_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(76252);
/* harmony import */ var _settings_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(70955);
/* harmony import */ var _chain_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(41397);







/**
 * Runs the whole chain in this process: build, scan, sign, then apply (push) or the GitOps pull request (pull).
 * Every step's inputs are checked before the build starts; each later step gets the image by digest only, and a
 * failing scan gate or signature verification stops the chain before the hand-off. Every output of every step is
 * published under its name in the vocabulary (scan-counts, gitops-commit-sha).
 */
async function deliver(settings, inputs, host, setOutput = _core_outputs_js__WEBPACK_IMPORTED_MODULE_2__/* .actionOutputs */ .d) {
    const placeholders = (0,_settings_js__WEBPACK_IMPORTED_MODULE_5__/* .placeholderOutputs */ .gJ)(inputs);
    for (const step of settings.chain) {
        await inStepNames(step, () => (0,_steps_js__WEBPACK_IMPORTED_MODULE_3__/* .checkStep */ .bn)(step.name, (0,_settings_js__WEBPACK_IMPORTED_MODULE_5__/* .stepInputs */ .af)(step, inputs, placeholders), host));
    }
    const outputs = new Map();
    for (const step of settings.chain) {
        // As soon as it is known: a failed gate's counts and a rolled-back apply's status are what users look at.
        const publish = (name, value) => setOutput((0,_vocabulary_js__WEBPACK_IMPORTED_MODULE_4__/* .rootName */ .SX)(step.name, name), value);
        try {
            await runChainStep(step, `deliver (${settings.mode})`, { inputs, host, outputs, publish });
        }
        catch (error) {
            if (step.name === 'wait-for-sync' && settings.revert.length > 0) {
                await revertIfBroken(settings.revert, error, { inputs, host, outputs, publish });
            }
            throw error;
        }
        if (step.name === 'build-multistage' && !outputs.get(step.name)?.get('image-ref')) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo('The build pushed no digest, so nothing can be scanned, signed or delivered.');
        }
    }
}
async function runChainStep(step, group, run) {
    const stepOutputs = new Map();
    run.outputs.set(step.name, stepOutputs);
    const record = (name, value) => {
        stepOutputs.set(name, value);
        run.publish(name, value);
    };
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .startGroup */ .Oh(`${group}: ${step.name}`);
    try {
        await inStepNames(step, () => (0,_steps_js__WEBPACK_IMPORTED_MODULE_3__/* .runStep */ .eg)(step.name, (0,_settings_js__WEBPACK_IMPORTED_MODULE_5__/* .stepInputs */ .af)(step, run.inputs, run.outputs), record, run.host));
    }
    finally {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .endGroup */ .N4();
    }
}
/**
 * After a wait that ended degraded or failed: reverts the hand-off commit the GitOps way and waits for the revert,
 * then fails the delivery with sync-status rolled-back. The revert's own outputs are not published: the outputs
 * keep describing the hand-off.
 */
async function revertIfBroken(steps, failure, run) {
    const wait = run.outputs.get('wait-for-sync');
    const status = wait?.get('status') ?? '';
    const revision = wait?.get('revision') ?? '';
    if (!_chain_js__WEBPACK_IMPORTED_MODULE_6__/* .REVERTED_STATUSES */ ["do"].includes(status) || revision === '')
        return;
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`The agent ran ${revision.slice(0, 12)} and reported ${status}: reverting it (revert-on-failure).`);
    for (const step of steps)
        await runChainStep(step, 'deliver (revert)', { ...run, publish: () => undefined });
    run.publish('status', 'rolled-back');
    const reverted = run.outputs.get('open-gitops-pr')?.get('commit-sha') ?? '';
    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(failure)} The hand-off ${revision.slice(0, 12)} was reverted` +
        `${reverted ? ` by ${reverted.slice(0, 12)}` : ''} and the revert is live (sync-status rolled-back).`);
}
/** Runs a step so that its user mistakes name deliver's inputs, as the user wrote them. */
async function inStepNames(step, run) {
    try {
        await run();
    }
    catch (error) {
        if (!(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .isUserError */ .iU)(error))
            throw error;
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo((0,_settings_js__WEBPACK_IMPORTED_MODULE_5__/* .inUserNames */ .df)(error.message, step.name, _steps_js__WEBPACK_IMPORTED_MODULE_3__/* .STEPS */ .UT[step.name].inputs), error.location);
    }
}


/***/ }),

/***/ 39018:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ actionOutputs)
/* harmony export */ });
/* unused harmony export outputsToRecord */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(92202);

const actionOutputs = (name, value) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH(name, value);
function outputsToRecord(record) {
    return (name, value) => {
        record[name] = value;
    };
}


/***/ })

};
