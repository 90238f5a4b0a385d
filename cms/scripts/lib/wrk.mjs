// Load generation for the benchmarks of both towers (the site's as `cms/wrk`): wrk (C, one thread,
// so that the load generator costs the server as little CPU as possible on a small machine), with
// its latency distribution. BENCH_DURATION (seconds, 10) and BENCH_CONNECTIONS (10) tune it.
import { spawn } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const DURATION = Number(process.env.BENCH_DURATION ?? 10);
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);

const UNIT_MS = { us: 0.001, ms: 1, s: 1000, m: 60_000 };
const ms = (text) => {
  const match = /^([\d.]+)(us|ms|s|m)$/.exec(text);
  if (!match) throw new Error(`wrk: unexpected duration ${text}`);
  return Number(match[1]) * UNIT_MS[match[2]];
};

/**
 * `wrk -t1 -c<CONNECTIONS> -d<DURATION>s --latency url`: requests per second, p50/p90/p99 in ms.
 * `options.method`, `options.body`, `options.headers` (an object) make it send something else
 * than a plain GET (through a generated Lua script). Throws when a response was not 2xx/3xx or a
 * socket failed: a figure with errors measures the errors.
 */
export function wrk(url, { method, body, headers = {}, duration = DURATION, connections = CONNECTIONS } = {}) {
  const args = ['-t1', `-c${connections}`, `-d${duration}s`, '--timeout', '10s', '--latency'];
  for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}: ${value}`);
  if (method || body) {
    const script = join(mkdtempSync(join(tmpdir(), 'academy-wrk-')), 'request.lua');
    writeFileSync(
      script,
      `wrk.method = ${JSON.stringify(method ?? 'POST')}\n${body ? `wrk.body = ${JSON.stringify(body)}\n` : ''}`,
    );
    args.push('-s', script);
  }
  args.push(url);
  return new Promise((resolve, reject) => {
    const child = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`wrk exited with ${code}:\n${output}`));
      const percentile = (p) => ms(new RegExp(`^\\s+${p}%\\s+(\\S+)`, 'm').exec(output)?.[1] ?? 'NaN');
      const requests = Number(/(\d+) requests in/.exec(output)?.[1] ?? 0);
      const failed =
        Number(/Non-2xx or 3xx responses: (\d+)/.exec(output)?.[1] ?? 0) +
        [...output.matchAll(/(connect|read|write|timeout) (\d+)/g)].reduce((sum, m) => sum + Number(m[2]), 0);
      if (failed || !requests) return reject(new Error(`${url}: ${failed} failed of ${requests} requests\n${output}`));
      resolve({
        rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(output)?.[1]),
        p50: percentile(50),
        p90: percentile(90),
        p99: percentile(99),
        requests,
      });
    });
  });
}
