import { createTransport } from 'nodemailer';
import type { ChannelKind } from '@app/contracts';
import type { Outgoing } from './messages';
import { dingtalkSignedUrl, feishuSignature } from './signing';

const HTTP_TIMEOUT_MS = 15_000;
const ANSWER_MAX = 2000;

export interface TransportChannel {
  kind: ChannelKind;
  target: string;
  /** Opened at the moment of sending; never logged, never part of an answer. */
  secret: string | null;
}

export interface TransportSettings {
  smtpUrl: string | undefined;
  smtpFrom: string;
}

/** One try: the receiver's answer (status and body, or the error), and whether it accepted the message. */
export interface Answer {
  ok: boolean;
  answer: string;
}

const clip = (text: string) => (text.length > ANSWER_MAX ? `${text.slice(0, ANSWER_MAX)}…` : text);

/** Robots answer HTTP 200 with an error code in the body when they refuse a message (DingTalk/WeCom errcode, Feishu code). */
function refusedInBody(body: string): boolean {
  try {
    const json = JSON.parse(body) as Record<string, unknown>;
    if (typeof json.errcode === 'number' && json.errcode !== 0) return true;
    if (typeof json.code === 'number' && json.code !== 0) return true;
    return false;
  } catch {
    return false;
  }
}

async function postJson(url: string, body: unknown): Promise<Answer> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(HTTP_TIMEOUT_MS),
      redirect: 'error',
    });
    const text = await res.text();
    return { ok: res.ok && !refusedInBody(text), answer: clip(`HTTP ${res.status} ${text}`) };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { ok: false, answer: clip(`${(error as Error).message}${cause ? `: ${cause.code ?? cause.message ?? ''}` : ''}`) };
  }
}

async function sendMail(channel: TransportChannel, subject: string, text: string, settings: TransportSettings): Promise<Answer> {
  if (!settings.smtpUrl) return { ok: false, answer: 'SMTP_URL is not configured' };
  const url = new URL(settings.smtpUrl);
  // A channel's secret is the SMTP password for the account in SMTP_URL, kept encrypted rather than in the environment.
  if (channel.secret !== null) url.password = encodeURIComponent(channel.secret);
  const transport = createTransport(url.toString());
  try {
    const info = await transport.sendMail({ from: settings.smtpFrom, to: channel.target, subject, text });
    return { ok: true, answer: clip(`SMTP ${info.response}`) };
  } catch (error) {
    return { ok: false, answer: clip(`SMTP ${(error as Error).message}`) };
  } finally {
    transport.close();
  }
}

/** Sends one message over its channel, signing robot calls at this moment. */
export async function transmit(channel: TransportChannel, message: Outgoing, settings: TransportSettings, now: number = Date.now()): Promise<Answer> {
  if (message.transport === 'email') return sendMail(channel, message.subject, message.text, settings);
  if (channel.kind === 'dingtalk' && channel.secret !== null) return postJson(dingtalkSignedUrl(channel.target, channel.secret, now), message.body);
  if (channel.kind === 'feishu' && channel.secret !== null) return postJson(channel.target, { ...feishuSignature(channel.secret, now), ...message.body });
  return postJson(channel.target, message.body);
}
