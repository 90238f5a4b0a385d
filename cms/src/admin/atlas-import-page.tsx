import * as React from 'react';
import {
  Alert,
  Badge,
  Box,
  Button,
  Checkbox,
  Field,
  Flex,
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
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';

/**
 * The Atlas import: choose a CSV or XLSX file with the columns of the Atlas export and the
 * language of its descriptions, check it (a dry run: what each row would do, and why a row is
 * refused), then import it (drafts unless "publish" is ticked), and download the report.
 * The file is sent again for the import (nothing is kept on the server between the two steps).
 * Server: POST /editors/atlas-import (src/editors/routes.ts, src/editors/atlas-import.ts).
 */
type State = 'create' | 'update' | 'unchanged' | 'error';
interface RowReport {
  row: number;
  state: State;
  name: string;
  slug: string;
  documentId: string | null;
  changes: string[];
  messages: string[];
}
interface Report {
  locale: string;
  applied: boolean;
  published: boolean;
  counts: Record<State, number>;
  rows: RowReport[];
  csv: string;
}

const id = (key: string) => `academy.import.${key}`;
const BADGE: Record<State, { background: string; text: string }> = {
  create: { background: 'success100', text: 'success700' },
  update: { background: 'primary100', text: 'primary700' },
  unchanged: { background: 'neutral150', text: 'neutral700' },
  error: { background: 'danger100', text: 'danger700' },
};
const LOCALES = ['en', 'fr', 'it', 'es'];

export default function AtlasImportPage() {
  const { formatMessage, locale: adminLocale } = useIntl();
  const { post } = useFetchClient();
  const language = adminLocale.slice(0, 2);
  const [file, setFile] = React.useState<File | null>(null);
  const [locale, setLocale] = React.useState(LOCALES.includes(language) ? language : 'en');
  const [publish, setPublish] = React.useState(false);
  const [report, setReport] = React.useState<Report | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [busy, setBusy] = React.useState(false);
  const text = (key: string, values?: Record<string, string | number>) =>
    formatMessage({ id: id(key), defaultMessage: key }, values);

  const send = async (apply: boolean) => {
    if (!file) return;
    const form = new FormData();
    form.set('locale', locale);
    form.set('language', language);
    form.set('apply', String(apply));
    form.set('publish', String(apply && publish));
    form.set('file', file, file.name);
    setBusy(true);
    setError(null);
    try {
      const { data } = await post<Report>('/editors/atlas-import', form);
      setReport(data);
    } catch (failure) {
      const message = (failure as { response?: { data?: { error?: { message?: string } } } }).response?.data?.error
        ?.message;
      setError(message ?? text('failed'));
      setReport(null);
    } finally {
      setBusy(false);
    }
  };

  const download = () => {
    if (!report) return;
    const url = URL.createObjectURL(new Blob([report.csv], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `atlas-import-${report.applied ? 'report' : 'dry-run'}-${report.locale}.csv`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const toWrite = report ? report.counts.create + report.counts.update : 0;
  return (
    <Layouts.Root>
      <Page.Title>{text('title')}</Page.Title>
      <Layouts.Header title={text('title')} subtitle={text('subtitle')} />
      <Layouts.Content>
        <Flex id="atlas-import" direction="column" alignItems="stretch" gap={4}>
          <Flex gap={4} wrap="wrap" alignItems="flex-end">
            <Box minWidth="20rem">
              <Field.Root id="atlas-import-file" hint={text('file.hint')}>
                <Field.Label>{text('file')}</Field.Label>
                <input
                  id="atlas-import-file"
                  aria-describedby="atlas-import-file-hint"
                  type="file"
                  name="file"
                  accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                  onChange={(event) => {
                    setFile(event.target.files?.[0] ?? null);
                    setReport(null);
                    setError(null);
                  }}
                />
                <Field.Hint />
              </Field.Root>
            </Box>
            <Box minWidth="14rem">
              <Field.Root hint={text('locale.hint')}>
                <Field.Label>{text('locale')}</Field.Label>
                <SingleSelect
                  value={locale}
                  onChange={(value: string | number) => {
                    setLocale(String(value));
                    setReport(null);
                  }}
                >
                  {LOCALES.map((code) => (
                    <SingleSelectOption key={code} value={code}>
                      {code.toUpperCase()}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
                <Field.Hint />
              </Field.Root>
            </Box>
            <Button onClick={() => send(false)} disabled={!file || busy} loading={busy && !report}>
              {text('check')}
            </Button>
          </Flex>

          {error && (
            <Alert variant="danger" title={text('refused')} closeLabel={text('close')} onClose={() => setError(null)}>
              {error}
            </Alert>
          )}

          {report && (
            <>
              <Box role="status">
                <Typography variant="delta" tag="h2">
                  {report.applied ? text('done') : text('planned')}
                </Typography>
                <Typography tag="p">{text('counts', report.counts)}</Typography>
                {!report.applied && report.counts.error > 0 && (
                  <Typography tag="p" textColor="danger600">
                    {text('errors.skipped')}
                  </Typography>
                )}
              </Box>
              <Flex gap={4} wrap="wrap">
                {!report.applied && (
                  <>
                    <Checkbox checked={publish} onCheckedChange={(value: boolean) => setPublish(value === true)}>
                      {text('publish')}
                    </Checkbox>
                    <Button onClick={() => send(true)} disabled={busy || toWrite === 0} loading={busy}>
                      {text('confirm', { count: toWrite })}
                    </Button>
                  </>
                )}
                <Button variant="secondary" onClick={download}>
                  {text('download')}
                </Button>
              </Flex>
              <Table colCount={5} rowCount={report.rows.length + 1}>
                <Thead>
                  <Tr>
                    {['row', 'state', 'name', 'changes', 'message'].map((key) => (
                      <Th key={key}>
                        <Typography variant="sigma">{text(`column.${key}`)}</Typography>
                      </Th>
                    ))}
                  </Tr>
                </Thead>
                <Tbody>
                  {report.rows.map((row) => (
                    <Tr key={row.row}>
                      <Td>
                        <Typography>{row.row}</Typography>
                      </Td>
                      <Td>
                        <Badge backgroundColor={BADGE[row.state].background} textColor={BADGE[row.state].text}>
                          {text(`state.${row.state}`)}
                        </Badge>
                      </Td>
                      <Td>
                        <Typography textColor="neutral800">{row.name}</Typography>
                        {row.slug && (
                          <Typography tag="p" variant="pi" textColor="neutral600">
                            {row.slug}
                          </Typography>
                        )}
                      </Td>
                      <Td>
                        <Typography textColor="neutral600">{row.changes.join(', ')}</Typography>
                      </Td>
                      <Td>
                        <Typography textColor={row.state === 'error' ? 'danger600' : 'neutral600'}>
                          {row.messages.join(' ')}
                        </Typography>
                      </Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>
            </>
          )}
        </Flex>
      </Layouts.Content>
    </Layouts.Root>
  );
}
