// The end-to-end runs' administrator (a throwaway account of throwaway servers) and signing in
// through the API, which gives the page's browser context the session cookie.
import { expect, type Page } from '@playwright/test';

export const E2E_ADMIN = { email: 'admin@e2e.example', password: 'e2e administrator password' } as const;

/** Signs the page's context in on `base` (an origin such as http://127.0.0.1:8800). */
export async function signIn(page: Page, base: string, who: { email: string; password: string } = E2E_ADMIN): Promise<void> {
  const res = await page.request.post(`${base}/api/session`, { data: who, headers: { origin: base } });
  expect(res.status(), await res.text()).toBe(200);
}
