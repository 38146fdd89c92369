// A web trainee over the local Direct Line, as the page talks to it: token, conversation,
// posts, and the bot's activities by polling or on the WebSocket stream.
import WebSocket from 'ws';

export interface DlActivity {
  id?: string;
  type?: string;
  text?: string;
  replyToId?: string;
  from?: { id?: string; name?: string; role?: string };
}

export interface DlTrainee {
  conversationId: string;
  token: string;
  userId: string;
  /** Posts a message; the status, and the id the server gave it on 200. */
  post(text: string): Promise<{ status: number; id?: string }>;
  /** Every activity kept for the conversation, oldest first. */
  activities(): Promise<DlActivity[]>;
  /** Opens the stream; `onActivity` sees every activity the bot sends from now on. */
  stream(onActivity: (activity: DlActivity) => void): Promise<WebSocket>;
}

export async function dlTrainee(baseUrl: string, body: Record<string, unknown> = {}): Promise<DlTrainee> {
  const res = await fetch(`${baseUrl}/api/webchat/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 200) throw new Error(`token: ${res.status} ${await res.text()}`);
  const info = (await res.json()) as { token: string; conversationId: string; userId: string };
  const auth = { Authorization: `Bearer ${info.token}` };
  const started = await fetch(`${baseUrl}/v3/directline/conversations`, { method: 'POST', headers: auth });
  if (started.status !== 201 && started.status !== 200) throw new Error(`start: ${started.status}`);
  const { streamUrl } = (await started.json()) as { streamUrl: string };
  const path = `${baseUrl}/v3/directline/conversations/${info.conversationId}/activities`;
  return {
    conversationId: info.conversationId,
    token: info.token,
    userId: info.userId,
    async post(text) {
      const r = await fetch(path, {
        method: 'POST',
        headers: { ...auth, 'Content-Type': 'application/json' },
        body: JSON.stringify({ type: 'message', text, locale: (body.locale as string | undefined) ?? 'zh-CN' }),
      });
      const json = r.status === 200 ? ((await r.json()) as { id: string }) : (await r.arrayBuffer(), undefined);
      return { status: r.status, ...(json ? { id: json.id } : {}) };
    },
    async activities() {
      const r = await fetch(path, { headers: auth });
      if (r.status !== 200) throw new Error(`activities: ${r.status}`);
      return ((await r.json()) as { activities: DlActivity[] }).activities;
    },
    stream(onActivity) {
      return new Promise((resolve, reject) => {
        const ws = new WebSocket(streamUrl);
        ws.on('open', () => resolve(ws));
        ws.on('error', reject);
        ws.on('message', (data: Buffer) => {
          const parsed = JSON.parse(data.toString()) as { activities?: DlActivity[] };
          for (const a of parsed.activities ?? []) onActivity(a);
        });
      });
    },
  };
}
