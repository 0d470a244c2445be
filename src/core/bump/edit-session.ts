import type { Document, Node, YAMLMap } from 'yaml';
import { ImageRef, type ImageVersion } from '../image-ref.js';
import { type BumpTarget, type ChangeKind, pinnedVersion, type ReferenceChange } from './types.js';
import type { TextEdit, YamlSource } from './yaml-source.js';

/** Collects the edits and reference changes that the editors find in one file. */
export class EditSession {
  readonly edits: TextEdit[] = [];
  readonly changes: ReferenceChange[] = [];
  /** The tag and/or digest to write, as the pin asks. */
  readonly version: ImageVersion;
  private readonly editedRanges = new Set<string>();

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
    return ref?.sameRepository(this.target.image) ? ref : undefined;
  }

  /** Sets a scalar (or the anchor an alias points at) to `value`; a no-op when it already holds it. */
  setScalar(document: Document.Parsed, node: unknown, value: string): boolean {
    const scalar = this.source.scalarOf(document, node);
    if (!scalar) throw this.source.errorAt(node as Node, 'expected a string value here.');
    if (scalar.value === value) return false;
    const edit = this.source.replaceScalar(scalar, value);
    const key = `${edit.start}:${edit.end}`;
    if (!this.editedRanges.has(key)) {
      this.editedRanges.add(key);
      this.edits.push(edit);
    }
    return true;
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
    const offset = (node as Node | undefined)?.range?.[0];
    this.changes.push({
      file: this.displayPath,
      line: offset === undefined ? 0 : this.source.lineOf(offset),
      kind,
      from,
      to,
    });
  }
}
