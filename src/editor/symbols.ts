// Stages and build variables as symbols in the editor. Stages, from the
// model's mentions (model/mentions.ts):
// go to definition (F12, Ctrl+click) from a FROM, COPY --from or mount from=
// to the stage's AS name; find references (Shift+F12); every mention of the
// stage under the cursor highlighted; rename (F2), through the same edit the
// canvas's rename makes; a hover that says which stage a reference reaches
// (or which image, when it is none); the outline (Ctrl+Shift+O); folding by
// stage; and stage names offered where the text expects one, as are the build
// variables a `$` can use there (model/variables.ts), whose uses also get a
// hover and go to definition.
import { analyze } from '../model/analyze.ts';
import { renameStage } from '../model/edits.ts';
import { foldingRanges } from '../model/folds.ts';
import { imageMentionAt, mentionAt, stageCompletionsAt, stageDeclaration, stageMentions, stageSlotBefore, type ImageMention } from '../model/mentions.ts';
import { lineAt } from '../model/syntax/lines.ts';
import type { Analysis, Span } from '../model/types.ts';
import { variableAt, variableCompletionsAt, variableSlotBefore, type Variable } from '../model/variables.ts';
import { appStore } from '../store/index.ts';
import { monaco } from './monaco.ts';

type Model = monaco.editor.ITextModel;

/**
 * The analysis of the model's text as it is now. A large file's analysis in
 * the store trails the last keystrokes (it batches them); this brings it up to
 * date, work the store would do a moment later anyway, rather than analysing
 * the text a second time.
 */
function analysisOf(model: Model): Analysis {
  appStore().getState().flush();
  const text = model.getValue();
  const current = appStore().getState().analysis;
  return current.file.text === text ? current : analyze(text);
}

function rangeOf(model: Model, span: Span): monaco.Range {
  return monaco.Range.fromPositions(model.getPositionAt(span.start), model.getPositionAt(span.end));
}

/** A name or image as markdown code: they hold characters markdown would read (_ *). */
const code = (text: string) => `\`${text}\``;
/** The same, in plain text (a completion's detail line). */
const plain = (text: string) => `'${text}'`;

/** One line about a stage: its name and index, where it starts, what it is built from. */
function stageSummary(analysis: Analysis, stage: number, quote: (text: string) => string): string {
  const s = analysis.stages[stage];
  const detail = analysis.stageDetails[stage];
  const title = s.name !== null ? `${quote(s.name)} (#${stage})` : `#${stage}`;
  const base = detail.resolvedBase !== s.base ? `${quote(s.base)} (= ${quote(detail.resolvedBase)})` : quote(s.base);
  return `Stage ${title}, line ${s.line}: FROM ${base}`;
}

const REFERENCE_WORDS = { from: 'built FROM it', copy: 'COPY --from', mount: 'RUN --mount from=' } as const;

const NOT_A_STAGE = 'Only a stage name or a reference to a stage can be renamed here.';

/** Hover contents: one markdown paragraph per line, nothing in them run as HTML or commands. */
function markdown(lines: string[]): monaco.IMarkdownString[] {
  return lines.map((value) => ({ value, isTrusted: false, supportHtml: false }));
}

/** "Used on lines 12 (built FROM it), 16 (COPY --from)." for a stage's name. */
function usesOf(analysis: Analysis, stage: number): string {
  const lines = stageMentions(analysis)
    .filter((m) => m.stage === stage && m.edge !== null)
    .map((m) => {
      const edge = analysis.edges[m.edge!];
      return `${edge.line} (${REFERENCE_WORDS[edge.kind]})`;
    });
  if (lines.length === 0) return 'No other stage uses it.';
  return `Used on ${lines.length === 1 ? 'line' : 'lines'} ${lines.join(', ')}.`;
}

