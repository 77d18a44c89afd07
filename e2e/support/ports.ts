// Loopback ports of the servers the end-to-end run starts (playwright.config.ts).
export const PORTS = {
  /** Demo mode, embedded simulator with its control routes at /__sim. */
  demo: 8797,
  /** The standalone simulator, the vendor of the two BFFs below. */
  simulator: 8790,
  /** A BFF whose key the vendor rejects. */
  wrongKey: 8798,
  /** A BFF whose account has no PRO devices. */
  noPro: 8799,
} as const;

export const urlOf = (port: number) => `http://127.0.0.1:${port}`;
