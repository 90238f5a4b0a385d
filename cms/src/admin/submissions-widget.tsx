import * as React from 'react';
import { Flex, Link, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';

/**
 * The editors' home widget of organisations proposed through the site's "Add your organisation"
 * form and not moderated yet (src/api/organisation/submission/admin.ts): each links to its draft,
 * to publish (accept) or delete (decline). The submitter's contact is never shown.
 */
interface Pending {
  documentId: string;
  locale: string;
  name: string;
  submittedAt: string;
}
const id = (key: string) => `academy.submissions.${key}`;
const ORGANISATION = 'api::organisation.organisation';

export default function SubmissionsWidget() {
  const { formatMessage, formatDate } = useIntl();
  const { get } = useFetchClient();
  const [pending, setPending] = React.useState<Pending[] | null>(null);
  React.useEffect(() => {
    let live = true;
    get<{ submissions: Pending[] }>('/organisation-submissions/pending').then(
      ({ data }) => live && setPending(data.submissions),
      () => live && setPending([]),
    );
    return () => {
      live = false;
    };
  }, []);
  if (!pending) return null;
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      {pending.length === 0 && (
        <Typography variant="omega">
          {formatMessage({ id: id('empty'), defaultMessage: 'No organisation waiting for review.' })}
        </Typography>
      )}
      {pending.map((p) => (
        <Link
          key={p.documentId}
          tag={NavLink}
          to={`/content-manager/collection-types/${ORGANISATION}/${p.documentId}?plugins[i18n][locale]=${p.locale}`}
        >
          {formatMessage(
            { id: id('line'), defaultMessage: '{name} ({locale}), proposed on {date}' },
            { name: p.name, locale: p.locale, date: formatDate(p.submittedAt, { dateStyle: 'medium' }) },
          )}
        </Link>
      ))}
    </Flex>
  );
}
