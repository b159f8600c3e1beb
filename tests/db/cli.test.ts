import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli.ts';
import { openDatabase } from '../../main/db/connection.ts';
import { loadMigrationsFromDisk } from '../../main/db/migrations/fromDisk.ts';
import { REPO_ROOT, tempDir } from '../helpers/runtime.ts';

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (s) => out.push(s), err: (s) => err.push(s) }, {});
  const text = out.join('\n');
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { code, text, json: json as Record<string, unknown> & { ok?: boolean; value?: unknown; error?: { code: string; message: string } }, err: err.join('\n') };
}

describe('command line', () => {
  it('init, seed-demo, call, check and backup drive the same services', async () => {
    const dir = tempDir();
    expect((await cli('init', '--data-dir', dir)).json).toMatchObject({ state: 'setup', schemaVersion: loadMigrationsFromDisk().length });
    const seeded = await cli('seed-demo', '--data-dir', dir);
    expect(seeded.code).toBe(0);
    expect(seeded.json).toMatchObject({ ok: true, value: { state: 'ready', isDemo: true } });

    const list = await cli('call', 'person.list', '{"search":"陈国栋"}', '--data-dir', dir);
    expect(list.code).toBe(0);
    expect(list.json.value).toMatchObject({ total: 1, items: [{ name: '陈国栋', jobTitle: '总经理' }] });
    expect(list.text).not.toMatch(/\d{17}[\dX]/);

    const bad = await cli('call', 'person.create', '{"name":""}', '--data-dir', dir);
    expect(bad.code).toBe(1);
    expect(bad.json).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect((await cli('call', 'nope.nothing', '{}', '--data-dir', dir)).json.error).toMatchObject({ code: 'UNKNOWN_METHOD' });
    expect((await cli('call', 'person.list', '{broken', '--data-dir', dir)).json.error).toMatchObject({ message: '输入不是合法的 JSON，请检查引号和括号' });

    const created = await cli('call', 'operator.create', '{"name":"脚本管理员"}', '--data-dir', dir);
    expect(created.code).toBe(0);
    const asOperator = await cli('call', 'settings.update', '{"certAlertDays":[90,30]}', '--data-dir', dir, '--operator', '脚本管理员');
    expect(asOperator.code).toBe(0);
    const audit = await cli('call', 'audit.list', '{"entityType":"setting"}', '--data-dir', dir);
    expect((audit.json.value as { items: { operatorName: string; channel: string }[] }).items[0]).toMatchObject({ operatorName: '脚本管理员', channel: 'CLI' });

    const check = await cli('check', '--data-dir', dir);
    expect(check.code).toBe(0);
    expect(check.json).toMatchObject({ ok: true, schemaVersion: loadMigrationsFromDisk().length, integrity: 'ok', problems: [] });

    const out = join(tempDir(), 'copy.db');
    expect((await cli('backup', '--out', out, '--data-dir', dir)).code).toBe(0);
    const copy = openDatabase(out, { readonly: true, fileMustExist: true });
    expect(copy.prepare('SELECT count(*) AS n FROM person').get()).toEqual({ n: 147 });
    copy.close();
    expect(existsSync(`${out}-wal`)).toBe(false);
    expect((await cli('backup', '--out', out, '--data-dir', dir)).code).toBe(2);
  });

  it('check exits non-zero on a damaged or missing database', async () => {
    const dir = tempDir();
    expect((await cli('check', '--data-dir', dir)).code).toBe(1);
    writeFileSync(join(dir, 'safeledger.db'), 'this is not a database at all, just text padding '.repeat(200));
    const r = await cli('check', '--data-dir', dir);
    expect(r.code).toBe(1);
    expect(r.json.ok).toBe(false);
  });

  it('methods lists every contract method with its input as JSON Schema', async () => {
    const r = await cli('methods');
    const list = JSON.parse(r.text) as { method: string; kind: string; summary: string; input: { type?: string; properties?: Record<string, unknown> } }[];
    const create = list.find((m) => m.method === 'person.create')!;
    expect(create.kind).toBe('mutation');
    expect(create.input.properties).toHaveProperty('staffNo');
    expect(list.length).toBeGreaterThan(40);
  });

  it('usage errors exit with 2 and print the help', async () => {
    const r = await cli('frobnicate', '--data-dir', tempDir());
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/未知命令「frobnicate」/);
    expect((await cli()).code).toBe(2);
    expect((await cli('--help')).code).toBe(0);
  });

  it('runs under plain Node: `node main/cli.ts`, no bundler involved', () => {
    const dir = tempDir();
    const r = spawnSync(process.execPath, ['main/cli.ts', 'call', 'app.status', '{}', '--data-dir', dir], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, value: { state: 'setup' } });
    const version = execFileSync(process.execPath, ['-p', 'process.versions.node']).toString().trim();
    expect(Number(version.split('.')[0])).toBeGreaterThanOrEqual(22);
  });
});

describe('command line printing', () => {
  it('lists the document types and renders any of them to a file, registered like the print centre', async () => {
    const dir = tempDir();
    await cli('seed-demo', '--data-dir', dir);
    const list = JSON.parse((await cli('print', '--list', '--data-dir', dir)).text) as { type: string }[];
    expect(list.map((t) => t.type)).toEqual(expect.arrayContaining(['responsibilityBoard', 'commitmentLetter', 'targetAgreements', 'targetAgreementStatus']));
    const out = join(tempDir(), 'board.pdf');
    const r = await cli('print', 'responsibilityBoard', '--size', '1500x1000', '--orientation', 'landscape', '--out', out, '--data-dir', dir);
    expect(r.code).toBe(0);
    expect(r.json.value).toMatchObject({ file: out, title: '安全生产责任公示牌', paper: '展板 1500×1000 mm', pageCount: 1 });
    const a3 = await cli('print', 'responsibilityBoard', '--size', 'a3', '--orientation', 'portrait', '--out', join(tempDir(), 'a3.pdf'), '--data-dir', dir);
    expect(a3.json.value).toMatchObject({ paper: 'A3（297×420 mm）' });
    const reg = await cli('call', 'print.register', '{}', '--data-dir', dir);
    expect((reg.json.value as { items: { outcome: string }[] }).items[0]!.outcome).toBe('CLI');

    const small = await cli('print', 'responsibilityBoard', '--size', '40x300', '--out', join(tempDir(), 'x.pdf'), '--data-dir', dir);
    expect(small.code).toBe(1);
    expect(small.json.error?.message).toBe('自定义宽度应在 50–5000 毫米之间，当前为 40 毫米');
    const missingOut = join(tempDir(), 'never.pdf');
    const bad = await cli('print', 'nope', '--out', missingOut, '--data-dir', dir);
    expect(bad.code).toBe(1);
    expect(existsSync(missingOut)).toBe(false);
    expect((await cli('print', '--data-dir', dir)).code).toBe(2);
  });
});
