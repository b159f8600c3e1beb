/**
 * Dialogs and form helpers of the emergency pages: a dialog that runs one step
 * in main and keeps main's Chinese refusal inside the dialog, field errors
 * placed on the nearest registered field, and the file picker button.
 */
import { useState, type ReactNode } from 'react';
import { Alert, App as AntApp, Button, Form, Modal, type FormInstance } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import type { AttachmentInfo } from '../../../../preload/contract/attachments.ts';
import { ApiError, errorMessage, useApiMutation } from '../../lib/api.ts';
import { okButtonTestId } from '../../lib/forms.ts';

type NamePath = (string | number)[];

/**
 * Puts main's field errors (`scenarios.0.steps.1`) on the nearest field the form
 * has (the path itself, else its parents). Returns the messages no field took.
 */
export function placeFieldErrors(form: FormInstance, err: unknown): string[] {
  if (!(err instanceof ApiError) || !err.fields.length) return [errorMessage(err)];
  const registered = new Set(form.getFieldsError().map((f) => f.name.join('.')));
  const leftover: string[] = [];
  const placed: { name: NamePath; errors: string[] }[] = [];
  for (const f of err.fields) {
    const parts: NamePath = f.path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    let hit: NamePath | null = null;
    for (let n = parts.length; n > 0 && !hit; n--) if (registered.has(parts.slice(0, n).join('.'))) hit = parts.slice(0, n);
    if (hit) placed.push({ name: hit, errors: [f.message] });
    else leftover.push(f.message);
  }
  if (placed.length) form.setFields(placed);
  return leftover;
}

/**
 * A dialog for one step (issue, file, record a trigger, archive…). When main
 * refuses, its message is shown in the dialog (and on the field it names) and
 * the dialog stays open.
 */
export function StepModal<V extends object, R>({
  title,
  okText,
  testId,
  form,
  initialValues,
  run,
  done,
  onClose,
  onDone,
  children,
  width = 600,
  danger,
}: {
  title: ReactNode;
  okText: string;
  testId: string;
  form: FormInstance<V>;
  initialValues: Partial<V>;
  run: (values: V) => Promise<R>;
  done: (r: R) => string;
  onClose: () => void;
  onDone?: (r: R) => void;
  children: ReactNode;
  width?: number;
  danger?: boolean;
}) {
  const { message } = AntApp.useApp();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const qc = useQueryClient();

  const submit = async () => {
    let v: V;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setProblem(null);
    setBusy(true);
    try {
      const r = await run(v);
      void qc.invalidateQueries();
      void message.success(done(r));
      onDone?.(r);
      onClose();
    } catch (e) {
      const left = placeFieldErrors(form, e);
      const whole = errorMessage(e);
      setProblem(left.length ? (e instanceof ApiError && e.fields.length ? left.join('；') : whole) : null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      width={width}
      title={title}
      okText={okText}
      cancelText="取消"
      confirmLoading={busy}
      onCancel={onClose}
      onOk={() => void submit()}
      okButtonProps={{ ...okButtonTestId(`${testId}-ok`), danger }}
      destroyOnHidden
      data-testid={testId}
    >
      <Form form={form} layout="vertical" initialValues={initialValues} requiredMark="optional" colon={false} onValuesChange={() => problem && setProblem(null)}>
        {children}
      </Form>
      {problem && <Alert type="error" showIcon title="未能完成" description={problem} data-testid={`${testId}-error`} style={{ marginTop: 8 }} />}
    </Modal>
  );
}

/** Chooses files through main's file dialog and stores them as attachments. */
export function PickFilesButton({
  purpose,
  label,
  onPicked,
  testId,
  size = 'small',
  busy,
}: {
  purpose: 'document' | 'imageOrPdf';
  label: string;
  onPicked: (files: AttachmentInfo[]) => void;
  testId?: string;
  size?: 'small' | 'middle';
  busy?: boolean;
}) {
  const { message } = AntApp.useApp();
  const pick = useApiMutation('attachment.pick');
  return (
    <Button
      size={size}
      icon={<PaperClipOutlined />}
      loading={pick.isPending || busy}
      data-testid={testId}
      onClick={() =>
        pick.mutate(
          { purpose },
          {
            onSuccess: (r) => {
              if (!r.cancelled && r.attachments.length) onPicked(r.attachments);
            },
            onError: (e) => void message.error(errorMessage(e)),
          },
        )
      }
    >
      {label}
    </Button>
  );
}

/** `Form` wrapper values for date pickers → `YYYY-MM-DD` or null. */
export function day(v: { format: (f: string) => string } | null | undefined): string | null {
  return v ? v.format('YYYY-MM-DD') : null;
}
