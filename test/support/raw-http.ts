// Raw bytes to a server on 127.0.0.1, for requests no HTTP client would send.
import { connect } from 'node:net';

export interface RawAnswer {
  /** The status code of the first response line, or 0 when the server answered nothing. */
  status: number;
  /** Everything received (up to 64 KB). */
  text: string;
}

/**
 * Sends `bytes`, then reads until the server closes or `quietMs` pass without data (a request
 * that is still waiting for more is simply abandoned).
 */
export function rawSend(port: number, bytes: string | Buffer, quietMs = 1500): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    let timer: NodeJS.Timeout;
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      const match = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      resolve({ status: match ? Number(match[1]) : 0, text });
    };
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(done, quietMs);
    };
    socket.on('connect', () => {
      socket.write(bytes);
      arm();
    });
    socket.on('data', (chunk: Buffer) => {
      if (text.length < 65_536) text += chunk.toString('latin1');
      arm();
    });
    socket.on('error', done);
    socket.on('close', done);
  });
}

/** A request from its parts, with Content-Length for a body unless the headers say otherwise. */
export function rawRequest(method: string, target: string, headers: Record<string, string>, body: Buffer | string = ''): Buffer {
  const data = typeof body === 'string' ? Buffer.from(body) : body;
  const lines = [`${method} ${target} HTTP/1.1`];
  const names = Object.keys(headers).map((h) => h.toLowerCase());
  if (!names.includes('host')) lines.push('Host: 127.0.0.1');
  if (!names.includes('connection')) lines.push('Connection: close');
  if (data.length > 0 && !names.includes('content-length') && !names.includes('transfer-encoding'))
    lines.push(`Content-Length: ${data.length}`);
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), data]);
}
