import type { Config } from "tailwindcss";

// The theme: a calm state blue with a steppe-gold accent, system fonts (no downloads on slow links;
// every system UI font covers Kazakh letters).
export default {
  content: ["./app/**/*.{ts,tsx}"],
  theme: {
    extend: {
      colors: {
        brand: {
          50: "#eef5fb",
          100: "#d6e6f4",
          200: "#adcce9",
          300: "#7aaad8",
          400: "#4886c2",
          500: "#2669a8",
          600: "#1a548c",
          700: "#164572",
          800: "#13395d",
          900: "#0f2c48",
        },
        accent: {
          100: "#fbf1d3",
          400: "#e0b43c",
          500: "#c99a1f",
          700: "#8a6710",
        },
      },
      fontFamily: {
        sans: [
          "system-ui",
          "-apple-system",
          "Segoe UI",
          "Roboto",
          "Noto Sans",
          "Ubuntu",
          "Cantarell",
          "Helvetica Neue",
          "Arial",
          "sans-serif",
        ],
      },
    },
  },
} satisfies Config;
