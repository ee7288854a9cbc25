// The Dockerfile syntax layer: a lossless, BuildKit-faithful tree with source
// offsets on every token, and BuildKit's AST dump of it.
export { parseDockerfile } from './parse';
export { dump, dumpInstruction } from './dump';
export { goQuote } from './quote';
export { computeLineStarts, lineAt, lineEndAt, offsetAt, positionAt } from './lines';
export { ARGUMENT_SHAPES, KEYWORDS, isKnownKeyword } from './instruction';
export { instructionAtLine, nodeAt } from './locate';
