import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { PII_TYPES } from '../../src/governance/pii.js';

const evalCase = z
  .object({
    text: z.string().min(1),
    entities: z.array(z.object({ type: z.enum(PII_TYPES), value: z.string().min(1) })),
  })
  .refine((entry) => entry.entities.every((entity) => entry.text.includes(entity.value)), {
    message: 'every entity value must occur in the text',
  });

/** One labelled case: a text and every entity in it (none for a pure look-alike). */
export type EvalCase = z.infer<typeof evalCase>;

/** Where the committed cases live. */
export const CASES_URL = new URL('./cases.jsonl', import.meta.url);

/**
 * The labelled cases, one JSON object per line.
 * @throws {Error} naming the line of the first malformed case.
 */
export function loadCases(url: URL = CASES_URL): EvalCase[] {
  const lines = readFileSync(url, 'utf8').split('\n');
  return lines.flatMap((line, index) => {
    if (line.trim() === '') return [];
    const parsed = evalCase.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`cases.jsonl line ${index + 1}: ${parsed.error.message}`);
    return [parsed.data];
  });
}
