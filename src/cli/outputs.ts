import { OUTPUTS as BUILD_OUTPUTS } from '../actions/build-multistage/settings.js';
import { OUTPUTS as BUMP_OUTPUTS } from '../actions/bump-manifest/settings.js';
import { OUTPUTS as SIGN_OUTPUTS } from '../actions/cosign-sign/settings.js';
import { OUTPUTS as APPLY_OUTPUTS } from '../actions/kubectl-apply/settings.js';
import { OUTPUTS as GITOPS_OUTPUTS } from '../actions/open-gitops-pr/settings.js';
import { OUTPUTS as SCAN_OUTPUTS } from '../actions/trivy-scan/settings.js';
import { OUTPUTS as SYNC_OUTPUTS } from '../actions/wait-for-sync/settings.js';
import type { StepName } from '../actions/steps.js';

interface StepOutputs {
  /** Every output the step sets, as its action.yml names them. */
  names: readonly string[];
  /** The outputs whose value is JSON text in the action: the CLI prints them as JSON values. */
  json: readonly string[];
}

export const STEP_OUTPUTS: Record<StepName, StepOutputs> = {
  'build-multistage': {
    names: Object.values(BUILD_OUTPUTS),
    json: [BUILD_OUTPUTS.tagsJson, BUILD_OUTPUTS.metadata, BUILD_OUTPUTS.provenance],
  },
  'trivy-scan': { names: Object.values(SCAN_OUTPUTS), json: [SCAN_OUTPUTS.counts] },
  'cosign-sign': { names: Object.values(SIGN_OUTPUTS), json: [] },
  'bump-manifest': { names: Object.values(BUMP_OUTPUTS), json: [BUMP_OUTPUTS.filesJson, BUMP_OUTPUTS.changes] },
  'open-gitops-pr': { names: Object.values(GITOPS_OUTPUTS), json: [] },
  'kubectl-apply': { names: Object.values(APPLY_OUTPUTS), json: [APPLY_OUTPUTS.objectsJson] },
  'wait-for-sync': { names: Object.values(SYNC_OUTPUTS), json: [] },
};

/**
 * A step's outputs as the CLI prints them: JSON outputs as the arrays and objects they hold (null when the step left
 * one empty, as build-multistage's provenance outside GitHub Actions), every other output as its string.
 */
export function outputValues(step: StepName, outputs: Record<string, string>): Record<string, unknown> {
  const json = new Set(STEP_OUTPUTS[step].json);
  return Object.fromEntries(
    Object.entries(outputs).map(([name, value]) => [
      name,
      json.has(name) ? (value === '' ? null : JSON.parse(value)) : value,
    ]),
  );
}

/**
 * JSON text that no runner reads as a workflow command, and that parses to the same value: inside a string `:` and
 * `#` may be written as \u escapes, so `::` (a command after leading whitespace) and `##[` (a legacy command anywhere
 * on a line) from a file name, a diff or a message never appear. Outside strings JSON has neither.
 */
export function jsonForLog(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/::/g, ':\\u003a').replace(/##\[/g, '#\\u0023[');
}
