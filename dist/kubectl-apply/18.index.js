export const id = 18;
export const ids = [18];
export const modules = {

/***/ 9018:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   actionOutputs: () => (/* binding */ actionOutputs)
/* harmony export */ });
/* unused harmony export outputsToRecord */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2202);

const actionOutputs = (name, value) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.setOutput(name, value);
function outputsToRecord(record) {
    return (name, value) => {
        record[name] = value;
    };
}


/***/ })

};
