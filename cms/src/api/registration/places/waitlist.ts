import { REGISTRATIONS_TABLE, type Db, type Trx } from '../tables';

/** 1 for the first person waiting, or null when the registration is not waitlisted. */
export async function waitlistPosition(
  db: Db | Trx,
  registration: { id: number; registration_status: string; session_document_id: string },
) {
  if (registration.registration_status !== 'waitlisted') return null;
  const [{ n }] = await db(REGISTRATIONS_TABLE)
    .count({ n: '*' })
    .where({ session_document_id: registration.session_document_id, registration_status: 'waitlisted' })
    .andWhere('id', '<', registration.id);
  return Number(n) + 1;
}
