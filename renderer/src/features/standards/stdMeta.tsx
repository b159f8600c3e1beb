/**
 * Shared pieces of 安全生产标准化自评: types, the session cache (a scored item
 * updates the cached sheet in place), grade tags, score bars and the element tree.
 */
import { useCallback, useMemo } from 'react';
import { App as AntApp, Tag } from 'antd';
import dayjs from 'dayjs';
import { useMutation, useQueryClient, type Query } from '@tanstack/react-query';
import type { OutputOf } from '../../../../preload/contract/index.ts';
import type { Standard } from '../../../../preload/contract/standards.ts';
import { StdSessionStatus } from '../../../../preload/contract/enums.ts';
import { errorMessage, invoke, useApi } from '../../lib/api.ts';
import './standards.css';

export type Session = OutputOf<'stdSession.get'>;
export type Totals = Session['totals'];
export type ItemResult = Session['results'][number];
export type Deduction = ItemResult['deductions'][number];
export type Evidence = ItemResult['evidence'][number];
export type StdItem = Standard['items'][number];
export type StdElement = Standard['elements'][number];
export type GradeProfile = OutputOf<'standard.gradeProfiles'>[number];
export type ScoreOutput = OutputOf<'stdSession.scoreItem'>;

/** A link that opens a session's workspace. */
export const sessionLink = (id: string) => `/standards?id=${encodeURIComponent(id)}`;

/** A standard never changes once stored: cached for the whole run. */
export function useStandard(id: string | undefined) {
  return useApi('standard.get', { id: id ?? '' }, { enabled: !!id, staleTime: Infinity });
}

export function useGradeProfiles() {
  return useApi('standard.gradeProfiles', {}, { staleTime: Infinity });
}

const isSessionGet = (q: Query, id: string) => q.queryKey[0] === 'stdSession.get' && (q.queryKey[1] as { id?: string } | undefined)?.id === id;

/**
 * Writes what main returned into the cached session: a scored item replaces
 * its result and the totals (no refetch of the whole sheet); a whole session
 * (finish, reopen, follow-up of a deduction) replaces it. Lists elsewhere are
 * refreshed; the standard (immutable) and this session are not refetched.
 */
export function useSessionCache(id: string) {
  const qc = useQueryClient();
  const applyScore = useCallback(
    ({ result, totals }: ScoreOutput) => {
      qc.setQueryData<Session>(['stdSession.get', { id }], (old) =>
        old
          ? {
              ...old,
              answered: totals.answered,
              items: totals.items,
              score: totals.score,
              grade: totals.grade,
              gradeLabel: totals.gradeLabel,
              totals,
              results: old.results.map((r) => (r.itemId === result.itemId ? result : r)),
            }
          : old,
      );
      void qc.invalidateQueries({ queryKey: ['stdSession.list'] });
      void qc.invalidateQueries({ queryKey: ['stdSession.compare'] });
    },
    [qc, id],
  );
  const setSession = useCallback(
    (s: Session) => {
      qc.setQueryData(['stdSession.get', { id }], s);
      void qc.invalidateQueries({ predicate: (q) => !isSessionGet(q, id) && q.queryKey[0] !== 'standard.get' });
    },
    [qc, id],
  );
  return { applyScore, setSession };
}

/** The grade as a tag: 一级 gold, 二级 blue, 三级 cyan, 未达标 red, 未评分 grey. */
export function GradeTag({ grade, label, testId, large }: { grade: string | null; label: string; testId?: string; large?: boolean }) {
  const color = grade === 'L1' ? 'gold' : grade === 'L2' ? 'blue' : grade === 'L3' ? 'cyan' : label === '未评分' ? 'default' : 'red';
  return (
    <Tag color={color} variant={grade ? 'solid' : undefined} data-testid={testId} data-grade={grade ?? ''} className={large ? 'sl-std-grade-large' : undefined}>
      {label}
    </Tag>
  );
}

