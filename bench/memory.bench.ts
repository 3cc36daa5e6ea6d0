import { benchCompany } from './lib/company';
import { report } from './lib/measure';

/** Peak resident memory of a process holding a 10,000-user company and having listed it. */
async function main() {
  const baseline = process.resourceUsage().maxRSS / 1024;
  const company = await benchCompany(10_000);
  const sessionId = await company.masterSession();
  for (let i = 0; i < 5; i++) await company.core.api.users.list({ sessionId, sort: 'name-asc' });
  const peak = process.resourceUsage().maxRSS / 1024;
  await company.close();
  report([
    { section: 'Memory', figure: 'peak RSS of the benchmark process, 10,000 users loaded and listed', unit: 'MiB', median: peak, p95: peak },
    { section: 'Memory', figure: '  of which before the company was created (Node + modules)', unit: 'MiB', median: baseline, p95: baseline },
  ]);
}

void main();