/** What an image named where a stage could be is, for its hover. */
function imageHover(found: ImageMention): string[] {
  const lines: string[] = [];
  if (found.kind === 'from') {
    lines.push(found.image === 'scratch' ? `${code('scratch')}: the empty image, no files and no shell.` : `Image ${code(found.image)}`);
    if (found.written !== null) lines.push(`Written ${code(found.written)}; the global ARGs give ${code(found.image)} unless --build-arg changes them.`);
  } else {
    const use = found.kind === 'copy' ? 'COPY copies from its files' : 'RUN mounts its files';
    lines.push(`Image ${code(found.image)}, not a stage of this file: BuildKit pulls it and ${use}.`);
  }
  return lines;
}

/** What a variable is where it is used, for its hover. */
function variableHover(analysis: Analysis, variable: Variable): string {
  const value = variable.value === null ? 'no default' : variable.value === '' ? 'empty' : `= ${code(variable.value)}`;
  const where = variable.declaration === null ? 'set by BuildKit for a linux/amd64 build' : `line ${lineAt(analysis.file, variable.declaration.start)}`;
  return `${code(variable.name)}: ${variable.origin}, ${value} (${where})`;
}

let registered = false;

/** Registers the providers for the Dockerfile language, once per page. */
export function registerSymbolFeatures(): void {
  if (registered) return;
  registered = true;
  const language = 'dockerfile';

  monaco.languages.registerDefinitionProvider(language, {
    provideDefinition(model, position) {
      const analysis = analysisOf(model);
      const offset = model.getOffsetAt(position);
      const mention = mentionAt(analysis, offset);
      if (mention !== null) return { uri: model.uri, range: rangeOf(model, stageDeclaration(analysis, mention.stage)) };
      const declaration = variableAt(analysis, offset)?.variable?.declaration;
      return declaration ? { uri: model.uri, range: rangeOf(model, declaration) } : null;
    },
  });

  monaco.languages.registerReferenceProvider(language, {
    provideReferences(model, position, context) {
      const analysis = analysisOf(model);
      const mention = mentionAt(analysis, model.getOffsetAt(position));
      if (mention === null) return null;
      return stageMentions(analysis)
        .filter((m) => m.stage === mention.stage && (context.includeDeclaration || m.kind !== 'name'))
        .map((m) => ({ uri: model.uri, range: rangeOf(model, m.span) }));
    },
  });

  monaco.languages.registerDocumentHighlightProvider(language, {
    provideDocumentHighlights(model, position) {
      const analysis = analysisOf(model);
      const mention = mentionAt(analysis, model.getOffsetAt(position));
      if (mention === null) return null;
      const { Read, Write } = monaco.languages.DocumentHighlightKind;
      return stageMentions(analysis)
        .filter((m) => m.stage === mention.stage)
        .map((m) => ({ range: rangeOf(model, m.span), kind: m.kind === 'name' ? Write : Read }));
    },
  });

  monaco.languages.registerRenameProvider(language, {
    resolveRenameLocation(model, position) {
      const analysis = analysisOf(model);
      const mention = mentionAt(analysis, model.getOffsetAt(position));
      if (mention === null) {
        return { range: new monaco.Range(position.lineNumber, position.column, position.lineNumber, position.column), text: '', rejectReason: NOT_A_STAGE };
      }
      const name = analysis.stages[mention.stage].name;
      return { range: rangeOf(model, mention.span), text: name ?? '' };
    },
    provideRenameEdits(model, position, newName) {
      const analysis = analysisOf(model);
      const mention = mentionAt(analysis, model.getOffsetAt(position));
      if (mention === null) return { edits: [], rejectReason: NOT_A_STAGE };
      const result = renameStage(analysis.file.text, analysis, mention.stage, newName);
      if (!result.ok) {
        // Standalone Monaco only logs a refused rename: say why where the canvas's refusals show.
        appStore().getState().alert(`Cannot rename to "${newName}": ${result.reason}`);
        return { edits: [], rejectReason: result.reason };
      }
      const versionId = model.getVersionId();
      return {
        edits: result.edits.map((edit) => ({ resource: model.uri, versionId, textEdit: { range: rangeOf(model, edit), text: edit.text } })),
      };
    },
  });

  monaco.languages.registerHoverProvider(language, {
    provideHover(model, position) {
      const analysis = analysisOf(model);
      const offset = model.getOffsetAt(position);
      const mention = mentionAt(analysis, offset);
      if (mention === null) {
        // A variable first: it may sit inside a FROM's image.
        const used = variableAt(analysis, offset);
        if (used?.variable) return { range: rangeOf(model, used.span), contents: markdown([variableHover(analysis, used.variable)]) };
        const image = imageMentionAt(analysis, offset);
        return image === null ? null : { range: rangeOf(model, image.span), contents: markdown(imageHover(image)) };
      }
      const lines = [stageSummary(analysis, mention.stage, code)];
      if (mention.kind === 'name') lines.push(usesOf(analysis, mention.stage));
      return { range: rangeOf(model, mention.span), contents: markdown(lines) };
    },
  });

  monaco.languages.registerDocumentSymbolProvider(language, {
    displayName: 'Stages',
    provideDocumentSymbols(model) {
      const analysis = analysisOf(model);
      return analysis.stages.map((stage, i) => {
        const detail = analysis.stageDetails[i];
        return {
          name: stage.name ?? `stage ${i}`,
          detail: `FROM ${stage.base}`,
          kind: monaco.languages.SymbolKind.Class,
          tags: [],
          range: rangeOf(model, detail.span),
          selectionRange: rangeOf(model, stageDeclaration(analysis, i)),
        };
      });
    },
  });

  monaco.languages.registerFoldingRangeProvider(language, {
    provideFoldingRanges(model) {
      return foldingRanges(analysisOf(model)).map((fold) => ({
        start: fold.start,
        end: fold.end,
        kind: fold.kind === 'stage' ? monaco.languages.FoldingRangeKind.Region : undefined,
      }));
    },
  });

  monaco.languages.registerCompletionItemProvider(language, {
    triggerCharacters: ['=', ' ', '$', '{'],
    provideCompletionItems(model, position) {
      // Asked on typing: the line alone says whether a stage or a variable fits here, before any analysis.
      const prefix = model.getLineContent(position.lineNumber).slice(0, position.column - 1);
      const wantsStage = stageSlotBefore(prefix) !== null;
      if (!wantsStage && variableSlotBefore(prefix) === null) return { suggestions: [] };
      const analysis = analysisOf(model);
      const offset = model.getOffsetAt(position);
      return { suggestions: wantsStage ? stageSuggestions(model, analysis, offset) : variableSuggestions(model, analysis, offset) };
    },
  });
}

