/** A value a workflow passes to one of its steps itself, and why the user does not choose it. */
export interface WorkflowFixedInput {
  with: string;
  reason: string;
}

/** One step of a reusable workflow that runs one of the actions. */
export interface WiredStep {
  action: string;
  fixed?: Record<string, WorkflowFixedInput>;
  /** Inputs fixed above whose value still takes a workflow input (e.g. annotations appended to the fixed ones). */
  extraInputs?: string[];
  /** The step runs only on some inputs (the wait runs when sync-agent is set): none of its inputs is required. */
  optional?: boolean;
  /**
   * Defaults the workflow declares where the action computes its own from other inputs: the workflow's later jobs
   * read the input too, so it must hold the choice itself.
   */
  defaults?: Record<string, string>;
}

/** Workflow file -> step id -> its wiring. */
export const WORKFLOWS: Record<string, Record<string, WiredStep>>;
