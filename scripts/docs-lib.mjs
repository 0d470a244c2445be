// Renders the README's generated regions from the action.yml files; generate-docs.mjs writes or checks them.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { ROOT_ACTION_NAME, findActions } from './action-catalog.mjs';

/** The major version users pin in `uses:`. */
const MAJOR_VERSION = 'v1';
export const REGION_KINDS = ['usage', 'inputs', 'outputs'];

const MARKER = /<!-- (start|end):([\w.-]+):(\w+) -->/g;
// owner/repo, github:owner/repo, https://github.com/owner/repo(.git), git+https://..., git@github.com:owner/repo.git
const GITHUB_REPOSITORY =
  /^(?:github:|(?:git\+)?https:\/\/github\.com\/|git@github\.com:)?([\w.-]+\/[\w.-]+?)(?:\.git)?\/?$/;
const COMMENT_WIDTH = 80;

/**
 * The README as the generator would write it: `text` is the whole new README, `staleRegions` names each region
 * (`<action>:<kind>`) whose content differs from the current README. Throws when markers are missing or unbalanced.
 */
export function generateReadme(root) {
  const readmeFile = path.join(root, 'README.md');
  const readme = existsSync(readmeFile) ? readFileSync(readmeFile, 'utf8') : '';
  const actions = findActions(root).map((action) => readActionMetadata(action.name, action.actionFile));
  return updateReadme(readme, actions, repositorySlug(root));
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
  const document = YAML.parseDocument(readFileSync(actionFile, 'utf8'));
  if (document.errors.length > 0) throw new Error(`${actionFile}: ${document.errors[0].message}`);
  const metadata = document.toJS() ?? {};
  return { ...metadata, name, inputs: withObjectValues(metadata.inputs), outputs: withObjectValues(metadata.outputs) };
}

function withObjectValues(entries) {
  return Object.fromEntries(Object.entries(entries ?? {}).map(([key, value]) => [key, value ?? {}]));
}

/** Replaces every generated region of readme; see generateReadme. */
function updateReadme(readme, actions, repository) {
  const regions = findRegions(readme);
  checkRegionsMatchActions(regions, actions);
  const staleRegions = [];
  let text = '';
  let copiedUpTo = 0;
  for (const region of regions) {
    const action = actions.find((candidate) => candidate.name === region.action);
    const content = `\n${renderRegion(action, region.kind, repository)}\n`;
    if (readme.slice(region.contentStart, region.contentEnd) !== content) {
      staleRegions.push(`${region.action}:${region.kind}`);
    }
    text += readme.slice(copiedUpTo, region.contentStart) + content;
    copiedUpTo = region.contentEnd;
  }
  return { text: text + readme.slice(copiedUpTo), staleRegions };
}

function renderRegion(action, kind, repository) {
  switch (kind) {
    case 'usage':
      return renderUsage(action, repository);
    case 'inputs':
      return renderInputsTable(action.inputs);
    case 'outputs':
      return renderOutputsTable(action.outputs);
    default:
      throw new Error(`unknown README region kind "${kind}"; expected one of ${REGION_KINDS.join(', ')}`);
  }
}

function findRegions(readme) {
  const regions = [];
  let open;
  for (const marker of readme.matchAll(MARKER)) {
    const [text, edge, action, kind] = marker;
    const id = `${action}:${kind}`;
    if (edge === 'start') {
      if (open) throw new Error(`README.md: region ${id} starts inside region ${open.id}`);
      open = { id, action, kind, contentStart: marker.index + text.length };
    } else {
      if (open?.id !== id) throw new Error(`README.md: <!-- end:${id} --> without its <!-- start:${id} -->`);
      regions.push({ ...open, contentEnd: marker.index });
      open = undefined;
    }
  }
  if (open) throw new Error(`README.md: <!-- start:${open.id} --> without its <!-- end:${open.id} -->`);
  return regions;
}

function checkRegionsMatchActions(regions, actions) {
  const ids = regions.map((region) => `${region.action}:${region.kind}`);
  const duplicates = ids.filter((id, index) => ids.indexOf(id) !== index);
  if (duplicates.length > 0) throw new Error(`README.md: regions appear twice: ${duplicates.join(', ')}`);
  const unknown = regions.filter((region) => !actions.some((action) => action.name === region.action));
  if (unknown.length > 0) {
    const names = unknown.map((region) => `${region.action}:${region.kind}`).join(', ');
    throw new Error(`README.md: regions for actions that have no action.yml: ${names}`);
  }
  const missing = actions.flatMap((action) =>
    REGION_KINDS.filter((kind) => !ids.includes(`${action.name}:${kind}`)).map((kind) => `${action.name}:${kind}`),
  );
  if (missing.length > 0) {
    const markers = missing.map((id) => `<!-- start:${id} -->\n<!-- end:${id} -->`).join('\n');
    throw new Error(`README.md lacks generated regions; add these marker pairs where each belongs:\n${markers}`);
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
    input.default === undefined || input.default === '' ? '' : `\`${input.default}\``,
  ]);
  return renderTable(['Name', 'Description', 'Required', 'Default'], rows);
}

function renderOutputsTable(outputs) {
  const rows = Object.entries(outputs).map(([name, output]) => [`\`${name}\``, normalize(output.description)]);
  return renderTable(['Name', 'Description'], rows);
}

function renderTable(header, rows) {
  if (rows.length === 0) return '_None._';
  const line = (cells) => `| ${cells.map(escapeCell).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function isRequired(input) {
  return input.required === true || input.required === 'true';
}

function normalize(description) {
  return String(description ?? '')
    .replace(/\r\n?/g, '\n')
    .trim();
}

function escapeCell(text) {
  return String(text).replace(/\|/g, '\\|').replace(/\n/g, '<br>');
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
