import nodemailer, { type Transporter } from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import type { DeliveryResult } from "./deliver";

const transports = new Map<string, Transporter<SMTPTransport.SentMessageInfo>>();

/** SMTP_URL (`smtp://user:pass@host:587`, `smtps://…`) and SMTP_FROM configure e-mail; unset, e-mail is off. */
export function smtpConfigured(): boolean {
  return Boolean(process.env.SMTP_URL);
}

/** Sends one message (plain text + HTML) over SMTP; the server's reply code is the response code. */
export async function sendEmail(
  to: string,
  parts: { subject: string; text: string; html: string },
  headers: Record<string, string>,
): Promise<DeliveryResult> {
  const url = process.env.SMTP_URL;
  if (!url) {
    return {
      ok: false,
      code: null,
      error: "E-mail is not configured: set SMTP_URL (and SMTP_FROM) and send again.",
    };
  }
  let transport = transports.get(url);
  if (!transport) {
    transport = nodemailer.createTransport(url);
    transports.set(url, transport);
  }
  try {
    const info = await transport.sendMail({
      from: process.env.SMTP_FROM ?? "SageDeck <sagedeck@localhost>",
      to,
      subject: parts.subject,
      text: parts.text,
      html: parts.html,
      headers,
    });
    const code = Number(/^(\d{3})/.exec(info.response)?.[1] ?? 250);
    return { ok: true, code };
  } catch (err) {
    const e = err as { responseCode?: number; message?: string };
    return { ok: false, code: e.responseCode ?? null, error: `SMTP: ${e.message ?? String(err)}` };
  }
}
