// fast-check generators of realistic multi-stage Dockerfiles for the
// property tests of analyze() and the edit gestures: named and unnamed
// stages, FROM <earlier stage>, COPY --from by name (any case), by index and
// from images, RUN --mount from=, ONBUILD, comments, blank lines,
// continuations, heredocs, CMD/ENTRYPOINT, lower- or upper-case keywords.

import fc from 'fast-check';

const images = ['alpine:3.20', 'golang:1.22', 'debian', 'scratch', 'node:20-slim', 'ghcr.io/acme/tool:v1'];

interface StageSpec {
  named: boolean;
  lower: boolean;
  platform: string | null;
  baseChoice: number;
  body: BodyLine[];
}

type BodyLine =
  | { kind: 'copyName'; target: number; upper: boolean }
  | { kind: 'copyIndex'; target: number }
  | { kind: 'copyImage'; image: number }
  | { kind: 'mount'; targets: number[]; split: boolean }
  | { kind: 'run'; split: boolean }
  | { kind: 'workdir' }
  | { kind: 'comment' }
  | { kind: 'blank' }
  | { kind: 'onbuild'; target: number }
  | { kind: 'heredoc' }
  | { kind: 'cmd' };

const bodyLine: fc.Arbitrary<BodyLine> = fc.oneof(
  fc.record({ kind: fc.constant('copyName' as const), target: fc.nat(9), upper: fc.boolean() }),
  fc.record({ kind: fc.constant('copyIndex' as const), target: fc.nat(9) }),
  fc.record({ kind: fc.constant('copyImage' as const), image: fc.nat(images.length - 1) }),
  fc.record({ kind: fc.constant('mount' as const), targets: fc.array(fc.nat(9), { minLength: 1, maxLength: 3 }), split: fc.boolean() }),
  fc.record({ kind: fc.constant('run' as const), split: fc.boolean() }),
  fc.record({ kind: fc.constant('workdir' as const) }),
  fc.record({ kind: fc.constant('comment' as const) }),
  fc.record({ kind: fc.constant('blank' as const) }),
  fc.record({ kind: fc.constant('onbuild' as const), target: fc.nat(9) }),
  fc.record({ kind: fc.constant('heredoc' as const) }),
  fc.record({ kind: fc.constant('cmd' as const) }),
);

const stageSpec: fc.Arbitrary<StageSpec> = fc.record({
  named: fc.boolean(),
  lower: fc.boolean(),
  platform: fc.option(fc.constantFrom('$BUILDPLATFORM', 'linux/arm64', '${TARGETPLATFORM}'), { nil: null }),
  baseChoice: fc.nat(20),
  body: fc.array(bodyLine, { maxLength: 6 }),
});

/** A Dockerfile with 1 to `maxStages` stages; with or without a final newline, CRLF line endings, a byte-order mark. */
export function dockerfile(maxStages = 6): fc.Arbitrary<string> {
  return fc
    .record({
      stages: fc.array(stageSpec, { minLength: 1, maxLength: maxStages }),
      globalArg: fc.boolean(),
      finalNewline: fc.boolean(),
      crlf: fc.boolean(),
      bom: fc.boolean(),
    })
    .map(({ stages, globalArg, finalNewline, crlf, bom }) => (bom ? '\uFEFF' : '') + render(stages, globalArg, finalNewline, crlf ? '\r\n' : '\n'));
}

function render(stages: StageSpec[], globalArg: boolean, finalNewline: boolean, eol: string): string {
  const name = (i: number) => (stages[i]?.named ? `s${i}` : null);
  const lines: string[] = [];
  if (globalArg) lines.push('ARG VERSION=1.0', '');
  stages.forEach((s, i) => {
    const k = (w: string) => (s.lower ? w.toLowerCase() : w);
    // Base: an earlier named stage (a FROM edge) or an image.
    const earlier = stages.slice(0, i).map((_, j) => name(j)).filter((n): n is string => n !== null);
    const base = s.baseChoice < earlier.length * 2 && earlier.length > 0 ? earlier[s.baseChoice % earlier.length] : images[s.baseChoice % images.length];
    let from = `${k('FROM')} `;
    if (s.platform) from += `--platform=${s.platform} `;
    from += base;
    if (name(i)) from += ` ${k('AS')} ${name(i)}`;
    lines.push(from);
    const ref = (t: number) => {
      const j = t % stages.length;
      return name(j) ?? String(j);
    };
    for (const b of s.body) {
      switch (b.kind) {
        case 'copyName': {
          const r = ref(b.target);
          lines.push(`${k('COPY')} --from=${b.upper ? r.toUpperCase() : r} /out/${i} /in/`);
          break;
        }
        case 'copyIndex':
          lines.push(`${k('COPY')} --from=${b.target % stages.length} /a /b`);
          break;
        case 'copyImage':
          lines.push(`${k('COPY')} --from=${images[b.image] === 'scratch' ? 'busybox' : images[b.image]} /bin/sh /sh`);
          break;
        case 'mount': {
          const mounts = b.targets.map((t) => `--mount=type=bind,from=${name(t % stages.length) ?? 'tools:latest'},target=/m${t}`);
          if (b.split) lines.push(`${k('RUN')} ${mounts.join(' \\' + eol + '    ')} \\`, '    make');
          else lines.push(`${k('RUN')} ${mounts.join(' ')} make`);
          break;
        }
        case 'run':
          if (b.split) lines.push(`${k('RUN')} apt-get update \\`, '# inside a continuation', '    && apt-get install -y curl');
          else lines.push(`${k('RUN')} echo ${i}`);
          break;
        case 'workdir':
          lines.push(`${k('WORKDIR')} /src`);
          break;
        case 'comment':
          lines.push(`# note about stage ${i}`);
          break;
        case 'blank':
          lines.push('');
          break;
        case 'onbuild':
          lines.push(`${k('ONBUILD')} ${k('COPY')} --from=${ref(b.target)} /x /y`);
          break;
        case 'heredoc':
          lines.push(`${k('COPY')} <<EOF /etc/conf`, 'FROM inside-heredoc', 'EOF');
          break;
        case 'cmd':
          lines.push(`${k('CMD')} ["run"]`);
          break;
      }
    }
  });
  const text = lines.join(eol);
  return finalNewline ? text + eol : text;
}
