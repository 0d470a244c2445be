/** The refs a delivered image may be built from unless the caller says otherwise: main and release tags. */
export const DEFAULT_ALLOWED_REFS = 'refs/heads/main|refs/tags/.*';
