import type { Core } from '@strapi/strapi';

/**
 * A competence reads "4.2 Protecting personal data and privacy" in the admin's pickers and lists:
 * `label` (private: never in the public API) is its code and name in each locale, kept in line by
 * a Document Service middleware after every write of a competence, and filled at start for
 * competences written before it existed. Typing the code or a word of the name finds it.
 */
export const COMPETENCE = 'api::competence.competence';

type Row = { id: number; code: string | null; name: string | null; label: string | null };
const labelOf = (row: Row) => [row.code, row.name].filter(Boolean).join(' ') || null;

/** Sets the label of every version of the given competences (all when none is given). */
export async function fillCompetenceLabels(strapi: Core.Strapi, documentId?: string) {
  const query = strapi.db.query(COMPETENCE as never);
  const rows = (await query.findMany({
    where: documentId ? { documentId } : {},
    select: ['id', 'code', 'name', 'label'],
  })) as Row[];
  for (const row of rows) {
    const label = labelOf(row);
    if (row.label !== label) await query.update({ where: { id: row.id }, data: { label } });
  }
}

export function competenceLabelMiddleware(strapi: Core.Strapi) {
  return async (
    ctx: { action: string; uid: string; params: { documentId?: string } },
    next: () => Promise<unknown>,
  ) => {
    const result = (await next()) as { documentId?: string } | null;
    if (ctx.uid !== COMPETENCE || !['create', 'update', 'publish'].includes(ctx.action)) return result;
    const documentId = result?.documentId ?? ctx.params.documentId;
    if (documentId) await fillCompetenceLabels(strapi, documentId);
    return result;
  };
}