export function StatusTag({ status, finishedOn }: { status: Session['status']; finishedOn?: string | null }) {
  return (
    <Tag color={status === 'FINISHED' ? 'green' : 'processing'} data-testid="std-status" data-status={status}>
      {StdSessionStatus.label[status]}
      {status === 'FINISHED' && finishedOn ? ` ${finishedOn}` : ''}
    </Tag>
  );
}

/** The colour of a percentage against a grade profile's thresholds. */
export function scoreColor(score: number | null, profile: GradeProfile | undefined): string {
  if (score === null) return '#d9d9d9';
  const grades = profile?.grades ?? [
    { minScore: 90 },
    { minScore: 80 },
    { minScore: 70 },
  ];
  if (score >= (grades[0]?.minScore ?? 90)) return '#389e0d';
  if (score >= (grades.at(-1)?.minScore ?? 70)) return '#4f8ad8';
  return '#d4380d';
}

/** A horizontal bar for a percentage, with the grade thresholds marked. */
export function ScoreBar({ score, profile, small, testId }: { score: number | null; profile?: GradeProfile; small?: boolean; testId?: string }) {
  return (
    <div className={`sl-std-track${small ? ' is-small' : ''}`} data-testid={testId} data-score={score ?? ''}>
      <div className="sl-std-fill" style={{ width: `${Math.max(0, Math.min(100, score ?? 0))}%`, background: scoreColor(score, profile) }} />
      {!small &&
        profile?.grades.map((g) => (
          <span key={g.code} className="sl-std-threshold" style={{ left: `${g.minScore}%` }} title={`${g.label} ≥ ${g.minScore} 分`} />
        ))}
    </div>
  );
}

/** One decimal, without a trailing ".0". */
export function pts(n: number | null | undefined): string {
  if (n === null || n === undefined) return '—';
  return String(Math.round(n * 10) / 10);
}

export interface ElementNode {
  el: StdElement;
  children: ElementNode[];
  /** Items in this element and below. */
  items: number;
  answered: number;
}

/**
 * The element tree with item counts (every item counts for each ancestor), and
 * for every element the set of element ids below it (itself included).
 */
export function useElementTree(standard: Standard | undefined, results: ItemResult[] | undefined) {
  return useMemo(() => {
    const nodes = new Map<number, ElementNode>();
    const roots: ElementNode[] = [];
    const parentOf = new Map<number, number | null>();
    for (const el of standard?.elements ?? []) {
      nodes.set(el.id, { el, children: [], items: 0, answered: 0 });
      parentOf.set(el.id, el.parentId);
    }
    for (const n of nodes.values()) {
      const p = n.el.parentId === null ? undefined : nodes.get(n.el.parentId);
      if (p) p.children.push(n);
      else roots.push(n);
    }
    const answered = new Set((results ?? []).filter((r) => r.answered).map((r) => r.itemId));
    for (const it of standard?.items ?? []) {
      let e: number | null | undefined = it.elementId;
      while (e !== null && e !== undefined) {
        const n = nodes.get(e);
        if (!n) break;
        n.items += 1;
        if (answered.has(it.id)) n.answered += 1;
        e = parentOf.get(e);
      }
    }
    /** The ancestors of an element, itself first. */
    const chain = (id: number): number[] => {
      const out: number[] = [];
      let e: number | null | undefined = id;
      while (e !== null && e !== undefined && !out.includes(e)) {
        out.push(e);
        e = parentOf.get(e);
      }
      return out;
    };
    return { roots, nodes, chain };
  }, [standard, results]);
}

/** Opens a stored file with the system's program (nothing to refetch afterwards). */
export function useOpenAttachment() {
  const { message } = AntApp.useApp();
  const open = useMutation({ mutationFn: (input: { id: string }) => invoke('attachment.open', input) });
  return (id: string) => open.mutate({ id }, { onError: (e) => void message.error(errorMessage(e)) });
}

/** Today (the computer's calendar) as YYYY-MM-DD. */
export function todayStr(): string {
  return dayjs().format('YYYY-MM-DD');
}
