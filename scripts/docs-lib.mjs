// Renders the generated parts of the docs; generate-docs.mjs writes or checks them:
// - each action's usage, inputs and outputs, between markers in its reference page (actions/<name>/README.md, the
//   root action's in docs/deliver.md): <!-- start:<action>:<kind> --> ... <!-- end:<action>:<kind> -->;
// - each reusable workflow's inputs, secrets and outputs, between markers in docs/workflows.md
//   (<!-- start:deliver-pull.yml:inputs -->), read from its on.workflow_call;
// - the whole of docs/vocabulary.md, from src/actions/vocabulary.ts, the action.yml files and the workflows.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { ROOT_ACTION_NAME, findActions } from './action-catalog.mjs';
import { importTypeScript } from './lib/import-ts.mjs';

/** The major version users pin in `uses:`. */
const MAJOR_VERSION = 'v1';
export const REGION_KINDS = ['usage', 'inputs', 'outputs'];
export const WORKFLOW_REGION_KINDS = ['inputs', 'secrets', 'outputs'];
export const VOCABULARY_PAGE = 'docs/vocabulary.md';
const WORKFLOW_FOLDER = '.github/workflows';

const MARKER = /<!-- (start|end):([\w.-]+):(\w+) -->/g;
// owner/repo, github:owner/repo, https://github.com/owner/repo(.git), git+https://..., git@github.com:owner/repo.git
const GITHUB_REPOSITORY =
  /^(?:github:|(?:git\+)?https:\/\/github\.com\/|git@github\.com:)?([\w.-]+\/[\w.-]+?)(?:\.git)?\/?$/;
const COMMENT_WIDTH = 80;
// Prettier would realign the generated tables and so make them stale: it leaves what is between these alone.
const PRETTIER_IGNORE_START = '<!-- prettier-ignore-start -->';
const PRETTIER_IGNORE_END = '<!-- prettier-ignore-end -->';

/**
 * Every doc page as the generator would write it: `[{ file, text, staleRegions }]`, `file` relative to root,
 * `staleRegions` naming each region (`<subject>:<kind>`, or `the page` for a wholly generated one) that differs from
 * what is on disk. Throws when markers are missing, unbalanced, repeated or name nothing that exists.
 */
export async function generateDocs(root) {
  const repository = repositorySlug(root);
  const actions = findActions(root).map((action) => readActionMetadata(action.name, action.actionFile));
  const workflows = findReusableWorkflows(root);
  const pages = docPages(root).map((file) => {
    const text = readFileSync(path.join(root, file), 'utf8');
    return { file, text, regions: findRegions(file, text) };
  });
  checkRegions(pages, actions, workflows);
  const results = pages.map((page) => updatePage(page, actions, workflows, repository));
  const vocabulary = await renderVocabularyPage(root, actions, workflows);
  if (vocabulary !== undefined) {
    const file = path.join(root, VOCABULARY_PAGE);
    const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
    results.push({ file: VOCABULARY_PAGE, text: vocabulary, staleRegions: current === vocabulary ? [] : ['the page'] });
  }
  return results;
}

/** The pages that may hold generated regions: README.md, actions/<name>/README.md and docs/*.md. */
export function docPages(root) {
  const pages = existsSync(path.join(root, 'README.md')) ? ['README.md'] : [];
  const actionsDir = path.join(root, 'actions');
  if (existsSync(actionsDir)) {
    for (const folder of readdirSync(actionsDir, { withFileTypes: true })) {
      const page = `actions/${folder.name}/README.md`;
      if (folder.isDirectory() && existsSync(path.join(root, page))) pages.push(page);
    }
  }
  const docsDir = path.join(root, 'docs');
  if (existsSync(docsDir)) {
    for (const name of readdirSync(docsDir)) {
      if (name.endsWith('.md') && `docs/${name}` !== VOCABULARY_PAGE) pages.push(`docs/${name}`);
    }
  }
  return pages.sort();
}

/** Where an action's reference page is: next to its action.yml, or docs/deliver.md for the root action. */
export function referencePage(actionName) {
  return actionName === ROOT_ACTION_NAME ? `docs/${ROOT_ACTION_NAME}.md` : `actions/${actionName}/README.md`;
}

