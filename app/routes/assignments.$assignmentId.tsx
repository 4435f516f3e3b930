import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { Timeline } from "~/components/execution/timeline";
import { StatusBadge } from "~/components/status-badge";
import { Button } from "~/components/ui/button";
import { Field, FormAlert, TextareaField } from "~/components/ui/field";
import { PageHeader, linkButton } from "~/components/ui/page-header";
import { Panel } from "~/components/ui/panel";
import { almatyDate } from "~/domain/calendar";
import { instructionCode } from "~/domain/instructions";
import { isOverdue, type AssignmentAction, type AssignmentStatus } from "~/domain/lifecycle";
import { organizationNameOf } from "~/i18n/labels";
import type { MessageKey } from "~/i18n";
import { useI18n } from "~/i18n/use-i18n";
import { actOnAssignment, authorizeAction, getAssignmentDetail, precheckAction, unreferencedFiles, wantsWholeHistory } from "~/models/assignments.server";
import { assignmentActionSchema, readTargetValues } from "~/schemas/execution";
import { parseForm } from "~/schemas/form";
import { forbidden, notFound, requirePermission } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { ACCEPTED_EXTENSIONS, MAX_FILE_BYTES, discardStoredFiles, readFormWithFiles, storeFile, type FileProblem } from "~/utils/files.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { formValues, translateErrors, translatorFor } from "~/utils/forms.server";
import { newId } from "~/utils/ids";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "instructions.read");
  const detail = await getAssignmentDetail(getDb(), user, params.assignmentId!, { wholeHistory: wantsWholeHistory(request) });
  if (!detail) throw notFound();
  // One key per rendered form: submitting the same form twice records one event.
  const keys = Object.fromEntries(detail.actions.map((action) => [action, newId()])) as Partial<Record<AssignmentAction, string>>;
  return { ...detail, keys, today: almatyDate(), maxFileMegabytes: MAX_FILE_BYTES / 1024 / 1024, accept: ACCEPTED_EXTENSIONS };
}

const FILE_PROBLEM_MESSAGES: Record<FileProblem["problem"], MessageKey> = {
  too_large: "execution.error.fileTooLarge",
  too_many: "execution.error.tooManyFiles",
  wrong_type: "execution.error.fileType",
  empty: "execution.error.fileEmpty",
};

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "instructions.read");
  const t = translatorFor(request, user);
  const { formData, files, problems } = await readFormWithFiles(request);
  const values = formValues(formData);
  const submitted = values.action ?? "";
  const refused = (errors: Record<string, string>, status = 400) => data({ action: submitted, errors, values, conflict: status === 409 }, { status });
  const db = getDb();
  const parsed = parseForm(assignmentActionSchema, formData, t);
  const targets = readTargetValues(formData);
  const errors: Record<string, string> = parsed.ok ? {} : { ...parsed.errors };
  if (targets.invalid) errors.targets = t("validation.number");
  if (problems.length) {
    errors.files = problems
      .map(({ name, problem }) => t(FILE_PROBLEM_MESSAGES[problem], { name }))
      .join(" ");
  }
  if (!parsed.ok || Object.keys(errors).length) {
    // Field errors only for someone who may take the action: anyone else learns nothing from them (404 or 403).
    // A valid form needs no separate check: the workflow answers the same, in its own transaction.
    const refusal = await authorizeAction(db, user, params.assignmentId!, submitted);
    if (refusal) throw refusal === "forbidden" ? forbidden() : notFound();
    return refused(errors);
  }

  const input = parsed.data;
  const reporting = input.action === "post_progress" || input.action === "submit_completion";
  const act = async () => {
    const stored = reporting ? files.map(storeFile) : [];
    const outcome = await actOnAssignment(db, user, params.assignmentId!, {
      action: input.action,
      version: input.version,
      idempotencyKey: input.idempotencyKey,
      body: input.body,
      percent: "percent" in input ? input.percent : undefined,
      requestedDeadline: "requestedDeadline" in input ? input.requestedDeadline : undefined,
      targetValues: reporting ? targets.values : [],
      files: stored,
    });
    if (!outcome.ok || outcome.duplicate) discardStoredFiles(await unreferencedFiles(db, stored));
    return outcome;
  };
  // Nothing reaches the disk for a request that would be refused anyway; without files the workflow's own
  // checks, in its transaction, are the only ones needed.
  const precheck = reporting && files.length ? await precheckAction(db, user, params.assignmentId!, input.action, input.version, input.idempotencyKey) : null;
  const result = precheck ?? (await act());
  if (result.ok) throw redirectWithFlash(request, `/assignments/${params.assignmentId}`, `execution.flash.${input.action}` as MessageKey);
  if (result.kind === "invalid") return refused(translateErrors(t, result.errors));
  if (result.kind !== "conflict") throw result.kind === "forbidden" ? forbidden() : notFound();
  return refused(
    { form: t("execution.error.conflict", { status: t(`status.${result.current.status as AssignmentStatus}`) }) },
    409,
  );
}

