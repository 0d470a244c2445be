import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument, type YAMLMap } from 'yaml';
import { type SourceLocation, UserError } from '../errors.js';
import { globToRegExp } from '../file-scope.js';
import { type PackageUrl, packageUrlMatches, parsePackageUrl } from './purl.js';
import type { Finding, FindingKind } from './report.js';

/** One entry of a `.trivyignore` or `.trivyignore.yaml` file. */
export interface IgnoreRule {
  /** The finding id (or a misconfiguration's AVD id); undefined when the entry matches by paths or purls alone. */
  id?: string;
  kinds: readonly FindingKind[];
  /** Globs (`**` crosses directories) matched against a finding's target or package path. */
  paths: RegExp[];
  /** Vulnerabilities only: packages the entry is limited to. */
  purls: PackageUrl[];
  /** The entry stops applying at this instant (trivy: 00:00 UTC of the `exp:` / `expired_at` date). */
  expiresAt?: Date;
  statement?: string;
  source: SourceLocation;
}

/** The rules of the given ignore files, split into those in force now and those that have expired. */
export class IgnoreRules {
  private constructor(
    readonly active: readonly IgnoreRule[],
    readonly expired: readonly IgnoreRule[],
  ) {}

  static of(rules: readonly IgnoreRule[], now: Date): IgnoreRules {
    const expired = (rule: IgnoreRule) => rule.expiresAt !== undefined && rule.expiresAt.getTime() < now.getTime();
    return new IgnoreRules(
      rules.filter((rule) => !expired(rule)),
      rules.filter(expired),
    );
  }

  static none(): IgnoreRules {
    return new IgnoreRules([], []);
  }

  /** The first rule in force that ignores the finding. */
  match(finding: Finding): IgnoreRule | undefined {
    return this.active.find((rule) => ruleMatches(rule, finding));
  }
}

const ALL_KINDS: readonly FindingKind[] = ['vulnerability', 'misconfiguration', 'secret'];
const YAML_SECTIONS: Record<string, FindingKind | undefined> = {
  vulnerabilities: 'vulnerability',
  misconfigurations: 'misconfiguration',
  secrets: 'secret',
  // Valid in trivy's format; this action runs no license scanner, so such entries never match.
  licenses: undefined,
};
const DATE = /^\d{4}-\d{2}-\d{2}(?:[Tt ][\d:.]+(?:[Zz]|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Reads and parses ignore files in order, each named relative to `root` (as messages and annotations show it);
 * a missing, unreadable or malformed file is a UserError naming it.
 */
export async function loadIgnoreFiles(files: readonly string[], root: string, now: Date): Promise<IgnoreRules> {
  const rules: IgnoreRule[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(path.resolve(root, file), 'utf8');
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      throw new UserError(`Cannot read ignore file ${file} (${reason}).`);
    }
    rules.push(...parseIgnoreFile(text, file));
  }
  return IgnoreRules.of(rules, now);
}

/** `.yaml`/`.yml` files are trivy's YAML format; anything else is the plain one-id-per-line format. */
export function parseIgnoreFile(text: string, file: string): IgnoreRule[] {
  return /\.ya?ml$/i.test(file) ? parseYamlIgnore(text, file) : parsePlainIgnore(text, file);
}

/** One id per line, optionally followed by `exp:YYYY-MM-DD`; `#` starts a comment line; the id applies to every kind. */
function parsePlainIgnore(text: string, file: string): IgnoreRule[] {
  const rules: IgnoreRule[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const [id, ...fields] = line.split(/\s+/) as [string, ...string[]];
    const source = { file, line: index + 1 };
    const exp = fields.find((field) => field.startsWith('exp:'));
    rules.push({
      id,
      kinds: ALL_KINDS,
      paths: [],
      purls: [],
      expiresAt: exp === undefined ? undefined : parseDate(exp.slice(4), source),
      source,
    });
  });
  return rules;
}

