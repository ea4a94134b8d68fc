// A server-rendered SVG line chart of shares (0..1) by month, with an optional target line.
// No client JavaScript; it scales with its container and prints. Pair it with a table.
import { scaleLinear, scalePoint } from "d3-scale";
import { line } from "d3-shape";

export type ChartSeries = { name: string; values: (number | null)[]; className: string };

const W = 640;
const H = 240;
const M = { top: 12, right: 16, bottom: 28, left: 44 };

export function LineChart({
  labels,
  series,
  target,
  title,
}: {
  labels: string[];
  series: ChartSeries[];
  /** A dashed horizontal line at the target share. */
  target?: { value: number; label: string } | null;
  title: string;
}) {
  const x = scalePoint<string>().domain(labels).range([M.left, W - M.right]).padding(0.3);
  const y = scaleLinear().domain([0, 1]).range([H - M.bottom, M.top]);
  const path = line<number | null>()
    .defined((v) => v !== null)
    .x((_, i) => x(labels[i]!)!)
    .y((v) => y(v ?? 0));
  const every = Math.ceil(labels.length / 6);
  return (
    <svg viewBox={`0 0 ${W} ${H}`} className="chart" role="img" aria-label={title}>
      <title>{title}</title>
      {[0, 0.25, 0.5, 0.75, 1].map((t) => (
        <g key={t}>
          <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} className="chart-grid" />
          <text x={M.left - 6} y={y(t)} dy="0.32em" textAnchor="end" className="chart-axis">
            {Math.round(t * 100)}%
          </text>
        </g>
      ))}
      {labels.map((l, i) =>
        i % every === 0 || i === labels.length - 1 ? (
          <text key={l} x={x(l)} y={H - 8} textAnchor="middle" className="chart-axis">
            {l}
          </text>
        ) : null,
      )}
      {target ? (
        <g>
          <line x1={M.left} x2={W - M.right} y1={y(target.value)} y2={y(target.value)} className="chart-target" />
          <text x={W - M.right} y={y(target.value) - 4} textAnchor="end" className="chart-target-label">
            {target.label}
          </text>
        </g>
      ) : null}
      {series.map((s) => (
        <g key={s.name} className={s.className}>
          <path d={path(s.values) ?? ""} className="chart-line" />
          {s.values.map((v, i) =>
            v === null ? null : <circle key={i} cx={x(labels[i]!)} cy={y(v)} r={3} className="chart-dot" />,
          )}
        </g>
      ))}
    </svg>
  );
}
