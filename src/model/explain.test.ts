import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from './analyze';
import { baseKind, explainStage, imageKind, mayLackShell, stageReach } from './explain';

const text = `ARG GO_VERSION=1.22
FROM golang:\${GO_VERSION} AS build
RUN go build -o /out/app ./cmd/app

FROM build AS test
RUN go test ./...

FROM node:20-alpine AS web
RUN npm run build

FROM alpine:3.20 AS tools
RUN apk add curl

FROM gcr.io/distroless/static-debian12 AS final
COPY --from=build /out/app /app
COPY --from=web /web/dist /srv
RUN --mount=from=tools,target=/t ls /t
ENTRYPOINT ["/app"]
`;

describe('baseKind', () => {
  it('tells scratch, distroless, alpine, slim, distributions, stages and variables apart', () => {
    const kinds = (t: string) => { const a = analyze(t); return a.stages.map((_, i) => baseKind(a, i)); };
    expect(kinds('FROM scratch\nFROM gcr.io/distroless/base-debian12\nFROM node:20-alpine\nFROM alpine:3.20\nFROM python:3.12-slim\nFROM debian:bookworm-slim\nFROM ubuntu:24.04\nFROM golang:1.22\nFROM quay.io/acme/tool:1\n'))
      .toEqual(['scratch', 'distroless', 'alpine', 'alpine', 'slim', 'slim', 'distribution', 'distribution', 'image']);
    expect(kinds('FROM alpine:3.20 AS a\nFROM a\n')).toEqual(['alpine', 'stage']);
    expect(kinds('ARG BASE=alpine:3.20\nFROM $BASE\n')).toEqual(['variable']);
  });
});

describe('stageReach', () => {
  it('says which stages end up in the target image and how', () => {
    const analysis = analyze(text);
    expect(stageReach(analysis, 4)).toEqual(['copied', 'unused', 'copied', 'build-only', 'target']);
    expect(stageReach(analysis, 1)).toEqual(['base', 'target', 'unused', 'unused', 'unused']);
  });
});

describe('explainStage', () => {
  const analysis = analyze(text);

  it('explains a build stage: base from a variable, who copies what, and what reaches the image', () => {
    const e = explainStage(analysis, 0);
    expect(e.baseKind).toBe('variable');
    expect(e.givesTo).toEqual([
      { other: 1, kind: 'from', paths: [], line: 5 },
      { other: 4, kind: 'copy', paths: ['/out/app'], line: 15 },
    ]);
    expect(e.sentences.join('\n')).toContain('golang:1.22 unless --build-arg changes it');
    expect(e.sentences.join('\n')).toContain("Stage 'final' copies /out/app from it");
    expect(e.reach).toBe('copied');
  });

  it('explains the final stage: what it takes from stages and that it is the target', () => {
    const e = explainStage(analysis, 4);
    expect(e.baseKind).toBe('distroless');
    expect(e.takes.map((t) => [t.other, t.kind])).toEqual([[0, 'copy'], [2, 'copy'], [3, 'mount']]);
    const text = e.sentences.join('\n');
    expect(text).toContain("copies /web/dist from stage 'web'");
    expect(text).toContain("mounts stage 'tools' while a RUN executes");
    expect(text).toContain('is the build target');
  });

  it('explains an unused stage, and a scratch stage under another target', () => {
    expect(explainStage(analysis, 1).sentences.at(-1)).toMatch(/BuildKit does not build it/);
    const legacy = explainStage(analysis, 1, 4, 'legacy');
    expect(legacy).toMatchObject({ built: true, reach: 'build-only' });
    expect(legacy.sentences.at(-1)).toMatch(/legacy builder builds it because it comes before the target/);
    expect(explainStage(analysis, 4, 1, 'legacy').sentences.at(-1)).toMatch(/legacy builder stops after the target/);
    const scratch = explainStage(analyze('FROM scratch\nCOPY app /app\n'), 0);
    expect(scratch.sentences[0]).toMatch(/empty filesystem/);
    expect(scratch.sentences).toContain('It takes nothing from other stages or images.');
  });
});

describe('mayLackShell', () => {
  it('is true wherever imageKind says scratch or distroless, and false for the usual bases', () => {
    for (const image of ['scratch', 'SCRATCH', 'gcr.io/distroless/static-debian12', 'cgr.dev/chainguard/static:latest', 'docker.io/chainguard/static']) {
      expect(mayLackShell(image)).toBe(true);
    }
    for (const image of ['alpine:3.20', 'golang:1.22', 'node:20-slim', 'ubuntu']) expect(mayLackShell(image)).toBe(false);
    const part = fc.constantFrom('scratch', 'distroless', 'chainguard', 'static', 'gcr.io', 'cgr.dev', 'library', 'alpine', 'Static', 'DISTROLESS', 'x');
    const image = fc.tuple(fc.array(part, { minLength: 1, maxLength: 4 }), fc.option(fc.constantFrom('latest', 'debug', 'nonroot'))).map(
      ([path, tag]) => path.join('/') + (tag ? `:${tag}` : ''),
    );
    fc.assert(fc.property(fc.oneof(image, fc.string()), (text) => {
      const kind = imageKind(text);
      if (kind === 'scratch' || kind === 'distroless') expect(mayLackShell(text)).toBe(true);
    }), { numRuns: 3000 });
  });
});
