import { useId } from "react";
import { barChart } from "~/domain/dashboard-stats";

type StatsChartProps = {
  title: string;
  /** One sentence for screen readers; the data table below the charts has every number. */
  summary: string;
  series: { label: string; value: number }[];
};

/**
 * A bar chart drawn on the server as SVG: no JavaScript, no inline styles
 * (the CSP forbids them; colours and sizes come from dashboard.css). One
 * row per month with its number beside the bar; the title stands above it.
 */
export function StatsChart({ title, summary, series }: StatsChartProps) {
  const id = useId();
  const chart = barChart(series);
  return (
    <figure className="stats-chart">
      <figcaption className="stats-chart__caption">{title}</figcaption>
      <svg
        viewBox={`0 0 ${chart.width} ${chart.height}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        className="stats-chart__svg"
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        <line x1={chart.plot.left} x2={chart.plot.left} y1={chart.plot.top} y2={chart.plot.bottom} className="stats-chart__axis" />
        {chart.bars.map((bar) => (
          <g key={bar.label}>
            <text x={chart.plot.left - 8} y={bar.labelY} textAnchor="end" className="stats-chart__label">
              {bar.label}
            </text>
            <rect x={bar.x} y={bar.y} width={bar.width} height={bar.height} className="stats-chart__bar" />
            <text x={bar.valueX} y={bar.labelY} className="stats-chart__value">
              {bar.value}
            </text>
          </g>
        ))}
      </svg>
    </figure>
  );
}
