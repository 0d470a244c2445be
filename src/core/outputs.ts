import * as core from '@actions/core';

/** Where an action's results go: the runner's GITHUB_OUTPUT, the CLI's stdout, or a test's map. */
export type OutputSink = (name: string, value: string) => void;

export const actionOutputs: OutputSink = (name, value) => core.setOutput(name, value);

export function outputsToRecord(record: Record<string, string>): OutputSink {
  return (name, value) => {
    record[name] = value;
  };
}
