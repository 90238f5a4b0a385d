import * as React from 'react';
import {
  Badge,
  Box,
  Field,
  Flex,
  Link,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page, useAuth, useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';
import { typeName as localTypeName } from '../editors/fields';
import { adminLanguage } from './field-labels';

/**
 * The translation status page: every entry of every localized type the admin may read × the
 * locales, each cell missing / draft / published / modified / outdated, filterable by type,
 * locale and state, each cell a link into the entry's edit view in that locale. A translator
 * sees their own locale first. Data: GET /editors/translation-status (src/editors/routes.ts).
 */
type State = 'missing' | 'draft' | 'published' | 'modified' | 'outdated';
interface Cell {
  state: State;
  source?: string;
}
interface Row {
  type: string;
  kind: 'collectionType' | 'singleType';
  documentId: string;
  title: string;
  sourceLocale: string;
  cells: Record<string, Cell>;
}
interface Status {
  locales: string[];
  states: State[];
  counts: Record<string, Record<State, number>>;
  rows: Row[];
}

const id = (key: string) => `academy.status.${key}`;
const BADGE: Record<State, { background: string; text: string }> = {
  missing: { background: 'danger100', text: 'danger700' },
  draft: { background: 'secondary100', text: 'secondary700' },
  published: { background: 'success100', text: 'success700' },
  modified: { background: 'alternative100', text: 'alternative700' },
  outdated: { background: 'warning100', text: 'warning700' },
};
/** A type's name in the admin's language (src/editors/fields.ts). */
const typeName = (uid: string) => localTypeName(uid, adminLanguage());

export function editUrl(row: Row, locale: string) {
  const base = row.kind === 'singleType' ? 'single-types' : 'collection-types';
  const path = row.kind === 'singleType' ? `${row.type}` : `${row.type}/${row.documentId}`;
  return `/content-manager/${base}/${path}?plugins[i18n][locale]=${locale}`;
}

export default function TranslationStatusPage() {
  const { formatMessage } = useIntl();
  const { get } = useFetchClient();
  const user = useAuth('TranslationStatusPage', (state) => state.user);
  const [type, setType] = React.useState('');
  const [locale, setLocale] = React.useState('');
  const [state, setState] = React.useState('');
  const [data, setData] = React.useState<Status | null>(null);
  const [failed, setFailed] = React.useState(false);

  React.useEffect(() => {
    const query = new URLSearchParams(Object.entries({ type, locale, state }).filter(([, v]) => v));
    let live = true;
    get<Status>(`/editors/translation-status?${query}`).then(
      ({ data: body }) => live && setData(body),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [type, locale, state]);

  // A translator's own locale first (their role's code: academy-translator-<locale>).
  const own = (user?.roles ?? [])
    .map((role: { code?: string }) => /^academy-translator-(\w+)$/.exec(role.code ?? '')?.[1])
    .find(Boolean);
  const locales = data ? [...data.locales].sort((a, b) => Number(b === own) - Number(a === own)) : [];
  const label = (state: State) => formatMessage({ id: id(`state.${state}`), defaultMessage: state });

  if (failed) return <Page.Error />;
  if (!data) return <Page.Loading />;
  return (
    <Layouts.Root>
      <Page.Title>{formatMessage({ id: id('title'), defaultMessage: 'Translation status' })}</Page.Title>
      <Layouts.Header
        title={formatMessage({ id: id('title'), defaultMessage: 'Translation status' })}
        subtitle={formatMessage({
          id: id('subtitle'),
          defaultMessage:
            'Every entry in every language. Outdated: the source changed after the translation was saved.',
        })}
      />
      <Layouts.Content>
        <Flex gap={4} paddingBottom={4} wrap="wrap">
          <Box minWidth="16rem">
            <Field.Root>
              <Field.Label>{formatMessage({ id: id('filter.type'), defaultMessage: 'Type' })}</Field.Label>
              <SingleSelect value={type} onChange={(value: string | number) => setType(String(value))}>
                <SingleSelectOption value="">
                  {formatMessage({ id: id('all'), defaultMessage: 'All' })}
                </SingleSelectOption>
                {Object.keys(data.counts).map((uid) => (
                  <SingleSelectOption key={uid} value={uid}>
                    {typeName(uid)}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </Field.Root>
          </Box>
          <Box minWidth="10rem">
            <Field.Root>
              <Field.Label>{formatMessage({ id: id('filter.locale'), defaultMessage: 'Language' })}</Field.Label>
              <SingleSelect value={locale} onChange={(value: string | number) => setLocale(String(value))}>
                <SingleSelectOption value="">
                  {formatMessage({ id: id('all'), defaultMessage: 'All' })}
                </SingleSelectOption>
                {locales.map((code) => (
                  <SingleSelectOption key={code} value={code}>
                    {code.toUpperCase()}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </Field.Root>
          </Box>
          <Box minWidth="12rem">
            <Field.Root>
              <Field.Label>{formatMessage({ id: id('filter.state'), defaultMessage: 'State' })}</Field.Label>
              <SingleSelect value={state} onChange={(value: string | number) => setState(String(value))}>
                <SingleSelectOption value="">
                  {formatMessage({ id: id('all'), defaultMessage: 'All' })}
                </SingleSelectOption>
                {data.states.map((s) => (
                  <SingleSelectOption key={s} value={s}>
                    {label(s)}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </Field.Root>
          </Box>
        </Flex>
        <Table colCount={locales.length + 2} rowCount={data.rows.length + 1}>
          <Thead>
            <Tr>
              <Th>
                <Typography variant="sigma">{formatMessage({ id: id('entry'), defaultMessage: 'Entry' })}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">
                  {formatMessage({ id: id('filter.type'), defaultMessage: 'Type' })}
                </Typography>
              </Th>
              {locales.map((code) => (
                <Th key={code}>
                  <Typography variant="sigma">{code.toUpperCase()}</Typography>
                </Th>
              ))}
            </Tr>
          </Thead>
          <Tbody>
            {data.rows.map((row) => (
              <Tr key={`${row.type}:${row.documentId}`}>
                <Td>
                  <Typography textColor="neutral800">{row.title}</Typography>
                </Td>
                <Td>
                  <Typography textColor="neutral600">{typeName(row.type)}</Typography>
                </Td>
                {locales.map((code) => {
                  const cell = row.cells[code];
                  return (
                    <Td key={code}>
                      <Link tag={NavLink} to={editUrl(row, code)}>
                        <Badge
                          backgroundColor={BADGE[cell.state].background}
                          textColor={BADGE[cell.state].text}
                          title={cell.source ? `← ${cell.source.toUpperCase()}` : undefined}
                        >
                          {label(cell.state)}
                        </Badge>
                      </Link>
                    </Td>
                  );
                })}
              </Tr>
            ))}
          </Tbody>
        </Table>
      </Layouts.Content>
    </Layouts.Root>
  );
}
