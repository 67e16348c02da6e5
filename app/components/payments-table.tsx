import type { ReactNode } from "react";
import { TableScroll } from "./table-scroll";

/** One column of a payments table: its heading and what each payment shows under it. */
export type PaymentsColumn<Row> = {
  heading: string;
  cell: (row: Row) => ReactNode;
  /** On each cell of the column, e.g. "amount" to keep a sum on one line. */
  className?: string;
};

type PaymentsTableProps<Row> = {
  rows: readonly Row[];
  rowKey: (row: Row) => string | number;
  columns: readonly PaymentsColumn<Row>[];
  /** Shown as a paragraph instead of the table when there are no payments. */
  empty: ReactNode;
  /** "payments-table" in the provider's own environment, "beheer-table" for staff. */
  tableClassName: string;
  /** The box the table scrolls in when it is wider than the screen. */
  scrollClassName?: string;
} & (
  | {
      /** A caption for screen readers, where the section heading does not already name the table; it names the scroll box too. */
      caption: string;
      regionLabelledBy?: never;
    }
  | {
      /** The id of the heading that names the table and its scroll box. */
      regionLabelledBy: string;
      caption?: never;
    }
);

/**
 * Payments as a table with a column heading per column, used by the provider's
 * "Pakket en facturen" page and by the staff pages for packages and providers;
 * the pages differ only in the columns, notes and links they pass in.
 */
export function PaymentsTable<Row>({
  rows,
  rowKey,
  columns,
  empty,
  tableClassName,
  scrollClassName = "table-scroll",
  caption,
  regionLabelledBy,
}: PaymentsTableProps<Row>) {
  if (rows.length === 0) return <p>{empty}</p>;
  const table = (
    <table className={tableClassName}>
      {caption ? <caption className="visually-hidden">{caption}</caption> : null}
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column.heading} scope="col">
              {column.heading}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            {columns.map((column) => (
              <td key={column.heading} className={column.className}>
                {column.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
  return regionLabelledBy ? (
    <TableScroll className={scrollClassName} labelledBy={regionLabelledBy}>
      {table}
    </TableScroll>
  ) : (
    <TableScroll className={scrollClassName} label={caption ?? ""}>
      {table}
    </TableScroll>
  );
}