/** `owner/name` from package.json's repository field (string or { url }), else the placeholder OWNER/REPO. */
export function repositorySlug(root) {
  const { repository } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  if (repository === undefined) return 'OWNER/REPO';
  const location = typeof repository === 'string' ? repository : repository.url;
  const match = GITHUB_REPOSITORY.exec(location ?? '');
  if (!match) throw new Error(`package.json repository ${JSON.stringify(repository)} names no GitHub owner/repo`);
  return match[1];
}

/** action.yml parsed, with `name` set to the action's folder name and inputs/outputs always objects. */
export function readActionMetadata(name, actionFile) {
  const metadata = readYaml(actionFile) ?? {};
  return { ...metadata, name, inputs: withObjectValues(metadata.inputs), outputs: withObjectValues(metadata.outputs) };
}

/** The workflows of .github/workflows that other workflows can call: `[{ name, file, inputs, secrets, outputs }]`. */
export function findReusableWorkflows(root) {
  const folder = path.join(root, WORKFLOW_FOLDER);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .flatMap((name) => {
      const call = readYaml(path.join(folder, name))?.on?.workflow_call;
      if (call === undefined) return [];
      return [
        {
          name,
          file: `${WORKFLOW_FOLDER}/${name}`,
          inputs: withObjectValues(call?.inputs),
          secrets: withObjectValues(call?.secrets),
          outputs: withObjectValues(call?.outputs),
        },
      ];
    });
}

function readYaml(file) {
  const document = YAML.parseDocument(readFileSync(file, 'utf8'));
  if (document.errors.length > 0) throw new Error(`${file}: ${document.errors[0].message}`);
  return document.toJS();
}

function withObjectValues(entries) {
  return Object.fromEntries(Object.entries(entries ?? {}).map(([key, value]) => [key, value ?? {}]));
}

/** Replaces every generated region of one page. */
function updatePage(page, actions, workflows, repository) {
  const staleRegions = [];
  let text = '';
  let copiedUpTo = 0;
  for (const region of page.regions) {
    const content = `\n${PRETTIER_IGNORE_START}\n${renderRegion(region, actions, workflows, repository)}\n${PRETTIER_IGNORE_END}\n`;
    if (page.text.slice(region.contentStart, region.contentEnd) !== content) staleRegions.push(region.id);
    text += page.text.slice(copiedUpTo, region.contentStart) + content;
    copiedUpTo = region.contentEnd;
  }
  return { file: page.file, text: text + page.text.slice(copiedUpTo), staleRegions };
}

function renderRegion(region, actions, workflows, repository) {
  const workflow = workflows.find((candidate) => candidate.name === region.subject);
  if (workflow) {
    if (region.kind === 'inputs') return renderWorkflowInputsTable(workflow.inputs);
    if (region.kind === 'secrets') return renderSecretsTable(workflow.secrets);
    return renderOutputsTable(workflow.outputs);
  }
  const action = actions.find((candidate) => candidate.name === region.subject);
  if (region.kind === 'usage') return renderUsage(action, repository);
  if (region.kind === 'inputs') return renderInputsTable(action.inputs);
  return renderOutputsTable(action.outputs);
}

function findRegions(file, text) {
  const regions = [];
  let open;
  for (const marker of text.matchAll(MARKER)) {
    const [markerText, edge, subject, kind] = marker;
    const id = `${subject}:${kind}`;
    if (edge === 'start') {
      if (open) throw new Error(`${file}: region ${id} starts inside region ${open.id}`);
      open = { id, subject, kind, file, contentStart: marker.index + markerText.length };
    } else {
      if (open?.id !== id) throw new Error(`${file}: <!-- end:${id} --> without its <!-- start:${id} -->`);
      regions.push({ ...open, contentEnd: marker.index });
      open = undefined;
    }
  }
  if (open) throw new Error(`${file}: <!-- start:${open.id} --> without its <!-- end:${open.id} -->`);
  return regions;
}

