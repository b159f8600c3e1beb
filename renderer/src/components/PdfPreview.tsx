import { useEffect, useRef, useState } from 'react';
import { Alert, Spin } from 'antd';
import { getDocument, GlobalWorkerOptions, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

function base64ToBytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/**
 * Renders the real PDF's pages to canvases with pdf.js, fitted to the width
 * available; large documents render their first pages only.
 */
export function PdfPreview({ pdfBase64, maxPages = 12 }: { pdfBase64: string; maxPages?: number }) {
  const host = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  // Keyed by the PDF itself, so the page never reports "done" for the previous document.
  const [renderedFor, setRenderedFor] = useState<string | null>(null);
  const rendering = renderedFor !== pdfBase64;
  const [pages, setPages] = useState<number>(0);

  useEffect(() => {
    let cancelled = false;
    let doc: PDFDocumentProxy | null = null;
    const el = host.current;
    if (!el) return;
    el.replaceChildren();
    setError(null);
    (async () => {
      doc = await getDocument({ data: base64ToBytes(pdfBase64) }).promise;
      if (cancelled) return;
      setPages(doc.numPages);
      const width = Math.max(300, el.clientWidth - 24);
      for (let n = 1; n <= Math.min(doc.numPages, maxPages); n++) {
        const page = await doc.getPage(n);
        if (cancelled) return;
        const base = page.getViewport({ scale: 1 });
        const scale = Math.min(width / base.width, 1100 / base.height, 3);
        const viewport = page.getViewport({ scale: scale * window.devicePixelRatio });
        const canvas = document.createElement('canvas');
        canvas.width = Math.floor(viewport.width);
        canvas.height = Math.floor(viewport.height);
        canvas.style.width = `${Math.floor(viewport.width / window.devicePixelRatio)}px`;
        canvas.style.height = `${Math.floor(viewport.height / window.devicePixelRatio)}px`;
        canvas.className = 'sl-pdf-page';
        canvas.dataset.page = String(n);
        el.appendChild(canvas);
        await page.render({ canvas, viewport }).promise;
      }
    })()
      .catch((err: unknown) => {
        if (!cancelled) setError(err instanceof Error ? err.message : String(err));
      })
      .finally(() => {
        if (!cancelled) setRenderedFor(pdfBase64);
      });
    return () => {
      cancelled = true;
      void doc?.destroy();
    };
  }, [pdfBase64, maxPages]);

  return (
    <div className="sl-pdf-preview" data-testid="pdf-preview" data-rendering={rendering ? 'yes' : 'no'}>
      {error && <Alert type="error" title={`预览失败：${error}`} />}
      {rendering && <Spin style={{ display: 'block', margin: '24px auto' }} />}
      <div ref={host} />
      {!rendering && pages > maxPages && <div className="sl-muted" style={{ textAlign: 'center', padding: 8 }}>共 {pages} 页，预览只显示前 {maxPages} 页；保存或打开后可查看全部。</div>}
    </div>
  );
}
