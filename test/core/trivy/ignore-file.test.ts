import { describe, expect, it } from '@jest/globals';
import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { UserError } from '../../../src/core/errors.js';
import { IgnoreRules, loadIgnoreFiles, parseIgnoreFile } from '../../../src/core/trivy/ignore-file.js';
import { TRIVY_FIXTURES } from '../../doubles/trivy/index.js';
import { tempTree } from '../../helpers/temp-dir.js';

const NOW = new Date('2026-03-01T12:00:00Z');

describe('ignore files', () => {
  it('reads the plain format: ids, comments, exp: dates and extra key:value fields', async () => {
    const rules = await loadIgnoreFiles(['ignore/trivy-pkg-result.trivyignore'], TRIVY_FIXTURES, NOW);
    expect(rules.active.map((rule) => rule.id)).toEqual([
      'CVE-2019-0001',
      'CVE-2019-0002',
      'CVE-2019-0005',
      'CVE-2019-0006',
      'ID300',
      'AVD-ID400',
      'generic-unwanted-rule',
      'GPL-3.0',
    ]);
    expect(rules.expired.map((rule) => [rule.id, rule.expiresAt?.toISOString(), rule.source.line])).toEqual([
      ['CVE-2019-0004', '2020-01-01T00:00:00.000Z', 4],
    ]);
    expect(rules.active[0]?.kinds).toEqual(['vulnerability', 'misconfiguration', 'secret']);
    expect(rules.active[3]?.expiresAt?.toISOString()).toBe('9999-01-01T00:00:00.000Z');
  });

  it('reads the YAML format: sections, paths, purls and expired_at', async () => {
    const rules = await loadIgnoreFiles(['ignore/trivy-pkg-result.trivyignore.yaml'], TRIVY_FIXTURES, NOW);
    const describe = (list: typeof rules.active) =>
      list.map((rule) => `${rule.kinds.join('|')} ${rule.id} paths=${rule.paths.length} purls=${rule.purls.length}`);
    expect(describe(rules.active)).toEqual([
      'vulnerability CVE-2019-0001 paths=1 purls=0',
      'vulnerability CVE-2019-0002 paths=1 purls=0',
      'vulnerability CVE-2019-0003 paths=0 purls=0',
      'vulnerability CVE-2019-0004 paths=1 purls=0',
      'vulnerability CVE-2019-0007 paths=0 purls=2',
      'misconfiguration ID100 paths=0 purls=0',
      'misconfiguration ID200 paths=1 purls=0',
      'misconfiguration ID300 paths=1 purls=0',
      'misconfiguration AVD-ID400 paths=0 purls=0',
      'secret generic-unwanted-rule paths=0 purls=0',
      'secret generic-unwanted-rule2 paths=1 purls=0',
      'secret generic-wanted-rule paths=1 purls=0',
    ]);
    expect(rules.expired.map((rule) => [rule.id, rule.expiresAt?.toISOString().slice(0, 10)])).toEqual([
      ['CVE-2019-0005', '2023-01-01'],
      ['CVE-2019-0006', '2020-01-01'],
    ]);
    expect(rules.active[0]?.paths[0]?.test('app/package-lock.json')).toBe(true);
    expect(rules.active[0]?.paths[0]?.test('app/package.json')).toBe(false);
    expect(rules.active[4]?.purls.map((purl) => `${purl.namespace}/${purl.name}@${purl.version}`)).toEqual([
      'github.com/aquasecurity/aaa@9.9.9',
      'github.com/aquasecurity/bar@',
    ]);
  });

  it("reads trivy-action's own ignore files", async () => {
    const files = [
      'ignore/trivy-action.trivyignore1',
      'ignore/trivy-action.trivyignore2',
      'ignore/trivy-action.trivyignore.yaml',
    ];
    const rules = await loadIgnoreFiles(files, TRIVY_FIXTURES, NOW);
    expect(rules.active.map((rule) => rule.id)).toEqual([
      'CVE-2020-25576',
      'CVE-2019-15551',
      'CVE-2019-15554',
      'CVE-2018-14618',
      'CVE-2018-16839',
    ]);
    expect(rules.active.map((rule) => `${rule.source.file}:${rule.source.line}`)).toEqual([
      'ignore/trivy-action.trivyignore1:2',
      'ignore/trivy-action.trivyignore1:3',
      'ignore/trivy-action.trivyignore2:2',
      'ignore/trivy-action.trivyignore.yaml:2',
      'ignore/trivy-action.trivyignore.yaml:3',
    ]);
  });

  it('stops applying an entry at 00:00 UTC of its expiry date', () => {
    const rules = parseIgnoreFile('CVE-1 exp:2026-03-01\nCVE-2 exp:2026-03-02\n', '.trivyignore');
    const at = (iso: string) => IgnoreRules.of(rules, new Date(iso)).active.map((rule) => rule.id);
    expect(at('2026-02-28T23:59:59Z')).toEqual(['CVE-1', 'CVE-2']);
    expect(at('2026-03-01T00:00:01Z')).toEqual(['CVE-2']);
  });

  it('accepts YAML entries that match by paths or purls alone, and empty sections', () => {
    const rules = parseIgnoreFile(
      'vulnerabilities:\n  - purls: ["pkg:deb/ubuntu/linux-libc-dev"]\n    statement: headers only\nsecrets:\n',
      '.trivyignore.yaml',
    );
    expect(rules).toHaveLength(1);
    expect(rules[0]).toMatchObject({ id: undefined, statement: 'headers only' });
    expect(parseIgnoreFile('', 'empty.yaml')).toEqual([]);
  });

  type BadFile = [name: string, file: string, text: string | undefined, error: RegExp];
  const bad: BadFile[] = [
    ['missing file', 'nope/.trivyignore', undefined, /^Cannot read ignore file nope\/\.trivyignore \(ENOENT\)\.$/],
    ['a directory', 'dir', undefined, /^Cannot read ignore file dir \(EISDIR\)\.$/],
    ['bad exp date', '.trivyignore', '# x\nCVE-1 exp:2026-13-45\n', /^\.trivyignore:2: "2026-13-45" is not a date/],
    ['exp not a date', '.trivyignore', 'CVE-1 exp:soon\n', /^\.trivyignore:1: "soon" is not a date/],
    ['invalid YAML', 'i.yaml', 'vulnerabilities:\n  - id: [CVE-1\n', /^i\.yaml:\d+: invalid YAML/],
    ['duplicate key', 'i.yaml', 'vulnerabilities: []\nvulnerabilities: []\n', /^i\.yaml:2: invalid YAML/],
    ['top level list', 'i.yaml', '- CVE-1\n', /^i\.yaml:1: expected a map of vulnerabilities/],
    ['unknown section', 'i.yaml', 'vulnerability:\n  - id: CVE-1\n', /^i\.yaml:1: unknown section "vulnerability"/],
    ['section not a list', 'i.yaml', 'secrets: generic\n', /^i\.yaml:1: "secrets" must be a list/],
    ['entry not a map', 'i.yaml', 'vulnerabilities:\n  - CVE-1\n', /^i\.yaml:2: each entry must be a map of id/],
    ['entry matching all', 'i.yaml', 'vulnerabilities:\n  - statement: x\n', /^i\.yaml:2: the entry has no "id"/],
    ['id a list', 'i.yaml', 'vulnerabilities:\n  - id: [a, b]\n', /^i\.yaml:2: "id" must be a single value/],
    ['paths a string', 'i.yaml', 'secrets:\n  - id: a\n    paths: x/*\n', /^i\.yaml:3: "paths" must be a list/],
    ['unclosed glob', 'i.yaml', 'secrets:\n  - id: a\n    paths: ["x/{a"]\n', /^i\.yaml:2: path pattern "x\/\{a"/],
    ['bad purl', 'i.yaml', 'vulnerabilities:\n  - id: a\n    purls: [lodash]\n', /"lodash" is not a package URL/],
    ['purls on a secret', 'i.yaml', 'secrets:\n  - id: a\n    purls: ["pkg:npm/a"]\n', /"purls" applies only to/],
    [
      'bad expired_at',
      'i.yaml',
      'secrets:\n  - id: a\n    expired_at: tomorrow\n',
      /^i\.yaml:3: "tomorrow" is not a date/,
    ],
  ];

  it.each(bad)('refuses %s with one line naming the file', async (_, file, text, error) => {
    const root = await tempTree();
    if (text !== undefined) await writeFile(path.join(root, file), text);
    else if (file === 'dir') await mkdir(path.join(root, file));
    const failure = await loadIgnoreFiles([file], root, NOW).catch((caught: unknown) => caught);
    expect(failure).toBeInstanceOf(UserError);
    expect((failure as UserError).message).toMatch(error);
    expect((failure as UserError).message).not.toContain('\n');
    if (text !== undefined) expect((failure as UserError).location?.file).toBe(file);
  });
});
