/**
 * The plan canvas of the four-colour map: the plan image and its areas in one
 * SVG whose viewBox is the image's pixel size, so areas stored as fractions are
 * drawn at x*W, y*H. Zoom and pan change one <g>'s transform, written straight
 * to the DOM in a requestAnimationFrame: no React render happens while the
 * user scrolls or drags, whatever the number of areas.
 */
import { memo, useEffect, useEffectEvent, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type PointerEvent as ReactPointerEvent, type ReactNode, type Ref } from 'react';
import { App as AntApp, Button, Segmented, Space, Spin, Switch, Tooltip } from 'antd';
import { CheckOutlined, CloseOutlined, DragOutlined, EnvironmentOutlined, ExpandOutlined, GatewayOutlined, ZoomInOutlined, ZoomOutOutlined } from '@ant-design/icons';
import type { RiskLevel } from '../../../../preload/contract/enums.ts';
import {
  IDENTITY,
  centerOn,
  centroid,
  clamp,
  darken,
  fitPoints,
  keepVisible,
  pointsAttr,
  roundFraction,
  transformAttr,
  zoomAround,
  type Pt,
  type ViewTransform,
} from './mapGeometry.ts';

/** An area being edited; `key` is its id once saved, a temporary key before. */
export interface DraftArea {
  key: string;
  id: string | null;
  kind: 'POLYGON' | 'MARKER';
  label: string;
  points: Pt[];
  riskPointIds: string[];
  /** The level main computed when the plan was loaded (used until the risk register is loaded). */
  savedLevel: RiskLevel | null;
}

export type MapTool = 'select' | 'polygon' | 'marker';

export interface MapEditorHandle {
  /** Brings an area into view. */
  focusArea: (key: string) => void;
  fit: () => void;
}

/** Movement (screen px) below which a press is a click, not a drag. */
const DRAG_THRESHOLD = 4;
/** A new vertex this close (screen px) to the previous one is the second click of a double-click. */
const SAME_POINT_PX = 5;
/** Clicking this close (screen px) to the first vertex closes the polygon. */
const CLOSE_PX = 9;
const BUTTON_ZOOM = 1.5;
/** Above this many areas, labels are hidden while a zoom is in motion (see apply). */
const LABELS_HIDE_WHILE_ZOOMING = 60;

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  return Boolean(target.closest('input, textarea, select, [contenteditable="true"], .ant-select, .ant-modal, .ant-picker-dropdown'));
}

