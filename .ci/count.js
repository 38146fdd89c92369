// Prints vitest's totals from its JSON report as the plain line "N passed, N failed".
import { readFileSync } from 'node:fs';

const file = process.argv[2];
try {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  console.log(`${report.numPassedTests} passed, ${report.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`);
} catch (error) {
  console.log(`0 passed, 1 failed`);
  console.error(`could not read the test report ${file}: ${error.message}`);
  process.exitCode = 1;
}
