import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { findActions } from '../../scripts/action-catalog.mjs';
import { generateReadme, readActionMetadata, REGION_KINDS, repositorySlug } from '../../scripts/docs-lib.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('README.md', () => {
  it('has the usage, inputs and outputs of every action as generate-docs writes them', () => {
    const { staleRegions } = generateReadme(root);
    if (staleRegions.length > 0) {
      throw new Error(`README.md is stale in ${staleRegions.join(', ')}: run npm run docs`);
    }
  });
});

for (const action of findActions(root)) {
  describe(path.relative(root, action.actionFile), () => {
    const metadata = readActionMetadata(action.name, action.actionFile);

    it('describes the action, each input and each output', () => {
      const undescribed = [
        ...(metadata.description ? [] : ['the action']),
        ...Object.entries(metadata.inputs)
          .filter(([, input]) => !input.description)
          .map(([name]) => `input ${name}`),
        ...Object.entries(metadata.outputs)
          .filter(([, output]) => !output.description)
          .map(([name]) => `output ${name}`),
      ];
      expect(undescribed).toEqual([]);
    });

    it(`runs on node24 from ${action.expectedMain}`, () => {
      expect(metadata.runs).toMatchObject({ using: 'node24', main: action.expectedMain });
    });

    it('names the same inputs and outputs as INPUTS and OUTPUTS in its settings.ts', async () => {
      if (!existsSync(action.settingsFile)) {
        throw new Error(`${path.relative(root, action.settingsFile)} is missing: declare INPUTS and OUTPUTS there`);
      }
      const settings = (await import(action.settingsFile)) as {
        INPUTS?: Record<string, string>;
        OUTPUTS?: Record<string, string>;
      };
      expect({
        inputs: Object.values(settings.INPUTS ?? {}).sort(),
        outputs: Object.values(settings.OUTPUTS ?? {}).sort(),
      }).toEqual({
        inputs: Object.keys(metadata.inputs).sort(),
        outputs: Object.keys(metadata.outputs).sort(),
      });
    });
  });
}

