import * as React from 'react';
import { Flex, Link, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';

/**
 * The editors' home widget: per type, how many translations are missing or outdated (the
 * translation status page's counts), and the way to the status page and the editors' guide.
 */
type Counts = Record<string, Record<'missing' | 'draft' | 'published' | 'modified' | 'outdated', number>>;
const id = (key: string) => `academy.status.${key}`;

export default function TranslationWidget() {
  const { formatMessage } = useIntl();
  const { get } = useFetchClient();
  const [counts, setCounts] = React.useState<Counts | null>(null);
  React.useEffect(() => {
    let live = true;
    get<{ counts: Counts }>('/editors/translation-status').then(
      ({ data }) => live && setCounts(data.counts),
      () => live && setCounts({}),
    );
    return () => {
      live = false;
    };
  }, []);
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-academy="translation-widget">
      {counts &&
        Object.entries(counts).map(([uid, c]) => (
          <Typography key={uid} variant="omega">
            {formatMessage(
              {
                id: id('widget.line'),
                defaultMessage: '{type}: {missing} missing, {outdated} outdated, {draft} drafts',
              },
              { type: uid.split('.').pop(), missing: c.missing, outdated: c.outdated, draft: c.draft },
            )}
          </Typography>
        ))}
      <Link tag={NavLink} to="/translation-status">
        {formatMessage({ id: id('title'), defaultMessage: 'Translation status' })}
      </Link>
      <Link tag={NavLink} to="/editors-guide">
        {formatMessage({ id: id('guide'), defaultMessage: "Editors' guide" })}
      </Link>
    </Flex>
  );
}
