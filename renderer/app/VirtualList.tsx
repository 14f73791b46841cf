// A list that mounts only the rows on screen (plus a few either side), whatever its length: @tanstack/react-virtual
// measures each rendered row, so rows may differ in height and grow (an expanded margin item, an editor).
import { useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { forwardRef, useImperativeHandle, useLayoutEffect, useRef, type ReactNode } from 'react';

export interface VirtualListHandle {
  scrollToIndex(index: number, align?: 'start' | 'center' | 'end' | 'auto'): void;
  virtualizer(): Virtualizer<HTMLDivElement, Element>;
}

interface Props {
  count: number;
  estimateSize(index: number): number;
  itemKey(index: number): string | number;
  renderItem(index: number): ReactNode;
  className?: string;
  /** Class of the element wrapping each row (e.g. an <li>-like role). */
  itemClassName?: string;
  overscan?: number;
  label?: string;
  role?: string;
  header?: ReactNode;
  onRangeChange?(first: number, last: number): void;
  /**
   * Which rows to measure once rendered (default: every row). A list of fixed-height rows measures only the few that
   * may grow: measuring each row of 100,000 re-lays out every position after it, the main cost of a first screen.
   */
  measured?(index: number): boolean;
  /** Changing it drops every measured size (a row that was measured, e.g. an expanded one, is fixed again). */
  sizesVersion?: unknown;
}

export const VirtualList = forwardRef<VirtualListHandle, Props>(function VirtualList(props, ref) {
  const {
    count,
    estimateSize,
    itemKey,
    renderItem,
    className,
    itemClassName,
    overscan = 6,
    label,
    role,
    header,
    onRangeChange,
    measured,
    sizesVersion,
  } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count,
    estimateSize,
    overscan,
    getItemKey: itemKey,
    getScrollElement: () => scroller.current,
    // Render the first screen in the first pass instead of after measuring the scroller.
    initialRect: { width: 0, height: window.innerHeight },
    onChange: (v) => {
      const items = v.getVirtualItems();
      if (items.length) onRangeChange?.(items[0].index, items[items.length - 1].index);
    },
  });
  useImperativeHandle(
    ref,
    () => ({
      scrollToIndex: (index, align = 'auto') => virtualizer.scrollToIndex(index, { align }),
      virtualizer: () => virtualizer,
    }),
    [virtualizer],
  );
  const version = useRef(sizesVersion);
  useLayoutEffect(() => {
    if (version.current === sizesVersion) return;
    version.current = sizesVersion;
    virtualizer.measure();
  }, [sizesVersion, virtualizer]);
  const items = virtualizer.getVirtualItems();
  return (
    <div ref={scroller} className={`virtual-scroller ${className ?? ''}`} aria-label={label} role={role}>
      {header}
      <div className="virtual-space" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => (
          <div
            key={item.key}
            data-index={item.index}
            ref={!measured || measured(item.index) ? virtualizer.measureElement : undefined}
            className={itemClassName}
            style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${item.start}px)` }}
          >
            {renderItem(item.index)}
          </div>
        ))}
      </div>
    </div>
  );
});
