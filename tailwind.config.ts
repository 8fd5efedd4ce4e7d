import type { Config } from "tailwindcss";

// Theme tokens for the whole app. Loaded from app/globals.css with `@config`.
const config: Config = {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}"],
  theme: {
    extend: {
      colors: {
        brand: {
          50: "#eef8f6",
          100: "#d5eee9",
          200: "#aedcd3",
          300: "#7cc4b8",
          400: "#4aa699",
          500: "#2e8a7e",
          600: "#236f66",
          700: "#1f5a53",
          800: "#1c4844",
          900: "#193c39",
          950: "#0a2321",
        },
        ink: {
          DEFAULT: "#0f172a",
          muted: "#475569",
          subtle: "#64748b",
        },
        tier: {
          verified: "#2563eb",
          advanced: "#7c3aed",
          premier: "#b45309",
          probation: "#6b7280",
        },
      },
      fontFamily: {
        sans: [
          "ui-sans-serif",
          "system-ui",
          "-apple-system",
          "Segoe UI",
          "Roboto",
          "Helvetica Neue",
          "Arial",
          "sans-serif",
        ],
        mono: ["ui-monospace", "SFMono-Regular", "Menlo", "Consolas", "monospace"],
      },
      maxWidth: {
        page: "80rem",
      },
    },
  },
};

export default config;
