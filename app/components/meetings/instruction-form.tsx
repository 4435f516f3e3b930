import { Form } from "@remix-run/react";
import { useI18n } from "../../i18n/use-i18n";
import { Button } from "../ui/button";
import { CheckboxField, Field, FormAlert, SelectField, TextareaField } from "../ui/field";

export interface InstructionFormValues {
  number?: string;
  text?: string;
  issuedByPersonId?: string;
  agendaItemId?: string;
  deadlineChoice?: string;
  deadline?: string;
  deadlineNote?: string;
  specialControl?: string;
}

/** The instruction's text and deadline. Quick choices count from the meeting's date and work without JavaScript. */
export function InstructionForm({
  values,
  errors = {},
  people,
  agendaItems,
  quickDeadlines,
  submitLabel,
  intent,
}: {
  values: InstructionFormValues;
  errors?: Record<string, string>;
  people: { id: string; label: string }[];
  agendaItems: { value: string; label: string }[];
  quickDeadlines: { end_of_year: string; one_month: string; ten_days: string };
  submitLabel: string;
  intent?: string;
}) {
  const { t, date } = useI18n();
  const choice = values.deadlineChoice ?? "date";
  const radio = (value: string, label: string) => (
    <label key={value} className="flex items-center gap-2 text-sm text-slate-800">
      <input type="radio" name="deadlineChoice" value={value} defaultChecked={choice === value} className="h-4 w-4 border-slate-400 text-brand-700" />
      {label}
    </label>
  );
  return (
    <Form method="post" className="space-y-5 p-5" noValidate>
      {intent ? <input type="hidden" name="intent" value={intent} /> : null}
      {errors.form ? <FormAlert>{errors.form}</FormAlert> : null}
      <div className="grid gap-5 md:grid-cols-4">
        <Field label={t("instructions.field.number")} name="number" required defaultValue={values.number ?? ""} error={errors.number} hint={t("instructions.hint.number")} />
        <div className="md:col-span-3">
          <SelectField
            label={t("instructions.field.issuedBy")}
            name="issuedByPersonId"
            defaultValue={values.issuedByPersonId ?? ""}
            error={errors.issuedByPersonId}
            placeholder={t("instructions.field.issuedByChair")}
            options={people.map((person) => ({ value: person.id, label: person.label }))}
          />
        </div>
        <div className="md:col-span-4">
          <TextareaField label={t("instructions.field.text")} name="text" required rows={5} defaultValue={values.text ?? ""} error={errors.text} />
        </div>
        {agendaItems.length ? (
          <div className="md:col-span-4">
            <SelectField
              label={t("meetings.speakers.agendaItem")}
              name="agendaItemId"
              defaultValue={values.agendaItemId ?? ""}
              error={errors.agendaItemId}
              placeholder={t("common.none")}
              options={agendaItems}
            />
          </div>
        ) : null}
        <fieldset className="space-y-3 md:col-span-2">
          <legend className="text-sm font-medium text-slate-800">{t("instructions.field.deadline")}</legend>
          <div className="space-y-2">
            {radio("date", t("instructions.deadline.date"))}
            <div className="pl-6">
              <Field label={t("instructions.deadline.dateLabel")} name="deadline" type="date" defaultValue={values.deadline ?? ""} error={errors.deadline} />
            </div>
            {radio("end_of_year", t("instructions.deadline.endOfYear", { date: date(quickDeadlines.end_of_year) }))}
            {radio("one_month", t("instructions.deadline.oneMonth", { date: date(quickDeadlines.one_month) }))}
            {radio("ten_days", t("instructions.deadline.tenDays", { date: date(quickDeadlines.ten_days) }))}
            {radio("none", t("instructions.deadline.none"))}
          </div>
        </fieldset>
        <div className="space-y-5 md:col-span-2">
          <Field
            label={t("instructions.field.deadlineNote")}
            name="deadlineNote"
            defaultValue={values.deadlineNote ?? ""}
            error={errors.deadlineNote}
            hint={t("instructions.hint.deadlineNote")}
          />
          <CheckboxField
            label={t("instructions.field.specialControl")}
            name="specialControl"
            defaultChecked={values.specialControl === "on" || values.specialControl === "true"}
            hint={t("instructions.hint.specialControl")}
          />
        </div>
      </div>
      <div className="flex justify-end">
        <Button type="submit">{submitLabel}</Button>
      </div>
    </Form>
  );
}
