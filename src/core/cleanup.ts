import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import * as path from 'node:path';

/**
 * What a step undoes when the runner cancels it. A runner cancels with SIGINT, then SIGTERM about 7.5 s later, then
 * SIGKILL; Node's default on either signal is to die at once, leaving tools running and private files (build
 * secrets, keys, kubeconfigs) on disk. So the first cleanup registered installs one handler for both signals that
 * runs every registered cleanup, newest first (the tools before the folders they read), and exits 130 or 143.
 * A post step removes what even this could not (SIGKILL).
 */
export type Cleanup = () => void | Promise<void>;

const EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;
const cleanups = new Set<Cleanup>();
let installed = false;
let cancelling = false;

/** Runs `cleanup` if the step is cancelled; the returned function unregisters it (call it once done normally). */
export function onCancel(cleanup: Cleanup): () => void {
  installHandlers();
  cleanups.add(cleanup);
  return () => {
    cleanups.delete(cleanup);
  };
}

/** A folder for a run's private files, readable by this user only, deleted by `remove()` or on cancel. */
export interface ScratchFolder {
  path: string;
  remove(): Promise<void>;
}

/** Creates `<parent>/<prefix>XXXXXX` (mode 0700, as mkdtemp makes it) and registers its removal on cancel. */
export async function scratchFolder(parent: string, prefix: string): Promise<ScratchFolder> {
  // The CLI's parent may be a folder the user named that does not exist yet.
  await mkdir(parent, { recursive: true });
  const folder = await mkdtemp(path.join(parent, prefix));
  const removeFolder = () => rm(folder, { recursive: true, force: true });
  const unregister = onCancel(removeFolder);
  return {
    path: folder,
    remove: async () => {
      unregister();
      await removeFolder();
    },
  };
}

function installHandlers(): void {
  if (installed) return;
  installed = true;
  for (const signal of Object.keys(EXIT_CODES) as (keyof typeof EXIT_CODES)[]) {
    process.on(signal, () => void cancel(signal));
  }
}

async function cancel(signal: keyof typeof EXIT_CODES): Promise<void> {
  // The runner's SIGTERM can arrive while the SIGINT cleanup runs: let that one finish.
  if (cancelling) return;
  cancelling = true;
  process.stdout.write(`Cancelled (${signal}): stopping tools and removing private files.\n`);
  await runCleanups();
  process.exit(EXIT_CODES[signal]);
}

/** Runs and forgets every registered cleanup, newest first; one that fails does not stop the others. */
export async function runCleanups(): Promise<void> {
  for (const cleanup of [...cleanups].reverse()) {
    cleanups.delete(cleanup);
    try {
      await cleanup();
    } catch {
      // Nothing to report to: the step is ending; the post step is the backstop.
    }
  }
}
