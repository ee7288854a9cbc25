// The shapes every layer agrees on. The first block is the public contract of
// analyze() (../shared/DESIGN.md): outside tests compare these objects field by
// field, so they carry exactly these fields and nothing else. Everything richer
// (offsets, instructions, resolved images, fixes) lives in parallel arrays.

export interface Analysis {
  stages: Stage[];
  edges: StageEdge[];
  diagnostics: Diagnostic[];
  /** Parallel to `stages`: what the canvas and the edits module need. */
  stageDetails: StageDetail[];
  /** Parallel to `edges`. */
  edgeDetails: EdgeDetail[];
  /** Parallel to `diagnostics`. */
  diagnosticDetails: DiagnosticDetail[];
  /** The lossless syntax tree the analysis was computed from. */
  file: DockerfileSyntax;
  /** Global ARGs (before the first FROM) plus BuildKit's automatic platform ARGs, expanded. */
  globalArgs: ReadonlyMap<string, string>;
}

export interface Stage {
  index: number;
  name: string | null;
  base: string;
  platform: string | null;
  line: number;
}

export interface StageEdge {
  from: number | string;
  to: number;
  kind: EdgeKind;
  line: number;
}

export type EdgeKind = 'from' | 'copy' | 'mount';
export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  line: number;
  severity: Severity;
  code: string;
  message: string;
}

// ---------------------------------------------------------------------------
// Source positions. Offsets are UTF-16 indexes into the analysed string (the
// same units as JavaScript strings and Monaco), end exclusive.

export interface Span {
  start: number;
  end: number;
}

// ---------------------------------------------------------------------------
// The syntax tree (src/model/syntax). Lossless: `nodes` covers the whole text
// in order without gaps or overlaps, so concatenating text.slice(span) of every
// node gives back the input byte for byte.

export interface DockerfileSyntax {
  text: string;
  /** A leading U+FEFF, if present (kept in nodes[0]'s span range as trivia). */
  hasBom: boolean;
  /** The escape character in force: '\\' or '`'. */
  escape: string;
  directives: Directive[];
  instructions: Instruction[];
  /** Every piece of the file in order: directives, comments, blank lines, instructions. */
  nodes: SyntaxNode[];
  /** 0-based indexes of the comment lines between instructions (the lines of the 'comment' nodes), in order. */
  commentLines: readonly number[];
  /** Problems found while reading lines and splitting instructions. */
  diagnostics: SyntaxDiagnostic[];
  /** Offset of the first character of each line (line n, 1-based, starts at lineStarts[n-1]). */
  lineStarts: Int32Array;
}

export type SyntaxNode =
  | { kind: 'directive'; span: Span; directive: Directive }
  | { kind: 'comment'; span: Span }
  | { kind: 'blank'; span: Span }
  | { kind: 'instruction'; span: Span; instruction: Instruction };

export interface Directive {
  /** Lower-cased key: syntax, escape or check. */
  name: string;
  value: string;
  line: number;
  span: Span;
  valueSpan: Span;
}

export interface Flag {
  /** The flag as BuildKit dumps it: quotes and escapes removed, e.g. "--from=build". */
  text: string;
  /** The part between "--" and "=" (as written), e.g. "from". */
  name: string;
  /** The part after "=", unquoted; null for a bare flag like "--link". */
  value: string | null;
  /** The whole flag word in the source. */
  span: Span;
  /** The value's characters in the source (after "="), or null. */
  valueSpan: Span | null;
}

export interface Arg {
  /** The argument node's value exactly as BuildKit's dump has it. */
  value: string;
  /**
   * Where the argument sits in the source. For a word that crosses a line
   * continuation the span runs from its first to its last character. Null for
   * values that have no single source word (ENV/LABEL separators, legacy values).
   */
  span: Span | null;
}

export interface Heredoc {
  name: string;
  /** The body exactly as BuildKit keeps it (tabs not yet stripped for <<-). */
  content: string;
  expand: boolean;
  chomp: boolean;
  /** Body plus closing delimiter line. */
  span: Span;
}

export interface Instruction {
  /** The keyword as written, e.g. "FROM" or "from". */
  keyword: string;
  /** Lower-cased keyword. */
  cmd: string;
  flags: Flag[];
  args: Arg[];
  /** Exec (JSON) form was recognised. */
  json: boolean;
  heredocs: Heredoc[];
  /** For ONBUILD: the wrapped instruction. */
  inner: Instruction | null;
  /** The joined logical line (continuations removed, comment lines dropped), as BuildKit sees it. */
  original: string;
  startLine: number;
  endLine: number;
  /** From the keyword to the end of the last line (heredocs included), newline excluded. */
  span: Span;
  keywordSpan: Span;
}

export interface SyntaxDiagnostic extends Diagnostic {
  span: Span;
}

// ---------------------------------------------------------------------------
// Details the canvas, the editor and the edits module use.

export interface StageDetail {
  index: number;
  /** Identity that survives edits elsewhere: lower-cased name, else "#<index>". */
  key: string;
  /** FROM image after global ARG expansion (equal to `base` when nothing to expand). */
  resolvedBase: string;
  /** Index of the earlier stage this stage is built FROM, or null. */
  baseStage: number | null;
  fromInstruction: Instruction;
  /** Instructions after FROM up to the next FROM (ONBUILD included). */
  instructions: Instruction[];
  /** From the FROM keyword to the end of the stage's last instruction. */
  span: Span;
  endLine: number;
  baseSpan: Span;
  nameSpan: Span | null;
  /** The "AS" word, when present. */
  asSpan: Span | null;
  platformFlag: Flag | null;
}

export interface EdgeDetail {
  /** The instruction that creates the edge. */
  instruction: Instruction;
  /** The --from / from= value (or the FROM image) in the source. */
  valueSpan: Span;
  /** For copy edges: the sources and destination, e.g. ["/out/app", "/usr/bin/"]. */
  paths: string[];
}

export interface DiagnosticDetail {
  span: Span;
  fixes: QuickFix[];
}

export interface TextEdit {
  /** Replace text.slice(start, end) with `text`. Offsets refer to the text the edit was computed on. */
  start: number;
  end: number;
  text: string;
}

export interface QuickFix {
  title: string;
  edits: TextEdit[];
}
