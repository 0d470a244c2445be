// Writes the inputs and outputs of the root action.yml (deliver) from the actions' own action.yml files: every input
// of a chained step that the chain does not fix (src/actions/deliver/chain.ts) is one of deliver's inputs, and every
// output one of its outputs, under its vocabulary name (src/actions/vocabulary.ts). The header and `runs:` are kept.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { readActionMetadata } from './docs-lib.mjs';
import { importTypeScript } from './lib/import-ts.mjs';
import { oneLine, yamlDescription } from './lib/yaml-text.mjs';

// deliver's own inputs, before the steps' ones.
const OWN_INPUTS = {
  'delivery-mode': {
    description:
      'push (build, scan, sign, then server-side apply to the cluster, wait, roll back on failure) or pull (build, ' +
      'scan, sign, then commit the bump to the GitOps repository and open or update one pull request for Argo CD or ' +
      'Flux to reconcile).',
    required: true,
  },
  'revert-on-failure': {
    description:
      'delivery-mode pull with sync-agent: when the wait ends degraded or failed, revert the hand-off commit the ' +
      'GitOps way (open-gitops-pr revert, through the same publish method), wait until the revert runs, and fail ' +
      'with sync-status rolled-back.',
    required: false,
    default: 'true',
  },
};

/** The root action.yml as it should be: `{ text, stale }`. */
export async function renderRootAction(root) {
  const file = path.join(root, 'action.yml');
  const current = readFileSync(file, 'utf8');
  const { rootName } = await importTypeScript(path.join(root, 'src/actions/vocabulary.ts'));
  const { CHAIN_STEPS, FIXED_INPUTS } = await importTypeScript(path.join(root, 'src/actions/deliver/chain.ts'));
  const steps = [...new Set(Object.values(CHAIN_STEPS).flat())];
  const modesOf = (step) => Object.keys(CHAIN_STEPS).filter((mode) => CHAIN_STEPS[mode].includes(step));

  const inputs = new Map(Object.entries(OWN_INPUTS).map(([name, input]) => [name, { ...input, uses: [] }]));
  const outputs = new Map();
  for (const step of steps) {
    const metadata = readActionMetadata(step, path.join(root, 'actions', step, 'action.yml'));
    const where = `${step}${modesOf(step).length === 1 ? ` (delivery-mode ${modesOf(step)[0]})` : ''}`;
    for (const [name, input] of Object.entries(metadata.inputs)) {
      if (FIXED_INPUTS[step]?.[name]) continue;
      merge(inputs, rootName(step, name), where, name, input, { required: name === 'image' });
    }
    for (const [name, output] of Object.entries(metadata.outputs)) {
      merge(outputs, rootName(step, name), where, name, output, {});
    }
  }
  const generated = `inputs:\n${renderEntries(inputs, true)}outputs:\n${renderEntries(outputs, false)}`;
  const start = current.indexOf('\ninputs:\n');
  const end = current.indexOf('\nruns:\n');
  if (start < 0 || end < start) throw new Error('action.yml: expected top-level inputs:, outputs: and runs:');
  const text = `${current.slice(0, start + 1)}${generated}${current.slice(end + 1)}`;
  return { text, stale: text !== current };
}

/** One entry per root name; a name two steps share (manifests) says what it is for each. */
function merge(entries, name, where, stepName, entry, extra) {
  const use = { where, stepName, description: oneLine(entry.description) };
  const existing = entries.get(name);
  if (existing) {
    existing.uses.push(use);
    return;
  }
  const defaultValue = entry.default === undefined ? undefined : String(entry.default);
  entries.set(name, { uses: [use], default: defaultValue, ...extra });
}

function renderEntries(entries, withRequired) {
  let text = '';
  for (const [name, entry] of entries) {
    const description = entry.description ?? entry.uses.map(describeUse).join(' ');
    text += `  ${name}:\n    description: ${yamlDescription(description, 4)}\n`;
    if (withRequired) text += `    required: ${entry.required === true}\n`;
    if (entry.default !== undefined && entry.default !== '') {
      text += `    default: ${YAML.stringify(entry.default, { singleQuote: true }).trimEnd()}\n`;
    }
  }
  return text;
}

function describeUse(use) {
  return `[${use.where}${use.stepName === '' ? '' : `: ${use.stepName}`}] ${use.description}`;
}
