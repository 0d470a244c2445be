import { describe, expect, it } from '@jest/globals';
import {
  calledWorkflowFile,
  expressionsIn,
  libraryActionOf,
  needsOf,
  readLibraryAction,
  readWorkflowFile,
  readWorkflowFiles,
  type Job,
  type Step,
  type WorkflowFile,
} from './workflow-files.js';

const workflows = readWorkflowFiles();
const push = readWorkflowFile('.github/workflows/deliver-push.yml');
const pull = readWorkflowFile('.github/workflows/deliver-pull.yml');

/** What every job after build must pass as the image: the digest reference the build job recorded. */
const BY_DIGEST = '${{ needs.build.outputs.image-ref }}';
/** The input through which each library action takes the image. */
const IMAGE_INPUT: Record<string, string> = {
  'trivy-scan': 'image-ref',
  'cosign-sign': 'image-ref',
  'kubectl-apply': 'image-refs',
  'open-gitops-pr': 'image-ref',
};
const HAND_OFF = [
  { workflow: push, job: 'apply', action: 'kubectl-apply' },
  { workflow: pull, job: 'hand-off', action: 'open-gitops-pr' },
] as const;

function allJobs(files: WorkflowFile[] = workflows) {
  return files.flatMap((file) => Object.entries(file.workflow.jobs).map(([id, job]) => ({ file, id, job })));
}

function stepRunning(job: Job, action: string): Step {
  const step = (job.steps ?? []).find((candidate) => libraryActionOf(candidate) === action);
  if (step === undefined) throw new Error(`no step runs ${action}`);
  return step;
}

/** `<context>.<name>.outputs.<output>` references anywhere in a value. */
function outputReferences(value: unknown, context: 'steps' | 'needs' | 'jobs'): Array<[string, string]> {
  return expressionsIn(value).flatMap((expression) =>
    [...expression.matchAll(new RegExp(`\\b${context}\\.([A-Za-z0-9_-]+)\\.outputs\\.([A-Za-z0-9_-]+)`, 'g'))].map(
      (match): [string, string] => [match[1], match[2]],
    ),
  );
}

