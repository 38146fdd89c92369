// Prints vitest's totals from its JSON report as the plain line "N passed, N failed".
// Each further argument names a gate outside vitest that failed (the mutation score):
// it counts as one more failure, so the line tells the truth about the whole run.
import { readFileSync } from 'node:fs';

const [file, ...failedGates] = process.argv.slice(2);
try {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  for (const gate of failedGates) console.error(`failed gate: ${gate}`);
  const failed = report.numFailedTests + failedGates.length;
  console.log(`${report.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
} catch (error) {
  console.log(`0 passed, 1 failed`);
  console.error(`could not read the test report ${file}: ${error.message}`);
  process.exitCode = 1;
}
