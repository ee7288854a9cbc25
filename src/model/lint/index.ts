// The lint pass analyze() runs last: BuildKit's text-decidable build checks and
// Stagewright's multi-stage checks, filtered by the `# check=` configuration
// (which also applies to the BuildKit rules analyze() reports itself), plus the
// build failure `error=true` turns reported warnings into.

import type { Analysis, Diagnostic, DiagnosticDetail, Instruction } from '../types';
import { lineBreakEnd } from '../syntax/lines';
import { instructionAtLine } from '../syntax/locate';
import { buildkitChecks } from './buildkitChecks';
import {
  checkCommentValue,
  defaultCheckConfig,
  mergeCheckConfig,
  parseCheckConfig,
  ruleEnabled,
  type CheckConfig,
} from './checkConfig';
import { commentsAbove } from './comments';
import type { Finding } from './finding';
import { ruleByName, rules } from './rules';
import { stageChecks } from './stageChecks';

export { rules, ruleByName, buildkitRuleNames, type RuleDefinition, type RuleName } from './rules';
export type { Finding } from './finding';

// BuildKit's BUILDKIT_DOCKERFILE_CHECK build argument would replace this
// directive; analyze() has no build arguments, so the file's setting rules.
function fileConfig(analysis: Analysis): { config: CheckConfig; problem: string | null } {
  const directive = analysis.file.directives.find((d) => d.name === 'check');
  if (directive === undefined) return { config: defaultCheckConfig, problem: null };
  return parseCheckConfig(directive.value);
}

/**
 * Whether any comment line (the top-of-file directive aside) mentions
 * `check=`, and whether such a comment also says `experimental`. Most files
 * have none, and then no instruction needs its comments read. Only comment
 * lines are searched: a case-insensitive search of the whole text cost more
 * than the lookups it saved.
 */
function checkComments(file: Analysis['file']): { any: boolean; experimental: boolean } {
  let any = false;
  const { text, lineStarts, commentLines } = file;
  for (let k = 0; k < commentLines.length; k++) {
    const line = commentLines[k];
    const comment = text.slice(lineStarts[line], lineBreakEnd(text, lineStarts, line));
    // Most comments hold no "=" at all; only those need the pattern.
    if (comment.indexOf('=') === -1) continue;
    const at = comment.search(/check\s*=/i);
    if (at < 0) continue;
    any = true;
    if (/experimental/i.test(comment.slice(at))) return { any, experimental: true };
  }
  return { any, experimental: false };
}

/** The configuration in force for one instruction: the file's, tuned by `# check=` comments right above it. */
function configFor(analysis: Analysis, base: CheckConfig, instruction: Instruction | null, cache: Map<Instruction, CheckConfig> | null): CheckConfig {
  if (!instruction || cache === null) return base;
  const cached = cache.get(instruction);
  if (cached) return cached;
  let config = base;
  for (const comment of commentsAbove(analysis.file, instruction)) {
    const value = checkCommentValue(comment);
    if (value === null) continue;
    const local = parseCheckConfig(value);
    if (local.problem === null) config = mergeCheckConfig(config, local);
  }
  cache.set(instruction, config);
  return config;
}

/**
 * Appends the lint findings to `analysis.diagnostics` (and the parallel
 * `diagnosticDetails`), and drops the BuildKit-rule diagnostics analyze()
 * produced that the `# check=` configuration skips.
 *
 * Call it once, on an analysis made without checks (analyzeSyntax(file,
 * { checks: false })); analyze() already runs it. It does not remember which
 * analyses it has seen: a WeakSet of them made every young-generation GC copy
 * the whole analysis (about half of analyze()'s time on a large file).
 */
export function runChecks(analysis: Analysis): void {
  const { config: base, problem } = fileConfig(analysis);
  const comments = checkComments(analysis.file);
  // Null when no comment can tune the configuration: every instruction gets the file's.
  const cache = comments.any ? new Map<Instruction, CheckConfig>() : null;
  const reported = new Set<string>();

  // Diagnostics analyze() already made under BuildKit rule names obey the directive too.
  const keptDiagnostics: Diagnostic[] = [];
  const keptDetails: DiagnosticDetail[] = [];
  analysis.diagnostics.forEach((diagnostic, index) => {
    const rule = ruleByName(diagnostic.code);
    if (rule && rule.origin === 'buildkit') {
      const config = cache === null ? base : configFor(analysis, base, instructionAtLine(analysis.file, diagnostic.line), cache);
      if (!ruleEnabled(config, rule.name, rule.experimental)) return;
      if (config.error) reported.add(rule.name);
      // The registry is the one declaration of a rule: its level (a BuildKit check
      // warns, it never fails the build by itself), and for a rule without
      // details its single wording.
      diagnostic = { ...diagnostic, severity: rule.severity };
      if (rule.format.length === 0) diagnostic = { ...diagnostic, message: rule.format() };
    }
    keptDiagnostics.push(diagnostic);
    keptDetails.push(analysis.diagnosticDetails[index] ?? { span: { start: 0, end: 0 }, fixes: [] });
  });
  analysis.diagnostics.splice(0, analysis.diagnostics.length, ...keptDiagnostics);
  analysis.diagnosticDetails.splice(0, analysis.diagnosticDetails.length, ...keptDetails);

  if (problem !== null) {
    const directive = analysis.file.directives.find((d) => d.name === 'check');
    analysis.diagnostics.push({ line: directive?.line ?? 1, severity: 'error', code: 'InvalidCheckDirective', message: rules.InvalidCheckDirective.format(problem) });
    analysis.diagnosticDetails.push({ span: directive?.span ?? { start: 0, end: 0 }, fixes: [] });
  }

  if (analysis.stages.length === 0) return;
  // The only experimental rule costs a comment lookup per ARG and FROM: skip it unless
  // the file's setting, or some `# check=` comment, may enable it.
  const experimental = base.experimentalAll || base.experimental.size > 0 || comments.experimental;
  const findings: Finding[] = [...buildkitChecks(analysis, experimental), ...stageChecks(analysis)];
  findings.sort((a, b) => a.line - b.line || a.span.start - b.span.start);
  for (const item of findings) {
    const rule = rules[item.rule];
    const config = configFor(analysis, base, item.instruction, cache);
    if (!ruleEnabled(config, rule.name, rule.experimental)) continue;
    if (config.error && rule.origin === 'buildkit') reported.add(rule.name);
    analysis.diagnostics.push({ line: item.line, severity: item.severity ?? rule.severity, code: rule.name, message: item.message });
    analysis.diagnosticDetails.push({ span: item.span, fixes: item.fixes });
  }

  if (reported.size > 0) {
    const directive = analysis.file.directives.find((d) => d.name === 'check');
    analysis.diagnostics.push({
      line: directive?.line ?? 1,
      severity: 'error',
      code: 'LintViolation',
      message: rules.LintViolation.format([...reported].sort().join(', ')),
    });
    analysis.diagnosticDetails.push({ span: directive?.span ?? { start: 0, end: 0 }, fixes: [] });
  }
}
