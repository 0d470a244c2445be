export const id = 111;
export const ids = [111];
export const modules = {

/***/ 8111:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  deliveryRecord: () => (/* binding */ deliveryRecord)
});

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/run-context.js
function runLinks(env) {
    const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
    const repository = env.GITHUB_REPOSITORY;
    if (!repository)
        return {};
    const attempt = Number(env.GITHUB_RUN_ATTEMPT ?? 1);
    return {
        commitUrl: env.GITHUB_SHA ? `${server}/${repository}/commit/${env.GITHUB_SHA}` : undefined,
        runUrl: env.GITHUB_RUN_ID
            ? `${server}/${repository}/actions/runs/${env.GITHUB_RUN_ID}${attempt > 1 ? `/attempts/${attempt}` : ''}`
            : undefined,
    };
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/actions/kubectl-apply/delivery-record.js

/** The commit and the run URL of this workflow run, from the variables every runner sets. */
function deliveryRecord(env) {
    return { commit: env.GITHUB_SHA || undefined, runUrl: runLinks(env).runUrl };
}


/***/ })

};