// After a conflict, show the current state at once (Remix skips revalidation after 4xx by default).
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionResult, defaultShouldRevalidate }) =>
  (actionResult as { conflict?: boolean } | undefined)?.conflict ? true : defaultShouldRevalidate;

function ActionForm({
  action,
  title,
  tone = "default",
  children,
  submitLabel,
  multipart = false,
}: {
  action: AssignmentAction;
  title: string;
  tone?: "default" | "danger" | "success";
  children?: ReactNode;
  submitLabel: string;
  multipart?: boolean;
}) {
  const { assignment, keys } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formData?.get("action") === action;
  const border = { default: "border-slate-200", danger: "border-red-200", success: "border-emerald-200" }[tone];
  return (
    <Form
      method="post"
      encType={multipart ? "multipart/form-data" : undefined}
      className={`space-y-4 rounded-lg border ${border} bg-white p-4`}
      aria-label={title}
      noValidate
    >
      <input type="hidden" name="action" value={action} />
      <input type="hidden" name="version" value={assignment.version} />
      <input type="hidden" name="idempotencyKey" value={keys[action] ?? ""} />
      <h3 className="font-semibold text-slate-900">{title}</h3>
      {children}
      <div className="flex justify-end">
        <Button
          type="submit"
          disabled={busy}
          className={tone === "danger" ? "bg-red-700 hover:bg-red-800" : tone === "success" ? "bg-emerald-700 hover:bg-emerald-800" : ""}
        >
          {submitLabel}
        </Button>
      </div>
    </Form>
  );
}

