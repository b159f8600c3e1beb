import type { HandlersFor } from '../../ipc/types.ts';
import { DOC_TYPES, docTypeOf } from './registry.ts';
import { checkDocument, exportQueue, listRegister, openDocument, staleDocuments, paperInfo, renderDocument, saveDocument, verifyFingerprint } from './service.ts';

export const printHandlers: HandlersFor<'print.types' | 'print.records' | 'print.check' | 'print.preview' | 'print.save' | 'print.open' | 'print.exportQueue' | 'print.register' | 'print.verify' | 'print.stale'> = {
  'print.types': (_i, rt) => {
    // Choices may come from settings; before a data folder is open there are none.
    const app = rt.db ? rt.app() : null;
    return DOC_TYPES.map((d) => {
      const choices = (app && d.choices?.(app)) || {};
      return {
        type: d.type,
        title: d.title,
        group: d.group,
        description: d.description,
        layoutVersion: d.layoutVersion,
        defaultPaper: { size: d.defaultPaper.size, orientation: d.defaultPaper.orientation },
        suggestedSizes: d.suggestedSizes,
        minShortSideMm: d.minShortSideMm,
        records: d.records ? { label: d.records.label, required: d.records.required, placeholder: d.records.placeholder ?? null } : null,
        options: d.options ?? [],
        onlyUnsignedLabel: d.onlyUnsignedLabel ?? '只打印尚未签订的',
        choices: { level: choices.level ?? null, status: choices.status ?? null },
      };
    });
  },
  'print.records': ({ type }, rt) => docTypeOf(type).records?.list(rt.app()) ?? [],
  'print.check': (req, rt) => checkDocument(rt.app(), req),
  'print.preview': async (req, rt) => {
    const r = await renderDocument(rt.app(), req);
    return { title: r.title, fingerprint: r.fingerprint, pageCount: r.pageCount, paper: paperInfo(r.paper), omitted: r.omitted, warnings: r.warnings, pdfBase64: r.bytes.toString('base64') };
  },
  'print.save': (req, rt) => saveDocument(rt.app(), req),
  'print.open': (req, rt) => openDocument(rt.app(), req),
  'print.exportQueue': ({ items }, rt) => exportQueue(rt.app(), items),
  'print.register': (f, rt) => ({ ...listRegister(rt.app(), f), page: f.page, pageSize: f.pageSize }),
  'print.verify': ({ fingerprint }, rt) => verifyFingerprint(rt.app(), fingerprint),
  'print.stale': ({ types }, rt) => staleDocuments(rt.app(), types ?? null),
};
