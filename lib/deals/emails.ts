import { button, escapeHtml, layout, type RenderedEmail } from "@/lib/email/templates";

// Deal registration emails: conflicts, decisions, reminders, expiry.

function email(subject: string, title: string, paragraphs: string[], link: { url: string; label: string }): RenderedEmail {
  return {
    subject,
    html: layout(title, paragraphs.map((p) => `<p style="margin:0 0 12px;line-height:1.5">${escapeHtml(p)}</p>`).join("") + button(link.url, link.label)),
    text: `${title}\n\n${paragraphs.join("\n\n")}\n\n${link.label}: ${link.url}\n`,
  };
}

export function conflictOpenedEmail(args: { company: string; domain: string; first: boolean; dealUrl: string }): RenderedEmail {
  return email(
    `Deal registration conflict: ${args.company}`,
    `Another partner registered ${args.domain}`,
    [
      args.first
        ? `Another partner has registered ${args.company} (${args.domain}), which you registered first. Your registration stays protected while a program admin reviews the conflict.`
        : `${args.company} (${args.domain}) was already registered by another partner. Your registration is recorded and a program admin will decide which one stands; until then the first registration keeps its protection.`,
      "You will get an email with the decision and its reason.",
    ],
    { url: args.dealUrl, label: "Open the deal" },
  );
}

export function conflictResolvedEmail(args: { company: string; domain: string; won: boolean; reason: string; dealUrl: string }): RenderedEmail {
  return email(
    `Deal conflict decided: ${args.company}`,
    args.won ? `Your registration of ${args.domain} stands` : `Your registration of ${args.domain} was not upheld`,
    [
      args.won
        ? `A program admin decided the registration conflict for ${args.company} in your favour. Your registration is accepted and protected.`
        : `A program admin decided the registration conflict for ${args.company} in favour of another partner. Your registration is closed as lost.`,
      `Reason given: ${args.reason}`,
    ],
    { url: args.dealUrl, label: "Open the deal" },
  );
}

export function dealReminderEmail(args: { company: string; domain: string; protectedUntil: string; dealUrl: string }): RenderedEmail {
  return email(
    `Your registration of ${args.company} ends on ${args.protectedUntil}`,
    `Protection for ${args.domain} ends soon`,
    [
      `Your deal registration for ${args.company} (${args.domain}) is protected until ${args.protectedUntil}.`,
      "If the deal is still moving, ask your partner manager to extend it before then; otherwise it expires and the domain is open to other partners.",
    ],
    { url: args.dealUrl, label: "Open the deal" },
  );
}

export function dealExpiredEmail(args: { company: string; domain: string; dealUrl: string }): RenderedEmail {
  return email(
    `Your registration of ${args.company} expired`,
    `Protection for ${args.domain} has ended`,
    [`Your deal registration for ${args.company} (${args.domain}) reached the end of its protection and expired. You can register the company again if the deal is still active.`],
    { url: args.dealUrl, label: "Open the deal" },
  );
}
