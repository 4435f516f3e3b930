import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { InstructionForm } from "~/components/meetings/instruction-form";
import { StatusBadge } from "~/components/status-badge";
import { Button } from "~/components/ui/button";
import { Field, FormAlert, SelectField } from "~/components/ui/field";
import { PageHeader, linkButton } from "~/components/ui/page-header";
import { EmptyState, Panel } from "~/components/ui/panel";
import { instructionCode } from "~/domain/instructions";
import { ASSIGNMENT_ROLES } from "~/domain/lifecycle";
import { organizationNameOf, organizationOptions } from "~/i18n/labels";
import { useI18n } from "~/i18n/use-i18n";
import {
  addAssignment,
  addTarget,
  assignAllRegionalAkimats,
  deleteInstruction,
  getInstructionForEditing,
  removeAssignment,
  removeTarget,
  updateInstruction,
} from "~/models/instructions.server";
import { getInstructionFormContext } from "~/models/meeting-editor.server";
import { listOrganizationsForPicker } from "~/models/speakers.server";
import { parseForm } from "~/schemas/form";
import { assignmentSchema, instructionSchema, targetSchema } from "~/schemas/meetings";
import { notFound, requirePermission } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { formValues, translateErrors, translatorFor } from "~/utils/forms.server";
import { resolveLanguage } from "~/utils/language.server";
import { TableScroller } from "~/components/ui/table-scroller";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "meetings.edit");
  const language = resolveLanguage(request, user);
  const db = getDb();
  const [context, editing, organizations] = await Promise.all([
    getInstructionFormContext(db, params.meetingId!, language),
    getInstructionForEditing(db, params.meetingId!, params.instructionId!),
    listOrganizationsForPicker(db),
  ]);
  if (!context || !editing) throw notFound();
  const assigned = new Set(editing.assignments.map((a) => a.organization_id));
  const roleOrder = (role: string) => (role === "lead" ? 0 : 1);
  return {
    ...context,
    ...editing,
    assignments: editing.assignments
      .map((a) => ({ ...a, organization_name: organizationNameOf(a, language) }))
      .sort((a, b) => roleOrder(a.role) - roleOrder(b.role) || a.organization_name.localeCompare(b.organization_name, "kk")),
    organizations: organizationOptions(
      organizations.filter((o) => !assigned.has(o.id)),
      language,
    ),
  };
}

/** Every form this action takes; the authorization matrix test posts each one. */
export const intents = ["update", "delete", "target_add", "target_remove", "assignment_add", "assignment_remove", "assign_akimats"] as const;

const intentSchema = z.object({
  intent: z.enum(intents),
  itemId: z.string().max(64).optional(),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "meetings.edit");
  const db = getDb();
  const { meetingId, instructionId } = params as { meetingId: string; instructionId: string };
  const t = translatorFor(request, user);
  const formData = await request.formData();
  const values = formValues(formData);
  const control = intentSchema.safeParse(values);
  if (!control.success) return data({ intent: "unknown", errors: { form: t("validation.unknown") }, values }, { status: 400 });
  const { intent, itemId = "" } = control.data;
  const here = `/meetings/${meetingId}/instructions/${instructionId}`;
  const refused = (errors: Record<string, string>) => data({ intent, errors, values }, { status: 400 });
  const outcome = (result: { ok: true } | { ok: false; errors: Record<string, never> | Record<string, string> } | { ok: false; notFound: true }) => {
    if ("errors" in result) return refused(translateErrors(t, result.errors as Parameters<typeof translateErrors>[1]));
    throw notFound();
  };

  switch (intent) {
    case "update": {
      const parsed = parseForm(instructionSchema, formData, t);
      if (!parsed.ok) return refused(parsed.errors);
      const result = await updateInstruction(db, user, meetingId, instructionId, parsed.data);
      if (result.ok) throw redirectWithFlash(request, here, "common.flash.saved");
      return outcome(result);
    }
    case "delete": {
      const result = await deleteInstruction(db, user, meetingId, instructionId);
      if (result.ok) throw redirectWithFlash(request, `/meetings/${meetingId}/edit#instructions`, "instructions.flash.deleted");
      return outcome(result);
    }
    case "target_add": {
      const parsed = parseForm(targetSchema, formData, t);
      if (!parsed.ok) return refused(parsed.errors);
      const result = await addTarget(db, user, meetingId, instructionId, parsed.data);
      if (result.ok) throw redirect(`${here}#targets`);
      return outcome(result);
    }
    case "target_remove": {
      const result = await removeTarget(db, user, meetingId, instructionId, itemId);
      if (result.ok) throw redirect(`${here}#targets`);
      return outcome(result);
    }
    case "assignment_add": {
      const parsed = parseForm(assignmentSchema, formData, t);
      if (!parsed.ok) return refused(parsed.errors);
      const result = await addAssignment(db, user, meetingId, instructionId, parsed.data);
      if (result.ok) throw redirect(`${here}#assignments`);
      return outcome(result);
    }
    case "assignment_remove": {
      const result = await removeAssignment(db, user, meetingId, instructionId, itemId);
      if (result.ok) throw redirect(`${here}#assignments`);
      return outcome(result);
    }
    case "assign_akimats": {
      const result = await assignAllRegionalAkimats(db, user, meetingId, instructionId);
      if (result.ok) throw redirectWithFlash(request, `${here}#assignments`, "instructions.flash.akimatsAssigned");
      return outcome(result);
    }
  }
}

