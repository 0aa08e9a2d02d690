import {
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
  type RefObject,
  useId,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import { nearestIndex } from './chart-math';

/** The numbers behind a chart, as the visually hidden table screen readers read. */
export interface ChartTable {
  columns: readonly string[];
  /** Each row's first cell is its header (a week, a segment, a department). */
  rows: readonly (readonly string[])[];
}

/** What every chart takes besides its data. */
export interface ChartCommon {
  /** The chart's name: its caption, and what screen readers announce. */
  title: string;
  /** A sentence under the title saying how to read it. */
  description?: ReactNode;
  /** Keeps the title for screen readers only (when a heading right above already says it). */
  hideTitle?: boolean;
  /** Said instead of the chart when there is nothing to draw. */
  emptyText?: string;
  /** The smallest group the analytics show, for "Hidden: fewer than N people". */
  minGroupSize?: number;
  className?: string;
}

/**
 * A chart's frame: a <figure> named by its caption, the drawing, its legend, and the same
 * numbers as a table only screen readers see (the drawing itself is not readable to them).
 */
export function ChartFrame({
  common,
  kind,
  empty,
  emptyText,
  legend,
  table,
  children,
}: {
  common: ChartCommon;
  kind: string;
  empty: boolean;
  emptyText: string;
  legend?: ReactNode;
  table: ChartTable;
  children: ReactNode;
}) {
  const captionId = useId();
  return (
    <figure
      className={['chart', `chart-${kind}`, common.className].filter(Boolean).join(' ')}
      aria-labelledby={captionId}
    >
      <figcaption id={captionId} className={common.hideTitle ? 'visually-hidden' : 'chart-title'}>
        {common.title}
      </figcaption>
      {common.description && <p className="chart-description">{common.description}</p>}
      {empty ? (
        <p className="chart-empty">{common.emptyText ?? emptyText}</p>
      ) : (
        <>
          {children}
          {legend}
          {/* A table cannot be shrunk to nothing itself: its wrapper hides it. */}
          <div className="visually-hidden">
            <table>
              <caption>{common.title}</caption>
              <thead>
                <tr>
                  {table.columns.map((column) => (
                    <th key={column} scope="col">
                      {column}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional (weeks, buckets)
                  <tr key={index}>
                    {row.map((cell, column) =>
                      column === 0 ? (
                        // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
                        <th key={column} scope="row">
                          {cell}
                        </th>
                      ) : (
                        // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
                        <td key={column}>{cell}</td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </figure>
  );
}

/**
 * The width a chart has to draw in, followed as the window or the phone turns. Before the
 * first measurement (and outside a browser) it is `fallback`.
 */
export function useChartWidth<T extends HTMLElement>(
  fallback = 640,
): [RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      const next = Math.floor(element.getBoundingClientRect().width);
      if (next > 0) setWidth(next);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

/**
 * Reading a chart point by point: arrow keys (Home, End) move along the x positions while
 * the chart has focus, and the pointer picks the nearest one. `active` is null when idle.
 */
export function useChartCursor(positions: readonly number[]) {
  const [active, setActive] = useState<number | null>(null);
  const last = positions.length - 1;
  const clamp = (index: number) => Math.max(0, Math.min(last, index));
  return {
    active: active === null || last < 0 ? null : clamp(active),
    props: {
      tabIndex: last >= 0 ? 0 : -1,
      onFocus: () => setActive((current) => current ?? last),
      onBlur: () => setActive(null),
      onKeyDown: (event: KeyboardEvent) => {
        const moves: Record<string, (current: number) => number> = {
          ArrowRight: (current) => current + 1,
          ArrowUp: (current) => current + 1,
          ArrowLeft: (current) => current - 1,
          ArrowDown: (current) => current - 1,
          Home: () => 0,
          End: () => last,
        };
        const move = moves[event.key];
        if (!move) return;
        event.preventDefault();
        setActive((current) => clamp(move(current ?? last)));
      },
      onPointerMove: (event: PointerEvent<HTMLElement>) => {
        const box = event.currentTarget.getBoundingClientRect();
        setActive(nearestIndex(positions, event.clientX - box.left));
      },
      onPointerLeave: (event: PointerEvent<HTMLElement>) => {
        if (document.activeElement !== event.currentTarget) setActive(null);
      },
    },
  };
}
