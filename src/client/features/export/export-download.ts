// Getting the CSV to the disk: checked by the server first, then saved by the browser itself.
//
// The page asks for the export with `handoff=1`. The BFF validates it, opens the vendor's CSV and
// looks at its first bytes; every failure (bad input, rejected key, vendor down or slow, no rows)
// comes back as small JSON that the form shows next to its field or as an alert. A good export
// comes back as a one-time link to the already opened stream, which is handed to the browser's
// own download manager through an `<a download>` click. The file then streams from the vendor
// through the BFF to the disk without passing through the page's JavaScript, so neither the tab
// nor the server holds it, the browser shows its usual progress, the vendor is asked once, and
// the app never navigates away (an unexpected failure of the link is a failed download in the
// browser's list, never a page that replaces the app or a saved error file).
import { z } from 'zod';
import { ApiRequestError, fetchJson } from '@/client/lib/api-client';

/** The server's answer to `handoff=1`: where the browser fetches the prepared file. */
const handoffSchema = z.object({ download: z.string().startsWith('/api/export/file/'), filename: z.string() });

export type ExportOutcome = { ok: true } | { ok: false; error: ApiRequestError };

export interface StartExportOptions {
  /** Cancels the check (the user closed the form or pressed Cancel). */
  signal?: AbortSignal;
  fetch?: typeof globalThis.fetch;
  /** Hands the URL to the browser's download manager. */
  download?: (url: string, filename: string) => void;
}

/** Checks the export with the server, then starts the browser's own download of it. */
export async function startExport(url: string, filename: string, options: StartExportOptions = {}): Promise<ExportOutcome> {
  const { signal, fetch = globalThis.fetch.bind(globalThis), download = clickDownloadLink } = options;
  let prepared: z.output<typeof handoffSchema>;
  try {
    // No client timeout: the server's own limit on the vendor's first bytes applies.
    prepared = await fetchJson(`${url}&handoff=1`, handoffSchema, { signal, timeoutMs: null, fetch });
  } catch (error) {
    // A cancel is not a failure: the caller sees the abort.
    if (signal?.aborted || !(error instanceof ApiRequestError)) throw error;
    return { ok: false, error };
  }
  if (signal?.aborted) throw signal.reason;
  download(prepared.download, filename);
  return { ok: true };
}

/** The browser's own download of a same-origin URL; `download` keeps the page where it is. */
export function clickDownloadLink(url: string, filename: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
  }
}
