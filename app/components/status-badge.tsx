import type { AssignmentStatus } from "../domain/lifecycle";
import { useI18n } from "../i18n/use-i18n";
import { Badge, type BadgeTone } from "./ui/badge";

const TONE: Record<AssignmentStatus, BadgeTone> = {
  assigned: "neutral",
  in_progress: "info",
  reported: "warning",
  done: "success",
  cancelled: "neutral",
};

export function StatusBadge({ status, overdue = false }: { status: string; overdue?: boolean }) {
  const { t } = useI18n();
  const known = status as AssignmentStatus;
  return (
    <span className="inline-flex flex-wrap gap-1">
      <Badge tone={TONE[known] ?? "neutral"}>{t(`status.${known}`)}</Badge>
      {overdue ? <Badge tone="danger">{t("status.overdue")}</Badge> : null}
    </span>
  );
}
