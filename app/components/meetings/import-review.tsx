import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { ALL_AKIMATS_CHOICE, NEW_CHOICE, NEW_ORGANIZATION_PREFIX, choicesOf, indicesOf, type QuoteInContext, type ReviewValues, type ReviewWarning } from "../../domain/minutes-import";
import type { MinutesDraft } from "../../domain/minutes-parser/types";
import { MEETING_KINDS } from "../../domain/organizations";
import { useI18n } from "../../i18n/use-i18n";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { CheckboxField, Field, FormAlert, SelectField, TextareaField } from "../ui/field";
import { linkButton } from "../ui/page-header";

type Option = { value: string; label: string };

/**
 * The review of an imported text: every field of the draft as a form input (so it works without JavaScript
 * and comes back with the user's edits after a refused confirm), each instruction as a numbered card beside
 * its source sentence.
 */
export function ImportReviewForm({
  draft,
  quotes,
  values,
  errors,
  organizations,
  people,
}: {
  draft: Omit<MinutesDraft, "warnings"> & { warnings: ReviewWarning[] };
  quotes: QuoteInContext[];
  values: ReviewValues;
  errors: Record<string, string>;
  organizations: Option[];
  people: Option[];
}) {
  const { t } = useI18n();
  const speakerIndices = indicesOf(values, "speakers.");
  const instructionIndices = indicesOf(values, "instructions.");
  const general = draft.warnings.filter((warning) => !warning.instruction);
  const warningText = (warning: ReviewWarning) =>
    warning.code === "organization_not_in_directory"
      ? t("import.warning.organization_not_in_directory", { name: warning.name ?? "" })
      : t(`import.warning.${warning.code}`);

  /** A select of organizations: the current choice, proposed new names, optionally "all akimats", the directory. */
  const organizationOptions = (current: string, proposed: string[], withAkimats: boolean): Option[] => {
    const newNames = [...new Set([...proposed, ...(current.startsWith(NEW_ORGANIZATION_PREFIX) ? [current.slice(NEW_ORGANIZATION_PREFIX.length)] : [])])];
    return [
      ...newNames.map((name) => ({ value: `${NEW_ORGANIZATION_PREFIX}${name}`, label: t("import.review.organizationNew", { name }) })),
      ...(withAkimats ? [{ value: ALL_AKIMATS_CHOICE, label: t("import.review.allAkimats") }] : []),
      ...organizations,
    ];
  };
  const proposedNames = (list: { name: string; organizationId?: string | null; proposedNew?: boolean }[] = []) =>
    list.filter((o) => o.proposedNew && !o.organizationId).map((o) => o.name);

  return (
    <Form method="post" className="space-y-8" noValidate>
      {errors.form ? <FormAlert>{errors.form}</FormAlert> : null}

      {draft.warnings.length ? (
        <section aria-labelledby="import-warnings" className="rounded-lg border border-accent-400/60 bg-accent-100/50 px-5 py-4">
          <h2 id="import-warnings" className="text-base font-semibold text-slate-900">
            {t("import.review.warnings")}
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-800">
            {general.map((warning, i) => (
              <li key={`g${i}`}>{warningText(warning)}</li>
            ))}
            {draft.warnings
              .filter((warning) => warning.instruction)
              .map((warning, i) => (
                <li key={`i${i}`}>
                  <a href={`#instruction-${warning.instruction}`} className="font-medium text-brand-800 underline">
                    {t("import.review.instructionRef", { number: String(warning.instruction) })}
                  </a>
                  : {warningText(warning)}
                </li>
              ))}
          </ul>
        </section>
      ) : null}

      <Section title={t("import.review.meeting")}>
        <div className="grid gap-5 p-5 md:grid-cols-2">
          <div className="md:col-span-2">
            <Field label={t("meetings.field.title")} name="title" required defaultValue={values.title ?? ""} error={errors.title} />
          </div>
          <SelectField
            label={t("meetings.field.kind")}
            name="kind"
            required
            defaultValue={values.kind ?? "selector_meeting"}
            error={errors.kind}
            options={MEETING_KINDS.map((kind) => ({ value: kind, label: t(`meetingKind.${kind}`) }))}
          />
          <div className="grid grid-cols-2 gap-4">
            <Field label={t("meetings.field.heldDate")} name="heldDate" type="date" required defaultValue={values.heldDate ?? ""} error={errors.heldDate} />
            <Field label={t("meetings.field.heldTime")} name="heldTime" type="time" required defaultValue={values.heldTime ?? "10:00"} error={errors.heldTime} />
          </div>
          <SelectField
            label={t("meetings.field.chair")}
            name="chair"
            defaultValue={values.chair ?? ""}
            error={errors.chair}
            options={[
              { value: "", label: t("import.review.chairNone") },
              ...(values.chairName ? [{ value: NEW_CHOICE, label: t("import.review.chairNew", { name: values.chairName }) }] : []),
              ...people,
            ]}
          />
          <Field label={t("import.review.chairName")} name="chairName" defaultValue={values.chairName ?? ""} error={errors.chairName} />
        </div>
      </Section>

      <Section title={`${t("import.review.speakers")} · ${speakerIndices.length}`}>
        {speakerIndices.length === 0 ? <p className="px-5 py-6 text-sm text-slate-500">{t("import.review.empty")}</p> : null}
        <ol className="divide-y divide-slate-100">
          {speakerIndices.map((i, order) => {
            const prefix = `speakers.${i}.`;
            const draftSpeaker = draft.speakers[i];
            const name = values[`${prefix}name`] ?? "";
            const organization = values[`${prefix}organization`] ?? "";
            return (
              <li key={i} className="px-5 py-4">
                <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
                  <h3 className="font-semibold text-slate-900">
                    <span className="mr-2 inline-flex h-6 min-w-6 items-center justify-center rounded-full bg-slate-100 px-1.5 text-sm text-slate-700">{order + 1}</span>
                    {name || t("import.review.speaker", { number: String(order + 1) })}
                  </h3>
                  <CheckboxField label={t("import.review.include")} name={`${prefix}include`} defaultChecked={values[`${prefix}include`] === "on"} />
                </div>
                <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-4">
                  <SelectField
                    label={t("import.review.person")}
                    name={`${prefix}person`}
                    defaultValue={values[`${prefix}person`] ?? NEW_CHOICE}
                    error={errors[`${prefix}person`]}
                    options={[{ value: NEW_CHOICE, label: t("import.review.personNew", { name: name || "…" }) }, ...people]}
                  />
                  <Field label={t("import.review.name")} name={`${prefix}name`} defaultValue={name} error={errors[`${prefix}name`]} />
                  <Field
                    label={t("meetings.speakers.position")}
                    name={`${prefix}position`}
                    defaultValue={values[`${prefix}position`] ?? ""}
                    error={errors[`${prefix}position`]}
                  />
                  <SelectField
                    label={t("meetings.speakers.organization")}
                    name={`${prefix}organization`}
                    defaultValue={organization}
                    error={errors[`${prefix}organization`]}
                    options={[
                      { value: "", label: t("common.none") },
                      ...organizationOptions(organization, draftSpeaker?.proposedNew && draftSpeaker.organization ? [draftSpeaker.organization] : [], false),
                    ]}
                  />
                </div>
              </li>
            );
          })}
        </ol>
      </Section>

      <Section title={`${t("import.review.instructions")} · ${instructionIndices.length}`}>
        {instructionIndices.length === 0 ? <p className="px-5 py-6 text-sm text-slate-500">{t("import.review.empty")}</p> : null}
        <ol className="space-y-5 p-5">
          {instructionIndices.map((i, order) => {
            const prefix = `instructions.${i}.`;
            const source = draft.instructions[i];
            const quote = quotes[i];
            const number = order + 1;
            const proposed = [...proposedNames(source?.assignees), ...proposedNames(source?.coExecutors)];
            const leads = choicesOf(values, `${prefix}lead.`);
            const coExecutors = choicesOf(values, `${prefix}co.`);
            const ownWarnings = draft.warnings.filter((warning) => warning.instruction === i + 1);
            return (
              <li key={i} id={`instruction-${i + 1}`} className="overflow-hidden rounded-lg border border-slate-200 bg-white">
                <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 bg-slate-50 px-4 py-2.5">
                  <h3 className="flex items-center gap-2 font-semibold text-slate-900">
                    <span className="inline-flex h-7 min-w-7 items-center justify-center rounded-full bg-brand-700 px-2 text-sm text-white">{number}</span>
                    {t("import.review.instruction", { number: String(number) })}
                  </h3>
                  <CheckboxField label={t("import.review.include")} name={`${prefix}include`} defaultChecked={values[`${prefix}include`] === "on"} />
                </div>
                <div className="grid gap-0 lg:grid-cols-5">
                  <div className="space-y-4 p-4 lg:col-span-3">
                    <TextareaField label={t("import.review.text")} name={`${prefix}text`} rows={4} defaultValue={values[`${prefix}text`] ?? ""} error={errors[`${prefix}text`]} />
                    {errors[`${prefix}assignees`] ? <FormAlert>{errors[`${prefix}assignees`]}</FormAlert> : null}
                    <OrganizationList
                      legend={t("import.review.leads")}
                      name={`${prefix}lead.`}
                      chosen={leads}
                      options={(current) => organizationOptions(current, proposedNames(source?.assignees), true)}
                      emptyLabel={t("import.review.choose")}
                    />
                    <OrganizationList
                      legend={t("import.review.coExecutors")}
                      name={`${prefix}co.`}
                      chosen={coExecutors}
                      options={(current) => organizationOptions(current, proposedNames(source?.coExecutors), false)}
                      emptyLabel={t("import.review.choose")}
                    />
                    <div className="max-w-xs">
                      <Field
                        label={t("import.review.deadline")}
                        name={`${prefix}deadline`}
                        type="date"
                        defaultValue={values[`${prefix}deadline`] ?? ""}
                        error={errors[`${prefix}deadline`]}
                        hint={source?.deadline ? t("import.review.deadlinePhrase", { phrase: source.deadline.text }) : undefined}
                      />
                    </div>
                    {proposed.length === 0 ? null : <p className="text-xs text-slate-500">{t("import.review.newOrganizations")}</p>}
                  </div>
                  <aside className="border-t border-slate-200 bg-slate-50/60 p-4 lg:col-span-2 lg:border-t-0 lg:border-l">
                    <h4 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{t("import.review.quote")}</h4>
                    {quote ? (
                      <blockquote className="mt-2 text-sm leading-relaxed text-slate-600">
                        {quote.before}
                        <mark className="rounded-sm bg-accent-400/40 px-0.5 text-slate-900">{quote.quote}</mark>
                        {quote.after}
                      </blockquote>
                    ) : null}
                    {ownWarnings.length ? (
                      <ul className="mt-3 space-y-1 text-sm text-accent-700">
                        {ownWarnings.map((warning, w) => (
                          <li key={w}>⚠ {warningText(warning)}</li>
                        ))}
                      </ul>
                    ) : null}
                  </aside>
                </div>
              </li>
            );
          })}
        </ol>
      </Section>

      <div className="flex flex-wrap items-center justify-end gap-3 border-t border-slate-200 pt-5">
        <Link to="/meetings/import" className={linkButton.secondary}>
          {t("import.review.startOver")}
        </Link>
        <Button type="submit">{t("import.review.confirm")}</Button>
      </div>
    </Form>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white shadow-sm">
      <h2 className="border-b border-slate-200 px-5 py-3 text-base font-semibold text-slate-900">{title}</h2>
      {children}
    </section>
  );
}