function parseYamlIgnore(text: string, file: string): IgnoreRule[] {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
  const at = (node: Node | null | undefined): SourceLocation => ({
    file,
    line: node?.range ? lines.linePos(node.range[0]).line : undefined,
  });
  const firstError = document.errors[0];
  if (firstError) {
    const line = firstError.linePos?.[0].line;
    throw refusal({ file, line }, `invalid YAML: ${firstError.message.split('\n')[0]}`);
  }
  if (document.contents === null) return [];
  if (!isMap(document.contents)) {
    throw refusal(at(document.contents), `expected a map of ${Object.keys(YAML_SECTIONS).join(', ')}.`);
  }

  const rules: IgnoreRule[] = [];
  for (const pair of document.contents.items) {
    const section = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!(section in YAML_SECTIONS)) {
      const sections = Object.keys(YAML_SECTIONS).join(', ');
      throw refusal(at(pair.key as Node), `unknown section "${section}"; use ${sections}.`);
    }
    const kind = YAML_SECTIONS[section];
    if (pair.value === null || (isScalar(pair.value) && pair.value.value === null)) continue;
    if (!isSeq(pair.value)) throw refusal(at(pair.value as Node), `"${section}" must be a list.`);
    for (const item of pair.value.items) {
      if (!isMap(item))
        throw refusal(at(item as Node), 'each entry must be a map of id, paths, purls, expired_at, statement.');
      const rule = yamlEntry(item, kind, at(item), at);
      if (kind) rules.push(rule);
    }
  }
  return rules;
}

function yamlEntry(
  entry: YAMLMap,
  kind: FindingKind | undefined,
  source: SourceLocation,
  at: (node: Node | null | undefined) => SourceLocation,
): IgnoreRule {
  const field = (name: string): Node | undefined => entry.get(name, true) as Node | undefined;
  const id = optionalString(field('id'), 'id', at);
  const paths = stringList(field('paths'), 'paths', at).map((pattern) => {
    try {
      return globToRegExp(pattern);
    } catch (error) {
      throw refusal(source, `path pattern "${pattern}": ${(error as Error).message}`);
    }
  });
  const purls = stringList(field('purls'), 'purls', at).map((text) => {
    const purl = parsePackageUrl(text);
    if (!purl) throw refusal(source, `"${text}" is not a package URL (pkg:type/name@version).`);
    return purl;
  });
  if (purls.length > 0 && kind !== 'vulnerability') {
    throw refusal(source, '"purls" applies only to vulnerabilities.');
  }
  if (id === undefined && paths.length === 0 && purls.length === 0) {
    throw refusal(source, 'the entry has no "id", "paths" or "purls", so it would ignore everything.');
  }
  const expiry = optionalString(field('expired_at'), 'expired_at', at);
  return {
    id,
    kinds: kind ? [kind] : [],
    paths,
    purls,
    expiresAt: expiry === undefined ? undefined : parseDate(expiry, at(field('expired_at'))),
    statement: optionalString(field('statement'), 'statement', at),
    source,
  };
}

function optionalString(
  node: Node | undefined,
  name: string,
  at: (node: Node | null | undefined) => SourceLocation,
): string | undefined {
  if (node === undefined || (isScalar(node) && node.value === null)) return undefined;
  if (!isScalar(node) || typeof node.value === 'object') {
    throw refusal(at(node), `"${name}" must be a single value.`);
  }
  return String(node.value);
}

function stringList(
  node: Node | undefined,
  name: string,
  at: (node: Node | null | undefined) => SourceLocation,
): string[] {
  if (node === undefined || (isScalar(node) && node.value === null)) return [];
  if (!isSeq(node)) throw refusal(at(node), `"${name}" must be a list.`);
  return node.items.map((item) => optionalString(item as Node, name, at) ?? '').filter((text) => text !== '');
}

function parseDate(text: string, source: SourceLocation): Date {
  const date = DATE.test(text) ? new Date(text) : undefined;
  if (!date || Number.isNaN(date.getTime())) {
    throw refusal(source, `"${text}" is not a date; write it as YYYY-MM-DD.`);
  }
  return date;
}

function ruleMatches(rule: IgnoreRule, finding: Finding): boolean {
  if (!rule.kinds.includes(finding.kind)) return false;
  if (rule.id !== undefined && rule.id !== finding.id && !finding.aliases.includes(rule.id)) return false;
  if (rule.paths.length > 0) {
    const candidates = [finding.target, finding.packagePath].filter((p): p is string => Boolean(p));
    if (!candidates.some((candidate) => rule.paths.some((matcher) => matcher.test(candidate)))) return false;
  }
  if (rule.purls.length > 0) {
    // Stricter than trivy, which lets a purl-limited entry match a finding without a purl: such a finding stays.
    const target = finding.purl ? parsePackageUrl(finding.purl) : undefined;
    if (!target || !rule.purls.some((purl) => packageUrlMatches(purl, target))) return false;
  }
  return true;
}

/** A one-line UserError starting with file:line, annotated at that place. */
function refusal(location: SourceLocation, problem: string): UserError {
  const where = location.line ? `${location.file}:${location.line}` : location.file;
  return new UserError(`${where}: ${problem}`, location);
}
