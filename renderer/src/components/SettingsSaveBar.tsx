import { Button, Typography } from 'antd';
import { SaveOutlined } from '@ant-design/icons';

/** The buttons under a settings form: save, undo the edits, and whether something is unsaved. */
export function SettingsSaveBar({ saving, dirty, onSave, onReset, testId }: { saving: boolean; dirty: boolean; onSave: () => void; onReset: () => void; testId: string }) {
  return (
    <>
      <Button type="primary" icon={<SaveOutlined />} loading={saving} onClick={onSave} data-testid={testId}>
        保存设置
      </Button>
      <Button disabled={!dirty} onClick={onReset}>
        撤销修改
      </Button>
      {dirty && <Typography.Text type="warning">有未保存的修改</Typography.Text>}
    </>
  );
}
