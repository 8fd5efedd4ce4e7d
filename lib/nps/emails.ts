import { button, escapeHtml, layout, type RenderedEmail } from "@/lib/email/templates";
import type { NpsAudience } from "@/db/schema";

export function surveyEmail(args: {
  audience: NpsAudience;
  partnerName: string;
  url: string;
  unsubscribeUrl: string;
  reminder: boolean;
}): RenderedEmail {
  const question =
    args.audience === "customer"
      ? `How likely are you to recommend ${args.partnerName} to a friend or colleague?`
      : "How likely are you to recommend the Provenant partner program to another agency or consultancy?";
  const intro =
    args.audience === "customer"
      ? `${args.partnerName} set up Content Credentials on your site with Provenant. One question, under a minute, no sign-in.`
      : `A quick question for ${args.partnerName} about the partner program. One question, under a minute, no sign-in.`;
  const subject = `${args.reminder ? "Reminder: " : ""}${args.audience === "customer" ? `How was working with ${args.partnerName}?` : "How is the Provenant partner program working for you?"}`;
  return {
    subject,
    html: layout(
      question,
      `<p style="margin:0 0 8px;line-height:1.5">${escapeHtml(intro)}</p>` +
        button(args.url, "Answer the question") +
        `<p style="margin:0;font-size:13px;color:#475569;line-height:1.5">The link works once and expires in 30 days. <a href="${escapeHtml(args.unsubscribeUrl)}" style="color:#475569">Stop receiving these surveys</a>.</p>`,
    ),
    text: `${question}\n\n${intro}\n\nAnswer here (works once, expires in 30 days):\n${args.url}\n\nStop receiving these surveys: ${args.unsubscribeUrl}\n`,
  };
}
