import type { Finding, FindingKind } from './report.js';
import type { Severity } from './severity.js';

/** What code scanning accepts from one upload: https://docs.github.com/en/code-security/code-scanning (SARIF limits). */
export const GITHUB_SARIF_LIMITS = { runsPerFile: 20, resultsPerRun: 25_000 } as const;
export type SarifLimits = { runsPerFile: number; resultsPerRun: number };

/** One scanned artifact: its gated findings, most severe first, become one SARIF run. */
export interface SarifRunInput {
  /** What was scanned, e.g. `ghcr.io/acme/api@sha256:...`; OS-package findings are located at its repository. */
  artifact: string;
  /** The location of OS-package findings, which have no file: the image repository, e.g. `ghcr.io/acme/api`. */
  artifactUri: string;
  toolVersion: string;
  findings: readonly Finding[];
}

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: SarifRun[];
}

interface SarifRun {
  tool: { driver: { name: string; fullName: string; informationUri: string; version: string; rules: SarifRule[] } };
  automationDetails: { id: string };
  results: SarifResult[];
  columnKind: 'utf16CodeUnits';
  properties: { artifact: string };
}

interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  defaultConfiguration: { level: SarifLevel };
  helpUri?: string;
  help: { text: string; markdown: string };
  properties: { tags: string[]; precision: 'very-high'; 'security-severity'?: string };
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: { text: string };
  locations: {
    physicalLocation: {
      artifactLocation: { uri: string };
      region: { startLine: number; startColumn: 1; endLine: number; endColumn: 1 };
    };
    message: { text: string };
  }[];
}

type SarifLevel = 'error' | 'warning' | 'note';

const LEVELS: Record<Severity, SarifLevel> = {
  CRITICAL: 'error',
  HIGH: 'error',
  MEDIUM: 'warning',
  LOW: 'note',
  UNKNOWN: 'note',
};

// Code scanning ranks alerts by this score (>= 9 critical, 7-8.9 high, 4-6.9 medium, < 4 low). It is derived from
// the severity the gate used, never from a CVSS score, so GitHub ranks an alert as the gate judged it.
const SECURITY_SEVERITY: Record<Severity, string | undefined> = {
  CRITICAL: '9.5',
  HIGH: '8.0',
  MEDIUM: '5.5',
  LOW: '2.0',
  UNKNOWN: undefined,
};

const RULE_NAMES: Record<FindingKind, string> = {
  vulnerability: 'PackageVulnerability',
  misconfiguration: 'Misconfiguration',
  secret: 'Secret',
};

/**
 * Builds the SARIF log for code scanning, kept within GitHub's limits: runs past the 20th and, in each run, the least
 * severe results past the 25,000th are left out, each cut reported in `warnings`.
 */
export function buildSarif(
  inputs: readonly SarifRunInput[],
  limits: SarifLimits = GITHUB_SARIF_LIMITS,
): { log: SarifLog; warnings: string[] } {
  const warnings: string[] = [];
  if (inputs.length > limits.runsPerFile) {
    const dropped = inputs.slice(limits.runsPerFile).map((input) => input.artifact);
    warnings.push(
      `SARIF: ${inputs.length} runs exceed GitHub's limit of ${limits.runsPerFile} per file; left out the runs for ${dropped.join(', ')}.`,
    );
  }
  const runs = inputs.slice(0, limits.runsPerFile).map((input) => {
    if (input.findings.length > limits.resultsPerRun) {
      const left = input.findings.length - limits.resultsPerRun;
      const lowest = input.findings[limits.resultsPerRun]?.severity;
      warnings.push(
        `SARIF: ${input.artifact} has ${input.findings.length} gated findings, over GitHub's limit of ${limits.resultsPerRun} per run; left out the ${left} least severe (from ${lowest} down). The gate, counts and JSON report still include them.`,
      );
    }
    return buildRun(input, input.findings.slice(0, limits.resultsPerRun));
  });
  return {
    log: { $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs },
    warnings,
  };
}

function buildRun(input: SarifRunInput, findings: readonly Finding[]): SarifRun {
  const rules: SarifRule[] = [];
  const ruleIndex = new Map<string, number>();
  const results = findings.map((finding): SarifResult => {
    let index = ruleIndex.get(finding.id);
    if (index === undefined) {
      index = rules.push(ruleFor(finding)) - 1;
      ruleIndex.set(finding.id, index);
    }
    const uri = locationUri(finding, input.artifactUri);
    const line = finding.line && finding.line > 0 ? finding.line : 1;
    return {
      ruleId: finding.id,
      ruleIndex: index,
      level: LEVELS[finding.severity],
      message: { text: messageFor(finding) },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri },
            region: { startLine: line, startColumn: 1, endLine: line, endColumn: 1 },
          },
          message: { text: `${input.artifact}: ${subjectOf(finding)}` },
        },
      ],
    };
  });
  return {
    tool: {
      driver: {
        name: 'Trivy',
        fullName: 'Trivy Vulnerability Scanner',
        informationUri: 'https://github.com/aquasecurity/trivy',
        version: input.toolVersion,
        rules,
      },
    },
    // One category per image repository, so scanning a second image does not close the first one's alerts.
    automationDetails: { id: `trivy-scan/${input.artifactUri}/` },
    results,
    columnKind: 'utf16CodeUnits',
    properties: { artifact: input.artifact },
  };
}

function ruleFor(finding: Finding): SarifRule {
  const link = finding.url ? `[${finding.id}](${finding.url})` : finding.id;
  const score = SECURITY_SEVERITY[finding.severity];
  return {
    id: finding.id,
    name: RULE_NAMES[finding.kind],
    shortDescription: { text: finding.title },
    fullDescription: { text: finding.description || finding.title },
    defaultConfiguration: { level: LEVELS[finding.severity] },
    ...(finding.url ? { helpUri: finding.url } : {}),
    help: {
      text: `${finding.kind} ${finding.id}\nSeverity: ${finding.severity}\n${finding.description || finding.title}`,
      markdown: `**${finding.kind} ${link}**\n\nSeverity: ${finding.severity}\n\n${finding.description || finding.title}`,
    },
    properties: {
      tags: [finding.kind, 'security', finding.severity],
      precision: 'very-high',
      ...(score ? { 'security-severity': score } : {}),
    },
  };
}

function messageFor(finding: Finding): string {
  const lines =
    finding.kind === 'vulnerability'
      ? [
          `Package: ${finding.packageName ?? ''}`,
          `Installed Version: ${finding.installedVersion ?? ''}`,
          `Vulnerability ${finding.id}`,
          `Severity: ${finding.severity}`,
          `Fixed Version: ${finding.fixedVersion ?? 'none'}`,
        ]
      : [`${finding.kind === 'secret' ? 'Secret' : 'Misconfiguration'} ${finding.id}`, `Severity: ${finding.severity}`];
  lines.push(`Title: ${finding.title}`);
  if (finding.url) lines.push(`Link: [${finding.id}](${finding.url})`);
  return lines.join('\n');
}

/** OS packages have no file of their own, so they point at the image; everything else at its file in the image. */
function locationUri(finding: Finding, artifactUri: string): string {
  if (finding.kind === 'vulnerability' && finding.resultClass === 'os-pkgs') return artifactUri;
  return finding.packagePath || finding.target;
}

function subjectOf(finding: Finding): string {
  if (finding.kind !== 'vulnerability') return finding.target;
  return `${finding.packageName ?? ''}@${finding.installedVersion ?? ''}`;
}
