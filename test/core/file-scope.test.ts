import { describe, expect, it } from '@jest/globals';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { globToRegExp, relativeToRoot, resolveYamlFiles } from '../../src/core/file-scope.js';
import { tempTree } from '../helpers/temp-dir.js';

describe('resolveYamlFiles', () => {
  it('expands files, directories (YAML only, .git skipped) and globs, sorted and without duplicates', async () => {
    const root = await tempTree({
      'apps/api/dev/values.yaml': '',
      'apps/api/prod/values.yml': '',
      'apps/web/dev/values.yaml': '',
      'apps/web/dev/notes.txt': '',
      'apps/.git/config.yaml': '',
      'base/deploy.yaml': '',
    });
    const relative = async (patterns: string[]) =>
      (await resolveYamlFiles(patterns, root)).map((file) => path.relative(root, file));
    expect(await relative(['apps'])).toEqual([
      'apps/api/dev/values.yaml',
      'apps/api/prod/values.yml',
      'apps/web/dev/values.yaml',
    ]);
    expect(await relative(['apps/*/dev/*.yaml', 'base/deploy.yaml', 'base'])).toEqual([
      'apps/api/dev/values.yaml',
      'apps/web/dev/values.yaml',
      'base/deploy.yaml',
    ]);
    expect(await relative(['**/prod/*.{yml,yaml}'])).toEqual(['apps/api/prod/values.yml']);
  });

  it('follows a symlink that stays inside the root', async () => {
    const root = await tempTree({ 'real/a.yaml': '' });
    await fs.symlink(path.join(root, 'real'), path.join(root, 'alias'));
    expect(await resolveYamlFiles(['alias'], root)).toEqual([path.join(root, 'real/a.yaml')]);
  });
});

describe('globToRegExp', () => {
  it.each([
    ['*.yaml', 'a.yaml', true],
    ['*.yaml', 'a/b.yaml', false],
    ['**/*.yaml', 'a.yaml', true],
    ['**/*.yaml', 'a/b/c.yaml', true],
    ['apps/**', 'apps/x/y', true],
    ['a?c.yaml', 'abc.yaml', true],
    ['[ab].yaml', 'c.yaml', false],
    ['{x,y}/v.yaml', 'y/v.yaml', true],
  ])('%s ~ %s = %s', (glob, file, expected) => {
    expect(globToRegExp(glob).test(file)).toBe(expected);
  });
});

describe('relativeToRoot', () => {
  it.each([
    ['/work/repo', '/work/repo/apps/api/values.yaml', 'apps/api/values.yaml'],
    ['/work/repo', '/work/repo/values.yaml', 'values.yaml'],
    ['/work/repo', '/work/repo', ''],
    ['/', '/apps/values.yaml', 'apps/values.yaml'],
    ['/work/repo/', '/work/repo/values.yaml', 'values.yaml'],
    ['/work/repo', '/work/repo-2/values.yaml', '../repo-2/values.yaml'],
    ['/work/repo', '/work/other/values.yaml', '../other/values.yaml'],
  ])('%s, %s = %s (as path.relative, /-separated)', (root, file, expected) => {
    expect(relativeToRoot(root, file)).toBe(expected);
    expect(relativeToRoot(root, file)).toBe(path.relative(root, file));
  });
});