/** Each action and reusable workflow has each of its regions exactly once, and every region names one of them. */
function checkRegions(pages, actions, workflows) {
  const regions = pages.flatMap((page) => page.regions);
  const where = (id) => regions.filter((region) => region.id === id).map((region) => region.file);
  const duplicates = [...new Set(regions.map((region) => region.id))].filter((id) => where(id).length > 1);
  if (duplicates.length > 0) {
    throw new Error(`regions appear twice: ${duplicates.map((id) => `${id} (${where(id).join(', ')})`).join('; ')}`);
  }
  const kindsOf = (subject) =>
    actions.some((action) => action.name === subject)
      ? REGION_KINDS
      : workflows.some((workflow) => workflow.name === subject)
        ? WORKFLOW_REGION_KINDS
        : undefined;
  const unknown = regions.filter((region) => !kindsOf(region.subject)?.includes(region.kind));
  if (unknown.length > 0) {
    const names = unknown.map((region) => `${region.id} (${region.file})`).join(', ');
    throw new Error(`regions for no action.yml or reusable workflow, or of an unknown kind: ${names}`);
  }
  const expected = [
    ...actions.map((action) => ({ subject: action.name, kinds: REGION_KINDS, page: referencePage(action.name) })),
    ...workflows.map((workflow) => ({
      subject: workflow.name,
      kinds: WORKFLOW_REGION_KINDS,
      page: 'docs/workflows.md',
    })),
  ];
  const missing = expected.flatMap(({ subject, kinds, page }) =>
    kinds
      .filter((kind) => where(`${subject}:${kind}`).length === 0)
      .map((kind) => ({ id: `${subject}:${kind}`, page })),
  );
  if (missing.length > 0) {
    const markers = missing.map(({ id, page }) => `${page}:\n<!-- start:${id} -->\n<!-- end:${id} -->`).join('\n');
    throw new Error(`the docs lack generated regions; add these marker pairs where each belongs:\n${markers}`);
  }
}

function renderUsage(action, repository) {
  const folder = action.name === ROOT_ACTION_NAME ? '' : `/actions/${action.name}`;
  const lines = ['```yaml', `- uses: ${repository}${folder}@${MAJOR_VERSION}`];
  const inputs = Object.entries(action.inputs);
  if (inputs.length > 0) lines.push('  with:');
  inputs.forEach(([name, input], index) => {
    if (index > 0) lines.push('');
    const comments = wrapComment(normalize(input.description));
    if (input.default !== undefined) comments.push(...`Default: ${input.default}`.split('\n'));
    lines.push(...comments.map((comment) => `    # ${comment}`.trimEnd()), `    ${name}: ''`);
  });
  lines.push('```');
  return lines.join('\n');
}

function renderInputsTable(inputs) {
  const rows = Object.entries(inputs).map(([name, input]) => [
    `\`${name}\``,
    normalize(input.description),
    isRequired(input) ? 'yes' : 'no',
    renderDefault(input.default),
  ]);
  return renderTable(['Name', 'Description', 'Required', 'Default'], rows);
}

function renderWorkflowInputsTable(inputs) {
  const rows = Object.entries(inputs).map(([name, input]) => [
    `\`${name}\``,
    normalize(input.description),
    String(input.type ?? 'string'),
    isRequired(input) ? 'yes' : 'no',
    renderDefault(input.default),
  ]);
  return renderTable(['Name', 'Description', 'Type', 'Required', 'Default'], rows);
}

function renderSecretsTable(secrets) {
  const rows = Object.entries(secrets).map(([name, secret]) => [
    `\`${name}\``,
    normalize(secret.description),
    isRequired(secret) ? 'yes' : 'no',
  ]);
  return renderTable(['Name', 'Description', 'Required'], rows);
}

function renderOutputsTable(outputs) {
  const rows = Object.entries(outputs).map(([name, output]) => [`\`${name}\``, normalize(output.description)]);
  return renderTable(['Name', 'Description'], rows);
}

function renderDefault(value) {
  return value === undefined || value === '' ? '' : `\`${value}\``;
}

