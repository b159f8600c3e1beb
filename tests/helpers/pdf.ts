/** Reads real PDFs with poppler-utils, the way a user's PDF tools would. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './runtime.ts';

function fileOf(pdf: string | Uint8Array): string {
  if (typeof pdf === 'string') return pdf;
  const file = join(tempDir('safeledger-pdf-'), 'doc.pdf');
  writeFileSync(file, pdf);
  return file;
}

/** All text, pages joined; whitespace collapsed so Chinese phrases can be matched whole. */
export function pdfText(pdf: string | Uint8Array): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', fileOf(pdf), '-'], { encoding: 'utf8' });
}

export function compactText(pdf: string | Uint8Array): string {
  return pdfText(pdf).replace(/\s+/g, '');
}

export function pdfPages(pdf: string | Uint8Array): { pages: number; sizes: { width: number; height: number }[] } {
  const file = fileOf(pdf);
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
  const detail = execFileSync('pdfinfo', ['-f', '1', '-l', String(pages), file], { encoding: 'utf8' });
  const sizes = [...detail.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
  return { pages, sizes };
}

export function pdfImageCount(pdf: string | Uint8Array): number {
  const out = execFileSync('pdfimages', ['-list', fileOf(pdf)], { encoding: 'utf8' });
  return out.split('\n').slice(2).filter((l) => /\bimage\b/.test(l)).length;
}

/** Renders pages to PNG (for looking at them); returns the files written. */
export function renderPngs(pdf: string | Uint8Array, outDir: string, name: string, dpi = 40): string[] {
  mkdirSync(outDir, { recursive: true });
  const prefix = join(outDir, name);
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), fileOf(pdf), prefix]);
  const { pages } = pdfPages(pdf);
  const digits = String(pages).length;
  return Array.from({ length: pages }, (_, i) => `${prefix}-${String(i + 1).padStart(digits, '0')}.png`);
}

export const MM = 72 / 25.4;
