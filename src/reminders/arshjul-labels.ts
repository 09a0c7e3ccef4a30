/** A label beside the wheel: where it would like to stand and how tall it is. */
export interface LabelBox {
  /** The item's position in date order. */
  index: number;
  side: "left" | "right";
  /** The y its mark points at. */
  ideal: number;
  height: number;
  lines: string[];
  /** Set by `stackLabels`. */
  top?: number;
}

/**
 * Stacks each side's labels top to bottom near their marks without overlapping, between `top` and
 * `bottom` when they fit; labels that do not fit continue below. Returns the lowest label's bottom.
 */
export function stackLabels(boxes: LabelBox[], top: number, bottom: number, gap: number): number {
  let lowest = top;
  for (const side of ["left", "right"] as const) {
    const column = boxes.filter((box) => box.side === side).sort((left, right) => left.ideal - right.ideal);
    // Downwards: as near the mark as the label above allows.
    let next = top;
    for (const box of column) {
      box.top = Math.max(box.ideal - box.height / 2, next);
      next = box.top + box.height + gap;
    }
    // Upwards: pull back what ran past the bottom, never above the top.
    let limit = bottom;
    for (const box of [...column].reverse()) {
      const boxTop = box.top ?? top;
      box.top = Math.max(Math.min(boxTop, limit - box.height), top);
      limit = box.top - gap;
    }
    // When the column is taller than the room, the downward pass wins again.
    next = top;
    for (const box of column) {
      box.top = Math.max(box.top ?? top, next);
      next = box.top + box.height + gap;
      lowest = Math.max(lowest, box.top + box.height);
    }
  }
  return lowest;
}
