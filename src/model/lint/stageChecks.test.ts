// Stagewright's multi-stage checks, and the quick fixes of every check that
// offers one: each check has a Dockerfile that fires and one that does not;
// each fix is applied to the text and the result compared.

import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';
import { applyEdits } from '../edits/text';
import type { QuickFix } from '../types';

function found(text: string, code: string) {
  const analysis = analyze(text);
  return analysis.diagnostics
    .map((diagnostic, i) => ({ ...diagnostic, fixes: analysis.diagnosticDetails[i].fixes, span: analysis.diagnosticDetails[i].span }))
    .filter((d) => d.code === code);
}

function apply(text: string, fix: QuickFix): string {
  return applyEdits(text, fix.edits);
}

/** Applies the first fix titled like `title` of the first `code` diagnostic. */
function fixed(text: string, code: string, title: RegExp = /./): string {
  const [diagnostic] = found(text, code);
  expect(diagnostic, `${code} should fire`).toBeDefined();
  const fix = diagnostic.fixes.find((f) => title.test(f.title));
  expect(fix, `a fix matching ${title}`).toBeDefined();
  return apply(text, fix!);
}

describe('UnusedStage', () => {
  it('reports a stage the default target never uses', () => {
    const text = 'FROM alpine:3.20 AS tools\nRUN echo hi\nFROM golang:1.22 AS build\nRUN go build -o /app\nFROM scratch\nCOPY --from=build /app /app\nCMD ["/app"]\n';
    const [d] = found(text, 'UnusedStage');
    expect(d).toMatchObject({ line: 1, severity: 'info' });
    expect(d.message).toContain("stage 'tools'");
    expect(d.message).toContain('legacy builder');
  });
  it('is quiet when every stage feeds the target', () => {
    expect(found('FROM golang:1.22 AS build\nRUN go build -o /app\nFROM scratch\nCOPY --from=build /app /app\nCMD ["/app"]\n', 'UnusedStage')).toEqual([]);
  });
});

describe('ScratchNoShell', () => {
  it('fails RUN in a scratch stage and warns for a shell-form CMD', () => {
    const text = 'FROM scratch\nRUN echo hi\nCMD /app\n';
    const diagnostics = found(text, 'ScratchNoShell');
    expect(diagnostics.map((d) => [d.line, d.severity])).toEqual([[2, 'error'], [3, 'warning']]);
  });
  it('follows FROM <stage> back to scratch', () => {
    expect(found('FROM scratch AS base\nCOPY app /app\nFROM base\nRUN ls\n', 'ScratchNoShell').map((d) => d.line)).toEqual([4]);
  });
  it('is quiet when the stage has a base image or a shell was copied in', () => {
    expect(found('FROM alpine:3.20\nRUN echo hi\n', 'ScratchNoShell')).toEqual([]);
    expect(found('FROM scratch\nCOPY --from=busybox:1.36 /bin/ /bin/\nRUN echo hi\n', 'ScratchNoShell')).toEqual([]);
  });
  it('offers the exec form for a plain shell-form CMD', () => {
    expect(fixed('FROM scratch\nCOPY app /app\nCMD /app --serve\n', 'ScratchNoShell', /exec form/))
      .toBe('FROM scratch\nCOPY app /app\nCMD ["/app", "--serve"]\n');
  });
});

describe('DistrolessNoShell', () => {
  it('fails RUN in a distroless stage and warns for a shell-form ENTRYPOINT', () => {
    const text = 'FROM gcr.io/distroless/java21-debian12\nRUN apt-get update\nENTRYPOINT java -jar /app.jar\n';
    expect(found(text, 'DistrolessNoShell').map((d) => [d.line, d.severity])).toEqual([[2, 'error'], [3, 'warning']]);
  });
  it('is quiet for exec forms, :debug variants and images with a shell', () => {
    expect(found('FROM gcr.io/distroless/java21-debian12\nENTRYPOINT ["java", "-jar", "/app.jar"]\n', 'DistrolessNoShell')).toEqual([]);
    expect(found('FROM gcr.io/distroless/base-debian12:debug\nRUN ls\n', 'DistrolessNoShell')).toEqual([]);
    expect(found('FROM debian:bookworm-slim\nRUN ls\n', 'DistrolessNoShell')).toEqual([]);
    expect(found('FROM gcr.io/distroless/java21-debian12\nENTRYPOINT ["java", "-jar", "/app.jar"]\n', 'ScratchMissingProgram')).toEqual([]);
  });
});

