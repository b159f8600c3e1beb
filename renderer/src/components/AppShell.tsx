import { useEffect, useMemo, useState } from 'react';
import { Layout, Menu, Dropdown, Tag, Space, Button, Typography, App as AntApp } from 'antd';
import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  CalculatorOutlined,
  HeatMapOutlined,
  CheckSquareOutlined,
  CreditCardOutlined,
  ProfileOutlined,
  TrophyOutlined,
  BankOutlined,
  DashboardOutlined,
  FileDoneOutlined,
  PrinterOutlined,
  SignatureOutlined,
  IdcardOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  SolutionOutlined,
  TeamOutlined,
  UserSwitchOutlined,
  ScheduleOutlined,
  FileSearchOutlined,
  WarningOutlined,
  LineChartOutlined,
  FundOutlined,
  ControlOutlined,
  ContainerOutlined,
} from '@ant-design/icons';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import type { AppStatus } from '../../../preload/contract/app.ts';
import { useApi, useApiMutation, errorMessage } from '../lib/api.ts';
import { DashboardPage } from '../features/dashboard/DashboardPage.tsx';
import { EnterprisePage } from '../features/enterprise/EnterprisePage.tsx';
import { OrgPage } from '../features/org/OrgPage.tsx';
import { PostsPage } from '../features/posts/PostsPage.tsx';
import { PeoplePage } from '../features/people/PeoplePage.tsx';
import { CertificatesPage } from '../features/certificates/CertificatesPage.tsx';
import { AuditPage } from '../features/audit/AuditPage.tsx';
import { SettingsPage } from '../features/settings/SettingsPage.tsx';
import { PrintCentrePage } from '../features/print/PrintCentrePage.tsx';
import { CommitmentsPage } from '../features/commitments/CommitmentsPage.tsx';
import { AgreementsPage } from '../features/agreements/AgreementsPage.tsx';
import { DutiesPage } from '../features/duties/DutiesPage.tsx';
import { CoveragePage } from '../features/duties/CoveragePage.tsx';
import { CardsPage } from '../features/cards/CardsPage.tsx';
import { AssessmentsPage } from '../features/assessments/AssessmentsPage.tsx';
import { RiskRegisterPage } from '../features/risk/RiskRegisterPage.tsx';
import { MapPage } from '../features/risk/MapPage.tsx';
import { RiskStatsPage } from '../features/risk/RiskStatsPage.tsx';
import { RiskProfilesPage } from '../features/risk/RiskProfilesPage.tsx';
import { CheckBoardPage } from '../features/checks/CheckBoardPage.tsx';
import { CheckPlansPage } from '../features/checks/CheckPlansPage.tsx';
import { CheckRecordsPage } from '../features/checks/CheckRecordsPage.tsx';
import { CompliancePage } from '../features/checks/CompliancePage.tsx';
import { HazardSettingsPage } from '../features/checks/HazardSettingsPage.tsx';
import { HazardLedgerPage } from '../features/hazards/HazardLedgerPage.tsx';
import { HazardStatsPage } from '../features/hazards/HazardStatsPage.tsx';
import { NoticeCentre } from './NoticeCentre.tsx';
import { emergencyMenu, emergencyRoutes } from '../features/emergency/routes.tsx';
import { drillMenu, drillRoutes } from '../features/drills/routes.tsx';
import { trainingMenu, trainingRoutes } from '../features/training/routes.tsx';
import { standardsMenu, standardsRoutes } from '../features/standards/routes.tsx';

const { Sider, Header, Content } = Layout;