function renderTable(header, rows) {
  if (rows.length === 0) return '_None._';
  const line = (cells) => `| ${cells.map(escapeCell).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function isRequired(entry) {
  return entry.required === true || entry.required === 'true';
}

function normalize(description) {
  return String(description ?? '')
    .replace(/\r\n?/g, '\n')
    .trim();
}

/** A table cell: `|` escaped, line breaks as <br>, and `<` as an entity so that `<name>` is not read as HTML. */
function escapeCell(text) {
  return String(text).replace(/</g, '&lt;').replace(/\|/g, '\\|').replace(/\n/g, '<br>');
}

/** Splits text into comment lines of at most COMMENT_WIDTH characters, keeping its own line breaks. */
function wrapComment(text) {
  return text.split('\n').flatMap((paragraph) => {
    const lines = [];
    let line = '';
    for (const word of paragraph.split(/ +/)) {
      if (line !== '' && line.length + 1 + word.length > COMMENT_WIDTH) {
        lines.push(line);
        line = word;
      } else {
        line = line === '' ? word : `${line} ${word}`;
      }
    }
    return [...lines, line];
  });
}

// docs/vocabulary.md

/**
 * docs/vocabulary.md as it should be, or undefined where the repository has no vocabulary (a test fixture): the
 * rule, the shared and per-step names, the retired ones, and for each action one row per input and output with its
 * name in the action, in the root action, in the reusable workflows and as a secret.
 */
async function renderVocabularyPage(root, actions, workflows) {
  const vocabularyFile = path.join(root, 'src/actions/vocabulary.ts');
  const chainFile = path.join(root, 'src/actions/deliver/chain.ts');
  const wiringFile = path.join(root, 'scripts/workflow-wiring.mjs');
  if (![vocabularyFile, chainFile, wiringFile].every((file) => existsSync(file))) return undefined;
  const vocabulary = await importTypeScript(vocabularyFile);
  const chain = await importTypeScript(chainFile);
  const { WORKFLOWS } = await import(wiringFile);
  const rootAction = actions.find((action) => action.name === ROOT_ACTION_NAME);
  const code = (name) => `\`${name}\``;
  const list = (entries) => entries.map(([name, meaning]) => [code(name), meaning]);
  const chained = new Set(Object.values(chain.CHAIN_STEPS).flat());

  const lines = [
    '# Vocabulary',
    '',
    '<!-- Generated by npm run docs from src/actions/vocabulary.ts, src/actions/deliver/chain.ts,',
    '     scripts/workflow-wiring.mjs, the action.yml files and the reusable workflows. Edit those, not this page. -->',
    '',
    PRETTIER_IGNORE_START,
    '',
    'Every input and output keeps its name everywhere: in the action, in the root action (`deliver`), in the reusable',
    'workflows and, for a secret, as a workflow secret. test/repo/vocabulary.test.ts fails on a name that breaks this',
    'page.',
    '',
    "- In the root action and the reusable workflows, a step's name takes the step's prefix (" +
      Object.entries(vocabulary.STEP_PREFIXES)
        .map(([step, prefix]) => `${step} \`${prefix}-\``)
        .join(', ') +
      '), unless it is a shared name (below), already begins with the prefix, or begins with a word that places it ' +
      `in one step (${vocabulary.PLACING_WORDS.map((word) => code(`${word}-`)).join(', ')}).`,
    '- A secret is the root name in upper case with underscores: `gitops-token` is the secret `GITOPS_TOKEN`.',
    '- Lists are read one item per line (most list inputs also take commas). A list output is one item per line, ' +
      'ready for the next step as it is, with the same list as JSON in the output of the same name ending in `-json`.',
    '',
    '## Shared names',
    '',
    'One meaning in every action that has them, and the same name in the root action and the workflows.',
    '',
    renderTable(['Name', 'Meaning'], list(Object.entries(vocabulary.SHARED_NAMES))),
    '',
    '## Names each step has with a value of its own',
    '',
    'Each keeps its step prefix in the root action and the workflows (`apply-kubeconfig`, `sync-kubeconfig`).',
    '',
    renderTable(['Name', 'Meaning'], list(Object.entries(vocabulary.PER_STEP_NAMES))),
    '',
    '## Names of one step that other steps use too',
    '',
    renderTable(
      ['Name', 'Belongs to', 'In the root action and the workflows'],
      Object.entries(vocabulary.OWNED_BY).map(([name, step]) => [
        code(name),
        step,
        code(vocabulary.rootName(step, name)),
      ]),
    ),
    '',
    '## Names only the root action or the reusable workflows have',
    '',
    renderTable(['Name', 'Meaning'], list(Object.entries(vocabulary.ROOT_ONLY_NAMES))),
    '',
    '## Retired names',
    '',
    'No action uses these; each said different things in different places.',
    '',
    renderTable(['Retired', 'Use instead'], list(Object.entries(vocabulary.RETIRED_NAMES))),
    '',
    '## Every input and output',
    '',
    'A dash means the name does not appear there: the step is not part of that chain or workflow, or the chain sets ' +
      'the input itself (the reason is given).',
  ];
  for (const action of actions.filter((candidate) => candidate.name !== ROOT_ACTION_NAME)) {
    const wired = Object.entries(WORKFLOWS).flatMap(([file, steps]) =>
      Object.values(steps)
        .filter((step) => step.action === action.name)
        .map((step) => ({ workflow: workflows.find((candidate) => candidate.file === file), fixed: step.fixed ?? {} })),
    );
    const secretInputs = vocabulary.SECRET_INPUTS[action.name] ?? [];
    const rows = [];
    for (const [name, input] of Object.entries(action.inputs)) {
      const outer = vocabulary.rootName(action.name, name);
      const fixedByChain = chain.FIXED_INPUTS[action.name]?.[name];
      const inRoot = rootAction?.inputs[outer]
        ? code(outer)
        : fixedByChain
          ? `— (set by deliver: ${fixedByChain.reason})`
          : chained.has(action.name)
            ? '—'
            : '— (not in the chain)';
      const isSecret = secretInputs.includes(name);
      const secret = vocabulary.secretName(outer);
      const inWorkflows = wired.map(({ workflow, fixed }) => {
        if (!workflow) return '—';
        if (workflow.inputs[outer]) return code(outer);
        if (isSecret && workflow.secrets[secret]) return 'secret';
        return fixed[name] ? `— (${fixed[name].reason})` : '—';
      });
      const hasSecret = wired.some(({ workflow }) => workflow?.secrets[secret]);
      rows.push([
        `input ${code(name)}`,
        firstSentence(input.description),
        inRoot,
        workflowCell(wired, inWorkflows),
        isSecret && hasSecret ? code(secret) : '',
      ]);
    }
    for (const [name, output] of Object.entries(action.outputs)) {
      const outer = vocabulary.rootName(action.name, name);
      const inWorkflows = wired.map(({ workflow }) => (workflow?.outputs[outer] ? code(outer) : '—'));
      rows.push([
        `output ${code(name)}`,
        firstSentence(output.description),
        rootAction?.outputs[outer] ? code(outer) : '—',
        workflowCell(wired, inWorkflows),
        '',
      ]);
    }
    lines.push(
      '',
      `### ${action.name} (\`${vocabulary.STEP_PREFIXES[action.name]}-\`)`,
      '',
      renderTable(['In the action', 'Concept', 'In the root action', 'In the reusable workflows', 'As a secret'], rows),
    );
  }
  lines.push('', PRETTIER_IGNORE_END);
  return `${lines.join('\n')}\n`;
}

/** One cell for the workflows that run the action: the name once when they agree, else per workflow. */
function workflowCell(wired, cells) {
  if (wired.length === 0) return '— (no reusable workflow runs it)';
  if (new Set(cells).size === 1) return cells[0];
  return wired.map(({ workflow }, index) => `${workflow?.name ?? '?'}: ${cells[index]}`).join('<br>');
}

/** The first sentence of a description, as the concept a name stands for. */
function firstSentence(description) {
  const text = normalize(description).replace(/\s+/g, ' ');
  const end = text.search(/(?<!\b(?:e\.g|i\.e|etc))\.(\s|$)/);
  return end < 0 ? text : text.slice(0, end);
}
