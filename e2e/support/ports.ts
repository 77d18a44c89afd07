// Loopback ports of the servers the end-to-end run starts (playwright.config.ts). E2E_PORT_BASE
// moves them all, so two runs on one machine do not collide.
const base = Number(process.env.E2E_PORT_BASE ?? 8790);

export const PORTS = {
  /** The standalone simulator, the vendor of the two keyed BFFs below. */
  simulator: base,
  /** Demo mode, embedded simulator with its control routes at /__sim. */
  demo: base + 7,
  /** A BFF whose key the vendor rejects. */
  wrongKey: base + 8,
  /** A BFF whose account has no PRO devices. */
  noPro: base + 9,
  /** Demo mode with accounts (an administrator from ADMIN_EMAIL), for sign-in, people, displays and settings. */
  accounts: base + 10,
} as const;

export const urlOf = (port: number) => `http://127.0.0.1:${port}`;
