import { describe, expect, it } from "vitest";
import { organizationKindFromName, type OrganizationKind } from "../../app/domain/organizations";

/*
 * The kind a minutes import gives an organization it adds to the directory, from the name as the minutes write it:
 * the directory's own names in three languages, the case endings a Kazakh or Russian sentence puts on them, and
 * what a name alone cannot tell.
 */

const NAMES: [string, OrganizationKind][] = [
  ["Қазақстан Республикасы Цифрлық даму, инновациялар және аэроғарыш өнеркәсібі министрлігі", "ministry"],
  ["Цифрлық даму, инновациялар және аэроғарыш өнеркәсібі министрлігіне", "ministry"],
  ["Министерству энергетики Республики Казахстан", "ministry"],
  ["Ministry of Energy of the Republic of Kazakhstan", "ministry"],
  ["Қазақстан Республикасының Стратегиялық жоспарлау және реформалар агенттігі", "agency"],
  ["Агентство по защите и развитию конкуренции Республики Казахстан", "agency"],
  ["Agency for Strategic Planning and Reforms of the Republic of Kazakhstan", "agency"],
  ["Ақмола облысының әкімдігі", "regional_akimat"],
  ["Солтүстік Қазақстан облысының әкімдігіне", "regional_akimat"],
  ["Акимат Акмолинской области", "regional_akimat"],
  ["Акимату области Абай", "regional_akimat"],
  ["Akimat of Almaty Region", "regional_akimat"],
  ["Алматы облысының әкімдігі", "regional_akimat"],
  ["Астана қаласының әкімдігі", "city_akimat"],
  ["Акимат города Шымкента", "city_akimat"],
  ["Akimat of Almaty", "city_akimat"],
  ["Исатай ауданының әкімдігі", "district_akimat"],
  ["Акимат района Теректи", "district_akimat"],
  ["Akimat of Pavlodar District", "district_akimat"],
  ["Қазақстан Республикасы Премьер-Министрінің Кеңсесі", "government_office"],
  ["Қазақстан Республикасы Үкіметінің Аппараты", "government_office"],
  ["Аппарат Правительства Республики Казахстан", "government_office"],
  ["Office of the Prime Minister of the Republic of Kazakhstan", "government_office"],
  ["«Қазақстан темір жолы» ұлттық компаниясы» АҚ", "national_company"],
  ["АО «Национальная компания «Қазақстан темір жолы»", "national_company"],
  ["Samruk-Kazyna Sovereign Wealth Fund JSC", "national_company"],
  ["«Самұрық-Қазына» ұлттық әл-ауқат қоры» АҚ", "national_company"],
  // A company's name does not say whether it is an operator or a national company.
  ["«Қазақтелеком» АҚ", "other"],
  ["ТОО «КаР-Тел»", "other"],
  ["Transtelecom JSC", "other"],
  // A city akimat of regional significance has no kind of its own, and a word alone is not an organization.
  ["Қарағанды қаласының әкімдігі", "other"],
  ["Ұлттық банк", "other"],
];

describe("an organization's kind from its name", () => {
  it.each(NAMES)("%s → %s", (name, kind) => {
    expect(organizationKindFromName(name)).toBe(kind);
  });
});
