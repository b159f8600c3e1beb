import { App as AntApp, Button, Card, Result, Typography } from 'antd';
import { ItemList } from '../../components/ItemList.tsx';
import type { AppStatus } from '../../../../preload/contract/app.ts';
import { useApiMutation, errorMessage } from '../../lib/api.ts';
import { formatBytes, formatDateTime } from '../../lib/format.ts';

/** Shown instead of the app when the database is damaged or newer than this program. */
export function RecoveryPage({ status }: { status: AppStatus }) {
  const { message, modal } = AntApp.useApp();
  const restore = useApiMutation('app.restoreBackup');
  const corrupt = status.state === 'corrupt';
  return (
    <div className="sl-center-screen">
      <Card className="sl-wizard-card" data-testid="recovery-page">
        <Result
          status={corrupt ? 'error' : 'warning'}
          title={corrupt ? '数据库文件已损坏' : '数据由更新版本的 SafeLedger 创建'}
          subTitle={status.message}
        />
        <Typography.Paragraph type="secondary">数据目录：{status.dataDir}</Typography.Paragraph>
        {corrupt && (
          <ItemList
            bordered
            header={<Typography.Text strong>可用的备份（最新在前）</Typography.Text>}
            items={status.backups}
            empty="没有找到备份文件"
            render={(b) => ({
              key: b.fileName,
              title: b.fileName,
              description: `${formatDateTime(b.createdAtMs)} · ${b.reason} · ${formatBytes(b.sizeBytes)}`,
              extra: (
                <Button
                  type="primary"
                  loading={restore.isPending}
                  data-testid="restore-backup"
                  onClick={() =>
                    modal.confirm({
                      title: '从此备份恢复？',
                      content: `损坏的数据库会被移到一旁保留（文件名加 .corrupt 后缀），然后用「${b.fileName}」替换。备份之后的修改将不在恢复后的数据中。`,
                      okText: '恢复',
                      cancelText: '取消',
                      onOk: () =>
                        restore.mutateAsync({ fileName: b.fileName }).then(
                          () => void message.success('已从备份恢复'),
                          (err: unknown) => void message.error(errorMessage(err)),
                        ),
                    })
                  }
                >
                  恢复此备份
                </Button>
              ),
            })}
          />
        )}
      </Card>
    </div>
  );
}
