/**
 * Print-centre benchmarks on the large enterprise seeded by run.ts (its data
 * folder is the argument). Runs in its own process: the peak memory it reports
 * is the printing's alone. Prints the measurements as JSON.
 */
import { join, resolve } from 'node:path';
import { AppRuntime } from '../../main/bootstrap.ts';
import { loadMigrationsFromDisk } from '../../main/db/migrations/fromDisk.ts';
import { generateAgreements, listAgreements } from '../../main/modules/agreements/service.ts';
import { renderDocument } from '../../main/modules/print/service.ts';
import { measure, type Measurement } from './harness.ts';

const dataDir = process.argv[2]!;
const ROOT = resolve(import.meta.dirname, '..', '..');
const noTarget = { recordId: null, unitId: null, level: null, onlyUnsigned: false };

const rt = await AppRuntime.open({ dataDir, resourcesDir: join(ROOT, 'resources'), migrations: loadMigrationsFromDisk(), appVersion: 'bench', channel: 'CLI' });
const app = rt.app();
const results: Measurement[] = [];

results.push(
  await measure('responsibility board, A0 landscape (load + layout + PDF)', () => renderDocument(app, { type: 'responsibilityBoard', paper: { size: 'A0', orientation: 'landscape' }, ...noTarget }), { runs: 7, warmup: 1, budgetMs: 1500 }),
);

generateAgreements(app, 2026, ['COMPANY_UNIT', 'UNIT_TEAM', 'TEAM_WORKER']);
// Two workshops with their teams: about 500 agreements.
const workshops = (app.db.prepare(`SELECT id FROM unit WHERE kind = 'WORKSHOP' ORDER BY sortOrder LIMIT 2`).all() as { id: string }[]).map((r) => r.id);
const count = workshops.reduce((n, unitId) => n + listAgreements(app, { year: 2026, unitId, search: null, page: 1, pageSize: 1 }).total, 0);
let pages = 0;
// One PDF: the print centre's batch of a department-wide selection, rendered as one document.
const sub = app.db.prepare(`SELECT id FROM unit WHERE kind = 'WORKSHOP' ORDER BY sortOrder LIMIT 1`).get() as { id: string };
app.db.prepare('UPDATE unit SET parentId = ? WHERE id = ?').run(sub.id, workshops[1]!);
results.push(
  await measure(
    `${count} target agreements in one PDF`,
    async () => {
      const r = await renderDocument(app, { type: 'targetAgreements', ...noTarget, recordId: '2026', unitId: sub.id });
      pages = r.pageCount;
    },
    { runs: 3, warmup: 0, budgetMs: 20_000 },
  ),
);
// 两单两卡 pocket cards for every post: the bench enterprise's 800 posts are all made front-line here.
app.db.prepare(`UPDATE post SET category = 'FRONTLINE'`).run();
let cardPages = 0;
let cardWarnings = 0;
results.push(
  await measure(
    'pocket cards (两单两卡) for all 800 posts, one PDF',
    async () => {
      const r = await renderDocument(app, { type: 'postCards', ...noTarget });
      cardPages = r.pageCount;
      cardWarnings = r.warnings.length;
    },
    { runs: 2, warmup: 0, budgetMs: 30_000 },
  ),
);
results[results.length - 1]!.note = `${cardPages} pages; ${cardWarnings} posts with long content laid out on A6`;
const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
results.push({ name: 'peak memory of the print process (max RSS)', medianMs: maxRssMb, p95Ms: maxRssMb, runs: 1, budgetMs: 500, ok: maxRssMb <= 500, unit: 'MB', note: `after the agreements PDF (${pages} pages) and the pocket cards (${cardPages} pages)` });
rt.close();
process.stdout.write(JSON.stringify(results));
