// Attribution settings, as data. Changing a number here changes the program's
// rules everywhere (matching, the cookie, the docs), never only one place.

export const ATTRIBUTION_POLICY = {
  /** A click (or a partner id) counts for conversions up to this many days later. */
  windowDays: 60,
  /** First-party cookie set by /r/<code>, holding the click id. */
  cookieName: "pp_ref",
  cookieMaxAgeDays: 60,
  /** Query parameters appended to the destination. */
  partnerParam: "pp_partner",
  clickParam: "pp_click",
} as const;

/**
 * The program's own hosts: the only places a tracking link may send a visitor
 * (our site, pricing, campaign pages). The app's own host (APP_URL) is allowed too.
 * Anything else is refused when a link is created and again at redirect time.
 */
export const ALLOWED_DESTINATION_HOSTS: readonly string[] = [
  "provenant.dev",
  "www.provenant.dev",
  "docs.provenant.dev",
  "go.provenant.dev",
];
