export const id = 147;
export const ids = [147];
export const modules = {

/***/ 26147:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   recordAttestation: () => (/* binding */ recordAttestation)
/* harmony export */ });
/* harmony import */ var _api_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(95712);
/* harmony import */ var _repository_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(14548);


/**
 * Records a signed attestation (a Sigstore bundle) with GitHub's artifact attestations API, where
 * `gh attestation verify` and the repository's Attestations page find it. Returns the attestation's id.
 */
async function recordAttestation(client, repository, bundle) {
    try {
        const { data } = await client.request('POST /repos/{owner}/{repo}/attestations', {
            owner: repository.owner,
            repo: repository.repo,
            bundle: bundle,
        });
        return data.id;
    }
    catch (error) {
        throw (0,_api_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .explainApiError */ .cU)(error, `record an attestation in ${(0,_repository_js__WEBPACK_IMPORTED_MODULE_1__/* .formatRepositoryName */ .FI)(repository)}`, 'attestations: write');
    }
}


/***/ })

};
