// Runs a script's main() when the script is what node was started with (not when a test imports it): an error ends
// it with its message on stderr and exit code 1.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export async function runWhenMain(moduleUrl, main) {
  if (!process.argv[1] || path.resolve(process.argv[1]) !== fileURLToPath(moduleUrl)) return;
  try {
    await main();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
