import { useState, type ReactNode } from 'react';
import { Alert, App as AntApp, Form, Modal, type FormInstance } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError, errorMessage } from '../lib/api.ts';
import { okButtonTestId, showApiError } from '../lib/forms.ts';

/**
 * A small dialog for one step (a hazard's closed loop, a drill problem's or a
 * deduction's follow-up, finishing a session…). The step runs in main; when
 * main refuses, its Chinese message is shown in the dialog and field errors
 * next to their fields, and the dialog stays open.
 */
export function ActionModal<V extends object, R>({
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
  /** The success message. */
  done: (result: R) => string;
  onClose: () => void;
  /** Called with main's answer before the dialog closes (e.g. to put it in a cache). */
  onDone?: (result: R) => void;
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
      const result = await run(v);
      onDone?.(result);
      void qc.invalidateQueries();
      void message.success(done(result));
      onClose();
    } catch (e) {
      // A field's error is shown next to the field; anything else above the buttons.
      const known = Object.keys(form.getFieldsValue(true) as Record<string, unknown>);
      const onField = e instanceof ApiError && e.fields.some((f) => known.includes(f.path.split('.')[0]!));
      setProblem(onField ? null : errorMessage(e));
      showApiError(e, () => undefined, form);
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
      {problem && <Alert type="error" showIcon title="未能完成" description={problem} data-testid={`${testId}-error`} />}
    </Modal>
  );
}
