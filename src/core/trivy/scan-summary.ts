import { code, JobSummary } from '../summary.js';
import type { ScanPolicy, ScanVerdict } from './policy.js';
import type { Finding } from './report.js';
import { SEVERITIES } from './severity.js';

/** More rows than this make the step summary slow to open; the SARIF and JSON files have them all. */
export const MAX_SUMMARY_ROWS = 200;

/** The job summary of a scan: counts per severity, then every gated finding with a link to its advisory. */
export function scanSummary(image: string, policy: ScanPolicy, verdict: ScanVerdict): JobSummary {
  const summary = new JobSummary().heading(`trivy-scan: ${verdict.passed ? 'passed' : 'failed'} for ${code(image)}`);
  const ignored = verdict.leftOut.filter((item) => item.reason === 'ignore-file').length;
  const unfixed = verdict.leftOut.length - ignored;
  summary.paragraph(
    [
      `Gate: ${policy.gate.join(', ')}.`,
      ignored > 0 ? `${ignored} finding(s) left out by ignore files.` : '',
      policy.ignoreUnfixed ? `${unfixed} unfixed finding(s) left out.` : '',
    ]
      .filter(Boolean)
      .join(' '),
  );
  summary.table(
    ['Severity', 'Findings', 'Gated'],
    SEVERITIES.map((severity) => [
      severity,
      String(verdict.counts[severity]),
      policy.gate.includes(severity) ? 'yes' : 'no',
    ]),
  );
  if (verdict.gated.length === 0) return summary.paragraph('No finding at a gated severity.');

  summary.table(
    ['Severity', 'Package', 'Installed', 'Fixed version', 'ID', 'Title'],
    verdict.gated.slice(0, MAX_SUMMARY_ROWS).map(row),
  );
  if (verdict.gated.length > MAX_SUMMARY_ROWS) {
    summary.paragraph(
      `…and ${verdict.gated.length - MAX_SUMMARY_ROWS} more gated finding(s); the SARIF and JSON report list them all.`,
    );
  }
  return summary;
}

function row(finding: Finding): string[] {
  const id = finding.url ? `[${finding.id}](${finding.url})` : finding.id;
  if (finding.kind !== 'vulnerability') {
    const where = finding.line ? `${finding.target}:${finding.line}` : finding.target;
    return [finding.severity, `${finding.kind}: ${where}`, '', '', id, finding.title];
  }
  return [
    finding.severity,
    finding.packageName ?? '',
    finding.installedVersion ?? '',
    finding.fixedVersion ?? 'none',
    id,
    finding.title,
  ];
}