const ALL_MENU = [
  { key: '/', icon: <DashboardOutlined />, label: '工作台' },
  {
    key: 'base',
    type: 'group' as const,
    label: '基础信息',
    children: [
      { key: '/enterprise', icon: <BankOutlined />, label: '企业信息' },
      { key: '/org', icon: <ApartmentOutlined />, label: '组织机构' },
      { key: '/posts', icon: <SolutionOutlined />, label: '岗位' },
      { key: '/people', icon: <TeamOutlined />, label: '从业人员' },
      { key: '/certificates', icon: <SafetyCertificateOutlined />, label: '持证管理' },
    ],
  },
  {
    key: 'responsibility',
    type: 'group' as const,
    label: '全员责任制',
    children: [
      { key: '/duties', icon: <ProfileOutlined />, label: '岗位责任清单' },
      { key: '/duties/coverage', icon: <CheckSquareOutlined />, label: '岗位全覆盖检查' },
      { key: '/cards', icon: <CreditCardOutlined />, label: '两单两卡' },
      { key: '/assessments', icon: <TrophyOutlined />, label: '责任制考核' },
    ],
  },
  {
    key: 'risk',
    type: 'group' as const,
    label: '风险分级管控',
    children: [
      { key: '/risks', icon: <AlertOutlined />, label: '风险清单' },
      { key: '/risks/map', icon: <HeatMapOutlined />, label: '四色分布图' },
      { key: '/risks/stats', icon: <BarChartOutlined />, label: '风险统计' },
      { key: '/risks/profiles', icon: <CalculatorOutlined />, label: '评价方法' },
    ],
  },
  {
    key: 'hazard',
    type: 'group' as const,
    label: '隐患排查治理',
    children: [
      { key: '/checks', icon: <ScheduleOutlined />, label: '排查任务' },
      { key: '/checks/plans', icon: <ContainerOutlined />, label: '检查计划' },
      { key: '/checks/records', icon: <FileSearchOutlined />, label: '检查记录' },
      { key: '/hazards', icon: <WarningOutlined />, label: '隐患台账' },
      { key: '/hazards/stats', icon: <LineChartOutlined />, label: '隐患统计' },
      { key: '/checks/compliance', icon: <FundOutlined />, label: '检查执行率' },
      { key: '/checks/settings', icon: <ControlOutlined />, label: '排查治理设置' },
    ],
  },
  {
    key: 'emergency',
    type: 'group' as const,
    label: '应急与培训',
    children: [...emergencyMenu, ...drillMenu, ...trainingMenu],
  },
  {
    key: 'standardization',
    type: 'group' as const,
    label: '安全生产标准化',
    children: standardsMenu,
  },
  {
    key: 'documents',
    type: 'group' as const,
    label: '承诺与公示',
    children: [
      { key: '/commitments', icon: <SignatureOutlined />, label: '安全承诺书' },
      { key: '/agreements', icon: <FileDoneOutlined />, label: '目标责任书' },
      { key: '/print', icon: <PrinterOutlined />, label: '打印中心' },
    ],
  },
  {
    key: 'system',
    type: 'group' as const,
    label: '系统',
    children: [
      { key: '/audit', icon: <AuditOutlined />, label: '操作日志' },
      { key: '/settings', icon: <SettingOutlined />, label: '系统设置' },
    ],
  },
];

/** A group shows only when it has entries. */
const MENU = ALL_MENU.filter((m) => !('children' in m) || (m.children?.length ?? 0) > 0);

