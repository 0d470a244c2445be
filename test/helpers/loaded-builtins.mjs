// Preloaded (NODE_OPTIONS=--import) by tests that check which of Node's own modules a bundle loads: when the
// process exits, writes their names, one per line, to LOADED_BUILTINS_FILE.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const builtins = process.moduleLoadList.filter((entry) => entry.startsWith('NativeModule '));
  writeFileSync(
    process.env.LOADED_BUILTINS_FILE,
    builtins.map((entry) => entry.slice('NativeModule '.length)).join('\n'),
  );
});
