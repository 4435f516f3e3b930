import { Form, useNavigation } from "@remix-run/react";
import { ORGANIZATION_KINDS } from "../../domain/organizations";
import type { Organization } from "../../utils/db-schema";
import { useI18n } from "../../i18n/use-i18n";
import { NAME_MAX, SHORT_NAME_MAX } from "../../domain/directory";
import { Button } from "../ui/button";
import { CheckboxField, Field, FormAlert, SelectField } from "../ui/field";
import { LinkButton } from "./list-parts";

export type FormValues = Record<string, string | undefined>;
export type FormErrors = Record<string, string | undefined>;

const LANGUAGE_ROWS = [
  { lang: "kk", name: "name_kk", short: "short_name_kk", nameLabel: "directory.organization.nameKk", shortLabel: "directory.organization.shortNameKk" },
  { lang: "ru", name: "name_ru", short: "short_name_ru", nameLabel: "directory.organization.nameRu", shortLabel: "directory.organization.shortNameRu" },
  { lang: "en", name: "name_en", short: "short_name_en", nameLabel: "directory.organization.nameEn", shortLabel: "directory.organization.shortNameEn" },
] as const;

/** The stored organization as the form shows it. */
export function organizationFormValues(organization: Organization): FormValues {
  return {
    kind: organization.kind,
    name_kk: organization.name_kk,
    name_ru: organization.name_ru,
    name_en: organization.name_en,
    short_name_kk: organization.short_name_kk ?? "",
    short_name_ru: organization.short_name_ru ?? "",
    short_name_en: organization.short_name_en ?? "",
    parent_id: organization.parent_id ?? "",
    is_active: organization.is_active ? "on" : undefined,
  };
}

/** Create and edit share one form; values are what is stored or what the user typed before a refusal. */
export function OrganizationForm({
  values,
  errors,
  parents,
  cancelTo,
  showActive,
}: {
  values: FormValues;
  errors: FormErrors;
  parents: readonly { value: string; label: string }[];
  cancelTo: string;
  showActive: boolean;
}) {
  const { t } = useI18n();
  const navigation = useNavigation();
  const hasErrors = Object.values(errors).some(Boolean);
  return (
    <Form method="post" noValidate className="rounded-lg border border-slate-200 bg-white shadow-sm">
      <div className="space-y-8 px-5 py-6 sm:px-8">
        {hasErrors ? <FormAlert>{errors.form ?? t("directory.form.errorSummary")}</FormAlert> : null}

        <fieldset>
          <legend className="text-base font-semibold text-slate-900">{t("directory.organization.sectionKind")}</legend>
          <div className="mt-4 grid gap-x-6 gap-y-5 md:grid-cols-2">
            <SelectField
              label={t("directory.organization.kind")}
              name="kind"
              required
              defaultValue={values.kind ?? ""}
              error={errors.kind}
              placeholder={t("directory.organization.kindPlaceholder")}
              options={ORGANIZATION_KINDS.map((kind) => ({ value: kind, label: t(`organizationKind.${kind}`) }))}
            />
            <SelectField
              label={t("directory.organization.parent")}
              name="parent_id"
              defaultValue={values.parent_id ?? ""}
              error={errors.parent_id}
              hint={t("directory.organization.parentHint")}
              placeholder={t("directory.organization.parentNone")}
              options={parents}
            />
            {showActive ? (
              <div className="md:col-span-2">
                <CheckboxField
                  label={t("directory.organization.isActive")}
                  name="is_active"
                  defaultChecked={values.is_active === "on"}
                  hint={t("directory.organization.isActiveHint")}
                  error={errors.is_active}
                />
              </div>
            ) : null}
          </div>
        </fieldset>

        <fieldset>
          <legend className="text-base font-semibold text-slate-900">{t("directory.organization.sectionNames")}</legend>
          <div className="mt-4 grid gap-x-6 gap-y-5 md:grid-cols-3">
            {LANGUAGE_ROWS.map((row) => (
              <div key={row.lang} className="contents">
                <div className="md:col-span-2">
                  <Field
                    label={t(row.nameLabel)}
                    name={row.name}
                    lang={row.lang}
                    required
                    maxLength={NAME_MAX}
                    defaultValue={values[row.name] ?? ""}
                    error={errors[row.name]}
                  />
                </div>
                <Field
                  label={t(row.shortLabel)}
                  name={row.short}
                  lang={row.lang}
                  maxLength={SHORT_NAME_MAX}
                  defaultValue={values[row.short] ?? ""}
                  error={errors[row.short]}
                />
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      <FormFooter cancelTo={cancelTo} submitting={navigation.state === "submitting"} />
    </Form>
  );
}

/** Required-fields note, Cancel and Save, on a grey strip under the form. */
export function FormFooter({ cancelTo, submitting }: { cancelTo: string; submitting: boolean }) {
  const { t } = useI18n();
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 rounded-b-lg border-t border-slate-200 bg-slate-50 px-5 py-4 sm:px-8">
      <p className="text-xs text-slate-500">{t("directory.form.requiredNote")}</p>
      <div className="flex gap-3">
        <LinkButton to={cancelTo} variant="secondary">
          {t("directory.form.cancel")}
        </LinkButton>
        <Button type="submit" disabled={submitting}>
          {t("directory.form.save")}
        </Button>
      </div>
    </div>
  );
}
