// The self-service token is the key to a registration (personal data, and the power to cancel or
// erase it). It travels in the URL of the self-service page and of the data download (`?token=`),
// so any line that names such a request would carry it: Nitro's own `[request error] … <url>` when
// the CMS is down, an error message that quotes a URL. Every log line leaves without its value.

// `token=<value>` in a URL, also percent-encoded inside another URL (`%3Ftoken%3D…%26`).
const IN_URL = /((?:^|[?&;\s"'(]|%3F|%26)token(?:=|%3D))((?:(?!%26)[^&\s"'<>#)])+)/gi;
// `token: '<value>'`, `"token":"<value>"` in an object as util.inspect or JSON writes it.
const IN_OBJECT = /(\btoken["']?\s*[:=]\s*["'`])([^"'`]*)/gi;

export const REDACTED = '[redacted]';

/** `text` with the value of every `token` parameter or property replaced by `[redacted]`. */
export function redactTokens(text: string): string {
  if (!/token/i.test(text)) return text;
  return text.replace(IN_URL, `$1${REDACTED}`).replace(IN_OBJECT, `$1${REDACTED}`);
}
