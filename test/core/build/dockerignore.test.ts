import { describe, expect, it } from '@jest/globals';
import { DockerIgnore } from '../../../src/core/build/dockerignore.js';

/** The paths among `paths` that an ignore file of `text` leaves out. */
function leftOut(text: string, paths: readonly string[]): string[] {
  const ignore = DockerIgnore.parse(text);
  return paths.filter((path) => ignore.excludes(path));
}

describe('reading an ignore file', () => {
  it('skips comments and blank lines', () => {
    expect(leftOut('# secret\n\n   \n*.md\n', ['# secret', 'README.md'])).toEqual(['README.md']);
  });

  it('takes a line that starts with spaces before # as a pattern, as Docker tests for comments before trimming', () => {
    expect(leftOut('  #notes', ['#notes'])).toEqual(['#notes']);
  });

  it('trims each line, reads CRLF line ends and drops a leading byte-order mark', () => {
    expect(leftOut('\uFEFF*.md  \t\r\n  *.log\r\n', ['README.md', 'app.log', 'main.go'])).toEqual([
      'README.md',
      'app.log',
    ]);
  });

  it('removes a leading slash: /secret.env is the one at the root', () => {
    expect(leftOut('/secret.env', ['secret.env', 'config/secret.env'])).toEqual(['secret.env']);
  });

  it('cleans each pattern like filepath.Clean', () => {
    expect(leftOut('./tmp/../cache/\na//b/./c', ['cache', 'tmp', 'a/b/c'])).toEqual(['cache', 'a/b/c']);
  });

  it('reads ! followed by spaces as an exception', () => {
    expect(leftOut('*.md\n!  README.md', ['README.md', 'CHANGES.md'])).toEqual(['CHANGES.md']);
  });
});

describe('wildcards', () => {
  it('* matches any run of characters within one path part', () => {
    expect(leftOut('*.md', ['README.md', 'docs/guide.md'])).toEqual(['README.md']);
    expect(leftOut('*/*.md', ['README.md', 'docs/guide.md', 'docs/a/deep.md'])).toEqual(['docs/guide.md']);
  });

  it('? matches exactly one character, never a slash', () => {
    expect(leftOut('file?.txt', ['file1.txt', 'file10.txt', 'file.txt'])).toEqual(['file1.txt']);
    expect(leftOut('a?b', ['a/b', 'axb'])).toEqual(['axb']);
  });

  it('reads [...] classes with ranges and ^ negation', () => {
    expect(leftOut('[a-c]at', ['bat', 'dat'])).toEqual(['bat']);
    expect(leftOut('[^a]bc', ['abc', 'xbc'])).toEqual(['xbc']);
  });

  it('reads [!...] as a class holding !, as Go regexp does (not as negation, unlike filepath.Match)', () => {
    expect(leftOut('[!a]bc', ['!bc', 'abc', 'xbc'])).toEqual(['!bc', 'abc']);
  });

  it('takes a backslash-escaped wildcard or # literally', () => {
    expect(leftOut('\\*.md', ['*.md', 'README.md'])).toEqual(['*.md']);
    expect(leftOut('\\#notes', ['#notes'])).toEqual(['#notes']);
  });

  it('matches . and other regexp characters literally', () => {
    expect(leftOut('a.b', ['a.b', 'axb'])).toEqual(['a.b']);
  });
});

describe('**', () => {
  it('at the start matches at any depth, the root included', () => {
    expect(leftOut('**/*.log', ['root.log', 'a/b/c.log', 'a/b/c.txt'])).toEqual(['root.log', 'a/b/c.log']);
    const paths = ['secret.env', 'config/secret.env', 'mysecret.env'];
    expect(leftOut('**/secret.env', paths)).toEqual(['secret.env', 'config/secret.env']);
  });

  it('in the middle matches any number of directories, zero included', () => {
    const paths = ['docs/draft.md', 'docs/a/b/draft.md', 'other/draft.md'];
    expect(leftOut('docs/**/draft.md', paths)).toEqual(['docs/draft.md', 'docs/a/b/draft.md']);
  });

  it('at the end matches everything below, but not the directory itself', () => {
    expect(leftOut('build/**', ['build', 'build/x', 'build/a/b', 'buildx'])).toEqual(['build/x', 'build/a/b']);
  });

  it('alone matches everything', () => {
    expect(leftOut('**', ['a', 'a/b/c'])).toEqual(['a', 'a/b/c']);
  });
});

