// The floor of any step that reads YAML: Node's start, the yaml package (bundled and minified as the actions bundle
// it) and a parse of the given files. bump-manifest's one-app figure cannot go below this; the bench bundles this file.
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';

let documents = 0;
for (const file of process.argv.slice(2)) documents += parseAllDocuments(readFileSync(file, 'utf8')).length;
if (documents === 0) throw new Error('no YAML document parsed');
