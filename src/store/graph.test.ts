import { describe, expect, it } from 'vitest';
import { analyze } from '../model/index.ts';
import { baseBadges, deriveGraph, stageAtLine, type StageNodeData } from './graph.ts';

const TEXT = `ARG V=3.20
FROM golang:1.23 AS build
RUN go build -o /out/app .

FROM alpine:\${V} AS runtime
COPY --from=build /out/app /usr/bin/app
RUN --mount=type=bind,from=busybox:1.36,target=/bb true
`;

describe('deriveGraph', () => {
  it('makes a node per stage and per external image, and an edge per dependency', () => {
    const g = deriveGraph(analyze(TEXT));
    expect(g.nodes.map((n) => [n.id, n.type])).toEqual([
      ['build', 'stage'],
      ['runtime', 'stage'],
      ['image:busybox:1.36', 'image'],
    ]);
    expect(g.edges.map((e) => [e.source, e.target, e.data.kind, e.data.label])).toEqual([
      ['build', 'runtime', 'copy', '/out/app → /usr/bin/app'],
      ['image:busybox:1.36', 'runtime', 'mount', null],
    ]);
    const runtime = g.nodes[1].data as StageNodeData;
    expect(runtime.resolvedBase).toBe('alpine:3.20');
    expect(runtime.isFinal).toBe(true);
    expect(runtime.badges).toEqual(['variable']);
    expect(runtime.instructions.map((i) => i.keyword)).toEqual(['COPY', 'RUN']);
    expect((g.nodes[0].data as StageNodeData).resolvedBase).toBeNull();
  });

  it('gives edges between the same two nodes lanes centred on 0, and an edge of its own lane 0', () => {
    const text = `FROM golang:1.23 AS build
FROM build AS test
COPY --from=build /src/testdata /testdata
FROM gcr.io/distroless/static-debian12
COPY --from=build /out/app /app
COPY --from=build /etc/ssl/certs /etc/ssl/certs
COPY --from=test /report.xml /report.xml
COPY --from=build /usr/share/zoneinfo /usr/share/zoneinfo
`;
    const g = deriveGraph(analyze(text));
    expect(g.edges.map((e) => [e.source, e.target, e.data.kind, e.data.lane])).toEqual([
      ['build', 'test', 'from', -0.5],
      ['build', 'test', 'copy', 0.5],
      ['build', '#2', 'copy', -1],
      ['build', '#2', 'copy', 0],
      ['test', '#2', 'copy', 0],
      ['build', '#2', 'copy', 1],
    ]);
    // A lane change (a third COPY from test) re-creates the edges it moves, and only those.
    const more = deriveGraph(analyze(text + 'COPY --from=test /coverage /coverage\n'), g);
    expect(more.edges[4]).not.toBe(g.edges[4]);
    expect(more.edges[4].data.lane).toBe(-0.5);
    expect(more.edges[0]).toBe(g.edges[0]);
    expect(more.edges[2]).toBe(g.edges[2]);
  });

  it('returns the very same graph for an edit that changes nothing it shows', () => {
    const a = deriveGraph(analyze(TEXT));
    // A comment after the last instruction: nothing shown changes.
    expect(deriveGraph(analyze(TEXT + '# trailing comment\n'), a)).toBe(a);
    // A comment above everything moves line numbers (shown in tooltips), not the shape.
    const b = deriveGraph(analyze('# a comment\n' + TEXT), a);
    expect(b.shapeKey).toBe(a.shapeKey);
  });

  it('re-creates only the node whose content changed', () => {
    const a = deriveGraph(analyze(TEXT));
    const b = deriveGraph(analyze(TEXT.replace('RUN --mount=type=bind,from=busybox:1.36,target=/bb true', 'RUN --mount=type=bind,from=busybox:1.36,target=/bb false')), a);
    expect(b.nodes[0]).toBe(a.nodes[0]);
    expect(b.nodes[1]).not.toBe(a.nodes[1]);
    expect(b.nodes[2]).toBe(a.nodes[2]);
    expect(b.edges[0]).toBe(a.edges[0]);
    expect(b.shapeKey).toBe(a.shapeKey);
  });

  it("re-creates an edge when what it copies or its line changes, and keeps it otherwise", () => {
    const a = deriveGraph(analyze(TEXT));
    const paths = deriveGraph(analyze(TEXT.replace('/out/app /usr/bin/app', '/out/app /bin/app')), a);
    expect(paths.edges[0]).not.toBe(a.edges[0]);
    expect(paths.edges[0].data.label).toBe('/out/app → /bin/app');
    expect(paths.edges[0].data.title).toBe('COPY --from (line 6): /out/app → /bin/app');
    expect(paths.edges[1]).toBe(a.edges[1]);
    const moved = deriveGraph(analyze('\n' + TEXT), a);
    expect(moved.edges[0].data.line).toBe(7);
    expect(moved.edges[0].data.title).toBe('COPY --from (line 7): /out/app → /usr/bin/app');
    const back = deriveGraph(analyze(TEXT), moved);
    expect(back.edges[0].data).toEqual(a.edges[0].data);
    expect(deriveGraph(analyze(TEXT), back).edges[0]).toBe(back.edges[0]);
  });

  it('changes the shape key when an edge appears', () => {
    const a = deriveGraph(analyze(TEXT));
    const b = deriveGraph(analyze(TEXT + 'COPY --from=build /x /y\n'), a);
    expect(b.shapeKey).not.toBe(a.shapeKey);
    expect(b.edges.map((e) => e.id)).toEqual(['copy:build->runtime', 'mount:image:busybox:1.36->runtime', 'copy:build->runtime#1']);
  });

  it('gives duplicate stage names distinct node ids', () => {
    const g = deriveGraph(analyze('FROM a AS x\nFROM b AS x\nFROM c\n'));
    expect(g.nodes.map((n) => n.id)).toEqual(['x', 'x~1', '#2']);
  });

  it('counts problems per stage', () => {
    const g = deriveGraph(analyze('FROM alpine AS a\nCOPY --from=a / /\nFROM alpine AS b\n'));
    const a = g.nodes[0].data as StageNodeData;
    expect(a.errors).toBeGreaterThan(0);
  });

  it('marks built stages when told which are built', () => {
    const g = deriveGraph(analyze('FROM a AS x\nFROM b AS y\n'), undefined, new Set([1]));
    expect(g.nodes.map((n) => (n.data as StageNodeData).built)).toEqual([false, true]);
  });

  it('never throws, whatever the text', () => {
    for (const text of ['', '\u0000', 'FROM', 'FROM a AS\nCOPY --from= / /', 'COPY --from=9 / /\nFROM x', '\\\n\\\n']) {
      expect(() => deriveGraph(analyze(text))).not.toThrow();
    }
  });
});

describe('baseBadges', () => {
  it('recognises scratch, distroless, stage bases and ARGs', () => {
    expect(baseBadges('scratch', 'scratch', null)).toEqual(['scratch']);
    expect(baseBadges('gcr.io/distroless/static-debian12', 'gcr.io/distroless/static-debian12', null)).toEqual(['distroless']);
    expect(baseBadges('build', 'build', 0)).toEqual(['stage']);
    expect(baseBadges('${IMG}', 'alpine', null)).toEqual(['variable']);
    expect(baseBadges('alpine', 'alpine', null)).toEqual([]);
  });
});

describe('stageAtLine', () => {
  it('finds the stage a line belongs to', () => {
    const a = analyze(TEXT);
    expect(stageAtLine(a, 1)).toBe(-1);
    expect(stageAtLine(a, 2)).toBe(0);
    expect(stageAtLine(a, 4)).toBe(0);
    expect(stageAtLine(a, 5)).toBe(1);
    expect(stageAtLine(a, 99)).toBe(1);
  });
});
