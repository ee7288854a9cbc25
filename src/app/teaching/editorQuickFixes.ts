// Quick fixes in the editor: Monaco's light bulb offers the fixes the checks
// attached to a diagnostic under the cursor. Applying one is a normal editor
// edit (one undo step), which the store picks up like typing.
import { appStore } from '../../store/index.ts';
import type { QuickFix } from '../../model/types.ts';
import type { monaco as Monaco } from '../../editor/monaco.ts';
import { editorMayLoad } from '../editorStart.ts';

let installed = false;

/**
 * Registers the provider once. Importing Monaco here straight away made it
 * load and compile before the canvas had drawn, so this waits like the editor.
 */
export function installEditorQuickFixes(): void {
  if (installed) return;
  installed = true;
  void editorMayLoad.then(() => import('../../editor/monaco.ts')).then(({ monaco }) => {
    monaco.languages.registerCodeActionProvider(
      'dockerfile',
      {
        provideCodeActions(model, range) {
          appStore().getState().flush();
          const state = appStore().getState();
          const none = { actions: [], dispose() {} };
          // Offsets in the analysis are only valid for the text it was made from.
          if (model.getValue() !== state.analysis.file.text) return none;
          const from = model.getOffsetAt(range.getStartPosition());
          const to = model.getOffsetAt(range.getEndPosition());
          const actions: Monaco.languages.CodeAction[] = [];
          state.analysis.diagnostics.forEach((diagnostic, i) => {
            const { span, fixes } = state.analysis.diagnosticDetails[i] ?? { span: { start: 0, end: 0 }, fixes: [] as QuickFix[] };
            if (fixes.length === 0) return;
            const touches = span.end > span.start
              ? span.start <= to && from <= span.end
              : range.startLineNumber <= diagnostic.line && diagnostic.line <= range.endLineNumber;
            if (!touches) return;
            fixes.forEach((fix, n) => {
              actions.push({
                title: fix.title,
                kind: 'quickfix',
                isPreferred: n === 0,
                edit: {
                  edits: fix.edits.map((edit) => ({
                    resource: model.uri,
                    versionId: model.getVersionId(),
                    textEdit: {
                      range: monaco.Range.fromPositions(model.getPositionAt(edit.start), model.getPositionAt(edit.end)),
                      text: edit.text,
                    },
                  })),
                },
              });
            });
          });
          return { actions, dispose() {} };
        },
      },
      { providedCodeActionKinds: ['quickfix'] },
    );
  });
}
