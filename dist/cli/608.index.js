export const id = 608;
export const ids = [608];
export const modules = {

/***/ 2608:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   deliveryRecord: () => (/* binding */ deliveryRecord)
/* harmony export */ });
/* harmony import */ var _core_run_context_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(85399);

/** The commit and the run URL of this workflow run, from the variables every runner sets. */
function deliveryRecord(env) {
    return { commit: env.GITHUB_SHA || undefined, runUrl: (0,_core_run_context_js__WEBPACK_IMPORTED_MODULE_0__/* .runLinks */ .$)(env).runUrl };
}


/***/ })

};
