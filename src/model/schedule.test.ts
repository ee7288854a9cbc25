import { describe, expect, it } from 'vitest';
import { analyze } from './analyze';
import { buildSchedule, costOf } from './schedule';

// deps and go-build both start from images; test needs deps; final copies from go-build and deps.
const text = `FROM node:20 AS deps
RUN npm ci
RUN npm run build

FROM golang:1.22 AS gobuild
RUN go build -o /out/app

FROM deps AS test
RUN npm test

FROM alpine:3.20 AS final
COPY --from=gobuild /out/app /app
COPY --from=deps /srv/dist /srv
ENV MODE=production
CMD ["/app"]
`;

describe('costOf', () => {
  it('weighs RUN above COPY, and config-only instructions at nothing', () => {
    const analysis = analyze(text);
    expect(costOf(analysis, 0)).toBe(3 + 10 + 10); // pull + 2 RUN
    expect(costOf(analysis, 2)).toBe(10); // FROM a stage pulls nothing
    expect(costOf(analysis, 3)).toBe(3 + 1 + 1); // pull + two COPY --from; ENV and CMD free
    expect(costOf(analyze('FROM scratch\nCOPY app /app\n'), 0)).toBe(2);
  });
});

describe('buildSchedule', () => {
  const analysis = analyze(text);

  it('puts independent stages in the same level and skips what the target does not need', () => {
    const schedule = buildSchedule(analysis);
    expect(schedule.target).toBe(3);
    expect(schedule.levels).toEqual([[0, 1], [3]]);
    expect(schedule.timings.map((t) => t.index)).toEqual([0, 1, 3]);
  });

  it('finds the most expensive chain as the critical path', () => {
    const schedule = buildSchedule(analysis);
    expect(schedule.criticalPath).toEqual([0, 3]); // deps (23) outweighs gobuild (13)
    expect(schedule.criticalCost).toBe(23 + 5);
    expect(schedule.timings.find((t) => t.index === 3)).toMatchObject({ start: 23, finish: 28 });
  });

  it('follows the chosen target', () => {
    const schedule = buildSchedule(analysis, 2);
    expect(schedule.levels).toEqual([[0], [2]]);
    expect(schedule.criticalPath).toEqual([0, 2]);
    expect(schedule.criticalCost).toBe(33);
  });

  it('runs one stage at a time, every stage up to the target, with the legacy builder', () => {
    const schedule = buildSchedule(analysis, 3, 'legacy');
    expect(schedule.levels).toEqual([[0], [1], [2], [3]]);
    expect(schedule.criticalCost).toBe(23 + 13 + 10 + 5);
    expect(schedule.criticalPath).toEqual([0, 1, 2, 3]);
  });

  it('survives a dependency cycle and an empty file', () => {
    const cyclic = analyze('FROM alpine:3.20 AS a\nCOPY --from=b /x /x\nFROM alpine:3.20 AS b\nCOPY --from=a /y /y\n');
    expect(buildSchedule(cyclic).timings.length).toBe(2);
    expect(buildSchedule(analyze(''))).toMatchObject({ levels: [], criticalPath: [], criticalCost: 0 });
  });
});
