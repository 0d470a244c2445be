import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import YAML from 'yaml';
import { findActions, ROOT_ACTION_NAME } from '../../scripts/action-catalog.mjs';
import {
  docPages,
  findReusableWorkflows,
  generateDocs,
  readActionMetadata,
  REGION_KINDS,
  repositorySlug,
  VOCABULARY_PAGE,
} from '../../scripts/docs-lib.mjs';
import { RETIRED_NAMES } from '../../src/actions/vocabulary.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const userPages = () => [...docPages(root), VOCABULARY_PAGE];

describe('the docs', () => {
  it('hold the usage, inputs and outputs of every action and workflow, and the vocabulary, as generate-docs writes them', async () => {
    const stale = (await generateDocs(root))
      .filter((page) => page.staleRegions.length > 0)
      .map((page) => `${page.file}: ${page.staleRegions.join(', ')}`);
    if (stale.length > 0) throw new Error(`stale, run npm run docs:\n${stale.join('\n')}`);
  });

  it('keep the README a landing page with the two commands a newcomer runs', () => {
    const readme = read('README.md');
    expect(Buffer.byteLength(readme)).toBeLessThanOrEqual(20 * 1024);
    expect(readme).toContain('npm run demo');
    expect(readme).toContain('\nnpm test ');
    // .ci/run must run the README's test command
    expect(read('.ci/run')).toMatch(/^npm test$/m);
  });

  it('link only to files and headings that exist', () => {
    const broken = userPages().flatMap((page) =>
      relativeLinks(read(page)).flatMap((link) => {
        const [target, anchor] = link.split('#');
        const file = target === '' ? page : path.posix.normalize(path.posix.join(path.posix.dirname(page), target));
        if (!existsSync(path.join(root, file))) return [`${page}: ${link} (no file ${file})`];
        if (anchor === undefined || !file.endsWith('.md')) return [];
        return headingSlugs(read(file)).includes(anchor) ? [] : [`${page}: ${link} (no heading #${anchor} in ${file})`];
      }),
    );
    expect(broken).toEqual([]);
  });

  it('use in their examples only inputs, secrets and outputs that exist, under their current names', () => {
    const wrong = userPages().flatMap((page) => yamlBlocks(read(page)).flatMap((block) => checkExample(page, block)));
    expect(wrong).toEqual([]);
  });

  it('name no retired input anywhere in an example', () => {
    const retired = Object.keys(RETIRED_NAMES);
    // Kubernetes objects (an admission policy, a manifest) have keys of their own schema, not inputs.
    const isKubernetesObject = (block: string) => /^apiVersion:/m.test(block);
    const found = userPages().flatMap((page) =>
      yamlBlocks(read(page))
        .filter((block) => !isKubernetesObject(block))
        .flatMap((block) =>
          [...block.matchAll(/^\s*(?:- )?([a-z][\w-]*):/gm)]
            .map((match) => match[1])
            .filter((key) => retired.includes(key))
            .map((key) => `${page}: ${key}`),
        ),
    );
    expect(found).toEqual([]);
  });

  it('pin third-party actions by full commit SHA with the version in a comment', () => {
    const unpinned = userPages().flatMap((page) =>
      yamlBlocks(read(page)).flatMap((block) =>
        [...block.matchAll(/uses:\s*(\S+)(.*)$/gm)]
          .filter(([, uses]) => !uses.startsWith('OWNER/REPO') && !uses.startsWith('$/') && !uses.startsWith('./'))
          .filter(([, uses, rest]) => !/@[0-9a-f]{40}$/.test(uses) || !/^\s*# v\d+\.\d+\.\d+/.test(rest))
          .map(([line]) => `${page}: ${line.trim()}`),
      ),
    );
    expect(unpinned).toEqual([]);
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
      if (action.name === ROOT_ACTION_NAME) {
        // deliver declares only its own inputs; every other input and output is a chained step's, under its
        // vocabulary name (test/repo/vocabulary.test.ts checks those).
        const own = Object.values(settings.INPUTS ?? {});
        expect(own.filter((name) => !(name in metadata.inputs))).toEqual([]);
        return;
      }
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
    writeFixture(
      'actions/fixture/action.yml',
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
        '    description: Token used to open the <pull request>.',
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

  function writeFixture(file: string, text: string): void {
    mkdirSync(path.dirname(path.join(fixture, file)), { recursive: true });
    writeFileSync(path.join(fixture, file), text);
  }

  function writePackageJson(contents: object): void {
    writeFileSync(path.join(fixture, 'package.json'), JSON.stringify(contents));
  }

  function writePage(regions: string, file = 'actions/fixture/README.md'): void {
    writeFixture(file, `# Title\n\nHand-written.\n\n${regions}\nFooter.\n`);
  }

  function emptyRegions(subject: string, kinds: readonly string[] = REGION_KINDS): string {
    return kinds.map((kind) => `<!-- start:${subject}:${kind} -->\n<!-- end:${subject}:${kind} -->\n`).join('');
  }

  async function pageText(file = 'actions/fixture/README.md'): Promise<string> {
    const page = (await generateDocs(fixture)).find((candidate) => candidate.file === file);
    if (!page) throw new Error(`no page ${file}`);
    return page.text;
  }

  it('writes a usage block with each input and its description as comments', async () => {
    writePage(emptyRegions('fixture'));

    expect(await pageText()).toContain(
      [
        '<!-- start:fixture:usage -->',
        '<!-- prettier-ignore-start -->',
        '```yaml',
        '- uses: acme/delivery/actions/fixture@v1',
        '  with:',
        '    # The image, as name:tag | name@digest.',
        '    # Second line.',
        "    image: ''",
        '',
        '    # Token used to open the <pull request>.',
        '    # Default: ${{ github.token }}',
        "    token: ''",
        '```',
        '<!-- prettier-ignore-end -->',
        '<!-- end:fixture:usage -->',
      ].join('\n'),
    );
  });

  it('writes inputs and outputs tables, escaping |, < and line breaks', async () => {
    writePage(emptyRegions('fixture'));

    const text = await pageText();

    expect(text).toContain(
      [
        '| Name | Description | Required | Default |',
        '| --- | --- | --- | --- |',
        '| `image` | The image, as name:tag \\| name@digest.<br>Second line. | yes |  |',
        '| `token` | Token used to open the &lt;pull request>. | no | `${{ github.token }}` |',
      ].join('\n'),
    );
    expect(text).toContain(
      ['| Name | Description |', '| --- | --- |', '| `digest` | The digest written. |'].join('\n'),
    );
  });

  it('rewrites only the regions, and rewriting its own output changes nothing', async () => {
    writePage(emptyRegions('fixture'));

    const [first] = await generateDocs(fixture);
    writeFixture('actions/fixture/README.md', first.text);
    const [second] = await generateDocs(fixture);

    expect(first.staleRegions).toEqual(['fixture:usage', 'fixture:inputs', 'fixture:outputs']);
    expect(first.text).toMatch(/^# Title\n\nHand-written\.\n\n<!-- start:fixture:usage -->/);
    expect(first.text).toMatch(/<!-- end:fixture:outputs -->\n\nFooter\.\n$/);
    expect(second).toEqual({ file: 'actions/fixture/README.md', text: first.text, staleRegions: [] });
  });

  it('takes regions from any doc page, and names the root action.yml deliver, used as the repository itself', async () => {
    cpSync(path.join(fixture, 'actions', 'fixture', 'action.yml'), path.join(fixture, 'action.yml'));
    rmSync(path.join(fixture, 'actions'), { recursive: true });
    writePage(emptyRegions(ROOT_ACTION_NAME), 'docs/deliver.md');

    expect(await pageText('docs/deliver.md')).toContain('- uses: acme/delivery@v1\n');
  });

  it("writes a reusable workflow's inputs, secrets and outputs from its workflow_call", async () => {
    writeFixture(
      '.github/workflows/reusable.yml',
      [
        'on:',
        '  workflow_call:',
        '    inputs:',
        '      image:',
        '        description: The image.',
        '        type: string',
        '        required: true',
        '      upload:',
        '        description: Upload it.',
        '        type: boolean',
        '        default: true',
        '    secrets:',
        '      TOKEN:',
        '        description: A token.',
        '        required: false',
        '    outputs:',
        '      digest:',
        '        description: The digest.',
        '        value: ${{ jobs.build.outputs.digest }}',
        'jobs: {}',
        '',
      ].join('\n'),
    );
    writeFixture('.github/workflows/ci.yml', 'on: push\njobs: {}\n');
    writePage(emptyRegions('fixture'));
    writePage(emptyRegions('reusable.yml', ['inputs', 'secrets', 'outputs']), 'docs/workflows.md');

    expect(findReusableWorkflows(fixture).map((workflow) => workflow.name)).toEqual(['reusable.yml']);
    const text = await pageText('docs/workflows.md');
    expect(text).toContain(
      [
        '| Name | Description | Type | Required | Default |',
        '| --- | --- | --- | --- | --- |',
        '| `image` | The image. | string | yes |  |',
        '| `upload` | Upload it. | boolean | no | `true` |',
      ].join('\n'),
    );
    expect(text).toContain('| Name | Description | Required |\n| --- | --- | --- |\n| `TOKEN` | A token. | no |');
    expect(text).toContain('| Name | Description |\n| --- | --- |\n| `digest` | The digest. |');
  });

  it('lists the marker pairs to add, and the page each belongs in, when a region is missing', async () => {
    writePage('<!-- start:fixture:usage -->\n<!-- end:fixture:usage -->\n');

    await expect(generateDocs(fixture)).rejects.toThrow(
      'add these marker pairs where each belongs:\n' +
        'actions/fixture/README.md:\n<!-- start:fixture:inputs -->\n<!-- end:fixture:inputs -->\n' +
        'actions/fixture/README.md:\n<!-- start:fixture:outputs -->\n<!-- end:fixture:outputs -->',
    );
  });

  it('refuses regions of an action that does not exist, and a region that appears twice', async () => {
    writePage(emptyRegions('fixture') + emptyRegions('gone'));
    await expect(generateDocs(fixture)).rejects.toThrow('regions for no action.yml or reusable workflow');

    writePage(emptyRegions('fixture'));
    writePage(emptyRegions('fixture'), 'docs/extra.md');
    await expect(generateDocs(fixture)).rejects.toThrow(
      'regions appear twice: fixture:usage (actions/fixture/README.md, docs/extra.md)',
    );
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

  it('--check exits 1 naming the stale page and region and writes nothing', async () => {
    // the whole generator needs the real sources it reads: the actions, the root action, the vocabulary, the workflows
    rmSync(path.join(fixture, 'actions'), { recursive: true });
    rmSync(path.join(fixture, 'package.json'));
    for (const entry of ['actions', 'action.yml', 'docs', 'README.md', 'package.json', '.github/workflows']) {
      cpSync(path.join(root, entry), path.join(fixture, entry), { recursive: true });
    }
    for (const file of ['src/actions/vocabulary.ts', 'src/actions/deliver/chain.ts']) {
      writeFixture(file, read(file));
    }
    const page = 'actions/trivy-scan/README.md';
    const stale = read(page).replace(
      /(<!-- start:trivy-scan:outputs -->\n)[^]*?(<!-- end:trivy-scan:outputs -->)/,
      '$1$2',
    );
    writeFixture(page, stale);
    const before = (file: string) => readFileSync(path.join(fixture, file), 'utf8');
    const untouched = ['action.yml', '.github/workflows/deliver-pull.yml', page].map((file) => [file, before(file)]);

    const check = promisify(execFile)(process.execPath, [
      path.join(fixture, 'scripts', 'generate-docs.mjs'),
      '--check',
    ]);

    await expect(check).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining(`${page} is stale in trivy-scan:outputs: run npm run docs\n`),
    });
    expect(untouched.map(([file]) => [file, before(file)])).toEqual(untouched);
  });
});

// Markdown helpers: links, headings as GitHub anchors them, and the YAML examples.

/** Relative link targets of a page (inline links outside code), without web and mail links. */
function relativeLinks(markdown: string): string[] {
  const prose = markdown.replace(/^```[^]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((match) => match[1])
    .filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target));
}

/** The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces as dashes, repeats numbered. */
function headingSlugs(markdown: string): string[] {
  const seen = new Map<string, number>();
  return [...markdown.replace(/^```[^]*?^```/gm, '').matchAll(/^#{1,6}\s+(.+?)\s*#*$/gm)].map((match) => {
    const base = match[1]
      .replace(/`/g, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return count === 0 ? base : `${base}-${count}`;
  });
}

function yamlBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```ya?ml\n([^]*?)^```/gm)].map((match) => match[1]);
}

interface NamedInterface {
  inputs: string[];
  outputs: string[];
  secrets: string[];
}

/** What a `uses:` of this library accepts and gives, or undefined for anything else. */
function interfaceOf(uses: string): NamedInterface | undefined {
  const match = /^OWNER\/REPO(?:\/actions\/([a-z0-9-]+)|\/\.github\/workflows\/([\w.-]+)|)@/.exec(uses);
  if (!match) return undefined;
  const [, action, workflow] = match;
  if (workflow) {
    const found = findReusableWorkflows(root).find((candidate) => candidate.name === workflow);
    if (!found) return { inputs: [], outputs: [], secrets: [] };
    return {
      inputs: Object.keys(found.inputs),
      outputs: Object.keys(found.outputs),
      secrets: Object.keys(found.secrets),
    };
  }
  const actionFile = action ? path.join(root, 'actions', action, 'action.yml') : path.join(root, 'action.yml');
  if (!existsSync(actionFile)) return { inputs: [], outputs: [], secrets: [] };
  const metadata = readActionMetadata(action ?? ROOT_ACTION_NAME, actionFile);
  return { inputs: Object.keys(metadata.inputs), outputs: Object.keys(metadata.outputs), secrets: [] };
}

/** The example's `with:` and `secrets:` keys, and the outputs it reads of steps and jobs that use this library. */
function checkExample(page: string, block: string): string[] {
  let parsed: unknown;
  try {
    parsed = YAML.parse(block);
  } catch (error) {
    return [`${page}: an example is not YAML: ${(error as Error).message.split('\n')[0]}`];
  }
  const problems: string[] = [];
  const byId = new Map<string, NamedInterface>();
  const visit = (node: unknown, key?: string): void => {
    if (Array.isArray(node)) {
      node.forEach((item) => visit(item));
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    const known = typeof record.uses === 'string' ? interfaceOf(record.uses) : undefined;
    if (known) {
      const id = typeof record.id === 'string' ? `steps.${record.id}` : key ? `needs.${key}` : undefined;
      if (id) byId.set(id, known);
      for (const name of Object.keys((record.with as object | null) ?? {})) {
        if (!known.inputs.includes(name)) problems.push(`${page}: ${String(record.uses)} has no input ${name}`);
      }
      const secrets = record.secrets;
      for (const name of Object.keys(secrets && typeof secrets === 'object' ? secrets : {})) {
        if (!known.secrets.includes(name)) problems.push(`${page}: ${String(record.uses)} has no secret ${name}`);
      }
    }
    for (const [childKey, child] of Object.entries(record)) visit(child, childKey);
  };
  visit(parsed);
  for (const [, id, name] of block.matchAll(/\b((?:steps|needs)\.[\w-]+)\.outputs\.([\w-]+)/g)) {
    const known = byId.get(id);
    if (known && !known.outputs.includes(name)) problems.push(`${page}: ${id} has no output ${name}`);
  }
  return problems;
}
