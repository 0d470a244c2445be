export const id = 608;
export const ids = [608];
export const modules = {

/***/ 2608:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   deliveryRecord: () => (/* binding */ deliveryRecord)
/* harmony export */ });
/** The commit and the run URL of this workflow run, from the variables every runner sets. */
function deliveryRecord(env) {
    const { GITHUB_SHA, GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_RUN_ID, GITHUB_RUN_ATTEMPT } = env;
    const runUrl = GITHUB_SERVER_URL && GITHUB_REPOSITORY && GITHUB_RUN_ID
        ? `${GITHUB_SERVER_URL}/${GITHUB_REPOSITORY}/actions/runs/${GITHUB_RUN_ID}${GITHUB_RUN_ATTEMPT ? `/attempts/${GITHUB_RUN_ATTEMPT}` : ''}`
        : undefined;
    return { commit: GITHUB_SHA || undefined, runUrl };
}


/***/ })

};
