import type { ReactNode } from "react";

export function Panel({ title, children, actions }: { title?: ReactNode; children: ReactNode; actions?: ReactNode }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white shadow-sm">
      {title ? (
        <header className="flex items-center justify-between gap-4 border-b border-slate-200 px-5 py-3">
          <h2 className="text-base font-semibold text-slate-900">{title}</h2>
          {actions}
        </header>
      ) : null}
      <div>{children}</div>
    </section>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="px-5 py-8 text-center text-sm text-slate-500">{children}</p>;
}

export function Stat({
  label,
  value,
  tone = "neutral",
  href,
}: {
  label: string;
  value: string;
  tone?: "neutral" | "danger" | "warning" | "success" | "info";
  /** Where the number comes from: the register filtered to it. */
  href?: string;
}) {
  const tones = {
    neutral: "border-t-slate-400",
    danger: "border-t-red-600",
    warning: "border-t-accent-500",
    success: "border-t-emerald-600",
    info: "border-t-brand-500",
  } as const;
  return (
    <div className={`relative rounded-lg border border-slate-200 border-t-4 bg-white px-4 py-3 shadow-sm ${tones[tone]} ${href ? "hover:border-slate-300 hover:shadow" : ""}`}>
      <dt className="text-sm text-slate-600">
        {href ? (
          <a href={href} className="after:absolute after:inset-0 hover:text-slate-900">
            {label}
          </a>
        ) : (
          label
        )}
      </dt>
      <dd className="mt-1 text-3xl font-semibold tabular-nums text-slate-900">{value}</dd>
    </div>
  );
}
