import { afterEach, describe, expect, it } from 'vitest';
import { renderDocument } from '../../main/modules/print/service.ts';
import { encodePng, demoSignaturePng } from '../../main/modules/demo/signature.ts';
import { letterHash } from '../../main/modules/commitments/service.ts';
import { compactText, pdfImageCount } from '../helpers/pdf.ts';
import { expectFail, openSetupApp, profileOf, type TestApp } from '../helpers/runtime.ts';

let app: TestApp;
afterEach(() => app?.close());

const ink = (name = '陈总') => demoSignaturePng(name).toString('base64');
const blank = () => encodePng(300, 100, new Uint8Array(300 * 100 * 4)).toString('base64');
const target = { recordId: null, unitId: null, level: null, onlyUnsigned: false };

/** An enterprise whose principal is 陈总. */
async function withPrincipal(a: TestApp, name = '陈总') {
  const c = (await a.ok('unit.list', {}))[0]!;
  const p = await a.ok('person.create', { name, staffNo: `P-${name}`, unitId: c.id, employmentType: 'REGULAR', jobTitle: '总经理', hireDate: '2020-01-01' });
  const ent = await a.ok('enterprise.get', {});
  await a.ok('enterprise.update', { ...profileOf(ent), principalPersonId: p.id });
  return p;
}

async function draft(a: TestApp, year = 2026) {
  const o = await a.ok('commitment.overview', { year });
  return a.ok('commitment.createDraft', { year, title: o.defaultTitle, recipient: o.defaultRecipient, content: o.defaultContent });
}

