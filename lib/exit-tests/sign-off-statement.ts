/** What an executive signs, stored with each signature. */
export const SIGN_OFF_STATEMENT =
  "I reviewed this exit-test run and its evidence package, and I sign the package identified by this SHA-256.";
