import { Form, useNavigation } from "@remix-run/react";
import { useI18n } from "../../i18n/use-i18n";
import { NAME_MAX, POSITION_MAX } from "../../domain/directory";
import { Field, FormAlert, SelectField, TextareaField } from "../ui/field";
import { FormFooter, type FormErrors, type FormValues } from "./organization-form";

export function PersonForm({
  values,
  errors,
  organizations,
  cancelTo,
}: {
  values: FormValues;
  errors: FormErrors;
  organizations: readonly { value: string; label: string }[];
  cancelTo: string;
}) {
  const { t } = useI18n();
  const navigation = useNavigation();
  const hasErrors = Object.values(errors).some(Boolean);
  return (
    <Form method="post" noValidate className="rounded-lg border border-slate-200 bg-white shadow-sm">
      <div className="space-y-6 px-5 py-6 sm:px-8">
        {hasErrors ? <FormAlert>{errors.form ?? t("directory.form.errorSummary")}</FormAlert> : null}
        <div className="grid gap-x-6 gap-y-5 md:grid-cols-2">
          <Field
            label={t("directory.person.fullName")}
            name="full_name"
            required
            maxLength={NAME_MAX}
            autoComplete="off"
            defaultValue={values.full_name ?? ""}
            error={errors.full_name}
            hint={t("directory.person.fullNameHint")}
          />
          <SelectField
            label={t("directory.person.organization")}
            name="organization_id"
            defaultValue={values.organization_id ?? ""}
            error={errors.organization_id}
            placeholder={t("directory.person.organizationNone")}
            options={organizations}
          />
          <div className="md:col-span-2">
            <TextareaField
              label={t("directory.person.position")}
              name="position"
              rows={2}
              maxLength={POSITION_MAX}
              defaultValue={values.position ?? ""}
              error={errors.position}
            />
          </div>
        </div>
      </div>
      <FormFooter cancelTo={cancelTo} submitting={navigation.state === "submitting"} />
    </Form>
  );
}
