import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../main.ts';

function sink() {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream, text: () => text };
}

async function score(input: string, ...args: string[]) {
  const out = sink();
  const err = sink();
  const code = await main(['score', ...args, '-'], {
    stdin: Readable.from([input]),
    stdout: out.stream,
    stderr: err.stream,
    cwd: process.cwd(),
    env: {},
  });
  return { code, out: out.text(), err: err.text() };
}

describe('roleplay score', () => {
  it('scores each line in order with the five flags, scores and spans into the original reply', async () => {
    const input = [
      JSON.stringify({ id: 'a', reply: '你先听我说,不可能少找。', customer: '你少找我钱了!' }),
      JSON.stringify({ id: 'b', locale: 'zh-TW', reply: '非常抱歉,我現在就幫您清點錢箱。', customer: '你少找我錢了!' }),
      JSON.stringify({ id: 'c', locale: 'en', reply: 'I guarantee it will be fixed today.' }),
    ].join('\n');
    const { code, out } = await score(input);
    expect(code).toBe(0);
    const results = out
      .trim()
      .split('\n')
      .map(
        (l) =>
          JSON.parse(l) as {
            id: string;
            detected: Record<string, boolean>;
            scores: Record<string, number>;
            findings: { span: [number, number] }[];
          },
      );
    expect(results.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(results[0]!.detected.interrupting).toBe(true);
    expect(results[0]!.scores.interrupting).toBeLessThan(100);
    expect(results[1]!.detected).toMatchObject({ empathy: true, problemSolving: true });
    const apology = results[1]!.findings[0]!.span;
    expect('非常抱歉,我現在就幫您清點錢箱。'.slice(...apology)).toContain('抱歉');
    expect(results[2]!.detected.promises).toBe(true);
  });

  it('answers a bad line with an error line in its place, scores the rest, and exits 2', async () => {
    const { code, out } = await score(
      [
        '{"id":"a","reply":"对不起"}',
        'not json',
        '{"id":"b"}',
        '{"id":"c","reply":"好的","scenario":"no-such-scenario"}',
        '{"id":"d","reply":"Sorry","locale":"en"}',
      ].join('\n'),
    );
    expect(code).toBe(2);
    const lines = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id?: string; line?: number; error?: string });
    expect(lines.map((l) => l.id ?? `line ${l.line}`)).toEqual(['a', 'line 2', 'line 3', 'line 4', 'd']);
    expect(lines[1]!.error).toMatch(/JSON/);
    expect(lines[2]!.error).toMatch(/reply/);
    expect(lines[3]!.error).toMatch(/scenario/);
  });

  it('writes CSV with a header row', async () => {
    const { code, out } = await score('{"id":"a","reply":"对不起"}\n', '--format', 'csv');
    expect(code).toBe(0);
    const [header, row] = out.trim().split('\n');
    expect(header).toMatch(/^line,id,interrupting,empathy,jargon,promises,problemSolving/);
    expect(row).toMatch(/^1,a,false,true,/);
  });

  it('rejects an unknown format or option as a usage error', async () => {
    expect((await score('', '--format', 'xml')).code).toBe(2);
    expect((await score('', '--bogus')).code).toBe(2);
  });
});
