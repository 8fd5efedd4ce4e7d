import "server-only";
import NextAuth, { type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import type { EmailConfig } from "next-auth/providers";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { getDb } from "@/db/client";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log";
import { sendEmail } from "@/lib/email/send-email";
import { magicLinkEmail } from "@/lib/email/templates";
import { DEMO_ACCOUNTS, isDemoAccount } from "./demo-accounts";
import { getAuthSecret } from "./secret";
import { findUserByEmail, recordSignIn } from "./store";

const MAGIC_LINK_MAX_AGE_S = 24 * 60 * 60;

function emailProvider(): EmailConfig {
  return {
    id: "email",
    type: "email",
    name: "Email",
    from: getEnv().EMAIL_FROM,
    maxAge: MAGIC_LINK_MAX_AGE_S,
    async sendVerificationRequest({ identifier, url }) {
      const row = await sendEmail({
        kind: "magic_link",
        to: identifier,
        email: magicLinkEmail({ url, host: new URL(url).host, expiresInHours: MAGIC_LINK_MAX_AGE_S / 3600 }),
        sensitive: true,
        now: new Date(),
      });
      if (row.status === "failed") throw new Error(`Could not send the sign-in email: ${row.error}`);
      if (row.provider === "outbox") {
        // No email provider configured: the developer clicks the link from the log.
        log.info(`Sign-in link for ${identifier}: ${url}`);
      }
    },
    options: {},
  };
}

/** One-click sign-in for the seeded demo accounts (DEMO_LOGIN). */
function demoProvider() {
  return Credentials({
    id: "demo",
    name: "Demo account",
    credentials: { email: { label: "Email", type: "email" } },
    async authorize(credentials) {
      const email = String(credentials?.email ?? "").trim().toLowerCase();
      if (!getEnv().demoLogin || !isDemoAccount(email)) return null;
      const user = await findUserByEmail(email);
      return user ? { id: user.id, email: user.email, name: user.name } : null;
    },
  });
}

async function config(): Promise<NextAuthConfig> {
  const db = await getDb();
  return {
    adapter: DrizzleAdapter(db, {
      usersTable: users as never,
      accountsTable: accounts as never,
      sessionsTable: sessions as never,
      verificationTokensTable: verificationTokens as never,
    }),
    secret: getAuthSecret(),
    trustHost: true,
    // JWT sessions carry only the user id; roles and memberships are read from
    // the database on every request, so a removed member loses access at once.
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: "/sign-in", verifyRequest: "/sign-in/check-email", error: "/sign-in/error" },
    logger: {
      // A used or expired sign-in link is a user mistake, not a server error.
      error(error) {
        const type = (error as { type?: string }).type;
        if (type === "Verification" || type === "CredentialsSignin") log.info("sign-in refused", { reason: type });
        else log.error("auth error", { type, error: error.stack ?? error.message });
      },
      warn(code) {
        log.warn("auth warning", { code });
      },
      debug() {},
    },
    providers: [emailProvider(), ...(getEnv().demoLogin ? [demoProvider()] : [])],
    callbacks: {
      jwt({ token, user }) {
        if (user?.id) token.sub = user.id;
        return token;
      },
      session({ session, token }) {
        if (token.sub) session.user.id = token.sub;
        return session;
      },
    },
    events: {
      async signIn({ user }) {
        if (user.id) await recordSignIn(user.id, new Date());
      },
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(config);

export { DEMO_ACCOUNTS };
