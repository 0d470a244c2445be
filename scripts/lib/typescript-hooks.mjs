// Lets a script import the project's TypeScript (the test doubles, say) on Node 20, which cannot strip types: module
// hooks that transpile each .ts file with the project's own TypeScript (types removed, nothing checked) and resolve
// the `./x.js` specifiers of TypeScript sources to the `./x.ts` files beside them, as tsc and jest do.
// Use: `registerTypeScript()` first, then `await import('../test/doubles/...ts')`.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { register } from 'node:module';
import { fileURLToPath } from 'node:url';

export function registerTypeScript() {
  register(import.meta.url);
}

/** Module hook: `./x.js` imported from a .ts file means `./x.ts` when no `x.js` exists. */
export async function resolve(specifier, context, nextResolve) {
  if (context.parentURL?.endsWith('.ts') && /^\.\.?\/.*\.js$/.test(specifier)) {
    const typescript = new URL(specifier.replace(/\.js$/, '.ts'), context.parentURL);
    const javascript = new URL(specifier, context.parentURL);
    if (!existsSync(fileURLToPath(javascript)) && existsSync(fileURLToPath(typescript))) {
      return { url: typescript.href, format: 'module', shortCircuit: true };
    }
  }
  return nextResolve(specifier, context);
}

/** Module hook: a .ts file is loaded as the ES module tsc would emit for it. */
export async function load(url, context, nextLoad) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return nextLoad(url, context);
  const { default: ts } = await import('typescript');
  const { outputText } = ts.transpileModule(await readFile(fileURLToPath(url), 'utf8'), {
    fileName: fileURLToPath(url),
    compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022, sourceMap: false },
  });
  return { format: 'module', source: outputText, shortCircuit: true };
}
