/** Where an action's results go: the runner's GITHUB_OUTPUT, the CLI's stdout, or a test's map. */
export type OutputSink = (name: string, value: string) => void;

export function outputsToRecord(record: Record<string, string>): OutputSink {
  return (name, value) => {
    record[name] = value;
  };
}
