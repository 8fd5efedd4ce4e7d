// The verification code the docs page (/docs/webhooks) shows partners, as a
// string so the page prints exactly what the tests run (verify-snippet.test.ts).

export const NODE_VERIFY_SNIPPET = `const crypto = require("node:crypto");

// secret: the endpoint's signing secret ("whsec_..."), headers: the request
// headers (lower-case names), body: the raw request body as a string.
function verifyWebhook(secret, headers, body, toleranceSeconds = 300) {
  const id = headers["webhook-id"];
  const timestamp = headers["webhook-timestamp"];
  const signatures = headers["webhook-signature"];
  if (!id || !timestamp || !signatures) throw new Error("Missing webhook headers");

  // Refuse old (replayed) and future-dated requests.
  const age = Math.abs(Date.now() / 1000 - Number(timestamp));
  if (!(age <= toleranceSeconds)) throw new Error("Timestamp outside the tolerance");

  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const expected = crypto.createHmac("sha256", key).update(id + "." + timestamp + "." + body).digest();
  const valid = signatures.split(" ").some((entry) => {
    const [version, signature] = entry.split(",");
    const given = Buffer.from(signature || "", "base64");
    return version === "v1" && given.length === expected.length && crypto.timingSafeEqual(given, expected);
  });
  if (!valid) throw new Error("Invalid signature");
  return JSON.parse(body);
}`;

export const NODE_EXPRESS_EXAMPLE = `app.post("/webhooks/provenant", express.text({ type: "application/json" }), (req, res) => {
  let event;
  try {
    event = verifyWebhook(process.env.PROVENANT_WEBHOOK_SECRET, req.headers, req.body);
  } catch (err) {
    return res.status(400).send(err.message);
  }
  // Deliveries can arrive more than once: skip webhook-ids you have already handled.
  res.sendStatus(204); // answer quickly (within 10 s); do slow work afterwards
});`;

export const STANDARDWEBHOOKS_EXAMPLE = `import { Webhook } from "standardwebhooks";

const wh = new Webhook(process.env.PROVENANT_WEBHOOK_SECRET);
const event = wh.verify(rawBody, headers); // throws on a bad signature or an old timestamp`;