describe('annual commitment letters', () => {
  it('starts from a default text covering the Art. 21 duties, signed by the principal', async () => {
    app = await openSetupApp();
    expect((await app.ok('commitment.overview', {})).attention).toBe('尚未指定主要负责人，无法签署承诺书');
    await withPrincipal(app);
    const o = await app.ok('commitment.overview', {});
    expect(o.year).toBe(2026);
    expect(o.attention).toBe('2026 年度安全生产承诺书尚未建立');
    for (const s of ['全员安全生产责任制', '规章制度和操作规程', '教育和培训计划', '安全生产投入', '双重预防', '应急救援预案', '如实报告']) expect(o.defaultContent).toContain(s);
    const letter = await draft(app);
    expect(letter).toMatchObject({ version: 1, status: 'DRAFT', signer: { name: '陈总' }, title: '2026年度安全生产承诺书' });
    expect(letter.contentHash).toBe(letterHash(letter));
    expect((await app.ok('commitment.overview', {})).attention).toBe('2026 年度承诺书第 1 版尚未签署');
    expect(expectFail(await app.call('commitment.createDraft', { year: 2026, title: 'x', content: 'y' })).message).toMatch(/已经建立/);
  });

  it('on-screen signing records who, when, how and the SHA-256 of the exact text; the PDF shows signature and hash', async () => {
    app = await openSetupApp();
    await withPrincipal(app);
    const letter = await draft(app);
    const signed = await app.ok('commitment.signOnScreen', { id: letter.id, signaturePngBase64: ink(), signedOn: '2026-01-08' });
    expect(signed.status).toBe('SIGNED');
    expect(signed.signature).toMatchObject({ method: 'ON_SCREEN', signerName: '陈总', signedOn: '2026-01-08', contentHash: letter.contentHash, recordedByOperator: '测试员' });
    expect((await app.ok('commitment.overview', {})).attention).toBeNull();
    const r = await renderDocument(app.rt.app(), { type: 'commitmentLetter', ...target });
    expect(pdfImageCount(r.bytes)).toBeGreaterThanOrEqual(1);
    const t = compactText(r.bytes);
    expect(t).toContain(letter.contentHash);
    expect(t).toContain('在屏幕上手写签名');
    expect(t).toContain('2026-01-08');
    expect(t).toContain('承诺人（主要负责人、总经理）：陈总');
  });

  it('refuses an empty signature, a second signature on the same text, and a future date', async () => {
    app = await openSetupApp();
    await withPrincipal(app);
    const letter = await draft(app);
    const empty = expectFail(await app.call('commitment.signOnScreen', { id: letter.id, signaturePngBase64: blank() }));
    expect(empty.fields?.[0]).toEqual({ path: 'signature', message: '签名是空的（或笔画过少），请在签名框内完整手写签名' });
    expect(expectFail(await app.call('commitment.signOnScreen', { id: letter.id, signaturePngBase64: Buffer.from('not a png').toString('base64') })).message).toBe('签名图片格式不正确，请重新在签名框内手写签名');
    expect(expectFail(await app.call('commitment.signOnScreen', { id: letter.id, signaturePngBase64: ink(), signedOn: '2026-12-31' })).fields?.[0]?.message).toBe('签署日期不能晚于今天');
    expect((await app.ok('commitment.overview', {})).current!.status).toBe('DRAFT');
    await app.ok('commitment.signOnScreen', { id: letter.id, signaturePngBase64: ink() });
    const again = expectFail(await app.call('commitment.signOnScreen', { id: letter.id, signaturePngBase64: ink() }));
    expect(again.message).toMatch(/^第 1 版已于 2026-11-22 由 陈总 签署，内容未改变，不能重复签署$/);
  });

  it('editing signed text makes a new version that needs a new signature; the old one stays on record', async () => {
    app = await openSetupApp();
    await withPrincipal(app);
    const v1 = await draft(app);
    await app.ok('commitment.signOnScreen', { id: v1.id, signaturePngBase64: ink(), signedOn: '2026-01-08' });
    const edit = expectFail(await app.call('commitment.updateDraft', { id: v1.id, title: v1.title, recipient: v1.recipient, content: `${v1.content}\n补充` }));
    expect(edit.message).toMatch(/已于 2026-01-08 签署，不能再修改；如需修改正文请建立新版本/);
    const same = expectFail(await app.call('commitment.newVersion', { year: 2026, title: v1.title, recipient: v1.recipient, content: v1.content, changeReason: '无' }));
    expect(same.message).toBe('正文和签署人都没有变化，已签署的版本仍然有效，无需建立新版本或重新签署');
    const v2 = await app.ok('commitment.newVersion', { year: 2026, title: v1.title, recipient: v1.recipient, content: `${v1.content}\n十一、落实全员安全生产责任制考核。`, changeReason: '增加考核条款' });
    expect(v2).toMatchObject({ version: 2, status: 'DRAFT', changeReason: '增加考核条款' });
    expect(v2.contentHash).not.toBe(v1.contentHash);
    const o = await app.ok('commitment.overview', {});
    expect(o.versions.map((v) => [v.version, v.status])).toEqual([[2, 'DRAFT'], [1, 'SIGNED']]);
    expect(o.attention).toBe('2026 年度承诺书第 2 版尚未签署');
    expect(expectFail(await app.call('commitment.signOnScreen', { id: v1.id, signaturePngBase64: ink() })).message).toMatch(/已于 2026-01-08 由 陈总 签署/);
    // The signed v1 still prints, with its own hash.
    const r = await renderDocument(app.rt.app(), { type: 'commitmentLetter', ...target, recordId: v1.id });
    expect(compactText(r.bytes)).toContain(v1.contentHash);
  });

  it('when the principal changes, the letter is flagged for re-signing by the new principal', async () => {
    app = await openSetupApp();
    await withPrincipal(app, '陈总');
    const v1 = await draft(app);
    await app.ok('commitment.signOnScreen', { id: v1.id, signaturePngBase64: ink() });
    await withPrincipal(app, '王总');
    const o = await app.ok('commitment.overview', {});
    expect(o.attention).toBe('主要负责人已变更为「王总」，2026 年度承诺书需由新负责人重新签署（请建立新版本）');
    expect((await app.ok('dashboard.get', {})).commitment).toMatchObject({ year: 2026, attention: o.attention });
    const v2 = await app.ok('commitment.newVersion', { year: 2026, title: v1.title, recipient: v1.recipient, content: v1.content, changeReason: '主要负责人变更' });
    expect(v2.signer.name).toBe('王总');
    await app.ok('commitment.signOnScreen', { id: v2.id, signaturePngBase64: ink('王总') });
    expect((await app.ok('commitment.overview', {})).attention).toBeNull();
  });

  it('wet signing: the scan of the signed letter is recorded; publicity evidence is attached', async () => {
    app = await openSetupApp();
    await withPrincipal(app);
    const letter = await draft(app);
    const scan = await app.ok('attachment.upload', { fileName: '承诺书扫描件.pdf', dataBase64: Buffer.from('%PDF-1.4\n% scan of the signed letter\n').toString('base64') });
    expect(scan.mimeType).toBe('application/pdf');
    const signed = await app.ok('commitment.signWithScan', { id: letter.id, scanAttachmentId: scan.id, signedOn: '2026-01-09' });
    expect(signed.signature).toMatchObject({ method: 'WET_SCAN', signedOn: '2026-01-09', scan: { originalName: '承诺书扫描件.pdf' } });
    const early = expectFail(await app.call('commitment.setPublicity', { letterId: letter.id, postedOn: '2026-01-01' }));
    expect(early.fields?.[0]).toEqual({ path: 'postedOn', message: '公示日期不能早于签署日期（2026-01-09）' });
    const p = await app.ok('commitment.setPublicity', { letterId: letter.id, postedOn: '2026-01-10', postedWhere: '厂区大门', reportedOn: '2026-01-15', reportedTo: '江津区应急管理局' });
    expect(p).toMatchObject({ postedOn: '2026-01-10', reportedTo: '江津区应急管理局' });
    const photo = await app.ok('attachment.upload', { fileName: '公示照片.png', dataBase64: ink('照片'), purpose: 'image' });
    const withEvidence = await app.ok('commitment.addEvidence', { letterId: letter.id, attachmentId: photo.id, note: '大门公示栏' });
    expect(withEvidence.evidence.map((e) => e.attachment.originalName)).toEqual(['公示照片.png']);
    const r = await renderDocument(app.rt.app(), { type: 'commitmentLetter', ...target });
    const t = compactText(r.bytes);
    expect(t).toContain('线下手写签字，扫描件存档（承诺书扫描件.pdf）');
    expect(t).toContain('2026-01-10于厂区大门');
  });
});

