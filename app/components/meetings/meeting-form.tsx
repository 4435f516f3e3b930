import { Form } from "@remix-run/react";
import { MEETING_KINDS } from "../../domain/organizations";
import { useI18n } from "../../i18n/use-i18n";
import { Button } from "../ui/button";
import { Field, FormAlert, SelectField, TextareaField } from "../ui/field";

export interface MeetingFormValues {
  kind?: string;
  title?: string;
  heldDate?: string;
  heldTime?: string;
  chairPersonId?: string;
  place?: string;
  protocolNumber?: string;
  sourceReference?: string;
  summary?: string;
}

/** Create and edit a meeting's details. Values come back from the action on error, so nothing typed is lost. */
export function MeetingForm({
  values,
  errors = {},
  people,
  submitLabel,
  intent,
  version,
  formError,
}: {
  values: MeetingFormValues;
  errors?: Record<string, string>;
  people: { id: string; label: string }[];
  submitLabel: string;
  intent?: string;
  version?: number;
  formError?: string | null;
}) {
  const { t } = useI18n();
  return (
    <Form method="post" className="space-y-5 p-5" noValidate>
      {intent ? <input type="hidden" name="intent" value={intent} /> : null}
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      {formError ? <FormAlert>{formError}</FormAlert> : null}
      <div className="grid gap-5 md:grid-cols-2">
        <SelectField
          label={t("meetings.field.kind")}
          name="kind"
          required
          defaultValue={values.kind ?? "selector_meeting"}
          error={errors.kind}
          options={MEETING_KINDS.map((kind) => ({ value: kind, label: t(`meetingKind.${kind}`) }))}
        />
        <Field label={t("meetings.field.protocolNumber")} name="protocolNumber" defaultValue={values.protocolNumber ?? ""} error={errors.protocolNumber} hint={t("meetings.hint.protocolNumber")} />
        <div className="md:col-span-2">
          <Field label={t("meetings.field.title")} name="title" required defaultValue={values.title ?? ""} error={errors.title} />
        </div>
        <div className="grid grid-cols-2 gap-4">
          <Field label={t("meetings.field.heldDate")} name="heldDate" type="date" required defaultValue={values.heldDate ?? ""} error={errors.heldDate} />
          <Field label={t("meetings.field.heldTime")} name="heldTime" type="time" required defaultValue={values.heldTime ?? "10:00"} error={errors.heldTime} />
        </div>
        <SelectField
          label={t("meetings.field.chair")}
          name="chairPersonId"
          defaultValue={values.chairPersonId ?? ""}
          error={errors.chairPersonId}
          placeholder={t("common.choose")}
          options={people.map((person) => ({ value: person.id, label: person.label }))}
        />
        <Field label={t("meetings.field.place")} name="place" defaultValue={values.place ?? ""} error={errors.place} />
        <Field label={t("meetings.field.sourceReference")} name="sourceReference" defaultValue={values.sourceReference ?? ""} error={errors.sourceReference} />
        <div className="md:col-span-2">
          <TextareaField label={t("meetings.field.summary")} name="summary" rows={4} defaultValue={values.summary ?? ""} error={errors.summary} />
        </div>
      </div>
      <div className="flex justify-end">
        <Button type="submit">{submitLabel}</Button>
      </div>
    </Form>
  );
}
