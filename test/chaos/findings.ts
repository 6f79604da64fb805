import { appendFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Where the cases of one `npm run chaos` write what they measured, a JSON line each. */
export const FINDINGS_FILE = fileURLToPath(new URL('../../.chaos/findings.jsonl', import.meta.url));

/** What one chaos case measured, and whether everything it promises held. */
export interface Finding {
  case: string;
  held: boolean;
  figures: Record<string, unknown>;
}

/** Records a case's figures for the report printed at the end of the run. */
export function recordFinding(finding: Finding): void {
  mkdirSync(new URL('../../.chaos/', import.meta.url), { recursive: true });
  appendFileSync(FINDINGS_FILE, `${JSON.stringify(finding)}\n`);
}