describe('ScratchUserName', () => {
  it('reports USER by name in scratch without /etc/passwd', () => {
    const [d] = found('FROM scratch\nCOPY app /app\nUSER nonroot\nENTRYPOINT ["/app"]\n', 'ScratchUserName');
    expect(d).toMatchObject({ line: 3, severity: 'warning' });
    expect(found('FROM scratch\nUSER 1000:app\n', 'ScratchUserName').map((d) => d.line)).toEqual([2]);
  });
  it('accepts numeric ids, a copied /etc/passwd, and images that have users', () => {
    expect(found('FROM scratch\nUSER 65532:65532\n', 'ScratchUserName')).toEqual([]);
    expect(found('FROM golang:1.22 AS b\nFROM scratch\nCOPY --from=b /etc/passwd /etc/passwd\nUSER nobody\n', 'ScratchUserName')).toEqual([]);
    expect(found('FROM gcr.io/distroless/static-debian12\nUSER nonroot\n', 'ScratchUserName')).toEqual([]);
  });
});

describe('ScratchMissingProgram', () => {
  it('reports CMD ["npm", "start"] in scratch', () => {
    const text = 'FROM node:20 AS build\nRUN npm run build\nFROM scratch\nWORKDIR /app\nCOPY --from=build /app/dist .\nCMD ["npm", "start"]\n';
    const [d] = found(text, 'ScratchMissingProgram');
    expect(d).toMatchObject({ line: 6, severity: 'warning' });
    expect(d.message).toContain('"npm"');
  });
  it('accepts a program copied to its path, into a directory, or relative to WORKDIR', () => {
    expect(found('FROM scratch\nCOPY --from=0 /bin/hello /bin/hello\nCMD ["/bin/hello"]\n', 'ScratchMissingProgram')).toEqual([]);
    expect(found('FROM scratch\nCOPY hello /\nCMD ["/hello"]\n', 'ScratchMissingProgram')).toEqual([]);
    expect(found('FROM scratch\nWORKDIR /srv\nCOPY app ./bin/\nENTRYPOINT ["./bin/app"]\n', 'ScratchMissingProgram')).toEqual([]);
    expect(found('FROM scratch\nCOPY app /usr/local/bin/app\nENTRYPOINT ["app"]\n', 'ScratchMissingProgram')).toEqual([]);
  });
  it('treats CMD as arguments when there is an ENTRYPOINT', () => {
    expect(found('FROM scratch\nCOPY app /app\nENTRYPOINT ["/app"]\nCMD ["--help"]\n', 'ScratchMissingProgram')).toEqual([]);
  });
});

describe('InlineComment', () => {
  it('reports `#` text after FROM as an error and after COPY as a warning', () => {
    const text = 'FROM ubuntu:24.04 AS build  # alias\nCOPY . . # copy\nFROM scratch\nCOPY --from=build /app /app\n';
    expect(found(text, 'InlineComment').map((d) => [d.line, d.severity])).toEqual([[1, 'error'], [2, 'warning']]);
  });
  it('leaves comment lines inside a continuation alone', () => {
    expect(found('FROM alpine:3.20\nENV \\\n    # the user id\n    APP_UID=1654 \\\n    MODE=prod\n', 'InlineComment')).toEqual([]);
  });
  it('leaves shell comments in RUN, quoted #, and # inside words alone', () => {
    const text = 'FROM alpine:3.20\nRUN make  # the shell reads this\nLABEL note="# not a comment"\nENV COLOR=#fff\nCMD echo hi # shell\n';
    expect(found(text, 'InlineComment')).toEqual([]);
  });
  it('moves the comment to its own line, or removes it', () => {
    const text = 'FROM alpine:3.20\n  COPY . . # copy everything\nRUN ls\n';
    expect(fixed(text, 'InlineComment', /Move/)).toBe('FROM alpine:3.20\n  # copy everything\n  COPY . .\nRUN ls\n');
    expect(fixed(text, 'InlineComment', /Remove/)).toBe('FROM alpine:3.20\n  COPY . .\nRUN ls\n');
  });
  it('flags a # that breaks an intended exec form', () => {
    expect(found('FROM alpine:3.20\nCMD ["sh"] # start a shell\n', 'InlineComment').map((d) => d.line)).toEqual([2]);
  });
});

describe('UnpinnedExternalImage', () => {
  it('reports COPY --from and mount from= of an image without tag or with latest', () => {
    const text = 'FROM alpine:3.20\nCOPY --from=nginx /etc/nginx /etc/nginx\nRUN --mount=from=busybox:latest,target=/b ls /b\n';
    expect(found(text, 'UnpinnedExternalImage').map((d) => d.line)).toEqual([2, 3]);
  });
  it('accepts a pinned tag or digest, and stage references', () => {
    const text = `FROM alpine:3.20 AS a\nFROM alpine:3.20\nCOPY --from=nginx:1.27 /a /a\nCOPY --from=nginx@sha256:${'0'.repeat(64)} /b /b\nCOPY --from=a /c /c\n`;
    expect(found(text, 'UnpinnedExternalImage')).toEqual([]);
  });
});

