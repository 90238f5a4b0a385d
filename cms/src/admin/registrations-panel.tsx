import * as React from 'react';
import { Button, Flex, Link, Typography } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { useFetchClient, useNotification, useRBAC } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';

/**
 * A side panel in the training-session edit view: how many people registered, a link to the
 * session's registrations in the content manager and a CSV download (admin route
 * /registration-export, see src/api/registration/admin/routes.ts).
 */
const SESSION = 'api::training-session.training-session';
const REGISTRATION = 'api::registration.registration';
const id = (key: string) => `academy.registrations.${key}`;

interface Summary {
  confirmed: number;
  waitlisted: number;
  cancelled: number;
  capacity: number;
  placesLeft: number;
}

function RegistrationsContent({ documentId }: { documentId: string }) {
  const { formatMessage } = useIntl();
  const { get } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [summary, setSummary] = React.useState<Summary | null>(null);
  const [downloading, setDownloading] = React.useState(false);
  const base = `/registration-export/sessions/${encodeURIComponent(documentId)}`;

  React.useEffect(() => {
    let live = true;
    get<Summary>(`${base}/summary`).then(
      ({ data }) => live && setSummary(data),
      () => live && setSummary(null),
    );
    return () => {
      live = false;
    };
  }, [base]);

  const download = async () => {
    setDownloading(true);
    try {
      const { data } = await get<Blob>(`${base}/registrations.csv`, { responseType: 'blob' });
      const url = URL.createObjectURL(data);
      const anchor = document.createElement('a');
      anchor.href = url;
      anchor.download = `registrations-${documentId}.csv`;
      anchor.click();
      URL.revokeObjectURL(url);
    } catch {
      toggleNotification({
        type: 'danger',
        message: formatMessage({
          id: id('error'),
          defaultMessage: 'The export failed. Check that you may read registrations.',
        }),
      });
    } finally {
      setDownloading(false);
    }
  };

  const filter = new URLSearchParams({ 'filters[$and][0][sessionDocumentId][$eq]': documentId, page: '1' });
  return (
    <Flex direction="column" alignItems="stretch" gap={2} width="100%">
      {summary && (
        <Typography variant="omega" tag="p">
          {formatMessage(
            {
              id: id('summary'),
              defaultMessage:
                '{confirmed} confirmed, {waitlisted} on the waiting list, {placesLeft} of {capacity} places left.',
            },
            { ...summary },
          )}
        </Typography>
      )}
      <Link tag={NavLink} to={`/content-manager/collection-types/${REGISTRATION}?${filter}`}>
        {formatMessage({ id: id('list'), defaultMessage: 'See the registrations' })}
      </Link>
      <Button variant="secondary" startIcon={<Download />} onClick={download} loading={downloading} fullWidth>
        {formatMessage({ id: id('download'), defaultMessage: 'Download as CSV' })}
      </Button>
    </Flex>
  );
}

// Strapi renders panel descriptions as components: hooks are allowed here.
// Only for the roles that may read registrations (personal data): the registrations manager, the super admin.
const READ_REGISTRATIONS = [{ action: 'plugin::content-manager.explorer.read', subject: REGISTRATION }] as Parameters<
  typeof useRBAC
>[0];

export const RegistrationsPanel = ({ model, documentId }: { model: string; documentId?: string }) => {
  const { formatMessage } = useIntl();
  const { allowedActions } = useRBAC(READ_REGISTRATIONS);
  if (model !== SESSION || !documentId || !allowedActions.canRead) return null;
  return {
    title: formatMessage({ id: id('title'), defaultMessage: 'Registrations' }),
    content: <RegistrationsContent documentId={documentId} />,
  };
};
