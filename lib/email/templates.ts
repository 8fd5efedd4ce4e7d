// Plain, inline-styled email templates (mail clients ignore stylesheets).

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

export function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

export function layout(title: string, bodyHtml: string): string {
  return `<!doctype html><html><body style="margin:0;background:#f1f5f9;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#0f172a">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:32px 16px">
<table role="presentation" width="560" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border-radius:12px;border:1px solid #e2e8f0">
<tr><td style="padding:24px 32px;border-bottom:1px solid #e2e8f0;font-weight:700;color:#1f5a53">Provenant Partners</td></tr>
<tr><td style="padding:32px"><h1 style="margin:0 0 16px;font-size:20px">${escapeHtml(title)}</h1>${bodyHtml}</td></tr>
<tr><td style="padding:16px 32px;border-top:1px solid #e2e8f0;font-size:12px;color:#64748b">You received this because of your Provenant partner program account.</td></tr>
</table></td></tr></table></body></html>`;
}

export function button(url: string, label: string): string {
  return `<p style="margin:24px 0"><a href="${escapeHtml(url)}" style="display:inline-block;background:#236f66;color:#ffffff;text-decoration:none;padding:12px 20px;border-radius:8px;font-weight:600">${escapeHtml(label)}</a></p>`;
}

export function magicLinkEmail(args: { url: string; host: string; expiresInHours: number }): RenderedEmail {
  return {
    subject: `Sign in to Provenant Partners`,
    html: layout(
      "Your sign-in link",
      `<p style="margin:0 0 8px;line-height:1.5">Click the button below to sign in to ${escapeHtml(args.host)}.</p>` +
        button(args.url, "Sign in") +
        `<p style="margin:0;font-size:13px;color:#475569;line-height:1.5">The link works once and expires in ${args.expiresInHours} hours. If you did not ask for it, ignore this email.</p>`,
    ),
    text: `Sign in to Provenant Partners\n\nOpen this link to sign in to ${args.host}:\n${args.url}\n\nThe link works once and expires in ${args.expiresInHours} hours. If you did not ask for it, ignore this email.\n`,
  };
}

export function invitationEmail(args: {
  partnerName: string;
  inviterName: string;
  role: string;
  signInUrl: string;
}): RenderedEmail {
  return {
    subject: `${args.inviterName} added you to ${args.partnerName} on Provenant Partners`,
    html: layout(
      `You have joined ${args.partnerName}`,
      `<p style="margin:0 0 8px;line-height:1.5">${escapeHtml(args.inviterName)} added you to <strong>${escapeHtml(args.partnerName)}</strong> as ${escapeHtml(args.role)}. Sign in with this email address to open the partner console.</p>` +
        button(args.signInUrl, "Open the partner console"),
    ),
    text: `${args.inviterName} added you to ${args.partnerName} as ${args.role}.\nSign in with this email address to open the partner console:\n${args.signInUrl}\n`,
  };
}

export function webhookFailingEmail(args: {
  partnerName: string;
  url: string;
  failingSince: string;
  lastError: string;
  consoleUrl: string;
}): RenderedEmail {
  return {
    subject: `Webhook endpoint failing: ${args.url}`,
    html: layout(
      "A webhook endpoint keeps failing",
      `<p style="margin:0 0 8px;line-height:1.5">Deliveries from Provenant Partners to <strong>${escapeHtml(args.url)}</strong> (${escapeHtml(args.partnerName)}) have failed since ${escapeHtml(args.failingSince)}. The last error was: ${escapeHtml(args.lastError)}.</p>` +
        `<p style="margin:0 0 8px;line-height:1.5">We keep retrying for about three days. If every retry of a delivery fails, the endpoint will be disabled.</p>` +
        button(args.consoleUrl, "Check the endpoint"),
    ),
    text: `Deliveries to ${args.url} (${args.partnerName}) have failed since ${args.failingSince}. Last error: ${args.lastError}.\nWe keep retrying for about three days; if every retry of a delivery fails, the endpoint will be disabled.\n${args.consoleUrl}\n`,
  };
}

export function webhookDisabledEmail(args: { partnerName: string; url: string; reason: string; consoleUrl: string }): RenderedEmail {
  return {
    subject: `Webhook endpoint disabled: ${args.url}`,
    html: layout(
      "A webhook endpoint was disabled",
      `<p style="margin:0 0 8px;line-height:1.5">We stopped sending webhooks to <strong>${escapeHtml(args.url)}</strong> (${escapeHtml(args.partnerName)}): ${escapeHtml(args.reason)}.</p>` +
        `<p style="margin:0 0 8px;line-height:1.5">Fix the receiver, enable the endpoint again in the console, and resend the deliveries you need.</p>` +
        button(args.consoleUrl, "Open the endpoint"),
    ),
    text: `We stopped sending webhooks to ${args.url} (${args.partnerName}): ${args.reason}.\nFix the receiver, enable the endpoint again in the console, and resend the deliveries you need.\n${args.consoleUrl}\n`,
  };
}

export function agreementReceiptEmail(args: {
  partnerName: string;
  documents: string;
  receiptHtml: string;
  receiptText: string;
  pdfUrl: string;
  consoleUrl: string;
}): RenderedEmail {
  return {
    subject: `Your signature receipt: ${args.documents}`,
    html: layout(
      "Signature receipt",
      `<p style="margin:0 0 16px;line-height:1.5">You signed the following for <strong>${escapeHtml(args.partnerName)}</strong>. Keep this email as your receipt; the PDF is in the console.</p>` +
        args.receiptHtml +
        button(args.pdfUrl, "Download the PDF receipt") +
        `<p style="margin:0;font-size:13px;color:#475569;line-height:1.5">Every receipt is also listed at <a href="${escapeHtml(args.consoleUrl)}" style="color:#236f66">${escapeHtml(args.consoleUrl)}</a>.</p>`,
    ),
    text: `You signed the following for ${args.partnerName}.\n\n${args.receiptText}\n\nPDF receipt: ${args.pdfUrl}\nAll receipts: ${args.consoleUrl}\n`,
  };
}

