import { type JsonObject, valueAt } from './object-tree.js';

/** A label selector as kubectl sends it (`a=b,c!=d,e,!f,g in (h,i)`), as a predicate on labels. */
export function labelSelector(text: string | null): (labels: Record<string, string> | undefined) => boolean {
  const terms = splitTerms(text ?? '').map(parseTerm);
  return (labels = {}) => terms.every((term) => term(labels));
}

/** A field selector on dotted paths (`metadata.name=web,involvedObject.kind=Deployment`). */
export function fieldSelector(text: string | null): (object: JsonObject) => boolean {
  const terms = splitTerms(text ?? '').map((term) => {
    const match = /^([\w.]+)\s*(==|=|!=)\s*(.*)$/.exec(term);
    if (!match) throw new Error(`unsupported field selector "${term}"`);
    const [, field, operator, value] = match as unknown as [string, string, string, string];
    const path = field.split('.');
    return (object: JsonObject) => (String(valueAt(object, path) ?? '') === value) === (operator !== '!=');
  });
  return (object) => terms.every((term) => term(object));
}

function splitTerms(text: string): string[] {
  const terms: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(') depth++;
    if (char === ')') depth--;
    if (char === ',' && depth === 0) {
      terms.push(current);
      current = '';
    } else current += char;
  }
  terms.push(current);
  return terms.map((term) => term.trim()).filter(Boolean);
}

function parseTerm(term: string): (labels: Record<string, string>) => boolean {
  const set = /^(\S+)\s+(in|notin)\s+\((.*)\)$/.exec(term);
  if (set) {
    const [, key, operator, values] = set as unknown as [string, string, string, string];
    const allowed = new Set(values.split(',').map((value) => value.trim()));
    return (labels) => (key in labels && allowed.has(labels[key] as string)) === (operator === 'in');
  }
  const comparison = /^([^!=\s]+)\s*(==|=|!=)\s*(.*)$/.exec(term);
  if (comparison) {
    const [, key, operator, value] = comparison as unknown as [string, string, string, string];
    return (labels) => (labels[key] === value) === (operator !== '!=');
  }
  if (term.startsWith('!')) return (labels) => !(term.slice(1) in labels);
  return (labels) => term in labels;
}
