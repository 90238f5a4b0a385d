import * as React from 'react';
import { Badge, Box, Flex, Link, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';

/**
 * The editors' home widgets besides "To translate" (home-widget.tsx): my drafts, recently
 * published, registrations this week. Their data comes from src/editors/home.ts, which decides
 * what each admin may see (registrants' names only for those allowed to read registrations).
 */
interface HomeEntry {
  type: string;
  kind: 'collectionType' | 'singleType';
  documentId: string;
  locale: string | null;
  title: string;
  status: 'draft' | 'modified' | 'published';
  at: string;
}
interface WeekRegistrations {
  since: string;
  total: number;
  sessions: Array<{ sessionDocumentId: string; sessionTitle: string; count: number }>;
  people?: Array<{ documentId: string; fullName: string; sessionTitle: string; status: string; at: string }>;
}

const id = (key: string) => `academy.home.${key}`;

function useHomeData<T>(path: string): { data: T | null; failed: boolean } {
  const { get } = useFetchClient();
  const [state, setState] = React.useState<{ data: T | null; failed: boolean }>({ data: null, failed: false });
  React.useEffect(() => {
    let live = true;
    get<T>(path).then(
      ({ data }) => live && setState({ data, failed: false }),
      () => live && setState({ data: null, failed: true }),
    );
    return () => {
      live = false;
    };
  }, [path]);
  return state;
}

function editUrl(entry: HomeEntry) {
  const base =
    entry.kind === 'singleType' ? `single-types/${entry.type}` : `collection-types/${entry.type}/${entry.documentId}`;
  return `/content-manager/${base}${entry.locale ? `?plugins[i18n][locale]=${entry.locale}` : ''}`;
}

const BADGE: Record<HomeEntry['status'], { background: string; text: string }> = {
  draft: { background: 'secondary100', text: 'secondary700' },
  modified: { background: 'alternative100', text: 'alternative700' },
  published: { background: 'success100', text: 'success700' },
};

/** A widget's content, marked as ours (the tests find it, axe tells it apart from Strapi's). */
const Ours = ({ name, children }: { name: string; children: React.ReactNode }) => (
  <Box data-academy={name}>{children}</Box>
);

function Entries({ path, empty, name }: { path: string; empty: string; name: string }) {
  return (
    <Ours name={name}>
      <EntryList path={path} empty={empty} />
    </Ours>
  );
}

function EntryList({ path, empty }: { path: string; empty: string }) {
  const { formatMessage, formatDate } = useIntl();
  const { data, failed } = useHomeData<{ entries: HomeEntry[] }>(path);
  if (failed)
    return (
      <Typography textColor="danger600">
        {formatMessage({ id: id('error'), defaultMessage: 'Could not load.' })}
      </Typography>
    );
  if (!data) return null;
  if (!data.entries.length)
    return (
      <Typography textColor="neutral600">{formatMessage({ id: id(empty), defaultMessage: 'Nothing yet.' })}</Typography>
    );
  return (
    <Flex tag="ul" direction="column" alignItems="stretch" gap={2}>
      {data.entries.map((entry) => (
        <Flex tag="li" key={`${entry.type}/${entry.documentId}/${entry.locale}`} gap={2} justifyContent="space-between">
          <Link tag={NavLink} to={editUrl(entry)}>
            {entry.title}
            {entry.locale ? ` (${entry.locale})` : ''}
          </Link>
          <Flex gap={2}>
            <Badge backgroundColor={BADGE[entry.status].background} textColor={BADGE[entry.status].text}>
              {formatMessage({ id: `academy.status.state.${entry.status}`, defaultMessage: entry.status })}
            </Badge>
            <Typography variant="pi" textColor="neutral600">
              <time dateTime={entry.at}>{formatDate(entry.at, { dateStyle: 'short', timeStyle: 'short' })}</time>
            </Typography>
          </Flex>
        </Flex>
      ))}
    </Flex>
  );
}

export function MyDraftsWidget() {
  return <Entries path="/editors/home/my-drafts" empty="drafts.empty" name="drafts-widget" />;
}

export function RecentlyPublishedWidget() {
  return <Entries path="/editors/home/recently-published" empty="published.empty" name="published-widget" />;
}

export function RegistrationsWidget() {
  return (
    <Ours name="registrations-widget">
      <WeekRegistrationsList />
    </Ours>
  );
}

function WeekRegistrationsList() {
  const { formatMessage, formatDate } = useIntl();
  const { data, failed } = useHomeData<WeekRegistrations>('/editors/home/registrations');
  if (failed)
    return (
      <Typography textColor="danger600">
        {formatMessage({ id: id('error'), defaultMessage: 'Could not load.' })}
      </Typography>
    );
  if (!data) return null;
  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Typography variant="omega" fontWeight="bold">
        {formatMessage(
          { id: id('registrations.total'), defaultMessage: '{count} registrations in the last 7 days' },
          { count: data.total },
        )}
      </Typography>
      {data.sessions.length > 0 && (
        <Flex tag="ul" direction="column" alignItems="stretch" gap={1}>
          {data.sessions.map((s) => (
            <Flex tag="li" key={s.sessionDocumentId} justifyContent="space-between" gap={2}>
              <Typography>{s.sessionTitle}</Typography>
              <Typography fontWeight="bold">{s.count}</Typography>
            </Flex>
          ))}
        </Flex>
      )}
      {data.people ? (
        data.people.length > 0 && (
          <>
            <Typography tag="h3" variant="sigma" textColor="neutral600">
              {formatMessage({ id: id('registrations.latest'), defaultMessage: 'Latest registrants' })}
            </Typography>
            <Flex tag="ul" direction="column" alignItems="stretch" gap={1}>
              {data.people.map((p) => (
                <Flex tag="li" key={p.documentId} justifyContent="space-between" gap={2}>
                  <Link
                    tag={NavLink}
                    to={`/content-manager/collection-types/api::registration.registration/${p.documentId}`}
                  >
                    {p.fullName}
                  </Link>
                  <Typography variant="pi" textColor="neutral600">
                    {p.sessionTitle} · <time dateTime={p.at}>{formatDate(p.at, { dateStyle: 'short' })}</time>
                  </Typography>
                </Flex>
              ))}
            </Flex>
          </>
        )
      ) : (
        <Typography variant="pi" textColor="neutral600">
          {formatMessage({
            id: id('registrations.private'),
            defaultMessage: "Registrants' names are shown only to the registrations manager.",
          })}
        </Typography>
      )}
    </Flex>
  );
}