describe('which pattern decides', () => {
  it('a pattern that matches a directory leaves out everything below it', () => {
    const paths = ['build', 'build/out/app.o', 'build.txt', 'src/build'];
    expect(leftOut('build', paths)).toEqual(['build', 'build/out/app.o']);
    expect(leftOut('*/temp', ['a/temp/x', 'temp/x', 'a/b/temp'])).toEqual(['a/temp/x']);
  });

  it('a ** pattern that matches a deep directory leaves out what is inside', () => {
    expect(leftOut('**/x', ['a/b/x', 'a/b/x/y/z'])).toEqual(['a/b/x', 'a/b/x/y/z']);
  });

  it('the last matching line wins', () => {
    const paths = ['README.md', 'CHANGES.md'];
    expect(leftOut('*.md\n!README.md', paths)).toEqual(['CHANGES.md']);
    expect(leftOut('!README.md\n*.md', paths)).toEqual(['README.md', 'CHANGES.md']);
    expect(leftOut('*.md\n!*.md\nCHANGES.md', paths)).toEqual(['CHANGES.md']);
  });

  it('an exception re-includes a file inside an excluded directory, and nothing else there', () => {
    const paths = ['build', 'build/keep.txt', 'build/out.bin'];
    expect(leftOut('build\n!build/keep.txt', paths)).toEqual(['build', 'build/out.bin']);
  });

  it('an exception for a directory re-includes what is inside', () => {
    expect(leftOut('*\n!src', ['src/main.go', 'docs/guide.md', 'README.md'])).toEqual(['docs/guide.md', 'README.md']);
  });

  it('a line after an exception excludes again what the exception re-included', () => {
    const paths = ['src/a/b.test.js', 'src/a/b.js'];
    expect(leftOut('*\n!src\nsrc/**/*.test.js', paths)).toEqual(['src/a/b.test.js']);
  });
});

describe('where Docker versions disagree, the path counts as sent', () => {
  it('keeps what Docker 20.10 sends below an excluded directory when a ** line matched only that directory', () => {
    // 20.10 tries `**/x` only on the parent with two parts (a/b), so a/b/x/other is sent.
    const paths = ['a/b/x/other', 'a/b/x/keep', 'c/x/other'];
    expect(leftOut('**/x\n!a/b/x/keep', paths)).toEqual(['c/x/other']);
  });

  it('keeps what buildx 0.7 sends: it starts from the parent verdict and tries lines on the path only', () => {
    // The documented rule excludes a/b (the later `a` matches its parent); buildx 0.7 sends it.
    expect(leftOut('!a/b\na', ['a', 'a/b', 'a/c'])).toEqual(['a', 'a/c']);
  });

  it('keeps what either reading of ^ sends: a literal since Docker 23, an anchor before', () => {
    expect(leftOut('a^b', ['a^b', 'ab'])).toEqual([]);
    expect(leftOut('^ab', ['^ab', 'ab'])).toEqual([]);
  });

  it('keeps what a leading ** without a slash sends: any suffix since Docker 23, a whole name before', () => {
    expect(leftOut('**x', ['x', 'a/x', 'fox'])).toEqual(['x', 'a/x']);
  });

  it('leaves nothing out with a line that Docker 20.10 read as regexp operators, and re-includes all with !', () => {
    expect(leftOut('a+b', ['a+b', 'ab', 'aab'])).toEqual([]);
    expect(leftOut('*\n!(x)', ['a', 'b'])).toEqual([]);
    expect(leftOut('a\\+b', ['a+b', 'ab'])).toEqual(['a+b']);
  });
});