describe('generate-docs', () => {
  let fixture: string;

  beforeEach(() => {
    fixture = mkdtempSync(path.join(tmpdir(), 'generate-docs-'));
    cpSync(path.join(root, 'scripts'), path.join(fixture, 'scripts'), { recursive: true });
    symlinkSync(path.join(root, 'node_modules'), path.join(fixture, 'node_modules'), 'dir');
    writePackageJson({ repository: { type: 'git', url: 'git+https://github.com/acme/delivery.git' } });
    mkdirSync(path.join(fixture, 'actions', 'fixture'), { recursive: true });
    writeFileSync(
      path.join(fixture, 'actions', 'fixture', 'action.yml'),
      [
        'name: fixture',
        'description: A throwaway action.',
        'inputs:',
        '  image:',
        '    description: |',
        '      The image, as name:tag | name@digest.',
        '      Second line.',
        '    required: true',
        '  token:',
        '    description: Token used to open the pull request.',
        '    default: ${{ github.token }}',
        'outputs:',
        '  digest:',
        '    description: The digest written.',
        'runs:',
        '  using: node24',
        '  main: ../../dist/fixture/index.js',
        '',
      ].join('\n'),
    );
  });

  afterEach(() => {
    rmSync(fixture, { recursive: true, force: true });
  });

  function writePackageJson(contents: object): void {
    writeFileSync(path.join(fixture, 'package.json'), JSON.stringify(contents));
  }

  function writeReadme(regions: string): void {
    writeFileSync(path.join(fixture, 'README.md'), `# Title\n\nHand-written.\n\n${regions}\nFooter.\n`);
  }

  function emptyRegions(action: string): string {
    return REGION_KINDS.map((kind) => `<!-- start:${action}:${kind} -->\n<!-- end:${action}:${kind} -->\n`).join('');
  }

  it('writes a usage block with each input and its description as comments', () => {
    writeReadme(emptyRegions('fixture'));

    expect(generateReadme(fixture).text).toContain(
      [
        '<!-- start:fixture:usage -->',
        '```yaml',
        '- uses: acme/delivery/actions/fixture@v1',
        '  with:',
        '    # The image, as name:tag | name@digest.',
        '    # Second line.',
        "    image: ''",
        '',
        '    # Token used to open the pull request.',
        '    # Default: ${{ github.token }}',
        "    token: ''",
        '```',
        '<!-- end:fixture:usage -->',
      ].join('\n'),
    );
  });

  it('writes inputs and outputs tables, escaping | and line breaks', () => {
    writeReadme(emptyRegions('fixture'));

    const { text } = generateReadme(fixture);

    expect(text).toContain(
      [
        '| Name | Description | Required | Default |',
        '| --- | --- | --- | --- |',
        '| `image` | The image, as name:tag \\| name@digest.<br>Second line. | yes |  |',
        '| `token` | Token used to open the pull request. | no | `${{ github.token }}` |',
      ].join('\n'),
    );
    expect(text).toContain(
      ['| Name | Description |', '| --- | --- |', '| `digest` | The digest written. |'].join('\n'),
    );
  });

  it('rewrites only the regions, and rewriting its own output changes nothing', () => {
    writeReadme(emptyRegions('fixture'));

    const first = generateReadme(fixture);
    writeFileSync(path.join(fixture, 'README.md'), first.text);
    const second = generateReadme(fixture);

    expect(first.staleRegions).toEqual(['fixture:usage', 'fixture:inputs', 'fixture:outputs']);
    expect(first.text).toMatch(/^# Title\n\nHand-written\.\n\n<!-- start:fixture:usage -->/);
    expect(first.text).toMatch(/<!-- end:fixture:outputs -->\n\nFooter\.\n$/);
    expect(second).toEqual({ text: first.text, staleRegions: [] });
  });

  it('names the root action.yml deliver and uses the repository itself', () => {
    cpSync(path.join(fixture, 'actions', 'fixture', 'action.yml'), path.join(fixture, 'action.yml'));
    rmSync(path.join(fixture, 'actions'), { recursive: true });
    writeReadme(emptyRegions('deliver'));

    expect(generateReadme(fixture).text).toContain('- uses: acme/delivery@v1\n');
  });

  it('lists the marker pairs to add when a region is missing', () => {
    writeReadme('<!-- start:fixture:usage -->\n<!-- end:fixture:usage -->\n');

    expect(() => generateReadme(fixture)).toThrow(
      'add these marker pairs where each belongs:\n' +
        '<!-- start:fixture:inputs -->\n<!-- end:fixture:inputs -->\n' +
        '<!-- start:fixture:outputs -->\n<!-- end:fixture:outputs -->',
    );
  });

  it('refuses regions of an action that does not exist', () => {
    writeReadme(emptyRegions('fixture') + emptyRegions('gone'));

    expect(() => generateReadme(fixture)).toThrow('regions for actions that have no action.yml: gone:usage');
  });

  it.each([
    [undefined, 'OWNER/REPO'],
    ['acme/delivery', 'acme/delivery'],
    ['github:acme/delivery', 'acme/delivery'],
    [{ type: 'git', url: 'https://github.com/acme/delivery' }, 'acme/delivery'],
    [{ type: 'git', url: 'git@github.com:acme/delivery.git' }, 'acme/delivery'],
  ])('reads the repository %j from package.json as %s', (repository, slug) => {
    writePackageJson({ name: 'x', repository });

    expect(repositorySlug(fixture)).toBe(slug);
  });

  it('--check exits 1 naming the stale regions and leaves README.md alone', async () => {
    writeReadme(emptyRegions('fixture'));
    const before = readFileSync(path.join(fixture, 'README.md'), 'utf8');

    const check = promisify(execFile)(process.execPath, [
      path.join(fixture, 'scripts', 'generate-docs.mjs'),
      '--check',
    ]);

    await expect(check).rejects.toMatchObject({
      code: 1,
      stderr: 'README.md is stale in fixture:usage, fixture:inputs, fixture:outputs: run npm run docs\n',
    });
    expect(readFileSync(path.join(fixture, 'README.md'), 'utf8')).toBe(before);
  });
});
