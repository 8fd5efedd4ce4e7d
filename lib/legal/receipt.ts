import { PDFDocument, StandardFonts, rgb, type PDFFont } from "pdf-lib";
import { escapeHtml } from "@/lib/email/templates";

// The signature receipt: what was signed (titles, versions, SHA-256 of the
// exact text), by whom, for which partner, when, from where. One receipt per
// signing, as a standalone HTML page and as a PDF (pdf-lib: plain JavaScript,
// no browser needed on the server, and fast enough to render per request).

export interface ReceiptModel {
  receiptId: string;
  partnerName: string;
  partnerId: string;
  signerName: string;
  signerEmail: string;
  signerRole: string;
  signedAt: Date;
  ip: string;
  userAgent: string;
  consentText: string;
  documents: { title: string; version: string; sha256: string; url: string }[];
}

function iso(d: Date): string {
  return d.toISOString().replace("T", " ").replace(/\.\d{3}Z$/, " UTC");
}

export function receiptFields(m: ReceiptModel): [string, string][] {
  return [
    ["Receipt", m.receiptId],
    ["Partner", `${m.partnerName} (${m.partnerId})`],
    ["Signed by", `${m.signerName} <${m.signerEmail}>, ${m.signerRole}`],
    ["Signed at", iso(m.signedAt)],
    ["IP address", m.ip],
    ["Browser", m.userAgent],
  ];
}

export function receiptFilename(m: ReceiptModel, ext: "pdf" | "html"): string {
  return `signature-receipt-${m.receiptId}.${ext}`;
}

/** The receipt as an HTML fragment (inline styles: used in the page and in the email). */
export function receiptFragment(m: ReceiptModel): string {
  const rows = receiptFields(m)
    .map(([k, v]) => `<tr><th style="text-align:left;padding:6px 12px 6px 0;color:#475569;font-weight:600;vertical-align:top;white-space:nowrap">${escapeHtml(k)}</th><td style="padding:6px 0;word-break:break-all">${escapeHtml(v)}</td></tr>`)
    .join("");
  const docs = m.documents
    .map(
      (d) =>
        `<tr><td style="padding:8px 12px 8px 0;border-top:1px solid #e2e8f0;vertical-align:top"><a href="${escapeHtml(d.url)}" style="color:#236f66">${escapeHtml(d.title)}</a></td><td style="padding:8px 12px 8px 0;border-top:1px solid #e2e8f0;vertical-align:top">${escapeHtml(d.version)}</td><td style="padding:8px 0;border-top:1px solid #e2e8f0;font-family:ui-monospace,Menlo,monospace;font-size:12px;word-break:break-all">${escapeHtml(d.sha256)}</td></tr>`,
    )
    .join("");
  return (
    `<table role="presentation" style="border-collapse:collapse;font-size:14px;margin:0 0 20px">${rows}</table>` +
    `<table style="border-collapse:collapse;font-size:14px;width:100%;margin:0 0 20px"><thead><tr><th style="text-align:left;padding:0 12px 8px 0">Document</th><th style="text-align:left;padding:0 12px 8px 0">Version</th><th style="text-align:left;padding:0 0 8px">SHA-256 of the text signed</th></tr></thead><tbody>${docs}</tbody></table>` +
    `<p style="margin:0 0 8px;font-size:14px;line-height:1.5"><strong>Consent given:</strong> “${escapeHtml(m.consentText)}”</p>` +
    `<p style="margin:0;font-size:13px;color:#475569;line-height:1.5">To check a document, compute the SHA-256 of its published text (the “Download text” link on its page) and compare it with the value above.</p>`
  );
}

/** A complete HTML document, for download and printing. */
export function receiptHtml(m: ReceiptModel): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Signature receipt ${escapeHtml(m.receiptId)}</title><meta name="viewport" content="width=device-width,initial-scale=1"></head>
<body style="margin:0;background:#fff;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#0f172a"><main style="max-width:760px;margin:0 auto;padding:40px 24px">
<p style="margin:0 0 4px;font-weight:700;color:#1f5a53">Provenant Partners</p>
<h1 style="margin:0 0 24px;font-size:24px">Signature receipt</h1>
${receiptFragment(m)}
</main></body></html>`;
}

// The standard PDF fonts only cover WinAnsi: anything else becomes "?".
function winAnsi(text: string, font: PDFFont): string {
  let out = "";
  for (const ch of text.normalize("NFC")) {
    try {
      font.encodeText(ch);
      out += ch;
    } catch {
      out += "?";
    }
  }
  return out;
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/(\s+)/)) {
      const candidate = line + word;
      if (font.widthOfTextAtSize(candidate, size) <= width || line === "") {
        // A single word wider than the line (a hash, a user agent) is cut by characters.
        if (font.widthOfTextAtSize(candidate, size) > width) {
          let chunk = "";
          for (const ch of candidate) {
            if (font.widthOfTextAtSize(chunk + ch, size) > width) {
              lines.push(chunk);
              chunk = "";
            }
            chunk += ch;
          }
          line = chunk;
        } else line = candidate;
      } else {
        lines.push(line.trimEnd());
        line = word.trimStart();
      }
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

export async function receiptPdf(m: ReceiptModel): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`Signature receipt ${m.receiptId}`);
  pdf.setAuthor("Provenant Partners");
  pdf.setSubject(m.documents.map((d) => `${d.title} ${d.version}`).join(", "));
  pdf.setCreationDate(m.signedAt);
  pdf.setModificationDate(m.signedAt);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const mono = await pdf.embedFont(StandardFonts.Courier);
  const margin = 56;
  let page = pdf.addPage([595.28, 841.89]);
  const width = page.getWidth() - margin * 2;
  let y = page.getHeight() - margin;
  const ink = rgb(0.06, 0.09, 0.16);
  const muted = rgb(0.28, 0.33, 0.41);

  const draw = (text: string, font: PDFFont, size: number, color = ink, indent = 0) => {
    for (const line of wrap(winAnsi(text, font), font, size, width - indent)) {
      if (y < margin + size) {
        page = pdf.addPage([595.28, 841.89]);
        y = page.getHeight() - margin;
      }
      page.drawText(line, { x: margin + indent, y, size, font, color });
      y -= size * 1.45;
    }
  };

  draw("Provenant Partners", bold, 11, rgb(0.12, 0.35, 0.33));
  y -= 4;
  draw("Signature receipt", bold, 20);
  y -= 10;
  for (const [k, v] of receiptFields(m)) {
    draw(k, bold, 9, muted);
    draw(v, regular, 11);
    y -= 4;
  }
  y -= 8;
  draw("Documents signed", bold, 13);
  y -= 2;
  for (const d of m.documents) {
    draw(`${d.title}, version ${d.version}`, bold, 11);
    draw(d.url, regular, 9, muted);
    draw(`SHA-256 ${d.sha256}`, mono, 9);
    y -= 6;
  }
  y -= 4;
  draw("Consent given", bold, 9, muted);
  draw(`"${m.consentText}"`, regular, 11);
  y -= 10;
  draw(
    "To check a document, compute the SHA-256 of its published text and compare it with the value above. This receipt was produced from the signature record, which cannot be changed.",
    regular,
    9,
    muted,
  );
  return pdf.save({ useObjectStreams: false });
}