describe('CopyWholeFilesystem', () => {
  it('reports COPY --from=x / /', () => {
    const [d] = found('FROM golang:1.22 AS build\nRUN go build\nFROM alpine:3.20\nCOPY --from=build / /\n', 'CopyWholeFilesystem');
    expect(d).toMatchObject({ line: 4, severity: 'warning' });
    expect(d.message).toContain("stage 'build'");
  });
  it('leaves a "." that an inline # made a source to InlineComment', () => {
    const text = 'FROM node:20 AS build\nRUN npm run build\nFROM nginx:1.27\nCOPY --from=build /app/dist .  # the site\n';
    expect(found(text, 'CopyWholeFilesystem')).toEqual([]);
    expect(found(text, 'InlineComment')).toHaveLength(1);
  });
  it('is quiet for the squash idiom: FROM scratch, COPY --from=x / /', () => {
    expect(found('FROM debian:bookworm AS build\nRUN apt-get install -y x\nFROM scratch\nCOPY --from=build / /\n', 'CopyWholeFilesystem')).toEqual([]);
  });
  it('is quiet for the root of an export stage built FROM scratch, or of a tool image', () => {
    const text = 'FROM golang:1.22 AS build\nRUN go build -o /out/app\nFROM scratch AS export\nCOPY --from=build /out/app /\nFROM tonistiigi/xx:1.6.1 AS xx\nFROM alpine:3.20\nCOPY --from=export / /usr/bin/\nCOPY --from=xx / /\n';
    expect(found(text, 'CopyWholeFilesystem')).toEqual([]);
  });
  it('is quiet for a specific path', () => {
    expect(found('FROM golang:1.22 AS build\nRUN go build\nFROM alpine:3.20\nCOPY --from=build /out/app /app\n', 'CopyWholeFilesystem')).toEqual([]);
  });
});

