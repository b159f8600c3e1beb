/**
 * THE contract: every method the renderer (or the CLI) can call, with its zod
 * input and output. Main's handler map is checked against it at compile time.
 */
import type { z } from 'zod';
import { appContract } from './app.ts';
import { agreementsContract } from './agreements.ts';
import { assessmentsContract } from './assessments.ts';
import { cardsContract } from './cards.ts';
import { attachmentsContract } from './attachments.ts';
import { auditContract } from './audit.ts';
import { boardContract } from './board.ts';
import { certificatesContract } from './certificates.ts';
import { commitmentsContract } from './commitments.ts';
import { dashboardContract } from './dashboard.ts';
import { dutiesContract } from './duties.ts';
import { enterpriseContract } from './enterprise.ts';
import { orgContract } from './org.ts';
import { peopleContract } from './people.ts';
import { postsContract } from './posts.ts';
import { printContract } from './print.ts';
import { riskContract } from './risk.ts';
import { checksContract } from './checks.ts';
import { hazardsContract } from './hazards.ts';
import { emergencyContract } from './emergency.ts';
import { drillsContract } from './drills.ts';
import { trainingContract } from './training.ts';
import { standardsContract } from './standards.ts';

export const contract = {
  ...appContract,
  ...enterpriseContract,
  ...orgContract,
  ...postsContract,
  ...peopleContract,
  ...certificatesContract,
  ...dashboardContract,
  ...auditContract,
  ...attachmentsContract,
  ...printContract,
  ...boardContract,
  ...commitmentsContract,
  ...agreementsContract,
  ...dutiesContract,
  ...cardsContract,
  ...assessmentsContract,
  ...riskContract,
  ...checksContract,
  ...hazardsContract,
  ...emergencyContract,
  ...drillsContract,
  ...trainingContract,
  ...standardsContract,
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
/** What a caller may send (before defaults and transforms). */
export type InputOf<K extends MethodName> = z.input<Contract[K]['input']>;
/** What a handler receives (after parsing). */
export type ParsedInputOf<K extends MethodName> = z.output<Contract[K]['input']>;
export type OutputOf<K extends MethodName> = z.output<Contract[K]['output']>;

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

/** Events pushed from main to the renderer through `api.on`. */
export interface EventMap {
  /** A mutation succeeded; the renderer refreshes its queries. */
  'data.changed': { method: string };
}
export type EventName = keyof EventMap;
export const EVENT_NAMES: readonly EventName[] = ['data.changed'];

export * from './define.ts';
