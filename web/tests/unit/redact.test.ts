import { describe, expect, it } from 'vitest';
import { redactTokens } from '../../server/utils/redact';

describe('self-service tokens in log lines', () => {
  const token = 'Zk3v_9aQ-2mXyT7bP0cLrW4sD8fH1jN6uE5gK2iO3pA';

  it('are replaced wherever a line names them: URLs, encoded URLs, objects, JSON', () => {
    const lines = [
      `[request error] [fatal] [GET] http://127.0.0.1:3000/fr/inscription?token=${token}`,
      `[GET] /api/self-service/data?locale=fr&token=${token}&x=1`,
      `/__nuxt_error?url=%2Ffr%2Finscription%3Ftoken%3D${token}%26notice%3Dfailed&statusCode=503`,
      `{ token: '${token}', locale: 'fr' }`,
      `{"variables":{"token":"${token}"}}`,
      `Page not found: /en/registration?notice=cancelled&token=${token}`,
      `(http://x/en/registration?TOKEN=${token})`,
    ];
    for (const line of lines) {
      const redacted = redactTokens(line);
      expect(redacted, line).not.toContain(token);
      expect(redacted, line).toContain('[redacted]');
    }
    expect(redactTokens(`?token=${token}&notice=failed`)).toBe('?token=[redacted]&notice=failed');
    expect(redactTokens(`url=%2Fx%3Ftoken%3D${token}%26notice%3Dfailed`)).toBe(
      'url=%2Fx%3Ftoken%3D[redacted]%26notice%3Dfailed',
    );
  });

  it('leaves other lines alone (a form token is not a self-service token)', () => {
    for (const line of [
      '[registration] the CMS did not answer: fetch failed',
      'formToken=abc&session=x',
      '{ formToken: "abc" }',
      'Listening on http://127.0.0.1:3000',
    ]) {
      expect(redactTokens(line)).toBe(line);
    }
  });
});
