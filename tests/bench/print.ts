/**
 * Print-centre benchmarks on the large enterprise seeded by run.ts. One
 * workload per process (`boards`, `agreements`, `cards`, `hazards` or `standards`), so the peak memory
 * it reports is that workload's alone. Prints the measurements as JSON.
 */
import { join, resolve } from 'node:path';
import { AppRuntime } from '../../main/bootstrap.ts';
import { loadMigrationsFromDisk } from '../../main/db/migrations/fromDisk.ts';
import { generateAgreements, listAgreements } from '../../main/modules/agreements/service.ts';
import { renderDocument } from '../../main/modules/print/service.ts';
import { measure, type Measurement } from './harness.ts';

const [dataDir, workload, planId, stdSessionId] = process.argv.slice(2) as [string, 'boards' | 'agreements' | 'cards' | 'hazards' | 'standards', string, string];
const ROOT = resolve(import.meta.dirname, '..', '..');
const noTarget = { recordId: null, unitId: null, level: null, onlyUnsigned: false };

const rt = await AppRuntime.open({ dataDir, resourcesDir: join(ROOT, 'resources'), migrations: loadMigrationsFromDisk(), appVersion: 'bench', channel: 'CLI' });
const app = rt.app();
const results: Measurement[] = [];
let note = '';

if (workload === 'boards') {
  results.push(
    await measure('responsibility board, A0 landscape (load + layout + PDF)', () => renderDocument(app, { type: 'responsibilityBoard', paper: { size: 'A0', orientation: 'landscape' }, ...noTarget }), { runs: 7, warmup: 1, budgetMs: 1500 }),
  );
  results.push(
    await measure('安全风险公告栏, A1 landscape (3,000 points, map with 300 areas)', () => renderDocument(app, { type: 'riskNoticeBoard', paper: { size: 'A1', orientation: 'landscape' }, ...noTarget, recordId: planId }), { runs: 5, warmup: 1, budgetMs: 2000 }),
  );
  results.push(
    await measure('四色分布图, A1 landscape (300 areas)', () => renderDocument(app, { type: 'riskMap', paper: { size: 'A1', orientation: 'landscape' }, ...noTarget, recordId: planId }), { runs: 5, warmup: 1, budgetMs: 2000 }),
  );
  note = 'boards and maps';
}

if (workload === 'agreements') {
  generateAgreements(app, 2026, ['COMPANY_UNIT', 'UNIT_TEAM', 'TEAM_WORKER']);
  // Two workshops with their teams: about 500 agreements, as one department-wide selection.
  const workshops = (app.db.prepare(`SELECT id FROM unit WHERE kind = 'WORKSHOP' ORDER BY sortOrder LIMIT 2`).all() as { id: string }[]).map((r) => r.id);
  const count = workshops.reduce((n, unitId) => n + listAgreements(app, { year: 2026, unitId, search: null, page: 1, pageSize: 1 }).total, 0);
  let pages = 0;
  app.db.prepare('UPDATE unit SET parentId = ? WHERE id = ?').run(workshops[0]!, workshops[1]!);
  results.push(
    await measure(
      `${count} target agreements in one PDF`,
      async () => {
        const r = await renderDocument(app, { type: 'targetAgreements', ...noTarget, recordId: '2026', unitId: workshops[0]! });
        pages = r.pageCount;
      },
      { runs: 3, warmup: 0, budgetMs: 20_000 },
    ),
  );
  note = `the agreements PDF (${pages} pages)`;
}

if (workload === 'cards') {
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
  note = `the pocket cards (${cardPages} pages)`;
}

if (workload === 'hazards') {
  // 隐患排查治理台账 for the span holding the 5,000 most recent hazards of last year (the annual ledger).
  const year = Number(new Date().toISOString().slice(0, 4)) - 1;
  const to = `${year}-12-31`;
  const from = (app.db.prepare(`SELECT foundOn FROM hazard WHERE foundOn <= ? ORDER BY foundOn DESC LIMIT 1 OFFSET 4999`).get(to) as { foundOn: string }).foundOn;
  const rows = (app.db.prepare('SELECT count(*) AS n FROM hazard WHERE foundOn BETWEEN ? AND ?').get(from, to) as { n: number }).n;
  let pages = 0;
  results.push(
    await measure(
      `隐患排查治理台账 PDF, ${rows} rows (A3 landscape)`,
      async () => {
        const r = await renderDocument(app, { type: 'hazardLedger', paper: { size: 'A3', orientation: 'landscape' }, ...noTarget, from, to });
        pages = r.pageCount;
      },
      { runs: 2, warmup: 0, budgetMs: 20_000 },
    ),
  );
  results[results.length - 1]!.note = `${from} – ${to}, ${pages} pages`;
  note = `the hazard ledger (${pages} pages)`;
}

if (workload === 'standards') {
  // 安全生产标准化: the full 自评评分表 of a 1,000-item session, and its 自评报告.
  const items = (app.db.prepare('SELECT count(*) AS n FROM std_result WHERE sessionId = ?').get(stdSessionId) as { n: number }).n;
  let sheetPages = 0;
  results.push(
    await measure(
      `安全生产标准化自评评分表 PDF, ${items} items (A4 landscape)`,
      async () => {
        const r = await renderDocument(app, { type: 'stdScoreSheet', ...noTarget, recordId: stdSessionId });
        sheetPages = r.pageCount;
      },
      { runs: 2, warmup: 0, budgetMs: 10_000 },
    ),
  );
  results[results.length - 1]!.note = `${sheetPages} pages`;
  let reportPages = 0;
  results.push(
    await measure(
      `安全生产标准化自评报告 PDF (${items} items, deductions summary, evidence list)`,
      async () => {
        const r = await renderDocument(app, { type: 'stdReport', ...noTarget, recordId: stdSessionId });
        reportPages = r.pageCount;
      },
      { runs: 2, warmup: 0, budgetMs: 10_000 },
    ),
  );
  results[results.length - 1]!.note = `${reportPages} pages`;
  note = `the score sheet (${sheetPages} pages) and the report (${reportPages} pages)`;
}

const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
results.push({ name: `peak memory: ${workload} process (max RSS)`, medianMs: maxRssMb, p95Ms: maxRssMb, runs: 1, budgetMs: 500, ok: maxRssMb <= 500, unit: 'MB', note: `while printing ${note}` });
rt.close();
process.stdout.write(JSON.stringify(results));
