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
import { type ApiError, apiErrorSchema } from '@/shared/api-schema';

/** The server's answer to `handoff=1`: where the browser fetches the prepared file. */
const handoffSchema = z.object({ download: z.string().startsWith('/api/export/file/'), filename: z.string() });

export type ExportFailureCode = ApiError['error']['code'] | 'network' | 'invalid_response';

export interface ExportFailure {
  status: number;
  code: ExportFailureCode;
  message: string;
  field?: string | undefined;
}

export type ExportOutcome = { ok: true } | { ok: false; error: ExportFailure };

export interface StartExportOptions {
  /** Cancels the check (the user closed the form or pressed Cancel). */
  signal?: AbortSignal;
  fetch?: typeof globalThis.fetch;
  /** Hands the URL to the browser's download manager. */
  download?: (url: string, filename: string) => void;
}

/** Checks the export with the server, then starts the browser's own download of it. */
export async function startExport(url: string, filename: string, options: StartExportOptions = {}): Promise<ExportOutcome> {
  const { signal, fetch: fetchImpl = globalThis.fetch.bind(globalThis), download = clickDownloadLink } = options;
  const check = new AbortController();
  const abortCheck = () => check.abort(signal?.reason);
  signal?.addEventListener('abort', abortCheck, { once: true });
  try {
    let response: Response;
    try {
      response = await fetchImpl(`${url}&handoff=1`, { signal: check.signal, cache: 'no-store', headers: { accept: 'application/json' } });
    } catch (error) {
      if (signal?.aborted) throw error;
      return { ok: false, error: { status: 0, code: 'network', message: 'The server could not be reached.' } };
    }

    if (!response.ok) return { ok: false, error: await readFailure(response) };

    const prepared = handoffSchema.safeParse(await response.json().catch(() => undefined));
    if (!prepared.success) {
      return {
        ok: false,
        error: { status: response.status, code: 'invalid_response', message: 'The server answered with something other than a prepared file.' },
      };
    }
    if (signal?.aborted) throw signal.reason;
    download(prepared.data.download, filename);
    return { ok: true };
  } finally {
    signal?.removeEventListener('abort', abortCheck);
  }
}

// A gateway in front of the BFF answering these without our JSON means the BFF is unreachable.
const GATEWAY_STATUSES = new Set([502, 503, 504]);

async function readFailure(response: Response): Promise<ExportFailure> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const parsed = apiErrorSchema.safeParse(body);
  if (parsed.success) return { status: response.status, ...parsed.data.error };
  return {
    status: response.status,
    code: GATEWAY_STATUSES.has(response.status) ? 'network' : 'invalid_response',
    message: `The server answered with HTTP ${response.status} and no readable explanation.`,
  };
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

export interface ExportProblemText {
  title: string;
  detail: string;
}

/** What the form says about a failed export, in plain words. Nothing was saved in every case. */
export function describeExportFailure(error: ExportFailure): ExportProblemText {
  switch (error.code) {
    case 'bad_request':
      return { title: 'The export settings were not accepted', detail: error.message };
    case 'no_data':
      return {
        title: 'No counts to export',
        detail:
          error.field === 'devices'
            ? error.message
            : 'WELLPOINT has no rows for this range and these devices (yet), so no file was saved. Choose an earlier or longer range.',
      };
    case 'no_pro_devices':
      return {
        title: 'No PRO devices to export',
        detail:
          'WELLPOINT only exports counts of PRO-plan devices, and this account has none, so no file was saved. Ask your administrator to move the counters to the PRO plan.',
      };
    case 'upstream_auth':
      return {
        title: 'WELLPOINT did not accept the access key',
        detail: 'Nothing was saved. The server’s WELLPOINT access key was rejected; ask whoever runs this dashboard to check it.',
      };
    case 'upstream_unavailable':
      return { title: 'WELLPOINT is not answering', detail: 'Nothing was saved. Try again in a few minutes.' };
    case 'upstream_timeout':
      return {
        title: 'WELLPOINT took too long to start the file',
        detail: 'Nothing was saved. Try again, or choose a shorter range or a coarser resolution.',
      };
    case 'upstream_format':
      return { title: 'WELLPOINT sent something other than a CSV file', detail: 'Nothing was saved. Try again in a few minutes.' };
    case 'rate_limited':
      return { title: 'Too many exports are running', detail: `Nothing was saved. ${error.message}` };
    case 'network':
      return { title: 'The server could not be reached', detail: 'Nothing was saved. Check the connection and try again.' };
    case 'unauthorized':
      return { title: 'Exports are not allowed here', detail: error.message };
    default:
      return { title: 'The export failed', detail: `Nothing was saved. ${error.message}` };
  }
}
