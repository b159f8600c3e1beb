import { describe, expect, it } from 'vitest';
import { escalation, HAZARD_ACTIONS, HAZARD_STATES, transition, type HazardAction, type HazardState } from '../../main/domain/hazardFlow.ts';

const P: HazardState = 'PENDING';
const IP: HazardState = 'IN_PROGRESS';
const AR: HazardState = 'AWAITING_REVIEW';
const C: HazardState = 'CLOSED';
const NO = null;

/**
 * The whole machine, written out by hand: the next state of every (state, action),
 * or null where the action is refused. Columns: PENDING, IN_PROGRESS, AWAITING_REVIEW, CLOSED.
 */
const EXPECTED: Record<HazardAction, [HazardState | null, HazardState | null, HazardState | null, HazardState | null]> = {
  update: [P, IP, AR, NO],
  start: [IP, NO, NO, NO],
  extend: [P, IP, NO, NO],
  submit: [AR, AR, NO, NO],
  reinspectPass: [NO, NO, AR, NO],
  reinspectFail: [NO, NO, IP, NO],
  close: [NO, NO, C, NO],
  reopen: [NO, NO, NO, IP],
  saveTreatment: [P, IP, NO, NO],
  approveTreatment: [P, IP, NO, NO],
  report: [P, IP, AR, C],
};

const STATE_CODES = /PENDING|IN_PROGRESS|AWAITING_REVIEW|CLOSED/;

describe('hazard rectification state machine', () => {
  it('knows exactly the states and actions of the expected table', () => {
    expect(HAZARD_STATES).toEqual([P, IP, AR, C]);
    expect([...HAZARD_ACTIONS].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it('gives the expected next state for every allowed pair and refuses every other pair with a Chinese reason', () => {
    let allowed = 0;
    let refused = 0;
    for (const action of HAZARD_ACTIONS) {
      HAZARD_STATES.forEach((state, i) => {
        const want = EXPECTED[action][i];
        const got = transition(state, action);
        const where = `${state} × ${action}`;
        if (want) {
          allowed++;
          expect(got, where).toEqual({ ok: true, to: want });
        } else {
          refused++;
          expect(got.ok, where).toBe(false);
          if (got.ok) return;
          expect(got.reason.trim().length, where).toBeGreaterThan(0);
          expect(got.reason, where).toMatch(/[\u4e00-\u9fff]/);
          expect(got.reason, where).not.toMatch(STATE_CODES);
          expect(got.reason, where).not.toMatch(/undefined|null/);
        }
      });
    }
    expect(allowed + refused).toBe(HAZARD_STATES.length * HAZARD_ACTIONS.length);
    expect(allowed).toBe(20);
  });

  it('follows the closed loop: 待整改 → 整改中 → 待复查 → 已销号', () => {
    let s: HazardState = 'PENDING';
    for (const a of ['start', 'extend', 'submit', 'reinspectPass', 'close'] as HazardAction[]) {
      const t = transition(s, a);
      if (!t.ok) throw new Error(`${s} × ${a}: ${t.reason}`);
      s = t.to;
    }
    expect(s).toBe('CLOSED');
  });

  it('lets 立即整改 go straight from 待整改 to 待复查, and a failed re-inspection back to 整改中', () => {
    expect(transition('PENDING', 'submit')).toEqual({ ok: true, to: 'AWAITING_REVIEW' });
    expect(transition('AWAITING_REVIEW', 'reinspectFail')).toEqual({ ok: true, to: 'IN_PROGRESS' });
    expect(transition('CLOSED', 'reopen')).toEqual({ ok: true, to: 'IN_PROGRESS' });
  });

  it('explains refusals in the user’s terms', () => {
    const reason = (s: HazardState, a: HazardAction) => {
      const t = transition(s, a);
      return t.ok ? '' : t.reason;
    };
    expect(reason('CLOSED', 'update')).toContain('重新打开');
    expect(reason('PENDING', 'close')).toContain('不能销号');
    expect(reason('IN_PROGRESS', 'close')).toContain('不能销号');
    expect(reason('CLOSED', 'close')).toContain('已经销号');
    expect(reason('PENDING', 'reinspectPass')).toContain('不能复查');
    expect(reason('IN_PROGRESS', 'reinspectFail')).toContain('不能复查');
    expect(reason('AWAITING_REVIEW', 'extend')).toContain('不需要延期');
    expect(reason('AWAITING_REVIEW', 'reopen')).toContain('只有已销号的隐患才能重新打开');
    expect(reason('IN_PROGRESS', 'start')).toContain('整改中');
  });
});

describe('escalation of overdue hazards', () => {
  it('does nothing until the deadline has passed', () => {
    expect(escalation(0, 7)).toBeNull();
    expect(escalation(-5, 7)).toBeNull();
  });

  it('goes to the unit head at once, and to the principal only after the configured days', () => {
    expect(escalation(1, 7)).toBe('UNIT_HEAD');
    expect(escalation(7, 7)).toBe('UNIT_HEAD');
    expect(escalation(8, 7)).toBe('PRINCIPAL');
    expect(escalation(365, 7)).toBe('PRINCIPAL');
  });

  it('with 0 days configured, any overdue hazard goes straight to the principal', () => {
    expect(escalation(1, 0)).toBe('PRINCIPAL');
    expect(escalation(0, 0)).toBeNull();
  });
});
