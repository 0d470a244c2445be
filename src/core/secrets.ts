import { issueCommand } from './workflow-commands.js';

const registered = new Set<string>();
/** The registered forms, longest first, so that a form is redacted before any shorter one inside it. */
let longestFirst: string[] = [];

// Shorter than this, a value (or an encoding of it) would mask ordinary words; a secret this short protects nothing.
const MIN_LENGTH = 3;
// A partial base64 form this short matches too much unrelated base64 to be worth masking.
const MIN_ENCODED_LENGTH = 8;

/**
 * Masks a value in the runner's log and in everything this library prints or returns from a tool: the value, each of
 * its lines, and the forms it commonly takes on its way into an error body or a URL (see `encodedForms`).
 */
export function registerSecret(value: string | undefined): void {
  if (!value) return;
  const pieces = new Set([value, ...value.split(/\r?\n/)].map((piece) => piece.trim()));
  for (const piece of pieces) {
    if (piece.length < MIN_LENGTH) continue;
    for (const form of [piece, ...encodedForms(piece)]) addMask(form);
  }
}

export function redact(text: string): string {
  let result = text;
  for (const secret of longestFirst) result = result.split(secret).join('***');
  return result;
}

function addMask(form: string): void {
  if (registered.has(form)) return;
  registered.add(form);
  longestFirst = [...registered].sort((a, b) => b.length - a.length);
  issueCommand('add-mask', form);
}

/**
 * What the runner's own masker adds for a masked value (base64 at the three byte offsets a value can start at inside
 * a longer base64 text), plus the URL-safe alphabet and the URL encoding it lacks. A value embedded in a longer
 * text shows in that text's base64 only through the characters its bytes alone decide, so those are masked too.
 */
export function encodedForms(value: string): string[] {
  const bytes = Buffer.from(value, 'utf8');
  const forms = new Set<string>();
  for (let offset = 0; offset < 3 && offset < bytes.length; offset++) {
    const standard = bytes.subarray(offset).toString('base64');
    const determined = standard.slice(0, Math.floor(((bytes.length - offset) * 8) / 6));
    for (const form of offset === 0 ? [standard, determined] : [determined]) {
      if (form.length < MIN_ENCODED_LENGTH) continue;
      forms.add(form);
      forms.add(form.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''));
    }
  }
  const urlEncoded = encodeURIComponent(value);
  forms.add(urlEncoded);
  // Form encoding (application/x-www-form-urlencoded) writes a space as +.
  forms.add(urlEncoded.replace(/%20/g, '+'));
  forms.delete(value);
  return [...forms];
}
