import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { FINDINGS_FILE, type Finding } from './findings.js';

const REPORT_FILE = FINDINGS_FILE.replace(/findings\.jsonl$/, 'report.json');

/** Starts the run with no findings; at its end prints each case's figures and writes them as JSON. */
export default function setup(): () => void {
  rmSync(FINDINGS_FILE, { force: true });
  return () => {
    const findings: Finding[] = existsSync(FINDINGS_FILE)
      ? readFileSync(FINDINGS_FILE, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as Finding)
      : [];
    writeFileSync(REPORT_FILE, `${JSON.stringify({ at: new Date(), findings }, null, 2)}\n`);
    console.log('\nChaos report (also in .chaos/report.json)');
    for (const finding of findings) {
      console.log(`\n${finding.held ? 'HELD' : 'LOST'}  ${finding.case}`);
      for (const [name, value] of Object.entries(finding.figures)) {
        console.log(`  ${name}: ${typeof value === 'string' ? value : JSON.stringify(value)}`);
      }
    }
  };
}
