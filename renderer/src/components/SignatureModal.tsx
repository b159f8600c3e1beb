import { useEffect, useRef, useState } from 'react';
import { Alert, Button, DatePicker, Modal, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import SignaturePad from 'signature_pad';

/**
 * Handwritten signature by pen, touch or mouse. Returns the PNG as base64; main
 * checks that it really contains a signature before anything is recorded.
 */
export function SignatureModal({
  open,
  title,
  signer,
  statement,
  loading,
  onCancel,
  onSign,
}: {
  open: boolean;
  title: string;
  signer: string;
  statement: React.ReactNode;
  loading?: boolean;
  onCancel: () => void;
  onSign: (pngBase64: string, signedOn: string) => void;
}) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const padRef = useRef<SignaturePad | null>(null);
  const [empty, setEmpty] = useState(true);
  const [hint, setHint] = useState<string | null>(null);
  const [date, setDate] = useState(dayjs());

  useEffect(() => {
    if (!open) return;
    const t = setTimeout(() => {
      const canvas = canvasRef.current;
      if (!canvas) return;
      const ratio = Math.max(window.devicePixelRatio || 1, 1);
      canvas.width = canvas.offsetWidth * ratio;
      canvas.height = canvas.offsetHeight * ratio;
      canvas.getContext('2d')?.scale(ratio, ratio);
      const pad = new SignaturePad(canvas, { penColor: '#14213d', minWidth: 1.2, maxWidth: 3, backgroundColor: 'rgba(0,0,0,0)' });
      pad.addEventListener('endStroke', () => {
        setEmpty(pad.isEmpty());
        setHint(null);
      });
      padRef.current = pad;
      setEmpty(true);
    }, 50);
    return () => {
      clearTimeout(t);
      padRef.current?.off();
      padRef.current = null;
    };
  }, [open]);

  const confirm = () => {
    const pad = padRef.current;
    if (!pad || pad.isEmpty()) {
      setHint('请先在签名框内手写签名');
      return;
    }
    setHint(null);
    onSign(pad.toDataURL('image/png').replace(/^data:image\/png;base64,/, ''), date.format('YYYY-MM-DD'));
  };

  return (
    <Modal
      open={open}
      title={title}
      width={640}
      onCancel={onCancel}
      destroyOnHidden
      mask={{ closable: false }}
      footer={
        <Space>
          <Button onClick={() => { padRef.current?.clear(); setEmpty(true); }} data-testid="signature-clear">清除重签</Button>
          <Button onClick={onCancel}>取消</Button>
          <Button type="primary" onClick={confirm} loading={loading} data-testid="signature-confirm">确认签署</Button>
        </Space>
      }
    >
      <Typography.Paragraph>{statement}</Typography.Paragraph>
      <div className="sl-signature-box">
        <canvas ref={canvasRef} data-testid="signature-canvas" />
        {empty && <span className="sl-signature-placeholder">请 {signer} 在此处手写签名</span>}
      </div>
      <Space style={{ marginTop: 12 }}>
        <span>签署日期</span>
        <DatePicker value={date} onChange={(d) => d && setDate(d)} allowClear={false} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
      </Space>
      {hint && <Alert type="warning" showIcon title={hint} style={{ marginTop: 12 }} />}
    </Modal>
  );
}
