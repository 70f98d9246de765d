import type { FieldError } from '../errors/domain-errors';

/** JSON nested deeper than this is refused: no client needs it, and deep structures exhaust the stack. */
export const MAX_JSON_DEPTH = 32;

// C0 controls and DEL, except tab, line feed and carriage return (free text carries them); a lone surrogate.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const LINE_BREAK_OR_TAB = /[\t\n\r]/;
/** Free text, where tabs and line breaks belong; every other text is one line. */
// `csv`: the text of a text/csv body (csv-body.ts), lines and all.
const FREE_TEXT_FIELDS = new Set(['note', 'summary', 'justification', 'under3Justification', 'whyNotSuitable', 'description', 'reason', 'previousEndReason', 'csv']);

/** Why a text is not well-formed, or null: a NUL or another control character, or a lone surrogate. */
export function textProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain a NUL character';
  if (CONTROL.test(text)) return 'must not contain control characters';
  if (LONE_SURROGATE.test(text)) return 'must be well-formed Unicode (it contains a lone surrogate)';
  return null;
}

/**
 * Every problem of shape a value has before it is validated field by field: nesting deeper than
 * MAX_JSON_DEPTH, keys that name an object's prototype, and text that is not well-formed. Walks
 * with its own stack, so depth cannot exhaust the call stack.
 */
export function inputProblems(value: unknown, root: string): FieldError[] {
  const problems: FieldError[] = [];
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: root, depth: 0 }];
  while (stack.length > 0 && problems.length < 20) {
    const { value: current, path, depth } = stack.pop()!;
    if (typeof current === 'string') {
      const field = path.split('.').pop()?.replace(/\[\d+\]$/, '') ?? '';
      const problem = textProblem(current) ?? (!FREE_TEXT_FIELDS.has(field) && LINE_BREAK_OR_TAB.test(current) ? 'must be one line, without tabs' : null);
      if (problem) problems.push({ field: path, messages: [`${path} ${problem}`] });
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= MAX_JSON_DEPTH) {
      problems.push({ field: path, messages: [`${path} is nested deeper than ${MAX_JSON_DEPTH} levels`] });
      continue;
    }
    const entries = Array.isArray(current) ? current.map((v, i) => [String(i), v] as const) : Object.entries(current);
    for (const [key, child] of entries) {
      const childPath = path ? (Array.isArray(current) ? `${path}[${key}]` : `${path}.${key}`) : key;
      if (!Array.isArray(current) && RESERVED_KEYS.has(key)) {
        problems.push({ field: childPath, messages: [`property ${key} should not exist`] });
        continue;
      }
      const keyProblem = Array.isArray(current) ? null : textProblem(key);
      if (keyProblem) {
        problems.push({ field: path || 'body', messages: [`a property name ${keyProblem}`] });
        continue;
      }
      stack.push({ value: child, path: childPath, depth: depth + 1 });
    }
  }
  return problems;
}