export default function AssignmentPage() {
  const { assignment, targets, latestValues, timeline, eventCount, pendingExtension, actions, today, maxFileMegabytes, accept } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, language, date, dateTime, number } = useI18n();
  const code = instructionCode(assignment.protocol_number, assignment.instruction_number);
  const organization = organizationNameOf(assignment, language);
  const overdue = isOverdue(assignment, today);
  const can = (action: AssignmentAction) => actions.includes(action);
  const mine = (action: string) => actionData?.action === action;
  const errorsFor = (action: string): Record<string, string> => (mine(action) && !actionData?.conflict ? (actionData?.errors as Record<string, string>) : {});
  const valueOf = (action: string, field: string) => (mine(action) && !actionData?.conflict ? ((actionData?.values as Record<string, string>)[field] ?? "") : "");
  const reasonField = (action: AssignmentAction, label: MessageKey, required: boolean) => (
    <TextareaField
      label={t(label)}
      name="body"
      id={`${action}-body`}
      rows={3}
      required={required}
      defaultValue={valueOf(action, "body")}
      error={errorsFor(action).body}
    />
  );
  const reportFields = (action: "post_progress" | "submit_completion") => (
    <>
      {reasonField(action, action === "post_progress" ? "execution.field.progressText" : "execution.field.completionText", true)}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label={t("execution.field.percent")}
          name="percent"
          id={`${action}-percent`}
          type="number"
          min={0}
          max={100}
          defaultValue={valueOf(action, "percent") || (action === "submit_completion" ? "100" : (assignment.percent_complete ?? "").toString())}
          error={errorsFor(action).percent}
        />
        <div>
          <label htmlFor={`${action}-files`} className="block text-sm font-medium text-slate-800">
            {t("execution.field.files")}
          </label>
          <input
            id={`${action}-files`}
            name="files"
            type="file"
            multiple
            accept={accept}
            aria-describedby={`${action}-files-hint`}
            className="mt-1 block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border-0 file:bg-brand-50 file:px-3 file:py-2 file:text-sm file:font-semibold file:text-brand-800 hover:file:bg-brand-100"
          />
          <p id={`${action}-files-hint`} className="mt-1 text-xs text-slate-500">
            {t("execution.hint.files", { size: maxFileMegabytes })}
          </p>
          {errorsFor(action).files ? <p className="mt-1 text-sm text-red-700">{errorsFor(action).files}</p> : null}
        </div>
      </div>
      {targets.length ? (
        <fieldset className="space-y-3">
          <legend className="text-sm font-medium text-slate-800">{t("execution.field.targets")}</legend>
          <div className="grid gap-3 sm:grid-cols-2">
            {targets.map((target) => (
              <Field
                key={target.id}
                label={`${target.indicator}${target.unit ? `, ${target.unit}` : ""}`}
                name={`target:${target.id}`}
                id={`${action}-target-${target.id}`}
                inputMode="decimal"
                defaultValue={valueOf(action, `target:${target.id}`)}
                hint={target.target_value !== null ? t("execution.hint.target", { value: number(target.target_value) }) : undefined}
              />
            ))}
          </div>
          {errorsFor(action).targets ? <p className="text-sm text-red-700">{errorsFor(action).targets}</p> : null}
        </fieldset>
      ) : null}
    </>
  );

  return (
    <>
      <PageHeader
        eyebrow={`${t("execution.assignmentOf", { code })} · ${assignment.meeting_title}`}
        title={organization}
        actions={
          <Link to={`/instructions/${assignment.instruction_id}`} className={linkButton.secondary}>
            {t("execution.toInstruction")}
          </Link>
        }
      />
      {actionData?.conflict ? (
        <div className="mb-6">
          <FormAlert>{(actionData.errors as Record<string, string>).form}</FormAlert>
        </div>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Panel title={t("execution.instruction")}>
            <div className="space-y-4 p-5">
              <p className="whitespace-pre-line text-slate-900">{assignment.instruction_text}</p>
              <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-3">
                <div>
                  <dt className="text-slate-600">{t("table.status")}</dt>
                  <dd className="mt-1">
                    <StatusBadge status={assignment.status} overdue={overdue} />
                  </dd>
                </div>
                <div>
                  <dt className="text-slate-600">{t("table.deadline")}</dt>
                  <dd className={`mt-1 font-medium ${overdue ? "text-red-800" : "text-slate-900"}`}>
                    {assignment.deadline ? date(assignment.deadline) : t("table.noDeadline")}
                    {assignment.initial_deadline && assignment.initial_deadline !== assignment.deadline ? (
                      <span className="block text-xs font-normal text-slate-500">{t("execution.initialDeadline", { date: date(assignment.initial_deadline) })}</span>
                    ) : null}
                  </dd>
                </div>
                <div>
                  <dt className="text-slate-600">{t("table.progress")}</dt>
                  <dd className="mt-1">
                    <div className="flex items-center gap-2">
                      {/* An SVG bar, not a style="width" attribute: the Content-Security-Policy allows no inline styles. */}
                      <svg className="h-2 w-24 overflow-hidden rounded-full bg-slate-200" viewBox="0 0 100 1" preserveAspectRatio="none" aria-hidden="true">
                        <rect width={assignment.percent_complete ?? 0} height="1" className="fill-brand-600" />
                      </svg>
                      <span className="tabular-nums text-slate-900">{assignment.percent_complete !== null ? `${assignment.percent_complete}%` : "—"}</span>
                    </div>
                  </dd>
                </div>
                <div>
                  <dt className="text-slate-600">{t("instructions.assignments.role")}</dt>
                  <dd className="mt-1 text-slate-900">{t(`assignmentRole.${assignment.role as "lead" | "co_executor"}`)}</dd>
                </div>
                {assignment.last_report_at ? (
                  <div>
                    <dt className="text-slate-600">{t("execution.lastReport")}</dt>
                    <dd className="mt-1 text-slate-900">{dateTime(assignment.last_report_at)}</dd>
                  </div>
                ) : null}
              </dl>
              {targets.length ? (
                <table className="min-w-full text-sm">
                  <caption className="sr-only">{t("instructions.targets.title")}</caption>
                  <thead className="text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
                    <tr>
                      <th scope="col" className="py-2 pr-4">{t("instructions.targets.indicator")}</th>
                      <th scope="col" className="py-2 pr-4 text-right">{t("instructions.targets.target")}</th>
                      <th scope="col" className="py-2 text-right">{t("execution.actual")}</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {targets.map((target) => (
                      <tr key={target.id}>
                        <td className="py-2 pr-4 text-slate-900">{target.indicator}</td>
                        <td className="py-2 pr-4 text-right tabular-nums">
                          {target.target_value !== null ? number(target.target_value) : "—"} {target.unit ?? ""}
                        </td>
                        <td className="py-2 text-right tabular-nums font-medium">
                          {latestValues[target.id] ? `${number(latestValues[target.id].value)} ${target.unit ?? ""}` : "—"}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : null}
            </div>
          </Panel>
          <Panel title={t("timeline.title")}>
            <Timeline events={timeline} total={eventCount} />
          </Panel>
        </div>

        <aside className="space-y-4" aria-label={t("execution.actions")}>
          {pendingExtension ? (
            <div className="rounded-lg border border-violet-200 bg-violet-50 p-4 text-sm text-violet-900">
              <p className="font-semibold">{t("execution.pendingExtension", { date: date(pendingExtension.requested_deadline) })}</p>
              {pendingExtension.body ? <p className="mt-1 whitespace-pre-line">{pendingExtension.body}</p> : null}
            </div>
          ) : null}
          {actions.length === 0 ? <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-600">{t("execution.noActions")}</p> : null}
          {can("post_progress") ? (
            <ActionForm action="post_progress" title={t("execution.action.post_progress")} submitLabel={t("execution.submit.post_progress")} multipart>
              {reportFields("post_progress")}
            </ActionForm>
          ) : null}
          {can("submit_completion") ? (
            <ActionForm action="submit_completion" title={t("execution.action.submit_completion")} submitLabel={t("execution.submit.submit_completion")} tone="success" multipart>
              {reportFields("submit_completion")}
            </ActionForm>
          ) : null}
          {can("request_extension") ? (
            <ActionForm action="request_extension" title={t("execution.action.request_extension")} submitLabel={t("execution.submit.request_extension")}>
              <Field
                label={t("execution.field.requestedDeadline")}
                name="requestedDeadline"
                id="request_extension-date"
                type="date"
                required
                defaultValue={valueOf("request_extension", "requestedDeadline")}
                error={errorsFor("request_extension").requestedDeadline}
              />
              {reasonField("request_extension", "execution.field.reason", true)}
            </ActionForm>
          ) : null}
          {can("accept") ? (
            <ActionForm action="accept" title={t("execution.action.accept")} submitLabel={t("execution.submit.accept")} tone="success">
              {reasonField("accept", "execution.field.comment", false)}
            </ActionForm>
          ) : null}
          {can("return") ? (
            <ActionForm action="return" title={t("execution.action.return")} submitLabel={t("execution.submit.return")} tone="danger">
              {reasonField("return", "execution.field.reason", true)}
            </ActionForm>
          ) : null}
          {can("approve_extension") ? (
            <ActionForm action="approve_extension" title={t("execution.action.approve_extension")} submitLabel={t("execution.submit.approve_extension")} tone="success">
              {reasonField("approve_extension", "execution.field.comment", false)}
            </ActionForm>
          ) : null}
          {can("reject_extension") ? (
            <ActionForm action="reject_extension" title={t("execution.action.reject_extension")} submitLabel={t("execution.submit.reject_extension")} tone="danger">
              {reasonField("reject_extension", "execution.field.reason", true)}
            </ActionForm>
          ) : null}
          {can("cancel") ? (
            <details className="rounded-lg border border-slate-200 bg-white p-4" open={mine("cancel")}>
              <summary className="cursor-pointer text-sm font-medium text-slate-700">{t("execution.action.cancel")}</summary>
              <div className="mt-3">
                <ActionForm action="cancel" title={t("execution.action.cancel")} submitLabel={t("execution.submit.cancel")} tone="danger">
                  {reasonField("cancel", "execution.field.reason", true)}
                </ActionForm>
              </div>
            </details>
          ) : null}
        </aside>
      </div>
    </>
  );
}
