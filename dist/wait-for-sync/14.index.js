export const id = 14;
export const ids = [14];
export const modules = {

/***/ 9014:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Kubeconfig: () => (/* binding */ Kubeconfig)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5685);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1877);






// Credentials a kubeconfig user can carry: each is masked, and the *-data ones also decoded.
const SECRET_FIELDS = ['token', 'password', 'client-key-data', 'client-certificate-data'];
const ENCODED_FIELDS = new Set(['client-key-data', 'client-certificate-data', 'certificate-authority-data']);
/**
 * A kubeconfig given as text: checked to be one (without ever quoting it), its credentials masked,
 * then written 0600 into a fresh 0700 folder that `remove` deletes.
 */
class Kubeconfig {
    text;
    contexts;
    constructor(text, contexts) {
        this.text = text;
        this.contexts = contexts;
    }
    /** Parses and checks the text; `input` names it in errors, `context` must be one of its contexts. */
    static parse(text, input, context) {
        const document = (0,yaml__WEBPACK_IMPORTED_MODULE_3__/* .parseDocument */ .Tp)(text, { uniqueKeys: false });
        const invalid = (reason) => new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`Input "${input}" is not a kubeconfig: ${reason}.`);
        if (document.errors.length > 0) {
            const line = document.errors[0]?.linePos?.[0].line;
            throw invalid(`it is not valid YAML${line ? ` (line ${line})` : ''}`);
        }
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_3__/* .isMap */ .jh)(document.contents))
            throw invalid('it is not a YAML mapping');
        const config = document.toJS();
        if (config.kind !== undefined && config.kind !== 'Config')
            throw invalid(`its kind is "${String(config.kind)}", not Config`);
        const clusters = entries(config.clusters);
        const users = entries(config.users);
        const contexts = entries(config.contexts);
        if (clusters.length === 0 || !clusters.every((entry) => typeof entry.cluster?.server === 'string')) {
            throw invalid('it needs "clusters", each with a cluster.server URL');
        }
        if (contexts.length === 0)
            throw invalid('it has no "contexts"');
        for (const user of users)
            registerUserSecrets(user.user ?? {});
        for (const cluster of clusters)
            registerEncoded(cluster.cluster?.['certificate-authority-data']);
        const names = contexts.map((entry) => String(entry.name));
        const current = context ?? (typeof config['current-context'] === 'string' ? config['current-context'] : undefined);
        if (!current)
            throw invalid('it has no current-context; set the "kube-context" input');
        if (!names.includes(current)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`Context "${current}" is not in the kubeconfig; it has: ${names.join(', ')}.`);
        }
        return new Kubeconfig(text, names);
    }
    /** A fresh path under `parent` for `write`, known before anything is written so a post step can remove it. */
    static fileUnder(parent) {
        return node_path__WEBPACK_IMPORTED_MODULE_2__.join(parent, `kubeconfig-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)()}`, 'config');
    }
    /** Writes the file 0600 inside a new 0700 folder. */
    async write(file) {
        await node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir(node_path__WEBPACK_IMPORTED_MODULE_2__.dirname(file), { mode: 0o700 });
        await node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile(file, this.text, { mode: 0o600 });
    }
    /** Deletes a file `write` made, with its folder; nothing happens when it is already gone. */
    static async remove(file) {
        await node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm(node_path__WEBPACK_IMPORTED_MODULE_2__.dirname(file), { recursive: true, force: true });
    }
}
function entries(value) {
    return Array.isArray(value)
        ? value.filter((entry) => typeof entry === 'object' && entry !== null)
        : [];
}
function registerUserSecrets(user) {
    for (const field of SECRET_FIELDS) {
        const value = user[field];
        if (typeof value !== 'string')
            continue;
        if (ENCODED_FIELDS.has(field))
            registerEncoded(value);
        else
            (0,_secrets_js__WEBPACK_IMPORTED_MODULE_5__/* .registerSecret */ .cl)(value);
    }
    // Exec plugins and auth providers can carry credentials in their env and config.
    const exec = user.exec;
    for (const variable of exec?.env ?? [])
        if (typeof variable.value === 'string')
            (0,_secrets_js__WEBPACK_IMPORTED_MODULE_5__/* .registerSecret */ .cl)(variable.value);
    const provider = user['auth-provider'];
    for (const value of Object.values(provider?.config ?? {}))
        if (typeof value === 'string')
            (0,_secrets_js__WEBPACK_IMPORTED_MODULE_5__/* .registerSecret */ .cl)(value);
}
/** Masks base64 data and each line of what it decodes to, except PEM armour lines. */
function registerEncoded(value) {
    if (typeof value !== 'string' || value.length === 0)
        return;
    (0,_secrets_js__WEBPACK_IMPORTED_MODULE_5__/* .registerSecret */ .cl)(value);
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    for (const line of decoded.split(/\r?\n/)) {
        if (line.trim() && !line.startsWith('-----'))
            (0,_secrets_js__WEBPACK_IMPORTED_MODULE_5__/* .registerSecret */ .cl)(line);
    }
}


/***/ })

};
