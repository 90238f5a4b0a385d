import * as React from 'react';
import { Box, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import en from '../../../docs/editors/en.md?raw';
import fr from '../../../docs/editors/fr.md?raw';
import it from '../../../docs/editors/it.md?raw';
import es from '../../../docs/editors/es.md?raw';

/**
 * The editors' guide (docs/editors/<locale>.md, the one source) in the admin's language, inside
 * the admin. A deliberately small renderer for what the guide uses: headings, lists, tables and
 * paragraphs; emphasis marks and links are shown as their text.
 */
const GUIDES: Record<string, string> = { en, fr, it, es };

const inline = (text: string) => text.replace(/\*\*([^*]+)\*\*/g, '$1').replace(/\[([^\]]+)\]\([^)]+\)/g, '$1');

function Block({ block }: { block: string }) {
  const lines = block.split('\n');
  if (block.startsWith('# '))
    return (
      <Typography tag="h1" variant="alpha">
        {inline(block.slice(2))}
      </Typography>
    );
  if (block.startsWith('## '))
    return (
      <Box paddingTop={4}>
        <Typography tag="h2" variant="beta">
          {inline(block.slice(3))}
        </Typography>
      </Box>
    );
  if (lines.every((l) => l.startsWith('|'))) {
    const rows = lines
      .filter((l) => !/^\|[-| ]+\|$/.test(l))
      .map((l) =>
        l
          .slice(1, -1)
          .split('|')
          .map((c) => inline(c.trim())),
      );
    return (
      <table>
        <tbody>
          {rows.map((cells, r) => (
            <tr key={r}>
              {cells.map((cell, c) =>
                r === 0 ? (
                  <th key={c} style={{ textAlign: 'left', padding: 4 }}>
                    <Typography fontWeight="bold">{cell}</Typography>
                  </th>
                ) : (
                  <td key={c} style={{ padding: 4, verticalAlign: 'top' }}>
                    <Typography>{cell}</Typography>
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  if (/^(\d+\.|-) /.test(block)) {
    const items = block
      .split(/\n(?=\d+\. |- )/)
      .map((item) => inline(item.replace(/^(\d+\.|-) /, '').replace(/\n\s+/g, ' ')));
    const List = /^\d/.test(block) ? 'ol' : 'ul';
    return (
      <List style={{ paddingLeft: 24, listStyle: List === 'ol' ? 'decimal' : 'disc' }}>
        {items.map((item, i) => (
          <li key={i}>
            <Typography>{item}</Typography>
          </li>
        ))}
      </List>
    );
  }
  return <Typography tag="p">{inline(block.replace(/\n/g, ' '))}</Typography>;
}

export default function GuidePage() {
  const { locale } = useIntl();
  const text = GUIDES[locale.slice(0, 2)] ?? GUIDES.en;
  const blocks = text.trim().split(/\n\s*\n/);
  return (
    <Layouts.Root>
      <Page.Title>{inline(blocks[0].replace(/^# /, ''))}</Page.Title>
      <Layouts.Content>
        {/* Focusable, so that keyboard users can scroll the guide (it has no link to tab to). */}
        <Box
          tag="article"
          tabIndex={0}
          aria-label={inline(blocks[0].replace(/^# /, ''))}
          paddingTop={8}
          background="neutral0"
          padding={8}
          hasRadius
        >
          {blocks.map((block, i) => (
            <Box key={i} paddingBottom={3}>
              <Block block={block} />
            </Box>
          ))}
        </Box>
      </Layouts.Content>
    </Layouts.Root>
  );
}
