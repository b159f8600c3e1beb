import type { ApiHandlers } from './types.ts';
import { agreementsHandlers } from '../modules/agreements/handlers.ts';
import { assessmentsHandlers } from '../modules/assessments/handlers.ts';
import { appHandlers } from '../modules/app/handlers.ts';
import { attachmentsHandlers } from '../modules/attachments/handlers.ts';
import { auditHandlers } from '../modules/audit/handlers.ts';
import { boardHandlers } from '../modules/board/handlers.ts';
import { cardsHandlers } from '../modules/cards/handlers.ts';
import { certificatesHandlers } from '../modules/certificates/handlers.ts';
import { commitmentsHandlers } from '../modules/commitments/handlers.ts';
import { dashboardHandlers } from '../modules/dashboard/handlers.ts';
import { dutiesHandlers } from '../modules/duties/handlers.ts';
import { enterpriseHandlers } from '../modules/enterprise/handlers.ts';
import { orgHandlers } from '../modules/org/handlers.ts';
import { peopleHandlers } from '../modules/people/handlers.ts';
import { postsHandlers } from '../modules/posts/handlers.ts';
import { printHandlers } from '../modules/print/handlers.ts';
import { riskHandlers } from '../modules/risk/handlers.ts';
import { checkHandlers } from '../modules/checks/handlers.ts';
import { hazardHandlers } from '../modules/hazards/handlers.ts';
import { emergencyHandlers } from '../modules/emergency/handlers.ts';
import { drillHandlers } from '../modules/drills/handlers.ts';
import { trainingHandlers } from '../modules/training/handlers.ts';
import { standardHandlers } from '../modules/standards/handlers.ts';

/** Every contract method's implementation. A missing one fails `npm run typecheck`. */
export const handlers = {
  ...appHandlers,
  ...enterpriseHandlers,
  ...orgHandlers,
  ...postsHandlers,
  ...peopleHandlers,
  ...certificatesHandlers,
  ...dashboardHandlers,
  ...auditHandlers,
  ...attachmentsHandlers,
  ...printHandlers,
  ...boardHandlers,
  ...commitmentsHandlers,
  ...agreementsHandlers,
  ...dutiesHandlers,
  ...cardsHandlers,
  ...assessmentsHandlers,
  ...riskHandlers,
  ...checkHandlers,
  ...hazardHandlers,
  ...emergencyHandlers,
  ...drillHandlers,
  ...trainingHandlers,
  ...standardHandlers,
} satisfies ApiHandlers;
