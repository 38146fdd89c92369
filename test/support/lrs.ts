// A learning record store for the tests, on 127.0.0.1: it takes PUT /xapi/statements?statementId=…
// as an LRS does (Basic auth, X-Experience-API-Version 1.0.x, the xAPI 1.0.3 statement rules)
// and keeps what it stored. It can answer with errors, or be stopped, to test retries.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';

const schema = JSON.parse(readFileSync(new URL('../fixtures/xapi/statement-1.0.3.schema.json', import.meta.url), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

/** The xAPI 1.0.3 rules: the schema's, and those a schema cannot state. Empty when the statement keeps them all. */
export function statementProblems(statement: unknown): string[] {
  const problems = validate(statement) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '(top)'} ${e.message ?? ''}`);
  const score = (statement as { result?: { score?: { raw?: number; min?: number; max?: number } } }).result?.score;
  if (score?.raw !== undefined && score.min !== undefined && score.raw < score.min) problems.push('result.score.raw is below min');
  if (score?.raw !== undefined && score.max !== undefined && score.raw > score.max) problems.push('result.score.raw is above max');
  if (score?.min !== undefined && score.max !== undefined && score.min >= score.max)
    problems.push('result.score.min must be less than max');
  return problems;
}

export interface TestLrs {
  endpoint: string;
  port: number;
  stored: Map<string, unknown>;
  /** Every request, as "METHOD status". */
  log: string[];
  /** Answer the next n statement requests with this status instead of storing. */
  failNext(n: number, status?: number): void;
  close(): Promise<void>;
}

export async function startLrs(credentials = { username: 'key', password: 'secret' }, port = 0): Promise<TestLrs> {
  const stored = new Map<string, unknown>();
  const log: string[] = [];
  let failures = 0;
  let failStatus = 503;
  const expectedAuth = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      const answer = (status: number, text = '') => {
        log.push(`${req.method} ${status}`);
        res.writeHead(status, { 'Content-Type': 'text/plain', 'X-Experience-API-Version': '1.0.3' });
        res.end(text);
      };
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (req.headers.authorization !== expectedAuth) return answer(401, 'bad credentials');
      if (!/^1\.0(\.\d+)?$/.test(String(req.headers['x-experience-api-version'] ?? '')))
        return answer(400, 'missing X-Experience-API-Version');
      if (url.pathname !== '/xapi/statements' || req.method !== 'PUT') return answer(404);
      if (failures > 0) {
        failures--;
        return answer(failStatus, 'try later');
      }
      let statement: { id?: string };
      try {
        statement = JSON.parse(body) as { id?: string };
      } catch {
        return answer(400, 'not JSON');
      }
      const id = url.searchParams.get('statementId');
      if (!id || (statement.id !== undefined && statement.id !== id)) return answer(400, 'statementId does not match the statement');
      const problems = statementProblems(statement);
      if (problems.length) return answer(400, problems.join('; '));
      if (stored.has(id)) return answer(JSON.stringify(stored.get(id)) === JSON.stringify(statement) ? 204 : 409);
      stored.set(id, statement);
      answer(204);
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const actual = (server.address() as AddressInfo).port;
  return {
    endpoint: `http://127.0.0.1:${actual}/xapi/`,
    port: actual,
    stored,
    log,
    failNext(n, status = 503) {
      failures = n;
      failStatus = status;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