/**
 * Organizations of one role as a list of selects: the chosen ones, then two empty ones to add more without
 * JavaScript. "New: …" marks a name the directory does not have.
 */
function OrganizationList({
  legend,
  name,
  chosen,
  options,
  emptyLabel,
}: {
  legend: string;
  name: string;
  chosen: string[];
  options: (current: string) => Option[];
  emptyLabel: string;
}) {
  const { t } = useI18n();
  const slots = [...chosen, "", ""];
  return (
    <fieldset>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      <div className="mt-1 grid gap-2 sm:grid-cols-2">
        {slots.map((current, slot) => {
          const isNew = current.startsWith(NEW_ORGANIZATION_PREFIX);
          return (
            <div key={slot} className="flex items-center gap-2">
              <select
                name={`${name}${slot}`}
                aria-label={`${legend} ${slot + 1}`}
                defaultValue={current}
                className={`block w-full min-w-0 rounded-md border bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-200 focus:outline-none ${
                  isNew ? "border-accent-400" : current ? "border-slate-300" : "border-dashed border-slate-300 text-slate-500"
                }`}
              >
                <option value="">{slot < chosen.length ? t("common.none") : emptyLabel}</option>
                {options(current).map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
              {isNew ? <Badge tone="warning">{t("import.review.newBadge")}</Badge> : null}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