describe('deliver-push and deliver-pull', () => {
  it('share the build, scan and sign jobs word for word', () => {
    for (const id of ['build', 'scan', 'sign'])
      expect({ id, job: pull.workflow.jobs[id] }).toEqual({ id, job: push.workflow.jobs[id] });
  });

  it('declare the inputs and secrets of the shared jobs the same way', () => {
    const shared = ['build', 'scan', 'sign'].map((id) => push.workflow.jobs[id]);
    const read = expressionsIn(shared).flatMap((expression) =>
      [...expression.matchAll(/\b(inputs|secrets)\.([A-Za-z0-9_-]+)/g)].map(
        (match) => [match[1] as 'inputs' | 'secrets', match[2]] as const,
      ),
    );
    expect(read.length).toBeGreaterThan(10);
    const declaration = (workflow: WorkflowFile, kind: 'inputs' | 'secrets', name: string) =>
      workflow.workflow.on.workflow_call?.[kind]?.[name];
    const differing = read
      .filter(
        ([kind, name]) =>
          JSON.stringify(declaration(push, kind, name)) !== JSON.stringify(declaration(pull, kind, name)),
      )
      .map(([kind, name]) => `${kind}.${name}`);
    expect(differing).toEqual([]);
  });

  it("run this library's actions through $/, this repository at the workflow's own commit", () => {
    const elsewhere = allJobs([push, pull]).flatMap(({ file, id, job }) =>
      (job.steps ?? [])
        .filter(
          (step) =>
            step.uses?.includes('actions/') &&
            /(?:^|\/)actions\/(?:build-multistage|trivy-scan|cosign-sign|kubectl-apply|open-gitops-pr|bump-manifest)/.test(
              step.uses,
            ),
        )
        .filter((step) => !step.uses!.startsWith('$/actions/'))
        .map((step) => `${file.file}: ${id} uses ${step.uses}`),
    );
    expect(elsewhere).toEqual([]);
  });

  describe.each([push, pull].map((workflow) => [workflow.file, workflow] as const))('%s', (_file, workflow) => {
    const { jobs } = workflow.workflow;
    const handOff = HAND_OFF.find((entry) => entry.workflow === workflow)!;

    it('gives every job after build the image by the digest the build job recorded, never by a tag', () => {
      expect(jobs.build.outputs).toEqual({
        digest: '${{ steps.image.outputs.digest }}',
        'image-ref': '${{ steps.image.outputs.image-ref }}',
        // the SLSA predicate the sign job signs; it names the digest, never a tag
        provenance: '${{ steps.build.outputs.provenance }}',
      });
      const record = jobs.build.steps!.find((step) => step.id === 'image')!;
      expect(record.run).toContain("'sha256:[0-9a-f]{64}'");
      expect(record.run).toContain('image-ref=$IMAGE@$DIGEST');

      const imageInputs = Object.entries(jobs)
        .filter(([id]) => id !== 'build')
        .flatMap(([id, job]) =>
          (job.steps ?? [])
            .filter((step) => (libraryActionOf(step) ?? '') in IMAGE_INPUT)
            .map((step) => [id, libraryActionOf(step), step.with?.[IMAGE_INPUT[libraryActionOf(step)!]]]),
        );
      expect(imageInputs.length).toBeGreaterThanOrEqual(3);
      for (const [id, action, value] of imageInputs)
        expect({ id, action, value }).toEqual({ id, action, value: BY_DIGEST });

      const tagReaders = Object.entries(jobs)
        .filter(([id, job]) => id !== 'build' && /inputs\.tags|outputs\.tags/.test(JSON.stringify(job)))
        .map(([id]) => id);
      expect(tagReaders).toEqual([]);
    });

    it('signs only a digest that passed the scan gate', () => {
      const scan = stepRunning(jobs.scan, 'trivy-scan');
      expect(scan.with?.['fail-build']).toBe(false);
      const gate = jobs.scan.steps!.find((step) => step.if === "steps.scan.outputs.passed != 'true'");
      expect(gate?.run).toMatch(/exit 1/);
      expect(jobs.scan.outputs?.passed).toBe('${{ steps.scan.outputs.passed }}');

      expect(needsOf(jobs.sign)).toEqual(expect.arrayContaining(['build', 'scan']));
      expect(jobs.sign.if).toContain("needs.scan.outputs.passed == 'true'");
      expect(stepRunning(jobs.sign, 'cosign-sign').with?.verify).toBe(true);
    });

    it('hands off only a scanned and signed digest, after verifying its signature again', () => {
      const job = jobs[handOff.job];
      expect(needsOf(job).sort()).toEqual(['build', 'scan', 'sign']);
      expect(job.if).toContain("needs.scan.outputs.passed == 'true'");
      expect(job.if).toContain("needs.sign.outputs.signature-ref != ''");

      const steps = job.steps!;
      const verify = steps.findIndex((step) => /^\s*cosign verify "\$@" "\$IMAGE_REF"/m.test(step.run ?? ''));
      const deliver = steps.indexOf(stepRunning(job, handOff.action));
      expect(verify).toBeGreaterThanOrEqual(0);
      expect(verify).toBeLessThan(deliver);
      expect(steps[verify].env?.IMAGE_REF).toBe(BY_DIGEST);
      // the hand-off checks the identity the sign job signed as, computed the same way, not read from its outputs
      expect(steps[verify].env?.SIGNER).toBe("${{ format('{0}/{1}', github.server_url, job.workflow_ref) }}");
      expect(stepRunning(jobs.sign, 'cosign-sign').with?.['certificate-identity']).toContain(
        "format('{0}/{1}', github.server_url, job.workflow_ref)",
      );
    });

    it("runs the hand-off in the caller's environment, one delivery per environment at a time", () => {
      const job = jobs[handOff.job];
      expect(job.environment).toBe('${{ inputs.environment }}');
      expect(job.concurrency).toEqual({
        group: 'gitops-delivery-${{ inputs.environment }}',
        'cancel-in-progress': false,
      });
      // besides the hand-off, only the wait job, whose deployment turns green when the commit is live and healthy
      const elsewhere = Object.entries(jobs)
        .filter(([id, other]) => id !== handOff.job && other.environment !== undefined)
        .map(([id, other]) => [id, other.environment]);
      const waitEnvironment = { name: '${{ inputs.environment }}', url: '${{ inputs.environment-url }}' };
      expect(elsewhere).toEqual(handOff.workflow === pull ? [['wait', waitEnvironment]] : []);
    });

    it('outputs the digest and image reference that were handed off', () => {
      const outputs = workflow.workflow.on.workflow_call!.outputs!;
      expect(outputs.digest.value).toBe('${{ jobs.build.outputs.digest }}');
      expect(outputs['image-ref'].value).toBe('${{ jobs.build.outputs.image-ref }}');
    });
  });
});

