// The co-marketing one-pager templates: the program's approved copy, as data.
// A partner picks one, may change the headline and intro, and the generator
// adds the partner's logo, badges and three proof links. Pure data: safe to
// import anywhere.

export interface OnePagerTemplate {
  key: string;
  name: string;
  /** What the template is for, shown in the builder. */
  summary: string;
  defaultHeadline: string;
  defaultIntro: string;
  /** The body: headed sections of short paragraphs or checklist items. */
  sections: { heading: string; paragraphs?: string[]; checklist?: string[]; quote?: { text: string; source: string } }[];
}

export const ONE_PAGER_TEMPLATES: readonly OnePagerTemplate[] = [
  {
    key: "survival-doctrine",
    name: "The survival doctrine",
    summary: "Why provenance only counts if it survives the trip to the reader, and how we measure it.",
    defaultHeadline: "Provenance that survives the trip to your reader",
    defaultIntro: "Content Credentials prove where an image came from and how it was edited. They are worth nothing if your CDN, theme or image pipeline strips them on the way out.",
    sections: [
      {
        heading: "Survival is the metric",
        paragraphs: [
          "We measure the share of your published assets whose credentials a reader can still recover: an embedded manifest in the file, or a remote manifest the page points to that resolves.",
          "The bar for remote manifests is 99.9% of checked assets. Anything less is a gap a reader, a platform or an auditor will find.",
        ],
      },
      {
        heading: "Strip, preserve, or point",
        paragraphs: [
          "Resizers and CDNs often strip embedded metadata. We configure them to preserve it where they can, and serve a remote manifest reference where they cannot, so every asset keeps a path back to its credentials.",
        ],
      },
      {
        heading: "Proof, not promises",
        paragraphs: ["Every install ends with survival checks on your real pages, and a public Survival Report anyone can open."],
      },
    ],
  },
  {
    key: "remote-manifest",
    name: "Remote manifests, by the spec",
    summary: "What the C2PA specification says about manifests that live next to the asset, not inside it.",
    defaultHeadline: "Credentials that no resizer can strip",
    defaultIntro: "When a pipeline rewrites your images, embedded manifests can be lost. A remote manifest lives beside the asset and is found from the response itself.",
    sections: [
      {
        heading: "The rule",
        quote: {
          text: "When an asset served over HTTP carries no embedded Manifest Store, a validator looks for a Link header with rel=\"c2pa-manifest\"; its target is where the Manifest Store can be retrieved.",
          source: "C2PA Technical Specification, manifest discovery over HTTP (paraphrased)",
        },
      },
      {
        heading: "What we set up",
        paragraphs: [
          "Your origin or edge worker adds the Link header to every image response, and the manifest store is published at a stable URL.",
          "We check that the reference resolves for at least 99.9% of sampled assets before we call an install done.",
        ],
      },
    ],
  },
  {
    key: "badge-vs-watermark",
    name: "Why a badge beats a watermark",
    summary: "A live, verifiable badge against a pasted-on image: for buyers choosing how to show provenance.",
    defaultHeadline: "Why a live badge beats a watermark",
    defaultIntro: "A watermark says something once and can be copied anywhere. A live badge says what is true today, and anyone can check it.",
    sections: [
      {
        heading: "A watermark is a claim",
        paragraphs: ["It is baked into pixels, cannot be withdrawn, and can be cropped, cloned or faked. Nobody can tell whether the claim still holds."],
      },
      {
        heading: "A badge is evidence",
        paragraphs: [
          "The badge is served live by the program: it changes when a certification lapses, and it links to a verification page with the partner's current tier and proof links.",
          "Readers click through to CAI Verify and see the credentials themselves.",
        ],
      },
    ],
  },
  {
    key: "green-checklist",
    name: "The 15-minute green checklist",
    summary: "The steps from zero to a green survival check on WordPress or Shopify, in about fifteen minutes.",
    defaultHeadline: "Green in fifteen minutes",
    defaultIntro: "On WordPress and Shopify, a first verified survival check takes about a quarter of an hour. This is the checklist we follow.",
    sections: [
      {
        heading: "The checklist",
        checklist: [
          "Install the provenance plugin or app and connect the site",
          "Turn on signing for new uploads and backfill the media library",
          "Check the image CDN: preserve metadata, or enable remote manifests",
          "Add the c2pa-manifest Link header where files are rewritten",
          "Run a survival check on five real pages",
          "Open one asset in CAI Verify and keep the link as proof",
          "Publish the Survival Report and embed the live badge",
        ],
      },
    ],
  },
] as const;

export function templateOf(key: string): OnePagerTemplate | null {
  return ONE_PAGER_TEMPLATES.find((t) => t.key === key) ?? null;
}

export const TEMPLATE_KEYS = ONE_PAGER_TEMPLATES.map((t) => t.key) as [string, ...string[]];
