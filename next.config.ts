import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite loads its WebAssembly and extension bundles from its own package folder at run time.
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-pgvector", "postgres"],
  // Migrations are read from disk when the database is opened; ship them with every server bundle.
  outputFileTracingIncludes: { "/**": ["./db/migrations/**/*"] },
  poweredByHeader: false,
  // Forms are checked field by field (a note is at most 2000 characters, …) and say which limit
  // was passed; the body limit only has to be above what any form can legitimately send.
  experimental: {
    serverActions: { bodySizeLimit: "2mb" },
    // The cached public pages (app/public) stay in the server's memory cache only, bounded by
    // cacheMaxMemorySize (50 MB): on disk, every insight id a visitor made up would leave files.
    isrFlushToDisk: false,
  },
  typedRoutes: false,
  // On every response; the Content-Security-Policy is set in proxy.ts.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
          {
            key: "Permissions-Policy",
            value: "camera=(), microphone=(), geolocation=(), browsing-topics=()",
          },
          { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
        ],
      },
    ];
  },
};

export default nextConfig;
