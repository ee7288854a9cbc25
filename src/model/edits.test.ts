// Each test writes a document, applies one gesture, and compares the
// resulting text exactly (the way LikeC4 tests its view changes).

import { describe, expect, it } from 'vitest';
import { analyze, applyChange, applyEdits, deleteStage, type StageChange } from './index.ts';

function change(text: string, c: StageChange): string {
  const result = applyChange(text, analyze(text), c);
  if (!result.ok) throw new Error(result.reason);
  return applyEdits(text, result.edits);
}

function refused(text: string, c: StageChange): string {
  const result = applyChange(text, analyze(text), c);
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.edits)}`);
  return result.reason;
}

const doc = (...lines: string[]) => lines.join('\n') + '\n';

describe('addStage', () => {
  it('appends at the end after a blank line', () => {
    expect(change(doc('FROM golang AS build', 'RUN make'), { op: 'addStage', base: 'alpine:3', name: 'runtime' })).toBe(
      doc('FROM golang AS build', 'RUN make', '', 'FROM alpine:3 AS runtime'),
    );
  });

  it('follows lower-case keywords and adds a platform', () => {
    expect(change(doc('from golang as build'), { op: 'addStage', base: 'alpine', platform: '$BUILDPLATFORM' })).toBe(
      doc('from golang as build', '', 'from --platform=$BUILDPLATFORM alpine'),
    );
  });

  it('starts an empty file', () => {
    expect(change('', { op: 'addStage', base: 'scratch' })).toBe('FROM scratch\n');
  });

  it('inserts after a stage and renumbers numeric references that move', () => {
    const text = doc('FROM a', 'RUN one', '# about b', 'FROM b', 'COPY --from=1 /x /y', 'COPY --from=0 /x /y');
    expect(change(text, { op: 'addStage', base: 'c', name: 'mid', after: 0 })).toBe(
      doc('FROM a', 'RUN one', '', 'FROM c AS mid', '# about b', 'FROM b', 'COPY --from=2 /x /y', 'COPY --from=0 /x /y'),
    );
  });

  it('inserts before the first stage', () => {
    expect(change(doc('ARG V=1', 'FROM a', 'FROM b', 'COPY --from=0 / /'), { op: 'addStage', base: 'z', after: -1 })).toBe(
      doc('ARG V=1', 'FROM z', '', 'FROM a', 'FROM b', 'COPY --from=1 / /'),
    );
  });

  it('keeps a byte-order mark first', () => {
    expect(change('\uFEFFFROM a\n', { op: 'addStage', base: 'z', after: -1 })).toBe('\uFEFFFROM z\n\nFROM a\n');
    expect(change('\uFEFFFROM a\nFROM b\n', { op: 'deleteStage', index: 0 })).toBe('\uFEFFFROM b\n');
    expect(change('\uFEFFFROM a\nFROM b\n', { op: 'moveStage', index: 0, direction: 'down' })).toBe('\uFEFFFROM b\nFROM a\n');
  });

  it('keeps CRLF line endings', () => {
    expect(change('FROM a\r\n', { op: 'addStage', base: 'b' })).toBe('FROM a\r\n\r\nFROM b\r\n');
  });

  it('refuses bad names and images', () => {
    expect(refused(doc('FROM a AS x'), { op: 'addStage', base: 'b', name: 'X' })).toMatch(/lowercase/);
    expect(refused(doc('FROM a AS x'), { op: 'addStage', base: 'b', name: 'x' })).toMatch(/already called "x"/);
    expect(refused(doc('FROM a'), { op: 'addStage', base: 'b', name: '1x' })).toMatch(/not a valid stage name/);
    expect(refused(doc('FROM a'), { op: 'addStage', base: 'b', name: 'scratch' })).toMatch(/reserved/);
    expect(refused(doc('FROM a'), { op: 'addStage', base: 'two words' })).toMatch(/spaces/);
  });
});

describe('renameStage', () => {
  it('renames the stage and every reference, whatever its case, keeping AS casing', () => {
    const text = doc(
      'FROM golang as build',
      'FROM build AS test',
      'FROM alpine',
      '# copy the binary',
      'COPY --from=BUILD /out/app /usr/bin/',
      'RUN --mount=type=cache,target=/c \\',
      '    --mount=type=bind,from=Build,source=/x,target=/y \\',
      '    true',
      'COPY --from=0 /a /b',
    );
    expect(change(text, { op: 'renameStage', index: 0, name: 'compile' })).toBe(
      doc(
        'FROM golang as compile',
        'FROM compile AS test',
        'FROM alpine',
        '# copy the binary',
        'COPY --from=compile /out/app /usr/bin/',
        'RUN --mount=type=cache,target=/c \\',
        '    --mount=type=bind,from=compile,source=/x,target=/y \\',
        '    true',
        'COPY --from=0 /a /b',
      ),
    );
  });

  it('names an unnamed stage; numeric references stay', () => {
    expect(change(doc('from golang', 'from alpine', 'copy --from=0 / /'), { op: 'renameStage', index: 0, name: 'build' })).toBe(
      doc('from golang as build', 'from alpine', 'copy --from=0 / /'),
    );
  });

  it('refuses a name that would capture an image reference or an ARG-built FROM', () => {
    expect(refused(doc('FROM a AS x', 'FROM b', 'COPY --from=alpine / /'), { op: 'renameStage', index: 0, name: 'alpine' })).toMatch(/image/);
    expect(refused(doc('ARG V=x', 'FROM a AS x', 'FROM ${V}'), { op: 'renameStage', index: 0, name: 'y' })).toMatch(/by hand/);
    expect(refused(doc('FROM a AS x', 'FROM b AS y'), { op: 'renameStage', index: 0, name: 'y' })).toMatch(/already/);
    expect(refused(doc('FROM a AS'), { op: 'renameStage', index: 0, name: 'y' })).toMatch(/malformed/);
  });
});

describe('connectStages', () => {
  it('adds COPY after the last COPY, before CMD, with the stage\'s indentation', () => {
    const text = doc('FROM golang AS build', 'RUN make', '', 'FROM alpine', '  WORKDIR /app', '  COPY a b', '  CMD ["app"]');
    expect(change(text, { op: 'connectStages', source: 0, target: 1, src: '/out/app', dest: '/usr/bin/' })).toBe(
      doc('FROM golang AS build', 'RUN make', '', 'FROM alpine', '  WORKDIR /app', '  COPY a b', '  COPY --from=build /out/app /usr/bin/', '  CMD ["app"]'),
    );
  });

  it('goes after WORKDIR, else after FROM; uses the index of an unnamed source and lower-case keywords', () => {
    expect(change(doc('from a', 'from b', 'workdir /w', 'run x'), { op: 'connectStages', source: 0, target: 1, src: '/s', dest: '.' })).toBe(
      doc('from a', 'from b', 'workdir /w', 'copy --from=0 /s .', 'run x'),
    );
    expect(change(doc('FROM a AS x', 'FROM b', 'ENTRYPOINT ["b"]'), { op: 'connectStages', source: 0, target: 1, src: '/s', dest: '/d' })).toBe(
      doc('FROM a AS x', 'FROM b', 'COPY --from=x /s /d', 'ENTRYPOINT ["b"]'),
    );
  });

  it('uses the JSON form for paths with spaces', () => {
    expect(change(doc('FROM a AS x', 'FROM b'), { op: 'connectStages', source: 0, target: 1, src: '/my dir', dest: '/d' })).toBe(
      doc('FROM a AS x', 'FROM b', 'COPY --from=x ["/my dir", "/d"]'),
    );
  });

  it('refuses cycles and self-copies', () => {
    expect(refused(doc('FROM a AS x', 'FROM x AS y'), { op: 'connectStages', source: 1, target: 0, src: '/', dest: '/' })).toMatch(/cycle/);
    expect(refused(doc('FROM a AS x'), { op: 'connectStages', source: 0, target: 0, src: '/', dest: '/' })).toMatch(/itself/);
    expect(refused(doc('FROM a', 'FROM b AS later'), { op: 'connectStages', source: 1, target: 0, src: '/', dest: '/' })).toMatch(/defined earlier/);
  });
});

describe('removeConnection', () => {
  it('removes a COPY --from as a whole instruction, continuation lines included', () => {
    const text = doc('FROM a AS x', 'FROM b', 'COPY --from=x \\', '    /s /d', 'RUN y');
    expect(change(text, { op: 'removeConnection', edge: 0 })).toBe(doc('FROM a AS x', 'FROM b', 'RUN y'));
  });

  it('removes just the --mount flag, on its own line or inline', () => {
    const own = doc('FROM a AS x', 'FROM b', 'RUN --mount=type=cache,target=/c \\', '    --mount=from=x,target=/y \\', '    make');
    expect(change(own, { op: 'removeConnection', edge: 0 })).toBe(doc('FROM a AS x', 'FROM b', 'RUN --mount=type=cache,target=/c \\', '    make'));
    const inline = doc('FROM a AS x', 'FROM b', 'RUN --mount=from=x,target=/y --network=none make');
    expect(change(inline, { op: 'removeConnection', edge: 0 })).toBe(doc('FROM a AS x', 'FROM b', 'RUN --network=none make'));
    const last = doc('FROM a AS x', 'FROM b', 'RUN --mount=type=cache,target=/c --mount=from=x,target=/y \\', '  make');
    expect(change(last, { op: 'removeConnection', edge: 0 })).toBe(doc('FROM a AS x', 'FROM b', 'RUN --mount=type=cache,target=/c \\', '  make'));
  });

  it('rebases a FROM <stage> onto the image that stage is built from, or the given one', () => {
    const text = doc('ARG GO=1.22', 'FROM golang:${GO} AS base', 'FROM base AS build', 'FROM build');
    expect(change(text, { op: 'removeConnection', edge: 1 })).toBe(doc('ARG GO=1.22', 'FROM golang:${GO} AS base', 'FROM base AS build', 'FROM golang:${GO}'));
    expect(change(text, { op: 'removeConnection', edge: 0, base: 'debian' })).toBe(doc('ARG GO=1.22', 'FROM golang:${GO} AS base', 'FROM debian AS build', 'FROM build'));
  });

  it('removes a last line that has no final newline cleanly', () => {
    expect(change('FROM a AS x\nFROM b\nCOPY --from=x / /', { op: 'removeConnection', edge: 0 })).toBe('FROM a AS x\nFROM b');
  });
});

describe('deleteStage', () => {
  it('removes the stage and its references, renumbers later numeric references, reports them', () => {
    const text = doc(
      'FROM golang AS build',
      'RUN make',
      '',
      'FROM build AS test',
      'RUN go test',
      '',
      'FROM alpine',
      'COPY --from=build /app /app',
      'COPY --from=2 /x /y',
      'RUN --mount=from=build,target=/b true',
    );
    const a = analyze(text);
    const r = deleteStage(text, a, 0);
    if (!r.ok) throw new Error(r.reason);
    expect(applyEdits(text, r.edits)).toBe(doc('FROM golang AS test', 'RUN go test', '', 'FROM alpine', 'COPY --from=1 /x /y', 'RUN true'));
    expect(r.references.map((x) => [x.kind, x.line, x.action])).toEqual([
      ['from', 4, 'rebased'],
      ['copy', 8, 'removed'],
      ['mount', 10, 'removed'],
    ]);
  });

  it('leaves no doubled or dangling blank lines', () => {
    expect(change(doc('FROM a', '', 'FROM b', 'RUN x', '', 'FROM c'), { op: 'deleteStage', index: 1 })).toBe(doc('FROM a', '', 'FROM c'));
    expect(change(doc('FROM a', '', 'FROM b'), { op: 'deleteStage', index: 1 })).toBe(doc('FROM a'));
    expect(change('FROM a\n\nFROM b', { op: 'deleteStage', index: 1 })).toBe('FROM a\n');
  });

  it('keeps comments after the stage', () => {
    expect(change(doc('FROM a', '# about b', 'FROM b'), { op: 'deleteStage', index: 0 })).toBe(doc('# about b', 'FROM b'));
  });
});

describe('changeBase and changePlatform', () => {
  it('replaces the base image only', () => {
    expect(change(doc('FROM --platform=$BUILDPLATFORM golang:1.21 AS build'), { op: 'changeBase', index: 0, image: 'golang:1.22' })).toBe(
      doc('FROM --platform=$BUILDPLATFORM golang:1.22 AS build'),
    );
  });

  it('adds, changes and removes --platform', () => {
    expect(change(doc('FROM golang AS b'), { op: 'changePlatform', index: 0, platform: 'linux/arm64' })).toBe(doc('FROM --platform=linux/arm64 golang AS b'));
    expect(change(doc('FROM --platform=linux/amd64 golang'), { op: 'changePlatform', index: 0, platform: '$BUILDPLATFORM' })).toBe(
      doc('FROM --platform=$BUILDPLATFORM golang'),
    );
    expect(change(doc('FROM --platform=linux/amd64  golang'), { op: 'changePlatform', index: 0, platform: null })).toBe(doc('FROM golang'));
  });
});

describe('moveStage', () => {
  it('swaps two stages with their doc comments and renumbers numeric references', () => {
    const text = doc('# first', 'FROM a', 'RUN x', '', '# second', 'FROM b', 'COPY --from=0 / /', '', 'FROM c', 'COPY --from=1 / /');
    expect(change(text, { op: 'moveStage', index: 1, direction: 'up' })).toBe(
      doc('# second', 'FROM b', 'COPY --from=1 / /', '', '# first', 'FROM a', 'RUN x', '', 'FROM c', 'COPY --from=0 / /'),
    );
  });

  it('refuses to move a stage above the stage it is built FROM, and past the ends', () => {
    expect(refused(doc('FROM a AS x', 'FROM x'), { op: 'moveStage', index: 1, direction: 'up' })).toMatch(/built FROM/);
    expect(refused(doc('FROM a'), { op: 'moveStage', index: 0, direction: 'up' })).toMatch(/first/);
    expect(refused(doc('FROM a'), { op: 'moveStage', index: 0, direction: 'down' })).toMatch(/last/);
  });
});

it('refuses an analysis of another text', () => {
  const a = analyze('FROM a\n');
  expect(applyChange('FROM b\n', a, { op: 'changeBase', index: 0, image: 'c' }).ok).toBe(false);
});