describe('attachments', () => {
  it('are stored once by content hash, typed by their bytes, and limited to images/PDF up to 20 MB', async () => {
    app = await openSetupApp();
    const png = ink();
    const a = await app.ok('attachment.upload', { fileName: 'a.png', dataBase64: png });
    const b = await app.ok('attachment.upload', { fileName: 'copy.png', dataBase64: png });
    expect(b.id).toBe(a.id);
    expect(a).toMatchObject({ mimeType: 'image/png', widthPx: 360, heightPx: 120 });
    const text = expectFail(await app.call('attachment.upload', { fileName: 'evil.png', dataBase64: Buffer.from('<script>alert(1)</script>').toString('base64') }));
    expect(text.fields?.[0]).toEqual({ path: 'file', message: '文件「evil.png」不是 PNG/JPEG 图片或 PDF 文件，只能上传这几种格式' });
    const pdfAsPhoto = expectFail(await app.call('attachment.upload', { fileName: 'x.pdf', dataBase64: Buffer.from('%PDF-1.4').toString('base64'), purpose: 'image' }));
    expect(pdfAsPhoto.message).toBe('文件「x.pdf」不是 PNG 或 JPEG 图片，请选择照片或扫描图片');
    const big = Buffer.alloc(20 * 1024 * 1024 + 1, 0);
    Buffer.from('%PDF-').copy(big);
    const tooBig = expectFail(await app.call('attachment.upload', { fileName: 'big.pdf', dataBase64: big.toString('base64') }));
    expect(tooBig.message).toMatch(/超过 20 MB 的上限/);
    expect(expectFail(await app.call('attachment.upload', { fileName: 'x', dataBase64: '!!not base64!!' })).message).toBe('文件内容编码不正确，请重新选择文件');
    expect(app.rt.db!.prepare('SELECT count(*) AS n FROM attachment').get()).toEqual({ n: 1 });
  });
});
