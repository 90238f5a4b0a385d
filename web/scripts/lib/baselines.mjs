// The physical baselines of the site's benchmark (scripts/bench.mjs), started by the benchmark in
// the same run: a raw Node `http` server, and nginx when it is installed, both sending the files of
// a directory (the bytes the site sent for the same URLs) from memory / the page cache of the OS.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../servers.mjs';

/** Waits until `url` answers (any status), for at most 30 s. */
async function answering(url, child) {
  for (const until = Date.now() + 30_000; ;) {
    if (child.exitCode !== null) throw new Error(`${url}: the baseline server exited with ${child.exitCode}`);
    if (
      await fetch(url).then(
        () => true,
        () => false,
      )
    )
      return;
    if (Date.now() > until) throw new Error(`${url}: the baseline server did not start in 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// The raw server: every file of `dir` read once, sent as a Buffer with its type and length.
const RAW_SERVER = `
const { createServer } = require('node:http');
const { readdirSync, readFileSync } = require('node:fs');
const { join, extname } = require('node:path');
const TYPES = { '.html': 'text/html;charset=utf-8', '.txt': 'text/plain;charset=utf-8', '.js': 'text/javascript;charset=utf-8' };
const [dir, port] = process.argv.slice(1);
const files = new Map(readdirSync(dir).map((name) => [
  '/' + name,
  { body: readFileSync(join(dir, name)), type: TYPES[extname(name)] ?? 'application/octet-stream' },
]));
createServer((req, res) => {
  const file = files.get(req.url);
  if (!file) { res.writeHead(404).end(); return; }
  res.writeHead(200, { 'content-type': file.type, 'content-length': file.body.length });
  res.end(file.body);
}).listen(Number(port), '127.0.0.1');
`;

/** A raw Node `http` server (its own process, like the site) for the files of `dir`. */
export async function startRawNode(dir) {
  const port = await freePort();
  const child = spawn(process.execPath, ['-e', RAW_SERVER, dir, String(port)], { stdio: 'inherit' });
  const url = `http://127.0.0.1:${port}`;
  await answering(url, child);
  return { child, url };
}

/** nginx (one worker, no access log) for the files of `dir`, or undefined when it is not installed. */
export async function startNginx(dir) {
  if (spawnSync('nginx', ['-v']).error) return undefined;
  const port = await freePort();
  const prefix = mkdtempSync(join(tmpdir(), 'academy-bench-nginx-'));
  const conf = join(prefix, 'nginx.conf');
  writeFileSync(
    conf,
    `${process.getuid?.() === 0 ? 'user root root;\n' : ''}worker_processes 1;
daemon off;
pid ${join(prefix, 'nginx.pid')};
error_log ${join(prefix, 'error.log')} warn;
events { worker_connections 1024; }
http {
  access_log off;
  types { text/html html; text/plain txt; text/javascript js; }
  client_body_temp_path ${prefix}/body; proxy_temp_path ${prefix}/proxy; fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi; scgi_temp_path ${prefix}/scgi;
  sendfile on; tcp_nopush on; keepalive_requests 1000000;
  server { listen 127.0.0.1:${port}; root ${dir}; }
}
`,
  );
  const child = spawn('nginx', ['-p', prefix, '-c', conf, '-e', join(prefix, 'error.log')], { stdio: 'inherit' });
  const url = `http://127.0.0.1:${port}`;
  await answering(url, child);
  return { child, url };
}
