import { Tag } from 'antd';
import type { Certificate } from '../../../preload/contract/certificates.ts';
import { EmploymentType, PersonStatus } from '../../../preload/contract/enums.ts';

const EMPLOYMENT_COLORS: Record<EmploymentType, string> = {
  REGULAR: 'default',
  DISPATCHED: 'purple',
  FLEXIBLE: 'cyan',
  INTERN: 'geekblue',
  CONTRACTOR: 'gold',
};

export function EmploymentTag({ type }: { type: EmploymentType }) {
  return <Tag color={EMPLOYMENT_COLORS[type]}>{EmploymentType.label[type]}</Tag>;
}

export function PersonStatusTag({ status }: { status: PersonStatus }) {
  return <Tag color={status === 'ACTIVE' ? 'green' : 'default'}>{PersonStatus.label[status]}</Tag>;
}

/** Certificate state with its urgency; always text, never colour alone. */
export function CertStateTag({ cert }: { cert: Pick<Certificate, 'dueState' | 'daysLeft' | 'alertBucket'> }) {
  switch (cert.dueState) {
    case 'EXPIRED':
      return <Tag color="red">已过期 {Math.abs(cert.daysLeft ?? 0)} 天</Tag>;
    case 'REVIEW_OVERDUE':
      return <Tag color="red">复审逾期 {Math.abs(cert.daysLeft ?? 0)} 天</Tag>;
    case 'DUE':
      return <Tag color={(cert.alertBucket ?? 90) <= 30 ? 'volcano' : 'orange'}>{cert.alertBucket} 天内到期（剩 {cert.daysLeft} 天）</Tag>;
    case 'REVOKED':
      return <Tag>已注销</Tag>;
    case 'VALID':
      return <Tag color="green">有效</Tag>;
  }
}
