import { useSyncExternalStore } from 'react';
import type { InputOf } from '../../../../preload/contract/index.ts';

export type PrintRequest = InputOf<'print.preview'>;

export interface QueueItem {
  key: string;
  label: string;
  request: PrintRequest;
}

let items: QueueItem[] = [];
const listeners = new Set<() => void>();

function emit() {
  for (const l of listeners) l();
}

/** The print queue lives for the session: documents waiting to be exported together as one PDF. */
export const printQueue = {
  add(label: string, request: PrintRequest) {
    items = [...items, { key: `${Date.now()}-${Math.random().toString(36).slice(2)}`, label, request }];
    emit();
  },
  remove(key: string) {
    items = items.filter((i) => i.key !== key);
    emit();
  },
  move(key: string, delta: number) {
    const i = items.findIndex((x) => x.key === key);
    const j = i + delta;
    if (i < 0 || j < 0 || j >= items.length) return;
    const next = [...items];
    [next[i], next[j]] = [next[j]!, next[i]!];
    items = next;
    emit();
  },
  clear() {
    items = [];
    emit();
  },
};

export function usePrintQueue(): QueueItem[] {
  return useSyncExternalStore(
    (cb) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    () => items,
  );
}

/** A link into the print centre with a document chosen. */
export function printLink(type: string, extra: Record<string, string | null | undefined> = {}): string {
  const p = new URLSearchParams({ type });
  for (const [k, v] of Object.entries(extra)) if (v) p.set(k, v);
  return `/print?${p.toString()}`;
}
