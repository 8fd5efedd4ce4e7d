import { button, escapeHtml, layout, type RenderedEmail } from "@/lib/email/templates";
import { formatDate } from "@/lib/format";
import type { ViolationKind } from "@/db/schema/badge-monitoring";
import { VIOLATION_LABELS, VIOLATION_REMEDIES } from "./rules";

// Emails of the badge area.

export function violationOpenedEmail(args: {
  partnerName: string;
  items: readonly { kind: ViolationKind; detail: string; pageUrl: string | null; host: string; deadlineAt: Date }[];
  consoleUrl: string;
}): RenderedEmail {
  const n = args.items.length;
  const subject = n === 1 ? `Action needed: ${VIOLATION_LABELS[args.items[0]!.kind].toLowerCase()}` : `Action needed: ${n} badge issues found`;
  const list = args.items
    .map(
      (i) =>
        `<li style="margin:0 0 12px;line-height:1.5"><strong>${escapeHtml(VIOLATION_LABELS[i.kind])}</strong> on ${escapeHtml(i.pageUrl ?? i.host)}<br>${escapeHtml(i.detail)}<br><span style="color:#475569">${escapeHtml(VIOLATION_REMEDIES[i.kind])} Fix by ${escapeHtml(formatDate(i.deadlineAt))}.</span></li>`,
    )
    .join("");
  return {
    subject,
    html: layout(
      "We found a problem with how your badge is shown",
      `<p style="margin:0 0 12px;line-height:1.5">Our badge scanner checked the pages ${escapeHtml(args.partnerName)} declared and found:</p><ul style="padding-left:20px">${list}</ul>` +
        `<p style="margin:0 0 8px;line-height:1.5">When it is fixed, mark it fixed in the console: we scan the page again. Issues still open after the deadline may lead to the badge being revoked.</p>` +
        button(args.consoleUrl, "Review badge issues"),
    ),
    text:
      `We found a problem with how your badge is shown\n\n` +
      args.items.map((i) => `- ${VIOLATION_LABELS[i.kind]} on ${i.pageUrl ?? i.host}: ${i.detail}\n  ${VIOLATION_REMEDIES[i.kind]} Fix by ${formatDate(i.deadlineAt)}.`).join("\n") +
      `\n\nWhen it is fixed, mark it fixed in the console and we scan the page again:\n${args.consoleUrl}\n`,
  };
}

export function badgeRevokedEmail(args: { partnerName: string; badgeLabel: string; reason: string; consoleUrl: string }): RenderedEmail {
  return {
    subject: `Your ${args.badgeLabel} badge was revoked`,
    html: layout(
      `${args.badgeLabel} badge revoked`,
      `<p style="margin:0 0 12px;line-height:1.5">The ${escapeHtml(args.badgeLabel)} badge of ${escapeHtml(args.partnerName)} was revoked: ${escapeHtml(args.reason)}</p>` +
        `<p style="margin:0 0 8px;line-height:1.5">Embedded badge images now show it as revoked. Remove it from your pages.</p>` +
        button(args.consoleUrl, "Open your badges"),
    ),
    text: `The ${args.badgeLabel} badge of ${args.partnerName} was revoked: ${args.reason}\n\nEmbedded badge images now show it as revoked. Remove it from your pages.\n${args.consoleUrl}\n`,
  };
}
