import { describe, expect, it } from '@jest/globals';
import {
  calledWorkflowFile,
  isLocalReference,
  libraryActionOf,
  readWorkflowFile,
  readWorkflowFiles,
  usesReferences,
  type Job,
  type Permissions,
} from './workflow-files.js';

const workflows = readWorkflowFiles();
const references = workflows.flatMap(usesReferences);
const thirdParty = references.filter((reference) => !isLocalReference(reference.uses));

const FULL_SHA = /^[^@\s]+@[0-9a-f]{40}$/;
/** The examples call this library as OWNER/REPO at a placeholder commit the user replaces with a release's. */
const LIBRARY_PLACEHOLDER = /^OWNER\/REPO\/\.github\/workflows\/[a-z-]+\.yml@0{40}$/;

function permissionsOf(job: Job): Record<string, string> {
  const permissions: Permissions | undefined = job.permissions;
  if (permissions === undefined || typeof permissions === 'string') return {};
  return permissions;
}

function jobs() {
  return workflows.flatMap((workflow) =>
    Object.entries(workflow.workflow.jobs).map(([id, job]) => ({ file: workflow.file, id, job })),
  );
}

describe('every workflow', () => {
  it('gives no permission at the top, or only contents: read', () => {
    const tooBroad = workflows
      .filter((workflow) => {
        const permissions = workflow.workflow.permissions;
        if (permissions === undefined || typeof permissions === 'string') return true;
        return Object.entries(permissions).some(([scope, level]) => !(scope === 'contents' && level === 'read'));
      })
      .map((workflow) => workflow.file);
    expect(tooBroad).toEqual([]);
  });

  it('declares permissions on each job, as a map (never read-all or write-all)', () => {
    const undeclared = jobs()
      .filter(({ job }) => job.permissions === undefined || typeof job.permissions === 'string')
      .map(({ file, id }) => `${file}: ${id}`);
    expect(undeclared).toEqual([]);
  });

  it('runs no expression inside run: (values reach the shell through env:)', () => {
    const offending = jobs().flatMap(({ file, id, job }) =>
      (job.steps ?? [])
        .filter((step) => step.run?.includes('${{'))
        .map((step) => `${file}: ${id} / ${step.name ?? step.id ?? step.run}`),
    );
    expect(offending).toEqual([]);
  });
});

describe('third-party actions', () => {
  it('are pinned to a full commit SHA', () => {
    const unpinned = thirdParty
      .filter((reference) => !FULL_SHA.test(reference.uses))
      .map((reference) => `${reference.file}: ${reference.uses}`);
    expect(unpinned).toEqual([]);
  });

  it('name the version of the pin in a comment (# vX.Y.Z)', () => {
    const unnamed = thirdParty
      .filter((reference) => {
        const version = reference.comment?.trim().split(/\s/)[0] ?? '';
        return LIBRARY_PLACEHOLDER.test(reference.uses) ? version !== 'vX.Y.Z' : !/^v\d+\.\d+\.\d+$/.test(version);
      })
      .map((reference) => `${reference.file}: ${reference.uses} #${reference.comment ?? ''}`);
    expect(unnamed).toEqual([]);
  });

  it('are pinned to the same commit and version everywhere', () => {
    const pins = new Map<string, Set<string>>();
    for (const reference of thirdParty) {
      const [action, sha] = reference.uses.split('@');
      const pin = `${sha} #${reference.comment?.trim()}`;
      pins.set(action, (pins.get(action) ?? new Set()).add(pin));
    }
    const inconsistent = [...pins].filter(([, seen]) => seen.size > 1).map(([action, seen]) => [action, [...seen]]);
    expect(inconsistent).toEqual([]);
  });

  it('come from the few publishers this library trusts', () => {
    const publishers = new Set(
      thirdParty
        .filter((reference) => !LIBRARY_PLACEHOLDER.test(reference.uses))
        .map((reference) => reference.uses.split('/')[0]),
    );
    expect([...publishers].sort()).toEqual(['actions', 'github', 'helm', 'sigstore']);
  });
});

describe('least privilege', () => {
  // A job may only hold a write scope when one of its steps needs it.
  const NEEDED_BY: Record<string, (job: Job) => boolean> = {
    'id-token': (job) => steps(job).some((step) => libraryActionOf(step) === 'cosign-sign'),
    packages: (job) =>
      steps(job).some((step) => ['build-multistage', 'cosign-sign'].includes(libraryActionOf(step) ?? '')),
    'security-events': (job) => steps(job).some((step) => step.uses?.startsWith('github/codeql-action/upload-sarif@')),
  };

  function steps(job: Job) {
    return job.steps ?? [];
  }

  it.each(Object.keys(NEEDED_BY))('grants %s: write only to a job with a step that needs it', (scope) => {
    const needless = jobs()
      .filter(({ job }) => job.uses === undefined && permissionsOf(job)[scope] === 'write')
      .filter(({ job }) => !NEEDED_BY[scope](job))
      .map(({ file, id }) => `${file}: ${id}`);
    expect(needless).toEqual([]);
  });

  it.each(['deliver-push', 'deliver-pull'])('gives each job of %s exactly what it uses', (name) => {
    const workflow = readWorkflowFile(`.github/workflows/${name}.yml`).workflow;
    const granted = Object.fromEntries(Object.entries(workflow.jobs).map(([id, job]) => [id, job.permissions]));
    const handOff =
      name === 'deliver-push'
        ? { apply: { contents: 'read', packages: 'read' } }
        : {
            'hand-off': { packages: 'read' },
            // the wait reads the hand-off's pull request and compares commits of the GitOps repository
            wait: { contents: 'read', 'pull-requests': 'read' },
          };
    expect(granted).toEqual({
      build: { contents: 'read', packages: 'write' },
      scan: { contents: 'read', packages: 'read', 'security-events': 'write', actions: 'read' },
      sign: { packages: 'write', 'id-token': 'write' },
      ...handOff,
    });
  });

  it('has every caller grant what the reusable workflow it calls asks for (GitHub refuses to start it otherwise)', () => {
    const LEVEL: Record<string, number> = { none: 0, read: 1, write: 2 };
    const missing = jobs().flatMap(({ file, id, job }) => {
      const called = job.uses === undefined ? undefined : calledWorkflowFile(job.uses);
      if (called === undefined) return [];
      const granted = permissionsOf(job);
      return Object.entries(readWorkflowFile(called).workflow.jobs).flatMap(([calledId, calledJob]) =>
        Object.entries(permissionsOf(calledJob))
          .filter(([scope, level]) => LEVEL[granted[scope] ?? 'none'] < LEVEL[level])
          .map(([scope, level]) => `${file}: ${id} grants no ${scope}: ${level} that ${called} / ${calledId} asks for`),
      );
    });
    expect(missing).toEqual([]);
  });
});
