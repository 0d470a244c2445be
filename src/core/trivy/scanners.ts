/** The trivy scanners whose findings this library reads (trivy's license scanner is not one of them). */
export const SCANNERS = ['vuln', 'misconfig', 'secret'] as const;
export type Scanner = (typeof SCANNERS)[number];
