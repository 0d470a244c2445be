import { UserError } from '../errors.js';

/** Trivy's severity names, most severe first. */
export const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'UNKNOWN'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Findings per severity; every severity is present, zero when none. */
export type SeverityCounts = Record<Severity, number>;

export function isSeverity(value: string): value is Severity {
  return (SEVERITIES as readonly string[]).includes(value);
}

/** Trivy writes an empty severity for some findings and treats it as UNKNOWN; so do we. */
export function severityOf(value: string | undefined): Severity {
  return value && isSeverity(value) ? value : 'UNKNOWN';
}

/** Sort key: 0 for CRITICAL up to 4 for UNKNOWN. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

export function zeroCounts(): SeverityCounts {
  return { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, UNKNOWN: 0 };
}

/** Parses a list such as `CRITICAL,HIGH` (any case); an unknown name is a UserError naming the input. */
export function parseSeverities(names: readonly string[], input: string): Severity[] {
  if (names.length === 0)
    throw new UserError(`Input "${input}" names no severity; use some of ${SEVERITIES.join(', ')}.`);
  const parsed = new Set<Severity>();
  for (const name of names) {
    const upper = name.toUpperCase();
    if (!isSeverity(upper)) {
      throw new UserError(`Input "${input}" has unknown severity "${name}"; use some of ${SEVERITIES.join(', ')}.`);
    }
    parsed.add(upper);
  }
  return SEVERITIES.filter((severity) => parsed.has(severity));
}
