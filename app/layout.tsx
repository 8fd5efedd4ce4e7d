import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import "./globals.css";

export const metadata: Metadata = {
  title: {
    default: "Provenant Partners — find a certified Content Credentials partner",
    template: "%s · Provenant Partners",
  },
  description:
    "Certified agencies, auditors and enterprise integrators who install, audit and roll out Content Credentials (C2PA) that survive on real websites.",
};

export const viewport: Viewport = { themeColor: "#1f5a53" };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <a
          href="#main"
          className="sr-only z-50 rounded-lg bg-white px-4 py-2 text-sm font-medium shadow focus:not-sr-only focus:fixed focus:top-3 focus:left-3"
        >
          Skip to content
        </a>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
