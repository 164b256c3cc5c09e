import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoadResult } from './load.js';

/** wrk (Debian package) is a C load generator: it leaves the second core to the server, unlike a Node client. */
export const hasWrk = existsSync('/usr/bin/wrk');

// Cycles through pre-built requests (method, headers, body) read from a tab-separated file.
const SCRIPT = `
local reqs = {}
local i = 0
init = function(args)
  for line in io.lines(args[1]) do
    local method, path, ctype, sig, body = line:match("^([^\\t]*)\\t([^\\t]*)\\t([^\\t]*)\\t([^\\t]*)\\t(.*)$")
    local headers = { ["Content-Type"] = ctype }
    if sig ~= "" then headers["x-dialnexa-signature"] = sig end
    reqs[#reqs + 1] = wrk.format(method, path, headers, body)
  end
end
request = function()
  i = i % #reqs + 1
  return reqs[i]
end
`;

const unit = (v: string, u: string) => Number(v) * (u === 's' ? 1000 : u === 'us' ? 0.001 : 1);

/** Runs wrk for `seconds` against `origin`, cycling through `requests`; latency percentiles in ms. */
export function runWrk(o: { origin: string; connections: number; seconds: number; requests: { method: string; path: string; contentType: string; signature?: string; body: string }[] }): Promise<LoadResult> {
  const dir = mkdtempSync(join(tmpdir(), 'wrk-'));
  writeFileSync(join(dir, 'script.lua'), SCRIPT);
  writeFileSync(join(dir, 'requests.tsv'), o.requests.map((r) => [r.method, r.path, r.contentType, r.signature ?? '', r.body.replace(/[\t\n]/g, ' ')].join('\t')).join('\n'));
  return new Promise((resolve, reject) => {
    execFile('/usr/bin/wrk', ['-t1', `-c${o.connections}`, `-d${o.seconds}s`, '--latency', '-s', join(dir, 'script.lua'), o.origin, '--', join(dir, 'requests.tsv')], { maxBuffer: 1 << 20 }, (err, out) => {
      if (err) return reject(err);
      const total = Number(/(\d+) requests in/.exec(out)?.[1] ?? 0);
      const secs = Number(/requests in ([\d.]+)s/.exec(out)?.[1] ?? o.seconds);
      const lat = (p: string) => { const m = new RegExp(`\\s${p}%\\s+([\\d.]+)(us|ms|s)`).exec(out); return m ? unit(m[1]!, m[2]!) : 0; };
      const bad = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0);
      resolve({ requests: total, seconds: secs, rps: total / secs, p50: lat('50'), p99: lat('99'), statuses: { '2xx': total - bad, ...(bad ? { other: bad } : {}) } });
    });
  });
}
