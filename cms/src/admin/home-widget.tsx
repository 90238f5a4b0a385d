import * as React from 'react';
import { Flex, Link, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';
import { typeName } from '../editors/fields';
import { adminLanguage } from './field-labels';

/**
 * The editors' home widget: per type with something to do, how many translations are missing,
 * outdated or drafts (the translation status page's counts, each type by its name in the admin's
 * language), and the way to the status page and the editors' guide. Strapi gives a widget a box of
 * fixed height that scrolls: the links come first, so that they are never below the fold.
 */
type Counts = Record<string, Record<'missing' | 'draft' | 'published' | 'modified' | 'outdated', number>>;
const id = (key: string) => `academy.status.${key}`;

export default function TranslationWidget() {
  const { formatMessage } = useIntl();
  const { get } = useFetchClient();
  const language = adminLanguage();
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
  const todo = Object.entries(counts ?? {}).filter(([, c]) => c.missing + c.outdated + c.draft > 0);
  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-academy="translation-widget">
      <Flex gap={4} wrap="wrap">
        <Link tag={NavLink} to="/translation-status">
          {formatMessage({ id: id('title'), defaultMessage: 'Translation status' })}
        </Link>
        <Link tag={NavLink} to="/editors-guide">
          {formatMessage({ id: id('guide'), defaultMessage: "Editors' guide" })}
        </Link>
      </Flex>
      {counts &&
        (todo.length ? (
          <Flex tag="ul" direction="column" alignItems="stretch" gap={2}>
            {todo.map(([uid, c]) => (
              <Typography tag="li" key={uid} variant="omega">
                {formatMessage(
                  {
                    id: id('widget.line'),
                    defaultMessage: '{type}: {missing} missing, {outdated} outdated, {draft} drafts',
                  },
                  { type: typeName(uid, language), missing: c.missing, outdated: c.outdated, draft: c.draft },
                )}
              </Typography>
            ))}
          </Flex>
        ) : (
          <Typography textColor="neutral600">
            {formatMessage({ id: id('widget.none'), defaultMessage: 'Nothing to translate.' })}
          </Typography>
        ))}
    </Flex>
  );
}
