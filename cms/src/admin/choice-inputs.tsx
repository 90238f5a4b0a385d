import * as React from 'react';
import { Box, Checkbox, Combobox, ComboboxOption, Field, Flex, Typography } from '@strapi/design-system';
import { useField } from '@strapi/strapi/admin';
import { COUNTRY_CODES, ORGANISATION_ROLES, ROLE_LABELS } from '../editors/choices';
import { adminLanguage } from './field-labels';

/**
 * The admin's inputs of the `global::country` and `global::organisation-roles` custom fields
 * (src/editors/choices.ts): a country picked by its name in the admin's language (typing filters
 * the list; the ISO code is what is stored), and an organisation's roles as checkboxes (stored as
 * the same JSON list as before). The server refuses any other value (src/editors/choice-rules.ts).
 */
interface InputProps {
  name: string;
  label?: React.ReactNode;
  hint?: React.ReactNode;
  required?: boolean;
  disabled?: boolean;
  labelAction?: React.ReactNode;
}

function countryNames(language: string): Array<{ code: string; name: string }> {
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames([language], { type: 'region' });
  } catch {
    names = null;
  }
  return COUNTRY_CODES.map((code) => ({ code, name: names?.of(code) ?? code })).sort((a, b) =>
    a.name.localeCompare(b.name, language),
  );
}

export function CountryInput({ name, label, hint, required, disabled, labelAction }: InputProps) {
  const field = useField<string | null>(name);
  const language = adminLanguage();
  const countries = React.useMemo(() => countryNames(language), [language]);
  return (
    <Box data-academy="country-field">
      <Field.Root name={name} id={name} error={field.error} hint={hint} required={required}>
        <Field.Label action={labelAction}>{label}</Field.Label>
        <Combobox
          value={field.value ?? undefined}
          onChange={(value?: string) => field.onChange(name, value ?? null)}
          onClear={() => field.onChange(name, null)}
          disabled={disabled}
          autocomplete={{ type: 'list', filter: 'contains' }}
        >
          {countries.map(({ code, name: country }) => (
            <ComboboxOption key={code} value={code}>
              {`${country} (${code})`}
            </ComboboxOption>
          ))}
        </Combobox>
        <Field.Hint />
        <Field.Error />
      </Field.Root>
    </Box>
  );
}

export function RolesInput({ name, label, hint, required, disabled }: InputProps) {
  const field = useField<unknown>(name);
  const language = adminLanguage();
  const chosen = Array.isArray(field.value) ? (field.value as string[]) : [];
  const hintId = `${name}-hint`;
  const errorId = `${name}-error`;
  const toggle = (role: string, on: boolean) => {
    const next = on ? [...chosen.filter((r) => r !== role), role] : chosen.filter((r) => r !== role);
    // In the order of the list, as the site shows them.
    field.onChange(
      name,
      ORGANISATION_ROLES.filter((r) => next.includes(r)),
    );
  };
  return (
    <Box
      tag="fieldset"
      data-academy="roles-field"
      borderWidth={0}
      padding={0}
      margin={0}
      aria-describedby={[hint ? hintId : '', field.error ? errorId : ''].filter(Boolean).join(' ') || undefined}
      aria-invalid={field.error ? true : undefined}
    >
      <Typography tag="legend" variant="pi" fontWeight="bold" textColor="neutral800">
        {label}
        {required ? ' *' : ''}
      </Typography>
      <Flex direction="column" alignItems="flex-start" gap={2} paddingTop={2}>
        {ORGANISATION_ROLES.map((role) => (
          <Checkbox
            key={role}
            name={`${name}.${role}`}
            checked={chosen.includes(role)}
            disabled={disabled}
            onCheckedChange={(checked: boolean | 'indeterminate') => toggle(role, checked === true)}
          >
            {ROLE_LABELS[role][language]}
          </Checkbox>
        ))}
      </Flex>
      {hint ? (
        <Typography id={hintId} variant="pi" textColor="neutral600" tag="p">
          {hint}
        </Typography>
      ) : null}
      {field.error ? (
        <Typography id={errorId} variant="pi" textColor="danger600" tag="p" role="alert">
          {field.error}
        </Typography>
      ) : null}
    </Box>
  );
}
