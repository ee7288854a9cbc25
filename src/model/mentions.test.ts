import { describe, expect, it } from 'vitest';
import { analyze } from './analyze.ts';
import { imageMentionAt, mentionAt, stageCompletionsAt, stageDeclaration, stageMentions, stageSlotBefore } from './mentions.ts';

const TEXT = `FROM golang:1.23 AS Build
RUN go build -o /out/app .

FROM alpine:3.20
RUN --mount=type=cache,target=/root/.cache --mount=type=bind,from=build,target=/src true

FROM build AS test
COPY --from=1 /etc/os-release /tmp/
COPY --from=BUILD /out/app /bin/app
COPY --from=nginx:1.27 /etc/nginx /etc/nginx
`;

/** The text of a span. */
const at = (span: { start: number; end: number }) => TEXT.slice(span.start, span.end);

describe('stageMentions', () => {
  it('lists each stage name and every FROM, COPY --from and mount reaching a stage, in text order', () => {
    const mentions = stageMentions(analyze(TEXT));
    expect(mentions.map((m) => [m.stage, m.kind, at(m.span)])).toEqual([
      [0, 'name', 'Build'],
      [0, 'mount', 'build'],
      [0, 'from', 'build'],
      [2, 'name', 'test'],
      [1, 'copy', '1'],
      [0, 'copy', 'BUILD'],
    ]);
  });
});

describe('mentionAt', () => {
  const analysis = analyze(TEXT);
  it('finds the mention a cursor is on, its end included', () => {
    const copy = TEXT.indexOf('BUILD');
    expect(mentionAt(analysis, copy)?.stage).toBe(0);
    expect(mentionAt(analysis, copy + 5)?.kind).toBe('copy');
    const index = TEXT.indexOf('--from=1') + 7;
    expect(mentionAt(analysis, index)).toMatchObject({ stage: 1, kind: 'copy' });
  });

  it('finds nothing on an image, a keyword or a path', () => {
    expect(mentionAt(analysis, TEXT.indexOf('nginx:1.27') + 2)).toBeNull();
    expect(mentionAt(analysis, TEXT.indexOf('golang'))).toBeNull();
    expect(mentionAt(analysis, TEXT.indexOf('/out/app /bin'))).toBeNull();
  });
});

describe('imageMentionAt', () => {
  it('finds the image of a FROM, resolved, and a COPY --from that names an image', () => {
    const text = 'ARG V=3.20\nFROM alpine:${V} AS a\nFROM a AS b\nCOPY --from=nginx:1.27 /x /x\n';
    const analysis = analyze(text);
    expect(imageMentionAt(analysis, text.indexOf('alpine') + 3)).toMatchObject({ image: 'alpine:3.20', written: 'alpine:${V}', kind: 'from' });
    expect(imageMentionAt(analysis, text.indexOf('nginx'))).toMatchObject({ image: 'nginx:1.27', written: null, kind: 'copy' });
    // A FROM that names a stage is a stage mention, not an image.
    expect(imageMentionAt(analysis, text.indexOf('FROM a AS b') + 5)).toBeNull();
    expect(mentionAt(analysis, text.indexOf('FROM a AS b') + 5)?.stage).toBe(0);
  });
});

describe('stageDeclaration', () => {
  it('is the AS name, or the FROM keyword of an unnamed stage', () => {
    const analysis = analyze(TEXT);
    expect(at(stageDeclaration(analysis, 0))).toBe('Build');
    expect(stageDeclaration(analysis, 1)).toEqual({ start: TEXT.indexOf('FROM alpine'), end: TEXT.indexOf('FROM alpine') + 4 });
  });
});

describe('stageCompletionsAt', () => {
  const names = (text: string) => {
    const analysis = analyze(text);
    const found = stageCompletionsAt(analysis, text.length);
    return found && { typed: text.slice(found.replace.start, found.replace.end), names: found.stages.map((i) => analysis.stages[i].name) };
  };
  const base = 'FROM golang:1.23 AS build\nRUN make\nFROM alpine AS tools\n';

  it('offers the stages before the line after COPY --from=, a mount from= and FROM', () => {
    expect(names(base + 'FROM scratch AS out\nCOPY --from=')).toEqual({ typed: '', names: ['build', 'tools'] });
    expect(names(base + 'FROM scratch AS out\nCOPY --from=bu')).toEqual({ typed: 'bu', names: ['build', 'tools'] });
    expect(names(base + 'FROM scratch AS out\nRUN --mount=type=bind,from=t')).toEqual({ typed: 't', names: ['build', 'tools'] });
    expect(names(base + 'FROM --platform=$BUILDPLATFORM ')).toEqual({ typed: '', names: ['build', 'tools'] });
    // On a continued line too.
    expect(names(base + 'FROM scratch AS out\nCOPY \\\n    --from=')).toEqual({ typed: '', names: ['build', 'tools'] });
  });

  it('leaves out the stage the cursor is in, and later ones', () => {
    expect(names('FROM golang:1.23 AS build\nCOPY --from=')).toEqual({ typed: '', names: [] });
    const analysis = analyze(base + 'FROM scratch AS out\nCOPY --from= /a /b\n');
    const offset = (base + 'FROM scratch AS out\nCOPY --from=').length;
    expect(stageCompletionsAt(analysis, offset)?.stages).toEqual([0, 1]);
    // In the middle of a file: the FROM of the second stage sees the first only.
    expect(stageCompletionsAt(analyze('FROM x AS a\nFROM a AS b\nFROM b AS c\n'), 'FROM x AS a\nFROM '.length)?.stages).toEqual([0]);
  });

  it('offers nothing where no stage is expected', () => {
    expect(names(base + 'RUN echo ')).toBeNull();
    expect(names(base + 'COPY ')).toBeNull();
    expect(names(base + 'FROM alpine AS ')).toBeNull();
    expect(stageSlotBefore('  COPY --from=ab')).toBe('ab');
    expect(stageSlotBefore('COPY --chown=1 ')).toBeNull();
  });
});
