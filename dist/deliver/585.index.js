export const id = 585;
export const ids = [585];
export const modules = {

/***/ 7585:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   deliver: () => (/* binding */ deliver)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3838);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5685);
/* harmony import */ var _core_outputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9018);
/* harmony import */ var _steps_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4909);
/* harmony import */ var _settings_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(955);





// Which step output becomes which output of deliver.
const PUBLISHED = {
    'build-multistage': { digest: _settings_js__WEBPACK_IMPORTED_MODULE_4__/* .OUTPUTS */ .py.digest, 'image-ref': _settings_js__WEBPACK_IMPORTED_MODULE_4__/* .OUTPUTS */ .py.imageRef },
    'trivy-scan': { counts: _settings_js__WEBPACK_IMPORTED_MODULE_4__/* .OUTPUTS */ .py.scanCounts },
    'cosign-sign': { 'signature-ref': _settings_js__WEBPACK_IMPORTED_MODULE_4__/* .OUTPUTS */ .py.signatureRef, 'verify-command': _settings_js__WEBPACK_IMPORTED_MODULE_4__/* .OUTPUTS */ .py.verifyCommand },
    'kubectl-apply': { status: _settings_js__WEBPACK_IMPORTED_MODULE_4__/* .OUTPUTS */ .py.status, applied: _settings_js__WEBPACK_IMPORTED_MODULE_4__/* .OUTPUTS */ .py.applied },
    'open-gitops-pr': {
        'pull-request-url': _settings_js__WEBPACK_IMPORTED_MODULE_4__/* .OUTPUTS */ .py.pullRequestUrl,
        'pull-request-number': _settings_js__WEBPACK_IMPORTED_MODULE_4__/* .OUTPUTS */ .py.pullRequestNumber,
        operation: _settings_js__WEBPACK_IMPORTED_MODULE_4__/* .OUTPUTS */ .py.operation,
    },
};
/**
 * Runs the whole chain in this process: build, scan, sign, then apply (push) or the GitOps pull request (pull).
 * Every step's inputs are checked before the build starts; each later step gets the image by digest only, and a
 * failing scan gate or signature verification stops the chain before the hand-off.
 */
async function deliver(settings, inputs, host, setOutput = _core_outputs_js__WEBPACK_IMPORTED_MODULE_2__/* .actionOutputs */ .d) {
    const placeholder = `${inputs(_settings_js__WEBPACK_IMPORTED_MODULE_4__/* .INPUTS */ .mc.image)}@${_settings_js__WEBPACK_IMPORTED_MODULE_4__/* .DIGEST_PLACEHOLDER */ .Vp}`;
    for (const step of settings.chain)
        await (0,_steps_js__WEBPACK_IMPORTED_MODULE_3__/* .checkStep */ .bn)(step.name, (0,_settings_js__WEBPACK_IMPORTED_MODULE_4__/* .stepInputs */ .af)(step, inputs, placeholder), host);
    let imageRef = placeholder;
    for (const step of settings.chain) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .startGroup */ .Oh(`deliver (${settings.mode}): ${step.name}`);
        const outputs = new Map();
        try {
            await (0,_steps_js__WEBPACK_IMPORTED_MODULE_3__/* .runStep */ .eg)(step.name, (0,_settings_js__WEBPACK_IMPORTED_MODULE_4__/* .stepInputs */ .af)(step, inputs, imageRef), (name, value) => outputs.set(name, value), host);
        }
        finally {
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .endGroup */ .N4();
            // Also when the step fails: a failed gate's counts and a rolled-back apply's status are what users look at.
            for (const [from, to] of Object.entries(PUBLISHED[step.name] ?? {})) {
                if (outputs.has(from))
                    setOutput(to, outputs.get(from));
            }
        }
        if (step.name === 'build-multistage')
            imageRef = pushedImageRef(outputs);
    }
}
function pushedImageRef(outputs) {
    const imageRef = outputs.get('image-ref');
    if (!imageRef)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo('The build pushed no digest, so nothing can be scanned, signed or delivered.');
    return imageRef;
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


/***/ })

};
