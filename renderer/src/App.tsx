import { useEffect } from 'react';
import { Button, Result, Spin } from 'antd';
import { useApi, errorMessage } from './lib/api.ts';
import { AppShell } from './components/AppShell.tsx';
import { SetupWizard } from './features/setup/SetupWizard.tsx';
import { RecoveryPage } from './features/setup/RecoveryPage.tsx';

/** Decides what the window shows from the data folder's state; marks the state on #root for tests. */
export function App() {
  const status = useApi('app.status', {});
  const state = status.data?.state ?? (status.isError ? 'error' : 'loading');

  useEffect(() => {
    const root = document.getElementById('root');
    if (root) root.dataset.appState = state;
  }, [state]);

  if (status.isPending) {
    return (
      <div className="sl-center-screen">
        <Spin size="large" />
      </div>
    );
  }
  if (status.isError) {
    return (
      <Result
        status="error"
        title="无法连接程序后台"
        subTitle={errorMessage(status.error)}
        extra={<Button onClick={() => void status.refetch()}>重试</Button>}
      />
    );
  }
  const s = status.data;
  switch (s.state) {
    case 'setup':
      return <SetupWizard />;
    case 'corrupt':
    case 'tooNew':
      return <RecoveryPage status={s} />;
    case 'ready':
      return <AppShell status={s} />;
  }
}
