import { describe, expect, it } from '@jest/globals';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { FileWriteError, writeFilesAtomically } from '../../src/core/atomic-write.js';
import { UserError } from '../../src/core/errors.js';
import { tempTree } from '../helpers/temp-dir.js';

const names = async (dir: string) => (await fs.readdir(dir)).sort();

describe('writeFilesAtomically', () => {
  it('replaces every file, keeps each mode, and leaves no temporary', async () => {
    const root = await tempTree({ 'a.yaml': 'a: 1\n', 'sub/b.yaml': 'b: 1\n' });
    await fs.chmod(path.join(root, 'a.yaml'), 0o640);

    await writeFilesAtomically(root, [
      { file: path.join(root, 'a.yaml'), content: 'a: 2\n' },
      { file: path.join(root, 'sub/b.yaml'), content: 'b: 2\n' },
      { file: path.join(root, 'sub/new.yaml'), content: 'new\n' },
    ]);

    expect(await fs.readFile(path.join(root, 'a.yaml'), 'utf8')).toBe('a: 2\n');
    expect((await fs.stat(path.join(root, 'a.yaml'))).mode & 0o777).toBe(0o640);
    expect(await fs.readFile(path.join(root, 'sub/b.yaml'), 'utf8')).toBe('b: 2\n');
    expect(await names(root)).toEqual(['a.yaml', 'sub']);
    expect(await names(path.join(root, 'sub'))).toEqual(['b.yaml', 'new.yaml']);
  });

  it('refuses a final path that is a symlink, even to a file inside, and writes nothing', async () => {
    const outside = await tempTree({ victim: 'keep\n' });
    const root = await tempTree({ 'a.yaml': 'a: 1\n', 'real.yaml': 'r: 1\n' });
    await fs.symlink(path.join(outside, 'victim'), path.join(root, 'out.yaml'));
    await fs.symlink(path.join(root, 'real.yaml'), path.join(root, 'in.yaml'));

    for (const name of ['out.yaml', 'in.yaml']) {
      const write = writeFilesAtomically(root, [
        { file: path.join(root, 'a.yaml'), content: 'a: 2\n' },
        { file: path.join(root, name), content: 'x\n' },
      ]);
      await expect(write).rejects.toThrow(new UserError(`${name}: is a symbolic link; it is not written.`));
    }
    expect(await fs.readFile(path.join(outside, 'victim'), 'utf8')).toBe('keep\n');
    expect(await fs.readFile(path.join(root, 'a.yaml'), 'utf8')).toBe('a: 1\n');
    expect(await names(root)).toEqual(['a.yaml', 'in.yaml', 'out.yaml', 'real.yaml']);
  });

  it('refuses a file whose folder is a link out of the root', async () => {
    const outside = await tempTree({ 'd.yaml': 'keep\n' });
    const root = await tempTree();
    await fs.symlink(outside, path.join(root, 'linked'));

    const write = writeFilesAtomically(root, [{ file: path.join(root, 'linked/d.yaml'), content: 'x\n' }]);

    await expect(write).rejects.toThrow(
      /^linked\/d\.yaml: resolves outside the working directory .*; it is not written\.$/,
    );
    expect(await names(outside)).toEqual(['d.yaml']);
    expect(await fs.readFile(path.join(outside, 'd.yaml'), 'utf8')).toBe('keep\n');
  });

  it('never writes through a name planted in the folder', async () => {
    const outside = await tempTree({ victim: 'keep\n' });
    const root = await tempTree({ 'd.yaml': 'd: 1\n' });
    // Whatever the temporaries' names, no name already in the folder is ever opened for writing.
    for (let pid = 1; pid <= 512; pid++) {
      await fs.symlink(path.join(outside, 'victim'), path.join(root, `d.yaml.${pid}.bump-tmp`));
    }

    await writeFilesAtomically(root, [{ file: path.join(root, 'd.yaml'), content: 'd: 2\n' }]);

    expect(await fs.readFile(path.join(outside, 'victim'), 'utf8')).toBe('keep\n');
    expect((await names(root)).filter((name) => !name.endsWith('.bump-tmp'))).toEqual(['d.yaml']);
  });

  it('names the file that cannot be written, and removes the temporaries already made', async () => {
    const root = await tempTree({ 'a.yaml': 'a: 1\n' });
    // A folder that is gone fails for every user (root ignores permissions); a full disk: the bundle's test.
    const gone = path.join(root, 'gone/c.yaml');

    const write = writeFilesAtomically(root, [
      { file: path.join(root, 'a.yaml'), content: 'a: 2\n' },
      { file: gone, content: 'c\n' },
    ]);

    await expect(write).rejects.toThrow(FileWriteError);
    await expect(write).rejects.toThrow(/^Could not write gone\/c\.yaml \(ENOENT/);
    expect(await names(root)).toEqual(['a.yaml']);
    expect(await fs.readFile(path.join(root, 'a.yaml'), 'utf8')).toBe('a: 1\n');
  });
});
