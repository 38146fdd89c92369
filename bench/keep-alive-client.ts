// The load generator's HTTP client: one keep-alive connection, one request at a time, over a
// plain socket. It shares the machine's two cores with the server it measures, so it does no
// more than the benchmark needs: write a request, read the status line, the length and the body.
import { connect, type Socket } from 'node:net';

export interface Answer {
  status: number;
  body: string;
}

const HEAD_END = Buffer.from('\r\n\r\n');

/** Reads one HTTP/1.1 response (Content-Length or chunked) out of `data`; undefined until it is all there. */
export function readResponse(data: Buffer): { answer: Answer; used: number } | undefined {
  const headEnd = data.indexOf(HEAD_END);
  if (headEnd < 0) return undefined;
  const head = data.toString('latin1', 0, headEnd);
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? 0);
  const start = headEnd + HEAD_END.length;
  const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
  if (length) {
    const end = start + Number(length[1]);
    return data.length < end ? undefined : { answer: { status, body: data.toString('utf8', start, end) }, used: end };
  }
  if (!/\r\ntransfer-encoding:\s*chunked/i.test(head)) return { answer: { status, body: '' }, used: start };
  const parts: Buffer[] = [];
  let at = start;
  for (;;) {
    const lineEnd = data.indexOf('\r\n', at);
    if (lineEnd < 0) return undefined;
    const size = parseInt(data.toString('latin1', at, lineEnd), 16);
    const chunkEnd = lineEnd + 2 + size;
    if (data.length < chunkEnd + 2) return undefined;
    if (size === 0) return { answer: { status, body: Buffer.concat(parts).toString('utf8') }, used: chunkEnd + 2 };
    parts.push(data.subarray(lineEnd + 2, chunkEnd));
    at = chunkEnd + 2;
  }
}

export class KeepAliveConnection {
  private readonly socket: Socket;
  private pending: Buffer = Buffer.alloc(0);
  private waiting?: { resolve: (a: Answer) => void; reject: (e: Error) => void };
  private readonly ready: Promise<void>;

  constructor(private readonly url: URL) {
    this.socket = connect({ host: url.hostname, port: Number(url.port), noDelay: true });
    this.ready = new Promise((resolve, reject) => {
      this.socket.once('connect', resolve);
      this.socket.once('error', reject);
    });
    this.socket.on('data', (chunk: Buffer) => {
      this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
      const read = readResponse(this.pending);
      if (!read || !this.waiting) return;
      this.pending = this.pending.subarray(read.used);
      const { resolve } = this.waiting;
      this.waiting = undefined;
      resolve(read.answer);
    });
    const fail = (error: Error) => {
      const waiting = this.waiting;
      this.waiting = undefined;
      waiting?.reject(error);
    };
    this.socket.on('error', fail);
    this.socket.on('close', () => fail(new Error('connection closed')));
  }

  /** POSTs a JSON body and resolves with the answer; one request at a time per connection. */
  async post(path: string, json: string): Promise<Answer> {
    await this.ready;
    if (this.waiting) throw new Error('one request at a time on a keep-alive connection');
    return new Promise<Answer>((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.socket.write(
        `POST ${path} HTTP/1.1\r\nHost: ${this.url.host}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(json)}\r\n\r\n${json}`,
      );
    });
  }

  close(): void {
    this.socket.destroy();
  }
}
