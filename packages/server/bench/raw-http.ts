import { connect, type Socket } from 'node:net';

/**
 * A minimal HTTP/1.1 client for the benchmarks: one kept-alive connection, one request at a time
 * on it (as a browser tab does), JSON in and out. It does no more than a benchmark needs, so it
 * costs the machine a fraction of what node:http or fetch cost per request: the load generator
 * shares the two cores with the server and the database, and every millisecond it spends is one
 * the product does not get. Each call's time runs from making the request until its whole
 * response has arrived and its JSON is parsed.
 *
 * It understands what the product sends: a status line, headers with a content-length, a body.
 */
export interface RawResponse<T> {
  status: number;
  body: T;
  ms: number;
}

interface Waiting {
  start: number;
  done(response: RawResponse<unknown>): void;
}

export class RawHttpConnection {
  /** How many TCP connections this one has opened (1 unless the server closed it between requests). */
  opened = 0;
  private socket: Socket | undefined;
  private waiting: Waiting | undefined;
  private buffered: Buffer = Buffer.alloc(0);

  constructor(
    private readonly host: string,
    private readonly port: number,
  ) {}

  request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<RawResponse<T>> {
    const start = performance.now();
    if (this.waiting) throw new Error('one request at a time per connection');
    const payload = body === undefined ? '' : JSON.stringify(body);
    const head =
      `${method} ${path} HTTP/1.1\r\nhost: ${this.host}:${this.port}\r\n` +
      (body === undefined ? '' : `content-type: application/json\r\ncontent-length: ${Buffer.byteLength(payload)}\r\n`);
    return new Promise((done) => {
      this.waiting = { start, done: done as Waiting['done'] };
      this.connection().write(`${head}\r\n${payload}`);
    });
  }

  close(): void {
    this.socket?.destroy();
    this.socket = undefined;
  }

  private connection(): Socket {
    if (this.socket && !this.socket.destroyed) return this.socket;
    this.opened++;
    const socket = connect({ host: this.host, port: this.port, noDelay: true });
    socket.on('data', (chunk: Buffer) => this.received(chunk));
    const fail = (error?: Error) => {
      if (this.socket === socket) this.socket = undefined;
      this.buffered = Buffer.alloc(0);
      this.finish(0, { error: error ? String(error) : 'connection closed' });
    };
    socket.on('error', fail);
    socket.on('close', () => fail());
    this.socket = socket;
    return socket;
  }

  private received(chunk: Buffer): void {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    const headEnd = this.buffered.indexOf('\r\n\r\n');
    if (headEnd < 0) return;
    const head = this.buffered.toString('latin1', 0, headEnd);
    if (/\r\ntransfer-encoding: *chunked/i.test(head)) {
      this.close();
      this.finish(0, { error: 'a chunked response: this client only reads responses with a content-length' });
      return;
    }
    const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0);
    if (this.buffered.length < headEnd + 4 + length) return;
    const text = this.buffered.toString('utf8', headEnd + 4, headEnd + 4 + length);
    this.buffered = this.buffered.subarray(headEnd + 4 + length);
    const status = Number(head.slice(9, 12));
    let body: unknown;
    try {
      body = text === '' ? null : JSON.parse(text);
    } catch {
      body = { error: `not JSON: ${text.slice(0, 200)}` };
    }
    this.finish(status, body);
  }

  private finish(status: number, body: unknown): void {
    const waiting = this.waiting;
    if (!waiting) return;
    this.waiting = undefined;
    waiting.done({ status, body, ms: performance.now() - waiting.start });
  }
}
