import { fail } from '../../errors.ts';
import { agreementStatusDoc, targetAgreementsDoc } from '../agreements/printable.ts';
import { assessmentNoticeDoc, assessmentSheetDoc } from '../assessments/printable.ts';
import { responsibilityBoardDoc } from '../board/printable.ts';
import { postCardBoardDoc, postCardsDoc } from '../cards/printable.ts';
import { commitmentLetterDoc } from '../commitments/printable.ts';
import { drillPlanDoc, drillRecordDoc } from '../drills/printable.ts';
import { dutyAckSheetDoc, dutyListDoc, dutyPublicityDoc } from '../duties/printable.ts';
import { emergencyCardDoc, emergencyPlanRegisterDoc } from '../emergency/printable.ts';
import { checkSheetDoc, hazardLedgerDoc, hazardStatsDoc, majorHazardFileDoc, rectificationNoticeDoc, reinspectionFormDoc } from '../hazards/printable.ts';
import { postRiskCardDoc, riskMapDoc, riskNoticeBoardDoc, riskRegisterDoc } from '../risk/printable.ts';
import { stdReportDoc, stdScoreSheetDoc } from '../standards/printable.ts';
import { trainingLedgerDoc, trainingRecordCardDoc, trainingSignInDoc } from '../training/printable.ts';
import type { DocType } from './types.ts';

/** Every document the print centre (and `cli print`) can produce. Later modules add theirs here. */
export const DOC_TYPES: readonly DocType[] = [
  responsibilityBoardDoc,
  commitmentLetterDoc,
  targetAgreementsDoc,
  agreementStatusDoc,
  dutyListDoc,
  dutyPublicityDoc,
  dutyAckSheetDoc,
  assessmentSheetDoc,
  assessmentNoticeDoc,
  postCardsDoc,
  postCardBoardDoc,
  emergencyCardDoc,
  riskRegisterDoc,
  riskMapDoc,
  riskNoticeBoardDoc,
  postRiskCardDoc,
  hazardLedgerDoc,
  rectificationNoticeDoc,
  reinspectionFormDoc,
  majorHazardFileDoc,
  hazardStatsDoc,
  checkSheetDoc,
  emergencyPlanRegisterDoc,
  drillPlanDoc,
  drillRecordDoc,
  trainingSignInDoc,
  trainingLedgerDoc,
  trainingRecordCardDoc,
  stdReportDoc,
  stdScoreSheetDoc,
];

export function docTypeOf(type: string): DocType {
  return DOC_TYPES.find((d) => d.type === type) ?? fail.field('type', `没有名为「${type}」的文件类型；可用的类型：${DOC_TYPES.map((d) => `${d.type}（${d.title}）`).join('、')}`);
}
