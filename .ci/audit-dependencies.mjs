// Dependency audit for CI (issue #6): fails the run when a package the server or the web ships with
// has a known high or critical vulnerability. When the advisory service cannot be reached (some
// registry mirrors refuse the bulk endpoint), it says so loudly instead of pretending to have checked;
// KJJ_REQUIRE_AUDIT=1 makes that a failure too.
import { execFileSync } from 'node:child_process';

let raw;
try {
  raw = execFileSync('npm', ['audit', '--omit=dev', '--json'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
} catch (error) {
  raw = error.stdout ?? '';
}
let report;
try {
  report = JSON.parse(raw);
} catch {
  report = { message: 'npm audit printed no JSON' };
}
const counts = report.metadata?.vulnerabilities;
if (!counts) {
  console.warn(
    `\n*** dependency audit: the advisory service did not answer (${report.message ?? 'unknown error'}) ***\n`,
  );
  process.exit(process.env.KJJ_REQUIRE_AUDIT === '1' ? 1 : 0);
}
const serious = (counts.high ?? 0) + (counts.critical ?? 0);
const named = Object.values(report.vulnerabilities ?? {})
  .filter((v) => v.severity === 'high' || v.severity === 'critical')
  .map((v) => `${v.name} (${v.severity})`);
console.log(`dependency audit: ${JSON.stringify(counts)}`);
if (serious > 0) {
  console.error(`dependency audit: ${serious} high or critical: ${named.join(', ')}`);
  process.exit(1);
}
