import type { IgnoreRule, IgnoreRules } from './ignore-file.js';
import type { Finding } from './report.js';
import { type Severity, type SeverityCounts, severityRank, zeroCounts } from './severity.js';

/** What a scan is judged by: the gate's severities, and which findings are left out before anything is counted. */
export interface ScanPolicy {
  gate: readonly Severity[];
  ignoreUnfixed: boolean;
  ignoreRules: IgnoreRules;
}

export type LeftOut =
  { finding: Finding; reason: 'ignore-file'; rule: IgnoreRule } | { finding: Finding; reason: 'unfixed' };

/**
 * The one judgement every output derives from: counts and the JSON report use `kept`, the gate, SARIF and the
 * summary use `gated`, so what fails the build is exactly what code scanning shows.
 */
export interface ScanVerdict {
  /** Findings after the ignore files and ignore-unfixed, every severity. */
  kept: Finding[];
  leftOut: LeftOut[];
  /** `kept` per severity. */
  counts: SeverityCounts;
  /** The kept findings at a gated severity, most severe first. */
  gated: Finding[];
  passed: boolean;
}

// `--ignore-unfixed` in trivy is shorthand for ignoring these statuses: https://trivy.dev/docs/configuration/filtering
const UNFIXED_STATUSES = new Set(['affected', 'will_not_fix', 'fix_deferred', 'end_of_life']);

export function judge(findings: readonly Finding[], policy: ScanPolicy): ScanVerdict {
  const kept: Finding[] = [];
  const leftOut: LeftOut[] = [];
  for (const finding of findings) {
    const rule = policy.ignoreRules.match(finding);
    if (rule) leftOut.push({ finding, reason: 'ignore-file', rule });
    else if (policy.ignoreUnfixed && isUnfixed(finding)) leftOut.push({ finding, reason: 'unfixed' });
    else kept.push(finding);
  }
  const counts = zeroCounts();
  for (const finding of kept) counts[finding.severity]++;
  const gated = kept
    .filter((finding) => policy.gate.includes(finding.severity))
    .sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
  return { kept, leftOut, counts, gated, passed: gated.length === 0 };
}

/** A vulnerability with no fix to upgrade to; reports without a status (older trivy) are judged by FixedVersion. */
export function isUnfixed(finding: Finding): boolean {
  if (finding.kind !== 'vulnerability') return false;
  return finding.status ? UNFIXED_STATUSES.has(finding.status) : !finding.fixedVersion;
}