export function AppShell({ status }: { status: AppStatus }) {
  const navigate = useNavigate();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const { message } = AntApp.useApp();
  const operators = useApi('operator.list', {});
  const switchOperator = useApiMutation('session.switchOperator');

  // A new page starts at its top, not at the previous page's scroll position.
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [location.pathname]);

  const selected = useMemo(() => {
    const path = location.pathname;
    if (path === '/') return '/';
    // The longest menu entry the path lies under (/duties/coverage before /duties).
    const keys = MENU.flatMap((m) => ('children' in m && m.children ? m.children.map((c) => c.key) : [m.key]));
    return keys.filter((k) => k !== '/' && (path === k || path.startsWith(`${k}/`))).sort((a, b) => b.length - a.length)[0] ?? '/';
  }, [location.pathname]);

  const operatorItems = (operators.data ?? [])
    .filter((o) => o.active)
    .map((o) => ({ key: o.id, label: `${o.name}${o.title ? `（${o.title}）` : ''}`, disabled: o.id === status.operator?.id }));

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={208} style={{ background: '#0f2a4a' }} theme="dark">
        <div className="sl-brand">
          <IdcardOutlined style={{ fontSize: 22 }} />
          {!collapsed && (
            <div>
              SafeLedger
              <small>安全生产台账</small>
            </div>
          )}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[selected]}
          items={MENU}
          onClick={({ key }) => navigate(key)}
          style={{ background: '#0f2a4a', borderInlineEnd: 0 }}
        />
      </Sider>
      <Layout>
        <Header style={{ background: '#fff', padding: '0 24px', display: 'flex', alignItems: 'center', justifyContent: 'space-between', borderBottom: '1px solid #e5e7eb' }}>
          <Space size={12}>
            <Typography.Text strong style={{ fontSize: 16 }} data-testid="enterprise-name">
              {status.enterpriseName}
            </Typography.Text>
            {status.isDemo && <Tag color="orange">演示数据</Tag>}
          </Space>
          <Space size={12}>
          <NoticeCentre />
          <Dropdown
            menu={{
              items: [...operatorItems, { type: 'divider' as const }, { key: '__manage', label: '管理操作员…' }],
              onClick: ({ key }) => {
                if (key === '__manage') {
                  navigate('/settings?tab=operators');
                  return;
                }
                switchOperator.mutate(
                  { id: key },
                  { onSuccess: (s) => void message.success(`已切换为 ${s.operator?.name ?? ''}`), onError: (e) => void message.error(errorMessage(e)) },
                );
              },
            }}
          >
            <Button icon={<UserSwitchOutlined />} data-testid="operator-menu">
              当前操作员：{status.operator?.name ?? '未选择'}
            </Button>
          </Dropdown>
          </Space>
        </Header>
        {status.isDemo && (
          <div className="sl-demo-banner">
            当前为演示企业「{status.enterpriseName}」，数据均为虚构，仅供熟悉功能。正式使用前请在「系统设置 → 数据」中移除演示数据。
          </div>
        )}
        <Content>
          <Routes>
            <Route path="/" element={<DashboardPage />} />
            <Route path="/enterprise" element={<EnterprisePage />} />
            <Route path="/org" element={<OrgPage />} />
            <Route path="/posts" element={<PostsPage />} />
            <Route path="/people" element={<PeoplePage />} />
            <Route path="/certificates" element={<CertificatesPage />} />
            <Route path="/duties" element={<DutiesPage />} />
            <Route path="/duties/coverage" element={<CoveragePage />} />
            <Route path="/cards" element={<CardsPage />} />
            <Route path="/assessments" element={<AssessmentsPage />} />
            <Route path="/risks" element={<RiskRegisterPage />} />
            <Route path="/risks/map" element={<MapPage />} />
            <Route path="/risks/stats" element={<RiskStatsPage />} />
            <Route path="/risks/profiles" element={<RiskProfilesPage />} />
            <Route path="/checks" element={<CheckBoardPage />} />
            <Route path="/checks/plans" element={<CheckPlansPage />} />
            <Route path="/checks/records" element={<CheckRecordsPage />} />
            <Route path="/checks/compliance" element={<CompliancePage />} />
            <Route path="/checks/settings" element={<HazardSettingsPage />} />
            <Route path="/hazards" element={<HazardLedgerPage />} />
            <Route path="/hazards/stats" element={<HazardStatsPage />} />
            {emergencyRoutes}
            {drillRoutes}
            {trainingRoutes}
            {standardsRoutes}
            <Route path="/commitments" element={<CommitmentsPage />} />
            <Route path="/agreements" element={<AgreementsPage />} />
            <Route path="/print" element={<PrintCentrePage />} />
            <Route path="/audit" element={<AuditPage />} />
            <Route path="/settings" element={<SettingsPage status={status} />} />
            <Route path="*" element={<Navigate to="/" replace />} />
          </Routes>
        </Content>
      </Layout>
    </Layout>
  );
}
