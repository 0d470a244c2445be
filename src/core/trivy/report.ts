import { type Severity, severityOf } from './severity.js';

// The parts of trivy's JSON report (SchemaVersion 2) this library reads; everything else is carried through untouched.

export interface TrivyReport {
  SchemaVersion: number;
  Trivy?: { Version?: string };
  ArtifactName?: string;
  ArtifactType?: string;
  Results?: TrivyResult[];
}

export interface TrivyResult {
  Target: string;
  Class?: string;
  Type?: string;
  Vulnerabilities?: TrivyVulnerability[];
  Misconfigurations?: TrivyMisconfiguration[];
  Secrets?: TrivySecret[];
}

export interface TrivyVulnerability {
  VulnerabilityID: string;
  PkgName?: string;
  PkgPath?: string;
  PkgIdentifier?: { PURL?: string };
  InstalledVersion?: string;
  FixedVersion?: string;
  Status?: string;
  Severity?: string;
  Title?: string;
  Description?: string;
  PrimaryURL?: string;
}

export interface TrivyMisconfiguration {
  ID: string;
  AVDID?: string;
  Title?: string;
  Message?: string;
  Resolution?: string;
  Severity?: string;
  PrimaryURL?: string;
  Status?: string;
  CauseMetadata?: { StartLine?: number };
}

export interface TrivySecret {
  RuleID: string;
  Title?: string;
  Severity?: string;
  StartLine?: number;
}

export type FindingKind = 'vulnerability' | 'misconfiguration' | 'secret';

/** One vulnerability, misconfiguration or secret of a report, in the same shape whatever its kind. */
export interface Finding {
  kind: FindingKind;
  /** CVE/GHSA id, check id (e.g. DS-0002) or secret rule id. */
  id: string;
  /** Other ids an ignore rule may use: a misconfiguration's AVD id. */
  aliases: string[];
  severity: Severity;
  /** The result the finding belongs to: an OS, a lock file, a file inside the image. */
  target: string;
  /** Trivy's class of that result: os-pkgs, lang-pkgs, config, secret. */
  resultClass?: string;
  packageName?: string;
  installedVersion?: string;
  fixedVersion?: string;
  /** Trivy's vulnerability status: fixed, affected, will_not_fix, ... */
  status?: string;
  purl?: string;
  packagePath?: string;
  /** 1-based line in `target`, for secrets and misconfigurations. */
  line?: number;
  title: string;
  description?: string;
  url?: string;
  /** The report entry this finding was read from, to write the report back without the dropped ones. */
  entry: object;
}

/** Parses trivy's `--format json` output; anything else is a bug or a broken trivy, not a user mistake. */
export function parseTrivyReport(text: string, source: string): TrivyReport {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${source} is not JSON: ${(error as Error).message}`, { cause: error });
  }
  const report = value as Partial<TrivyReport> | null;
  if (typeof report !== 'object' || report === null || Array.isArray(report)) {
    throw new Error(`${source} is not a trivy JSON report.`);
  }
  if (report.SchemaVersion !== 2) {
    throw new Error(`${source} has SchemaVersion ${String(report.SchemaVersion)}; only trivy's schema 2 is supported.`);
  }
  if (report.Results !== undefined && report.Results !== null && !Array.isArray(report.Results)) {
    throw new Error(`${source} has a Results field that is not a list.`);
  }
  return report as TrivyReport;
}

/** Every finding of the report, in report order. A clean report may have no Results, or results without findings. */
export function findingsOf(report: TrivyReport): Finding[] {
  return (report.Results ?? []).flatMap((result) => [
    ...(result.Vulnerabilities ?? []).map((entry) => fromVulnerability(result, entry)),
    ...(result.Misconfigurations ?? []).filter(isFailure).map((entry) => fromMisconfiguration(result, entry)),
    ...(result.Secrets ?? []).map((entry) => fromSecret(result, entry)),
  ]);
}

/** The report with only the given findings left; results keep their order, emptied lists are dropped as trivy does. */
export function reportWithOnly(report: TrivyReport, kept: readonly Finding[]): TrivyReport {
  const keep = new Set(kept.map((finding) => finding.entry));
  const only = <T extends object>(entries: T[] | undefined): T[] | undefined => {
    const left = entries?.filter((entry) => keep.has(entry));
    return left && left.length > 0 ? left : undefined;
  };
  if (!report.Results) return report;
  return {
    ...report,
    Results: report.Results.map((result) => ({
      ...result,
      Vulnerabilities: only(result.Vulnerabilities),
      Misconfigurations: only(result.Misconfigurations),
      Secrets: only(result.Secrets),
    })),
  };
}

function fromVulnerability(result: TrivyResult, entry: TrivyVulnerability): Finding {
  return {
    kind: 'vulnerability',
    id: entry.VulnerabilityID,
    aliases: [],
    severity: severityOf(entry.Severity),
    target: result.Target,
    resultClass: result.Class,
    packageName: entry.PkgName,
    installedVersion: entry.InstalledVersion,
    fixedVersion: entry.FixedVersion || undefined,
    status: entry.Status,
    purl: entry.PkgIdentifier?.PURL,
    packagePath: entry.PkgPath,
    // Trivy's fixture DB, like NVD-only entries, has no title for some ids: the description's first sentence stands in.
    title: entry.Title || firstSentence(entry.Description) || entry.VulnerabilityID,
    description: entry.Description,
    url: entry.PrimaryURL,
    entry,
  };
}

function fromMisconfiguration(result: TrivyResult, entry: TrivyMisconfiguration): Finding {
  return {
    kind: 'misconfiguration',
    id: entry.ID,
    aliases: entry.AVDID && entry.AVDID !== entry.ID ? [entry.AVDID] : [],
    severity: severityOf(entry.Severity),
    target: result.Target,
    resultClass: result.Class,
    line: entry.CauseMetadata?.StartLine,
    title: entry.Title || entry.ID,
    description: entry.Message,
    url: entry.PrimaryURL,
    entry,
  };
}

function fromSecret(result: TrivyResult, entry: TrivySecret): Finding {
  return {
    kind: 'secret',
    id: entry.RuleID,
    aliases: [],
    severity: severityOf(entry.Severity),
    target: result.Target,
    resultClass: result.Class,
    line: entry.StartLine,
    title: entry.Title || entry.RuleID,
    entry,
  };
}

// Trivy lists passed checks only with --include-non-failures, which we never pass; skip them should they appear.
function isFailure(entry: TrivyMisconfiguration): boolean {
  return entry.Status === undefined || entry.Status === 'FAIL';
}

function firstSentence(text: string | undefined): string | undefined {
  const sentence = text?.split(/(?<=\.)\s/)[0]?.trim();
  if (!sentence) return undefined;
  return sentence.length > 120 ? `${sentence.slice(0, 117)}...` : sentence;
}
