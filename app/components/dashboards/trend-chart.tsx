import { formatMonth } from "../../i18n/format";
import { useI18n } from "../../i18n/use-i18n";

interface Point {
  month: string;
  issued: number;
  done: number;
  overdue: number;
}

const SERIES = [
  // The swatch is a class, not a style attribute: the Content-Security-Policy allows no inline styles.
  { key: "issued", label: "trend.issued", color: "#2669a8", swatch: "bg-[#2669a8]" },
  { key: "done", label: "trend.done", color: "#059669", swatch: "bg-[#059669]" },
  { key: "overdue", label: "trend.overdue", color: "#b91c1c", swatch: "bg-[#b91c1c]" },
] as const;

/** Issued vs done vs overdue by month: bars for the eye, the same numbers in a table for screen readers. */
export function TrendChart({ points }: { points: Point[] }) {
  const { t, language, number } = useI18n();
  const max = Math.max(1, ...points.flatMap((p) => [p.issued, p.done, p.overdue]));
  const width = 760;
  const height = 200;
  const group = width / points.length;
  const bar = Math.min(14, (group - 10) / 3);
  return (
    <div className="p-5">
      <div className="mb-3 flex flex-wrap gap-4 text-xs text-slate-700" aria-hidden="true">
        {SERIES.map((series) => (
          <span key={series.key} className="inline-flex items-center gap-1.5">
            <span className={`h-2.5 w-2.5 rounded-sm ${series.swatch}`} />
            {t(series.label)}
          </span>
        ))}
      </div>
      <svg viewBox={`0 0 ${width} ${height + 36}`} className="h-auto w-full" role="img" aria-hidden="true">
        <line x1="0" y1={height} x2={width} y2={height} stroke="#cbd5e1" />
        {points.map((point, index) => {
          const x = index * group + (group - bar * 3) / 2;
          return (
            <g key={point.month}>
              {SERIES.map((series, s) => {
                const value = point[series.key];
                const h = (value / max) * (height - 16);
                return (
                  <g key={series.key}>
                    <rect x={x + s * bar} y={height - h} width={bar - 1} height={h} fill={series.color} rx="1.5" />
                    {value > 0 ? (
                      <text x={x + s * bar + bar / 2} y={height - h - 3} fontSize="9" textAnchor="middle" fill="#334155">
                        {value}
                      </text>
                    ) : null}
                  </g>
                );
              })}
              <text x={index * group + group / 2} y={height + 16} fontSize="10" textAnchor="middle" fill="#475569">
                {formatMonth(point.month, language).split(" ")[0]}
              </text>
              {index === 0 || point.month.endsWith("-01") ? (
                <text x={index * group + group / 2} y={height + 30} fontSize="9" textAnchor="middle" fill="#94a3b8">
                  {point.month.slice(0, 4)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      {/* Hidden by a wrapper: a table grows to its content whatever its own width says, and would widen the page. */}
      <div className="sr-only">
        <table>
          <caption>{t("trend.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("trend.month")}</th>
              {SERIES.map((series) => (
                <th key={series.key} scope="col">
                  {t(series.label)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {points.map((point) => (
              <tr key={point.month}>
                <th scope="row">{formatMonth(point.month, language)}</th>
                <td>{number(point.issued)}</td>
                <td>{number(point.done)}</td>
                <td>{number(point.overdue)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