export function newAgreementVersionEmail(args: { partnerName: string; title: string; version: string; summary: string; url: string; consoleUrl: string }): RenderedEmail {
  return {
    subject: `Please review and sign: ${args.title} ${args.version}`,
    html: layout(
      `${args.title} ${args.version} is published`,
      `<p style="margin:0 0 8px;line-height:1.5">A new version of the ${escapeHtml(args.title)} applies to <strong>${escapeHtml(args.partnerName)}</strong>. What changed: ${escapeHtml(args.summary || "see the version history")}.</p>` +
        `<p style="margin:0 0 8px;line-height:1.5">An owner of your account needs to sign it in the console before your next payout. <a href="${escapeHtml(args.url)}" style="color:#236f66">Read it first</a>.</p>` +
        button(args.consoleUrl, "Review and sign"),
    ),
    text: `A new version of the ${args.title} (${args.version}) applies to ${args.partnerName}. What changed: ${args.summary || "see the version history"}.\nAn owner needs to sign it before your next payout.\nRead it: ${args.url}\nSign it: ${args.consoleUrl}\n`,
  };
}

/** Certification notices: certified, renewed, expired, a tier change, a re-certification reminder, a quality alert. */
export function certificationNoticeEmail(args: { partnerName: string; subject: string; heading: string; lines: string[]; consoleUrl: string; cta: string }): RenderedEmail {
  return {
    subject: args.subject,
    html: layout(
      args.heading,
      args.lines.map((l) => `<p style="margin:0 0 8px;line-height:1.5">${escapeHtml(l)}</p>`).join("") + button(args.consoleUrl, args.cta),
    ),
    text: `${args.heading} (${args.partnerName})\n\n${args.lines.join("\n")}\n${args.consoleUrl}\n`,
  };
}

export function leadReceivedEmail(args: {
  partnerName: string;
  fromName: string;
  fromEmail: string;
  company: string | null;
  message: string;
  slaHours: number | null;
  leadsUrl: string;
}): RenderedEmail {
  const who = args.company ? `${args.fromName} (${args.company})` : args.fromName;
  const sla = args.slaHours ? `Your listing promises an answer within ${args.slaHours} hours.` : "";
  return {
    subject: `New directory lead for ${args.partnerName}: ${who}`,
    html: layout(
      "A prospect contacted you from the directory",
      `<p style="margin:0 0 8px;line-height:1.5"><strong>${escapeHtml(who)}</strong> &lt;${escapeHtml(args.fromEmail)}&gt; wrote to ${escapeHtml(args.partnerName)}:</p>` +
        `<blockquote style="margin:16px 0;padding:12px 16px;background:#f8fafc;border-left:3px solid #236f66;white-space:pre-line;line-height:1.5">${escapeHtml(args.message)}</blockquote>` +
        `<p style="margin:0 0 8px;line-height:1.5">Reply to them directly by email. ${escapeHtml(sla)} Mark the lead as answered in the console: answers within your SLA count toward your directory ranking.</p>` +
        button(args.leadsUrl, "Open your leads"),
    ),
    text: `${who} <${args.fromEmail}> wrote to ${args.partnerName}:\n\n${args.message}\n\nReply to them directly by email. ${sla}\nMark the lead as answered in the console: ${args.leadsUrl}\n`,
  };
}

export function proofLinksDecidedEmail(args: { partnerName: string; approved: boolean; reason: string | null; listingUrl: string }): RenderedEmail {
  const title = args.approved ? "Your new proof links are live" : "Your proof links were not approved";
  const body = args.approved
    ? `The proof links you submitted for ${args.partnerName} were approved and now show on your public profile.`
    : `The proof links you submitted for ${args.partnerName} were not approved. Reason: ${args.reason ?? "—"}. Your previous links stay on your profile; you can submit new ones from the console.`;
  return {
    subject: `${title} — ${args.partnerName}`,
    html: layout(title, `<p style="margin:0 0 8px;line-height:1.5">${escapeHtml(body)}</p>` + button(args.listingUrl, "Open your listing")),
    text: `${title}\n\n${body}\n\n${args.listingUrl}\n`,
  };
}

/** A program decision on something the partner submitted (MDF request or claim, co-marketing material). */
export function decisionEmail(args: { partnerName: string; subject: string; heading: string; lines: string[]; reason: string | null; url: string; cta: string }): RenderedEmail {
  const reason = args.reason ? `Comment from the program team: ${args.reason}` : null;
  return {
    subject: `${args.subject} — ${args.partnerName}`,
    html: layout(
      args.heading,
      args.lines.map((l) => `<p style="margin:0 0 8px;line-height:1.5">${escapeHtml(l)}</p>`).join("") +
        (reason ? `<blockquote style="margin:16px 0;padding:12px 16px;background:#f8fafc;border-left:3px solid #236f66;white-space:pre-line;line-height:1.5">${escapeHtml(args.reason!)}</blockquote>` : "") +
        button(args.url, args.cta),
    ),
    text: `${args.heading} (${args.partnerName})\n\n${args.lines.join("\n")}\n${reason ? `\n${reason}\n` : ""}\n${args.cta}: ${args.url}\n`,
  };
}
