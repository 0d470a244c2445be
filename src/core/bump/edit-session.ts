import type { Document, Node, YAMLMap } from 'yaml';
import { ImageRef, type ImageVersion } from '../image-ref.js';
import { UserError } from '../errors.js';
import type { ImageKeyRule } from './image-keys.js';
import type { BumpNotice } from './notices.js';
import { type BumpTarget, type ChangeKind, pinnedVersion, type ReferenceChange } from './types.js';
import type { EmbeddedYamlSource, TextEdit, YamlSource } from './yaml-source.js';

/** Collects the edits and reference changes that the editors find in one file. */
export class EditSession {
  readonly edits: TextEdit[] = [];
  readonly changes: ReferenceChange[] = [];
  readonly notices: BumpNotice[] = [];
  /** Tag keys found without a repository beside them (`file:line key`): they may be this image, or not. */
  readonly unattributed: string[] = [];
  /** References to the image found, whether or not they change. */
  references = 0;
  /** The `image-keys` rules that found their keys in this file. */
  readonly usedKeyRules = new Set<ImageKeyRule>();
  /** The tag and/or digest to write, as the pin asks. */
  readonly version: ImageVersion;
  private readonly editedRanges = new Map<string, string>();

  constructor(
    readonly source: YamlSource,
    readonly target: BumpTarget,
    /** The file as reported to the user: relative to the working directory. */
    readonly displayPath: string,
  ) {
    this.version = pinnedVersion(target);
  }

  /** True when `name` (a repository, with or without tag/digest) is the target image. */
  matches(name: string | undefined): ImageRef | undefined {
    const ref = name === undefined ? undefined : ImageRef.tryParse(name);
    if (!ref?.sameRepository(this.target.image)) return undefined;
    this.references++;
    return ref;
  }

  /** A layout that names the image but cannot be edited safely: the run goes on, the user is told where. */
  warn(node: unknown, message: string): void {
    const line = this.lineAt(node);
    this.notices.push({
      level: 'warning',
      message: `${this.displayPath}${line ? `:${line}` : ''}: ${message}`,
      file: this.displayPath,
      line,
    });
  }

  /** A tag key with no repository beside it, reported only when the run finds no reference at all. */
  noteUnattributed(node: unknown, key: string): void {
    this.unattributed.push(`${this.displayPath}:${this.lineAt(node) ?? 0} ${key}`);
  }

  /** Sets a scalar (or the anchor an alias points at) to `value`; a no-op when it already holds it. */
  setScalar(document: Document.Parsed, node: unknown, value: string): boolean {
    const scalar = this.source.scalarOf(document, node);
    if (!scalar) throw this.source.errorAt(node as Node, 'expected a string value here.');
    if (scalar.value === value) return false;
    const edit = this.source.replaceScalar(scalar, value);
    const key = `${edit.start}:${edit.end}`;
    const earlier = this.editedRanges.get(key);
    if (earlier === edit.text) return false;
    if (earlier !== undefined) {
      throw this.source.errorAt(
        scalar,
        `two layouts set this value differently (${earlier} and ${edit.text}); refused.`,
      );
    }
    this.editedRanges.set(key, edit.text);
    this.edits.push(edit);
    return true;
  }

  /** Takes over what a session on YAML embedded in a string of this file found, in this file's offsets. */
  adopt(inner: EditSession, embedded: EmbeddedYamlSource): void {
    for (const edit of inner.edits) {
      this.edits.push({ start: embedded.toOuter(edit.start), end: embedded.toOuter(edit.end), text: edit.text });
    }
    this.changes.push(...inner.changes);
    this.notices.push(...inner.notices);
    this.unattributed.push(...inner.unattributed);
    this.references += inner.references;
    for (const rule of inner.usedKeyRules) this.usedKeyRules.add(rule);
  }

  /** Makes `key` hold `value`, adding the key when missing, or removes it when `value` is undefined. */
  setOrRemoveKey(document: Document.Parsed, map: YAMLMap, key: string, value: string | undefined): boolean {
    const existing = map.get(key, true);
    if (value === undefined) {
      const edit = existing === undefined ? undefined : this.source.removePair(map, key);
      if (edit) this.edits.push(edit);
      return edit !== undefined;
    }
    if (existing !== undefined) return this.setScalar(document, existing, value);
    this.edits.push(this.source.insertPair(map, key, value));
    return true;
  }

  record(kind: ChangeKind, node: unknown, from: string, to: string): void {
    if (from === to) return;
    this.changes.push({ file: this.displayPath, line: this.lineAt(node) ?? 0, kind, from, to });
  }

  /** A one-line refusal at a node of this file. */
  refuse(node: unknown, message: string): UserError {
    return this.source.errorAt(node as Node, message);
  }

  private lineAt(node: unknown): number | undefined {
    const offset = (node as Node | undefined)?.range?.[0];
    return offset === undefined ? undefined : this.source.lineOf(offset);
  }
}
