// What a check reports before the `# check=` configuration decides whether it
// is shown: which rule, where, the message, and any quick fixes.

import type { Instruction, QuickFix, Severity, Span } from '../types';
import { rules, type RuleName } from './rules';

export interface Finding {
  rule: RuleName;
  line: number;
  message: string;
  span: Span;
  /** The instruction the finding is about: its `# check=` comment applies. */
  instruction: Instruction | null;
  fixes: QuickFix[];
  /** Overrides the rule's default severity when one finding is worse than usual. */
  severity?: Severity;
}

type RuleArgs<N extends RuleName> = Parameters<(typeof rules)[N]['format']>;

/** Builds a finding whose message comes from the rule's own formatter. */
export function finding<N extends RuleName>(
  rule: N,
  at: { instruction: Instruction | null; line?: number; span?: Span },
  args: RuleArgs<N>,
  fixes: QuickFix[] = [],
  severity?: Severity,
): Finding {
  const format = rules[rule].format as (...a: RuleArgs<N>) => string;
  const instruction = at.instruction;
  const span = at.span ?? instruction?.span ?? { start: 0, end: 0 };
  const line = at.line ?? instruction?.startLine ?? 1;
  return { rule, line, message: format(...args), span, instruction, fixes, severity };
}