describe('references between files and jobs', () => {
  const libraryActionSteps = allJobs().flatMap(({ file, id, job }) =>
    (job.steps ?? [])
      .filter((step) => libraryActionOf(step) !== undefined)
      .map((step) => ({
        where: `${file.file}: ${id} / ${step.name ?? step.id}`,
        step,
        action: libraryActionOf(step)!,
      })),
  );

  it('run only library actions that exist', () => {
    const missing = libraryActionSteps
      .filter(({ action }) => readLibraryAction(action) === undefined)
      .map(({ where, action }) => `${where}: actions/${action}/action.yml does not exist`);
    expect(missing).toEqual([]);
  });

  it('pass library actions only inputs they declare, and every required one', () => {
    const wrong = libraryActionSteps.flatMap(({ where, step, action }) => {
      const metadata = readLibraryAction(action);
      if (metadata === undefined) return [];
      const given = Object.keys(step.with ?? {});
      const unknown = given
        .filter((name) => !(name in metadata.inputs))
        .map((name) => `${where}: ${action} has no input ${name}`);
      const absent = Object.entries(metadata.inputs)
        .filter(
          ([name, input]) => String(input.required) === 'true' && input.default === undefined && !given.includes(name),
        )
        .map(([name]) => `${where}: ${action} needs input ${name}`);
      return [...unknown, ...absent];
    });
    expect(wrong).toEqual([]);
  });

  it('read only step outputs that the action declares or the run step writes', () => {
    const wrong = allJobs().flatMap(({ file, id, job }) => {
      const steps = new Map((job.steps ?? []).filter((step) => step.id).map((step) => [step.id!, step]));
      return outputReferences(job, 'steps')
        .filter(([stepId, output]) => {
          const step = steps.get(stepId);
          if (step === undefined) return true;
          const action = libraryActionOf(step);
          if (action !== undefined) return !(output in (readLibraryAction(action)?.outputs ?? {}));
          if (step.run !== undefined) return !step.run.includes(`${output}=`);
          return false;
        })
        .map(([stepId, output]) => `${file.file}: ${id} reads steps.${stepId}.outputs.${output}`);
    });
    expect(wrong).toEqual([]);
  });

  it('read only outputs of jobs they need, which those jobs (or the workflows they call) declare', () => {
    const wrong = allJobs().flatMap(({ file, id, job }) =>
      outputReferences(job, 'needs')
        .filter(([needed, output]) => {
          const other = file.workflow.jobs[needed];
          if (other === undefined || !needsOf(job).includes(needed)) return true;
          const called = other.uses === undefined ? undefined : calledWorkflowFile(other.uses);
          const declared = called ? readWorkflowFile(called).workflow.on.workflow_call?.outputs : other.outputs;
          return !(output in (declared ?? {}));
        })
        .map(([needed, output]) => `${file.file}: ${id} reads needs.${needed}.outputs.${output}`),
    );
    expect(wrong).toEqual([]);
  });

  it('build reusable workflow outputs from job outputs that exist', () => {
    const wrong = workflows.flatMap((file) =>
      outputReferences(file.workflow.on.workflow_call?.outputs ?? {}, 'jobs')
        .filter(([job, output]) => !(output in (file.workflow.jobs[job]?.outputs ?? {})))
        .map(([job, output]) => `${file.file}: jobs.${job}.outputs.${output}`),
    );
    expect(wrong).toEqual([]);
  });

  it('read only inputs and secrets the reusable workflow declares', () => {
    const wrong = workflows
      .filter((file) => file.workflow.on.workflow_call)
      .flatMap((file) => {
        const call = file.workflow.on.workflow_call!;
        const used = expressionsIn(file.workflow.jobs).flatMap((expression) => [
          ...[...expression.matchAll(/\binputs\.([A-Za-z0-9_-]+)/g)].map((match) => ['inputs', match[1]] as const),
          ...[...expression.matchAll(/\bsecrets\.([A-Za-z0-9_-]+)/g)].map((match) => ['secrets', match[1]] as const),
        ]);
        return used
          .filter(([kind, name]) => !(name in (call[kind] ?? {})) && name !== 'GITHUB_TOKEN')
          .map(([kind, name]) => `${file.file}: ${kind}.${name}`);
      });
    expect(wrong).toEqual([]);
  });

  it('call reusable workflows with inputs and secrets they declare, and every required one', () => {
    const wrong = allJobs().flatMap(({ file, id, job }) => {
      const called = job.uses === undefined ? undefined : calledWorkflowFile(job.uses);
      if (called === undefined) return [];
      const call = readWorkflowFile(called).workflow.on.workflow_call ?? {};
      const where = `${file.file}: ${id} → ${called}`;
      const withs = Object.keys(job.with ?? {});
      const secrets = job.secrets === 'inherit' ? undefined : Object.keys(job.secrets ?? {});
      return [
        ...withs.filter((name) => !(name in (call.inputs ?? {}))).map((name) => `${where}: no input ${name}`),
        ...Object.entries(call.inputs ?? {})
          .filter(([name, input]) => input.required && !withs.includes(name))
          .map(([name]) => `${where}: input ${name} is required`),
        ...(secrets ?? [])
          .filter((name) => !(name in (call.secrets ?? {})))
          .map((name) => `${where}: no secret ${name}`),
        ...Object.entries(call.secrets ?? {})
          .filter(([name, secret]) => secret.required && secrets !== undefined && !secrets.includes(name))
          .map(([name]) => `${where}: secret ${name} is required`),
      ];
    });
    expect(wrong).toEqual([]);
  });

  it('call the reusable workflows of this repository, pinned in the examples', () => {
    const calls = allJobs()
      .filter(({ job }) => job.uses !== undefined)
      .map(({ file, job }) => [file.file, job.uses, calledWorkflowFile(job.uses!)]);
    expect(calls.filter(([, , called]) => called === undefined)).toEqual([]);
    expect(calls.length).toBeGreaterThanOrEqual(5);
  });
});
