import type { Migration } from "kysely";
import * as domainModel from "./2026-11-24T0900-domain-model";
import * as searchText from "./2026-11-24T1500-search-text";
import * as appendOnly from "./2026-11-24T1600-append-only";
import * as instructionSearch from "./2026-11-24T1700-instruction-search";
import * as searchIndex from "./2026-11-24T1900-search-index";
import * as calendarFeeds from "./2026-11-24T2000-calendar-feeds";
import * as oversightIndexes from "./2026-11-24T2300-oversight-indexes";
import * as dataVersions from "./2026-11-25T0000-data-versions";
import * as registerDeadlineOrder from "./2026-11-25T0010-register-deadline-order";
import * as twoFactor from "./2026-11-25T0100-two-factor";
import * as minutesImports from "./2026-11-25T1100-minutes-imports";
import * as peopleDataVersion from "./2026-11-25T1200-people-data-version";
import * as versionBumpAtCommit from "./2026-11-25T1300-version-bump-at-commit";
import * as deadlineFiguresIndex from "./2026-11-25T1400-deadline-figures-index";
import * as auditAppendFunction from "./2026-12-06T0900-audit-append-function";
import * as eventHistoryIndex from "./2026-12-06T1000-event-history-index";

// A static list (not a folder scan) so the migrations bundle into the server build and run at start.
export const migrations: Record<string, Migration> = {
  "2026-11-24T0900-domain-model": domainModel,
  "2026-11-24T1500-search-text": searchText,
  "2026-11-24T1600-append-only": appendOnly,
  "2026-11-24T1700-instruction-search": instructionSearch,
  "2026-11-24T1900-search-index": searchIndex,
  "2026-11-24T2000-calendar-feeds": calendarFeeds,
  "2026-11-24T2300-oversight-indexes": oversightIndexes,
  "2026-11-25T0000-data-versions": dataVersions,
  "2026-11-25T0010-register-deadline-order": registerDeadlineOrder,
  "2026-11-25T0100-two-factor": twoFactor,
  "2026-11-25T1100-minutes-imports": minutesImports,
  "2026-11-25T1200-people-data-version": peopleDataVersion,
  "2026-11-25T1300-version-bump-at-commit": versionBumpAtCommit,
  "2026-11-25T1400-deadline-figures-index": deadlineFiguresIndex,
  "2026-12-06T0900-audit-append-function": auditAppendFunction,
  "2026-12-06T1000-event-history-index": eventHistoryIndex,
};
