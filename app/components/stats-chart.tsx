import { useId } from "react";
import { barChart } from "~/domain/dashboard-stats";

type StatsChartProps = {
  title: string;
  /** One sentence for screen readers; the data table beside the charts has every number. */
  summary: string;
  series: { label: string; value: number }[];
};

/**
 * A bar chart drawn on the server as SVG: no JavaScript, no inline styles
 * (the CSP forbids them; colours and sizes come from backoffice.css). The
 * image has a title and a summary; the numbers are in the data table.
 */
export function StatsChart({ title, summary, series }: StatsChartProps) {
  const id = useId();
  const chart = barChart(series);
  return (
    <figure className="stats-chart">
      <svg
        viewBox={`0 0 ${chart.width} ${chart.height}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        className="stats-chart__svg"
        preserveAspectRatio="xMidYMid meet"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        {chart.ticks.map((tick) => (
          <g key={tick.value}>
            <line x1={chart.plot.left} x2={chart.plot.right} y1={tick.y} y2={tick.y} className="stats-chart__grid" />
            <text x={chart.plot.left - 6} y={tick.y + 5} textAnchor="end" className="stats-chart__tick">
              {tick.value}
            </text>
          </g>
        ))}
        {chart.bars.map((bar) => (
          <g key={bar.label}>
            <rect x={bar.x} y={bar.y} width={bar.width} height={bar.height} className="stats-chart__bar" />
            <text x={bar.x + bar.width / 2} y={chart.plot.bottom + 22} textAnchor="middle" className="stats-chart__label">
              {bar.label}
            </text>
          </g>
        ))}
        <line x1={chart.plot.left} x2={chart.plot.right} y1={chart.plot.bottom} y2={chart.plot.bottom} className="stats-chart__axis" />
      </svg>
      <figcaption className="stats-chart__caption">{title}</figcaption>
    </figure>
  );
}
