// The model's public face: analyze() and the shapes it returns (the contract
// in ../shared/DESIGN.md), the expansion it uses, and the edit gestures.

export { analyze, analyzeSyntax, type AnalyzeOptions } from './analyze.ts';
export { expandWord, type ExpandResult } from './expand.ts';
export {
  addStage,
  applyChange,
  applyEdits,
  changeBase,
  changePlatform,
  connectStages,
  deleteStage,
  moveStage,
  removeConnection,
  renameStage,
  stageNameProblem,
  type DeleteResult,
  type EditResult,
  type StageChange,
  type StageReference,
} from './edits.ts';
export type * from './types.ts';