describe('lines this module cannot read as Docker does', () => {
  it('leave nothing out, and do not throw', () => {
    const paths = ['[', 'file1', 'filed', 'a*b', 'README.md'];
    expect(leftOut('[\nfile\\d\na[*]b\n*.md', paths)).toEqual(['README.md']);
  });

  it('as an exception, re-include everything before them', () => {
    expect(leftOut('*.md\n![', ['README.md'])).toEqual([]);
  });
});

describe('canSkipDirectory', () => {
  it('skips an excluded directory and everything below it when there is no exception', () => {
    const ignore = DockerIgnore.parse('node_modules');
    expect(ignore.canSkipDirectory('node_modules')).toBe(true);
    expect(ignore.canSkipDirectory('node_modules/pkg')).toBe(true);
    expect(ignore.canSkipDirectory('src')).toBe(false);
  });

  it('does not skip an excluded directory an exception reaches into, but skips its other subdirectories', () => {
    const ignore = DockerIgnore.parse('build\n!build/keep/app.txt');
    expect(ignore.excludes('build')).toBe(true);
    expect(ignore.canSkipDirectory('build')).toBe(false);
    expect(ignore.canSkipDirectory('build/keep')).toBe(false);
    expect(ignore.canSkipDirectory('build/tmp')).toBe(true);
  });

  it('skips an excluded directory when every exception names a path elsewhere', () => {
    const ignore = DockerIgnore.parse('node_modules\n!src/generated');
    expect(ignore.canSkipDirectory('node_modules')).toBe(true);
  });

  it('never skips an excluded directory when an exception has a wildcard before its first fixed part', () => {
    const ignore = DockerIgnore.parse('vendor\n!**/keep.txt');
    expect(ignore.canSkipDirectory('vendor')).toBe(false);
    expect(ignore.excludes('vendor/a/drop.txt')).toBe(true);
    expect(ignore.excludes('vendor/a/keep.txt')).toBe(false);
  });

  it('does not skip a directory that is sent', () => {
    expect(DockerIgnore.parse('*.log').canSkipDirectory('logs')).toBe(false);
  });
});

describe('sendsDirectoryItself', () => {
  it('is true for a directory that is sent', () => {
    expect(DockerIgnore.parse('*.log').sendsDirectoryItself('logs')).toBe(true);
  });

  it('is true for an excluded directory an exception line names a path in, as Docker 20.10 BuildKit sends it', () => {
    const ignore = DockerIgnore.parse('build\n!build/keep/app.txt');
    expect(ignore.sendsDirectoryItself('build')).toBe(true);
    expect(ignore.sendsDirectoryItself('build/keep')).toBe(true);
    expect(ignore.sendsDirectoryItself('build/tmp')).toBe(false);
  });

  it('is false for an excluded directory that exception lines only might reach into', () => {
    expect(DockerIgnore.parse('**/x\n!**/keep').sendsDirectoryItself('a/x')).toBe(false);
  });
});

describe('DockerIgnore.none and excludedByAll', () => {
  it('none leaves nothing out', () => {
    expect(DockerIgnore.none.excludes('anything')).toBe(false);
    expect(DockerIgnore.none.canSkipDirectory('node_modules')).toBe(false);
  });

  it('excludedByAll leaves out only what every ignore leaves out', () => {
    const both = DockerIgnore.excludedByAll(DockerIgnore.parse('a\nshared'), DockerIgnore.parse('b\nshared'));
    expect(['a', 'b', 'shared', 'c'].filter((path) => both.excludes(path))).toEqual(['shared']);
    expect(both.canSkipDirectory('shared')).toBe(true);
    expect(both.canSkipDirectory('a')).toBe(false);
    expect(both.sendsDirectoryItself('a')).toBe(true);
  });
});
