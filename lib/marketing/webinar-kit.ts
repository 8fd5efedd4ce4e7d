// Webinar-in-a-box: the deck template, the demo script and the "run your own
// Survival Report" segment, co-branded with the partner's name. Markdown (the
// deck uses `---` slide breaks, which Marp, Deckset and reveal.js all read).
// Pure: data in, text out.

export interface KitPartner {
  name: string;
  website: string | null;
  profileUrl: string;
}

export function deckTemplate(p: KitPartner): string {
  return `---
title: "Content Credentials that survive — with ${p.name}"
paginate: true
---

# Content Credentials that survive

${p.name} × Provenant Partner Program

<!-- Speaker: introduce yourself and the program badge on your site (${p.profileUrl}). -->

---

## Why provenance, why now

- Readers, platforms and regulators ask where an image came from
- C2PA Content Credentials answer with a signed manifest
- A manifest that is stripped on the way out answers nothing

---

## The survival doctrine

- Survival = share of checked assets whose credentials a reader can still recover
- Embedded (JPEG APP11 / PNG caBX) or remote (\`Link: <url>; rel="c2pa-manifest"\`)
- Our bar for remote manifests: **99.9%**

---

## Live demo: strip vs preserve vs remote

1. Strip — the default pipeline loses the manifest
2. Preserve — the same image, metadata kept through the CDN
3. Remote — the Link header points to the manifest store

(Follow demo-script.md.)

---

## Run your own Survival Report

- Pick five real pages
- Run the checks, read the result per asset
- Publish the report and share the link

(Follow survival-report-segment.md.)

---

## Green in fifteen minutes

- Install, sign, check the CDN, add the Link header, check five pages, keep a Verify link, embed the badge

---

## Questions

${p.name}${p.website ? ` — ${p.website}` : ""}

Verify our certification: ${p.profileUrl}
`;
}

export function demoScript(p: KitPartner): string {
  return `# Demo script: strip vs preserve vs remote

Presenter: ${p.name}. Length: about 12 minutes. Have three browser tabs ready and one signed image.

## Setup (before the webinar)
1. Sign one JPEG with Content Credentials and upload it to a test page three times:
   - **strip**: through the default resize pipeline (metadata removed);
   - **preserve**: through the CDN with "preserve metadata" turned on;
   - **remote**: through the default pipeline, with the \`Link: <manifest url>; rel="c2pa-manifest"\` header added at the edge.
2. Open https://contentcredentials.org/verify in a fourth tab.

## 1. Strip (3 minutes)
- Drop the stripped image into CAI Verify: "No Content Credentials".
- Say: "This is what most sites do today without knowing it. The credentials were there when the photo left the camera."

## 2. Preserve (3 minutes)
- Drop the preserved image into CAI Verify: the manifest, the signer, the edits.
- Say: "Same image, one setting changed in the CDN. The manifest travels inside the file."

## 3. Remote (4 minutes)
- Show the response headers in the browser's network tab: the \`Link\` header with \`rel="c2pa-manifest"\`.
- Verify the image by URL: CAI Verify follows the header to the manifest store.
- Say: "When a pipeline must rewrite files, the manifest lives beside the asset. Nothing to strip."

## Close (2 minutes)
- The bar: 99.9% of checked assets must keep a recoverable manifest.
- Point to the Survival Report segment next, and to our certification: ${p.profileUrl}
`;
}

export function survivalReportSegment(p: KitPartner): string {
  return `# Segment: run your own Survival Report

Presenter: ${p.name}. Length: about 10 minutes, live.

## What attendees get
A public report of one site's survival checks: which assets kept their credentials, embedded or remote, and the survival percentage against the 99.9% bar.

## Steps (do them live)
1. Choose five real pages of a site you run (product pages, articles, a gallery).
2. Run the survival checks on them; read the result per asset out loud:
   embedded manifest found, remote manifest resolved, or nothing recoverable.
3. Explain the percentage: recovered assets / checked assets.
4. For a failing asset, show the cause (a resize that strips metadata, a missing Link header).
5. Publish the report and paste its link in the chat.

## Talking points
- A report is evidence an auditor can re-perform: sample, method and results are on the page.
- Re-run it after every theme, plugin or CDN change.
- Ask ${p.name} for a scheduled report if you need one every month.
`;
}