describe('quick fixes for BuildKit checks', () => {
  it('FromAsCasing: match the AS word to FROM', () => {
    expect(fixed('FROM alpine:3.20 as build\nRUN ls\n', 'FromAsCasing')).toBe('FROM alpine:3.20 AS build\nRUN ls\n');
  });
  it('ConsistentInstructionCasing: one keyword, or all of them', () => {
    const text = 'FROM alpine:3.20\nrun ls\nRUN ls\ncopy a b\n';
    expect(fixed(text, 'ConsistentInstructionCasing', /^Write RUN/)).toBe('FROM alpine:3.20\nRUN ls\nRUN ls\ncopy a b\n');
    expect(fixed(text, 'ConsistentInstructionCasing', /every/)).toBe('FROM alpine:3.20\nRUN ls\nRUN ls\nCOPY a b\n');
  });
  it('MaintainerDeprecated: MAINTAINER becomes a LABEL', () => {
    expect(fixed('FROM alpine:3.20\nMAINTAINER Jane <jane@example.org>\n', 'MaintainerDeprecated'))
      .toBe('FROM alpine:3.20\nLABEL org.opencontainers.image.authors="Jane <jane@example.org>"\n');
  });
  it('LegacyKeyValueFormat: ENV key value becomes key=value', () => {
    expect(fixed('FROM alpine:3.20\nENV MODE production\nENV GREETING hello world\n', 'LegacyKeyValueFormat'))
      .toBe('FROM alpine:3.20\nENV MODE=production\nENV GREETING hello world\n');
    const [, second] = found('FROM alpine:3.20\nENV MODE production\nENV GREETING hello world\n', 'LegacyKeyValueFormat');
    expect(apply('FROM alpine:3.20\nENV MODE production\nENV GREETING hello world\n', second.fixes[0]))
      .toBe('FROM alpine:3.20\nENV MODE production\nENV GREETING="hello world"\n');
  });
  it('JSONArgsRecommended: plain words become the exec form, shell syntax gets no fix', () => {
    expect(fixed('FROM alpine:3.20\nCMD node server.js\n', 'JSONArgsRecommended')).toBe('FROM alpine:3.20\nCMD ["node", "server.js"]\n');
    expect(found('FROM alpine:3.20\nCMD node server.js && echo done\n', 'JSONArgsRecommended')[0].fixes).toEqual([]);
  });
  it('WorkdirRelativePath, ExposeProtoCasing, ExposeInvalidFormat, MultipleInstructionsDisallowed', () => {
    expect(fixed('FROM alpine:3.20\nWORKDIR app\n', 'WorkdirRelativePath')).toBe('FROM alpine:3.20\nWORKDIR /app\n');
    expect(fixed('FROM alpine:3.20\nEXPOSE 80/TCP\n', 'ExposeProtoCasing')).toBe('FROM alpine:3.20\nEXPOSE 80/tcp\n');
    expect(fixed('FROM alpine:3.20\nEXPOSE 8080:80\n', 'ExposeInvalidFormat')).toBe('FROM alpine:3.20\nEXPOSE 80\n');
    expect(fixed('FROM alpine:3.20\nCMD ["a"]\nCMD ["b"]\n', 'MultipleInstructionsDisallowed')).toBe('FROM alpine:3.20\nCMD ["b"]\n');
  });
  it('UndefinedVar: a misspelt variable takes the suggested name, everywhere in the instruction', () => {
    expect(fixed('FROM alpine:3.20\nARG DIR_ASSETS=assets/\nCOPY $DIR_ASSET ${DIR_ASSET}/x /srv/\n', 'UndefinedVar'))
      .toBe('FROM alpine:3.20\nARG DIR_ASSETS=assets/\nCOPY $DIR_ASSETS ${DIR_ASSETS}/x /srv/\n');
    expect(found('FROM alpine:3.20\nCOPY $NOTHING_CLOSE /srv/\n', 'UndefinedVar')[0].fixes).toEqual([]);
  });
  it('RedundantTargetPlatform: drop the flag', () => {
    expect(fixed('FROM --platform=$TARGETPLATFORM alpine:3.20\n', 'RedundantTargetPlatform')).toBe('FROM alpine:3.20\n');
  });
  it('keeps CRLF line endings intact', () => {
    expect(fixed('FROM alpine:3.20\r\nCOPY . . # all\r\nENV MODE production\r\n', 'InlineComment', /Move/))
      .toBe('FROM alpine:3.20\r\n# all\r\nCOPY . .\r\nENV MODE production\r\n');
    expect(fixed('FROM alpine:3.20\r\nENV MODE production\r\n', 'LegacyKeyValueFormat')).toBe('FROM alpine:3.20\r\nENV MODE=production\r\n');
  });
  it('a fixed file no longer reports the problem', () => {
    const text = fixed('FROM alpine:3.20 as build\nRUN ls\n', 'FromAsCasing');
    expect(found(text, 'FromAsCasing')).toEqual([]);
  });
});

describe('check directive over our checks and analyze()\'s', () => {
  it('skip= silences a Stagewright check and a BuildKit rule analyze() reports', () => {
    const text = '# check=skip=UnusedStage,StageNameCasing\nFROM alpine:3.20 AS Tools\nFROM alpine:3.20\n';
    const codes = analyze(text).diagnostics.map((d) => d.code);
    expect(codes).not.toContain('UnusedStage');
    expect(codes).not.toContain('StageNameCasing');
    expect(analyze('FROM alpine:3.20 AS Tools\nFROM alpine:3.20\n').diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(['UnusedStage', 'StageNameCasing']));
  });
  it('a malformed directive is a build error', () => {
    expect(analyze('# check=skip\nFROM alpine:3.20\n').diagnostics.map((d) => d.code)).toContain('InvalidCheckDirective');
  });
});

describe('UndefinedVar with well-known base images', () => {
  it('knows what official images define, and still reports what they do not', () => {
    const text = 'FROM golang:1.22\nCOPY app $GOPATH/bin/\nCOPY app $NOPE/\nFROM mcr.microsoft.com/dotnet/aspnet:8.0\nUSER $APP_UID\n';
    expect(found(text, 'UndefinedVar').map((d) => d.line)).toEqual([3]);
    expect(found('FROM alpine:3.20\nCOPY app $GOPATH/\n', 'UndefinedVar').map((d) => d.line)).toEqual([2]);
  });
});

describe('UndefinedVar in heredocs', () => {
  it('reads an unquoted COPY heredoc body, quotes and all, and leaves quoted delimiters alone', () => {
    const text = 'FROM alpine:3.20\nARG PORT=8080\nCOPY <<EOF /start.sh\nexec /app --port "$PORT" --host \'$LISTEN_ADDRESS\' \\$LITERAL\nEOF\nCOPY <<"EOF" /raw.sh\necho $RAW\nEOF\n';
    expect(found(text, 'UndefinedVar').map((d) => [d.line, d.message])).toEqual([[3, "Usage of undefined variable '$LISTEN_ADDRESS'"]]);
  });
});
