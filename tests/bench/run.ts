/**
 * `npm run bench`: seeds a large enterprise into a temp data folder and reports
 * medians for the API calls the budgets speak of. Plain Node, real SQLite,
 * through the same dispatcher (validation included) the UI uses.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { AppRuntime } from '../../main/bootstrap.ts';
import { loadMigrationsFromDisk } from '../../main/db/migrations/fromDisk.ts';
import { dispatch } from '../../main/ipc/dispatch.ts';
import type { MethodName } from '../../preload/contract/index.ts';
import { measure, printTable, round, type Measurement } from './harness.ts';
import { seedLarge, seedLargeChecks, seedLargeEmergencyTraining, seedLargeResponsibility, seedLargeRisk, seedLargeStandard, LARGE, LARGE_RISK } from './seedLarge.ts';
import { today } from '../../main/modules/enterprise/service.ts';
import { spawnSync } from 'node:child_process';

const ROOT = resolve(import.meta.dirname, '..', '..');
const migrations = loadMigrationsFromDisk();

async function open(dataDir: string) {
  return AppRuntime.open({ dataDir, resourcesDir: join(ROOT, 'resources'), migrations, appVersion: 'bench', channel: 'CLI' });
}

async function call(rt: AppRuntime, method: MethodName, input: unknown) {
  const r = await dispatch(rt, method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value;
}

async function main() {
  const base = mkdtempSync(join(tmpdir(), 'safeledger-bench-'));
  const results: Measurement[] = [];
  try {
    // Opening a new data folder: create the file and run every migration.
    let n = 0;
    results.push(
      await measure('open + migrate (new data folder)', async () => {
        const rt = await open(join(base, `fresh-${n++}`));
        rt.close();
      }, { runs: 15 }),
    );

    const dataDir = join(base, 'large');
    const rt0 = await open(dataDir);
    const t0 = performance.now();
    const seeded = seedLarge(rt0.app());
    seedLargeResponsibility(rt0.app(), seeded.postIds, seeded.personIds);
    const { planId } = seedLargeRisk(rt0.app(), seeded.unitIds, seeded.postIds, seeded.personIds);
    const checks = seedLargeChecks(rt0.app(), seeded.unitIds, seeded.personIds);
    const et = seedLargeEmergencyTraining(rt0.app(), seeded.unitIds, seeded.postIds, seeded.personIds);
    const std = await seedLargeStandard(rt0.app(), seeded.personIds);
    const seedMs = round(performance.now() - t0);
    rt0.close();
    console.log(`Seeded ${LARGE.people} people, ${LARGE.posts} posts, ${LARGE.certificates} certificates, ${seeded.unitIds.length + 1} units in ${seedMs} ms`);
    console.log(`Seeded ${checks.plans} check plans, ${checks.records} check records, ${checks.results} item results, ${checks.hazards} hazards`);
    console.log(`Seeded ${et.plans} emergency plans (${et.versions} versions), ${et.drills} drills (${et.participants} participants, ${et.problems} problems), ${et.sessions} training sessions, ${et.attendance} attendance rows`);
    console.log(`Seeded a ${std.items}-item standard and two self-assessments: ${std.results} results, ${std.deductions} deductions, ${std.evidence} evidence links`);

    results.push(
      await measure('open large data folder (integrity quick_check + migrate check)', async () => {
        const rt = await open(dataDir);
        rt.close();
      }, { runs: 15 }),
    );

    const rt = await open(dataDir);
    const budget = 30;
    const workshop = seeded.unitIds[0]!;
    results.push(await measure('person.list first page (5,000 people)', () => call(rt, 'person.list', {}), { budgetMs: budget }));
    results.push(await measure('person.list page 60', () => call(rt, 'person.list', { page: 60 }), { budgetMs: budget }));
    results.push(await measure('person.list filter unit incl. sub-units', () => call(rt, 'person.list', { unitId: workshop }), { budgetMs: budget }));
    results.push(await measure('person.list filter employment type + status', () => call(rt, 'person.list', { employmentType: 'DISPATCHED', status: 'ACTIVE' }), { budgetMs: budget }));
    results.push(await measure('person.list search name "王"', () => call(rt, 'person.list', { search: '王' }), { budgetMs: budget }));
    results.push(await measure('person.list search staff no "B0449"', () => call(rt, 'person.list', { search: 'B0449' }), { budgetMs: budget }));
    results.push(await measure('person.list without post', () => call(rt, 'person.list', { withoutPost: true }), { budgetMs: budget }));
    results.push(await measure('person.options search "李"', () => call(rt, 'person.options', { search: '李' }), { budgetMs: budget }));
    results.push(await measure('post.list first page (800 posts)', () => call(rt, 'post.list', {}), { budgetMs: budget }));
    results.push(await measure('certificate.list due/overdue (dashboard query)', () => call(rt, 'certificate.list', { dueState: 'ATTENTION' }), { budgetMs: budget }));
    results.push(await measure('certificate.list due within 30 days', () => call(rt, 'certificate.list', { dueState: 'DUE', dueWithinDays: 30 }), { budgetMs: budget }));
    results.push(await measure('dashboard.get (all cards)', () => call(rt, 'dashboard.get', {}), { budgetMs: budget }));
    results.push(await measure('unit.list (121 units with counts)', () => call(rt, 'unit.list', {}), { budgetMs: budget }));
    results.push(await measure('duty.coverage (800 posts, 5,000 people)', () => call(rt, 'duty.coverage', {}), { budgetMs: 200 }));
    results.push(await measure('duty.coverage one workshop', () => call(rt, 'duty.coverage', { unitId: workshop }), { budgetMs: 200 }));
    results.push(await measure('duty.posts (800 posts with status)', () => call(rt, 'duty.posts', {}), { budgetMs: 200 }));
    results.push(await measure('card.posts (front-line posts with status)', () => call(rt, 'card.posts', {}), { budgetMs: 200 }));
    const riskBudget = 50;
    const riskNote = `${LARGE_RISK.points} points, ${LARGE_RISK.points * LARGE_RISK.measuresPerPoint} measures`;
    results.push(await measure('risk.list first page', () => call(rt, 'risk.list', {}), { budgetMs: riskBudget, note: riskNote }));
    results.push(await measure('risk.list page 30', () => call(rt, 'risk.list', { page: 30 }), { budgetMs: riskBudget }));
    results.push(await measure('risk.list filter level 较大', () => call(rt, 'risk.list', { level: 'HIGH' }), { budgetMs: riskBudget }));
    results.push(await measure('risk.list filter unit incl. sub-units', () => call(rt, 'risk.list', { unitId: workshop }), { budgetMs: riskBudget }));
    results.push(await measure('risk.list filter accident type 触电', () => call(rt, 'risk.list', { accidentType: '触电' }), { budgetMs: riskBudget }));
    results.push(await measure('risk.list filter post', () => call(rt, 'risk.list', { postId: seeded.postIds[5]! }), { budgetMs: riskBudget }));
    results.push(await measure('risk.list search "配电"', () => call(rt, 'risk.list', { search: '配电' }), { budgetMs: riskBudget }));
    results.push(await measure('risk.list review overdue', () => call(rt, 'risk.list', { reviewOverdue: true }), { budgetMs: riskBudget }));
    results.push(await measure('risk.stats (whole register)', () => call(rt, 'risk.stats', {}), { runs: 10, note: 'not a list call; reported for the dashboard' }));
    results.push(await measure('riskMap.get (300 areas)', () => call(rt, 'riskMap.get', { id: planId }), { budgetMs: riskBudget }));

    // 隐患排查治理 on three years of data.
    const checkNote = `${checks.plans} plans, ${checks.records} records, ${checks.results} results, ${checks.hazards} hazards`;
    results.push(
      await measure(
        'checkTask.generate: the current period for 200 plans',
        () => {
          // Drop today's open tasks so each run generates them again.
          rt.app().db.prepare(`DELETE FROM check_task WHERE recordId IS NULL AND missed = 0`).run();
          return call(rt, 'checkTask.generate', {});
        },
        { runs: 15, budgetMs: 500, note: checkNote },
      ),
    );
    const hazardBudget = 50;
    const lastYear = `${Number(new Date().toISOString().slice(0, 4)) - 1}`;
    results.push(await measure('hazard.list first page (ledger)', () => call(rt, 'hazard.list', {}), { budgetMs: hazardBudget }));
    results.push(await measure('hazard.list period + unit incl. sub-units', () => call(rt, 'hazard.list', { from: `${lastYear}-01-01`, to: `${lastYear}-12-31`, unitId: workshop }), { budgetMs: hazardBudget }));
    results.push(await measure('hazard.list period + level 重大', () => call(rt, 'hazard.list', { from: `${lastYear}-01-01`, to: `${lastYear}-12-31`, level: 'MAJOR' }), { budgetMs: hazardBudget }));
    results.push(await measure('hazard.list overdue', () => call(rt, 'hazard.list', { status: 'OVERDUE' }), { budgetMs: hazardBudget }));
    results.push(await measure('hazard.list status 已销号, page 100', () => call(rt, 'hazard.list', { status: 'CLOSED', page: 100 }), { budgetMs: hazardBudget }));
    results.push(await measure('hazard.list search "灭火器"', () => call(rt, 'hazard.list', { search: '灭火器' }), { budgetMs: hazardBudget }));
    results.push(await measure('hazard.dashboard (dashboard counts)', () => call(rt, 'hazard.dashboard', {}), { budgetMs: 100 }));
    results.push(await measure('checkTask.board (today, week, month, missed)', () => call(rt, 'checkTask.board', {}), { budgetMs: 100 }));
    results.push(await measure('checkRecord.list first page', () => call(rt, 'checkRecord.list', {}), { budgetMs: hazardBudget }));
    results.push(await measure('checkCompliance.get (a year, 200 plans × 12 months)', () => call(rt, 'checkCompliance.get', { year: Number(lastYear) }), { runs: 10, note: 'report page' }));
    results.push(await measure('hazard.stats (a year)', () => call(rt, 'hazard.stats', { year: Number(lastYear) }), { runs: 10, note: 'report page' }));
    results.push(await measure('notice.list (notice centre, all modules)', () => call(rt, 'notice.list', {}), { runs: 10, budgetMs: 150 }));

    // 应急预案、演练和教育培训 on ten years of data.
    const year = Number(today(rt.app()).slice(0, 4));
    const etNote = `${et.sessions} sessions, ${et.attendance} attendance rows, 5,000 people`;
    const heavySessions = (rt.app().db.prepare('SELECT count(*) AS n FROM training_attendance WHERE personId = ?').get(et.heavyPersonId) as { n: number }).n;
    results.push(await measure(`training.archive (one person, ${heavySessions} sessions)`, () => call(rt, 'training.archive', { personId: et.heavyPersonId }), { budgetMs: 50 }));
    results.push(await measure('training.compliance current year, whole enterprise', () => call(rt, 'training.compliance', { year }), { budgetMs: 100, note: etNote }));
    results.push(await measure('training.compliance current year, only gaps', () => call(rt, 'training.compliance', { year, onlyGaps: true }), { budgetMs: 100 }));
    results.push(await measure('training.compliance current year, one workshop', () => call(rt, 'training.compliance', { year, unitId: workshop }), { budgetMs: 100 }));
    results.push(await measure('trainingSession.list first page', () => call(rt, 'trainingSession.list', {}), { budgetMs: hazardBudget }));
    results.push(await measure('trainingSession.list search "应急"', () => call(rt, 'trainingSession.list', { search: '应急' }), { budgetMs: hazardBudget }));
    results.push(await measure('drill.compliance (current year)', () => call(rt, 'drill.compliance', { year }), { budgetMs: 100, note: `${et.drills} drills over 10 years` }));
    results.push(await measure('drill.calendar (current year)', () => call(rt, 'drill.calendar', { year }), { budgetMs: hazardBudget }));
    results.push(await measure('drillPlan.get (current year)', () => call(rt, 'drillPlan.get', { year }), { budgetMs: hazardBudget }));
    results.push(await measure('drill.list one year', () => call(rt, 'drill.list', { year }), { budgetMs: hazardBudget }));
    results.push(await measure('emergencyPlan.list (30 plans)', () => call(rt, 'emergencyPlan.list', {}), { budgetMs: hazardBudget }));

    // 安全生产标准化: a 1,000-item sheet, this year's session open, last year's finished.
    const stdNote = `${std.items} items, ${std.results} results, ${std.deductions} deductions, ${std.evidence} evidence links`;
    const evidenceDrill = (rt.app().db.prepare('SELECT id FROM drill ORDER BY drillDate DESC LIMIT 1').get() as { id: string }).id;
    const scoreInput = {
      sessionId: std.sessionId,
      itemId: std.itemId,
      applicable: true,
      description: '制度已建立，但检查记录不全',
      deductions: [
        { points: 0.5, reason: '未按规定频次开展检查，缺 2 次记录' },
        { points: 0.5, reason: '检查记录缺少整改复查签字' },
      ],
      evidence: [
        { kind: 'DRILL', refId: evidenceDrill },
        { kind: 'HAZARD_LEDGER', periodFrom: `${year}-01-01`, periodTo: `${year}-06-30` },
      ],
    };
    results.push(await measure('stdSession.scoreItem (one item; totals and grade recomputed)', () => call(rt, 'stdSession.scoreItem', scoreInput), { budgetMs: 20, note: stdNote }));
    results.push(await measure('stdSession.get (1,000 results, deductions, evidence, totals)', () => call(rt, 'stdSession.get', { id: std.sessionId }), { runs: 15, note: 'session workspace / report data' }));
    results.push(await measure('stdSession.compare (two years, 8 elements)', () => call(rt, 'stdSession.compare', {}), { runs: 15, note: 'report page' }));
    results.push(await measure('stdSession.list', () => call(rt, 'stdSession.list', {}), { budgetMs: hazardBudget }));
    const renamed = Buffer.from(JSON.stringify({ ...(JSON.parse(Buffer.from(std.importFile, 'base64').toString('utf8')) as object), code: 'BENCH-1000-B' })).toString('base64');
    results.push(await measure('standard.validateImport (1,000-item JSON)', () => call(rt, 'standard.validateImport', { fileName: 'bench-standard.json', dataBase64: renamed }), { runs: 10, note: 'checks only, writes nothing' }));

    rt.close();

    // Print centre, in its own process so its peak memory is its own.
    const printResults: Measurement[] = [];
    for (const workload of ['boards', 'agreements', 'cards', 'hazards', 'standards']) {
      const child = spawnSync(process.execPath, [join(import.meta.dirname, 'print.ts'), dataDir, workload, planId, std.sessionId], { encoding: 'utf8' });
      if (child.status !== 0) throw new Error(`print bench (${workload}) failed: ${child.stderr}`);
      printResults.push(...(JSON.parse(child.stdout) as Measurement[]));
    }

    // The four-colour map in Chromium (builds the renderer; needs a Chromium, as the browser tests do).
    const fps = spawnSync(process.execPath, [join(import.meta.dirname, 'mapFps.ts'), dataDir, planId], { encoding: 'utf8' });
    if (fps.status !== 0) throw new Error(`map frame-rate bench failed: ${fps.stderr}`);
    const fpsResults = JSON.parse(fps.stdout.slice(fps.stdout.indexOf('['))) as Measurement[];

    printTable('Foundation benchmarks (median of repeated calls through the dispatcher)', results);
    printTable('Print centre benchmarks', printResults);
    printTable('Four-colour map in Chromium (frame times while zooming and panning)', fpsResults);
    results.push(...printResults, ...fpsResults);
    const outDir = join(ROOT, '.bench');
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, 'foundation.json'), JSON.stringify({ at: new Date().toISOString(), node: process.version, seedMs, results }, null, 2));
    const over = results.filter((r) => r.ok === false);
    if (over.length) {
      console.log(`\n${over.length} measurement(s) over budget.`);
      process.exitCode = 1;
    }
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

await main();
