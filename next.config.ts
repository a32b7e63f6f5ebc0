import type { NextConfig } from "next";

const config: NextConfig = {
  serverExternalPackages: ["@electric-sql/pglite", "pg"],
  poweredByHeader: false,
  // `npm test` runs `tsc --noEmit` over the whole repo as its own stage; skipping the duplicate check here
  // saves ~10-18 s per build and keeps a type error in tests or the emulator from blocking `npm start`.
  typescript: { ignoreBuildErrors: true },
};

export default config;