export default function EditInstructionPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, date, number } = useI18n();
  const { meeting, instruction, targets, assignments } = data;
  const errorsFor = (intent: string): Record<string, string> => (actionData?.intent === intent ? (actionData.errors as Record<string, string>) : {});
  const valuesFor = (intent: string): Record<string, string> | null => (actionData?.intent === intent ? (actionData.values as Record<string, string>) : null);
  const draft = meeting.status === "draft";
  const code = instructionCode(meeting.protocol_number, instruction.number);
  const targetValues = valuesFor("target_add") ?? {};
  const assignmentValues = valuesFor("assignment_add") ?? {};
  const cell = "px-4 py-2";

  return (
    <>
      <PageHeader
        eyebrow={meeting.title}
        title={t("instructions.edit.title", { code })}
        actions={
          <Link to={`/meetings/${meeting.id}/edit#instructions`} className={linkButton.secondary}>
            {t("instructions.edit.backToMeeting")}
          </Link>
        }
      />
      <div className="space-y-8">
        <Panel title={t("instructions.edit.text")}>
          <InstructionForm
            intent="update"
            values={
              valuesFor("update") ?? {
                number: instruction.number,
                text: instruction.text,
                issuedByPersonId: instruction.issued_by_person_id ?? "",
                agendaItemId: instruction.agenda_item_id ?? "",
                deadlineChoice: instruction.deadline ? "date" : "none",
                deadline: instruction.deadline ?? "",
                deadlineNote: instruction.deadline_note ?? "",
                specialControl: instruction.special_control ? "on" : "",
              }
            }
            errors={errorsFor("update")}
            people={data.people}
            agendaItems={data.agendaItems}
            quickDeadlines={data.quickDeadlines}
            submitLabel={t("common.save")}
          />
        </Panel>

        <section id="assignments">
          <Panel title={t("instructions.assignments.title")}>
            {errorsFor("assignment_remove").form ? (
              <div className="px-5 pt-4">
                <FormAlert>{errorsFor("assignment_remove").form}</FormAlert>
              </div>
            ) : null}
            {assignments.length === 0 ? (
              <EmptyState>{t("instructions.assignments.empty")}</EmptyState>
            ) : (
              <TableScroller>
                <table className="min-w-full divide-y divide-slate-200 text-sm">
                  <caption className="sr-only">{t("instructions.assignments.title")}</caption>
                  <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
                    <tr>
                      <th scope="col" className={cell}>{t("table.organization")}</th>
                      <th scope="col" className={cell}>{t("instructions.assignments.role")}</th>
                      <th scope="col" className={cell}>{t("table.deadline")}</th>
                      <th scope="col" className={cell}>{t("table.status")}</th>
                      {draft ? <th scope="col" className={cell}><span className="sr-only">{t("common.remove")}</span></th> : null}
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {assignments.map((assignment) => (
                      <tr key={assignment.id}>
                        <td className={`${cell} text-slate-900`}>{assignment.organization_name}</td>
                        <td className={`${cell} text-slate-700`}>{t(`assignmentRole.${assignment.role as "lead" | "co_executor"}`)}</td>
                        <td className={`${cell} whitespace-nowrap text-slate-700`}>{assignment.deadline ? date(assignment.deadline) : t("table.noDeadline")}</td>
                        <td className={cell}>
                          <StatusBadge status={assignment.status} />
                        </td>
                        {draft ? (
                          <td className={`${cell} text-right`}>
                            <Form method="post">
                              <input type="hidden" name="intent" value="assignment_remove" />
                              <input type="hidden" name="itemId" value={assignment.id} />
                              <button type="submit" aria-label={`${t("common.remove")}: ${assignment.organization_name}`} className="rounded px-2 py-1 text-xs font-medium text-red-700 ring-1 ring-inset ring-red-200 hover:bg-red-50">
                                {t("common.remove")}
                              </button>
                            </Form>
                          </td>
                        ) : null}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroller>
            )}
            <div className="grid gap-6 border-t border-slate-200 bg-slate-50/60 px-5 py-5 lg:grid-cols-3">
              <Form key={assignments.length} method="post" className="space-y-4 lg:col-span-2" noValidate>
                <input type="hidden" name="intent" value="assignment_add" />
                <h3 className="text-sm font-semibold text-slate-900">{t("instructions.assignments.add")}</h3>
                <div className="grid gap-4 md:grid-cols-2">
                  <div className="md:col-span-2">
                    <SelectField
                      label={t("table.organization")}
                      name="organizationId"
                      id="assignment-organization"
                      defaultValue={assignmentValues.organizationId ?? ""}
                      error={errorsFor("assignment_add").organizationId}
                      placeholder={t("common.choose")}
                      options={data.organizations}
                    />
                  </div>
                  <SelectField
                    label={t("instructions.assignments.role")}
                    name="role"
                    id="assignment-role"
                    defaultValue={assignmentValues.role ?? "lead"}
                    error={errorsFor("assignment_add").role}
                    options={ASSIGNMENT_ROLES.map((role) => ({ value: role, label: t(`assignmentRole.${role}`) }))}
                  />
                  <Field
                    label={t("instructions.assignments.deadline")}
                    name="deadline"
                    id="assignment-deadline"
                    type="date"
                    defaultValue={assignmentValues.deadline ?? ""}
                    error={errorsFor("assignment_add").deadline}
                    hint={instruction.deadline ? t("instructions.assignments.deadlineHint", { date: date(instruction.deadline) }) : undefined}
                  />
                </div>
                <div className="flex justify-end">
                  <Button type="submit">{t("instructions.assignments.add")}</Button>
                </div>
              </Form>
              <Form method="post" className="space-y-3 rounded-lg border border-brand-200 bg-white p-4">
                <input type="hidden" name="intent" value="assign_akimats" />
                <h3 className="text-sm font-semibold text-slate-900">{t("instructions.assignments.allAkimatsTitle")}</h3>
                <p className="text-sm text-slate-600">{t("instructions.assignments.allAkimatsHint")}</p>
                <Button type="submit" variant="secondary" className="w-full">
                  {t("instructions.assignments.allAkimats")}
                </Button>
              </Form>
            </div>
          </Panel>
        </section>

        <section id="targets">
          <Panel title={t("instructions.targets.title")}>
            {errorsFor("target_remove").form ? (
              <div className="px-5 pt-4">
                <FormAlert>{errorsFor("target_remove").form}</FormAlert>
              </div>
            ) : null}
            {targets.length === 0 ? (
              <EmptyState>{t("instructions.targets.empty")}</EmptyState>
            ) : (
              <ul className="divide-y divide-slate-100">
                {targets.map((target) => (
                  <li key={target.id} className="flex flex-wrap items-center justify-between gap-3 px-5 py-3">
                    <div>
                      <p className="font-medium text-slate-900">{target.indicator}</p>
                      <p className="text-sm text-slate-600">
                        {target.baseline_value !== null ? `${t("instructions.targets.baseline")}: ${number(target.baseline_value)} · ` : ""}
                        {t("instructions.targets.target")}: {target.target_value !== null ? number(target.target_value) : "—"} {target.unit ?? ""}
                      </p>
                    </div>
                    <Form method="post">
                      <input type="hidden" name="intent" value="target_remove" />
                      <input type="hidden" name="itemId" value={target.id} />
                      <button type="submit" aria-label={`${t("common.remove")}: ${target.indicator}`} className="rounded px-2 py-1 text-xs font-medium text-red-700 ring-1 ring-inset ring-red-200 hover:bg-red-50">
                        {t("common.remove")}
                      </button>
                    </Form>
                  </li>
                ))}
              </ul>
            )}
            <Form key={targets.length} method="post" className="grid gap-4 border-t border-slate-200 bg-slate-50/60 px-5 py-5 md:grid-cols-6" noValidate>
              <input type="hidden" name="intent" value="target_add" />
              <div className="md:col-span-3">
                <Field label={t("instructions.targets.indicator")} name="indicator" id="target-indicator" defaultValue={targetValues.indicator ?? ""} error={errorsFor("target_add").indicator} />
              </div>
              <Field label={t("instructions.targets.unit")} name="unit" id="target-unit" defaultValue={targetValues.unit ?? ""} error={errorsFor("target_add").unit} />
              <Field label={t("instructions.targets.baseline")} name="baselineValue" id="target-baseline" inputMode="decimal" defaultValue={targetValues.baselineValue ?? ""} error={errorsFor("target_add").baselineValue} />
              <Field label={t("instructions.targets.target")} name="targetValue" id="target-value" inputMode="decimal" defaultValue={targetValues.targetValue ?? ""} error={errorsFor("target_add").targetValue} />
              <div className="flex justify-end md:col-span-6">
                <Button type="submit" variant="secondary">
                  {t("instructions.targets.add")}
                </Button>
              </div>
            </Form>
          </Panel>
        </section>

        {draft ? (
          <Panel title={t("instructions.delete.title")}>
            <Form method="post" className="flex flex-wrap items-center justify-between gap-3 p-5">
              <input type="hidden" name="intent" value="delete" />
              <p className="text-sm text-slate-600">{t("instructions.delete.hint")}</p>
              <Button type="submit" variant="ghost" className="text-red-700 hover:bg-red-50">
                {t("instructions.delete.submit")}
              </Button>
            </Form>
          </Panel>
        ) : null}
      </div>
    </>
  );
}
