import type { ReactNode } from "react";

type TableScrollProps = {
  children: ReactNode;
  /** "table-scroll" (with a margin) or "staff-table-scroll" (none). */
  className?: string;
} & ({ label: string; labelledBy?: never } | { labelledBy: string; label?: never });

/**
 * The box a table scrolls in when it is wider than the screen (a phone, 200% zoom).
 * Whether it overflows depends on the data, so every box is a named, focusable region:
 * a keyboard user can always reach it to scroll it, and a screen reader announces what it holds.
 */
export function TableScroll({ children, className = "table-scroll", label, labelledBy }: TableScrollProps) {
  return (
    <div
      className={className}
      role="region"
      aria-label={label}
      aria-labelledby={labelledBy}
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={0}
    >
      {children}
    </div>
  );
}