export function MapEditor({
  ref,
  width: W,
  height: H,
  imageUrl,
  imageError,
  areas,
  colors,
  selectedKey,
  editingKey,
  onSelect,
  onCreate,
  onChangePoints,
  onEscape,
  toolbarExtra,
  legend,
}: {
  ref?: Ref<MapEditorHandle>;
  width: number;
  height: number;
  imageUrl: string | null;
  imageError: string | null;
  areas: readonly DraftArea[];
  /** Fill colour of each area by key. */
  colors: ReadonlyMap<string, string>;
  selectedKey: string | null;
  /** The area whose vertices (or marker position) can be dragged. */
  editingKey: string | null;
  onSelect: (key: string | null) => void;
  onCreate: (kind: 'POLYGON' | 'MARKER', points: Pt[]) => void;
  onChangePoints: (key: string, points: Pt[]) => void;
  /** Esc outside drawing: leave vertex editing or clear the selection. */
  onEscape: () => void;
  toolbarExtra?: ReactNode;
  legend?: ReactNode;
}) {
  const { message } = AntApp.useApp();
  const svgRef = useRef<SVGSVGElement>(null);
  const layerRef = useRef<SVGGElement>(null);
  const rubberRef = useRef<SVGLineElement>(null);
  const closingRef = useRef<SVGLineElement>(null);
  const zoomTextRef = useRef<HTMLSpanElement>(null);
  const view = useRef<ViewTransform>(IDENTITY);
  const frame = useRef(0);
  const tween = useRef(0);
  /** Screen px per viewBox unit at zoom 1 (the "fit" scale). */
  const baseScale = useRef(1);
  const mapPx = useRef('');
  const appliedK = useRef(1);
  const settle = useRef(0);
  const manyLabels = useRef(false);
  const [tool, setTool] = useState<MapTool>('select');
  const [drawing, setDrawing] = useState<Pt[]>([]);
  const [showLabels, setShowLabels] = useState(true);

  // ---- view transform, applied outside React ----

  const apply = () => {
    frame.current = 0;
    const t = view.current;
    layerRef.current?.setAttribute('transform', transformAttr(t));
    // A change of scale lays out every SVG label again (their font size depends on it); with many
    // areas the labels are hidden while the zoom is moving and come back once it settles.
    if (t.k !== appliedK.current) {
      appliedK.current = t.k;
      const svg = svgRef.current;
      if (svg && manyLabels.current) {
        svg.classList.add('is-zooming');
        clearTimeout(settle.current);
        settle.current = window.setTimeout(() => svg.classList.remove('is-zooming'), 180);
      }
    }
    // Labels, markers and handles keep their screen size: CSS reads this variable. Set only when it
    // changes (zoom, resize): re-setting it restyles every label even when panning.
    const px = (1 / (baseScale.current * t.k)).toPrecision(5);
    if (px !== mapPx.current) {
      mapPx.current = px;
      svgRef.current?.style.setProperty('--map-px', px);
    }
    const zoomText = `${Math.round(t.k * 100)}%`;
    if (zoomTextRef.current && zoomTextRef.current.textContent !== zoomText) zoomTextRef.current.textContent = zoomText;
  };
  const schedule = () => {
    if (!frame.current) frame.current = requestAnimationFrame(apply);
  };
  const setView = (t: ViewTransform) => {
    cancelAnimationFrame(tween.current);
    tween.current = 0;
    view.current = keepVisible(t, W, H);
    schedule();
  };
  const animateTo = (target: ViewTransform) => {
    cancelAnimationFrame(tween.current);
    const to = keepVisible(target, W, H);
    const from = view.current;
    const start = performance.now();
    const step = (now: number) => {
      const p = Math.min(1, (now - start) / 180);
      const e = 1 - (1 - p) ** 3;
      view.current = { k: from.k * (to.k / from.k) ** e, tx: from.tx + (to.tx - from.tx) * e, ty: from.ty + (to.ty - from.ty) * e };
      apply();
      tween.current = p < 1 ? requestAnimationFrame(step) : 0;
    };
    tween.current = requestAnimationFrame(step);
  };

  /** Client (screen) coordinates to viewBox units. */
  const toViewBox = (cx: number, cy: number): { x: number; y: number } => {
    const m = svgRef.current?.getScreenCTM();
    if (!m) return { x: 0, y: 0 };
    const p = new DOMPoint(cx, cy).matrixTransform(m.inverse());
    return { x: p.x, y: p.y };
  };
  /** Client coordinates to plan fractions (not clamped). */
  const toFraction = (cx: number, cy: number): Pt => {
    const v = toViewBox(cx, cy);
    const t = view.current;
    return [(v.x - t.tx) / t.k / W, (v.y - t.ty) / t.k / H];
  };
  /** Distance on screen (px) between two plan fractions. */
  const screenDistance = (a: Pt, b: Pt) => Math.hypot((a[0] - b[0]) * W, (a[1] - b[1]) * H) * view.current.k * (svgRef.current?.getScreenCTM()?.a ?? 1);

  const zoomBy = (factor: number) => animateTo(zoomAround(view.current, factor, W / 2, H / 2));
  const fit = () => animateTo(IDENTITY);

  const focusArea = (key: string) => {
    const a = areas.find((x) => x.key === key);
    if (!a || !a.points.length) return;
    const k = view.current.k;
    if (a.kind === 'MARKER') {
      const [x, y] = a.points[0]!;
      animateTo(centerOn(x * W, y * H, Math.max(k, 3), W, H));
    } else {
      animateTo(fitPoints(a.points, W, H, 1));
    }
  };
  useImperativeHandle(ref, () => ({ focusArea, fit }));

  // Fit scale from the element size; re-applied when the window or side panel changes size.
  useLayoutEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const measure = () => {
      const r = svg.getBoundingClientRect();
      baseScale.current = r.width > 0 && r.height > 0 ? Math.min(r.width / W, r.height / H) : 1;
      apply();
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(svg);
    return () => {
      ro.disconnect();
      cancelAnimationFrame(frame.current);
      cancelAnimationFrame(tween.current);
      frame.current = 0;
    };
  }, [W, H]);

  useEffect(() => {
    manyLabels.current = areas.length > LABELS_HIDE_WHILE_ZOOMING;
  }, [areas.length]);
  useEffect(() => () => clearTimeout(settle.current), []);

  // ---- wheel zoom (a native listener: React's wheel listener is passive and cannot stop the page scrolling) ----

  const onWheel = useEffectEvent((e: WheelEvent) => {
    e.preventDefault();
    const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? 400 : 1;
    const delta = clamp(e.deltaY * unit, -300, 300);
    // Pinch gestures on touchpads arrive as ctrl+wheel with small deltas.
    const factor = Math.exp(-delta * (e.ctrlKey ? 0.01 : 0.002));
    const p = toViewBox(e.clientX, e.clientY);
    setView(zoomAround(view.current, factor, p.x, p.y));
  });
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const listener = (e: WheelEvent) => onWheel(e);
    svg.addEventListener('wheel', listener, { passive: false });
    return () => svg.removeEventListener('wheel', listener);
  }, []);

  // ---- drawing ----

  const finishPolygon = () => {
    if (drawing.length < 3) {
      void message.warning(`多边形至少需要 3 个顶点（当前 ${drawing.length} 个），请继续在平面图上单击添加顶点`);
      return;
    }
    onCreate('POLYGON', drawing);
    setDrawing([]);
  };
  const cancelDrawing = () => setDrawing([]);

  const inPlan = ([x, y]: Pt) => x >= -0.01 && x <= 1.01 && y >= -0.01 && y <= 1.01;

  const clickAt = (cx: number, cy: number, targetKey: string | null) => {
    if (tool === 'select') {
      onSelect(targetKey);
      return;
    }
    const raw = toFraction(cx, cy);
    if (!inPlan(raw)) {
      void message.info('请在平面图范围内单击');
      return;
    }
    const pt: Pt = [roundFraction(raw[0]), roundFraction(raw[1])];
    if (tool === 'marker') {
      onCreate('MARKER', [pt]);
      return;
    }
    const last = drawing[drawing.length - 1];
    if (last && screenDistance(last, pt) < SAME_POINT_PX) return;
    if (drawing.length >= 3 && screenDistance(drawing[0]!, pt) < CLOSE_PX) {
      finishPolygon();
      return;
    }
    if (drawing.length >= 200) {
      void message.warning('一个区域最多 200 个顶点');
      return;
    }
    setDrawing([...drawing, pt]);
  };

  const onPointerDown = (e: ReactPointerEvent<SVGSVGElement>) => {
    if (e.button !== 0 && e.button !== 1) return;
    const svg = svgRef.current;
    if (!svg) return;
    // No focus change on the plan (preventDefault), but a name field typed in before must let go,
    // so that Enter, Esc and Backspace reach the drawing.
    e.preventDefault();
    if (document.activeElement instanceof HTMLElement && document.activeElement !== document.body) document.activeElement.blur();
    cancelAnimationFrame(tween.current);
    const scale = svg.getScreenCTM()?.a ?? 1;
    const startX = e.clientX;
    const startY = e.clientY;
    const startView = view.current;
    const button = e.button;
    const targetKey = (e.target as Element).closest('[data-area-key]')?.getAttribute('data-area-key') ?? null;
    let moved = false;
    const move = (ev: PointerEvent) => {
      const dx = ev.clientX - startX;
      const dy = ev.clientY - startY;
      if (!moved && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
      if (!moved) {
        moved = true;
        svg.classList.add('is-panning');
      }
      setView({ k: startView.k, tx: startView.tx + dx / scale, ty: startView.ty + dy / scale });
    };
    const up = (ev: PointerEvent) => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      window.removeEventListener('pointercancel', up);
      svg.classList.remove('is-panning');
      if (!moved && button === 0 && ev.type === 'pointerup') clickAt(ev.clientX, ev.clientY, targetKey);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
    window.addEventListener('pointercancel', up);
  };

  const onPointerMove = (e: ReactPointerEvent<SVGSVGElement>) => {
    if (!drawing.length) return;
    const [fx, fy] = toFraction(e.clientX, e.clientY);
    const x = String(clamp(fx, 0, 1) * W);
    const y = String(clamp(fy, 0, 1) * H);
    rubberRef.current?.setAttribute('x2', x);
    rubberRef.current?.setAttribute('y2', y);
    closingRef.current?.setAttribute('x2', x);
    closingRef.current?.setAttribute('y2', y);
  };

  const changeTool = (t: MapTool) => {
    setDrawing([]);
    setTool(t);
  };

  // ---- keyboard ----

  const onKey = useEffectEvent((e: KeyboardEvent) => {
    if (e.defaultPrevented || isTyping(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
    if (drawing.length) {
      if (e.key === 'Enter') {
        e.preventDefault();
        finishPolygon();
      } else if (e.key === 'Escape') {
        e.preventDefault();
        cancelDrawing();
      } else if (e.key === 'Backspace') {
        e.preventDefault();
        setDrawing(drawing.slice(0, -1));
      }
      return;
    }
    if (e.key === 'Escape') {
      if (tool !== 'select' && !editingKey && !selectedKey) changeTool('select');
      else onEscape();
    } else if (e.key === '+' || e.key === '=') zoomBy(BUTTON_ZOOM);
    else if (e.key === '-') zoomBy(1 / BUTTON_ZOOM);
    else if (e.key === '0') fit();
  });
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKey(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  const editing = editingKey ? (areas.find((a) => a.key === editingKey) ?? null) : null;
  const selected = selectedKey ? (areas.find((a) => a.key === selectedKey) ?? null) : null;
  const first = drawing[0];
  const last = drawing[drawing.length - 1];

  return (
    <div className="sl-map-editor">
      <div className="sl-map-toolbar">
        <Segmented<MapTool>
          value={tool}
          onChange={changeTool}
          options={[
            { value: 'select', label: <span data-testid="risk-map-tool-select"><DragOutlined /> 选择/移动视图</span> },
            { value: 'polygon', label: <span data-testid="risk-map-tool-polygon"><GatewayOutlined /> 画区域</span> },
            { value: 'marker', label: <span data-testid="risk-map-tool-marker"><EnvironmentOutlined /> 放置标记</span> },
          ]}
        />
        <Space.Compact>
          <Tooltip title="放大（+）">
            <Button icon={<ZoomInOutlined />} onClick={() => zoomBy(BUTTON_ZOOM)} aria-label="放大" data-testid="risk-map-zoom-in" />
          </Tooltip>
          <Tooltip title="缩小（-）">
            <Button icon={<ZoomOutOutlined />} onClick={() => zoomBy(1 / BUTTON_ZOOM)} aria-label="缩小" data-testid="risk-map-zoom-out" />
          </Tooltip>
          <Tooltip title="适应窗口（0）">
            <Button icon={<ExpandOutlined />} onClick={fit} aria-label="适应窗口" data-testid="risk-map-fit" />
          </Tooltip>
        </Space.Compact>
        <span className="sl-map-zoom" ref={zoomTextRef} data-testid="risk-map-zoom" title="相对“适应窗口”的缩放比例">
          100%
        </span>
        <label className="sl-map-switch">
          <Switch size="small" checked={showLabels} onChange={setShowLabels} /> 显示名称
        </label>
        <span style={{ flex: 1 }} />
        {toolbarExtra}
      </div>
      <div className="sl-map-canvas">
        <svg
          ref={svgRef}
          data-testid="risk-map-svg"
          className={`sl-map-svg sl-map-tool-${tool}${showLabels ? '' : ' sl-map-nolabels'}`}
          viewBox={`0 0 ${W} ${H}`}
          preserveAspectRatio="xMidYMid meet"
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onDoubleClick={(e) => {
            if (tool === 'polygon' && drawing.length) {
              e.preventDefault();
              finishPolygon();
            }
          }}
          onContextMenu={(e) => e.preventDefault()}
          role="application"
          aria-label="厂区平面图：滚轮缩放，拖动平移"
        >
          <g ref={layerRef} data-testid="risk-map-layer">
            <rect className="sl-map-paper" x={0} y={0} width={W} height={H} />
            {imageUrl && <image href={imageUrl} x={0} y={0} width={W} height={H} preserveAspectRatio="none" />}
            <rect className="sl-map-frame" x={0} y={0} width={W} height={H} vectorEffect="non-scaling-stroke" />
            <AreaLayer areas={areas} colors={colors} hiddenKey={editing?.key ?? null} W={W} H={H} />
            {selected && selected.key !== editing?.key && <SelectionOutline area={selected} W={W} H={H} />}
            {editing && (
              <VertexEditor
                key={editing.key}
                area={editing}
                index={areas.indexOf(editing)}
                color={colors.get(editing.key) ?? '#9ca3af'}
                W={W}
                H={H}
                toFraction={toFraction}
                onCommit={(pts) => onChangePoints(editing.key, pts)}
                onTooFew={() => void message.warning('多边形至少需要 3 个顶点，不能再删除')}
              />
            )}
            {first && last && (
              <g className="sl-map-drawing">
                {drawing.length >= 2 && <polyline points={pointsAttr(drawing, W, H)} vectorEffect="non-scaling-stroke" />}
                {drawing.length >= 2 && <line ref={closingRef} className="sl-map-rubber-closing" x1={first[0] * W} y1={first[1] * H} x2={last[0] * W} y2={last[1] * H} vectorEffect="non-scaling-stroke" />}
                <line ref={rubberRef} className="sl-map-rubber" x1={last[0] * W} y1={last[1] * H} x2={last[0] * W} y2={last[1] * H} vectorEffect="non-scaling-stroke" />
                {drawing.map(([x, y], i) => (
                  <circle key={i} className={i === 0 ? 'sl-map-draw-vertex sl-map-draw-first' : 'sl-map-draw-vertex'} cx={x * W} cy={y * H} vectorEffect="non-scaling-stroke" />
                ))}
              </g>
            )}
          </g>
        </svg>
        {!imageUrl && (
          <div className="sl-map-loading">{imageError ? <span className="sl-map-error">平面图图片无法显示：{imageError}</span> : <Spin description="正在载入平面图…" />}</div>
        )}
        <div className="sl-map-hint" data-testid="risk-map-hint">
          {tool === 'select' && <span>拖动平移、滚轮缩放；单击区域或标记查看、编辑</span>}
          {tool === 'marker' && <span>在平面图上单击放置标记；拖动平移、滚轮缩放</span>}
          {tool === 'polygon' && (
            <>
              <span>
                {drawing.length ? `已画 ${drawing.length} 个顶点。` : ''}单击添加顶点，双击、按 Enter 或点「完成」闭合；Backspace 删除上一个顶点，Esc 取消
              </span>
              <Button size="small" type="primary" icon={<CheckOutlined />} onClick={finishPolygon} data-testid="risk-map-finish">
                完成
              </Button>
              <Button size="small" icon={<CloseOutlined />} disabled={!drawing.length} onClick={cancelDrawing} data-testid="risk-map-cancel-draw">
                取消
              </Button>
            </>
          )}
        </div>
      </div>
      {legend && <div className="sl-map-footer">{legend}</div>}
    </div>
  );
}

// ---- layers ----

const AreaLayer = memo(function AreaLayer({ areas, colors, hiddenKey, W, H }: { areas: readonly DraftArea[]; colors: ReadonlyMap<string, string>; hiddenKey: string | null; W: number; H: number }) {
  return (
    <g className="sl-map-areas">
      {areas.map((a, i) => (a.key === hiddenKey ? null : <AreaShape key={a.key} area={a} index={i} color={colors.get(a.key) ?? '#9ca3af'} W={W} H={H} />))}
    </g>
  );
});

const AreaShape = memo(function AreaShape({ area, index, color, W, H }: { area: DraftArea; index: number; color: string; W: number; H: number }) {
  const [cx, cy] = useMemo(() => (area.kind === 'POLYGON' ? centroid(area.points) : (area.points[0] ?? ([0, 0] as Pt))), [area.kind, area.points]);
  if (area.kind === 'MARKER') {
    return (
      <g data-area-key={area.key} className="sl-map-marker">
        <circle className="sl-map-marker-dot" cx={cx * W} cy={cy * H} fill={color} vectorEffect="non-scaling-stroke" data-testid={`risk-map-area-${index}`} />
        <text className="sl-map-label sl-map-label-marker" x={cx * W} y={cy * H} dx="0.9em">
          {area.label}
        </text>
      </g>
    );
  }
  return (
    <g data-area-key={area.key}>
      <polygon className="sl-map-polygon" points={pointsAttr(area.points, W, H)} fill={color} stroke={darken(color)} vectorEffect="non-scaling-stroke" data-testid={`risk-map-area-${index}`} />
      <text className="sl-map-label" x={cx * W} y={cy * H}>
        {area.label}
      </text>
    </g>
  );
});

/** The selected area outlined on top of its neighbours. */
function SelectionOutline({ area, W, H }: { area: DraftArea; W: number; H: number }) {
  if (area.kind === 'MARKER') {
    const [x, y] = area.points[0] ?? [0, 0];
    return <circle className="sl-map-selected-marker" cx={x * W} cy={y * H} vectorEffect="non-scaling-stroke" />;
  }
  return <polygon className="sl-map-selected" points={pointsAttr(area.points, W, H)} vectorEffect="non-scaling-stroke" />;
}

/**
 * Drag handles for the area being edited: vertices move, the small handles
 * halfway along each edge insert a vertex, double-click (or right-click) on a
 * vertex removes it. While dragging only this component renders.
 */
function VertexEditor({
  area,
  index,
  color,
  W,
  H,
  toFraction,
  onCommit,
  onTooFew,
}: {
  area: DraftArea;
  index: number;
  color: string;
  W: number;
  H: number;
  toFraction: (cx: number, cy: number) => Pt;
  onCommit: (points: Pt[]) => void;
  onTooFew: () => void;
}) {
  const [dragging, setDragging] = useState<Pt[] | null>(null);
  const pts = dragging ?? area.points;
  const polygon = area.kind === 'POLYGON';
  const [cx, cy] = polygon ? centroid(pts) : (pts[0] ?? [0, 0]);

  const startDrag = (e: ReactPointerEvent, at: number, insert: boolean) => {
    if (e.button !== 0) return;
    e.stopPropagation();
    e.preventDefault();
    let working: Pt[] = insert ? [...area.points.slice(0, at), mid(area.points, at - 1), ...area.points.slice(at)] : [...area.points];
    let moved = insert;
    let raf = 0;
    let pending: Pt | null = null;
    const flush = () => {
      raf = 0;
      if (!pending) return;
      const p = pending;
      working = working.map((q, j) => (j === at ? p : q));
      moved = true;
      setDragging(working);
    };
    const move = (ev: PointerEvent) => {
      const [x, y] = toFraction(ev.clientX, ev.clientY);
      pending = [roundFraction(x), roundFraction(y)];
      if (!raf) raf = requestAnimationFrame(flush);
    };
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      window.removeEventListener('pointercancel', up);
      cancelAnimationFrame(raf);
      flush();
      setDragging(null);
      if (moved) onCommit(working);
    };
    if (insert) setDragging(working);
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
    window.addEventListener('pointercancel', up);
  };

  const remove = (at: number) => {
    if (!polygon) return;
    if (area.points.length <= 3) {
      onTooFew();
      return;
    }
    onCommit(area.points.filter((_, j) => j !== at));
  };

  return (
    <g className="sl-map-editing" data-area-key={area.key}>
      {polygon ? (
        <polygon className="sl-map-polygon sl-map-polygon-editing" points={pointsAttr(pts, W, H)} fill={color} stroke={darken(color)} vectorEffect="non-scaling-stroke" data-testid={`risk-map-area-${index}`} />
      ) : (
        <circle className="sl-map-marker-dot" cx={cx * W} cy={cy * H} fill={color} vectorEffect="non-scaling-stroke" data-testid={`risk-map-area-${index}`} />
      )}
      <text className={polygon ? 'sl-map-label' : 'sl-map-label sl-map-label-marker'} x={cx * W} y={cy * H} dx={polygon ? undefined : '0.9em'}>
        {area.label}
      </text>
      {polygon &&
        pts.map((_, i) => {
          const [mx, my] = mid(pts, i);
          return (
            <circle key={`m${i}`} className="sl-map-handle-mid" cx={mx * W} cy={my * H} vectorEffect="non-scaling-stroke" onPointerDown={(e) => startDrag(e, i + 1, true)}>
              <title>拖动以插入顶点</title>
            </circle>
          );
        })}
      {pts.map(([x, y], i) => (
        <g key={`v${i}`}>
          <circle
            className="sl-map-handle"
            cx={x * W}
            cy={y * H}
            vectorEffect="non-scaling-stroke"
            data-testid={`risk-map-vertex-${i}`}
            onPointerDown={(e) => startDrag(e, i, false)}
            onDoubleClick={(e) => {
              e.stopPropagation();
              remove(i);
            }}
            onContextMenu={(e) => {
              e.preventDefault();
              e.stopPropagation();
              remove(i);
            }}
          >
            <title>{polygon ? '拖动移动顶点；双击或右键删除顶点' : '拖动移动标记'}</title>
          </circle>
        </g>
      ))}
    </g>
  );
}

/** The middle of edge i → i+1 (wrapping). */
function mid(points: readonly Pt[], i: number): Pt {
  const n = points.length;
  const a = points[((i % n) + n) % n]!;
  const b = points[(i + 1) % n]!;
  return [roundFraction((a[0] + b[0]) / 2), roundFraction((a[1] + b[1]) / 2)];
}
