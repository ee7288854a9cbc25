// The one module that owns Monaco: workers, the Dockerfile language, themes,
// the editor instance and its model. Everything else talks to the editor
// through the small facade at the bottom (see ./bridge.ts for how the store
// reaches it).
//
// Monaco 0.57 ships its ESM build under monaco-editor/esm/vs, exposed through
// the package's "./*" export; the old `monaco-editor/esm/vs/...` deep paths no
// longer resolve. We import the editor API, the editing features a Dockerfile
// needs (not register.all: inline completions, sticky scroll, unicode
// highlighting and the like cost time on every keystroke and weigh megabytes),
// and only the Dockerfile language. Definition, references, rename, outline
// and completion serve the stage and variable symbols of ./symbols.ts.
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/codeEditor/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/caretOperations/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/codeAction/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/cursorUndo/register';
import 'monaco-editor/features/documentSymbols/register';
import 'monaco-editor/features/dnd/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/gotoLine/register';
import 'monaco-editor/features/gotoSymbol/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/indentation/register';
import 'monaco-editor/features/lineSelection/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/multicursor/register';
import 'monaco-editor/features/quickOutline/register';
import 'monaco-editor/features/readOnlyMessage/register';
import 'monaco-editor/features/referenceSearch/register';
import 'monaco-editor/features/rename/register';
import 'monaco-editor/features/smartSelect/register';
import 'monaco-editor/features/tokenization/register';
// The completion widget itself (features/suggest only adds inline completions on top of it).
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/features/wordHighlighter/register';
import 'monaco-editor/features/wordOperations/register';
import 'monaco-editor/languages/definitions/dockerfile/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';

export { monaco };

declare global {
  interface Window {
    MonacoEnvironment?: monaco.Environment;
  }
}

// Only the base editor worker is ever needed: Dockerfile has no language service.
self.MonacoEnvironment = {
  getWorker: () => new EditorWorker(),
};

export const LIGHT_THEME = 'stagewright-light';
export const DARK_THEME = 'stagewright-dark';

let themesDefined = false;
function defineThemes(): void {
  if (themesDefined) return;
  themesDefined = true;
  monaco.editor.defineTheme(LIGHT_THEME, {
    base: 'vs',
    inherit: true,
    rules: [
      { token: 'keyword', foreground: '1d4ed8', fontStyle: 'bold' },
      { token: 'variable', foreground: '9333ea' },
      { token: 'comment', foreground: '6b7280', fontStyle: 'italic' },
      { token: 'string', foreground: '047857' },
    ],
    colors: {
      'editor.background': '#ffffff',
      'editorLineNumber.foreground': '#9ca3af',
      'editor.lineHighlightBackground': '#f3f4f6',
    },
  });
  monaco.editor.defineTheme(DARK_THEME, {
    base: 'vs-dark',
    inherit: true,
    rules: [
      { token: 'keyword', foreground: '7aa2ff', fontStyle: 'bold' },
      { token: 'variable', foreground: 'd8a4ff' },
      { token: 'comment', foreground: '8b93a1', fontStyle: 'italic' },
      { token: 'string', foreground: '6ee7b7' },
    ],
    colors: {
      'editor.background': '#16181d',
      'editorLineNumber.foreground': '#5b6270',
      'editor.lineHighlightBackground': '#1f232b',
    },
  });
}

const darkQuery = typeof window !== 'undefined' && window.matchMedia
  ? window.matchMedia('(prefers-color-scheme: dark)')
  : null;

export function systemTheme(): string {
  return darkQuery?.matches ? DARK_THEME : LIGHT_THEME;
}

/** Follows the system colour scheme for as long as the page lives. */
function followSystemTheme(): () => void {
  if (!darkQuery) return () => {};
  const onChange = () => monaco.editor.setTheme(systemTheme());
  darkQuery.addEventListener('change', onChange);
  return () => darkQuery.removeEventListener('change', onChange);
}

/**
 * Monaco keeps hidden live regions with role="alert" for screen-reader
 * announcements. role="alert" is how the app marks its own messages to the
 * user, so Monaco's regions become role="log": still announced, politely.
 */
function quietAriaAlerts(): void {
  document.querySelectorAll('.monaco-alert[role="alert"]').forEach((el) => el.setAttribute('role', 'log'));
}

export function createDockerfileEditor(
  container: HTMLElement,
  initialText: string,
): { editor: monaco.editor.IStandaloneCodeEditor; dispose: () => void } {
  defineThemes();
  const model = monaco.editor.createModel(initialText, 'dockerfile');
  const editor = monaco.editor.create(container, {
    model,
    theme: systemTheme(),
    automaticLayout: true,
    minimap: { enabled: false },
    fontSize: 13,
    lineHeight: 20,
    fontFamily: 'ui-monospace, "SF Mono", "Cascadia Mono", "DejaVu Sans Mono", Menlo, Consolas, monospace',
    scrollBeyondLastLine: false,
    renderLineHighlight: 'line',
    tabSize: 4,
    insertSpaces: true,
    wordWrap: 'off',
    glyphMargin: false,
    folding: true,
    fixedOverflowWidgets: true,
    padding: { top: 8, bottom: 8 },
    'semanticHighlighting.enabled': false,
    // Completion offers stage names and variables where one is expected
    // (./symbols.ts), not every word of the file everywhere.
    wordBasedSuggestions: 'off',
    ariaLabel: 'Dockerfile',
    // Monaco's translate3d layer hint makes its lines a composited layer as tall
    // as the whole file (200,000 px for 10,000 lines); with software raster
    // every keystroke then costs hundreds of milliseconds of raster and commit.
    disableLayerHinting: true,
  });
  quietAriaAlerts();
  const stopFollowing = followSystemTheme();
  return {
    editor,
    dispose: () => {
      stopFollowing();
      editor.dispose();
      model.dispose();
    },
  };
}
