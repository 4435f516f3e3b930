import { isoToAlmatyWallClock } from "../domain/calendar";
import { quickDeadlines } from "../domain/instructions";
import type { Language } from "../i18n";
import { personLabel } from "../i18n/labels";
import type { DB } from "../utils/db.server";
import { listPeopleForPicker } from "./speakers.server";

/** What the instruction forms need to know about their meeting: its date, agenda, the people to pick. */
export async function getInstructionFormContext(db: DB, meetingId: string, language: Language) {
  const meeting = await db
    .selectFrom("meetings")
    .select(["id", "title", "held_at", "status", "protocol_number", "chair_person_id"])
    .where("id", "=", meetingId)
    .executeTakeFirst();
  if (!meeting) return null;
  const [agendaItems, people] = await Promise.all([
    db.selectFrom("agenda_items").select(["id", "sort_order", "title"]).where("meeting_id", "=", meetingId).orderBy("sort_order").execute(),
    listPeopleForPicker(db),
  ]);
  const meetingDate = isoToAlmatyWallClock(meeting.held_at).date;
  return {
    meeting: { ...meeting, date: meetingDate },
    agendaItems: agendaItems.map((item) => ({ value: item.id, label: `${item.sort_order}. ${item.title}` })),
    people: people
      .map((person) => ({ id: person.id, label: personLabel(person, language) }))
      .sort((a, b) => a.label.localeCompare(b.label, "kk")),
    quickDeadlines: quickDeadlines(meetingDate),
  };
}