function stageSuggestions(model: Model, analysis: Analysis, offset: number): monaco.languages.CompletionItem[] {
  const found = stageCompletionsAt(analysis, offset);
  if (found === null) return [];
  const range = rangeOf(model, found.replace);
  return found.stages.map((stage) => ({
    label: analysis.stages[stage].name!,
    kind: monaco.languages.CompletionItemKind.Module,
    detail: stageSummary(analysis, stage, plain),
    insertText: analysis.stages[stage].name!,
    // Nearest first, not alphabetical: the stage just above is usually the one meant.
    sortText: String(analysis.stages.length - stage).padStart(6, '0'),
    range,
  }));
}

function variableSuggestions(model: Model, analysis: Analysis, offset: number): monaco.languages.CompletionItem[] {
  const found = variableCompletionsAt(analysis, offset);
  if (found === null) return [];
  const range = rangeOf(model, found.replace);
  const count = found.variables.length;
  return found.variables.map((variable, i) => ({
    label: variable.name,
    kind: monaco.languages.CompletionItemKind.Variable,
    detail: variable.value !== null ? `${variable.origin} = ${variable.value === '' ? '(empty)' : variable.value}` : `${variable.origin}, no default`,
    insertText: variable.name,
    // The file's own first, latest first; then the automatic ARGs in BuildKit's order.
    sortText: variable.origin === 'automatic ARG' ? `1${String(i).padStart(6, '0')}` : `0${String(count - i).padStart(6, '0')}`,
    range,
  }));
}
