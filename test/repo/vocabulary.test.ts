// The vocabulary (src/actions/vocabulary.ts) against every action.yml, the root action.yml and the reusable workflows:
// one name per thing, one thing per name, and every step input either reachable from the root action and the
// workflows or fixed by them with a reason.
import { describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { findActions, ROOT_ACTION_NAME } from '../../scripts/action-catalog.mjs';
import { readActionMetadata } from '../../scripts/docs-lib.mjs';
import { WORKFLOWS } from '../../scripts/workflow-wiring.mjs';
import { CHAIN_STEPS, FIXED_INPUTS } from '../../src/actions/deliver/chain.js';
import {
  misplacedPrefix,
  OWNED_BY,
  PER_STEP_NAMES,
  RETIRED_NAMES,
  ROOT_ONLY_NAMES,
  rootName,
  SECRET_INPUTS,
  secretName,
  SHARED_NAMES,
  STEP_PREFIXES,
} from '../../src/actions/vocabulary.js';
import { libraryActionOf, readWorkflowFile, root } from '../workflows/workflow-files.js';

const actions = findActions(root)
  .filter((action) => action.name !== ROOT_ACTION_NAME)
  .map((action) => readActionMetadata(action.name, action.actionFile));
const metadataOf = (name: string) => {
  const found = actions.find((action) => action.name === name);
  if (!found) throw new Error(`no action ${name}`);
  return found;
};
const rootAction = readActionMetadata(ROOT_ACTION_NAME, path.join(root, 'action.yml'));
const EXPRESSION = /^\$\{\{\s*(inputs|secrets)\.([\w-]+)\s*\}\}$/;

describe('the names of each action', () => {
  it('has a step prefix for every action', () => {
    expect(actions.map((action) => action.name).filter((name) => !STEP_PREFIXES[name])).toEqual([]);
  });

  for (const action of actions) {
    it(`${action.name} uses no retired name and no other step's prefix`, () => {
      const names = [...Object.keys(action.inputs), ...Object.keys(action.outputs)];
      const broken = names.flatMap((name) => {
        if (Object.hasOwn(RETIRED_NAMES, name)) return [`${name}: ${RETIRED_NAMES[name]}`];
        const prefix = misplacedPrefix(action.name, name);
        return prefix ? [`${name} begins with ${prefix}-, the prefix of another step`] : [];
      });
      expect(broken).toEqual([]);
    });
  }

  it('gives one name one meaning: a name several actions use is declared shared, owned or per step', () => {
    const users = new Map<string, string[]>();
    for (const action of actions) {
      for (const name of Object.keys(action.inputs)) users.set(name, [...(users.get(name) ?? []), action.name]);
    }
    const undeclared = [...users]
      .filter(([, owners]) => owners.length > 1)
      .map(([name]) => name)
      .filter((name) => ![SHARED_NAMES, OWNED_BY, PER_STEP_NAMES].some((table) => Object.hasOwn(table, name)));
    expect(undeclared).toEqual([]);
  });

  it('declares secrets only for inputs that exist', () => {
    const missing = Object.entries(SECRET_INPUTS).flatMap(([action, names]) =>
      names.filter((name) => !(name in metadataOf(action).inputs)).map((name) => `${action}: ${name}`),
    );
    expect(missing).toEqual([]);
  });
});

describe('the root action (deliver)', () => {
  const chained = [...new Set(Object.values(CHAIN_STEPS).flat())];

  it('takes every input of its steps under its vocabulary name, unless the chain fixes it with a reason', () => {
    const unreachable = chained.flatMap((step) =>
      Object.keys(metadataOf(step).inputs)
        .filter((name) => !(FIXED_INPUTS[step]?.[name]?.reason ?? '').trim())
        .filter((name) => !(rootName(step, name) in rootAction.inputs))
        .map((name) => `${step}: ${name} (expected ${rootName(step, name)})`),
    );
    expect(unreachable).toEqual([]);
  });

  it('has no input or output outside the vocabulary', () => {
    const known = (kind: 'inputs' | 'outputs') =>
      new Set(chained.flatMap((step) => Object.keys(metadataOf(step)[kind]).map((name) => rootName(step, name))));
    const inputs = known('inputs');
    const outputs = known('outputs');
    expect(Object.keys(rootAction.inputs).filter((name) => !inputs.has(name) && !(name in ROOT_ONLY_NAMES))).toEqual(
      [],
    );
    expect(Object.keys(rootAction.outputs).filter((name) => !outputs.has(name) && !(name in ROOT_ONLY_NAMES))).toEqual(
      [],
    );
  });
});

for (const [file, wiring] of Object.entries(WORKFLOWS)) {
  describe(file, () => {
    const workflow = readWorkflowFile(file);
    const call = workflow.workflow.on.workflow_call ?? {};
    const steps = Object.values(workflow.workflow.jobs).flatMap((job) => job.steps ?? []);
    const used = [...new Set(steps.map(libraryActionOf).filter((name): name is string => name !== undefined))];

    it('wires every step that runs one of the actions, with a reason for each value it fixes', () => {
      const wired = Object.values(wiring).map((step) => step.action);
      expect(used.filter((name) => !wired.includes(name))).toEqual([]);
      const unexplained = Object.values(wiring).flatMap((step) =>
        Object.entries(step.fixed ?? {})
          .filter(([, fixed]) => !fixed.reason?.trim())
          .map(([name]) => `${step.action}: ${name}`),
      );
      expect(unexplained).toEqual([]);
    });

    it('passes every action input from the input or secret of its vocabulary name, or a fixed value', () => {
      const wrong: string[] = [];
      for (const [id, step] of Object.entries(wiring)) {
        const found = steps.find((candidate) => candidate.id === id);
        if (!found) throw new Error(`${file} has no step ${id}`);
        for (const name of Object.keys(metadataOf(step.action).inputs)) {
          const value = found.with?.[name];
          if (value === undefined) wrong.push(`${id}: ${name} is not passed`);
          const match = EXPRESSION.exec(String(value));
          if (!match || step.fixed?.[name]) continue;
          const expected =
            match[1] === 'inputs' ? rootName(step.action, name) : secretName(rootName(step.action, name));
          if (match[2] !== expected) wrong.push(`${id}: ${name} comes from ${match[1]}.${match[2]}, not ${expected}`);
        }
      }
      expect(wrong).toEqual([]);
    });

    it('names its inputs, secrets and outputs by the vocabulary', () => {
      // a workflow may also read what another step owns (deliver-push checks out the GitOps repository itself)
      const all = actions.map((action) => action.name);
      const names = (kind: 'inputs' | 'outputs') =>
        new Set(all.flatMap((action) => Object.keys(metadataOf(action)[kind]).map((name) => rootName(action, name))));
      const inputs = names('inputs');
      const outputs = names('outputs');
      const secrets = new Set([
        ...all.flatMap((action) => (SECRET_INPUTS[action] ?? []).map((name) => secretName(rootName(action, name)))),
        ...Object.keys(ROOT_ONLY_NAMES).map(secretName),
      ]);
      const outside = [
        ...Object.keys(call.inputs ?? {}).filter(
          (name) => !inputs.has(name) && !(name in ROOT_ONLY_NAMES) && !(name in SHARED_NAMES),
        ),
        ...Object.keys(call.secrets ?? {}).filter((name) => !secrets.has(name)),
        ...Object.keys(call.outputs ?? {}).filter((name) => !outputs.has(name) && !(name in ROOT_ONLY_NAMES)),
      ];
      expect(outside).toEqual([]);
    });
  });
}
